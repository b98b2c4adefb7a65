import Foundation
import Testing
@testable import PacerCore

/// `TeacherDayRule.swift` (`max_sessions_per_day`), where it binds: the planner obeys it, and the
/// verifier catches a hand-made plan that breaks it, naming exactly that check.
@Suite struct TeacherDayRuleTests {
    /// A teacher runs at most their maximum sessions a day.
    @Test func maximumSessionsPerDay() throws {
        let s = try school(flex: 3, """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B, C], max_sessions_per_day: 2}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,B,C\nS1,Ann,A1,,\nS2,Bo,,B1,\nS3,Cy,,,C1\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 2)
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F2", "T", "R1", "B1", ["S2"]),
                                      ("Mon-F3", "T", "R1", "C1", ["S3"])])) == ["teacher-day"])
    }
}
