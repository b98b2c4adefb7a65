import Foundation
import PacerTestSupport
import Testing
@testable import PacerCore

/// Requests in the term's state (docs/requests.md): asked once however often, refused with the
/// reason when they cannot be, cancelled only by who asked or the scheduler, met by the check they ask for.
@Suite struct RequestTests {
    private let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!

    private func request(_ student: StudentID = "S-01", _ want: StudentRequest.Want = .check("MATH-7.RP.1"), on when: StudentRequest.When? = nil,
                         by asker: StudentRequest.Asker = .teacher("T-OKAFOR"), priority: String = "urgent", note: String = "") -> StudentRequest {
        StudentRequest(askedBy: asker, student: student, want: want, when: when ?? .date(tuesday), priority: priority, note: note, askedOn: monday)
    }

    @Test func whatARequestMustBe() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        func problem(_ r: StudentRequest) -> String? { r.problem(in: scenario, today: monday) }
        #expect(problem(request()) == nil)
        #expect(problem(request(on: .week(monday), by: .family("S-01"), priority: "normal")) == nil)
        #expect(problem(request("S-01", .teacher("T-CHEN"), on: .block(tuesday, "F2"), by: .scheduler)) == nil)
        #expect(problem(request("S-99"))?.contains("unknown student 'S-99'") == true)
        #expect(problem(request("S-01", .check("MATH-9.X")))?.contains("unknown objective") == true)
        #expect(problem(request("S-01", .teacher("T-NOBODY")))?.contains("unknown teacher") == true)
        #expect(problem(request(by: .teacher("T-OKAFR")))?.contains("did you mean T-OKAFOR") == true)
        #expect(problem(request(by: .family("S-02"))) == "a family asks for its own student only (S-02, not S-01)")
        #expect(problem(request("", by: .family("S-02"))) == "the request names no student", "a form sent without its student")
        #expect(problem(request(priority: "hgh"))?.contains("did you mean high") == true)
        #expect(problem(request(on: .date(SchoolDate("2026-11-20")!)))?.contains("is before today") == true)
        #expect(problem(request(on: .date(SchoolDate("2026-11-28")!)))?.contains("Saturday") == true)
        #expect(problem(request(on: .block(tuesday, "P1")))?.contains("unknown flex period 'P1'") == true)
        #expect(problem(request(on: .week(tuesday)))?.contains("the week starts on") == true)
        #expect(problem(request(note: "bell \u{7}"))?.contains("control character") == true)
        #expect(problem(request(note: "two\nlines")) == "the note has a line break (U+000A) at character 4; it is one line")
    }

    /// A request asks of the plans to come, within reach: within the term when the calendar names
    /// one (a week with a school day in it), else at most 366 days ahead.
    @Test func aRequestAsksWithinTheTerm() throws {
        var scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        func problem(_ when: StudentRequest.When) -> String? { request(on: when).problem(in: scenario, today: monday) }
        let folder = try PacerTestSupport.tinySchoolCopy(calendar: "  term: {first_day: 2026-08-24, last_day: 2026-12-16}\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // No term: 366 days ahead at most, whatever the kind.
        #expect(problem(.date(SchoolDate("2027-11-24")!)) == nil)
        #expect(problem(.date(SchoolDate("9999-12-31")!)) == "9999-12-31 is 2912116 days after today (2026-11-23); the calendar names no term, so a request asks at most 366 days ahead")
        #expect(problem(.block(SchoolDate("2027-11-25")!, "F1"))?.contains("367 days after today") == true)
        #expect(problem(.week(SchoolDate("9999-12-27")!))?.hasPrefix("the week of 9999-12-27 ends 9999-12-31, 2912116 days after today (2026-11-23)") == true)
        scenario = try ScenarioLoader.load(folder)
        #expect(problem(.date(tuesday)) == nil)
        #expect(problem(.date(SchoolDate("2026-12-17")!)) == "2026-12-17 is after the term's last day (2026-12-16)")
        #expect(problem(.block(SchoolDate("2027-01-05")!, "F1")) == "2027-01-05 is after the term's last day (2026-12-16)")
        // The term's last week ends on a Wednesday: its days within are asked for, as plans plan them.
        #expect(problem(.week(SchoolDate("2026-12-14")!)) == nil)
        #expect(problem(.week(SchoolDate("9999-12-27")!)) == "the week of 9999-12-27 is outside the term (2026-08-24 to 2026-12-16)")
    }

    @Test func theScenarioNamesThePriorities() throws {
        let (tree, variant) = try tinySchoolVariant("requests:\n  priorities: [{id: now, weight: 200}, {id: soon, weight: 20}]\n")
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let scenario = try ScenarioLoader.load(variant)
        #expect(scenario.requestPriorities.levels.map(\.id) == ["now", "soon"])
        #expect(scenario.requestPriorities.standard == "soon" && scenario.requestPriorities.weight(of: "now") == 200)
        #expect(RequestPriorities().levels.map(\.id) == ["urgent", "high", "normal"])
        let (badTree, bad) = try tinySchoolVariant("requests:\n  priorities: [{id: now, weight: 200}, {id: now, weight: 20}, {id: late}, {id: later, weight: 300}]\n")
        defer { try? FileManager.default.removeItem(atPath: badTree) }
        let messages = ScenarioLoader.read(bad).errors.map(\.message)
        #expect(messages.contains("request priority now is listed twice"), "\(messages)")
        #expect(messages.contains { $0.contains("missing 'weight'") }, "\(messages)")
        #expect(messages.contains("request priority later weighs 300, more than now above it (200): list the most urgent first"), "\(messages)")
    }

    @Test func askedTwiceIsAskedOnceAndOnlyWhoAskedCancels() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try store.add(request(), scenario: scenario, today: monday)
        #expect(first.new)
        #expect(try store.add(request(), scenario: scenario, today: monday) == (first.id, false))
        let family = try store.add(request("S-02", .workshop("MATH-7.RP.1"), on: .week(monday), by: .family("S-02"), priority: "normal"), scenario: scenario, today: monday)
        #expect(throws: RequestError.refused("unknown student 'S-99'; did you mean S-09, S-19, S-29?")) {
            _ = try store.add(request("S-99"), scenario: scenario, today: monday)
        }
        #expect(throws: RequestError.notYours(family.id, .teacher("T-OKAFOR"))) { try store.cancelRequest(family.id, by: .teacher("T-OKAFOR"), scenario: scenario) }
        #expect(throws: RequestError.notYours(first.id, .family("S-01"))) { try store.cancelRequest(first.id, by: .family("S-01"), scenario: scenario) }
        try store.cancelRequest(family.id, by: .family("S-02"), reason: "sorted at home", scenario: scenario)
        #expect(throws: RequestError.notLive(family.id, .cancelled)) { try store.cancelRequest(family.id, by: .scheduler, scenario: scenario) }
        #expect(throws: RequestError.unknown(99)) { try store.cancelRequest(99, by: .scheduler, scenario: scenario) }
        let all = try store.requests()
        #expect(all.map(\.status) == [.open, .cancelled] && all[1].reason == "sorted at home")
        #expect(try store.requests([.open]).map(\.id) == [first.id])
        // Another person asking the same has a request of their own, which they may cancel.
        let scheduler = try store.add(request(by: .scheduler, priority: "high"), scenario: scenario, today: monday)
        #expect(scheduler.new && scheduler.id != first.id)
        // A reason is text people type; a request asked before the term began is refused.
        #expect(throws: RequestError.cancelRefused("the reason has a control character (U+0007) at character 6; Pacer refuses these in text people type")) {
            try store.cancelRequest(scheduler.id, by: .scheduler, reason: "bell \u{7}", scenario: scenario)
        }
        var early = request()
        early = StudentRequest(askedBy: early.askedBy, student: "S-01", want: .workshop("MATH-7.RP.1"), when: .date(tuesday), priority: "urgent",
                               askedOn: SchoolDate("2026-11-16")!)
        #expect(throws: RequestError.refused("2026-11-16 is before the term's first date (2026-11-23): give today's date with --date")) {
            _ = try store.add(early, scenario: scenario, today: SchoolDate("2026-11-16")!)
        }
        // Cancelled, it may be asked again.
        #expect(try store.add(request("S-02", .workshop("MATH-7.RP.1"), on: .week(monday), by: .family("S-02"), priority: "normal"), scenario: scenario, today: monday).new)
    }

    /// A note or a cancel's reason of only spaces is none: kept empty (a cancel's reason then says
    /// who cancelled), and a note is kept trimmed, as `PersonText` keeps text.
    @Test func aNoteOrAReasonOfOnlySpacesIsNone() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let blank = try store.add(request(note: "   "), scenario: scenario, today: monday)
        let trimmed = try store.add(request("S-02", note: "  ready for a check  "), scenario: scenario, today: monday)
        #expect(try store.request(blank.id)?.note == "" && store.request(trimmed.id)?.note == "ready for a check")
        try store.cancelRequest(blank.id, by: .teacher("T-OKAFOR"), reason: " \u{3000} ", scenario: scenario)
        #expect(try store.request(blank.id)?.reason == "cancelled by Ms Okafor")
    }

    /// The check a teacher records meets the request for it; a check of another objective, or
    /// dated before the request's day, does not.
    @Test func theCheckMeetsItsRequest() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let asked = try store.add(request(), scenario: scenario, today: monday).id
        let other = try store.add(request("S-02", .check("MATH-7.RP.1"), on: .date(SchoolDate("2026-11-25")!)), scenario: scenario, today: monday).id
        let term = Term(scenario: scenario, store: store)
        func check(_ student: StudentID, _ objective: ObjectiveID, _ date: SchoolDate) -> MasteryCheck {
            MasteryCheck(date: date, student: student, objective: objective, result: .notYet, note: "", source: "portal teacher")
        }
        let report = try term.record([check("S-01", "MATH-7.RP.1", tuesday), check("S-02", "MATH-7.RP.1", tuesday), check("S-03", "MATH-7.RP.1", tuesday)],
                                     source: "portal teacher", today: afterTheChecks)
        #expect(report.lines.contains { $0.contains("meets request \(asked)") })
        let requests = try store.requests()
        #expect(requests.first { $0.id == asked }?.status == .met)
        #expect(requests.first { $0.id == asked }?.reason.hasPrefix("checked on 2026-11-24 (check ") == true)
        #expect(requests.first { $0.id == other }?.status == .declined, "a check before the day asked does not meet it")
        #expect(requests.first { $0.id == other }?.reason == "the day passed without it", "recorded with today after its day")
    }
}

