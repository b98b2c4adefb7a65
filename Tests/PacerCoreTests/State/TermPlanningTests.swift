import Foundation
import Testing
@testable import PacerCore

/// Planning from the state is plan, verify and explain in one path (`Term.planWeek`,
/// `Term.regroup`): the command line and the portal get the same explanation of a plan.
@Suite struct TermPlanningTests {
    let golden = scenariosFolder + "/../Tests/PacerCoreTests/Golden/tiny-school/plan.json"

    /// S-01 and S-02 master MATH-7.RP.1 on Monday, leaving S-03 alone on it: no group of two can
    /// form, so no workshop can take S-03 under the hard rules, and the plans say so.
    @Test func aPlanFromTheStateComesExplained() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n2026-11-23,S-02,MATH-7.RP.1,mastered\n",
                                        scenario, in: folder), source: "mon.csv", today: afterTheChecks)
        let options = PlanOptions(timeLimit: 30, nodeLimit: 100)
        let week = try term.planWeek(weekOf: SchoolDate("2026-11-30")!, options: options)
        let alone = try #require(week.impossibilities?.first { $0.students == ["S-03"] })
        #expect(alone.rule.contains("fewer than its minimum group of 2"), "\(alone.rule)")
        #expect(week.impossibilities == ElasticModel.explain(week.context), "the elastic model on what the week was planned from")

        let day = try term.regroup(SchoolDate("2026-11-24")!, options: options)
        let explained = try #require(day.impossibilities)
        #expect(explained == ElasticModel.explain(day.context), "the elastic model on what the day was regrouped from")
    }

    /// An interrupted search is not explained: there is nothing to say about a plan cut short.
    @Test func anInterruptedPlanIsNotExplained() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let context = PlanningContext(scenario: scenario)
        var result = try Planner.plan(context, options: PlanOptions(timeLimit: 30, nodeLimit: 10))
        #expect(Term.explanation(of: result, context: context, timeLimit: 30, startedAt: .now) != nil)
        #expect(Term.explanation(of: result, context: context, timeLimit: 0.2, startedAt: .now) == nil, "no time left")
        result.interrupted = true
        #expect(Term.explanation(of: result, context: context, timeLimit: 30, startedAt: .now) == nil)
    }
}
