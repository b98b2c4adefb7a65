import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

/// Every role × every route, on the person's own data and on someone else's: the status code, and
/// that no student the person may not see is named in the answer. Each role gets a fresh school, so
/// one role's changes do not decide another's answer. Today is Tuesday 2026-11-24: T-OKAFOR has
/// S-11…S-17 (Tue-F1 and Tue-F2); S-01 is not his today. Ms Park (A-PARK, a supervisor) has S-02
/// in independent study in Tue-F1 and no one else. Three requests are there before the routes:
/// 1 Mr Chen's for S-11, 2 S-11's family's for S-11, 3 Ms Okafor's for S-12.
@Suite struct AuthorizationMatrixTests {
    enum Who: String, CaseIterable, CustomTestStringConvertible {
        case nobody, teacher, supervisor, family, scheduler
        var testDescription: String { rawValue }
        var role: AccessRole? {
            switch self {
            case .nobody: return nil
            case .teacher: return .teacher("T-OKAFOR")
            case .supervisor: return .supervisor("A-PARK")
            case .family: return .family("S-11")
            case .scheduler: return .scheduler
            }
        }
    }

    struct Route: Sendable {
        let name: String
        let method: HTTPRequest.Method
        /// The URI, given the person's sign-in token (the calendar feed's key derives from it).
        let uri: @Sendable (_ token: String) -> String
        /// The form, given the page's CSRF token; nil for a GET.
        let form: (@Sendable (_ csrf: String) -> String)?
        let multipart: Bool
        /// Whether the route names any of the school's students to a teacher or the scheduler by
        /// design (the ask page's search): no hidden-name check for them.
        let revealsRoster: Bool
        /// Expected status: nobody, teacher, supervisor, family, scheduler.
        let expected: [Who: HTTPResponse.Status]

        init(_ name: String, _ method: HTTPRequest.Method, _ uri: @escaping @Sendable (String) -> String, form: (@Sendable (String) -> String)? = nil,
             multipart: Bool = false, revealsRoster: Bool = false, _ nobody: HTTPResponse.Status, _ teacher: HTTPResponse.Status, _ supervisor: HTTPResponse.Status,
             _ family: HTTPResponse.Status, _ scheduler: HTTPResponse.Status) {
            self.name = name
            self.method = method
            self.uri = uri
            self.form = form
            self.multipart = multipart
            self.revealsRoster = revealsRoster
            expected = [.nobody: nobody, .teacher: teacher, .supervisor: supervisor, .family: family, .scheduler: scheduler]
        }
    }

