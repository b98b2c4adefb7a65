import Foundation
import GRDB
import Testing
@testable import PacerCore

/// The tiny school's state with three checks recorded (two of them moving students on), all of it
/// checkpointed into the main file and the store closed: a real state as a command leaves it.
func recordedTinySchool() throws -> (folder: String, scenario: Scenario, path: String) {
    let (folder, scenario, store) = try seededTinySchool()
    let rows = try checks("""
        date,student,objective,result
        2026-11-23,S-01,MATH-7.RP.1,mastered
        2026-11-23,S-02,MATH-7.RP.1,not-yet
        2026-11-24,S-03,MATH-7.RP.3,mastered
        """, scenario, in: folder)
    #expect(try Term(scenario: scenario, store: store).record(rows, source: "checks.csv", today: afterTheChecks).recorded == 3)
    try store.queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    return (folder, scenario, store.path)
}

/// The bytes of a file, or nil when it is not there.
func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// The problem `body` was refused with, when it was refused as a bad state file at `path`.
func refusal(at path: String, _ body: () throws -> Void) -> StateFileCheck.Problem? {
    let error = #expect(throws: StateError.self) { try body() }
    guard case let .badStateFile(refused, problem)? = error else { return nil }
    #expect(refused == path)
    return problem
}

@Suite struct StateFileCheckTests {
    @Test func aZeroByteStateIsRefusedAndStaysEmpty() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(refusal(at: path) { _ = try StateStore.existing(for: scenario) } == .empty)
        #expect(refusal(at: path) { _ = try StateStore(path: path) } == .empty)
        #expect(bytes(path) == Data(), "still zero bytes: no schema was written into it")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let message = StateError.badStateFile(path: path, problem: .empty).description
        #expect(message.hasPrefix("\(path) is empty (0 bytes); nothing was written to it."))
        #expect(message.contains("pacer restore \(folder) BACKUP"))
    }

    /// 200 bytes inverted at the start of an index's root page (the checks by student), the data
    /// checkpointed into the main file first: SQLite's quick_check finds it, and nothing writes
    /// into the file. (A table's root page makes quick_check itself fail with "database disk image
    /// is malformed", which names no page.)
    @Test func flippedBytesInAPageAreRefusedAndTheFileIsLeftAsItWas() throws {
        let (folder, scenario, path) = try recordedTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try StateFileCheck.check(path).checks == 3, "sound before the damage")
        var configuration = Configuration()
        configuration.readonly = true
        let (pageSize, root) = try DatabaseQueue(path: path, configuration: configuration).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
             try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'mastery_check_by_student'") ?? 0)
        }
        #expect(root > 1)
        var data = try #require(bytes(path))
        for offset in (root - 1) * pageSize ..< (root - 1) * pageSize + 200 { data[offset] ^= 0xFF }
        try data.write(to: URL(fileURLWithPath: path))

        let existing = refusal(at: path) { _ = try StateStore.existing(for: scenario) }
        guard case let .damaged(what)? = existing else {
            Issue.record("refused as damaged, not \(String(describing: existing))")
            return
        }
        #expect(what.contains("Page \(root)"), "SQLite's finding names the page: \(what)")
        #expect(!what.contains("***"))
        #expect(refusal(at: path) { _ = try StateStore(path: path) } == existing)
        #expect(bytes(path) == data, "byte-identical")
    }

    @Test func aUserVersionPacerNeverSetsIsANewerPacers() throws {
        let (folder, scenario, path) = try recordedTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
        let before = bytes(path)
        let problem = refusal(at: path) { _ = try StateStore.existing(for: scenario) }
        #expect(problem == .newerSchema("PRAGMA user_version is 99; Pacer leaves it 0"))
        #expect(bytes(path) == before)
        #expect(StateError.badStateFile(path: path, problem: .newerSchema("")).description.contains("Use the newer pacer that made it (upgrade pacer)"))
    }

    @Test func aMigrationThisProgramDoesNotKnowIsANewerPacers() throws {
        let (folder, _, path) = try recordedTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-a-newer-pacer')") }
        let before = bytes(path)
        guard case let .newerSchema(what)? = refusal(at: path, { _ = try StateStore(path: path) }) else {
            Issue.record("not refused as a newer Pacer's")
            return
        }
        #expect(what.hasPrefix("migration v99-from-a-newer-pacer unknown to this Pacer"))
        #expect(bytes(path) == before)
    }

    @Test func filesThatAreNoPacerStateAreSaidToBeSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-check-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = folder + "/text.sqlite"
        try "date,student,objective,result\n".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(refusal(at: text) { _ = try StateFileCheck.check(text) } == .notSQLite)
        let other = folder + "/other.sqlite"
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE player (name TEXT)") }
        #expect(refusal(at: other) { _ = try StateStore(path: other) } == .notAPacerState)
    }

    /// A state in use: the last checks are still in the -wal, which the check must read without
    /// checkpointing it, with the -shm index there or (after a crash) missing.
    @Test(arguments: [true, false]) func aHealthyStateInWALModePassesUnchanged(keepShm: Bool) throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rows = try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n2026-11-23,S-02,MATH-7.RP.1,mastered\n",
                              scenario, in: folder)
        #expect(try Term(scenario: scenario, store: store).record(rows, source: "checks.csv", today: afterTheChecks).recorded == 2)
        // A copy of the files while the store is open and idle: what a killed writer leaves.
        let copy = folder + "/copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let path = copy + "/" + StateStore.fileName
        for suffix in keepShm ? ["", "-wal", "-shm"] : ["", "-wal"] {
            try FileManager.default.copyItem(atPath: store.path + suffix, toPath: path + suffix)
        }
        let (main, log) = (try #require(bytes(path)), try #require(bytes(path + "-wal")))
        #expect(!log.isEmpty, "the checks are in the -wal")
        let contents = try StateFileCheck.check(path)
        #expect(contents.checks == 2 && contents.students == 30 && contents.migrations.last == StateStore.migrator.migrations.last)
        #expect(bytes(path) == main && bytes(path + "-wal") == log, "neither the file nor its log was written")
        #expect(try StateFileCheck.check(store.path).checks == 2, "the state in use passes too")
        #expect(try StateStore(path: path).count("mastery_check") == 2, "and opens")
    }
}
