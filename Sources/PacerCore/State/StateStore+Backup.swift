import Foundation
import GRDB

/// Backups of the state and restoring one. A backup is one self-contained SQLite file in
/// rollback-journal mode, named for the moment it was made; `StateFileCheck` checks it after
/// writing and again before it is restored.
extension StateStore {
    /// The name of a backup made at `date`: `pacer-state-2026-11-24T153000Z.sqlite` (UTC).
    public static func backupName(at date: Date) -> String { "pacer-state-\(timestamp(date)).sqlite" }

    /// `2026-11-24T153000Z`: the moment, in UTC, to the second, without colons (file names).
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return String(format: "%04d", c.year ?? 0) + "-\(two(c.month))-\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    /// Writes a consistent copy of the state into `folder` (which exists) with SQLite's online
    /// backup API, checks it, and returns its path and what it holds. The copy is made inside one
    /// read transaction, so it is the state at one moment, and in WAL mode the people recording
    /// meanwhile (`pacer serve`, `pacer record`) are not held up. An existing file of the same
    /// name is refused, never overwritten; a copy that fails its check is removed.
    public func backup(into folder: String, at date: Date = Date()) throws -> (path: String, contents: StateFileCheck.Contents) {
        let target = (folder.hasSuffix("/") ? folder : folder + "/") + Self.backupName(at: date)
        // Created empty, exclusively, before SQLite opens it: two backups can never share a file.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason = errno
            if reason == EEXIST { throw StateError.backupExists(target) }
            throw StateError.cannotWrite(target, reason: String(cString: strerror(reason)))
        }
        close(descriptor)
        do {
            try Self.copy(from: queue, to: target)
            do {
                return (target, try StateFileCheck.contents(of: target))
            } catch let problem as StateFileCheck.Problem {
                throw StateError.cannotWrite(target, reason: "the copy \(problem), so it was removed")
            }
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            throw error
        }
    }

    /// SQLite's online backup of `source` into the empty file `target`, left in rollback-journal
    /// mode so that the backup is one file (the copy takes the source's WAL mode otherwise).
    static func copy(from source: some DatabaseReader, to target: String) throws {
        let destination = try DatabaseQueue(path: target)
        try source.backup(to: destination)
        try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try destination.close()
    }

    /// What `restore` did.
    public struct Restore: Sendable {
        /// The state file, now the backup's copy.
        public var statePath: String
        /// What the restored state holds.
        public var contents: StateFileCheck.Contents
        /// The files moved aside (the state, its -wal and -shm, whichever were there), as (from, to).
        public var setAside: [(from: String, to: String)]
        /// Access grants revoked in the replaced state after the backup was made, revoked again in
        /// the restored one (a restore must not let a revoked link back in).
        public var revocationsKept: Int
        /// Whether the replaced state could be read for its revocations (a damaged one cannot).
        public var replacedWasRead: Bool
    }

    /// Replaces the state at `statePath` with a copy of `backup`. The backup is checked first, and
    /// a bad one is refused with nothing touched. The current state file and its `-wal` and `-shm`
    /// (whichever are there, damaged or not) are moved aside as `pacer-state.sqlite.replaced-TIMESTAMP`
    /// (`-wal`, `-shm` after it, so SQLite still reads them as one database), never deleted; then
    /// the backup is copied in under a temporary name and renamed into place. A `-wal` must not stay
    /// beside the restored file: SQLite would replay another database's log onto it.
    ///
    /// Nothing may have the state open meanwhile (stop `pacer serve` first): a program that holds
    /// it would keep writing into the file moved aside, so a state another process has open is
    /// refused.
    public static func restore(backup: String, to statePath: String, at date: Date = Date()) throws -> Restore {
        if Paths.real(backup) == Paths.real(statePath) { throw StateError.restoreFromItself(backup) }
        // A running pacer serve (or record) would go on writing into the file moved aside.
        if isOpenElsewhere(statePath) { throw StateError.stateInUse(statePath) }
        do {
            _ = try StateFileCheck.contents(of: backup)
        } catch let problem as StateFileCheck.Problem {
            throw StateError.badBackup(path: backup, problem: problem)
        }
        // A backup is one file; a log beside it holds commits the file alone lacks.
        if let log = try? FileManager.default.attributesOfItem(atPath: backup + "-wal"), ((log[.size] as? NSNumber)?.int64Value ?? 0) > 0 {
            throw StateError.backupInUse(backup)
        }

        let stamp = timestamp(date)
        let moves = ["", "-wal", "-shm"].compactMap { suffix -> (from: String, to: String)? in
            let from = statePath + suffix
            return exists(from) ? (from, statePath + ".replaced-" + stamp + suffix) : nil
        }
        let incoming = statePath + ".restoring-" + stamp
        for name in moves.map(\.to) + [incoming] where exists(name) {
            throw StateError.cannotRestore(statePath, reason: "\(name) is already there; try again in a second")
        }
        var moved: [(from: String, to: String)] = []
        func attempt(_ what: String, _ body: () throws -> Void) throws {
            do {
                try body()
            } catch {
                let done = moved.isEmpty ? "" : "; moved aside so far: " + moved.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
                throw StateError.cannotRestore(statePath, reason: "cannot \(what): \(error.localizedDescription)\(done)")
            }
        }
        for move in moves {
            try attempt("move \(move.from) aside") { try FileManager.default.moveItem(atPath: move.from, toPath: move.to) }
            moved.append(move)
        }
        let revoked = moved.first.flatMap { try? revocations(in: $0.to) }
        var kept = 0
        try attempt("copy \(backup) in") {
            do {
                try FileManager.default.copyItem(atPath: backup, toPath: incoming)
                kept = try endSessions(in: incoming, revoking: revoked ?? [])
                try FileManager.default.moveItem(atPath: incoming, toPath: statePath)
            } catch {
                try? FileManager.default.removeItem(atPath: incoming)
                throw error
            }
        }
        return Restore(statePath: statePath, contents: try StateFileCheck.check(statePath), setAside: moved,
                       revocationsKept: kept, replacedWasRead: revoked != nil)
    }

    /// The grants revoked in the state at `path` (by the hash of their token), when it can be read.
    private static func revocations(in path: String) throws -> [(tokenHash: String, revokedAt: String)] {
        _ = try StateFileCheck.check(path)
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT token_hash, revoked_at FROM access WHERE revoked_at IS NOT NULL").map { ($0["token_hash"], $0["revoked_at"]) }
        }
    }

    /// In the restored copy at `path`: revokes again the grants `revoked` names, and ends every
    /// session (everyone signs in again, so that none outlives a revocation the backup missed).
    /// Returns how many grants were revoked again.
    private static func endSessions(in path: String, revoking revoked: [(tokenHash: String, revokedAt: String)]) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.write { db in
            var kept = 0
            for (hash, at) in revoked {
                try db.execute(sql: "UPDATE access SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", arguments: [at, hash])
                kept += db.changesCount
            }
            if try db.tableExists("portal_session") { try db.execute(sql: "DELETE FROM portal_session") }
            return kept
        }
    }

    /// Whether another process has the SQLite database at `path` open in WAL mode: each connection
    /// holds a shared lock on the "dead man's switch" byte of the -shm file (offset 128, SQLite's
    /// unix VFS) for as long as it is open. fcntl's F_GETLK reports other processes' locks only.
    static func isOpenElsewhere(_ path: String) -> Bool {
        let descriptor = open(path + "-shm", O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    private static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
