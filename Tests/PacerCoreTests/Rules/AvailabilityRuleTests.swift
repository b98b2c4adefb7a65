import Foundation
import Testing
@testable import PacerCore

/// `AvailabilityRule.swift` (nobody where they are unavailable), where it binds: the planner obeys
/// it, and the verifier catches a hand-made plan that breaks it, naming exactly that check.
@Suite struct AvailabilityRuleTests {
    /// Nobody is scheduled where they are unavailable: teacher, room, student.
    @Test func unavailability() throws {
        let s = try school(flex: 2, """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 1}]}]
            teachers: [{id: T, teaches: [A], unavailable: [F1]}]
            rooms: [{id: R1, capacity: 5, unavailable: [F2]}, {id: R2, capacity: 5}]

            """, students: "id,name,A,unavailable\nS1,Ann,A1,\nS2,Bo,A1,F2\n")
        let plan = try planned(s)
        #expect(plan.sessions.map(\.block) == ["Mon-F2"] && plan.sessions.map(\.room) == ["R2"])
        #expect(plan.sessions.first?.students == ["S1"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"])])) == ["teacher-unavailable"])
        #expect(rules(s, handMade(s, [("Mon-F2", "T", "R1", "A1", ["S1"])])) == ["room-unavailable"])
        #expect(rules(s, handMade(s, [("Mon-F2", "T", "R2", "A1", ["S1", "S2"])])) == ["student-unavailable"])
    }
}
