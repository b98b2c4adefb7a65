import Foundation
import Hummingbird
import PacerCore

/// `pacer serve`: the portal over one scenario's state. It routes, authorizes (PortalAccess) and
/// renders; what a page shows and what a form changes is PacerCore's.
///
/// - `GET /signin?token=…` signs in with a link from `pacer access grant` and sets a session
///   cookie (HttpOnly, SameSite=Strict); the token itself is never kept.
/// - `GET /` is the signed-in person's page: a teacher's groups of the day with a check form per
///   student, a family's student, the scheduler's standing.
/// - `POST /check` records a mastery check (teacher for their own students, or the scheduler),
///   exactly as `pacer record` does; the same check sent twice is one check.
///
/// Every form carries the session's CSRF token. Sessions live in memory: a restart signs everyone
/// out (their links still work).
public struct Portal: Sendable {
    public let scenario: Scenario
    public let statePath: String
    /// The date the portal treats as today (`--date`), else the clock's.
    public let date: SchoolDate?
    let sessions = PortalSessions()
    /// Largest form accepted (bytes).
    static let maxBody = 64 * 1024
    static let cookie = "pacer_session"

    public init(scenario: Scenario, statePath: String, date: SchoolDate? = nil) {
        self.scenario = scenario
        self.statePath = statePath
        self.date = date
    }

    var today: SchoolDate { date ?? .today() }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/signin") { request, _ in try await self.signIn(request) }
        router.get("/") { request, _ in try await self.home(request) }
        router.post("/check") { request, _ in try await self.check(request) }
        return router
    }

    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "pacer"))
    }

    // MARK: Routes

    func signIn(_ request: Request) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard let grant = try StateStore(path: statePath).signIn(token: token, on: today) else {
            return Page.response(.unauthorized, title: "Link not valid",
                                 body: "<p>This sign-in link is not valid: it may have expired or been revoked. Ask the scheduler for a new one.</p>")
        }
        let session = await sessions.open(grant)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: Self.cookie, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    func home(_ request: Request) async throws -> Response {
        guard let session = await session(of: request) else { return Page.signInFirst() }
        let store = try StateStore(path: statePath)
        switch session.grant.role {
        case let .teacher(teacher):
            let agenda = try store.teacherAgenda(scenario, teacher: teacher, on: today)
            return Page.response(.ok, title: "\(teacherName(teacher)): \(today)", body: Page.agenda(agenda, csrf: session.csrf))
        case let .family(student):
            let lines = try store.status(scenario, on: today, student: student)
            let checks = try store.checks(of: student).filter { !$0.withdrawn }.suffix(10)
            return Page.response(.ok, title: studentName(student), body: Page.family(lines, checks: Array(checks), scenario: scenario))
        case .scheduler:
            let lines = try store.status(scenario, on: today)
            return Page.response(.ok, title: "\(scenario.name): \(today)", body: Page.standing(lines, scenario: scenario))
        }
    }

    func check(_ request: Request) async throws -> Response {
        guard let session = await session(of: request) else { return Page.signInFirst() }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxBody)
        } catch {
            return Page.response(.contentTooLarge, title: "Too large", body: "<p>The form is larger than \(Self.maxBody / 1024) KB.</p>")
        }
        let form = Form(String(buffer: body))
        guard form["csrf"] == session.csrf else {
            return Page.response(.forbidden, title: "Form expired", body: "<p>This form is out of date. Go back, reload the page and send it again.</p>")
        }
        guard let student = form["student"].map(StudentID.init(rawValue:)), let objective = form["objective"].map(ObjectiveID.init(rawValue:)),
              let result = form["result"].flatMap(MasteryCheck.Result.init(rawValue:)) else {
            return Page.response(.badRequest, title: "Incomplete form", body: "<p>Choose mastered or not yet for a student, then send.</p>")
        }
        let store = try StateStore(path: statePath)
        guard try PortalAccess.may(session.grant.role, record: objective, for: student, on: today, scenario: scenario, store: store) else {
            return Page.response(.forbidden, title: "Not yours", body: "<p>You can record checks only for students in your own sessions.</p>")
        }
        let check = MasteryCheck(date: today, student: student, objective: objective, result: result,
                                 note: String((form["note"] ?? "").prefix(500)), source: "portal \(session.grant.role)")
        if let problem = check.problem(in: scenario, today: today) {
            return Page.response(.badRequest, title: "Not recorded", body: "<p>\(Page.escape(problem))</p>")
        }
        _ = try store.record([check], scenario: scenario, source: "portal \(session.grant.role)")
        return Response(status: .seeOther, headers: [.location: "/"])
    }

    // MARK: Helpers

    /// The request's session, while its grant is still valid (a revoked or expired grant ends it).
    func session(of request: Request) async -> PortalSessions.Session? {
        guard let id = request.cookies[Self.cookie]?.value, let session = await sessions.find(id),
              let grant = try? StateStore(path: statePath).accessGrant(session.grant.id), grant.isValid(on: today) else { return nil }
        return session
    }

    func teacherName(_ id: TeacherID) -> String { scenario.teachers.first { $0.id == id }?.name ?? id.rawValue }
    func studentName(_ id: StudentID) -> String { scenario.students.first { $0.id == id }?.name ?? id.rawValue }
}

/// Signed-in sessions, by a random id that the cookie carries, each with its CSRF token.
actor PortalSessions {
    struct Session: Sendable {
        let id: String
        let grant: AccessGrant
        let csrf: String
    }

    private var open: [String: Session] = [:]

    func open(_ grant: AccessGrant) -> Session {
        let session = Session(id: AccessToken.random().text, grant: grant, csrf: AccessToken.random().text)
        open[session.id] = session
        return session
    }

    func find(_ id: String) -> Session? { open[id] }
}

/// A urlencoded form's fields (the first value of each).
struct Form {
    private var fields: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first, fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? parts[1] : ""
        }
    }

    subscript(_ name: String) -> String? { fields[name] }
}
