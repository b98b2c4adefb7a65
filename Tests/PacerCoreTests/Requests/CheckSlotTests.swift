import Foundation
import Testing
@testable import PacerCore

/// A check request no workshop meets gets a check slot: a teacher who may run the objective holds
/// the check during independent study (docs/requests.md, "How plans weigh a request"; `CheckSlots`).
@Suite struct CheckSlotTests {
    private let monday = SchoolDate("2026-11-23")!
    /// The tiny school with Micah Lee (S-30) alone on Random sampling (MATH-7.SP.1): Elena Santos
    /// (S-29) moves to Circles, so no workshop can give him the objective (its minimum group is 2).
    func loneStudentSchool() throws -> (folder: String, scenario: Scenario, store: StateStore) {
        let (folder, _) = try tinySchoolCopy()
        let csv = folder + "/students.csv"
        let text = try String(contentsOfFile: csv, encoding: .utf8)
            .replacingOccurrences(of: "S-29,Elena Santos,7,MATH-7.SP.1", with: "S-29,Elena Santos,7,MATH-7.G.2")
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(folder)
        let store = try StateStore(path: StateStore.path(for: scenario))
        try Term(scenario: scenario, store: store).seed(on: monday)
        return (folder, scenario, store)
    }

    /// The week's plan holds no workshop for Micah, so his check request is met by a slot: a
    /// teacher of Random sampling (Ms Okafor or Mx Rivera) free in a block joins his study group.
    /// The plan prices it met, `pacer verify` agrees, the request reads planned with the slot's
    /// words, the teacher's day marks him, and the check recorded meets the request.
    @Test func aCheckNoWorkshopCanMeetIsHeldInStudy() throws {
        let (folder, scenario, store) = try loneStudentSchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        let id = try store.add(StudentRequest(askedBy: .family("S-30"), student: "S-30", want: .check("MATH-7.SP.1"), when: .week(monday),
                                              priority: "urgent", askedOn: monday), scenario: scenario, today: monday).id
        let planned = try term.planWeek(weekOf: monday, options: PlanOptions(timeLimit: 20, work: 1))
        let plan = planned.result.plan, context = planned.context
        #expect(!plan.sessions.contains { $0.students.contains("S-30") }, "no workshop can hold him alone")
        let group = try #require((plan.study ?? []).first { $0.students.contains { $0.student == "S-30" && $0.check != nil } }, "a slot")
        let place = try #require(group.students.first { $0.student == "S-30" })
        let teacher = try #require(place.check)
        #expect(["T-OKAFOR", "T-RIVERA"].contains(teacher))
        #expect(place.objective == "MATH-7.SP.1")
        #expect(group.adults.contains(AdultID(rawValue: teacher.rawValue)))
        #expect(!plan.sessions.contains { $0.block == group.block && $0.teacher == teacher }, "the teacher runs no workshop then")
        #expect(plan.cost.unmetRequests == 0, "the slot meets it")
        #expect(PlanVerifier(context: context).violations(of: plan) == [])

        _ = try term.publish(plan, weekOf: monday)
        let request = try #require(try store.request(id))
        let name = try #require(scenario.teachers.first { $0.id == teacher }).name
        #expect(request.status == .planned)
        #expect(request.reason.hasPrefix("a mastery check with \(name) on Random sampling and inference (MATH-7.SP.1) during independent study in Learning commons, "),
                "\(request.reason)")

