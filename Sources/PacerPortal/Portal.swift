import Foundation
import Hummingbird
import Logging
import PacerCore

/// `pacer serve`: the portal over one scenario's state. It routes, authorizes (`PortalAccess`'s
/// rules, applied to each group of routes by one middleware) and renders; what a page shows and
/// what a form changes is PacerCore's.
///
/// Everyone signs in with a link from `pacer access grant` (`GET /signin?token=…`), which sets a
/// session cookie (HttpOnly, SameSite=Strict); the token itself is never kept. Every POST carries
/// the session's CSRF token, checked before any route sees the form. Sessions are kept in the state (only a hash of each id), so a restart
/// signs nobody out; they end when idle or old (`SessionPolicy`), when their grant is revoked, or
/// with the sign-out button every page has. The routes, by who may use them:
///
/// - everyone signed in: `GET /` (their page), `GET /week` and `POST /signout`;
/// - teachers (their own students) and the scheduler: `POST /check` records a mastery check
///   exactly as `pacer record` does;
/// - teachers, supervisors of study (their own students) and the scheduler: `POST /absent` marks a
///   student absent from a session or a study group;
/// - families: `GET /calendar.ics?key=…`, their student's workshops as a calendar feed (the key
///   opens the feed and nothing else);
/// - teachers and the scheduler: `GET /ask`, find a student and ask for them; teachers, families
///   (their own student) and the scheduler: `POST /request` asks, `POST /request/cancel` cancels
///   what the person asked (the scheduler any request);
/// - the scheduler: `POST /regroup`, `POST /plan-week`, `GET /job`, `POST /publish`,
///   `POST /absence`, `POST /checks` (a checks CSV), `POST /withdraw`, `POST /correct`,
///   `GET /exports` and the files under it.
public struct Portal: Sendable {
    /// The scenario as its files have it (with the roster as it was when the portal started).
    let files: Scenario
    public let store: StateStore
    /// The scenario with the term's roster as it is now: someone enrolled, or who left, from the
    /// command line while the portal runs is on its pages without a restart. The files as they
    /// were read when the state cannot be.
    public var scenario: Scenario { (try? store.withCurrentRoster(files)) ?? files }
    /// The date the portal treats as today (`--date`), else the clock's.
    public let date: SchoolDate?
    /// Seconds the scheduler's regroup and week plans may take.
    public let planSeconds: Double
    /// Their search's work (`--work`), or nil for as much as `planSeconds`.
    public let planWork: Double?
    /// How long sessions last and how many one link may hold.
    public let sessionPolicy: SessionPolicy
    let jobs = PortalJobs()
    let signIns: SignInLimiter
    /// Largest form accepted (bytes); an uploaded checks file may be larger.
    static let maxBody = 64 * 1024
    static let maxUpload = 4 * 1024 * 1024
    static let cookie = "pacer_session"
    /// Seconds a connection may stay idle, or take to send a request's head, before it is closed
    /// (Hummingbird counts a request as activity only once its head has arrived).
    public static let idleTimeout = 15

    public init(scenario: Scenario, store: StateStore, date: SchoolDate? = nil, planSeconds: Double = PlanOptions.defaultTimeLimit,
                planWork: Double? = nil, sessionPolicy: SessionPolicy = SessionPolicy(), signIns: SignInLimiter = SignInLimiter()) {
        self.files = scenario
        self.store = store
        self.date = date
        self.planSeconds = planSeconds
        self.planWork = planWork
        self.sessionPolicy = sessionPolicy
        self.signIns = signIns
    }

    var today: SchoolDate { date ?? .today() }

    /// The options of the scheduler's regroups and week plans.
    var planOptions: PlanOptions { PlanOptions(timeLimit: planSeconds, work: planWork) }

    /// The routes behind the middleware every request passes: its work runs on threads that may
    /// wait for the state (`BlockingWorkMiddleware`), every answer carries the security headers,
    /// every error becomes a page and is logged (`PortalErrorMiddleware`), and the signed-in
    /// person is found from the session cookie (`SessionMiddleware`). Each group of routes then
    /// says who may use it (`AccessMiddleware`) and reads its POSTs' forms with their CSRF token
    /// checked (`FormMiddleware`); the routes themselves decide only what depends on the data.
    public func router() -> Router<PortalRequestContext> {
        let router = Router(context: PortalRequestContext.self)
        router.add(middleware: BlockingWorkMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: PortalErrorMiddleware())
        router.add(middleware: SessionMiddleware(store: store, policy: sessionPolicy, today: { today }))
        // Opened by a link or a key, not by a session.
        router.get("/signin", use: signIn)
        router.get("/calendar.ics", use: calendarFeed)

        let everyone = router.group().add(middleware: AccessMiddleware.signedIn).add(middleware: FormMiddleware(limit: Self.maxBody))
        everyone.get("/", use: home)
        everyone.get("/week", use: week)
        everyone.post("/signout", use: signOut)

        router.group().add(middleware: AccessMiddleware.staff).add(middleware: FormMiddleware(limit: Self.maxBody))
            .post("/check", use: check)
        router.group().add(middleware: AccessMiddleware.adults).add(middleware: FormMiddleware(limit: Self.maxBody))
            .post("/absent", use: markAbsent)
        router.group().add(middleware: AccessMiddleware.finders).get("/ask", use: askPage)
        let askers = router.group().add(middleware: AccessMiddleware.askers).add(middleware: FormMiddleware(limit: Self.maxBody))
        askers.post("/request", use: ask)
        askers.post("/request/cancel", use: cancelAsked)

        let scheduler = router.group().add(middleware: AccessMiddleware.scheduler)
        let forms = scheduler.add(middleware: FormMiddleware(limit: Self.maxBody))
        forms.post("/regroup", use: startRegroup)
        forms.post("/plan-week", use: startWeekPlan)
        forms.get("/job", use: job)
        forms.post("/publish", use: publish)
        forms.post("/absence", use: recordAbsence)
        forms.post("/withdraw", use: withdraw)
        forms.post("/correct", use: correct)
        forms.get("/exports", use: exports)
        forms.get("/exports/:format/**") { request, context in
            try await exportFile(request, context, format: context.parameters.get("format") ?? "",
                                 path: context.parameters.getCatchAll().joined(separator: "/"))
        }
        scheduler.add(middleware: FormMiddleware(limit: Self.maxUpload)).post("/checks", use: uploadChecks)
        return router
    }

