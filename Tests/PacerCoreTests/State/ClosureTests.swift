import Foundation
import GRDB
import PacerTestSupport
import Testing
@testable import PacerCore

/// A copy of the tiny school whose calendar also has `calendar` (YAML lines under `calendar:`,
/// indented by two), with its state started on 2026-11-23.
func tinySchoolWithCalendar(_ calendar: String) throws -> (folder: String, scenario: Scenario, store: StateStore) {
    let folder = try tinySchoolCopy(calendar: calendar)
    let scenario = try ScenarioLoader.load(folder)
    let store = try StateStore(path: StateStore.path(for: scenario))
    try Term(scenario: scenario, store: store).seed(on: SchoolDate("2026-11-23")!)
    return (folder, scenario, store)
}

/// Holidays in the scenario and closures recorded mid-term: nothing is planned on a closed date,
/// a regroup refuses it, a plan made before a closure is not published as current, and what was
/// published for a date closed afterwards shows as cancelled with why.
@Suite struct ClosureTests {
    let golden = scenariosFolder + "/../Tests/PacerCoreTests/Golden/tiny-school/plan.json"
    let options = PlanOptions(timeLimit: 30, nodeLimit: 50)
    let term = "  term: {first_day: 2026-11-23, last_day: 2026-12-18}\n"

    @Test func aWeekPlanSkipsAHolidayAndSaysWhy() throws {
        let (folder, scenario, store) = try tinySchoolWithCalendar(term + "  holidays:\n    - {date: 2026-11-26, note: Thanksgiving}\n    - {date: 2026-11-27, periods: [F2], note: Early dismissal}\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try Term(scenario: scenario, store: store).planWeek(weekOf: SchoolDate("2026-11-23")!, options: options)
        let plan = planned.result.plan
        #expect(!plan.sessions.isEmpty)
        #expect(!plan.sessions.contains { $0.day == "Thu" || $0.block == "Fri-F2" }, "\(plan.sessions.map(\.block))")
        #expect(!(plan.study ?? []).contains { $0.day == "Thu" || $0.block == "Fri-F2" }, "no study on a closed date either")
        #expect(planned.violations.isEmpty, "\(planned.violations)")
        #expect(planned.context.scenario.calendar.closureLines == ["2026-11-26 (Thu) closed: Thanksgiving", "2026-11-27 (Fri-F2) closed: Early dismissal"])
        // Planned from the state, it is current and publishes.
        _ = try Term(scenario: scenario, store: store).publish(plan, weekOf: nil)
        // The holiday cannot be regrouped, and the refusal says where it comes from.
        let refusal = #expect(throws: StateError.self) { _ = try Term(scenario: scenario, store: store).regroup(SchoolDate("2026-11-26")!, options: options) }
        #expect(refusal?.description == "2026-11-26 closed: Thanksgiving: the school is closed all day, so there is nothing to plan (a holiday of calendar.holidays in scenario.yaml)")
    }

    @Test func aWeekOutsideTheTermIsRefusedAndItsDaysOutsideAreClosed() throws {
        let (folder, scenario, store) = try tinySchoolWithCalendar("  term: {first_day: 2026-11-25, last_day: 2026-12-18}\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        #expect(throws: StateError.outsideTerm("the week of 2027-01-04 is outside the term (2026-11-25 to 2026-12-18)")) {
            _ = try term.planWeek(weekOf: SchoolDate("2027-01-04")!, options: options)
        }
        let plan = try term.planWeek(weekOf: SchoolDate("2026-11-23")!, options: options).result.plan
        #expect(!plan.sessions.contains { $0.day == "Mon" || $0.day == "Tue" }, "the term starts on Wednesday")
        #expect(plan.sessions.contains { $0.day == "Wed" })
    }

    @Test func aRegroupRefusesAClosedDateAndPlansOnlyTheOpenPeriodsOfAPartlyClosedOne() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        let snow = Closure(date: SchoolDate("2026-11-24")!, note: "snow day")
        #expect(try store.recordClosure(snow, scenario: scenario) == 1)
        #expect(try store.recordClosure(snow, scenario: scenario) == 0, "recorded once")
        #expect(throws: StateError.closed(Closure(date: SchoolDate("2026-11-24")!, note: "snow day", source: .state(id: 1)))) {
            _ = try term.regroup(SchoolDate("2026-11-24")!, options: options)
        }
        let refusal = StateError.closed(snow).description
        #expect(refusal.hasPrefix("2026-11-24 closed: snow day: the school is closed all day"), "\(refusal)")

