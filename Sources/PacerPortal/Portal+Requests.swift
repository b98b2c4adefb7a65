import Foundation
import Hummingbird
import PacerCore

/// Asking from the portal (docs/requests.md): a teacher or the scheduler finds a student and asks
/// for them (`GET /ask`), a family asks on their own page; each request is recorded as `pacer
/// request add` records it (`StateStore.add`, which `StudentRequest.problem` checks: the portal
/// does not check again) and cancelled as `pacer request cancel` cancels it, by who asked or the
/// scheduler. Who sees which requests is `PortalAccess.requests(visibleTo:…)`'s to say.
extension Portal {
    /// `GET /ask?q=…&student=…` (teachers and the scheduler): the search box, the students whose
    /// name or id holds what was typed, by name, then the form for the one chosen, and the
    /// requests the person asked, each live one with a cancel button.
    func askPage(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        guard let asker = StudentRequest.Asker(role: session.grant.role) else { throw Refusal.notFound }
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let scenario = self.scenario
        store.settleRequestsOnce(on: today, scenario: scenario)
        var chosen: AskView.Form?
        var unknown: String?
        if let typed = request.uri.queryParameters["student"].map(String.init) {
            let student = scenario.studentID(typed)
            if let problem = scenario.unknownIDProblem(student: student) {
                unknown = problem
            } else {
                chosen = AskView.Form(student: student, standing: try store.status(scenario, on: today, student: student),
                                      asker: asker, scenario: scenario, today: today)
            }
        }
        let mine = try store.requests().filter { $0.askedBy == asker }
        let view = AskView(query: query, chosen: chosen, mine: mine, role: session.grant.role, scenario: scenario, today: today)
        let done = request.uri.queryParameters["done"].flatMap { Int64(String($0)) }.flatMap { id in view.mine.first { $0.id == id } }
        return Page.response(.ok, title: view.title, nav: session,
                             body: AskPage(view: view, csrf: session.csrf, unknown: unknown, done: done?.text))
    }

