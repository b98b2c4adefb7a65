import ArgumentParser
import Foundation
import PacerTestSupport
import Testing
@testable import pacer

let repository = Checkout.root

/// The built `pacer` executable, beside the test bundle.
func pacerExecutable() throws -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("pacer")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    let fallback = URL(fileURLWithPath: repository + "/.build/debug/pacer")
    return try #require(FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil,
                        "build pacer first (swift build)")
}

/// Runs `pacer` with `arguments` in the repository folder; returns exit status and standard output.
func runPacer(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = try pacerExecutable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.currentDirectoryURL = URL(fileURLWithPath: repository)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct ValidateCommandTests {
    @Test func validateParsesItsScenarioArgument() throws {
        let command = try PacerCommand.parseAsRoot(["validate", "scenarios/tiny-school"])
        let validate = try #require(command as? PacerCommand.Validate)
        #expect(validate.scenario == "scenarios/tiny-school")
        #expect(throws: (any Error).self) { try PacerCommand.parseAsRoot(["validate"]) }
    }

    @Test func helpExplainsTheOutput() {
        let help = PacerCommand.helpMessage(for: PacerCommand.Validate.self)
        #expect(help.contains("path:line:column: error|warning: message"))
        #expect(help.contains("<scenario>"))
    }

    @Test(arguments: ["tiny-school", "middle-school", "high-school", "middle-school-extra-teacher", "middle-school-small-groups"])
    func shippedScenariosValidate(name: String) throws {
        let (status, output) = try runPacer(["validate", "scenarios/\(name)"])
        #expect(status == 0)
        #expect(output.contains("scenarios/\(name): valid, 0 warnings"))
    }

    /// A scenario that leaves study to the defaults is told so, a line each.
    @Test func validateSaysWhatItAssumed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-assumed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = try String(contentsOfFile: repository + "/scenarios/tiny-school/scenario.yaml", encoding: .utf8)
        // The tiny school without its study mark.
        let plain = yaml.components(separatedBy: "\n").filter { !$0.contains("study: true") }.joined(separator: "\n")
        try plain.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school/students.csv", toPath: folder.path + "/students.csv")
        let (status, output) = try runPacer(["validate", folder.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\n  assumed: no room says 'study:', so every room may hold independent study, at its capacity\n"))
        let (_, tiny) = try runPacer(["validate", "scenarios/tiny-school"])
        #expect(tiny.contains("  independent study: "))
        #expect(!tiny.contains("assumed: no room says 'study:'"))
    }

    @Test func aBadScenarioPrintsEveryErrorWithItsPositionAndFails() throws {
        let (status, output) = try runPacer(["validate", "Tests/PacerCoreTests/Fixtures/csv-references"])
        #expect(status == 1)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Tests/PacerCoreTests/Fixtures/csv-references/students.csv:2:13: warning: student S1: unknown flag 'vip' is ignored (known: priority)")
        #expect(lines[1] == "Tests/PacerCoreTests/Fixtures/csv-references/students.csv:2:17: error: unknown block 'Mon-F9' for student S1; write DAY-PERIOD (Mon-F1), a day (Mon) or a period (F1)")
        #expect(lines.count == 6)
        #expect(lines.last == "Tests/PacerCoreTests/Fixtures/csv-references: 4 errors, 1 warning; suspicious parts are checked once the errors are fixed")
    }

    @Test func warningsLeaveTheExitStatusZero() throws {
        let (status, output) = try runPacer(["validate", "Tests/PacerCoreTests/Fixtures/warnings"])
        #expect(status == 0)
        #expect(output.contains(": warning: teacher T-B has no free flex block"))
        #expect(output.contains("valid, 5 warnings"))
    }

    @Test func generateWritesAValidSchool() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, _) = try runPacer(["generate", "--students", "40", "--seed", "3", "--out", out])
        #expect(status == 0)
        let (validStatus, output) = try runPacer(["validate", out])
        #expect(validStatus == 0, "\(output)")
        #expect(try runPacer(["generate", "--out", out]).status != 0, "--preset or --students is required")
    }
}
