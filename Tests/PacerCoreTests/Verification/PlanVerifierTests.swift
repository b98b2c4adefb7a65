import Foundation
import Testing
@testable import PacerCore

/// The verifier's checks that are no rule's: the plan's stated objective and its unserved list.
@Suite struct PlanVerifierTests {
    /// A plan whose stated objective is not what its sessions cost is caught.
    @Test func misstatedObjective() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T, teaches: [A1]}]
            supervisors: [{id: AIDE, name: Ada}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n")
        var plan = try planned(s)
        plan.cost.total += 1
        #expect(rules(s, plan) == ["objective"])
        var listless = try planned(s)
        listless.unserved = []
        #expect(rules(s, listless) == ["unserved-list"])
    }
}

@Suite struct VerifierWantsNothingTests {
    /// A student who wants no workshop yet attends one is flagged, not skipped.
    @Test func anAttendanceNobodyWantedIsTooMany() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let plan = try PlanFile.read(golden + "/plan.json")
        var context = PlanningContext(scenario: scenario)
        var wanted: [StudentID: [SubjectID: Int]] = [:]
        for s in scenario.students { wanted[s.id] = ["MATH": 2] }
        wanted["S-11"] = ["MATH": 0]
        context.wanted = wanted
        let attended = plan.sessions.filter { $0.students.contains("S-11") }.count
        #expect(attended > 0)
        let violations = PlanVerifier(context: context).violations(of: plan)
        #expect(violations.contains { $0.rule == .tooMany && $0.message == "S-11 gets \(attended) workshops on MATH-7.NS.1, it asks for 0" }, "\(violations)")
    }
}