    static let routes: [Route] = [
        Route("own page", .get, { _ in "/" }, .unauthorized, .ok, .ok, .ok, .ok),
        Route("week", .get, { _ in "/week" }, .unauthorized, .ok, .ok, .ok, .forbidden),
        Route("check, own student", .post, { _ in "/check" }, form: { "csrf=\($0)&student=S-11&objective=MATH-7.NS.1&result=not-yet&note=redo" },
              .unauthorized, .seeOther, .forbidden, .forbidden, .seeOther),
        Route("check, someone else's", .post, { _ in "/check" }, form: { "csrf=\($0)&student=S-01&objective=MATH-7.RP.1&result=not-yet" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("check, own student, another objective", .post, { _ in "/check" }, form: { "csrf=\($0)&student=S-11&objective=MATH-7.RP.1&result=not-yet" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("absent, own student", .post, { _ in "/absent" }, form: { "csrf=\($0)&student=S-12&block=Tue-F1" },
              .unauthorized, .seeOther, .forbidden, .forbidden, .seeOther),
        Route("absent, someone else's", .post, { _ in "/absent" }, form: { "csrf=\($0)&student=S-01&block=Tue-F1" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("absent, own study student", .post, { _ in "/absent" }, form: { "csrf=\($0)&student=S-02&block=Tue-F1" },
              .unauthorized, .forbidden, .seeOther, .forbidden, .seeOther),
        Route("absent, own study student in another block", .post, { _ in "/absent" }, form: { "csrf=\($0)&student=S-02&block=Tue-F2" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("check, own study student", .post, { _ in "/check" }, form: { "csrf=\($0)&student=S-02&objective=MATH-7.RP.1&result=not-yet" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("calendar feed", .get, { "/calendar.ics?key=\(AccessToken(text: $0).calendarKey.text)" }, .unauthorized, .forbidden, .forbidden, .ok, .forbidden),
        Route("regroup (a Saturday)", .post, { _ in "/regroup" }, form: { "csrf=\($0)&date=2026-11-28" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .badRequest),
        Route("plan a week (not its first day)", .post, { _ in "/plan-week" }, form: { "csrf=\($0)&week-of=2026-12-01" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .badRequest),
        Route("planning job", .get, { _ in "/job" }, .unauthorized, .forbidden, .forbidden, .forbidden, .notFound),
        Route("publish", .post, { _ in "/publish" }, form: { "csrf=\($0)&job=1" }, .unauthorized, .forbidden, .forbidden, .forbidden, .conflict),
        Route("teacher absence", .post, { _ in "/absence" }, form: { "csrf=\($0)&person=teacher:T-CHEN&date=2026-11-25" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("upload checks", .post, { _ in "/checks" }, form: { multipart(csrf: $0, file: "date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,not-yet\n").body },
              multipart: true, .unauthorized, .forbidden, .forbidden, .forbidden, .ok),
        Route("withdraw a check", .post, { _ in "/withdraw" }, form: { "csrf=\($0)&check=999" }, .unauthorized, .forbidden, .forbidden, .forbidden, .badRequest),
        Route("correct a check", .post, { _ in "/correct" }, form: { "csrf=\($0)&check=999&result=mastered" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .badRequest),
        Route("exports", .get, { _ in "/exports" }, .unauthorized, .forbidden, .forbidden, .forbidden, .ok),
        Route("an exported file", .get, { _ in "/exports/csv/timetable.csv" }, .unauthorized, .forbidden, .forbidden, .forbidden, .ok),
        Route("a path outside the exports", .get, { _ in "/exports/csv/../pacer-state.sqlite" }, .unauthorized, .forbidden, .forbidden, .forbidden, .notFound),
        Route("find a student to ask for", .get, { _ in "/ask?q=a" }, revealsRoster: true, .unauthorized, .ok, .forbidden, .forbidden, .ok),
        Route("the ask form for a student", .get, { _ in "/ask?student=S-01" }, revealsRoster: true, .unauthorized, .ok, .forbidden, .forbidden, .ok),
        Route("ask for S-11 (the family's own)", .post, { _ in "/request" }, form: { "csrf=\($0)&student=S-11&want=workshop%3AMATH&span=day&on=2026-11-26" },
              .unauthorized, .seeOther, .forbidden, .seeOther, .seeOther),
        Route("ask for S-01 (not the family's)", .post, { _ in "/request" }, form: { "csrf=\($0)&student=S-01&want=check%3AMATH&span=day&on=2026-11-26" },
              .unauthorized, .seeOther, .forbidden, .badRequest, .seeOther),
        Route("cancel Mr Chen's request", .post, { _ in "/request/cancel" }, form: { "csrf=\($0)&request=1" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .seeOther),
        Route("cancel the family's request", .post, { _ in "/request/cancel" }, form: { "csrf=\($0)&request=2" },
              .unauthorized, .forbidden, .forbidden, .seeOther, .seeOther),
        Route("cancel Ms Okafor's request", .post, { _ in "/request/cancel" }, form: { "csrf=\($0)&request=3" },
              .unauthorized, .seeOther, .forbidden, .forbidden, .seeOther),
        Route("cancel a request that does not exist", .post, { _ in "/request/cancel" }, form: { "csrf=\($0)&request=999" },
              .unauthorized, .forbidden, .forbidden, .forbidden, .notFound),
    ]

    @Test(arguments: Who.allCases) func everyRouteAnswersEachRoleAsItShould(who: Who) async throws {
        let (folder, portal, store) = try tinyPortal(study: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The students each person may see named: a teacher's or supervisor's this week, a family's own.
        var visible: Set<String> = []
        switch who.role {
        case .teacher?, .supervisor?:
            for day in portal.scenario.calendar.week(containing: SchoolDate("2026-11-24")!) {
                let agenda = try store.teacherAgenda(portal.scenario, adult: who.role!.adult!, on: day.date)
                for group in agenda.groups { visible.formUnion(group.members.map(\.name)) }
                for group in agenda.study { visible.formUnion(group.members.map(\.name)) }
            }
        case let .family(student)?: visible = [portal.scenario.students.first { $0.id == student }!.name]
        case .scheduler?: visible = Set(portal.scenario.students.map(\.name))
        case nil: break
        }
        let hidden = portal.scenario.students.map(\.name).filter { !visible.contains($0) }
        let tuesday = SchoolDate("2026-11-24")!, wednesday = SchoolDate("2026-11-25")!
        for (asker, student) in [(StudentRequest.Asker.teacher("T-CHEN"), StudentID(rawValue: "S-11")), (.family("S-11"), "S-11"), (.teacher("T-OKAFOR"), "S-12")] {
            _ = try store.add(StudentRequest(askedBy: asker, student: student, want: .workshop("MATH-7.NS.1"), when: .date(wednesday),
                                             priority: "normal", askedOn: tuesday), scenario: portal.scenario, today: tuesday)
        }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            var cookie: String?, token = "", csrf = "no-session"
            if let role = who.role {
                token = try store.grantAccess(role).token.text
                cookie = try await client.execute(uri: "/signin?token=\(token)", method: .get) { response in
                    response.headers[.setCookie].map { String($0.split(separator: ";")[0]) }
                }
                csrf = try await get(client, "/", cookie: cookie).body.firstMatch(of: #/name="csrf" value="([0-9a-f]{64})"/#).map { String($0.1) } ?? "none"
            }
            for route in Self.routes {
                let answer: Answer
                if let form = route.form {
                    let contentType = route.multipart ? multipart(csrf: csrf, file: "").contentType : "application/x-www-form-urlencoded"
                    answer = try await post(client, route.uri(token), cookie: cookie, form: form(csrf), contentType: contentType)
                } else {
                    answer = try await get(client, route.uri(token), cookie: cookie)
                }
                #expect(answer.status == route.expected[who], "\(who) → \(route.name)")
                if route.revealsRoster, who == .teacher || who == .scheduler { continue }
                for name in hidden { #expect(!answer.body.contains(name), "\(who) → \(route.name) names \(name)") }
            }
        }
    }
}