        try store.recordClosure(Closure(date: SchoolDate("2026-11-25")!, periods: ["F1"], note: "assembly"), scenario: scenario)
        let regrouped = try term.regroup(SchoolDate("2026-11-25")!, options: options)
        #expect(!regrouped.result.plan.sessions.contains { $0.block == "Wed-F1" })
        #expect(regrouped.result.plan.sessions.contains { $0.block == "Wed-F2" })
        #expect(regrouped.context.scenario.calendar.closureLines == ["2026-11-25 (Wed-F1) closed: assembly"])
        #expect(regrouped.violations.isEmpty, "\(regrouped.violations)")
        // The published sessions and study of the closed period stay on the day plan, which calendars send cancelled with why.
        let week = try PlanFile.read(golden)
        let closedSession = try #require(week.sessions.first { $0.block == "Wed-F1" })
        #expect(regrouped.result.plan.closedPublished == week.sessions.filter { $0.block == "Wed-F1" })
        #expect(regrouped.result.plan.closedPublishedStudy == week.study?.filter { $0.block == "Wed-F1" })
        _ = try term.publish(regrouped.result.plan, weekOf: nil)
        let inForce = try #require(try store.planInForce(scenario, on: SchoolDate("2026-11-25")!))
        let files = try ICalendarExporter().files(inForce.exportContext(scenario, onlyTheDay: true)).mapValues { $0.replacingOccurrences(of: "\r\n ", with: "") }
        let teacherFile = try #require(files.first { $0.key.hasSuffix("/\(closedSession.teacher).ics") }?.value)
        let event = try #require(teacherFile.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("STATUS:CANCELLED") }, "\(teacherFile)")
        #expect(event.contains("DESCRIPTION:Closed: assembly"), "\(event)")
        if let group = week.study?.first(where: { $0.block == "Wed-F1" && !$0.students.isEmpty }) {
            let file = try #require(files.first { $0.key.hasSuffix("/\(group.students[0].student).ics") }?.value)
            #expect(file.components(separatedBy: "BEGIN:VEVENT").contains { $0.contains("Cancelled: independent study") && $0.contains("Closed: assembly") }, "\(file)")
        }