        let date = try #require(scenario.calendar.dates(weekOf: monday).first { $0.day.id == group.day }).date
        let day = TeacherDayView(try store.teacherAgenda(scenario, teacher: teacher, on: date), scenario: scenario)
        let marked = day.study.flatMap(\.students).first { $0.id == "S-30" }
        // A teacher who asked for the same check reads that the student got it.
        _ = try store.add(StudentRequest(askedBy: .teacher("T-CHEN"), student: "S-30", want: .check("MATH-7.SP.1"), when: .week(monday),
                                         priority: "normal", askedOn: monday), scenario: scenario, today: monday)
        let chen = TeacherDayView(try store.teacherAgenda(scenario, teacher: "T-CHEN", on: date), scenario: scenario)
            .withRequests(try store.requests(), teacher: "T-CHEN", on: date, inForce: try store.planInForce(scenario, on: date), scenario: scenario)
        #expect(chen.asked.first?.got == true)
        #expect(chen.asked.first?.outcome.hasPrefix("got: a mastery check during independent study, held by \(name), ") == true, "\(chen.asked)")
        #expect(marked?.marks.contains(.checkSlot) == true, "\(String(describing: marked))")
        #expect(marked?.checks == "MATH-7.SP.1", "the teacher may record it there")
        // The family's week says where and with whom, and the request is theirs.
        let family = FamilyView(student: "S-30", standing: [], week: [], study: try store.studyBlocks(scenario, of: "S-30", on: [date]),
                                checks: [], feed: "", today: date, scenario: scenario, requests: try store.requests())
        let slot = family.workshops.first { $0.what.contains("mastery check") }
        #expect(slot?.what == "Independent study: Random sampling and inference, with the mastery check you asked for, held by \(name)", "\(family.workshops)")
        #expect(family.requests.contains { $0.hasPrefix("You asked for a mastery check on Random sampling and inference (MATH-7.SP.1)") }, "\(family.requests)")

