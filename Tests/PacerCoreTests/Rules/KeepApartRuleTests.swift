import Foundation
import Testing
@testable import PacerCore

/// Students to keep apart are never in one session, by default, in every engine and in verify;
/// a scenario that opts into a soft rule lets the exact models group them at a price.
@Suite struct KeepApartTests {
    /// Two students on one objective with a minimum group of two and one teacher in one block:
    /// grouping them is the only way to serve either.
    func pair(policy: String = "") throws -> Scenario {
        try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, workshops_per_week: 1}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]
            \(policy)
            """, students: "id,name,A,keep_apart\nS1,Ann,A1,S2\nS2,Bo,A1,\n")
    }

    @Test func theGreedyConstructionKeepsThemApart() throws {
        let s = try pair()
        let sessions = GreedyPlanner(scenario: s, demands: Demand.all(s), seed: 1).run()
        #expect(sessions.isEmpty, "\(sessions)")
    }

    @Test func theBlockModelsKeepThemApart() throws {
        let s = try pair()
        let sessions = try NeighbourhoodImprover(scenario: s, demands: Demand.all(s), nodeLimit: 100).improve([], deadline: .now + .seconds(60), stop: nil)
        #expect(sessions.isEmpty, "\(sessions)")
    }

    @Test func theReferenceModelKeepsThemApart() throws {
        let s = try pair()
        let model = try ReferenceModel(scenario: s, set: CandidateSet(scenario: s, demands: Demand.all(s)))
        let solution = try model.problem.solveMIP()
        #expect(solution.status == .optimal)
        #expect(model.sessions(from: solution.values).isEmpty)
    }

    /// The counted model knows the pair cannot share a session, so the bound alone proves the
    /// empty plan optimal.
    @Test func theBoundKeepsThemApart() throws {
        let plan = try planned(try pair())
        #expect(plan.header.status == .optimal && plan.header.method == "greedy")
        #expect(plan.sessions.isEmpty)
        #expect(plan.unserved.count == 2)
    }

    @Test func verifyNamesAPairInOneSession() throws {
        let s = try pair()
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1", "S2"])])).contains("keep-apart"))
    }

    @Test func aSoftRuleLetsTheExactModelGroupThemAtItsPrice() throws {
        let s = try pair(policy: "policy: {keep_apart: 30}")
        #expect(s.policy.keepApart == .soft(points: 30))
        let plan = try planned(s)
        #expect(plan.sessions.map(\.students) == [["S1", "S2"]])
        #expect(plan.cost.keepApart == 30)
        #expect(!rules(s, plan).contains("keep-apart"))
    }

    @Test func hardIsTheDefaultAndCanBeWritten() throws {
        #expect(try pair().policy.keepApart == .hard)
        #expect(try pair(policy: "policy: {keep_apart: hard}").policy.keepApart == .hard)
    }
}
