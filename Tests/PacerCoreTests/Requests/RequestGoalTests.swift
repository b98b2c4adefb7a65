import Foundation
import Testing
@testable import PacerCore

/// A met request earns its priority's weight once (docs/requests.md, "How plans weigh a request";
/// the **unmet requests** term of `ObjectiveTerms`).
@Suite struct RequestGoalTests {
    func tiny() throws -> Scenario { try ScenarioLoader.load(scenariosFolder + "/tiny-school") }

    /// S-01 wants 2 workshops on MATH-7.RP.1 and the tiny school's plan gives them on Thursday and
    /// Friday; asked for on Tuesday, the plan gives one on Tuesday (a weight added to every
    /// workshop of the subject would not: S-01 is served in full either way).
    @Test func aTuesdayRequestIsMetOnTuesday() throws {
        let scenario = try tiny()
        func tuesdays(_ plan: WeekPlan) -> [PlannedSession] {
            plan.sessions.filter { $0.day == "Tue" && $0.objective == "MATH-7.RP.1" && $0.students.contains("S-01") }
        }
        let plain = try Planner.plan(scenario, options: PlanOptions(timeLimit: 20)).plan
        #expect(tuesdays(plain).isEmpty, "without the request, no Tuesday workshop for S-01 (else this test proves nothing)")
        #expect(plain.cost.unmetRequests == nil, "a plan with no request to meet says nothing of them")

        var context = PlanningContext(scenario: scenario)
        context.requestGoals = [RequestGoal(request: 1, student: "S-01", objective: "MATH-7.RP.1", days: ["Tue"], weight: 30)]
        let plan = try Planner.plan(context, options: PlanOptions(timeLimit: 20)).plan
        #expect(tuesdays(plan).count == 1)
        #expect(plan.cost.unmetRequests == 0)
        #expect(PlanVerifier(context: context).violations(of: plan) == [])
        try OptimalityTests().expectModelAgrees(context, plan)
    }