        _ = try term.record([MasteryCheck(date: date, student: "S-30", objective: "MATH-7.SP.1", result: .mastered, note: "", source: "test")],
                            source: "test", today: date)
        #expect(try store.request(id)?.status == .met)
    }

    /// The slot is the placer's, priced as the evaluator and the verifier count it: a check request
    /// is met by it and a workshop request is not; a slot held by an adult who is not in the group,
    /// or does not teach the objective, or more than three in one block, is refused.
    @Test func aSlotIsPricedAndCheckedAsVerifyCountsIt() throws {
        let (folder, scenario, store) = try loneStudentSchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = store
        var context = PlanningContext(scenario: scenario)
        context.requestGoals = [RequestGoal(request: 1, student: "S-30", metBy: .check("MATH-7.SP.1"), days: ["Mon", "Tue", "Wed", "Thu", "Fri"],
                                            weight: 30)]
        let plan = try Planner.plan(context, options: PlanOptions(timeLimit: 20, work: 1)).plan
        #expect(plan.cost.unmetRequests == 0)
        #expect(PlanVerifier(context: context).violations(of: plan) == [])

        // As a workshop request, a slot would not meet it: none is placed, and it costs its weight.
        var workshop = context
        workshop.requestGoals[0].metBy = .objective("MATH-7.SP.1")
        let unmet = try Planner.plan(workshop, options: PlanOptions(timeLimit: 20, work: 1)).plan
        #expect(!(unmet.study ?? []).contains { $0.students.contains { $0.check != nil } })
        #expect(unmet.cost.unmetRequests == 30)

        let g = try #require((plan.study ?? []).firstIndex { $0.students.contains { $0.check != nil } })
        let s = try #require(plan.study?[g].students.firstIndex { $0.check != nil })
        func violations(_ change: (inout WeekPlan) -> Void) -> [PlanVerifier.Check] {
            var tampered = plan
            change(&tampered)
            return PlanVerifier(context: context).violations(of: tampered).map(\.rule)
        }
        // A slot for a student who asked for none (any other of the group) answers no request.
        let other = try #require(plan.study?[g].students.indices.first { $0 != s })
        let teacherOfSlot = try #require(plan.study?[g].students[s].check)
        var unasked = plan
        unasked.study?[g].students[other].check = teacherOfSlot
        let saidUnasked = PlanVerifier(context: context).violations(of: unasked).filter { $0.rule == .checkSlot }.map(\.message)
        #expect(saidUnasked.contains { $0.contains("no check request of theirs") }, "\(saidUnasked)")
        let notInGroup = violations { $0.study?[g].students[s].check = "T-CHEN" }
        #expect(notInGroup.contains(.checkSlot), "Mr Chen is not in the group")
        let notTeaching = violations { plan in
            plan.study?[g].adults.append("T-CHEN")
            plan.study?[g].adults.sort()
            plan.study?[g].students[s].check = "T-CHEN"
        }
        #expect(notTeaching.contains(.checkSlot), "Mr Chen does not teach MATH-7.SP.1")
        // Three more checks for the same teacher in the block, on objectives they teach: four in all.
        let teacher = try #require(plan.study?[g].students[s].check)
        let teaches = Set(try #require(scenario.teachers.first { $0.id == teacher }).canTeach)
        let others = try #require(plan.study?[g].students.indices.filter { i in
            i != s && plan.study?[g].students[i].objective.map(teaches.contains) == true
        })
        try #require(others.count >= 3, "the group has three more students the teacher could check")
        var four = plan
        for i in others.prefix(3) { four.study?[g].students[i].check = teacher }
        let said = PlanVerifier(context: context).violations(of: four).filter { $0.rule == .checkSlot }.map(\.message)
        #expect(said.contains { $0.contains("holds 4 checks") }, "\(said)")
    }
    /// A place the published plan gave a request that no longer stands (the teacher holding the
    /// slot recorded away since) no longer makes it planned: it reads declined, saying so, until a
    /// regroup is published.
    @Test func aSlotThatNoLongerStandsIsNotPlanned() throws {
        let (folder, scenario, store) = try loneStudentSchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        let id = try store.add(StudentRequest(askedBy: .family("S-30"), student: "S-30", want: .check("MATH-7.SP.1"), when: .week(monday),
                                              priority: "urgent", askedOn: monday), scenario: scenario, today: monday).id
        let plan = try term.planWeek(weekOf: monday, options: PlanOptions(timeLimit: 20, work: 1)).result.plan
        _ = try term.publish(plan, weekOf: monday)
        #expect(try store.request(id)?.status == .planned)
        let group = try #require((plan.study ?? []).first { $0.students.contains { $0.student == "S-30" && $0.check != nil } })
        let teacher = try #require(group.students.first { $0.student == "S-30" }?.check)
        let date = try #require(scenario.calendar.dates(weekOf: monday).first { $0.day.id == group.day }).date
        _ = try store.recordAbsences([Absence(date: date, person: .teacher(teacher), note: "sick")], scenario: scenario)
        try store.settleRequests(scenario, today: monday)
        let after = try #require(try store.request(id))
        #expect(after.status == .declined && after.reason.hasPrefix("the plan's a mastery check with ") && after.reason.contains("no longer stands"),
                "\(after.reason)")
        #expect(after.isAsking, "a regroup may still serve it")
    }

    /// Check slots go first to the requests that ask for the fewest blocks: a week's request for
    /// the same check is then met by the one-block request's slot, not given a second one earlier.
    @Test func aOneBlockRequestGetsItsSlotFirstAndMeetsTheWeeksToo() throws {
        let (folder, scenario, store) = try loneStudentSchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = store
        let plain = try Planner.plan(scenario, options: PlanOptions(timeLimit: 20, work: 1)).plan
        let demands = Demand.all(scenario)
        // The blocks where a slot for Micah could be held, each tried alone.
        let feasible = scenario.calendar.flexBlocks.filter { block in
            var study = StudyPlacer(scenario: scenario, demands: demands).place(plain.sessions)
            CheckSlots(scenario: scenario, goals: [RequestGoal(request: 1, student: "S-30", metBy: .check("MATH-7.SP.1"), days: [block.day],
                                                               period: block.period, weight: 30)]).place(in: &study, sessions: plain.sessions)
            return study.groups.contains { $0.block == block.id && $0.students.contains { $0.student == "S-30" && $0.check != nil } }
        }
        try #require(feasible.count >= 2, "two blocks where a slot could be held: \(feasible.map(\.id))")
        let late = try #require(feasible.last)
        let goals = [RequestGoal(request: 1, student: "S-30", metBy: .check("MATH-7.SP.1"), days: scenario.calendar.days.map(\.id), weight: 100),
                     RequestGoal(request: 2, student: "S-30", metBy: .check("MATH-7.SP.1"), days: [late.day], period: late.period, weight: 30)]
        var study = StudyPlacer(scenario: scenario, demands: demands).place(plain.sessions)
        CheckSlots(scenario: scenario, goals: goals).place(in: &study, sessions: plain.sessions)
        let slots = study.groups.filter { $0.students.contains { $0.student == "S-30" && $0.check != nil } }
        #expect(slots.map(\.block) == [late.id], "one slot, in the block asked for")
    }
}
