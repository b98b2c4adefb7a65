import Foundation
import PacerCore

/// The scheduler's one planning job at a time (a regroup or a week plan), run on its own thread
/// so that the portal keeps serving while GLPK works; its progress is polled by `GET /job`.
actor PortalJobs {
    enum Kind: Sendable, Equatable {
        case regroup(SchoolDate)
        case week(SchoolDate)

        var title: String {
            switch self {
            case let .regroup(date): return "Regroup of \(date.weekdayName) \(date)"
            case let .week(date): return "Plan for the week of \(date)"
            }
        }

        /// The date `StateStore.publish` takes.
        var date: SchoolDate {
            switch self {
            case let .regroup(date), let .week(date): return date
            }
        }
    }

    /// Running, done with a plan and the rules it breaks, or failed (the job page shows it).
    typealias Outcome = PlanningOutcome

    struct Job: Sendable {
        let id: Int
        let kind: Kind
        var outcome: Outcome
        var published: Int64?
        /// What was recorded since the plan was made, named when publishing was refused for it:
        /// then, and only then, the page offers to publish despite it.
        var changedSince: [String]?
    }

    private(set) var current: Job?
    private var next = 1

    /// Starts `work` unless a job is running; returns the new job, or nil.
    func start(_ kind: Kind, work: @escaping @Sendable (_ progress: @escaping @Sendable (PlanProgress) -> Void) throws -> (WeekPlan, [String])) -> Job? {
        if case .running = current?.outcome { return nil }
        let job = Job(id: next, kind: kind, outcome: .running(nil), published: nil)
        next += 1
        current = job
        Thread.detachNewThread {
            let outcome: Outcome
            do {
                let (plan, violations) = try work { progress in Task { await self.report(job.id, .running(progress)) } }
                outcome = .done(plan, violations: violations)
            } catch {
                outcome = .failed("\(error)")
            }
            Task { await self.finish(job.id, outcome) }
        }
        return job
    }

    private func report(_ id: Int, _ outcome: Outcome) {
        // A progress report that arrives after the end is dropped.
        guard current?.id == id, case .running = current?.outcome else { return }
        current?.outcome = outcome
    }

    private func finish(_ id: Int, _ outcome: Outcome) {
        guard current?.id == id else { return }
        current?.outcome = outcome
    }

    /// The finished job's plan, claimed for publishing once: nil when `id` is not the current job,
    /// is still running, failed, breaks a rule or was published (or is being published) already.
    func claim(_ id: Int) -> (kind: Kind, plan: WeekPlan)? {
        guard let job = current, job.id == id, job.published == nil, case let .done(plan, violations) = job.outcome, violations.isEmpty else { return nil }
        current?.published = 0
        return (job.kind, plan)
    }

    /// Records how a claimed publication ended: the plan's id, or nil to release the claim.
    func published(_ id: Int, as planID: Int64?) {
        guard current?.id == id else { return }
        current?.published = planID
    }

    /// Releases the claim of a publication refused because the state changed since the plan was
    /// made, keeping what changed for the page.
    func refused(_ id: Int, changedSince changes: [String]) {
        guard current?.id == id else { return }
        current?.published = nil
        current?.changedSince = changes
    }
}
