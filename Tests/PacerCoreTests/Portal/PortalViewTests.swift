import Foundation
import Testing
@testable import PacerCore

/// The portal's view models: what each page says, worked out from the state's answers, in words.
@Suite struct PortalViewTests {
    let scenario: Scenario
    let tuesday = SchoolDate("2026-11-24")!

    init() throws { scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school") }

    func member(_ id: StudentID, name: String, priority: Bool = false, days: Int? = 1, isNew: Bool = true, absent: Bool = false,
                last: StateStore.RecordedCheck? = nil) -> TeacherAgenda.Member {
        TeacherAgenda.Member(student: id, name: name, grade: "7", priority: priority, daysOnObjective: days, isNew: isNew, absent: absent, lastCheck: last)
    }

    func check(_ id: Int64, _ date: String, _ objective: ObjectiveID, _ result: String, _ note: String) -> StateStore.RecordedCheck {
        StateStore.RecordedCheck(id: id, date: SchoolDate(date)!, objective: objective, result: result, note: note, source: "test", withdrawn: false)
    }

    @Test func aTeachersDayNamesTheTeacherAndSaysWhatEachStudentNeeds() {
        let group = TeacherAgenda.Group(block: "Tue-F1", start: "09:25", end: "10:05", room: "R102", objective: "MATH-7.NS.1",
                                        title: "Add and subtract rational numbers", members: [
            member("S-11", name: "Chloe Kim", priority: true, last: check(1, "2026-11-23", "MATH-7.NS.1", "not-yet", "three of four")),
            member("S-12", name: "Elijah Brooks", days: nil, isNew: false, absent: true),
        ])
        let view = TeacherDayView(TeacherAgenda(adult: "T-OKAFOR", date: tuesday, groups: [group]), scenario: scenario)
        #expect(view.title == "Ms Okafor: Tuesday 2026-11-24")
        #expect(view.nothing == nil)
        let shown = view.groups[0]
        #expect(shown.heading == "09:25–10:05 · room R102")
        #expect(shown.summary == "Add and subtract rational numbers · 2 student(s)")
        #expect(shown.students.map(\.about) == ["grade 7, day 2 on it", "grade 7"])
        #expect(shown.students.map(\.marks) == [[.priority, .new], [.absent]])
        #expect(shown.students.map(\.lastCheck) == ["last check 2026-11-23: not yet: three of four", nil])
        #expect(shown.students.map(\.absent) == [false, true])

        let free = TeacherDayView(TeacherAgenda(adult: "T-OKAFOR", date: tuesday, groups: []), scenario: scenario)
        #expect(free.nothing == "No sessions published for you on Tuesday 2026-11-24.")
    }

    @Test func aTeachersWeekMarksTodayAndCountsTheAbsent() {
        let group = TeacherAgenda.Group(block: "Thu-F1", start: "09:25", end: "10:05", room: "R102", objective: "MATH-7.G.2",
                                        title: "Circles: area and circumference",
                                        members: [member("S-21", name: "Yusuf Hughes", absent: true), member("S-22", name: "Zoe Wright")])
        let days = [TeacherAgenda(adult: "T-OKAFOR", date: tuesday, groups: []),
                    TeacherAgenda(adult: "T-OKAFOR", date: SchoolDate("2026-11-26")!, groups: [group])]
        let view = TeacherWeekView(adult: "T-OKAFOR", days: days, today: tuesday, scenario: scenario)
        #expect(view.title == "Ms Okafor: week of 2026-11-23")
        #expect(view.days.map(\.heading) == ["Tuesday 2026-11-24 (today)", "Thursday 2026-11-26"])
        #expect(view.days[0].sessions.isEmpty)
        #expect(view.days[1].sessions == [.init(when: "09:25–10:05, room R102", objective: "MATH-7.G.2",
                                                about: "Circles: area and circumference, 2 student(s) (1 absent)")])
    }

    @Test func aFamilyReadsTitlesAndNamesNewestCheckFirst() {
        let lines = [StateStore.StatusLine(student: "S-01", name: "Ava Martin", subject: "MATH", objective: "MATH-7.RP.2", daysOnIt: 2,
                                           workshopsOnIt: 0, daysSinceWorkshop: nil),
                     StateStore.StatusLine(student: "S-01", name: "Ava Martin", subject: "MATH", objective: nil, daysOnIt: 0,
                                           workshopsOnIt: 0, daysSinceWorkshop: nil)]
        let week = [StudentWorkshop(date: tuesday, block: "Tue-F1", start: "09:25", end: "10:05", objective: "MATH-7.RP.2",
                                    title: "Recognize proportional relationships", teacher: "Mr Chen", room: "Room 101", absent: true)]
        let checks = [check(1, "2026-11-23", "MATH-7.RP.1", "mastered", "all four"), check(2, "2026-11-24", "MATH-7.RP.2", "not-yet", "")]
        let view = FamilyView(student: "S-01", standing: lines, week: week, checks: checks, feed: "https://school/calendar.ics?key=k",
                              today: tuesday, scenario: scenario)
        #expect(view.title == "Ava Martin")
        #expect(view.standing == [.init(subject: "Mathematics, grade 7", objective: "Recognize proportional relationships (day 3)"),
                                  .init(subject: "Mathematics, grade 7", objective: "progression complete")])
        #expect(view.workshops == [.init(when: "Tuesday 11-24 (today), 09:25–10:05", what: "Recognize proportional relationships",
                                         with: "with Mr Chen, Room 101", absent: true)])
        #expect(view.checks == ["2026-11-24: Recognize proportional relationships: not yet",
                                "2026-11-23: Unit rates with fractions: mastered: all four"])
    }

    /// The family page lists the child's requests, newest first, names first, with where each stands.
    @Test func aFamilySeesTheirChildsRequests() {
        var met = StudentRequest(askedBy: .teacher("T-OKAFOR"), student: "S-01", want: .check("MATH-7.RP.1"), when: .block(tuesday, "F1"),
                                 priority: "urgent", note: "for the staff: retest after the quiz", askedOn: tuesday)
        met.status = .met
        met.reason = "checked on 2026-11-24 (check 3)"
        let waiting = StudentRequest(askedBy: .family("S-01"), student: "S-01", want: .workshop("MATH-7.RP.2"), when: .week(SchoolDate("2026-11-23")!),
                                     priority: "normal", note: "stuck on ratios", askedOn: tuesday)
        let other = StudentRequest(askedBy: .scheduler, student: "S-02", want: .teacher("T-CHEN"), when: .date(tuesday), priority: "normal", askedOn: tuesday)
        let view = FamilyView(student: "S-01", standing: [], week: [], checks: [], feed: "", today: tuesday, scenario: scenario, requests: [met, waiting, other])
        #expect(view.requests == [
            // The family's own note is shown them, the teacher's is not; a block by its day and times.
            "You asked for a workshop on Recognize proportional relationships (MATH-7.RP.2), the week of Monday 2026-11-23 "
                + "(your note: stuck on ratios): waiting",
            "Ms Okafor asked for a mastery check on Unit rates with fractions (MATH-7.RP.1), Tuesday 2026-11-24, 09:25–10:05 (F1): "
                + "met, checked on 2026-11-24 (check 3)",
        ])
    }

    /// The scheduler's page lists the requests still open, the oldest first, with the days waited.
    @Test func theSchedulerSeesOpenRequestsOldestFirst() {
        func ask(_ student: StudentID, _ on: String, _ id: Int64, note: String = "") -> StudentRequest {
            var request = StudentRequest(askedBy: .teacher("T-OKAFOR"), student: student, want: .check("MATH-7.RP.1"), when: .date(tuesday),
                                         priority: "urgent", note: note, askedOn: SchoolDate(on)!)
            request.id = id
            return request
        }
        var cancelled = ask("S-03", "2026-11-19", 1)
        cancelled.status = .cancelled
        let view = SchedulerView(today: tuesday, scenario: scenario, standing: [], inForce: nil, absences: [], recentChecks: [], job: nil,
                                 requests: [ask("S-02", "2026-11-24", 3, note: "ready since Monday"), cancelled, ask("S-01", "2026-11-20", 2)])
        #expect(view.requests == [
            "4 d: Ms Okafor asks for a mastery check on Unit rates with fractions (MATH-7.RP.1) for Ava Martin (S-01), 2026-11-24, urgent",
            "0 d: Ms Okafor asks for a mastery check on Unit rates with fractions (MATH-7.RP.1) for Liam Chen (S-02), 2026-11-24, urgent (note: ready since Monday)",
        ])
    }

    @Test func theSchedulerSeesObjectivesInOrderTheLongestOnItFirst() throws {
        func line(_ id: StudentID, _ name: String, _ objective: ObjectiveID?, _ days: Int) -> StateStore.StatusLine {
            StateStore.StatusLine(student: id, name: name, subject: "MATH", objective: objective, daysOnIt: days, workshopsOnIt: 0, daysSinceWorkshop: nil)
        }
        let lines = [line("S-01", "Ava Martin", "MATH-7.RP.2", 1), line("S-02", "Liam Chen", "MATH-7.RP.1", 0),
                     line("S-03", "Sofia Garcia", "MATH-7.RP.2", 4), line("S-04", "Noah Patel", nil, 9)]
        var plan = try PlanFile.read(golden + "/plan.json")
        plan.unserved = (1...101).map { n in
            UnservedStudent(student: StudentID(rawValue: String(format: "S-9%03d", n)), subject: "MATH", objective: "MATH-7.RP.1", wanted: 2, got: 1,
                            reason: UnservedReason(.noRoomFree, "no room"))
        } + [UnservedStudent(student: "S-01", subject: "MATH", objective: "MATH-7.RP.1", wanted: 2, got: 0, reason: UnservedReason(.noTeacherFree, "no teacher free"))]
        let inForce = PlanInForce(id: 1, plan: plan, day: "Tue", weekOf: SchoolDate("2026-11-23")!)
        let view = SchedulerView(today: tuesday, scenario: scenario, standing: lines, inForce: inForce, absences: [], recentChecks: [], job: nil)
        #expect(view.title == "Maple Grove Learning Studio: Tuesday 2026-11-24")
        // The absence form offers the aide too, not only the teachers (absent supervisor:A-PARK).
        #expect(view.supervisors.map(\.id) == ["A-PARK"])
        #expect(view.nextDay == SchoolDate("2026-11-25")! && view.nextWeek == SchoolDate("2026-11-30")!)
        // Days on it as pacer status counts them; those who finished the progression last.
        #expect(view.standing.map(\.objective) == ["MATH-7.RP.1", "MATH-7.RP.2", nil])
        #expect(view.standing[1].who == "Sofia Garcia (4 d), Ava Martin (1 d)")
        #expect(view.standing[2].title == "progression complete" && view.standing[2].who == "Noah Patel (9 d)")
        let today = try #require(view.today)
        #expect(today.plan.hasPrefix("Plan 1 is in force (week of 2026-11-23): "))
        #expect(today.shortfall == "102 student(s) get fewer workshops than they want in this plan:")
        #expect(today.unserved.count == 100 && today.unserved[0].student == "Ava Martin" && today.unserved[0].workshops == "0 of 2")
        #expect(today.more == "… and 2 more (the exports list them all).")
    }

    @Test func aPlanningJobSaysWhereItStandsAndWhenItMayBePublished() throws {
        let plan = try PlanFile.read(golden + "/plan.json")
        let states = [(PlanningOutcome.running(nil), nil), (.failed("no solver"), nil), (.done(plan, violations: []), nil),
                      (.done(plan, violations: ["a", "b"]), nil), (.done(plan, violations: []), 0), (.done(plan, violations: []), Int64(3))]
            .map { PlanningJobView.Line(title: "Plan", outcome: $0, published: $1).state }
        #expect(states == ["running", "failed", "ready to publish", "breaks 2 rule(s)", "publishing", "published as plan 3"])

        let ready = PlanningJobView(id: 4, title: "Plan", outcome: .done(plan, violations: []), published: nil, scenario: scenario)
        guard case let .done(shown) = ready.stage else { Issue.record("a finished job shows its plan"); return }
        #expect(shown.mayPublish && shown.broken == nil && shown.published == nil && !ready.reloads)
        guard case let .sessionsPerTeacher(lines) = shown.changes else { Issue.record("a week plan counts sessions per teacher"); return }
        #expect(lines.contains { $0.hasPrefix("Ms Okafor: ") })

        let broken = PlanningJobView(id: 5, title: "Plan", outcome: .done(plan, violations: ["a"]), published: nil, scenario: scenario)
        guard case let .done(refused) = broken.stage else { Issue.record("a finished job shows its plan"); return }
        #expect(!refused.mayPublish && refused.broken == "The plan breaks 1 rule(s); it cannot be published:" && refused.violations == ["a"])

        let published = PlanningJobView(id: 6, title: "Plan", outcome: .done(plan, violations: []), published: 2, scenario: scenario)
        guard case let .done(done) = published.stage else { Issue.record("a finished job shows its plan"); return }
        #expect(!done.mayPublish && done.published == "Published as plan 2. Teachers and families see it now.")
        #expect(PlanningJobView(id: 7, title: "Plan", outcome: .running(nil), published: nil, scenario: scenario).reloads)
    }
}
