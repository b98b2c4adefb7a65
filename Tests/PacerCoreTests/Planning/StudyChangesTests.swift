import Foundation
import Testing
@testable import PacerCore

/// The objective's **study changes** (ObjectiveTerms.studyChanges): the placement keeps each
/// student in one study room across the week where it can, the plan prices each room beyond a
/// student's first, and `pacer verify` recomputes it.
@Suite struct StudyChangesTests {
    /// Three days of one flex block; a study hall of 12 kept for study and a classroom R1 of 12 that
    /// also holds study; two aides and a teacher, 10 students an adult. S1–S6 have R1 as home room.
    func school(hallClosedOn: String? = nil) throws -> Scenario {
        var csv = "id,name,A,home_room\n"
        for i in 1...12 { csv += "S\(i),Student \(i),A1,\(i <= 6 ? "R1" : "")\n" }
        let closed = hallClosedOn.map { ", unavailable: [\($0)]" } ?? ""
        return try PacerCoreTests.school(days: ["Mon", "Tue", "Wed"], """
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, max_group: 10, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms:
              - {id: HALL, capacity: 12, study: true, workshops: false\(closed)}
              - {id: R1, capacity: 12, study: true}
            supervisors: [{id: A-1}, {id: A-2}]
            policy: {students_per_supervisor: 10}
            """, students: csv)
    }

    /// Monday's workshop in R1 sends everyone else to the hall; on Tuesday and Wednesday R1 is free
    /// and is the home room of six of them. Stability wins over the home room: nobody changes room.
    @Test func studentsKeepOneStudyRoomAcrossTheWeek() throws {
        let s = try school()
        let plan = handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S7", "S8", "S9"])])
        #expect(IndependentStudyRuleTests.placesEveryone(s, plan))
        var rooms: [StudentID: Set<RoomID>] = [:]
        for group in plan.study ?? [] { for place in group.students { rooms[place.student, default: []].insert(group.room) } }
        #expect(rooms.count == 12 && rooms.values.allSatisfy { $0.count == 1 }, "\(rooms)")
        #expect(ObjectiveTerms.studyChanges(plan.study ?? []) == 0)
        #expect(plan.cost.studyChanges == 0)
        #expect(rules(s, plan) == [])
    }

    /// With the hall closed on Tuesday, the nine who studied there on Monday must move to R1: each such
    /// move is priced, the plan is no longer proven optimal, and the verifier agrees with the price.
    @Test func aForcedMoveIsPricedAndTheVerifierRecomputesIt() throws {
        let s = try school(hallClosedOn: "Tue-F1")
        let demands = Demand.all(s)
        let sessions = handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S7", "S8", "S9"])]).sessions
        let workshopsOnly = PlanEvaluator.cost(of: sessions, demands: demands, scenario: s).total
        let plan = Planner.assemble(s, demands: demands, sessions: sessions, options: PlanOptions(), status: .optimal, method: "hand-made",
                                    bound: workshopsOnly, size: nil, candidates: CandidateSet.counts(scenario: s, demands: demands))
        let changes = ObjectiveTerms.studyChanges(plan.study ?? [])
        #expect(changes >= 9)
        #expect(plan.cost.studyChanges == s.policy.studyChange * Double(changes))
        #expect(plan.cost.total == workshopsOnly + s.policy.studyChange * Double(changes))
        #expect(plan.header.status == .feasible)
        #expect(rules(s, plan) == [])
    }

    @Test func theVerifierCatchesAMoveTheCostLeavesOut() throws {
        let s = try school()
        var plan = handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S7", "S8", "S9"])])
        // Move one student of Wednesday's hall into R1: one study change the stated cost lacks.
        let study = try #require(plan.study)
        let hall = try #require(study.firstIndex { $0.block == "Wed-F1" && $0.room == "HALL" })
        let r1 = try #require(study.firstIndex { $0.block == "Wed-F1" && $0.room == "R1" })
        let moved = plan.study![hall].students.removeLast()
        plan.study![r1].students.append(moved)
        #expect(rules(s, plan) == ["objective"])
    }

    /// On a regrouped day a student keeps the study room published for them, though the placement
    /// alone would seat S1–S6 in their home room R1.
    @Test func aRegroupedDayKeepsThePublishedStudyRooms() throws {
        let s = try school()
        let demands = Demand.all(s)
        func rooms(_ groups: [StudyGroup]) -> [String: String] {
            var result: [String: String] = [:]
            for g in groups where g.block == "Tue-F1" { for p in g.students { result[p.student.rawValue] = g.room.rawValue } }
            return result
        }
        let alone = StudyPlacer(scenario: s, demands: demands).place([])
        #expect(rooms(alone.groups)["S1"] == "R1")
        // Published: S1–S10 in the hall under one aide, S11 and S12 in R1.
        let tuesday = try #require(s.calendar.blocks.first { $0.id == "Tue-F1" })
        func group(_ room: RoomID, _ adult: AdultID, _ students: ClosedRange<Int>) -> StudyGroup {
            StudyGroup(id: "Tue-F1/study/\(room)", day: tuesday.day, block: tuesday.id, start: "11:00", end: "11:40", room: room, adults: [adult],
                       students: students.map { StudyPlace(student: StudentID(rawValue: "S\($0)"), objective: "A1") })
        }
        let published = [group("HALL", "A-1", 1...10), group("R1", "A-2", 11...12)]
        let regrouped = StudyPlacer(scenario: s, demands: demands, published: published).place([])
        #expect(rooms(regrouped.groups) == rooms(published))
    }
}
