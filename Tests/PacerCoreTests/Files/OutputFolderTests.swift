import Foundation
import Testing
@testable import PacerCore

/// What Files/OutputFolder.swift guarantees whatever ids a plan holds: file names encoded from
/// ids stay plain and distinct, and the output folder writes nothing outside itself.
@Suite struct OutputFolderTests {
    @Test func fileNamesAreEncodedInjectivelyAndStayPlain() {
        #expect(FileName.encode("T-LEE") == "T-LEE")
        #expect(FileName.encode("MATH-7.RP.2") == "MATH-7.RP.2")
        #expect(FileName.encode("../x") == "~2E.~2Fx")
        #expect(FileName.encode("/etc") == "~2Fetc")
        #expect(FileName.encode("") == "~")
        #expect(FileName.encode("a~2F") != FileName.encode("a/"))
        let long = FileName.encode(String(repeating: "L", count: 10_000))
        #expect(long.utf8.count <= FileName.maximumLength)
        #expect(long != FileName.encode(String(repeating: "L", count: 9_999)))
        for name in HostileIDTests.hostile { #expect(!FileName.encode(name).contains("/") && !FileName.encode(name).hasPrefix(".")) }
    }

    @Test func theOutputFolderRefusesLinksOutAndNamesThatDifferOnlyByCase() throws {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let out = try OutputFolder(sandbox + "/out")
        try FileManager.default.createDirectory(atPath: sandbox + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox + "/out/teachers", withDestinationPath: sandbox + "/elsewhere")
        #expect(throws: OutputError.self) { try out.write("x", to: "teachers/T.ics") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox + "/elsewhere").isEmpty)
        for bad in ["../x", "a/../../x", "", "a//b", "/abs", "a\\b", "nul\u{0}"] {
            #expect(throws: OutputError.self, "\(bad)") { try out.write("x", to: bad) }
        }
        try out.write("one", to: "students/S-01.ics")
        #expect(throws: OutputError.sameName("students/S-01.ics", "students/s-01.ics")) { try out.write("two", to: "students/s-01.ics") }
        #expect(try String(contentsOfFile: sandbox + "/out/students/S-01.ics", encoding: .utf8) == "one")
    }

    @Test func anOutFolderThatIsAFileIsAPlainError() throws {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-file-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
        try "x".write(toFile: sandbox + "/afile", atomically: true, encoding: .utf8)
        #expect(throws: OutputError.notAFolder(sandbox + "/afile")) { try OutputFolder(sandbox + "/afile") }
        #expect(throws: OutputError.cannotWrite(sandbox + "/afile/x", reason: "Not a directory")) { try OutputFolder(sandbox + "/afile/x") }
        let out = try OutputFolder(sandbox + "/out")
        try out.write("1", to: "a/plan.json")
        let twice = #expect(throws: OutputError.self) { try out.write("2", to: "a/plan.json") }
        #expect(twice?.description == "refused to write a/plan.json twice in one run: two outputs share that name")
    }
}

/// Two commands writing into one `--out` folder: the second is refused while the first holds it,
/// and the folder is free again once the first lets go (the system releases the lock when a
/// process ends, however it ends).
@Suite struct OutputLockTests {
    @Test func aSecondWriterIsRefusedUntilTheFirstIsDone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first: OutputLock? = try OutputLock(folder)
        #expect(throws: OutputError.busy(folder)) { _ = try OutputLock(folder) }
        #expect("\(OutputError.busy(folder))".contains("another pacer command is writing into \(folder) now"))
        withExtendedLifetime(first) {}
        first = nil
        _ = try OutputLock(folder)
    }
}
