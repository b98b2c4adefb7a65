import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The tiny school with its state started and the golden week published for 2026-11-23; the portal
/// treats Tuesday 2026-11-24 as today. With `study`, the week is published with one study group:
/// Ms Park (A-PARK) supervises Liam Chen (S-02, on MATH-7.RP.1) in the learning commons in Tue-F1.
func tinyPortal(busyTimeout: TimeInterval = StateStore.busyTimeout, signIns: SignInLimiter = SignInLimiter(),
                study: Bool = false) throws -> (folder: String, portal: Portal, store: StateStore) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-portal-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: folder)
    let scenario = try ScenarioLoader.load(folder)
    let store = try StateStore(path: StateStore.path(for: scenario), busyTimeout: busyTimeout)
    try Term(scenario: scenario, store: store).seed(on: SchoolDate("2026-11-23")!)
    var plan = try PlanFile.read(repository + "/Tests/PacerCoreTests/Golden/tiny-school/plan.json")
    if study {
        plan.study = [StudyGroup(id: "Tue-F1/study/COMMONS", day: "Tue", block: "Tue-F1", start: "09:25", end: "10:05", room: "COMMONS",
                                 adults: ["A-PARK"], students: [StudyPlace(student: "S-02", objective: "MATH-7.RP.1")])]
        plan.days = plan.days.map { DayRoster(day: $0.day, sessions: $0.sessions, study: $0.day == "Tue" ? ["Tue-F1/study/COMMONS"] : []) }
    }
    try store.publish(plan, scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
    return (folder, Portal(scenario: scenario, store: store, date: SchoolDate("2026-11-24"), planSeconds: 5, signIns: signIns), store)
}

/// Signs in with a new grant for `role` and returns the session cookie.
func signIn(_ client: some TestClientProtocol, _ store: StateStore, _ role: AccessRole) async throws -> String {
    let token = try store.grantAccess(role).token.text
    return try await client.execute(uri: "/signin?token=\(token)", method: .get) { response in
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        return String(cookie.split(separator: ";")[0])
    }
}

/// Signs in with a new grant for `role` and returns the session cookie and the form token of the
/// person's page, for tests that post forms.
func signInForForms(_ client: some TestClientProtocol, _ store: StateStore, _ role: AccessRole) async throws -> (cookie: String, csrf: String) {
    let cookie = try await signIn(client, store, role)
    return (cookie, try #require(csrf(in: try await get(client, "/", cookie: cookie).body)))
}

func csrf(in page: String) -> String? {
    page.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression)
        .map { String(page[$0].dropFirst(#"name="csrf" value=""#.count).dropLast()) }
}


/// A request's status, body and Location header.
struct Answer {
    let status: HTTPResponse.Status
    let body: String
    let location: String?
}

func get(_ client: some TestClientProtocol, _ uri: String, cookie: String? = nil) async throws -> Answer {
    try await client.execute(uri: uri, method: .get, headers: cookie.map { [.cookie: $0] } ?? [:]) {
        Answer(status: $0.status, body: String(buffer: $0.body), location: $0.headers[.location])
    }
}

func post(_ client: some TestClientProtocol, _ uri: String, cookie: String? = nil, form: String,
          contentType: String = "application/x-www-form-urlencoded") async throws -> Answer {
    var headers: HTTPFields = [.contentType: contentType]
    if let cookie { headers[.cookie] = cookie }
    return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form)) {
        Answer(status: $0.status, body: String(buffer: $0.body), location: $0.headers[.location])
    }
}

/// Posts `body` as it is, byte for byte (an upload that need not be UTF-8).
func post(_ client: some TestClientProtocol, _ uri: String, cookie: String, bytes body: [UInt8], contentType: String) async throws -> Answer {
    try await client.execute(uri: uri, method: .post, headers: [.contentType: contentType, .cookie: cookie], body: ByteBuffer(bytes: body)) {
        Answer(status: $0.status, body: String(buffer: $0.body), location: $0.headers[.location])
    }
}

/// A multipart/form-data body with the CSRF token and one file given as bytes.
func multipart(csrf: String, fileBytes: [UInt8]) -> (body: [UInt8], contentType: String) {
    let (text, contentType) = multipart(csrf: csrf, file: "\u{0}")
    let cut = text.utf8.split(separator: 0, omittingEmptySubsequences: false)
    return (Array(cut[0]) + fileBytes + Array(cut[1]), contentType)
}

/// A multipart/form-data body with the CSRF token and one file.
func multipart(csrf: String, file: String) -> (body: String, contentType: String) {
    let boundary = "pacer-test-boundary"
    let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
        + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"checks.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
    return (body, "multipart/form-data; boundary=\(boundary)")
}

/// Waits for the scheduler's planning job to finish and returns its page.
func finishedJob(_ client: some TestClientProtocol, cookie: String) async throws -> String {
    for _ in 0..<240 {
        let page = try await get(client, "/job", cookie: cookie).body
        if !page.contains("http-equiv=\"refresh\"") { return page }
        try await Task.sleep(for: .milliseconds(250))
    }
    Issue.record("the planning job did not finish in 60 s")
    return ""
}
