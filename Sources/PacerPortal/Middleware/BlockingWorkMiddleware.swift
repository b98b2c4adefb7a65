import Foundation
import Hummingbird

/// Runs every request's work on threads of its own (`BlockingWorkExecutor`) instead of Swift's
/// few cooperative threads: a handler that waits for the state (another process's write, a long
/// read) then holds one of these, and the portal keeps answering everyone else.
struct BlockingWorkMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(BlockingWorkExecutor.shared) {
            try await next(request, context)
        }
    }
}

/// A fixed set of threads that run tasks' jobs in the order they come. Its threads may block (on
/// SQLite's locks, on file reads) without starving the cooperative pool that serves connections.
final class BlockingWorkExecutor: TaskExecutor, @unchecked Sendable {
    /// Shared by every portal of the process: threads are made once and live as long as it. A
    /// request waiting to write holds one for at most --write-wait seconds; 64 such requests at
    /// once would be needed to hold up a page.
    static let shared = BlockingWorkExecutor(threads: 64)

    private let condition = NSCondition()
    /// Jobs waiting for a thread; `head` is the next one to run (guarded by `condition`).
    private var jobs: [UnownedJob] = []
    private var head = 0

    init(threads: Int) {
        for n in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "pacer-portal-\(n)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
