import Testing
@testable import PacerCore

/// A room with a feature some objective needs (a lab) is not spent on a session that does not need
/// it while another room will do.
@Suite struct ScarceRoomTests {
    /// One block, a small lab and a large plain room. The maths group comes first (three students
    /// against two) and the lab is the smallest room that seats it: it must still take the plain room.
    func school() throws -> Scenario {
        try PacerCoreTests.school("""
            subjects:
              - {id: MATH, objectives: [{id: M1, min_group: 1}]}
              - {id: SCI, objectives: [{id: S1, min_group: 1, needs: [lab]}]}
            teachers: [{id: T1, teaches: [MATH]}, {id: T2, teaches: [SCI]}]
            rooms: [{id: LAB, capacity: 6, features: [lab]}, {id: HALL, capacity: 30}]

            """, students: "id,name,MATH,SCI\nA,Ann,M1,\nB,Bo,M1,\nC,Cy,M1,\nD,Di,,S1\nE,Ed,,S1\n")
    }

    @Test func theGreedyConstructionKeepsTheLabForLabWork() throws {
        let s = try school()
        let sessions = GreedyPlanner(scenario: s, demands: Demand.all(s), seed: 1).run()
        #expect(Dictionary(uniqueKeysWithValues: sessions.map { ($0.objective, $0.room) }) == ["M1": "HALL", "S1": "LAB"], "\(sessions)")
    }

    @Test func thePlanServesBoth() throws {
        let plan = try planned(try school())
        #expect(plan.unserved.isEmpty, "\(plan.unserved)")
    }
}
