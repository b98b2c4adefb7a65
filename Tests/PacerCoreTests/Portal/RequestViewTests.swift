import Foundation
import Testing
@testable import PacerCore

/// The views of asking in the portal: the search, the form, and the teacher's day with the
/// students the teacher asked for.
@Suite struct RequestViewTests {
    let scenario: Scenario
    let tuesday = SchoolDate("2026-11-24")!

    init() throws { scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school") }

    func ask(_ id: Int64, by: StudentRequest.Asker, _ student: StudentID, _ want: StudentRequest.Want, _ when: StudentRequest.When? = nil) -> StudentRequest {
        var request = StudentRequest(askedBy: by, student: student, want: want, when: when ?? .date(tuesday), priority: "high", askedOn: tuesday)
        request.id = id
        return request
    }

    @Test func theSearchFindsByPartOfANameOrAnIdListedByName() {
        let byName = AskView(query: " ava ", chosen: nil, mine: [], role: .teacher("T-OKAFOR"), scenario: scenario, today: tuesday)
        #expect(byName.matches.map(\.label) == ["Ava Martin (S-01)"])
        // Accents aside, as people type: "tomas" finds Tomás.
        #expect(AskView(query: "tomas", chosen: nil, mine: [], role: .scheduler, scenario: scenario, today: tuesday).matches.map(\.label)
            == ["Tomás Alvarez (S-24)"])
        let byID = AskView(query: "s-1", chosen: nil, mine: [], role: .teacher("T-OKAFOR"), scenario: scenario, today: tuesday)
        #expect(byID.matches.count == 10 && byID.matches.map(\.label) == byID.matches.map(\.label).sorted())
        #expect(AskView(query: "", chosen: nil, mine: [], role: .scheduler, scenario: scenario, today: tuesday).matches.isEmpty)
        let none = AskView(query: "x\u{1b}y", chosen: nil, mine: [], role: .scheduler, scenario: scenario, today: tuesday)
        #expect(none.matches.isEmpty && none.searchNote == "No student's name or id holds “x\\u{1b}y”.")
        let many = AskView(query: "S-", chosen: nil, mine: [], role: .scheduler, scenario: scenario, today: tuesday)
        #expect(many.matches.count == AskView.matchesShown && many.searchNote == "… and 10 more: type more of the name.")
    }

    @Test func aTeachersFormAndAFamilysForm() {
        let line = StateStore.StatusLine(student: "S-01", name: "Ava Martin", subject: "MATH", objective: "MATH-7.RP.1", daysOnIt: 1, workshopsOnIt: 0, daysSinceWorkshop: nil)
        let teacher = AskView.Form(student: "S-01", standing: [line], asker: .teacher("T-OKAFOR"), scenario: scenario, today: SchoolDate("2026-11-28")!)
        #expect(teacher.wants.map(\.value) == ["workshop:MATH", "check:MATH", "teacher"])
        #expect(teacher.wants[2].label == "Time with me (Ms Okafor)")
        #expect(teacher.spans.map(\.value) == ["day", "block:F1", "block:F2", "week:2026-11-30", "week:2026-12-07", "week:2026-12-14", "week:2026-12-21"])
        #expect(teacher.spans[1].label == "That day, in F1 (09:25–10:05)")
        #expect(teacher.date == SchoolDate("2026-11-30")!, "a Saturday proposes the next school day")
        #expect(teacher.priorities == ["urgent", "high", "normal"] && teacher.standard == "normal")
        let family = AskView.Form(student: "S-01", standing: [line], asker: .family("S-01"), scenario: scenario, today: tuesday)
        #expect(family.wants.map(\.label) == ["Help: a workshop on Unit rates with fractions", "A mastery check on Unit rates with fractions"])
        #expect(family.spans.first?.value == "day" && !family.spans.contains { $0.value.hasPrefix("block:") })
        #expect(family.priorities.isEmpty && family.date == tuesday)
        let done = StateStore.StatusLine(student: "S-01", name: "Ava Martin", subject: "MATH", objective: nil, daysOnIt: 0, workshopsOnIt: 0, daysSinceWorkshop: nil)
        let nothing = AskView.Form(student: "S-01", standing: [done], asker: .family("S-01"), scenario: scenario, today: tuesday)
        #expect(nothing.wants.isEmpty && nothing.nothing != nil)
    }

