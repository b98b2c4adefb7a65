import Foundation
import Testing
@testable import PacerCore

/// `SubjectOncePerDayRule.swift` (one workshop per subject per day), where it binds: the planner
/// obeys it, and the verifier catches a hand-made plan that breaks it, naming exactly that check.
@Suite struct SubjectOncePerDayRuleTests {
    /// A student attends only sessions on their current objective, at most one per subject per day.
    @Test func currentObjectiveOncePerDay() throws {
        let s = try school(days: ["Mon", "Tue"], flex: 2, """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 2}, {id: A2, min_group: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,unavailable\nS1,Ann,A1,Tue\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1, "a second A workshop the same day is not allowed")
        #expect(plan.sessions.first?.objective == "A1")
        #expect(plan.unserved.map(\.got) == [1])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A2", ["S1"])])) == ["not-current-objective"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F2", "T2", "R1", "A1", ["S1"])])) == ["once-per-day"])
    }
}