    public func application(host: String, port: Int, idleTimeout: Double = Double(Portal.idleTimeout), logger: Logger? = nil) -> some ApplicationProtocol {
        Application(router: router(),
                    server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(idleTimeout * 1000)))),
                    configuration: .init(address: .hostname(host, port: port), serverName: "pacer"),
                    logger: logger ?? Logger(label: "pacer.portal"))
    }

    // MARK: Signing in and out

    /// `GET /signin?token=…`: a valid link opens a session; a wrong one is logged (never the token)
    /// and counted against the address. An address with too many wrong ones in the window is
    /// refused for a while, but a valid link always signs in (behind a reverse proxy every school
    /// member shares one address), and signing in does not wipe the count.
    func signIn(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let address = context.remoteAddress?.ipAddress ?? "unknown address"
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard let grant = try store.signIn(token: token, on: today) else {
            if let wait = await signIns.refusal(for: address) {
                context.logger.warning("sign-in refused from \(address): too many failed sign-ins")
                var response = Refusal(.tooManyRequests, "Too many tries",
                                       "Too many sign-ins with links that do not work came from here. Wait \(wait / 60 + 1) minute(s), then open the link the scheduler gave you.").response
                response.headers[.retryAfter] = String(wait)
                return response
            }
            let failures = await signIns.failed(from: address)
            context.logger.notice("failed sign-in from \(address): unknown, revoked or expired link (\(failures) in \(SignInLimiter.window / 60) min)")
            throw Refusal.invalidLink
        }
        let session = try store.openSession(for: grant, calendarKey: AccessToken(text: token).calendarKey.text, policy: sessionPolicy)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: Self.cookie, value: session.id, maxAge: Int(sessionPolicy.absolute), path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// `POST /signout`: ends the session here and on the server.
    func signOut(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        try store.closeSession(session.id)
        var response = Page.response(.ok, title: "Signed out",
                                     body: Notice("You are signed out. To come back, open the sign-in link the scheduler gave you.", back: false))
        response.setCookie(Cookie(name: Self.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    func home(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        // The first page of a day shows the requests whose days passed as they stand.
        store.settleRequestsOnce(on: today, scenario: scenario)
        switch session.grant.role {
        case .teacher, .supervisor: return try adultHome(session: session)
        case let .family(student): return try familyHome(student, session: session, request: request)
        case .scheduler: return try await schedulerHome(session: session)
        }
    }

    func week(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        switch session.grant.role {
        case .teacher, .supervisor: return try adultWeek(session: session)
        case let .family(student): return try familyHome(student, session: session, request: request)
        case .scheduler: throw Refusal(.forbidden, "Not for the scheduler", "The week view is a teacher's, a supervisor's and a family's; the exports hold the whole school's week.")
        }
    }

    // MARK: Helpers every route uses

    /// The signed-in person's session (`SessionMiddleware` found it, and its grant is valid today).
    func signedIn(_ context: PortalRequestContext) throws -> PortalSession {
        guard let session = context.session else { throw Refusal.signInFirst }
        return session
    }

    /// The POST's form, which `FormMiddleware` read and whose CSRF token it checked.
    func postedForm(_ context: PortalRequestContext) throws -> Form {
        guard let form = context.form else { throw Refusal(.badRequest, "No form", "This address takes a form from one of the portal's pages.") }
        return form
    }
}

/// A request the portal answers with a page instead of doing it.
struct Refusal: Error {
    let response: Response

    init(_ status: HTTPResponse.Status, _ title: String, _ message: String) {
        response = Page.response(status, title: title, body: Notice(message))
    }

    static let signInFirst = Refusal(.unauthorized, "Sign in", "Open the sign-in link the scheduler gave you (pacer access grant).")
    static let invalidLink = Refusal(.unauthorized, "Link not valid", "This link is not valid: it may have expired or been revoked. Ask the scheduler for a new one.")
}
