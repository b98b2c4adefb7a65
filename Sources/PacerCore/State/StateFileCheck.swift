import Foundation
import GRDB

/// The one check of a state file (`pacer-state.sqlite`, or a backup of one), run before any
/// connection that could write opens it: a file that fails is reported and left as it was.
///
/// In order: a zero-byte file is empty; a file whose first 16 bytes are not SQLite's header is not
/// an SQLite database; SQLite's `PRAGMA quick_check` must say "ok" on a read-only connection; a file
/// with tables must have GRDB's `grdb_migrations`; and it must name no migration this program does
/// not know, nor set `PRAGMA user_version` (Pacer leaves it 0), else a newer Pacer made it.
///
/// A missing file is not this check's business: `StateStore.existing` reports it and `pacer init`
/// creates one.
///
/// The read-only connection never writes into the database or its `-wal` file: it reads the
/// `-wal` a writer left (SQLite's write-ahead log, where recent commits live until a checkpoint)
/// without checkpointing it. Like every reader of a database in WAL mode, it uses the `-shm` index
/// beside it, and creates the `-shm` (and an empty `-wal`) when they are missing and the folder is
/// writable; both hold nothing of the term. A backup is written in rollback-journal mode, so
/// checking one creates no file beside it.
public enum StateFileCheck {
    /// What is wrong with a state file. Each reads after the file's path: "PATH is empty (0 bytes)".
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Zero bytes: nothing of a term is in it.
        case empty
        /// Its first 16 bytes are not "SQLite format 3" and a NUL.
        case notSQLite
        /// SQLite found damage: the first lines of quick_check, or the error reading the file gave.
        case damaged(String)
        /// An SQLite database with tables, but without the record of Pacer's migrations.
        case notAPacerState
        /// Made by a newer Pacer: what gives it away (migrations unknown here, a user_version).
        case newerSchema(String)
        /// The file cannot be opened or read (a folder, permissions, a lock held elsewhere).
        case unreadable(String)

        public var description: String {
            switch self {
            case .empty: return "is empty (0 bytes)"
            case .notSQLite: return "is not an SQLite database (its first 16 bytes are not SQLite's header)"
            case let .damaged(what): return "is damaged (SQLite says: \(what))"
            case .notAPacerState: return "is an SQLite database but not a Pacer state (it has tables but no grdb_migrations)"
            case let .newerSchema(what): return "was made by a newer Pacer (\(what)); this is Pacer \(Pacer.version)"
            case let .unreadable(why): return "cannot be read: \(why)"
            }
        }
    }

    /// What a state file that passed the check holds.
    public struct Contents: Equatable, Sendable {
        /// Size of the file itself, in bytes (not counting a `-wal` beside it).
        public var bytes: Int64
        /// Applied migrations, in the order the program registers them (empty for a new file).
        public var migrations: [String]
        /// Students with a history.
        public var students: Int
        /// Mastery checks recorded, withdrawn ones included.
        public var checks: Int
        public var withdrawnChecks: Int
        /// The date of the latest check, YYYY-MM-DD.
        public var lastCheck: String?
        /// Week and day plans published.
        public var publishedPlans: Int
        /// Sign-in links granted, revoked and expired ones included.
        public var accessGrants: Int

        /// One line for a person: "schema v8; 30 students, 12 checks (1 withdrawn; latest 2026-11-24), 2 published plans, 3 access grants".
        public var summary: String {
            let schema = migrations.last.map { "schema \($0)" } ?? "no schema yet"
            var checkText = plural(checks, "check")
            var details: [String] = []
            if withdrawnChecks > 0 { details.append("\(withdrawnChecks) withdrawn") }
            if let lastCheck { details.append("latest \(lastCheck)") }
            if !details.isEmpty { checkText += " (" + details.joined(separator: "; ") + ")" }
            return "\(schema); \(plural(students, "student")), \(checkText), \(plural(publishedPlans, "published plan")), \(plural(accessGrants, "access grant"))"
        }

        private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
    }

    /// SQLite's header: the first 16 bytes of every database file.
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// Checks the state file at `path` (which exists) and returns what it holds, or throws
    /// `StateError.badStateFile` naming the file and the problem.
    public static func check(_ path: String) throws -> Contents {
        do {
            return try contents(of: path)
        } catch let problem as Problem {
            throw StateError.badStateFile(path: path, problem: problem)
        }
    }

    /// The check itself; throws a `Problem`.
    static func contents(of path: String) throws -> Contents {
        let bytes = try size(of: path)
        guard bytes > 0 else { throw Problem.empty }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Problem.unreadable("it cannot be opened for reading") }
        let first = (try? handle.read(upToCount: header.count)).map { Array($0) } ?? []
        try? handle.close()
        guard first == header else { throw Problem.notSQLite }

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(StateStore.busyTimeout)
        do {
            let reader: any DatabaseReader = try DatabaseQueue(path: path, configuration: configuration)
            return try reader.read { db in try inspect(db, bytes: bytes) }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_MISMATCH:
                throw Problem.damaged(error.message ?? "\(error)")
            default:
                throw Problem.unreadable(error.message ?? "\(error)")
            }
        }
    }

    /// The file's size, after making sure it is a regular file.
    private static func size(of path: String) throws -> Int64 {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw Problem.unreadable(error.localizedDescription)
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory { throw Problem.unreadable("it is a folder, not a file") }
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Everything past the header, on a read-only connection.
    private static func inspect(_ db: Database, bytes: Int64) throws -> Contents {
        // quick_check reads every page (structure, record formats, NOT NULL columns) without
        // checking that indexes match their tables, which integrity_check also does at much more cost.
        let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(2)")
        guard findings == ["ok"] else {
            // Its first two findings, without the "*** in database main ***" heading.
            let lines = findings.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
            throw Problem.damaged(lines.prefix(2).joined(separator: "; "))
        }

        let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if tables.isEmpty, userVersion == 0 {
            // A database nothing was written into yet: the migrations make it a state.
            return Contents(bytes: bytes, migrations: [], students: 0, checks: 0, withdrawnChecks: 0, lastCheck: nil, publishedPlans: 0, accessGrants: 0)
        }
        guard tables.contains("grdb_migrations") else { throw Problem.notAPacerState }
        if userVersion != 0 { throw Problem.newerSchema("PRAGMA user_version is \(userVersion); Pacer leaves it 0") }
        let migrator = StateStore.migrator
        let known = Set(migrator.migrations)
        let unknown = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid").filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw Problem.newerSchema("migration\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")) unknown to this Pacer, which knows \(migrator.migrations.first ?? "")–\(migrator.migrations.last ?? "")")
        }

        func count(_ table: String, _ condition: String = "1") throws -> Int {
            guard tables.contains(table) else { return 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0
        }
        let hasWithdrawn = try tables.contains("mastery_check") && db.columns(in: "mastery_check").contains { $0.name == "withdrawn_at" }
        return Contents(
            bytes: bytes,
            migrations: try migrator.appliedMigrations(db),
            students: try ["progression_start", "objective_history"].first(where: tables.contains)
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT student) FROM \($0)") ?? 0 } ?? 0,
            checks: try count("mastery_check"),
            withdrawnChecks: hasWithdrawn ? try count("mastery_check", "withdrawn_at IS NOT NULL") : 0,
            lastCheck: tables.contains("mastery_check") ? try String.fetchOne(db, sql: "SELECT MAX(date) FROM mastery_check") : nil,
            publishedPlans: try count("plan"),
            accessGrants: try count("access"))
    }
}
