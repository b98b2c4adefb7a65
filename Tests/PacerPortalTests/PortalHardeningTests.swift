import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import PacerTestSupport
import Testing
@testable import PacerCore
@testable import PacerPortal

/// What the portal logs, kept for the test to read.
final class LogLines: LogHandler, @unchecked Sendable {
    let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        lines.withLock { $0.append("\(level) \(message)") }
    }

    var all: [String] { lines.withLock { $0 } }
    var logger: Logger { Logger(label: "test") { _ in self } }
}

@Suite struct PortalHardeningTests {
    /// Sessions live in the state: a restarted portal keeps its people signed in, every page has
    /// a sign-out button, and signing out ends the session for good.
    @Test func sessionsSurviveARestartAndEveryPageSignsOut() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let teacher = try await Application(router: portal.router()).test(.router) { client in
            try await signIn(client, store, .teacher("T-OKAFOR"))
        }
        // The same state behind a new portal: a restart.
        let restarted = Portal(scenario: portal.scenario, store: try StateStore(path: store.path), date: portal.date, planSeconds: 5)
        try await Application(router: restarted.router()).test(.router) { client in
            let scheduler = try await signIn(client, store, .scheduler)
            let family = try await signIn(client, store, .family("S-03"))
            for (cookie, uri) in [(teacher, "/"), (teacher, "/week"), (scheduler, "/"), (scheduler, "/exports"), (family, "/")] {
                let page = try await get(client, uri, cookie: cookie)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.body.contains("action=\"/signout\"") && page.body.contains("Sign out"), "\(uri) has a sign-out button")
            }
            let page = try await get(client, "/", cookie: teacher).body
            let out = try await client.execute(uri: "/signout", method: .post,
                                               headers: [.cookie: teacher, .contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "csrf=\(csrf(in: page) ?? "")")) { $0 }
            #expect(out.status == .ok)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await get(client, "/", cookie: teacher).status == .unauthorized, "signed out")
            #expect(try await get(client, "/", cookie: scheduler).status == .ok, "others stay signed in")
            // Signing out needs the form's token: a cross-site POST cannot sign anyone out.
            #expect(try await post(client, "/signout", cookie: scheduler, form: "csrf=wrong").status == .forbidden)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let cookie = try await signIn(client, store, .teacher("T-OKAFOR"))
            for (uri, cookie, status) in [("/", cookie, HTTPResponse.Status.ok), ("/", "", .unauthorized), ("/nowhere", cookie, .notFound)] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == status)
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("script-src") == false, "no scripts on the portal's pages")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(!String(buffer: response.body).isEmpty, "every answer is a page")
                }
            }
        }
    }

    /// Failed sign-ins are logged without the token and limited per address: past the limit even
    /// a good link is refused for a while, with Retry-After.
    @Test func failedSignInsAreLoggedAndLimited() async throws {
        let (folder, portal, store) = try tinyPortal(signIns: SignInLimiter(limit: 3))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogLines()
        try await Application(router: portal.router(), logger: log.logger).test(.router) { client in
            let wrong = String(repeating: "ab", count: 32)
            for _ in 0..<3 { #expect(try await get(client, "/signin?token=\(wrong)").status == .unauthorized) }
            try await client.execute(uri: "/signin?token=\(wrong)", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
            }
            // A good link still signs in (behind a proxy the whole school shares one address), and
            // does not wipe the count: the next wrong one is still refused.
            let good = try store.grantAccess(.scheduler).token.text
            #expect(try await get(client, "/signin?token=\(good)").status == .seeOther)
            #expect(try await get(client, "/signin?token=\(wrong)").status == .tooManyRequests)
        }
        let lines = log.all
        #expect(lines.filter { $0.contains("failed sign-in from") }.count == 3, "\(lines)")
        #expect(lines.contains { $0.contains("too many failed sign-ins") })
        #expect(!lines.joined().contains("abab"), "no token in the log")
    }

    /// While another command holds the state's write lock, pages are still answered (readers never
    /// wait), and a check that cannot be written in the portal's wait gets a 503 page with
    /// Retry-After, logged, and is not stored; once the lock is gone the same check is stored.
    @Test func aBusyStateAnswers503AndPagesStillLoad() async throws {
        let (folder, portal, store) = try tinyPortal(busyTimeout: 0.3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogLines()
        try await Application(router: portal.router(), logger: log.logger).test(.router) { client in
            let (cookie, token) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let lock = try OtherProcessWrite(store.path)
            #expect(try await get(client, "/", cookie: cookie).status == .ok)
            #expect(lock.isHeld, "the page was answered while the lock was held, not after")
            let form = "csrf=\(token)&student=S-11&objective=MATH-7.NS.1&result=mastered"
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(String(buffer: response.body).contains("Nothing was changed"))
            }
            lock.release()
            #expect(try store.checks(of: "S-11").isEmpty)
            #expect(try await post(client, "/check", cookie: cookie, form: form).status == .seeOther)
            #expect(try store.checks(of: "S-11").count == 1)
        }
        #expect(log.all.contains { $0.contains("503 for POST /check") }, "\(log.all)")
    }

    /// A form whose text is not UTF-8 (or whose percent-encoding is broken) is refused whole,
    /// never stored with the note silently changed.
    @Test func aFormThatIsNotUTF8IsRefused() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (cookie, token) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            for note in ["%FF%FE", "a%ED%A0%80b", "50%", "%zz"] {
                let answer = try await post(client, "/check", cookie: cookie, form: "csrf=\(token)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=\(note)")
                #expect(answer.status == .badRequest, "\(note)")
                #expect(answer.body.contains("not UTF-8"))
            }
            #expect(try await post(client, "/check", cookie: cookie, form: "csrf=\(token)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=caf%C3%A9").status == .seeOther)
        }
        #expect(try store.checks(of: "S-11").map(\.note) == ["café"])
    }

    /// A form that sends a field twice is refused whole (every field is single-valued): neither
    /// value is taken, nothing is recorded.
    @Test func aFormThatSendsAFieldTwiceIsRefused() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (cookie, token) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let ask = try await post(client, "/request", cookie: cookie,
                                     form: "csrf=\(token)&student=S-01&student=S-02&want=check%3AMATH&span=day&on=2026-11-25")
            #expect(ask.status == .badRequest && ask.body.contains("The form sent “student” twice; nothing was changed."), "\(ask.body.prefix(2000))")
            let check = try await post(client, "/check", cookie: cookie,
                                       form: "csrf=\(token)&student=S-11&objective=MATH-7.NS.1&result=not-yet&result=mastered")
            #expect(check.status == .badRequest && check.body.contains("The form sent “result” twice"), "\(check.body.prefix(2000))")
            let odd = try await post(client, "/check", cookie: cookie, form: "csrf=\(token)&%3Cb%3E=1&%3Cb%3E=2")
            #expect(odd.status == .badRequest && odd.body.contains("The form sent a field twice"), "\(odd.body.prefix(2000))")
        }
        #expect(try store.requests().isEmpty && store.checks(of: "S-11").isEmpty)
    }

    /// Every POST route, whoever may use it, refuses a form without the session's CSRF token
    /// (`FormMiddleware` reads them all): nothing is recorded.
    @Test func everyPostNeedsTheFormToken() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let cookie = try await signIn(client, store, .scheduler)
            for route in ["/signout", "/check", "/absent", "/regroup", "/plan-week", "/publish", "/absence", "/checks", "/withdraw", "/correct"] {
                let answer = try await post(client, route, cookie: cookie, form: "csrf=forged&student=S-11&objective=MATH-7.NS.1&result=mastered&date=2026-11-25&person=teacher:T-CHEN")
                #expect(answer.status == .forbidden, "\(route)")
            }
            #expect(try await get(client, "/", cookie: cookie).status == .ok, "still signed in")
        }
        #expect(try store.count("mastery_check") == 0 && store.count("absence") == 0)
    }

    /// A teacher's check posted while another command writes waits for that write and is stored.
    @Test func aCheckPostedDuringAnotherWriteIsStoredWhenItEnds() async throws {
        let (folder, portal, store) = try tinyPortal(busyTimeout: 20)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (cookie, token) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let lock = try OtherProcessWrite(store.path)
            Thread.detachNewThread { Thread.sleep(forTimeInterval: 1); lock.release() }
            let answer = try await post(client, "/check", cookie: cookie, form: "csrf=\(token)&student=S-11&objective=MATH-7.NS.1&result=mastered")
            #expect(answer.status == .seeOther)
            #expect(try store.checks(of: "S-11").count == 1)
        }
    }

    /// An error nobody foresaw is a page that says it was logged, and the log says which request.
    @Test func anUnforeseenErrorIsAPageAndIsLogged() async throws {
        struct Unforeseen: Error {}
        let router = Router(context: PortalRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: PortalErrorMiddleware())
        router.get("/fails") { _, _ -> Response in throw Unforeseen() }
        let log = LogLines()
        try await Application(router: router, logger: log.logger).test(.router) { client in
            try await client.execute(uri: "/fails?token=secret", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(String(buffer: response.body).contains("has logged why"))
            }
        }
        #expect(log.all.contains { $0.contains("500 for GET /fails") && !$0.contains("secret") }, "\(log.all)")
    }
}