    /// Who got what the teacher asked, from the published plan; who did not, with the reason.
    @Test func theTeachersDayListsWhoTheyAskedForAndWhetherTheyGotIt() throws {
        var plan = try PlanFile.read(golden + "/plan.json")
        plan.unserved = [UnservedStudent(student: "S-01", subject: "MATH", objective: "MATH-7.RP.1", wanted: 2, got: 1,
                                         reason: UnservedReason(.noTeacherFree, "no qualified teacher free in Tue-F1"))]
        let inForce = PlanInForce(id: 1, plan: plan, day: "Tue", weekOf: SchoolDate("2026-11-23")!, date: tuesday)
        var declined = ask(5, by: .teacher("T-OKAFOR"), "S-03", .check("MATH-7.RP.2"))
        declined.status = .declined
        declined.reason = "Mr Chen is full in F2"
        var cancelled = ask(6, by: .teacher("T-OKAFOR"), "S-05", .check("MATH-7.RP.2"))
        cancelled.status = .cancelled
        let requests = [
            ask(1, by: .teacher("T-OKAFOR"), "S-01", .check("MATH-7.RP.1")),
            ask(2, by: .teacher("T-OKAFOR"), "S-04", .workshop("MATH-7.RP.2"), .week(SchoolDate("2026-11-23")!)),
            ask(3, by: .teacher("T-OKAFOR"), "S-11", .teacher("T-OKAFOR"), .block(tuesday, "F2")),
            ask(4, by: .family("S-12"), "S-12", .workshop("MATH-7.NS.1")),
            declined, cancelled,
            ask(7, by: .teacher("T-OKAFOR"), "S-15", .workshop("MATH-7.NS.2"), .date(SchoolDate("2026-11-25")!)),
        ]
        let agenda = TeacherAgenda(adult: AdultID(rawValue: "T-OKAFOR"), date: tuesday, groups: [])
        let day = TeacherDayView(agenda, scenario: scenario).withRequests(requests, teacher: "T-OKAFOR", on: tuesday, inForce: inForce, scenario: scenario)
        #expect(day.asked.map(\.student) == ["Noah Patel (S-04)", "Ava Martin (S-01)", "Chloe Kim (S-11)", "Sofia Garcia (S-03)"],
                "got first, then not, each by name; cancelled ones and other days left out")
        #expect(day.asked[0].outcome == "got: a workshop on Recognize proportional relationships with Mr Chen, 11:45–12:25, Room 101"
                || day.asked[0].outcome.hasPrefix("got: a workshop on Recognize proportional relationships with Mr Chen, 11:45–12:25"))
        #expect(day.asked[1].outcome == "not placed: no qualified teacher free in Tue-F1")
        #expect(day.asked[2].what == "time with you, 2026-11-24 F2" && day.asked[2].outcome == "not placed: not in the published plan",
                "in F1 with her, but F2 was asked")
        #expect(day.asked[3].outcome == "declined, Mr Chen is full in F2")
        #expect(day.othersAsked == ["Elijah Brooks's family asked for a workshop on Add and subtract rational numbers (MATH-7.NS.1) for Elijah Brooks (S-12), 2026-11-24, high: waiting"])
        let nothing = TeacherDayView(agenda, scenario: scenario).withRequests(requests, teacher: "T-OKAFOR", on: tuesday, inForce: nil, scenario: scenario)
        #expect(nothing.asked.allSatisfy { $0.outcome == "not placed: nothing published for the day" || $0.outcome.hasPrefix("declined") })
    }

    /// Time a teacher asks for with a student reads as time with the student, wherever it is
    /// shown; time the scheduler asks with a teacher names the teacher and the student.
    @Test func aTeacherAsksForTimeWithTheStudent() throws {
        let own = ask(1, by: .teacher("T-OKAFOR"), "S-11", .teacher("T-OKAFOR"), .block(tuesday, "F2"))
        let scheduler = ask(2, by: .scheduler, "S-11", .teacher("T-CHEN"))
        let check = ask(3, by: .teacher("T-OKAFOR"), "S-11", .check("MATH-7.NS.1"))
        #expect(RequestText.line(own, scenario) == "Ms Okafor asks for time with Chloe Kim (S-11), 2026-11-24 F2, high")
        #expect(RequestText.line(scheduler, scenario) == "the scheduler asks for time with Mr Chen (T-CHEN) for Chloe Kim (S-11), 2026-11-24, high")
        #expect(RequestText.line(check, scenario) == "Ms Okafor asks for a mastery check on Add and subtract rational numbers (MATH-7.NS.1) for Chloe Kim (S-11), 2026-11-24, high")
        // The ask page: the teacher's own, and the scheduler reading it.
        #expect(AskView.Line(own, role: .teacher("T-OKAFOR"), scenario: scenario).text == "Time with Chloe Kim (S-11), 2026-11-24 F2, high: waiting")
        #expect(AskView.Line(own, role: .scheduler, scenario: scenario).text == "Ms Okafor asked for time with Chloe Kim (S-11), 2026-11-24 F2, high: waiting")
        // The family page names the child only in time asked with them.
        #expect(RequestText.asked(own, scenario, naming: false) == "time with Chloe Kim (S-11)")
        #expect(RequestText.asked(check, scenario, naming: false) == "a mastery check on Add and subtract rational numbers (MATH-7.NS.1)")
    }
}
