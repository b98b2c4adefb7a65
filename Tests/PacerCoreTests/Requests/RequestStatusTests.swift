import Foundation
import Testing
@testable import PacerCore

/// Where a request stands (docs/requests.md): two requests for one block settled by priority, then
/// by who asked first; planned or declined by the plan published for its days; declined when its
/// day passed without it; asking again when the check that met it is withdrawn.
@Suite struct RequestStatusTests {
    private let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!

    private func request(_ id: Int64, _ want: StudentRequest.Want = .check("MATH-7.RP.1"), student: StudentID = "S-01",
                         on when: StudentRequest.When? = nil, by asker: StudentRequest.Asker = .teacher("T-OKAFOR"),
                         priority: String = "urgent") -> StudentRequest {
        var r = StudentRequest(askedBy: asker, student: student, want: want, when: when ?? .block(tuesday, "F1"), priority: priority, askedOn: monday)
        r.id = id
        return r
    }

    /// A student sits in one place per block: the more urgent request wins, then the one asked
    /// first; one place that meets both (the same objective, the same teacher) is no conflict.
    @Test func twoRequestsForOneBlockAreSettled() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let urgent = request(4), normal = request(2, .teacher("T-CHEN"), by: .family("S-01"), priority: "normal")
        #expect(RequestConflicts.losers([normal, urgent], scenario: scenario)
            == [2: "Ms Okafor's urgent request for the same block comes first (request 4, more urgent than normal)"])
        let first = request(3, .teacher("T-CHEN"), by: .scheduler)
        #expect(RequestConflicts.losers([urgent, first], scenario: scenario)
            == [4: "the scheduler's urgent request for the same block came first (request 3, asked before this one)"])
        // Harmless: the same objective, another block, a whole day, another student.
        #expect(RequestConflicts.losers([urgent, request(5, .workshop("MATH-7.RP.1"), priority: "normal")], scenario: scenario).isEmpty)
        #expect(RequestConflicts.losers([urgent, request(6, .teacher("T-CHEN"), on: .block(tuesday, "F2"))], scenario: scenario).isEmpty)
        #expect(RequestConflicts.losers([urgent, request(7, .teacher("T-CHEN"), on: .date(tuesday))], scenario: scenario).isEmpty)
        #expect(RequestConflicts.losers([urgent, request(8, .teacher("T-CHEN"), student: "S-02")], scenario: scenario).isEmpty)
    }

    /// A request on an objective the student is not on asks nothing of the plans, so it wins no
    /// conflict; a priority taken out of scenario.yaml ranks last and the reason says so.
    @Test func onlyWhatAsksOfThePlansTakesPartInAConflict() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = try store.add(StudentRequest(askedBy: .teacher("T-OKAFOR"), student: "S-01", want: .check("MATH-7.RP.1"), when: .block(tuesday, "F1"),
                                                 priority: "normal", askedOn: monday), scenario: scenario, today: monday).id
        let ahead = try store.add(StudentRequest(askedBy: .teacher("T-CHEN"), student: "S-01", want: .workshop("MATH-7.RP.2"), when: .block(tuesday, "F1"),
                                                 priority: "urgent", askedOn: monday), scenario: scenario, today: monday).id
        let standing = try store.request(check)
        #expect(standing?.status == .open, "\(standing?.reason ?? "")")
        #expect(try store.request(ahead)?.reason.contains("not yet on") == true)
        #expect(try store.weekContext(scenario, weekOf: monday).requestGoals.map(\.request) == [check], "the check is weighed")

        let gone = request(9, priority: "gone"), kept = request(8, .teacher("T-CHEN"), by: .teacher("T-CHEN"), priority: "normal")
        #expect(RequestConflicts.losers([gone, kept], scenario: scenario)
            == [9: "Mr Chen's normal request for the same block comes first (request 8, gone, which is no longer one of the school's priorities)"])
    }

    /// In the state: the loser is declined naming the winner and not weighed (the winner, time
    /// with Mr Chen, is); when the winner is
    /// cancelled the loser asks again and is weighed.
    @Test func theLoserIsDeclinedAndAsksAgainWhenTheWinnerGoes() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func ask(_ want: StudentRequest.Want, _ by: StudentRequest.Asker, _ priority: String) throws -> Int64 {
            try store.add(StudentRequest(askedBy: by, student: "S-01", want: want, when: .block(tuesday, "F1"), priority: priority, askedOn: monday),
                          scenario: scenario, today: monday).id
        }
        let check = try ask(.check("MATH-7.RP.1"), .family("S-01"), "normal")
        let chen = try ask(.teacher("T-CHEN"), .teacher("T-CHEN"), "urgent")
        let loser = try #require(try store.request(check))
        #expect(loser.status == .declined && loser.reason == "Mr Chen's urgent request for the same block comes first (request \(chen), more urgent than normal)")
        #expect(loser.isAsking, "a loser may ask again")
        #expect(try store.weekContext(scenario, weekOf: monday).requestGoals
            == [RequestGoal(request: chen, student: "S-01", teacher: "T-CHEN", days: ["Tue"], period: "F1", weight: 100)],
            "the loser is not weighed; the winner is")
        #expect(try store.askingRequests().map(\.id) == [check, chen])
        try store.cancelRequest(chen, by: .scheduler, scenario: scenario, today: monday)
        #expect(try store.request(check)?.status == .open)
        #expect(try store.weekContext(scenario, weekOf: monday).requestGoals
            == [RequestGoal(request: check, student: "S-01", metBy: .check("MATH-7.RP.1"), days: ["Tue"], period: "F1", weight: 30)])
    }

    /// A request nothing can serve wins no block: Mx Rivera runs none of Ava Martin's objectives,
    /// so her urgent request for time with Ava does not switch off the family's check request for
    /// the same block, which plans weigh.
    @Test func aRequestNothingCanServeWinsNoBlock() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = try store.add(StudentRequest(askedBy: .family("S-01"), student: "S-01", want: .check("MATH-7.RP.1"), when: .block(tuesday, "F1"),
                                                 priority: "normal", askedOn: monday), scenario: scenario, today: monday).id
        let rivera = try store.add(StudentRequest(askedBy: .teacher("T-RIVERA"), student: "S-01", want: .teacher("T-RIVERA"), when: .block(tuesday, "F1"),
                                                  priority: "urgent", askedOn: monday), scenario: scenario, today: monday).id
        let refused = try #require(try store.request(rivera)).reason
        #expect(refused.hasPrefix("Mx Rivera runs none of Ava Martin's current objectives"), "\(refused)")
        let survivor = try #require(try store.request(check))
        #expect(survivor.status == .open, "not declined for Mx Rivera's request: \(survivor.reason)")
        #expect(try store.weekContext(scenario, weekOf: monday).requestGoals.map(\.request) == [check])
    }

    /// A published week plans or declines each request on its days, with the plan's words; a
    /// day that passes without a request declines it; a request met by a check asks again when
    /// the check is withdrawn.
    @Test func aPublishedPlanPlansOrDeclines() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        func ask(_ student: StudentID, _ want: StudentRequest.Want, _ when: StudentRequest.When) throws -> Int64 {
            try store.add(StudentRequest(askedBy: .scheduler, student: student, want: want, when: when, priority: "urgent", askedOn: monday),
                          scenario: scenario, today: monday).id
        }
        let week = try ask("S-01", .check("MATH-7.RP.1"), .week(monday))
        let movedOn = try ask("S-04", .workshop("MATH-7.RP.1"), .date(tuesday))        // S-04 is on MATH-7.RP.2
        let ahead = try ask("S-01", .workshop("MATH-7.RP.3"), .date(tuesday))          // S-01 is not there yet
        let unavailable = try ask("S-05", .check("MATH-7.RP.2"), .block(tuesday, "F1"))  // students.csv: S-05 is unavailable in Tue-F1
        let chenAway = try ask("S-01", .teacher("T-CHEN"), .block(SchoolDate("2026-11-25")!, "F2"))  // scenario.yaml: Mr Chen in Wed-F2
        #expect(try store.request(week)?.status == .open, "no plan yet")
        let plan = try term.planWeek(weekOf: monday, options: PlanOptions(timeLimit: 20, work: 1)).result.plan
        _ = try term.publish(plan, weekOf: monday)
        let planned = try #require(try store.request(week))
        let held = try #require(plan.sessions.first { $0.objective == "MATH-7.RP.1" && $0.students.contains("S-01") })
        let teacher = try #require(scenario.teachers.first { $0.id == held.teacher }).name
        #expect(planned.status == .planned && planned.reason.hasPrefix("\(teacher)'s workshop on Unit rates with fractions (MATH-7.RP.1), "),
                "\(planned.reason)")
        // The block by its day and times, as families read it.
        #expect(planned.reason.range(of: #"\(MATH-7\.RP\.1\), [A-Z][a-z]+day 2026-11-2\d, \d\d:\d\d–\d\d:\d\d \(F\d\)$"#, options: .regularExpression) != nil,
                "\(planned.reason)")
        #expect(try store.request(movedOn)?.status == .declined)
        #expect(try store.request(movedOn)?.reason
            == "Noah Patel moved on from Unit rates with fractions (MATH-7.RP.1): now on Recognize proportional relationships (MATH-7.RP.2)")
        #expect(try store.request(ahead)?.reason.hasPrefix("Ava Martin is on Unit rates with fractions (MATH-7.RP.1), not yet on") == true)
        // What no plan could do is declined with its true cause, not the plan's words.
        #expect(try store.request(unavailable)?.status == .declined)
        #expect(try store.request(unavailable)?.reason == "Mia Johnson is unavailable on 2026-11-24 F1 (students.csv): no plan will serve it")
        #expect(try store.request(chenAway)?.reason == "Mr Chen is unavailable on 2026-11-25 F2 (scenario.yaml): no plan will serve it")

        // The check meets the planned request; withdrawn, the request asks again.
        let report = try term.record([MasteryCheck(date: tuesday, student: "S-01", objective: "MATH-7.RP.1", result: .notYet, note: "", source: "test")],
                                     source: "test", today: tuesday)
        #expect(try store.request(week)?.status == .met)
        #expect(report.lines.contains { $0.contains("meets request \(week)") })
        let met = try #require(try store.request(week)?.reason)
        let checkID = try #require(Int64(met.split(separator: " ").last?.dropLast() ?? ""), "\(met)")
        let withdrawn = try term.withdraw([checkID])
        #expect(withdrawn.lines.contains { $0.contains("request \(week) it met asks again") }, "\(withdrawn.lines)")
        #expect(try store.request(week)?.isAsking == true)
        #expect(try store.request(week)?.status == .planned, "the plan in force still gives it")

        // A day passed without a request (the student was away): declined, for good. The day is
        // one on which the published plan holds no workshop for the student (a plan that holds
        // one says so first).
        let day = try #require(["Wed", "Thu"].first { day in !plan.sessions.contains { $0.day == DayID(rawValue: day) && $0.students.contains("S-02") } })
        let awayOn = SchoolDate(day == "Wed" ? "2026-11-25" : "2026-11-26")!
        _ = try store.recordAbsences([Absence(date: awayOn, person: .student("S-02"))], scenario: scenario)
        let missed = try ask("S-02", .workshop("MATH-7.RP.1"), .date(awayOn))
        try store.settleRequests(scenario, today: awayOn)
        let away = try store.request(missed)?.reason
        #expect(away == "Liam Chen is recorded away on \(awayOn): no plan will serve it unless the absence is withdrawn", "\(away ?? "")")
        try store.settleRequests(scenario, today: awayOn.adding(days: 1))
        let passed = try #require(try store.request(missed))
        #expect(passed.status == .declined && passed.reason == "the day passed without it (\(away ?? ""))", "the cause kept: \(passed.reason)")
        #expect(!passed.isAsking)
        #expect(throws: RequestError.notLive(missed, .declined)) { try store.cancelRequest(missed, by: .scheduler, scenario: scenario) }

        // The SQL form of "still asking" (`StateStore.stillAsking`, which settling and the lists
        // read) agrees with `isAsking`: planned, declined but asking, declined for good, cancelled.
        try store.cancelRequest(try ask("S-03", .check("MATH-7.RP.1"), .week(monday)), by: .scheduler, scenario: scenario)
        let all = try store.requests()
        #expect(Set(all.map(\.status)) == [.planned, .declined, .cancelled], "\(all.map(\.status))")
        #expect(try store.askingRequests().map(\.id) == all.filter(\.isAsking).map(\.id))
        #expect(try store.askingRequests().map(\.id) == [week])

        // The week closed after the plan gave the request: declined with the cause `request add`
        // warns with, not left planned on days without school.
        for offset in 0..<5 { _ = try store.recordClosure(Closure(date: monday.adding(days: offset), note: "flood"), scenario: scenario, today: monday) }
        let closed = try #require(try store.request(week))
        #expect(closed.status == .declined && closed.reason.hasPrefix("the school is closed in the week of 2026-11-23"), "\(closed.reason)")
    }

    /// A closure or an absence recorded after a request was made declines it with the cause at
    /// once, as `request add` warns with it (the portal's pages read it); reopened, it asks again.
    @Test func aClosureOrAnAbsenceRecordedLaterDeclinesWithTheCause() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let thursday = SchoolDate("2026-11-26")!, wednesday = SchoolDate("2026-11-25")!
        func ask(_ student: StudentID, _ when: StudentRequest.When) throws -> Int64 {
            try store.add(StudentRequest(askedBy: .family(student), student: student, want: .workshop("MATH-7.RP.1"), when: when, priority: "normal", askedOn: monday),
                          scenario: scenario, today: monday).id
        }
        let day = try ask("S-01", .date(thursday)), away = try ask("S-02", .date(wednesday))
        #expect(try store.request(day)?.status == .open && store.request(away)?.status == .open)
        _ = try store.recordClosure(Closure(date: thursday, note: "snow day"), scenario: scenario, today: monday)
        #expect(try store.request(day)?.status == .declined)
        #expect(try store.request(day)?.reason == "the school is closed on 2026-11-26 (2026-11-26 closed: snow day): no plan will serve it")
        _ = try store.recordAbsences([Absence(date: wednesday, person: .student("S-02"))], scenario: scenario, today: monday)
        #expect(try store.request(away)?.reason == "Liam Chen is recorded away on 2026-11-25: no plan will serve it unless the absence is withdrawn")
        #expect(try store.reopen(thursday, scenario: scenario) == 1)
        #expect(try store.request(day)?.status == .open && store.request(day)?.reason == "", "asks again")
    }

    /// A request nothing can serve is taken, with the reason: a closed day, a student away.
    /// Whether a teacher who runs the objective is there is read by the roster, as plans read it:
    /// a qualified teacher who has left is not there.
    @Test func aTeacherWhoLeftIsNoTeacherThere() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wednesday = SchoolDate("2026-11-25")!
        func warned() throws -> [String] {
            try store.warnings(for: StudentRequest(askedBy: .scheduler, student: "S-01", want: .workshop("MATH-7.G.1"), when: .date(wednesday), priority: "urgent",
                                                   askedOn: monday), scenario: scenario)
        }
        // Scale drawings: Ms Okafor (all of MATH) and Mx Rivera (MATH-7.G.*) run it.
        _ = try store.recordAbsences([Absence(date: wednesday, person: .teacher("T-OKAFOR"))], scenario: scenario, today: monday)
        #expect(try warned().isEmpty, "Mx Rivera is there")
        try Term(scenario: scenario, store: store).record(RosterChange(date: tuesday, person: .teacher("T-RIVERA"), kind: .leave, note: "moved away"))
        #expect(try warned() == ["no teacher who runs Scale drawings (MATH-7.G.1) is there on 2026-11-25 (away, unavailable, or not teaching it): no plan will serve it"])
    }

    @Test func aRequestNothingCanServeIsTakenWithAWarning() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wednesday = SchoolDate("2026-11-25")!
        _ = try store.recordClosure(Closure(date: tuesday, note: "snow day"), scenario: scenario)
        _ = try store.recordAbsences([Absence(date: wednesday, person: .student("S-02"), periods: ["F1"])], scenario: scenario)
        func warnings(_ student: StudentID, _ when: StudentRequest.When) throws -> [String] {
            try store.warnings(for: StudentRequest(askedBy: .scheduler, student: student, want: .check("MATH-7.RP.1"), when: when, priority: "urgent",
                                                   askedOn: monday), scenario: scenario)
        }
        #expect(try warnings("S-01", .date(tuesday)).first?.hasPrefix("the school is closed on 2026-11-24") == true)
        #expect(try warnings("S-02", .block(wednesday, "F1")) == ["Liam Chen is recorded away on 2026-11-25 F1: no plan will serve it unless the absence is withdrawn"])
        #expect(try warnings("S-02", .block(wednesday, "F2")).isEmpty)
        #expect(try warnings("S-01", .week(monday)).isEmpty)
        // Unavailable in students.csv (S-05 in Tue-F1), or that and recorded away in every block asked.
        #expect(try warnings("S-05", .block(wednesday, "F1")).isEmpty)
        #expect(try warnings("S-05", .block(SchoolDate("2026-11-26")!, "F1")).isEmpty)
        let thursday = SchoolDate("2026-11-26")!
        _ = try store.recordAbsences([Absence(date: thursday, person: .student("S-05"), periods: ["F2"])], scenario: scenario)
        var csv = try String(contentsOfFile: folder + "/students.csv", encoding: .utf8)
        #expect(csv.contains("Tue-F1"))
        csv = csv.replacingOccurrences(of: "Tue-F1", with: "Thu-F1")
        try csv.write(toFile: folder + "/students.csv", atomically: true, encoding: .utf8)
        let moved = try ScenarioLoader.load(folder)
        func warned(_ student: StudentID, _ want: StudentRequest.Want, _ when: StudentRequest.When, in scenario: Scenario = scenario) throws -> [String] {
            try store.warnings(for: StudentRequest(askedBy: .teacher("T-OKAFOR"), student: student, want: want, when: when, priority: "urgent", askedOn: monday),
                               scenario: scenario)
        }
        #expect(try warned("S-05", .check("MATH-7.RP.2"), .block(thursday, "F1"), in: moved) == ["Mia Johnson is unavailable on 2026-11-26 F1 (students.csv): no plan will serve it"])
        #expect(try warned("S-05", .check("MATH-7.RP.2"), .date(thursday), in: moved)
            == ["Mia Johnson is unavailable (students.csv) or recorded away in every block on 2026-11-26: no plan will serve it"])
        #expect(try warned("S-05", .check("MATH-7.RP.2"), .date(thursday)).isEmpty, "Thu-F1 free in the scenario as it was")
        // Time with a teacher who is unavailable (scenario.yaml: Mr Chen in Wed-F2, Mx Rivera on Fridays), or recorded away.
        #expect(try warned("S-01", .teacher("T-CHEN"), .block(wednesday, "F2")) == ["Mr Chen is unavailable on 2026-11-25 F2 (scenario.yaml): no plan will serve it"])
        #expect(try warned("S-01", .teacher("T-CHEN"), .date(wednesday)).isEmpty)
        // Hana Tanaka is unavailable in Wed-F1 (students.csv), Mr Chen in Wed-F2: each is free on Wednesday, never together.
        #expect(try warned("S-13", .teacher("T-CHEN"), .date(wednesday))
            == ["Hana Tanaka and Mr Chen are free in no block together on 2026-11-25 (unavailable or recorded away): no plan will serve it"])
        #expect(try warned("S-01", .teacher("T-RIVERA"), .date(SchoolDate("2026-11-27")!)) == ["Mx Rivera is unavailable on 2026-11-27 (scenario.yaml): no plan will serve it"])
        _ = try store.recordAbsences([Absence(date: thursday, person: .teacher("T-OKAFOR"))], scenario: scenario)
        #expect(try warned("S-01", .teacher("T-OKAFOR"), .date(thursday)) == ["Ms Okafor is recorded away on 2026-11-26: no plan will serve it unless the absence is withdrawn"])
        #expect(try warned("S-01", .check("MATH-7.RP.1"), .date(thursday)).isEmpty, "a check asks no one teacher")
        // With Mr Chen away too, nobody who runs ratios is there on Thursday (Mx Rivera does not
        // teach them): a check or workshop then is taken with that warning, and is no goal.
        _ = try store.recordAbsences([Absence(date: thursday, person: .teacher("T-CHEN"))], scenario: scenario)
        let nobody = "no teacher who runs Unit rates with fractions (MATH-7.RP.1) is there on 2026-11-26 (away, unavailable, or not teaching it): no plan will serve it"
        #expect(try warned("S-01", .check("MATH-7.RP.1"), .date(thursday)) == [nobody])
        #expect(try warned("S-01", .workshop("MATH-7.RP.1"), .block(thursday, "F2")) == [nobody.replacingOccurrences(of: "2026-11-26", with: "2026-11-26 F2")])
        #expect(try warned("S-01", .check("MATH-7.RP.1"), .week(monday)).isEmpty, "other days of the week have them")
        let asked = try store.add(StudentRequest(askedBy: .teacher("T-OKAFOR"), student: "S-01", want: .check("MATH-7.RP.1"), when: .date(thursday),
                                                 priority: "urgent", askedOn: monday), scenario: scenario, today: monday)
        let context = try store.weekContext(scenario, weekOf: monday)
        #expect(!context.requestGoals.contains { $0.request == asked.id }, "no goal for the plans: \(context.requestGoals)")
        // No plan covers Thursday yet: the list says why rather than only "open".
        let stored = try #require(try store.requests().first { $0.id == asked.id })
        #expect(stored.status == .declined && stored.reason == nobody, "\(stored.status): \(stored.reason)")
        #expect(stored.isAsking, "declined so, it still asks: the absences may be withdrawn")
        // Once its day passed, the cause stays beside it; a check recorded late for the day still meets it.
        try store.settleRequests(scenario, today: SchoolDate("2026-11-27")!)
        #expect(try store.requests().first { $0.id == asked.id }?.reason == "the day passed without it (\(nobody))")
        _ = try Term(scenario: scenario, store: store).record(
            try checks("date,student,objective,result\n2026-11-26,S-01,MATH-7.RP.1,not yet\n", scenario, in: folder), source: "late.csv", today: afterTheChecks)
        #expect(try store.requests().first { $0.id == asked.id }?.status == .met)
    }
}
