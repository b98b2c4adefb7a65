import Foundation
import Testing
@testable import PacerCore

/// The verifier's own independent-study checks: each fires, alone, on a plan broken by hand, and
/// none fires on the plan as made.
@Suite struct StudyVerifierTests {
    /// One flex block. T runs A1 for S1 and S2 in R1; U does not supervise; AIDE and AIDE2 are free,
    /// AWAY is not. R1 and R4 hold study at capacity, R2 holds 3, R5 holds 1, R3 is no study space and R4 is closed.
    /// Three students per adult, so S3 and S4 study in R2 under one aide.
    func school() throws -> Scenario {
        try PacerCoreTests.school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T, teaches: [A1]}, {id: U, teaches: [A2], supervises: false, unavailable: [F1]}]
            supervisors: [{id: AIDE, name: Ada}, {id: AIDE2, name: Bea}, {id: AWAY, name: Cy, unavailable: [F1]}]
            rooms:
              - {id: R1, capacity: 5, study: true}
              - {id: R2, capacity: 5, study: 3}
              - {id: R3, capacity: 5, study: false}
              - {id: R4, capacity: 5, study: true, unavailable: [F1]}
              - {id: R5, capacity: 5, study: 1}
            policy: {students_per_supervisor: 3}

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A1\nS3,Cat,A2\nS4,Dan,A2\n")
    }

    func good(_ s: Scenario) -> WeekPlan { handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1", "S2"])]) }

    /// The plan with its one study group changed.
    func broken(_ s: Scenario, _ change: (inout StudyGroup) -> Void) -> WeekPlan {
        var plan = good(s)
        change(&plan.study![0])
        return plan
    }

    /// The plan with a second study group in R5 (one seat) for `student` under `adult`.
    func withSecondGroup(_ s: Scenario, _ student: StudentID, adult: AdultID) -> WeekPlan {
        var plan = good(s)
        var second = plan.study![0]
        second.id = "Mon-F1/study/R5"
        second.room = "R5"
        second.adults = [adult]
        second.students = [StudyPlace(student: student, objective: "A2")]
        plan.study!.append(second)
        return plan
    }

    @Test func theGoodPlanPasses() throws {
        let s = try school()
        let plan = good(s)
        #expect(plan.study?.count == 1)
        #expect(plan.study?[0].room == "R2")
        #expect(plan.study?[0].adults == ["AIDE"])
        #expect(plan.study?[0].students.map(\.student) == ["S3", "S4"])
        #expect(plan.unplaced == [])
        #expect(rules(s, plan) == [])
    }

    @Test func aStudentInAWorkshopAndStudyIsInTwoPlaces() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.students.insert(StudyPlace(student: "S1", objective: "A1"), at: 0) }) == ["two-places"])
    }

    @Test func aStudentInTwoStudyGroupsIsInTwoPlaces() throws {
        let s = try school()
        // Two study rooms are also a study change the stated cost does not count.
        #expect(rules(s, withSecondGroup(s, "S3", adult: "AIDE2")) == ["two-places", "objective"])
    }

    @Test func aPresentStudentWithNoPlaceIsReportedListedOrNot() throws {
        let s = try school()
        var unlisted = broken(s) { $0.students.removeLast() }
        unlisted.cost.total += s.policy.noPlace
        unlisted.header.objective += s.policy.noPlace
        #expect(rules(s, unlisted) == ["no-place", "unplaced-list"])
        var listed = unlisted
        listed.unplaced = [UnplacedStudent(student: "S4", block: "Mon-F1", reason: "by hand")]
        #expect(rules(s, listed) == ["no-place"])
    }

    @Test func aPlacedStudentListedUnplacedIsAListError() throws {
        let s = try school()
        var plan = good(s)
        plan.unplaced = [UnplacedStudent(student: "S1", block: "Mon-F1", reason: "by hand")]
        #expect(rules(s, plan) == ["unplaced-list"])
    }

    @Test func aPlanFromBeforeIndependentStudyIsNotChecked() throws {
        let s = try school()
        var plan = good(s)
        plan.study = nil
        plan.unplaced = nil
        plan.cost.noPlace = nil
        #expect(rules(s, plan) == [])
    }

    @Test func studyOnlyInAStudySpace() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.room = "R3" }) == ["study-space"])
    }

    @Test func studyOnlyInAnOpenRoom() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.room = "R4" }) == ["room-unavailable"])
    }

    @Test func studyNotInAWorkshopsRoom() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.room = "R1" }) == ["room-busy"])
    }

    @Test func studyHoldsNoMoreThanItsSeats() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.room = "R5" }) == ["study-seats"])
    }

    @Test func studyHoldsNoMoreThanTheRatioPerAdult() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.adults = [] }) == ["study-ratio"])
    }

    @Test func studyIsSupervisedByAKnownAdult() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.adults = ["NOBODY"] }) == ["unknown-adult"])
    }

    @Test func aTeacherWhoDoesNotSuperviseDoesNot() throws {
        let s = try school()
        // U is also away in F1: both are reported.
        #expect(rules(s, broken(s) { $0.adults = ["U"] }) == ["not-supervising", "adult-unavailable"])
    }

    @Test func anAwayAdultDoesNotSupervise() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.adults = ["AWAY"] }) == ["adult-unavailable"])
    }

    @Test func aTeacherRunningAWorkshopDoesNotSupervise() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.adults = ["T"] }) == ["adult-busy"])
    }

    @Test func anAdultSupervisesOneGroupABlock() throws {
        let s = try school()
        var plan = withSecondGroup(s, "S4", adult: "AIDE")
        plan.study![0].students.removeAll { $0.student == "S4" }
        #expect(rules(s, plan) == ["adult-busy"])
    }

    @Test func studyIsOnACurrentObjective() throws {
        let s = try school()
        #expect(rules(s, broken(s) { $0.students[0].objective = "A1" }) == ["study-objective"])
        #expect(rules(s, broken(s) { $0.students[0].objective = nil }) == ["study-objective"])
    }

    /// A school that cannot hold everyone (one teacher, two students per adult, workshops of
    /// one): the plan pays `no_place` for each student-block left out, the verifier's cost agrees,
    /// and each is a `no-place` violation.
    @Test func theNoPlaceTermIsRecomputed() throws {
        let s = try PacerCoreTests.school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 1}]}]
            teachers: [{id: T, teaches: [A1]}]
            rooms: [{id: R1, capacity: 5}]
            policy: {students_per_supervisor: 2}
            # independent study: only the teacher supervises
            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A1\nS3,Cat,A1\n")
        let plan = try Planner.plan(s, options: PlanOptions(timeLimit: 20)).plan
        let unplaced = try #require(plan.unplaced)
        #expect(!unplaced.isEmpty)
        #expect(plan.cost.noPlace == s.policy.noPlace * Double(unplaced.count))
        #expect(plan.header.placements?.noPlace == unplaced.count)
        #expect(rules(s, plan) == Array(repeating: "no-place", count: unplaced.count))
        var misstated = plan
        misstated.cost.noPlace = 0
        misstated.cost.total -= s.policy.noPlace * Double(unplaced.count)
        misstated.header.objective = misstated.cost.total
        #expect(rules(s, misstated) == Array(repeating: "no-place", count: unplaced.count) + ["objective"])
    }
}