/// Plans weigh live requests for a workshop or a check (docs/requests.md, "How plans weigh a request").
@Suite struct RequestWeightTests {
    /// One seat for two students who want it equally: the one requested gets it, and the plan's cost,
    /// recomputed by the verifier from the same context, agrees.
    @Test func theRequestedStudentIsServedFirst() throws {
        let scenario = try school("""
            subjects:
              - id: MATH
                objectives: [{id: M1, max_group: 1}]
            teachers: [{id: T1, teaches: [MATH]}]
            rooms: [{id: R1, capacity: 5}]
            """, students: "id,name,MATH\nS1,Ann,M1\nS2,Bo,M1\n")
        for requested: StudentID in ["S1", "S2"] {
            var context = PlanningContext(scenario: scenario)
            context.requestGoals = [RequestGoal(request: 1, student: requested, objective: "M1", days: scenario.calendar.days.map(\.id), weight: 100)]
            let plan = try Planner.plan(context, options: PlanOptions(timeLimit: 20)).plan
            #expect(plan.sessions.flatMap(\.students) == [requested])
            #expect(PlanVerifier(context: context).violations(of: plan) == [])
            let unserved = try #require(plan.unserved.first)
            #expect(unserved.student != requested)
        }
    }

    /// Each live request on the student's current objective, for a day the plan covers, is a goal
    /// with its days, its period and its priority's weight; a week plan's mark keeps the requests
    /// live when it was made.
    @Test func theWeekWeighsTheRequestsLiveForIt() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!
        func ask(_ student: StudentID, _ want: StudentRequest.Want, _ when: StudentRequest.When, _ priority: String) throws -> Int64 {
            try store.add(StudentRequest(askedBy: .scheduler, student: student, want: want, when: when, priority: priority, askedOn: monday),
                          scenario: scenario, today: monday).id
        }
        let check = try ask("S-01", .check("MATH-7.RP.1"), .date(SchoolDate("2026-11-24")!), "urgent")
        let week = try ask("S-01", .workshop("MATH-7.RP.1"), .week(monday), "normal")
        let s04 = try ask("S-04", .workshop("MATH-7.RP.2"), .block(SchoolDate("2026-11-25")!, "F1"), "normal")
        _ = try ask("S-05", .check("MATH-7.RP.1"), .week(monday), "urgent")                        // S-05 is on MATH-7.RP.2
        _ = try ask("S-06", .check("MATH-7.RP.2"), .date(SchoolDate("2026-11-30")!), "urgent")     // next week
        let s07 = try ask("S-07", .teacher("T-CHEN"), .week(monday), "urgent")                     // Mr Chen teaches MATH-7.RP.2
        let before = try store.weekContext(scenario, weekOf: monday)
        let checkGoal = RequestGoal(request: check, student: "S-01", metBy: .check("MATH-7.RP.1"), days: ["Tue"], weight: 100)
        let weekGoal = RequestGoal(request: week, student: "S-01", objective: "MATH-7.RP.1", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], weight: 30)
        let chenGoal = RequestGoal(request: s07, student: "S-07", teacher: "T-CHEN", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], weight: 100)
        #expect(before.requestGoals == [checkGoal, weekGoal,
                                        RequestGoal(request: s04, student: "S-04", objective: "MATH-7.RP.2", days: ["Wed"], period: "F1", weight: 30),
                                        chenGoal])
        let mark = try store.read { db in try StateStore.mark(db, context: before) }
        try store.cancelRequest(s04, by: .scheduler, scenario: scenario)
        #expect(try store.weekContext(scenario, weekOf: monday).requestGoals == [checkGoal, weekGoal, chenGoal])
        let asMade = try store.read { db in try store.weekContext(db, scenario: scenario, weekOf: monday, asOf: mark) }
        #expect(asMade.requestGoals == before.requestGoals, "verified with the requests live when the plan was made")
        let older = try store.read { db in
            try store.weekContext(db, scenario: scenario, weekOf: monday, asOf: PlanStateMark(lastCheck: 0, lastAbsence: 0, digest: mark.digest))
        }
        #expect(older.requestGoals.isEmpty, "a plan made before requests were kept weighed none")
    }
}

