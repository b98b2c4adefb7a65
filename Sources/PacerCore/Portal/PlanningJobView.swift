import Foundation

/// How a planning job (a regroup or a week plan the scheduler started) stands.
public enum PlanningOutcome: Sendable {
    case running(PlanProgress?)
    /// The plan and the rules it breaks (none, or it cannot be published).
    case done(WeekPlan, violations: [String])
    case failed(String)
}

/// The planning job's page: its progress while it runs (the page reloads itself), then what the
/// plan changes, teacher by teacher, and whether it may be published.
public struct PlanningJobView: Sendable, Equatable {
    /// The job as the scheduler's page lists it: `Regroup of Wednesday 2026-11-25: ready to publish`.
    public struct Line: Sendable, Equatable {
        public let title: String
        /// `running`, `ready to publish`, `breaks 2 rule(s)`, `publishing`, `published as plan 3` or `failed`.
        public let state: String

        /// `published`: nil until publishing is claimed, 0 while it runs, then the plan's id.
        public init(title: String, outcome: PlanningOutcome, published: Int64?) {
            self.title = title
            switch outcome {
            case .running: state = "running"
            case let .done(_, violations):
                state = published.map { $0 > 0 ? "published as plan \($0)" : "publishing" }
                    ?? (violations.isEmpty ? "ready to publish" : "breaks \(violations.count) rule(s)")
            case .failed: state = "failed"
            }
        }
    }

    /// What a finished plan changes.
    public enum Changes: Sendable, Equatable {
        /// A regroup that keeps the published day as it was.
        case none
        /// A regroup's changes, teacher by teacher.
        case byTeacher([TeacherChanges])
        /// A week plan: `Ms Okafor: 5` per teacher.
        case sessionsPerTeacher([String])
    }

    /// One teacher's changes on a regrouped day: a line per block (`Tue-F1: MATH-7.RP.1 → MATH-7.RP.2`).
    public struct TeacherChanges: Sendable, Equatable {
        public let teacher: String
        public let lines: [String]
    }

    public struct Plan: Sendable, Equatable {
        /// The plan's headline with its figures (`summary(_:)`).
        public let summary: String
        /// `The plan breaks 2 rule(s); it cannot be published:`, or nil when it is verified.
        public let broken: String?
        /// The rules it breaks, the first fifty.
        public let violations: [String]
        public let changes: Changes
        /// `Published as plan 3. Teachers and families see it now.`, or nil until then.
        public let published: String?
        /// It breaks no rule and is not published yet: the page offers to publish it.
        public let mayPublish: Bool
        /// A week plan whose publishing was refused because of what was recorded since it was made
        /// (named here): the page offers to publish it despite that. Nil otherwise.
        public let changedSince: [String]?
    }

    public enum Stage: Sendable, Equatable {
        /// `Working: searching, 3 s, best so far 140.`
        case running(String)
        /// `The plan could not be made: …`
        case failed(String)
        case done(Plan)
    }

    /// The job's id, which the publish form sends.
    public let id: Int
    public let title: String
    public let stage: Stage
    /// While it runs, the page reloads itself every second (no JavaScript).
    public var reloads: Bool { if case .running = stage { return true } else { return false } }

    /// The rules a plan breaks listed at most.
    public static let violationsShown = 50

    /// `published`: as for `Line`; `absentTeachers`: the teachers away on a regrouped day, whose
    /// cancelled sessions say so.
    /// `changedSince`: what a refused publishing named as recorded since the plan was made.
    public init(id: Int, title: String, outcome: PlanningOutcome, published: Int64?, scenario: Scenario, changedSince: [String]? = nil) {
        self.id = id
        self.title = title
        switch outcome {
        case let .running(progress):
            stage = .running("Working: \(progress?.phase ?? "starting")" + (progress.map { String(format: ", %.0f s", $0.elapsed) } ?? "")
                + (progress?.incumbent.map { ", best so far \(NumberText.points($0))" } ?? "") + ".")
        case let .failed(message):
            stage = .failed("The plan could not be made: \(message)")
        case let .done(plan, violations):
            stage = .done(Plan(
                summary: Self.summary(PlanHeadline(plan: plan, scenario: scenario)),
                broken: violations.isEmpty ? nil : "The plan breaks \(violations.count) rule(s); it cannot be published:",
                violations: Array(violations.prefix(Self.violationsShown)),
                changes: Self.changes(plan, scenario: scenario),
                published: published.flatMap { $0 > 0 ? "Published as plan \($0). Teachers and families see it now." : nil },
                mayPublish: violations.isEmpty && (published ?? 0) <= 0,
                changedSince: plan.header.kind == .week ? changedSince : nil))
        }
    }

    /// The plan's headline as the terminal, the HTML export and compare say it (`PlanHeadline`),
    /// with the figures behind it: "1,736 of at most 1,740 possible workshops given (…); …; plan
    /// within 23 % of the best possible; stopped by the clock: the result may differ from run to
    /// run (objective 6,805, lower bound 5,252, gap 22.82 %, status time-limit)."
    static func summary(_ headline: PlanHeadline) -> String {
        headline.sentence + " (" + headline.technical + ")."
    }

    /// A regrouped day's changes adult by adult (teachers and those supervising study), or a week
    /// plan's sessions per teacher.
    static func changes(_ plan: WeekPlan, scenario: Scenario) -> Changes {
        if plan.changes != nil {
            let adults = DayChangeText(plan, scenario: scenario).adults
            guard !adults.isEmpty else { return .none }
            return .byTeacher(adults.map { TeacherChanges(teacher: $0.name, lines: $0.lines) })
        }
        return .sessionsPerTeacher(Dictionary(grouping: plan.sessions, by: \.teacher).sorted { $0.key < $1.key }.map { teacher, sessions in
            "\(scenario.teacherName(teacher)): \(sessions.count)"
        })
    }
}
