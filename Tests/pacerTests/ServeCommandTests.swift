import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PacerCore
import Testing

/// `pacer serve` as a process: SIGTERM while teachers are recording lets the requests in flight
/// finish, every check that was answered is in the state, and the server exits 0.
@Suite struct ServeCommandTests {
    @Test func sigtermFinishesTheChecksInFlightAndExitsCleanly() async throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runPacer(["publish", folder, "Tests/PacerCoreTests/Golden/tiny-school/plan.json", "--week-of", "2026-11-23",
                              "--allow-changed-scenario"]).status == 0)
        let signInPath = try teacherLink(folder)
        let port = try freePort()
        // A long idle timeout, as in the import test below: side by side with the other tests,
        // this client can go unscheduled for minutes between its requests on one connection.
        let server = try startServe(folder, port: port, ["--idle-timeout", "600"])
        defer { if server.isRunning { server.terminate() } }
        try await waitUntilListening(port: port)

        // Sign in, then read the teacher's students and the form's CSRF token off her page.
        let (cookie, csrf, checks) = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient) { client in
            let signedIn = try await client.get(signInPath)
            let cookie = String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])
            let page = String(buffer: try await client.get("/", headers: [.cookie: cookie]).body ?? ByteBuffer())
            let csrf = try #require(page.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1)
            let checks = page.matches(of: /name="student" value="([^"]+)"\/><input type="hidden" name="objective" value="([^"]+)"/)
                .map { (String($0.1), String($0.2)) }
            return (cookie, String(csrf), checks)
        }
        #expect(checks.count == 7, "Ms Okafor's two groups on Tuesday")

        // Eight connections send every check over and over; SIGTERM comes once answers flow.
        let answered = AnsweredChecks()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in 0..<8 {
                group.addTask {
                    defer { Task { await answered.clientDone() } }
                    // A client's connection ends with an error once the server has stopped.
                    try? await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient) { client in
                        for round in 0..<60 {
                            let (student, objective) = checks[(connection + round) % checks.count]
                            let form = "csrf=\(csrf)&student=\(student)&objective=\(objective)&result=mastered&note=at+the+door"
                            let response = try await client.post("/check", headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                                  body: ByteBuffer(string: form))
                            await answered.add(response.status, student: student)
                        }
                    }
                }
            }
            // SIGTERM once answers flow; never wait for ever (a client that fails gives up).
            let clock = ContinuousClock(), waiting = clock.now
            while await answered.count < 20, await answered.clientsDone < 8, clock.now - waiting < .seconds(300) {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(await answered.count >= 20, "the clients were answered before SIGTERM")
            kill(server.processIdentifier, SIGTERM)
            try await group.waitForAll()
        }
        for _ in 0..<600 where server.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        guard !server.isRunning else {
            Issue.record("pacer serve did not exit within 60 s of SIGTERM")
            kill(server.processIdentifier, SIGKILL)
            return
        }
        #expect(server.terminationReason == .exit && server.terminationStatus == 0, "a clean exit on SIGTERM")

        let statuses = await answered.statuses
        #expect(statuses.allSatisfy { $0 == .seeOther }, "every answered request was recorded, none failed: \(Set(statuses.map(\.code)))")
        #expect(statuses.count < 8 * 60, "the server stopped taking requests")
        let store = try StateStore(path: folder + "/" + StateStore.fileName)
        for student in await answered.students {
            #expect(try store.checks(of: StudentID(rawValue: student)).count == 1, "\(student)'s answered check is stored once")
        }
        #expect(try store.count("mastery_check") <= checks.count)
    }
}