    /// `POST /request`: records what the form asks, for the student the form names (a family's
    /// own child only: `StudentRequest.problem` refuses another). The form sends `want`
    /// (`workshop:SUBJECT` or `check:SUBJECT`, on the student's current objective in the subject,
    /// or `teacher`, time with the teacher asking), `span` (`day`, `block:PERIOD` with `on`, or
    /// `week:DATE`), `on`, `priority` (a family asks at the least urgent) and `note`. Asked twice is
    /// asked once. Back to the asking page, where the request is listed.
    func ask(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        let form = try postedForm(context)
        guard let asker = StudentRequest.Asker(role: session.grant.role) else { throw Refusal.notFound }
        let scenario = self.scenario
        let student = scenario.studentID(form["student"] ?? "")
        let want: StudentRequest.Want
        let wanted = (form["want"] ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        switch (wanted.first, wanted.count) {
        case ("teacher", 1):
            guard case let .teacher(me) = asker else { throw Refusal(.badRequest, "Not recorded", "Choose a workshop or a mastery check.") }
            want = .teacher(me)
        case ("workshop", 2), ("check", 2):
            let subject = SubjectID(rawValue: wanted[1])
            // The student's current objective in the subject: what the form offers to ask about.
            let standing = try store.status(scenario, on: today, student: student)
            guard let objective = standing.first(where: { $0.subject == subject })?.objective else {
                // No current objective to ask about: a student who is not the asker's to ask for, or
                // not the school's, is refused as `StudentRequest.problem` words it; else the
                // words say what the form could ask about instead (`RequestText`).
                let current = Dictionary(standing.compactMap { line in line.objective.map { (line.subject, $0) } }, uniquingKeysWith: { first, _ in first })
                let why = StudentRequest.whomProblem(asker, for: student, in: scenario)
                    ?? RequestText.nothingToAskAbout(in: wanted[1], for: student, current: current, scenario)
                throw Refusal(.badRequest, "Not recorded", Self.words(.refused(why)))
            }
            want = wanted[0] == "check" ? .check(objective) : .workshop(objective)
        default:
            throw Refusal(.badRequest, "Incomplete form", "Choose what to ask for: a workshop, a mastery check or time with you.")
        }
        let day = (form["on"]?.trimmingCharacters(in: .whitespaces)).flatMap(SchoolDate.init)
        let span = form["span"] ?? "day"
        let family = if case .family = asker { true } else { false }
        // A family asks for a day or a week, as its form offers.
        if family, span.hasPrefix("block:") { throw Refusal(.badRequest, "Not recorded", "Ask for a day or a week.") }
        let when: StudentRequest.When
        if span.hasPrefix("week:") {
            guard let first = SchoolDate(String(span.dropFirst(5))) else { throw Refusal(.badRequest, "Incomplete form", "Choose the week.") }
            when = .week(first)
        } else {
            guard let day else { throw Refusal(.badRequest, "Incomplete form", "Give the day as YYYY-MM-DD.") }
            when = span.hasPrefix("block:") ? .block(day, PeriodID(rawValue: String(span.dropFirst(6)))) : .date(day)
        }
        let priority = family ? scenario.requestPriorities.standard : (form["priority"] ?? scenario.requestPriorities.standard)
        // The note as typed: `StudentRequest` keeps it as `PersonText` does, and its `problem`
        // refuses one that breaks the rule, with the reason.
        let asked = StudentRequest(askedBy: asker, student: student, want: want, when: when, priority: priority, note: form["note"] ?? "", askedOn: today)
        let id: Int64
        do {
            id = try store.add(asked, scenario: scenario, today: today).id
        } catch let error as RequestError {
            throw Refusal(.badRequest, "Not recorded", Self.words(error))
        }
        let back = family ? "/#requests" : "/ask?student=\(Page.queryEscape(student.rawValue))&done=\(id)"
        return Response(status: .seeOther, headers: [.location: back])
    }

    /// `POST /request/cancel`: cancels the request the form names, for who asked it or the
    /// scheduler (`StateStore.cancelRequest`'s rule); back to the page it was cancelled from.
    func cancelAsked(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        let form = try postedForm(context)
        guard let asker = StudentRequest.Asker(role: session.grant.role) else { throw Refusal.notFound }
        guard let id = form["request"].flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }), id > 0 else {
            throw Refusal(.badRequest, "Incomplete form", "Choose the request to cancel.")
        }
        do {
            try store.cancelRequest(id, by: asker, reason: "cancelled by \(RequestText.asker(asker, scenario)) in the portal",
                                    scenario: scenario, today: today)
        } catch let error as RequestError {
            switch error {
            // Anyone but the scheduler is told the same of a request that is not theirs and of one
            // that does not exist, so that nobody learns which ids exist.
            case .unknown where asker == .scheduler: throw Refusal(.notFound, "No such request", "There is no request \(id).")
            case .unknown, .notYours: throw Refusal(.forbidden, "Not yours", "Only who asked a request, or the scheduler, may cancel it.")
            // Cancelled already (a second click): back to the page, as asking twice is.
            case .notLive(_, .cancelled): break
            case .notLive: throw Refusal(.conflict, "Not cancelled", Self.words(error))
            case .refused, .cancelRefused: throw Refusal(.badRequest, "Not cancelled", Self.words(error))
            }
        }
        let back = if case .teacher = asker { "/ask" } else { "/" }
        return Response(status: .seeOther, headers: [.location: back])
    }

    /// A request error in a page's words: the reason, with a capital, without "request refused: ".
    static func words(_ error: RequestError) -> String {
        let text = switch error {
        case let .refused(problem), let .cancelRefused(problem): problem
        default: error.description
        }
        return text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") || text.hasSuffix("?") ? "" : ".")
    }
}
