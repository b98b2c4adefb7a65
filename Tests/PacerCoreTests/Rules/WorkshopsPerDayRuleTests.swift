import Foundation
import Testing
@testable import PacerCore

/// `max_workshops_per_day` (WorkshopsPerDayRule.swift): a rule added as one file. Every engine
/// obeys it, the verifier catches a plan that breaks it, the unserved reasons name it in its own
/// words, and the scenario reader checks its setting, none of them with a line of their own for it.
@Suite struct WorkshopsPerDayRuleTests {
    /// One day of three flex blocks; S1 wants a workshop in each of three subjects, each with a
    /// teacher and a room of its own, so only the policy's limit keeps S1 from all three.
    static func threeSubjects(policy: String) throws -> Scenario {
        try school(flex: 3, """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1, workshops_per_week: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1, workshops_per_week: 1}]}
            teachers: [{id: TA, teaches: [A]}, {id: TB, teaches: [B]}, {id: TC, teaches: [C]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}, {id: R3, capacity: 5}]
            \(policy)

            """, students: "id,name,A,B,C\nS1,Ann,A1,B1,C1\n")
    }

    @Test(arguments: EngineRuleTests.Engine.allCases)
    func eachEngineGivesAtMostTheLimit(_ engine: EngineRuleTests.Engine) throws {
        let s = try Self.threeSubjects(policy: "policy: {max_workshops_per_day: 2}")
        let made = try EngineRuleTests.sessions(engine, s)
        let demands = Demand.all(s)
        let plan = Planner.assemble(s, demands: demands, sessions: made, options: PlanOptions(), status: .feasible, method: engine.rawValue,
                                    bound: nil, size: nil, candidates: CandidateSet.counts(scenario: s, demands: demands))
        #expect(rules(s, plan) == [], "\(engine): \(made)")
        #expect(plan.sessions.count == 2, "\(engine): \(made)")
    }

    @Test func withoutTheSettingTheRuleDoesNotExist() throws {
        let s = try Self.threeSubjects(policy: "")
        #expect(!RuleCatalogue(s).rules.contains { $0 is WorkshopsPerDayRule })
        #expect(try planned(s).sessions.count == 3)
    }

    @Test func thePlannerNamesTheRuleForTheStudentItLeftOut() throws {
        let s = try Self.threeSubjects(policy: "policy: {max_workshops_per_day: 2}")
        let plan = try planned(s)
        #expect(plan.sessions.count == 2)
        let reason = try #require(plan.unserved.first?.reason)
        #expect(plan.unserved.count == 1)
        #expect(reason.kind == .noFreeBlock)
        #expect(reason.rules == [OnePlacePerBlockRule.name, WorkshopsPerDayRule.name])
        let left = plan.unserved[0].objective
        // The two subjects the student got went first, their needs being equal (Need).
        let first = plan.sessions.map { "; \($0.subject) first: an equal need" }.joined()
        #expect(reason.text == "the student cannot join \(left) in any flex block (already placed; already has 2 workshop(s) that day, the policy's most)" + first)
    }

    @Test func theVerifierCatchesAThirdWorkshop() throws {
        let s = try Self.threeSubjects(policy: "policy: {max_workshops_per_day: 2}")
        let three = handMade(s, [("Mon-F1", "TA", "R1", "A1", ["S1"]), ("Mon-F2", "TB", "R2", "B1", ["S1"]), ("Mon-F3", "TC", "R3", "C1", ["S1"])])
        #expect(rules(s, three) == ["workshops-per-day"])
        #expect(PlanVerifier(scenario: s).violations(of: three).map(\.message) == ["S1 has 3 workshops on Mon, at most 2 (max_workshops_per_day)"])
        #expect(rules(s, handMade(s, [("Mon-F1", "TA", "R1", "A1", ["S1"]), ("Mon-F3", "TC", "R3", "C1", ["S1"])])) == [])
    }

    @Test(arguments: [("0", "between 1 and 20, got 0"), ("many", "must be a whole number, got 'many'"), ("99", "between 1 and 20, got 99")])
    func theSettingIsChecked(_ value: String, _ expected: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            name: Test
            calendar: {days: [Mon], periods: [{id: F1, start: "10:00", end: "10:40", flex: true}]}
            subjects: [{id: A, objectives: [{id: A1}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]
            policy: {max_workshops_per_day: \(value)}

            """.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try "id,name,A\nS1,Ann,A1\n".write(to: dir.appendingPathComponent("students.csv"), atomically: true, encoding: .utf8)
        let reading = ScenarioLoader.read(dir.path)
        #expect(reading.scenario == nil)
        #expect(reading.diagnostics.contains { $0.message == "'max_workshops_per_day' of policy must \(expected.hasPrefix("must") ? String(expected.dropFirst(5)) : "be \(expected)")" },
                "\(reading.diagnostics)")
    }
}
