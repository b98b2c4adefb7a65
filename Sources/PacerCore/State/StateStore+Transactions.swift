import Foundation
import GRDB

extension StateStore {
    /// Runs `updates` in one write transaction. A write waits at most `busyTimeout` seconds in all:
    /// first for this process's other writes (its turn), then for another process's write lock,
    /// with what is left of the time. Past that nothing is written and the call fails with
    /// `StateError.busy`, so that the caller can say "try again" instead of waiting behind a queue
    /// of writes that each wait the whole time.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        let deadline = DispatchTime.now() + busyTimeout
        guard writeTurn.wait(timeout: deadline) == .success else { throw StateError.busy(path) }
        defer { writeTurn.signal() }
        let left = Double(deadline.uptimeNanoseconds &- min(deadline.uptimeNanoseconds, DispatchTime.now().uptimeNanoseconds)) / 1e9
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(Int(left * 1000))")
                var result: T?
                do {
                    try db.inTransaction(.immediate) {
                        result = try updates(db)
                        return .commit
                    }
                } catch {
                    // A plan decoded inside a transaction that rolled back may not be the plan its
                    // id will name later (SQLite gives the id again), and a history derived inside
                    // it may be of checks that were never kept, at a progress version that will
                    // be given again: forget both.
                    publishedPlans.withLock { $0.removeAll() }
                    schoolHistory.withLock { $0 = nil }
                    throw error
                }
                guard let result else { throw StateError.busy(path) }
                return result
            }
        } catch let error as DatabaseError where Self.isBusy(error) {
            throw StateError.busy(path)
        }
    }

    /// Runs `updates` (one statement, in its own transaction) only if the state can be written at
    /// once: no other write of this process under way, nor another process's. Returns whether it
    /// ran. For bookkeeping that may be skipped (a session's last use), never for what people sent.
    func writeIfFree(_ updates: (Database) throws -> Void) -> Bool {
        guard writeTurn.wait(timeout: .now()) == .success else { return false }
        defer { writeTurn.signal() }
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                try updates(db)
            }
            return true
        } catch {
            // As `write` does when its transaction rolls back.
            publishedPlans.withLock { $0.removeAll() }
            schoolHistory.withLock { $0 = nil }
            return false
        }
    }

    /// Runs `value` on a consistent snapshot of the state; readers never wait for a writer.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(value)
        } catch let error as DatabaseError where Self.isBusy(error) {
            throw StateError.busy(path)
        }
    }

    static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
}
