import Foundation
import Testing
@testable import PacerCore

/// `GroupSizeRule.swift` (the group within its limits and the room's seats), where it binds: the
/// planner obeys it, and the verifier catches a hand-made plan that breaks it, naming exactly that
/// check.
@Suite struct GroupSizeRuleTests {
    /// Group sizes lie within the objective's limits and the room's capacity.
    @Test func groupSizes() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, max_group: 3}, {id: A2, min_group: 2}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: BIG, capacity: 9}, {id: SMALL, capacity: 2}]

            """, students: "id,name,A\nS1,A,A1\nS2,B,A1\nS3,C,A1\nS4,D,A1\nS5,E,A1\nS6,F,A2\n")
        let plan = try planned(s)
        #expect(plan.sessions.allSatisfy { $0.objective == "A1" }, "A2 has one student, below its minimum of 2")
        #expect(plan.sessions.map(\.students.count).sorted() == [2, 3], "A1's five students need two groups: 3 (max) and 2 (SMALL's capacity)")
        #expect(plan.unserved.first { $0.student == "S6" }?.reason
                == UnservedReason(.tooFewStudents, "only 1 student(s) are on A2, fewer than its minimum group of 2"))
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "BIG", "A1", ["S1", "S2", "S3", "S4"])])) == ["group-too-large"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "BIG", "A2", ["S6"])])) == ["group-too-small"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "SMALL", "A1", ["S1", "S2", "S3"])])) == ["room-capacity"])
    }

    /// Five students wanting one workshop in groups of four, two flex blocks: the counted model's
    /// LP alone (no branching: `work: 0`) opens 5 ÷ 4 sessions without the `sessionsNeeded` row,
    /// a bound of 25 (1.25 × 20); with it, two sessions, the optimum of 40.
    @Test func sessionsNeededRaisesTheLPBoundToTheOptimum() throws {
        let s = try school(days: ["Mon", "Tue"], """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms: [{id: R1, capacity: 4}]
            policy: {session: 20, empty_seat: 0}

            """, students: "id,name,A\nS1,a,A1\nS2,b,A1\nS3,c,A1\nS4,d,A1\nS5,e,A1\n")
        let lp = try #require(try LowerBound(scenario: s, demands: Demand.all(s)).solve(work: 0, deadline: .now.adding(seconds: 10), stop: nil).outcome)
        #expect(lp.value > 25)
        #expect(lp.value == 40)
        #expect(try exactOptimum(s).cost == 40)
    }
}
