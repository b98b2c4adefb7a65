import Foundation
import Hummingbird
import PacerCore

/// `pacer serve`: the portal over one scenario's state. It routes, authorizes (`PortalAccess`) and
/// renders; what a page shows and what a form changes is PacerCore's.
///
/// Everyone signs in with a link from `pacer access grant` (`GET /signin?token=…`), which sets a
/// session cookie (HttpOnly, SameSite=Strict); the token itself is never kept. Every form carries
/// the session's CSRF token. Sessions live in memory: a restart signs everyone out (their links
/// still work). The routes, by who may use them:
///
/// - everyone signed in: `GET /` (their page) and `GET /week`;
/// - teachers (their own students) and the scheduler: `POST /check` records a mastery check
///   exactly as `pacer record` does, `POST /absent` marks a student absent from a session;
/// - families: `GET /calendar.ics?key=…`, their student's workshops as a calendar feed (the key
///   opens the feed and nothing else);
/// - the scheduler: `POST /regroup`, `POST /plan-week`, `GET /job`, `POST /publish`,
///   `POST /absence`, `POST /checks` (a checks CSV), `POST /withdraw`, `POST /correct`,
///   `GET /exports` and the files under it.
public struct Portal: Sendable {
    public let scenario: Scenario
    public let store: StateStore
    /// The date the portal treats as today (`--date`), else the clock's.
    public let date: SchoolDate?
    /// Seconds the scheduler's regroup and week plans may take.
    public let planSeconds: Double
    let sessions = PortalSessions()
    let jobs = PortalJobs()
    /// Largest form accepted (bytes); an uploaded checks file may be larger.
    static let maxBody = 64 * 1024
    static let maxUpload = 4 * 1024 * 1024
    static let cookie = "pacer_session"

    public init(scenario: Scenario, store: StateStore, date: SchoolDate? = nil, planSeconds: Double = PlanOptions.defaultTimeLimit) {
        self.scenario = scenario
        self.store = store
        self.date = date
        self.planSeconds = planSeconds
    }

    var today: SchoolDate { date ?? .today() }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/signin") { request, _ in try await answer { try await signIn(request) } }
        router.get("/") { request, _ in try await answer { try await home(request) } }
        router.get("/week") { request, _ in try await answer { try await week(request) } }
        router.post("/check") { request, _ in try await answer { try await check(request) } }
        router.post("/absent") { request, _ in try await answer { try await markAbsent(request) } }
        router.get("/calendar.ics") { request, _ in try await answer { try await calendarFeed(request) } }
        router.post("/regroup") { request, _ in try await answer { try await startRegroup(request) } }
        router.post("/plan-week") { request, _ in try await answer { try await startWeekPlan(request) } }
        router.get("/job") { request, _ in try await answer { try await job(request) } }
        router.post("/publish") { request, _ in try await answer { try await publish(request) } }
        router.post("/absence") { request, _ in try await answer { try await recordAbsence(request) } }
        router.post("/checks") { request, _ in try await answer { try await uploadChecks(request) } }
        router.post("/withdraw") { request, _ in try await answer { try await withdraw(request) } }
        router.post("/correct") { request, _ in try await answer { try await correct(request) } }
        router.get("/exports") { request, _ in try await answer { try await exports(request) } }
        router.get("/exports/:format/**") { request, context in
            try await answer { try await exportFile(request, format: context.parameters.get("format") ?? "",
                                                    path: context.parameters.getCatchAll().joined(separator: "/")) }
        }
        return router
    }

    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "pacer"))
    }

    // MARK: Signing in

    func signIn(_ request: Request) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard let grant = try store.signIn(token: token, on: today) else { throw Refusal.invalidLink }
        let session = await sessions.open(grant, calendarKey: AccessToken(text: token).calendarKey.text)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: Self.cookie, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    func home(_ request: Request) async throws -> Response {
        let session = try await signedIn(request)
        switch session.grant.role {
        case let .teacher(teacher): return try teacherHome(teacher, session: session)
        case let .family(student): return try familyHome(student, session: session, request: request)
        case .scheduler: return try await schedulerHome(session: session)
        }
    }

    func week(_ request: Request) async throws -> Response {
        let session = try await signedIn(request)
        switch session.grant.role {
        case let .teacher(teacher): return try teacherWeek(teacher)
        case let .family(student): return try familyHome(student, session: session, request: request)
        case .scheduler: throw Refusal(.forbidden, "Not for the scheduler", "The week view is a teacher's and a family's; the exports hold the whole school's week.")
        }
    }

    // MARK: Helpers every route uses

    /// Runs a route, turning a refusal into its page and a state error into a clear 400.
    func answer(_ route: () async throws -> Response) async throws -> Response {
        do {
            return try await route()
        } catch let refusal as Refusal {
            return refusal.response
        } catch let error as StateError {
            return Page.response(.badRequest, title: "Not done", body: "<p>\(Page.escape(error.description))</p>" + Page.back)
        }
    }

    /// The request's session, while its grant is still valid (a revoked or expired grant ends it).
    func signedIn(_ request: Request) async throws -> PortalSessions.Session {
        guard let id = request.cookies[Self.cookie]?.value, let session = await sessions.find(id),
              let grant = try store.accessGrant(session.grant.id), grant.isValid(on: today) else { throw Refusal.signInFirst }
        return session
    }

    /// The posted form of a signed-in person, after its CSRF token is checked.
    func postedForm(_ request: Request, session: PortalSessions.Session, limit: Int = Portal.maxBody) async throws -> Form {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw Refusal(.contentTooLarge, "Too large", "The form is larger than \(limit / 1024) KB.")
        }
        let form = Form(body: Array(buffer: body), contentType: request.headers[.contentType])
        guard form["csrf"] == session.csrf else {
            throw Refusal(.forbidden, "Form expired", "This form is out of date. Go back, reload the page and send it again.")
        }
        return form
    }

    /// The scheduler's session, or a refusal for anyone else.
    func scheduler(_ request: Request) async throws -> PortalSessions.Session {
        let session = try await signedIn(request)
        guard PortalAccess.mayRunTheSchool(session.grant.role) else {
            throw Refusal(.forbidden, "Scheduler only", "Only the scheduler regroups, publishes, records absences and corrects checks.")
        }
        return session
    }

    func teacherName(_ id: TeacherID) -> String { scenario.teachers.first { $0.id == id }?.name ?? id.rawValue }
    func studentName(_ id: StudentID) -> String { scenario.students.first { $0.id == id }?.name ?? id.rawValue }
}

/// A request the portal answers with a page instead of doing it.
struct Refusal: Error {
    let response: Response

    init(_ status: HTTPResponse.Status, _ title: String, _ message: String) {
        response = Page.response(status, title: title, body: "<p>\(Page.escape(message))</p>" + Page.back)
    }

    static let signInFirst = Refusal(.unauthorized, "Sign in", "Open the sign-in link the scheduler gave you (pacer access grant).")
    static let invalidLink = Refusal(.unauthorized, "Link not valid", "This link is not valid: it may have expired or been revoked. Ask the scheduler for a new one.")
}
