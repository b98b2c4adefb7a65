import Foundation
import Testing
@testable import PacerCore

/// `OnePlacePerBlockRule.swift` (teachers, rooms and students in one place per block), where it
/// binds: the planner obeys it, and the verifier catches a hand-made plan that breaks it, naming
/// exactly that check.
@Suite struct OnePlacePerBlockRuleTests {
    /// A teacher is in at most one place per block.
    @Test func teacherBusy() throws {
        let s = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B], max_sessions_per_day: 2}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,\nS2,Bo,,B1\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1, "one teacher, one block: one session")
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F1", "T", "R2", "B1", ["S2"])])) == ["teacher-busy"])
    }

    /// A room holds at most one session per block.
    @Test func roomBusy() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1)
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F1", "T2", "R1", "A2", ["S2"])])) == ["room-busy"])
    }

    /// A student is in at most one place per block.
    @Test func studentBusy() throws {
        let s = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [B]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,B1\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1)
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F1", "T2", "R2", "B1", ["S1"])])) == ["student-busy"])
    }
}
