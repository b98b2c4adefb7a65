import Foundation
import Testing
@testable import PacerCore

/// `TeacherRunRule.swift` (`max_in_a_row`), where it binds: the planner obeys it, and the verifier
/// catches a hand-made plan that breaks it, naming exactly that check.
@Suite struct TeacherRunRuleTests {
    /// A teacher with `max_in_a_row` gets a free block after that many in a row.
    @Test func maximumInARow() throws {
        let s = try school(flex: 3, """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B, C], max_in_a_row: 1}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,B,C\nS1,Ann,A1,,\nS2,Bo,,B1,\nS3,Cy,,,C1\n")
        #expect(s.teachers.first?.maxInARow == 1)
        let plan = try planned(s)
        #expect(plan.sessions.map(\.block) == ["Mon-F1", "Mon-F3"], "one, a free block, one")
        let three = handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F2", "T", "R1", "B1", ["S2"]), ("Mon-F3", "T", "R1", "C1", ["S3"])])
        #expect(rules(s, three) == ["teacher-run"])
        #expect(PlanVerifier(scenario: s).violations(of: three).map(\.message) == ["T runs 3 workshops in a row on Mon (Mon-F1, Mon-F2, Mon-F3), at most 1"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F3", "T", "R1", "C1", ["S3"])])) == [])
    }
}
