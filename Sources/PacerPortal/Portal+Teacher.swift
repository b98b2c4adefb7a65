import Foundation
import Hummingbird
import PacerCore

/// A teacher's or supervisor's day and week, and what they record at the door: checks (teachers)
/// and absences.
extension Portal {
    /// The signed-in teacher's or supervisor's adult id.
    private func adult(_ session: PortalSession) throws -> AdultID {
        guard let adult = session.grant.role.adult else { throw Refusal.notFound }
        return adult
    }

    func adultHome(session: PortalSession) throws -> Response {
        let scenario = self.scenario
        let agenda = try store.teacherAgenda(scenario, adult: try adult(session), on: today)
        var view = TeacherDayView(agenda, scenario: scenario)
        if case let .teacher(me) = session.grant.role {
            view = view.withRequests(try PortalAccess.requests(visibleTo: session.grant.role, on: today, scenario: scenario, store: store),
                                     teacher: me, on: today, inForce: try store.planInForce(scenario, on: today), scenario: scenario)
        }
        return Page.response(.ok, title: view.title, nav: session, body: TeacherDayPage(view: view, csrf: session.csrf))
    }

    func adultWeek(session: PortalSession) throws -> Response {
        let me = try adult(session)
        let days = try scenario.calendar.week(containing: today).map { try store.teacherAgenda(scenario, adult: me, on: $0.date) }
        let view = TeacherWeekView(adult: me, days: days, today: today, scenario: scenario)
        return Page.response(.ok, title: view.title, nav: session, body: TeacherWeekPage(view: view))
    }

    /// `POST /check`: a teacher for a student of their own group on its objective, or the scheduler.
    func check(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        let form = try postedForm(context)
        // Ids as the scenario writes them and the result as people write it (`s-05 `, `Not yet`).
        guard let student = form["student"].map(scenario.studentID), let objective = form["objective"].map(scenario.objectiveID),
              let result = form["result"].flatMap(MasteryCheck.Result.init(word:)) else {
            throw Refusal(.badRequest, "Incomplete form", "Choose mastered or not yet for a student, then send.")
        }
        let check = MasteryCheck(date: today, student: student, objective: objective, result: result,
                                 note: try Self.note(form), source: "portal \(session.grant.role)")
        let term = Term(scenario: scenario, store: store)
        if let problem = try term.problem(of: check, today: today) { throw Refusal(.badRequest, "Not recorded", problem) }
        guard try PortalAccess.may(session.grant.role, record: objective, for: student, on: today, scenario: scenario, store: store) else {
            throw Refusal(.forbidden, "Not yours", "You can record checks only for students in your own sessions.")
        }
        // One click at the door is a person saying it now, on purpose: a check of today withdrawn
        // earlier is recorded again (a re-sent file is what must not undo a correction).
        _ = try term.record([check], source: "portal \(session.grant.role)", today: today, again: true)
        // Back to the same student on the teacher's page (the form names the row's block).
        return Self.backTo(student, in: form["block"].map(BlockID.init(rawValue:)).flatMap { scenario.calendar.block($0) == nil ? nil : $0 })
    }

    /// The form's note, held to `PersonText`'s rule: a 400 page with the reason when it breaks it.
    static func note(_ form: Form) throws -> String {
        switch PersonText.checked(form["note"] ?? "", .note) {
        case let .success(text): return text
        case let .failure(problem): throw Refusal(.badRequest, "Not recorded", "The note was not accepted: \(problem).")
        }
    }

    /// `POST /absent`: a student missed one of today's sessions (their teacher, or the scheduler).
    func markAbsent(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        let form = try postedForm(context)
        guard let student = form["student"].map(scenario.studentID), let block = form["block"].map(BlockID.init(rawValue:)),
              let period = scenario.calendar.block(block)?.period else {
            throw Refusal(.badRequest, "Incomplete form", "Mark a student of one of your sessions.")
        }
        let allowed = try PortalAccess.may(session.grant.role, markAbsent: student, in: block, on: today, scenario: scenario, store: store)
        guard allowed else { throw Refusal(.forbidden, "Not yours", "You can mark absent only students of your own sessions and study groups.") }
        let absence = Absence(date: today, person: .student(student), periods: [period], note: "marked by \(session.grant.role) in the portal")
        if let problem = absence.problem(in: scenario) { throw Refusal(.badRequest, "Not recorded", problem) }
        try store.recordAbsences([absence], scenario: scenario, today: today)
        return Self.backTo(student, in: block)
    }

    /// Back to the student's row in the block on the adult's page (the page's top without a block).
    static func backTo(_ student: StudentID, in block: BlockID?) -> Response {
        Response(status: .seeOther, headers: [.location: "/" + (block.map { "#" + Page.pathEscape(TeacherDayPage.anchor(student, in: $0)) } ?? "")])
    }
}
