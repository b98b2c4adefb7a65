import Foundation
import GRDB

extension StateStore {
    /// Runs `updates` in one write transaction. When another process holds the state's write lock
    /// for longer than this store waits (its busy timeout), nothing is written and the call fails
    /// with `StateError.busy`, so that the caller can say "try again" instead of failing blindly.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(updates)
        } catch let error as DatabaseError where Self.isBusy(error) {
            throw StateError.busy(path)
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