extension ServeCommandTests {
    /// A teacher's check and page while `pacer record` imports a file of back-dated checks beside
    /// the portal: both are answered (the check stored) and the import completes.
    @Test func aTeacherIsAnsweredWhileALongImportRuns() async throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runPacer(["publish", folder, "Tests/PacerCoreTests/Golden/tiny-school/plan.json", "--week-of", "2026-11-23",
                              "--allow-changed-scenario"]).status == 0)
        // Checks for S-18..S-30 on 150 school days, then the same days' checks on another
        // objective: every row of the second file is dated before recorded ones.
        let header = "date,student,objective,result\n"
        try (header + notYetChecks(students: 18...30, schoolDays: 150)).write(toFile: folder + "/first.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", folder, "--checks", folder + "/first.csv", "--date", "2030-01-01"]).status == 0)
        let backDated = notYetChecks(students: 18...30, schoolDays: 150).replacingOccurrences(of: "MATH-7.RP.1", with: "MATH-7.RP.2")
        try (header + backDated).write(toFile: folder + "/back-dated.csv", atomically: true, encoding: .utf8)
        let signInPath = try teacherLink(folder)
        let port = try freePort()
        // The tests run side by side and some wait on child processes, so this test's client may go
        // unscheduled for minutes (242 s in CI) between opening a connection and writing on it: the
        // idle timeout is long here, and tested on its own below.
        let server = try startServe(folder, port: port, ["--write-wait", "120", "--idle-timeout", "600"])
        defer { if server.isRunning { server.terminate() } }
        try await waitUntilListening(port: port)

        // Each request on a connection of its own.
        func request<T: Sendable>(_ body: @escaping @Sendable (TestClient) async throws -> T) async throws -> T {
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient, operation: body)
        }
        let signedIn = try await request { try await $0.get(signInPath) }
        let cookie = String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])
        let page = String(buffer: try await request { try await $0.get("/", headers: [.cookie: cookie]) }.body ?? ByteBuffer())
        let csrf = String(try #require(page.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1))
        let importing = try startRecord(folder, checks: folder + "/back-dated.csv")
        let reading = try await request { try await $0.get("/", headers: [.cookie: cookie]) }
        #expect(reading.status == .ok, "a teacher's page during the import")
        let form = "csrf=\(csrf)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=during+the+import"
        let answer = try await request {
            try await $0.post("/check", headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form))
        }
        #expect(answer.status == .seeOther, "the check is answered: \(answer.status)")
        while importing.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(importing.terminationStatus == 0, "the import completes")
        let store = try StateStore(path: folder + "/" + StateStore.fileName)
        #expect(try store.checks(of: "S-11").map(\.note) == ["during the import"])
        #expect(try store.count("mastery_check") == 1 + 2 * 13 * 150)
    }

    /// A connection that sends half a request head and nothing more is closed after --idle-timeout.
    /// The client is a blocking socket timed on its own thread, so a busy test process cannot
    /// leave it idle longer than it means to.
    @Test func aHalfRequestIsClosedAfterTheIdleTimeout() async throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let port = try freePort()
        let server = try startServe(folder, port: port, ["--idle-timeout", "2"])
        defer { if server.isRunning { server.terminate() } }
        try await waitUntilListening(port: port)
        let closedAfter = try halfARequest(port: port)
        #expect(closedAfter != nil && closedAfter! >= 1.5 && closedAfter! < 15, "closed after \(closedAfter ?? -1) s")
    }
}

/// Sends the first line of a request and nothing more; returns the seconds until the server
/// closed the connection, or nil when it was still open after 20 s.
private func halfARequest(port: Int) throws -> Double? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    try #require(connected)
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let start = Date()
    let line = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
    _ = line.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var buffer = [UInt8](repeating: 0, count: 512)
    let got = recv(fd, &buffer, buffer.count, 0)
    return got <= 0 && Date().timeIntervalSince(start) < 20 ? Date().timeIntervalSince(start) : nil
}

/// The tests run in parallel, and ones that wait on a child process hold the few threads Swift's
/// concurrency runs on: a client here may go unscheduled for long, which is not the server's fault.
private let patient = TestClient.Configuration(timeout: .seconds(300))

/// The statuses of the answered check requests, and the students they were for.
private actor AnsweredChecks {
    private(set) var statuses: [HTTPResponse.Status] = []
    private(set) var students: Set<String> = []
    private(set) var clientsDone = 0
    var count: Int { statuses.count }

    func clientDone() { clientsDone += 1 }

    func add(_ status: HTTPResponse.Status, student: String) {
        statuses.append(status)
        if status == .seeOther { students.insert(student) }
    }
}

/// The sign-in path of a new grant for Ms Okafor (`/signin?token=…`).
private func teacherLink(_ folder: String) throws -> String {
    let granted = try runPacer(["access", "grant", folder, "teacher:T-OKAFOR"]).output
    let link = try #require(granted.split(separator: "\n").first { $0.contains("/signin?token=") })
    return String(link[try #require(link.range(of: "/signin?token=")).lowerBound...])
}

/// `pacer serve` on `folder` with Tuesday 2026-11-24 as today, its output discarded.
private func startServe(_ folder: String, port: Int, _ options: [String] = []) throws -> Process {
    let server = Process()
    server.executableURL = try pacerExecutable()
    server.arguments = ["serve", folder, "--port", "\(port)", "--date", "2026-11-24"] + options
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    return server
}

/// A port nobody listens on now, from the kernel.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Waits up to 20 s for the server to answer.
private func waitUntilListening(port: Int) async throws {
    for _ in 0..<200 {
        let up = (try? await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient) { try await $0.get("/").status }) != nil
        if up { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("pacer serve did not start listening on port \(port)")
}