/// A regrouped day is verified with the requests live when it was made, as a week is.
@Suite struct RequestRegroupTests {
    @Test func aRegroupStaysVerifiedWhenRequestsChangeAfterIt() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!
        let term = Term(scenario: scenario, store: store)
        let week = try term.planWeek(weekOf: monday, options: PlanOptions(timeLimit: 20, work: 1))
        _ = try term.publish(week.result.plan, weekOf: monday)
        let asked = try store.add(StudentRequest(askedBy: .scheduler, student: "S-02", want: .workshop("MATH-7.RP.1"), when: .date(tuesday),
                                                 priority: "urgent", askedOn: monday), scenario: scenario, today: monday).id
        let day = try term.regroup(tuesday, options: PlanOptions(timeLimit: 20, work: 1))
        #expect(day.result.plan.header.madeFrom?.lastRequest == 1)
        #expect(try Term.violations(of: day.result.plan, scenario: scenario) == [])
        try store.cancelRequest(asked, by: .scheduler, scenario: scenario)
        _ = try store.add(StudentRequest(askedBy: .scheduler, student: "S-03", want: .workshop("MATH-7.RP.1"), when: .date(tuesday),
                                         priority: "urgent", askedOn: monday), scenario: scenario, today: monday)
        #expect(try Term.violations(of: day.result.plan, scenario: scenario) == [], "the cost is recomputed with the requests of when it was made")
    }

    /// A week's workshop request the published week gave on Monday asks nothing more of
    /// Tuesday's regroup (it would make the student want a workshop every day); one not given
    /// yet still does.
    @Test func aWeekRequestMetOnMondayIsNoGoalOnTuesday() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!
        let term = Term(scenario: scenario, store: store)
        let week = try term.planWeek(weekOf: monday, options: PlanOptions(timeLimit: 20, work: 1)).result.plan
        _ = try term.publish(week, weekOf: monday)
        let current = try store.standings(scenario)
        func onMonday(_ student: StudentID, _ objective: ObjectiveID) -> Bool {
            week.sessions.contains { $0.day == "Mon" && $0.objective == objective && $0.students.contains(student) }
        }
        let had = try #require(current.first { s in s.objective.map { onMonday(s.student, $0) } == true })
        let notYet = try #require(current.first { s in s.objective.map { !onMonday(s.student, $0) } == true && s.student != had.student })
        var ids: [StudentID: Int64] = [:]
        for standing in [had, notYet] {
            ids[standing.student] = try store.add(StudentRequest(askedBy: .scheduler, student: standing.student, want: .workshop(standing.objective!),
                                                                 when: .week(monday), priority: "urgent", askedOn: monday), scenario: scenario, today: monday).id
        }
        let goals = try store.dayContext(scenario, date: tuesday).requestGoals.map(\.request)
        #expect(!goals.contains(ids[had.student]!), "met on Monday: \(goals)")
        #expect(goals.contains(ids[notYet.student]!), "not given yet: \(goals)")
    }
}