        // Reopened (recorded by mistake), the day can be regrouped again.
        #expect(try store.reopen(SchoolDate("2026-11-24")!, scenario: scenario) == 1)
        _ = try term.regroup(SchoolDate("2026-11-24")!, options: options)
    }

    @Test func publishRefusesAPlanMadeBeforeASnowDayNamingIt() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        let planned = try term.planWeek(weekOf: SchoolDate("2026-11-30")!, options: options).result.plan
        #expect(planned.header.madeFrom?.lastClosure == 0)
        #expect(planned.sessions.contains { $0.day == "Thu" })
        try store.recordClosure(Closure(date: SchoolDate("2026-12-03")!, note: "snow day"), scenario: scenario)
        #expect {
            _ = try term.publish(planned, weekOf: nil)
        } throws: { error in
            guard case let Term.PublishRefusal.stateChanged(changes, _)? = error as? Term.PublishRefusal else { return false }
            return changes == ["1 closure recorded since this plan was made: 2026-12-03 closed: snow day"]
        }
        // Verified against the state it was made from, it breaks nothing, and says what changed.
        let verification = try Term.verification(of: planned, scenario: scenario)
        #expect(verification.violations.isEmpty, "\(verification.violations)")
        #expect(verification.changes == ["1 closure recorded since this plan was made: 2026-12-03 closed: snow day"])
        // Published as it is, Thursday's sessions count as received by nobody.
        _ = try term.publish(planned, weekOf: nil, despiteChanges: true)
        let thursday = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attendance WHERE date = '2026-12-03'") }
        let wednesday = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attendance WHERE date = '2026-12-02'") }
        #expect(thursday == 0 && (wednesday ?? 0) > 0)
        // Its study groups on Thursday are cancelled with the reason too, for the adults and the students.
        let group = try #require(planned.study?.first { $0.day == "Thu" && !$0.students.isEmpty }, "the plan holds study on Thursday")
        let inForce = try #require(try store.planInForce(scenario, on: SchoolDate("2026-12-03")!))
        let files = try ICalendarExporter().files(inForce.exportContext(scenario, onlyTheDay: true)).mapValues { $0.replacingOccurrences(of: "\r\n ", with: "") }
        for who in [group.adults[0].rawValue, group.students[0].student.rawValue] {
            let file = try #require(files.first { $0.key.hasSuffix("/\(who).ics") }?.value, "\(who)")
            let event = try #require(file.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:2026-12-03.\(group.block).\(who)@pacer") })
            #expect(event.contains("SUMMARY:Cancelled: independent study") && event.contains("STATUS:CANCELLED")
                    && event.contains("DESCRIPTION:Closed: snow day") && event.contains("SEQUENCE:1"), "\(event)")
        }
        // Planned again, Thursday is empty and the plan is current.
        let again = try term.planWeek(weekOf: SchoolDate("2026-11-30")!, options: options).result.plan
        #expect(!again.sessions.contains { $0.day == "Thu" })
        #expect(try Term.verification(of: again, scenario: scenario).changes.isEmpty)
    }

    @Test func aPlanFromStudentsCSVWithSessionsOnAHolidayIsRefused() throws {
        let (folder, scenario, store) = try tinySchoolWithCalendar("  holidays: [{date: 2026-11-26, note: Thanksgiving}]\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: Term.PublishRefusal.onClosedDates(closures: ["2026-11-26 closed: Thanksgiving"], weekOf: SchoolDate("2026-11-23")!)) {
            _ = try Term(scenario: scenario, store: store).publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        }
    }

    @Test func aSessionPublishedOnADayClosedAfterwardsIsCancelledWithWhy() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let published = try PlanFile.read(golden)
        _ = try Term(scenario: scenario, store: store).publish(published, weekOf: SchoolDate("2026-11-23"))
        let thursday = SchoolDate("2026-11-26")!
        let before = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attendance WHERE date = '2026-11-26'") }
        #expect((before ?? 0) > 0)
        try store.recordClosure(Closure(date: thursday, note: "snow day"), scenario: scenario)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attendance WHERE date = '2026-11-26'") } == 0,
                "nobody received Thursday's sessions")

        // status --date
        let lines = try store.closureLines(scenario, on: thursday)
        #expect(lines.count == 1 && lines[0].hasPrefix("2026-11-26 closed: snow day; 4 published sessions cancelled: Ms Okafor, Thu-F1"), "\(lines)")
        #expect(try store.closureLines(scenario, on: SchoolDate("2026-11-25")!).isEmpty)

        // The exported calendars cancel Thursday's sessions with the reason, one SEQUENCE on.
        let inForce = try #require(try store.planInForce(scenario, on: thursday))
        let files = try ICalendarExporter().files(inForce.exportContext(scenario, onlyTheDay: false))
        let okafor = try #require(files["teachers/T-OKAFOR.ics"]).replacingOccurrences(of: "\r\n ", with: "")
        let event = try #require(okafor.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:2026-11-26.Thu-F1.T-OKAFOR@pacer") })
        #expect(event.contains("STATUS:CANCELLED") && event.contains("SEQUENCE:1") && event.contains("DESCRIPTION:Closed: snow day"), "\(event)")
        let wednesday = try #require(okafor.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:2026-11-25.Wed-F1.T-OKAFOR@pacer") })
        #expect(wednesday.contains("STATUS:CONFIRMED") && wednesday.contains("SEQUENCE:0"))

        // The HTML pages list them with why.
        let pages = try HTMLExporter().files(inForce.exportContext(scenario, onlyTheDay: false))
        #expect(pages.values.contains { $0.contains("Cancelled: school closed") && $0.contains("closed (snow day)") })

        // A family's calendar feed and page.
        let session = try #require(published.sessions.first { $0.block == "Thu-F1" && !$0.students.isEmpty })
        let student = session.students[0]
        let feed = try store.calendarFeed(scenario, of: student, on: [thursday]).replacingOccurrences(of: "\r\n ", with: "")
        let studentEvent = try #require(feed.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:2026-11-26.Thu-F1.\(student)@pacer") })
        #expect(studentEvent.contains("STATUS:CANCELLED") && studentEvent.contains("DESCRIPTION:Closed: snow day") && studentEvent.contains("SEQUENCE:1"),
                "\(studentEvent)")
        let workshops = try store.workshops(scenario, of: student, on: [thursday])
        #expect(workshops.first { $0.block == "Thu-F1" }?.cancelled?.note == "snow day")
        let family = FamilyView(student: student, standing: [], week: workshops, checks: [], feed: "", today: thursday, scenario: scenario)
        #expect(family.workshops.contains { $0.note == "cancelled: school closed (snow day)" }, "\(family.workshops)")

        // A teacher's day page.
        let agenda = try store.teacherAgenda(scenario, teacher: "T-OKAFOR", on: thursday)
        #expect(!agenda.groups.isEmpty && agenda.groups.allSatisfy { $0.cancelled?.note == "snow day" })
        let page = TeacherDayView(agenda, scenario: scenario)
        #expect(page.groups.allSatisfy { $0.heading.hasSuffix(" · cancelled: school closed (snow day)") }, "\(page.groups.map(\.heading))")
        // The scheduler's page.
        let scheduler = SchedulerView(today: thursday, scenario: scenario, standing: [], inForce: inForce, absences: [], recentChecks: [], job: nil)
        #expect(scheduler.today?.plan.contains("2026-11-26 closed: snow day: 4 session(s) cancelled.") == true, "\(scheduler.today?.plan ?? "")")
    }

    @Test func aClosureNeedsASchoolDayWithinTheTermKnownPeriodsAndANote() throws {
        let (folder, scenario, _) = try tinySchoolWithCalendar(term)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Closure(date: SchoolDate("2026-11-28")!, note: "x").problem(in: scenario)?.hasPrefix("2026-11-28 is a Saturday, not a school day") == true)
        #expect(Closure(date: SchoolDate("2027-01-04")!, note: "x").problem(in: scenario) == "2027-01-04 is after the term's last day (2026-12-18)")
        #expect(Closure(date: SchoolDate("2026-11-24")!, periods: ["F3"], note: "x").problem(in: scenario)?.contains("unknown period 'F3'; did you mean") == true)
        #expect(Closure(date: SchoolDate("2026-11-24")!, note: " ").problem(in: scenario)?.contains("--note") == true)
        #expect(Closure(date: SchoolDate("2026-11-24")!, periods: ["F1"], note: "assembly").problem(in: scenario) == nil)
    }
}
