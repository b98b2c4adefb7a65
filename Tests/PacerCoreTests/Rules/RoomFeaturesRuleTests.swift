import Foundation
import Testing
@testable import PacerCore

/// `RoomFeaturesRule.swift` (the room has the features needed), where it binds: the planner obeys
/// it, and the verifier catches a hand-made plan that breaks it, naming exactly that check.
@Suite struct RoomFeaturesRuleTests {
    /// The room has the features the objective needs.
    @Test func roomFeatures() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, needs: [lab]}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: PLAIN, capacity: 30}, {id: LAB, capacity: 4, features: [lab]}]

            """, students: "id,name,A\nS1,Ann,A1\n")
        let plan = try planned(s)
        #expect(plan.sessions.map(\.room) == ["LAB"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "PLAIN", "A1", ["S1"])])) == ["room-features"])
    }
}
