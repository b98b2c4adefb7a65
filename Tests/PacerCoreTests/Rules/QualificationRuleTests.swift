import Foundation
import Testing
@testable import PacerCore

/// `QualificationRule.swift` (a teacher runs only what they can teach), where it binds: the planner
/// obeys it, and the verifier catches a hand-made plan that breaks it, naming exactly that check.
@Suite struct QualificationRuleTests {
    /// A teacher runs only objectives they can teach.
    @Test func qualification() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T, teaches: [A2]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n")
        let plan = try planned(s)
        #expect(plan.sessions.map(\.objective) == ["A2"])
        #expect(plan.unserved.first { $0.student == "S1" }?.reason
                == UnservedReason(.noTeacher, rules: [QualificationRule.name], "no teacher can run A1 in any flex block (not qualified to teach it, or runs no workshops)"))
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"])])) == ["not-qualified"])
    }
}
