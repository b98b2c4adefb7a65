import Foundation
import GRDB

/// Holds the state's write lock from another connection, as a long `pacer record` does, until
/// `release` (or ten minutes, so that a failing test never hangs; a minute was too short for a
/// 2-core machine running several builds, where one page took over a minute to come back).
public final class OtherProcessWrite: @unchecked Sendable {
    private let released = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let holding = NSLock()
    private var held = true
    public var isHeld: Bool { holding.withLock { held } }

    public init(_ path: String) throws {
        let ready = DispatchSemaphore(value: 0)
        let queue = try DatabaseQueue(path: path)
        Thread.detachNewThread { [released, done] in
            try? queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                ready.signal()
                _ = released.wait(timeout: .now() + 600)
                self.holding.withLock { self.held = false }
                try db.execute(sql: "COMMIT")
            }
            done.signal()
        }
        ready.wait()
    }

    public func release() {
        released.signal()
        done.wait()
    }
}
