import Foundation
import Testing

/// Ctrl-C (SIGINT) and SIGTERM during a solve: the best plan so far is written, marked interrupted,
/// valid, and the command exits 130.
@Suite(.serialized) struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalWritesTheBestPlanSoFar(signal: Int32) throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = try pacerExecutable()
        process.arguments = ["plan", "scenarios/high-school", "--out", out, "--time-limit", "300", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Long enough to be past loading and into the search, far from the 300 s limit.
        Thread.sleep(forTimeInterval: 3)
        #expect(process.isRunning)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/plan.json"))) as? [String: Any]
        #expect((plan?["header"] as? [String: Any])?["status"] as? String == "interrupted")
        let verified = try runPacer(["verify", "scenarios/high-school", out + "/plan.json"])
        #expect(verified.status == 0)
    }
}

extension InterruptTests {
    /// Ctrl-C during compare stops every plan: the comparison of the best plans so far is written,
    /// each plan marked interrupted, the terminal says so, and the command exits 130.
    @Test func anInterruptedCompareWritesWhatItHas() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = try pacerExecutable()
        process.arguments = ["compare", "scenarios/middle-school", "scenarios/middle-school-extra-teacher", "--out", out, "--time-limit", "300"]
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Past loading both schools (the handler is set up after) on a busy machine, far from the end.
        Thread.sleep(forTimeInterval: 8)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGINT)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(printed.contains("the comparison was interrupted"), "\(printed)")
        #expect(FileManager.default.fileExists(atPath: out + "/compare.csv"))
        for name in ["middle-school", "middle-school-extra-teacher"] {
            let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name)/plan.json"))) as? [String: Any]
            #expect((plan?["header"] as? [String: Any])?["status"] as? String == "interrupted")
        }
    }
}
