import Foundation
import Testing

/// The path a backup command printed (`wrote PATH: …`).
func backupPath(_ output: String) -> String? {
    output.split(separator: "\n").first { $0.hasPrefix("wrote ") }
        .flatMap { line in line.dropFirst("wrote ".count).split(separator: ":").first.map(String.init) }
}

@Suite(.serialized) struct StateFileCommandTests {
    /// A zero-byte state is refused by every command that would open it, with the file named, and
    /// stays zero bytes (no command turns it into a new, empty term).
    @Test func aZeroByteStateIsReportedAndLeftAsItWas() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/pacer-state.sqlite"
        try Data().write(to: URL(fileURLWithPath: state))
        try "date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n".write(toFile: folder + "/mon.csv", atomically: true, encoding: .utf8)
        for arguments in [["status", folder], ["record", folder, "--checks", folder + "/mon.csv", "--date", "2026-11-23"], ["init", folder]] {
            let run = try runPacerCapturing(arguments)
            #expect(run.status != 0, "pacer \(arguments[0]) refuses")
            #expect(run.errors.contains("\(state) is empty (0 bytes); nothing was written to it."), "\(arguments[0]): \(run.errors)")
            #expect(run.errors.contains("pacer restore \(folder) BACKUP"))
            #expect(FileManager.default.contents(atPath: state) == Data(), "still zero bytes after pacer \(arguments[0])")
        }
    }

    /// Backups taken while another process records 8,400 checks in one transaction: each is one
    /// moment of the state (the checks recorded before, or all of them), and one taken after the
    /// record holds them all.
    @Test func aBackupWhileAnotherProcessRecordsIsConsistent() throws {
        let folder = try tinySchoolWithState()
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: out) }
        var first = "date,student,objective,result\n"
        for n in 1...9 { first += "2026-11-23,S-0\(n),MATH-7.RP.1,not-yet\n" }
        try first.write(toFile: folder + "/first.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", folder, "--checks", folder + "/first.csv", "--date", "2026-11-23"]).status == 0)
        try ("date,student,objective,result\n" + notYetChecks(students: 10...30, schoolDays: 400))
            .write(toFile: folder + "/many.csv", atomically: true, encoding: .utf8)

        let record = try startRecord(folder, checks: folder + "/many.csv")
        var during = 0, round = 0
        repeat {
            round += 1
            let wasRunning = record.isRunning
            let backup = try runPacer(["backup", folder, "--out", out + "/\(round)"])
            #expect(backup.status == 0, "\(backup.output)")
            if wasRunning && record.isRunning { during += 1 }
            let path = try #require(backupPath(backup.output), "\(backup.output)")
            let check = try runPacer(["backup", "--check", path])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains(" 9 checks ") || check.output.contains(" 8409 checks "), "before the record or after it: \(check.output)")
        } while record.isRunning && round < 200
        record.waitUntilExit()
        #expect(record.terminationStatus == 0)
        #expect(during > 0, "at least one backup began and ended while the record ran")

        let after = try runPacer(["backup", folder, "--out", out + "/after"])
        let check = try runPacer(["backup", "--check", try #require(backupPath(after.output))])
        #expect(check.output.contains("; 30 students, 8409 checks (latest "), "\(check.output)")
        #expect(try runPacer(["backup", folder, "--out", folder]).status != 0, "--out may not be the scenario's own folder")
    }

    /// Restore puts a backup back over a damaged state, keeps the damaged file aside, and the
    /// restored state answers pacer status; a bad backup is refused with nothing changed.
    @Test func restoreReplacesADamagedStateAndKeepsItAside() throws {
        let folder = try tinySchoolWithState()
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: out) }
        try "date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n".write(toFile: folder + "/mon.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", folder, "--checks", folder + "/mon.csv", "--date", "2026-11-23"]).status == 0)
        let made = try runPacer(["backup", folder, "--out", out])
        #expect(made.status == 0)
        let backup = try #require(backupPath(made.output), "\(made.output)")

        let state = folder + "/pacer-state.sqlite"
        let damaged = Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0xA5, count: 8192)
        try damaged.write(to: URL(fileURLWithPath: state))
        #expect(try runPacer(["status", folder]).status != 0)

        try Data().write(to: URL(fileURLWithPath: out + "/bad.sqlite"))
        let refused = try runPacerCapturing(["restore", folder, out + "/bad.sqlite"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("\(out)/bad.sqlite is empty (0 bytes), so it cannot be restored; nothing was changed"), "\(refused.errors)")
        #expect(FileManager.default.contents(atPath: state) == damaged)

        let restored = try runPacer(["restore", folder, backup])
        #expect(restored.status == 0, "\(restored.output)")
        #expect(restored.output.contains("restored \(backup) as \(state): schema v"), "\(restored.output)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("pacer-state.sqlite.replaced-") }
        #expect(aside.count == 1, "\(aside)")
        #expect(aside.first.flatMap { FileManager.default.contents(atPath: folder + "/" + $0) } == damaged, "the damaged state is kept as it was")
        let status = try runPacer(["status", folder, "--date", "2026-11-25", "--student", "S-01"])
        #expect(status.status == 0)
        #expect(status.output.contains("S-01\tAva Martin\tMATH\tMATH-7.RP.2\t"), "the restored state has the check: \(status.output)")
    }

    /// Restore refuses to replace a state that a running pacer serve has open (it would go on
    /// writing into the file moved aside), and changes nothing.
    @Test func restoreRefusesAStateThatServeHasOpen() throws {
        let folder = try tinySchoolWithState()
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: out) }
        let backup = try #require(backupPath(try runPacer(["backup", folder, "--out", out]).output))
        let server = Process()
        server.executableURL = try pacerExecutable()
        server.arguments = ["serve", folder, "--port", "\(try freePort())", "--date", "2026-11-24"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        // The server has the state open once its -shm exists and is locked.
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: folder + "/pacer-state.sqlite-shm") { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        let refused = try runPacerCapturing(["restore", folder, backup])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("is open in another process"), "\(refused.errors)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("replaced-") }
        #expect(aside.isEmpty, "nothing moved aside")
    }
}
