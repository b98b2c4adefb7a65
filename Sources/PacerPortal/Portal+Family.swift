import Foundation
import Hummingbird
import PacerCore

/// A family's view of their student, and the calendar feed their phone subscribes to.
extension Portal {
    func familyHome(_ student: StudentID, session: PortalSession, request: Request) throws -> Response {
        let lines = try store.status(scenario, on: today, student: student)
        let checks = try store.checks(of: student).filter { !$0.withdrawn }.suffix(10)
        let dates = scenario.calendar.week(containing: today).map(\.date)
        let week = try store.workshops(scenario, of: student, on: dates), study = try store.studyBlocks(scenario, of: student, on: dates)
        // A calendar app cannot sign in with a cookie: the feed's address carries the grant's
        // calendar key, which opens the feed and nothing else.
        let host = request.head.authority ?? "127.0.0.1"
        let proxied = request.headers.first { $0.name.canonicalName == "x-forwarded-proto" }?.value
        let scheme = proxied == "https" ? "https" : "http"
        let feed = "\(scheme)://\(host)/calendar.ics?key=\(session.calendarKey)"
        let requests = try PortalAccess.requests(visibleTo: session.grant.role, on: today, scenario: scenario, store: store).suffix(10)
        var view = FamilyView(student: student, standing: lines, week: week, study: study, checks: Array(checks), feed: feed, today: today,
                              scenario: scenario, requests: Array(requests))
        view.ask = AskView.Form(student: student, standing: lines, asker: .family(student), scenario: scenario, today: today)
        return Page.response(.ok, title: view.title, nav: session, body: FamilyPage(view: view, csrf: session.csrf))
    }

    /// `GET /calendar.ics?key=…`: the student's workshops this week and next, from the plans in
    /// force, with the exports' stable UIDs so that a regroup updates the events in place.
    func calendarFeed(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let key = request.uri.queryParameters["key"].map(String.init) ?? ""
        guard let grant = try store.calendarGrant(key: key, on: today) else { throw Refusal.invalidLink }
        guard case let .family(student) = grant.role else {
            throw Refusal(.forbidden, "Families only", "The calendar feed is a family's view of their student.")
        }
        let dates = (scenario.calendar.week(containing: today) + scenario.calendar.week(containing: today.adding(days: 7))).map(\.date)
        let text = try store.calendarFeed(scenario, of: student, on: dates)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
