import Foundation
import Testing
@testable import PacerCore

/// A request for time with a named teacher is a goal met by a workshop the student attends that
/// the teacher runs (docs/requests.md, "How plans weigh a request"; `RequestGoal.MetBy.teacher`).
@Suite struct TeacherRequestTests {
    /// Ann is on A1 and B1 with one flex block: Ms A's workshop on A1 (Bo's too) or Mr B's on B1
    /// (Cy's too). Her stated need in A sends her to Ms A; asked for time with Mr B (urgent, 100,
    /// more than the need's 50), she goes to Mr B, and only the request tips it.
    func twoTeachers() throws -> Scenario {
        try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: TA, name: Ms A, teaches: [A]}, {id: TB, name: Mr B, teaches: [B]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B,needs\nS1,Ann,A1,B1,A\nS2,Bo,A1,,\nS3,Cy,,B1,\n")
    }

    func teacher(of student: StudentID, in sessions: [PlannedSession]) -> [TeacherID] {
        sessions.filter { $0.students.contains(student) }.map(\.teacher)
    }

    @Test func aRequestForATeacherTipsTheBlock() throws {
        let scenario = try twoTeachers()
        let plain = try planned(scenario)
        #expect(teacher(of: "S1", in: plain.sessions) == ["TA"], "without the request, Ann goes to Ms A (else this test proves nothing)")
        #expect(plain.cost.unmetRequests == nil)
        #expect(teacher(of: "S1", in: GreedyPlanner(scenario: scenario, demands: Demand.all(scenario), seed: 1).run()) == ["TA"])

        var context = PlanningContext(scenario: scenario)
        context.requestGoals = [RequestGoal(request: 1, student: "S1", teacher: "TB", days: ["Mon"], weight: 100)]
        let plan = try Planner.plan(context, options: PlanOptions(timeLimit: 20)).plan
        #expect(teacher(of: "S1", in: plan.sessions) == ["TB"])
        #expect(plan.cost.unmetRequests == 0)
        #expect(PlanVerifier(context: context).violations(of: plan) == [])
        try OptimalityTests().expectModelAgrees(context, plan)
        // Each engine weighs it: the greedy alone, and the evaluator on the plain plan.
        let demands = Demand.all(context)
        #expect(teacher(of: "S1", in: GreedyPlanner(scenario: scenario, demands: demands, seed: 1).run()) == ["TB"])
        #expect(PlanEvaluator.cost(of: plain.sessions, demands: demands, scenario: scenario).unmetRequests == 100)
        // The verifier recomputes it on its own: the plain plan, stating no request, is refused.
        #expect(PlanVerifier(context: context).violations(of: plain).map(\.rule).contains(.objective))
        // It rides on the demand Mr B could serve (B), not on A, which he does not teach.
        #expect(demands.filter { !$0.goals.isEmpty }.map(\.subject) == ["B"])
    }

    /// A teacher who teaches both of a student's subjects serves the request in either, and it is
    /// priced once though both demands carry it.
    @Test func aTeacherOfBothSubjectsMeetsItOnce() throws {
        let scenario = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: TA, teaches: [A]}, {id: TAB, teaches: [A, B]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,B1\n")
        var context = PlanningContext(scenario: scenario)
        context.requestGoals = [RequestGoal(request: 4, student: "S1", teacher: "TAB", days: ["Mon"], weight: 100)]
        let demands = Demand.all(context)
        #expect(demands.map(\.goals.count) == [1, 1])
        let terms = ObjectiveTerms(scenario: scenario, demands: demands)
        #expect(terms.goals.count == 1)
        #expect(terms.allRequestsUnmet == 100, "priced once")
        #expect(terms.goals(metBy: "S1", "A", "A1", teacher: "TAB", day: "Mon", block: "Mon-F1") == [0])
        #expect(terms.goals(metBy: "S1", "A", "A1", teacher: "TA", day: "Mon", block: "Mon-F1") == [])
        let plan = try Planner.plan(context, options: PlanOptions(timeLimit: 20)).plan
        #expect(teacher(of: "S1", in: plan.sessions) == ["TAB"])
        #expect(plan.cost.unmetRequests == 0)
        #expect(PlanVerifier(context: context).violations(of: plan) == [])
    }

    /// No plan could meet a request for a teacher who runs none of the student's current
    /// objectives (Mx Rivera does not teach ratios, S-01's), nor one for a block the teacher is
    /// unavailable in (Mr Chen, Wed-F2): neither is a goal. Mr Chen on another day is.
    @Test func aRequestNoPlanCouldMeetIsNoGoal() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let context = PlanningContext(scenario: scenario)
        let rivera = RequestGoal(request: 1, student: "S-01", teacher: "T-RIVERA", days: ["Mon", "Tue"], weight: 30)
        let chenWedF2 = RequestGoal(request: 2, student: "S-01", teacher: "T-CHEN", days: ["Wed"], period: "F2", weight: 30)
        let chen = RequestGoal(request: 3, student: "S-01", teacher: "T-CHEN", days: ["Wed", "Thu"], weight: 30)
        #expect(context.meetable([rivera, chenWedF2, chen]) == [chen])
    }

    /// The state: a request for time with Mr Chen is a goal of the week; one for Mx Rivera, who
    /// runs none of Ava's objectives, is declined with that reason (and `request add` warns so).
    @Test func theStateWeighsItAndDeclinesOneNoPlanCouldMeet() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!
        func ask(_ teacher: TeacherID, _ when: StudentRequest.When) throws -> StudentRequest {
            StudentRequest(askedBy: .scheduler, student: "S-01", want: .teacher(teacher), when: when, priority: "high", askedOn: monday)
        }
        let rivera = try ask("T-RIVERA", .date(tuesday))
        let warned = try store.warnings(for: rivera, scenario: scenario)
        #expect(warned == ["Mx Rivera runs none of Ava Martin's current objectives (Unit rates with fractions (MATH-7.RP.1)) on 2026-11-24: no plan will serve it"],
                "\(warned)")
        let riveraID = try store.add(rivera, scenario: scenario, today: monday).id
        let chenID = try store.add(try ask("T-CHEN", .date(tuesday)), scenario: scenario, today: monday).id
        let goals = try store.weekContext(scenario, weekOf: monday).requestGoals
        #expect(goals == [RequestGoal(request: chenID, student: "S-01", teacher: "T-CHEN", days: ["Tue"], weight: 60)])
        try store.settleRequests(scenario, today: monday)
        let declined = try #require(try store.request(riveraID))
        #expect(declined.status == .declined)
        #expect(declined.reason.hasPrefix("Mx Rivera runs none of Ava Martin's current objectives"), "\(declined.reason)")
    }
}
