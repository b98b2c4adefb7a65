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
        let granted = try runPacer(["access", "grant", folder, "teacher:T-OKAFOR"]).output
        let link = try #require(granted.split(separator: "\n").first { $0.contains("/signin?token=") })
        let signInPath = String(link[try #require(link.range(of: "/signin?token=")).lowerBound...])

        let port = try freePort()
        let server = Process()
        server.executableURL = try pacerExecutable()
        server.arguments = ["serve", folder, "--port", "\(port)", "--date", "2026-11-24"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        try await waitUntilListening(port: port)

        // Sign in, then read the teacher's students and the form's CSRF token off her page.
        let (cookie, csrf, checks) = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient) { client in
            let signedIn = try await client.get(signInPath)
            let cookie = String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])
            let page = String(buffer: try await client.get("/", headers: [.cookie: cookie]).body ?? ByteBuffer())
            let csrf = try #require(page.firstMatch(of: /name=csrf value="([0-9a-f]{64})"/)?.1)
            let checks = page.matches(of: /name=student value="([^"]+)"><input type=hidden name=objective value="([^"]+)"/)
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

/// A port nobody listens on now, from the kernel.
private func freePort() throws -> Int {
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
