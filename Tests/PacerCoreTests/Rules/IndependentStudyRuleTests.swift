import Foundation
import Testing
@testable import PacerCore

/// Independent study (IndependentStudyRule.swift, StudySpaces.swift, StudyPlacer.swift): every
/// present student has one place in every flex block, and every engine gives an adult to study
/// before a workshop when study would otherwise leave students with no adult.
@Suite struct IndependentStudyRuleTests {
    /// One flex block, 40 students who each want a workshop, two qualified teachers, one workshop
    /// room of 10 and a study hall of 40 seats kept for study, no aides: if both teachers run a
    /// workshop, 20 students have no adult; the right plan runs one workshop and the other teacher
    /// supervises the other 30.
    static func twoTeachers(students count: Int = 40, hall: Int = 40, extra: String = "") throws -> Scenario {
        var csv = "id,name,A\n"
        for i in 1...count { csv += "S\(i),Student \(i),A1\n" }
        return try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, max_group: 10}]}]
            teachers: [{id: T1, name: Ms One, teaches: [A]}, {id: T2, name: Mr Two, teaches: [A]}]
            rooms:
              - {id: R1, capacity: 10}
              - {id: R2, capacity: 10}
              - {id: HALL, name: Study hall, capacity: \(hall), study: true, workshops: false}
            \(extra)
            """, students: csv)
    }

    /// Every present student is in exactly one place in every flex block.
    static func placesEveryone(_ s: Scenario, _ plan: WeekPlan) -> Bool {
        for block in s.calendar.flexBlocks {
            var seen: [StudentID: Int] = [:]
            for session in plan.sessions where session.block == block.id { for st in session.students { seen[st, default: 0] += 1 } }
            for group in plan.study ?? [] where group.block == block.id { for p in group.students { seen[p.student, default: 0] += 1 } }
            for student in s.students where student.isAvailable(in: block.id) { if seen[student.id] != 1 { return false } }
        }
        return true
    }

    /// Local search opens no session, and its test start (the greedy's sessions with one student
    /// each) leaves 9 students with no adult: it closes the session, so that both teachers supervise.
    @Test(arguments: EngineRuleTests.Engine.allCases)
    func eachEngineGivesATeacherToStudyRatherThanLeaveStudentsAlone(_ engine: EngineRuleTests.Engine) throws {
        let s = try Self.twoTeachers()
        let made = try EngineRuleTests.sessions(engine, s)
        let demands = Demand.all(s)
        let plan = Planner.assemble(s, demands: demands, sessions: made, options: PlanOptions(), status: .feasible, method: engine.rawValue,
                                    bound: nil, size: nil, candidates: CandidateSet.counts(scenario: s, demands: demands))
        #expect(plan.unplaced == [], "\(engine)")
        #expect(Self.placesEveryone(s, plan))
        if engine == .localSearch {
            #expect(made.isEmpty && plan.study?.map(\.adults) == [["T1", "T2"]])
            return
        }
        try #require(made.count == 1, "\(engine): \(made)")
        #expect(plan.header.placements == Placements(due: 40, inWorkshops: 10, inStudy: 30, noPlace: 0, supervisingAdults: 1, studySeatsUsed: 30))
        let group = try #require(plan.study?.first)
        #expect(plan.study?.count == 1)
        #expect(group.room == "HALL" && group.students.count == 30 && group.students.allSatisfy { $0.objective == "A1" })
        #expect(group.adults == [AdultID(rawValue: made[0].teacher == "T1" ? "T2" : "T1")])
        #expect(Self.placesEveryone(s, plan))
    }

    @Test func anAideLetsBothTeachersRunWorkshops() throws {
        let s = try Self.twoTeachers(extra: "supervisors: [{id: A-PARK, name: Ms Park}]")
        let plan = try planned(s)
        #expect(plan.sessions.count == 2)
        #expect(plan.study?.map(\.adults) == [["A-PARK"]])
        #expect(plan.header.placements?.noPlace == 0)
        #expect(Self.placesEveryone(s, plan))
    }

    @Test func tooFewAdultsStillGivesAPlanThatSaysWhoHasNoPlace() throws {
        let s = try Self.twoTeachers(students: 75)
        let plan = try Planner.plan(s, options: PlanOptions(timeLimit: 20)).plan
        // The hall seats 40. One workshop of 10 and the other teacher's 30 in study leave 35 with
        // no place; no workshop and both teachers in the hall also leave 35, and serve nobody.
        #expect(plan.header.placements?.noPlace == 35, "\(String(describing: plan.header.placements))")
        #expect(plan.sessions.count == 1)
        let unplaced = try #require(plan.unplaced)
        #expect(unplaced.count == 35)
        #expect(unplaced[0].reason.hasPrefix("not enough adults or study seats in Mon-F1: 65 students not in a workshop, 1 adult(s) free"), "\(unplaced[0].reason)")
        #expect(plan.cost.noPlace == 35 * s.policy.noPlace)
        #expect((plan.header.lowerBound ?? 0) <= plan.cost.total + 1e-6)
    }

    @Test func theBoundCountsWhatStudyCannotHold() throws {
        // 75 students, two teachers, no aide: no plan has fewer than 35 with no place.
        let s = try Self.twoTeachers(students: 75)
        let bound = try #require(try LowerBound(scenario: s, demands: Demand.all(s)).solve(nodeLimit: 100, deadline: .now.adding(seconds: 10), stop: nil).outcome)
        #expect(bound.value >= 35 * s.policy.noPlace)
    }

    @Test func studyCapacityIsTheLargestGainsOfTheFreeAdults() {
        // A library of 80 and two rooms of 20, ratio 30: one adult holds 30, two 60, three 80
        // (the library's third adult adds 20, as does a room's first), four 100.
        #expect(StudySpaces.capacity(adults: 1, seats: [80, 20, 20], ratio: 30) == 30)
        #expect(StudySpaces.capacity(adults: 3, seats: [80, 20, 20], ratio: 30) == 80)
        #expect(StudySpaces.capacity(adults: 4, seats: [80, 20, 20], ratio: 30) == 100)
        #expect(StudySpaces.capacity(adults: 9, seats: [80, 20, 20], ratio: 30) == 120)
        #expect(StudySpaces.capacity(adults: 0, seats: [80], ratio: 30) == 0)
        // Counted, not listed: 5,000 spaces of 10,000 seats at one student an adult.
        #expect(StudySpaces.capacity(adults: 5_000, seats: Array(repeating: 10_000, count: 5_000), ratio: 1) == 5_000)
        let allocation = StudySpaces.allocate(adults: 3, seats: [80, 20, 20], need: 70, ratio: 30)
        #expect(allocation.map(\.adults) == [3, 0, 0] && allocation.map(\.held) == [70, 0, 0])
    }

    @Test func aHomeBaseIsPreferred() throws {
        var csv = "id,name,A,home_room,home_adult\n"
        for i in 1...12 { csv += "S\(i),Student \(i),A1,\(i <= 6 ? "ROOM-B" : ""),\(i == 12 ? "A-2" : "")\n" }
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, max_group: 10, workshops_per_week: 0}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms:
              - {id: ROOM-A, capacity: 10, study: true, workshops: false}
              - {id: ROOM-B, capacity: 10, study: true, workshops: false}
            supervisors: [{id: A-1}, {id: A-2}]
            policy: {students_per_supervisor: 10}
            """, students: csv)
        let plan = try planned(s)
        let b = try #require(plan.study?.first { $0.room == "ROOM-B" })
        for i in 1...6 { #expect(b.students.contains { $0.student.rawValue == "S\(i)" }) }
        let withAdult2 = try #require(plan.study?.first { $0.adults.contains("A-2") })
        #expect(withAdult2.students.contains { $0.student == "S12" })
        #expect(Self.placesEveryone(s, plan))
    }

    @Test func theScenarioSaysWhatItAssumed() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms: [{id: R1, capacity: 10}]
            # independent study left to the defaults
            """, students: "id,name,A\nS1,Ann,A1\n")
        #expect(s.rooms.allSatisfy { $0.studySeats == $0.capacity })
        #expect(s.assumptions.count == 3)
    }
}