    /// A request for the week met by both of the student's workshops is priced once: the
    /// evaluator, the ledger and the verifier agree that it costs nothing, and taking the student
    /// out of one workshop costs no request, out of the last one its weight.
    @Test func aRequestMetTwiceIsPricedOnce() throws {
        let scenario = try tiny()
        var context = PlanningContext(scenario: scenario)
        let week: [DayID] = ["Mon", "Tue", "Wed", "Thu", "Fri"]
        context.requestGoals = [RequestGoal(request: 7, student: "S-01", objective: "MATH-7.RP.1", days: week, weight: 30)]
        let plan = try Planner.plan(context, options: PlanOptions(timeLimit: 20)).plan
        let mine = plan.sessions.filter { $0.students.contains("S-01") }
        #expect(mine.count == 2)
        #expect(plan.cost.unmetRequests == 0)
        #expect(PlanVerifier(context: context).violations(of: plan) == [])

        let demands = Demand.all(context)
        #expect(demands.first { $0.student == "S-01" }?.goals.count == 1)
        #expect(demands.first { $0.student == "S-01" }?.weight == Demand.all(scenario).first { $0.student == "S-01" }?.weight,
                "the request is not in the workshops' weight")
        var ledger = CostLedger(scenario: scenario, demands: demands, published: [], sessions: plan.sessions)
        #expect(abs(ledger.total - (plan.cost.total - (plan.cost.studyChanges ?? 0))) < 1e-6)
        // Without the request, the same moves change the rest of the cost alike: the difference is the request's.
        let plainDemands = Demand.all(scenario)
        func costs(_ sessions: [PlannedSession]) -> (with: PlanCost, without: Double) {
            (PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario),
             PlanEvaluator.cost(of: sessions, demands: plainDemands, scenario: scenario).total)
        }
        func without(_ i: Int, from sessions: [PlannedSession]) -> [PlannedSession] {
            sessions.map { s in s.id == mine[i].id ? { var s = s; s.students.removeAll { $0 == "S-01" }; return s }() : s }
        }
        let full = costs(plan.sessions)
        #expect(full.with.total == full.without, "met, the request costs nothing")
        let step1 = ledger.leaving("S-01", mine[0])
        ledger.leave("S-01", mine[0])
        let oneLeft = costs(without(0, from: plan.sessions))
        #expect(oneLeft.with.unmetRequests == 0, "still met by the other workshop")
        #expect(abs(ledger.total - oneLeft.with.total) < 1e-6)
        #expect(abs(step1 - (oneLeft.without - full.without)) < 1e-6, "leaving one of two meeting workshops costs no request")
        let step2 = ledger.leaving("S-01", mine[1])
        ledger.leave("S-01", mine[1])
        let none = costs(without(1, from: without(0, from: plan.sessions)))
        #expect(none.with.unmetRequests == 30)
        #expect(abs(ledger.total - none.with.total) < 1e-6)
        #expect(abs(step2 - (none.without - oneLeft.without) - 30) < 1e-6, "leaving the last costs the request's weight, once")
    }

    /// A request for one flex block is met only by a workshop in that period; the verifier
    /// recomputes the same and refuses a plan that misstates it.
    @Test func aBlockRequestWantsItsPeriod() throws {
        let scenario = try tiny()
        let plain = try Planner.plan(scenario, options: PlanOptions(timeLimit: 20)).plan
        let thursday = try #require(plain.sessions.first { $0.day == "Thu" && $0.students.contains("S-01") })
        let other: PeriodID = thursday.block == "Thu-F1" ? "F2" : "F1"
        var context = PlanningContext(scenario: scenario)
        context.requestGoals = [RequestGoal(request: 3, student: "S-01", objective: "MATH-7.RP.1", days: ["Thu"], period: other, weight: 30)]
        let demands = Demand.all(context)
        #expect(PlanEvaluator.cost(of: plain.sessions, demands: demands, scenario: scenario).unmetRequests == 30)
        var stated = plain
        #expect(PlanVerifier(context: context).violations(of: stated).map(\.rule).contains(.objective), "the plan does not state it")
        stated.cost.unmetRequests = 30
        stated.cost.total += 30
        stated.header.objective += 30
        #expect(PlanVerifier(context: context).violations(of: stated) == [])
        context.requestGoals[0].period = scenario.calendar.block(thursday.block)?.period
        #expect(PlanEvaluator.cost(of: plain.sessions, demands: Demand.all(context), scenario: scenario).unmetRequests == 0)
    }

    /// A request no plan could meet is no goal: S-05 is unavailable in Tue-F1, so a request for
    /// that block would cost every plan its weight and widen the gap by it; for the whole Tuesday
    /// it keeps Tuesday (F2 is free); a student recorded away all Wednesday keeps no Wednesday.
    @Test func aRequestNoPlanCouldMeetIsNoGoal() throws {
        let scenario = try tiny()
        let context = PlanningContext(scenario: scenario)
        let block = RequestGoal(request: 1, student: "S-05", objective: "MATH-7.RP.2", days: ["Tue"], period: "F1", weight: 30)
        let day = RequestGoal(request: 2, student: "S-05", objective: "MATH-7.RP.2", days: ["Tue", "Wed"], weight: 30)
        let gone = RequestGoal(request: 3, student: "S-99", objective: "MATH-7.RP.2", days: ["Tue"], weight: 30)
        #expect(context.meetable([block, day, gone]) == [day])

        let (folder, seeded, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!, wednesday = SchoolDate("2026-11-25")!
        _ = try store.recordAbsences([Absence(date: wednesday, person: .student("S-02"))], scenario: seeded)
        let away = try store.add(StudentRequest(askedBy: .scheduler, student: "S-02", want: .workshop("MATH-7.RP.1"), when: .date(wednesday),
                                                priority: "urgent", askedOn: monday), scenario: seeded, today: monday).id
        let week = try store.add(StudentRequest(askedBy: .scheduler, student: "S-02", want: .workshop("MATH-7.RP.1"), when: .week(monday),
                                                priority: "normal", askedOn: monday), scenario: seeded, today: monday).id
        let goals = try store.weekContext(seeded, weekOf: monday).requestGoals
        #expect(!goals.contains { $0.request == away }, "away all of its day: \(goals)")
        #expect(goals.first { $0.request == week }?.days == ["Mon", "Tue", "Thu", "Fri"], "the week keeps the days S-02 is there: \(goals)")
    }

    /// A request for a day when no teacher qualified on its objective is there (Ms Okafor and
    /// Mr Chen away on Tuesday: Mx Rivera does not teach ratios) is no goal for that day; one
    /// whose objective needs a room feature no room has is no goal at all.
    @Test func aRequestNoTeacherOrRoomCouldServeIsNoGoal() throws {
        let scenario = try tiny()
        var away = Absences()
        let tuesday = Set(scenario.calendar.flexBlocks.filter { $0.day == "Tue" }.map(\.id))
        away.teachers = ["T-OKAFOR": tuesday, "T-CHEN": tuesday]
        let context = PlanningContext(scenario: scenario.withState(current: Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0.current) }), absences: away))
        let ratios = RequestGoal(request: 1, student: "S-01", objective: "MATH-7.RP.1", days: ["Tue", "Wed"], weight: 30)
        let tuesdayOnly = RequestGoal(request: 2, student: "S-01", objective: "MATH-7.RP.1", days: ["Tue"], weight: 30)
        #expect(context.meetable([ratios, tuesdayOnly]).map(\.days) == [["Wed"]])

        let (folder, _) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/scenario.yaml"
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: #"title: "Unit rates with fractions"}"#, with: #"title: "Unit rates with fractions", needs: [lab]}"#)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let needsLab = PlanningContext(scenario: try ScenarioLoader.load(folder))
        #expect(needsLab.scenario.objective("MATH-7.RP.1")?.needs == ["lab"], "else this test proves nothing")
        #expect(needsLab.meetable([ratios]).isEmpty)
    }
}
