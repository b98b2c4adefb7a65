import Dispatch
import Foundation
import GLPK

/// Plans several scenarios side by side (in parallel, each with its own time limit) and lays out
/// their figures with deltas against the first.
public struct ScenarioComparison: Sendable {
    public struct Entry: Sendable {
        public let path: String
        public let plan: WeekPlan
        public let metrics: PlanMetrics
    }

    public let entries: [Entry]

    /// Plans every scenario. GLPK keeps its state per thread, so each plan runs on its own thread.
    /// `stop` stops every plan at once, each keeping the best found so far (marked interrupted).
    public static func run(_ scenarios: [(path: String, scenario: Scenario)], options: PlanOptions,
                           stop: StopToken? = nil) throws -> ScenarioComparison {
        let results = Locked(Array<Result<WeekPlan, Error>?>(repeating: nil, count: scenarios.count))
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { i in
            let outcome = Result { try Planner.plan(scenarios[i].scenario, options: options, stop: stop).plan }
            results.update { $0[i] = outcome }
        }
        var entries: [Entry] = []
        for (i, item) in scenarios.enumerated() {
            guard let result = results.value[i] else { continue }
            let plan = try result.get()
            entries.append(Entry(path: item.path, plan: plan, metrics: PlanMetrics(plan: plan, scenario: item.scenario)))
        }
        return ScenarioComparison(entries: entries)
    }

    /// The names of the figures the report charts.
    public enum Figure {
        public static let workshopsGiven = "workshops given (share of wanted)"
        public static let fullyServed = "students who get every workshop they need (share)"
        public static let sessions = "sessions opened"
        public static let teacherLoad = "teacher load mean"
        public static let placed = "student-blocks placed (share of due)"
        /// The proven figures (`ProvenFigures`), shown only where some plan has them.
        public static let workshopsAtMost = "most workshops any plan could give (proven)"
        public static let sessionsAtLeast = "fewest sessions for the plan's workshops (proven)"
    }

    /// One figure of every scenario: its values, how to write them and, where the search proved
    /// one, the best each scenario could reach in it, so that a difference against the base can be
    /// marked as proven or not (`ProvenDifference`).
    public struct Row: Sendable {
        public let name: String
        public let values: [Double?]
        public let format: @Sendable (Double) -> String
        /// Per scenario, the proven best any of its plans could reach in this figure (nil where none
        /// was proven: its differences are then not proven); nil for figures that are not outcomes
        /// a principal compares scenarios by (teacher load, room use, …), which are never marked.
        public var best: [Double?]? = nil
        public var higherIsBetter = true
        /// Whether the figure is a bound (a proven most or least, the lower bound), not an outcome
        /// of the plan: a difference between two bounds is marked so, lest it be read as an effect.
        public var isBound = false

        /// How scenario `i`'s difference from the base reads (nil for the base, for equal values,
        /// and for figures without `best`).
        public func proof(_ i: Int) -> ProvenDifference? {
            guard i > 0, i < values.count, let best, let base = values[0], let value = values[i] else { return nil }
            return ProvenDifference.of(base: (base, best[0]), other: (value, best[i]), higherIsBetter: higherIsBetter)
        }
    }

    /// Every row, as the terminal table and the CSV show them: the figures, each subject's
    /// workshops (`subjectRows`), then the unserved by reason (`reasonRows`).
    public var rows: [Row] { figureRows + subjectRows + reasonRows }

    static let num: @Sendable (Double) -> String = NumberText.points

    /// A `Row.best` for an outcome nothing bounds: no scenario's best is known, so every
    /// difference in it is marked not proven.
    private var unknownBest: [Double?] { entries.map { _ in nil } }

    /// The plan's figures, with deltas the bounds can decide (workshops given, cost).
    public var figureRows: [Row] {
        let m = entries.map(\.metrics)
        let pct: @Sendable (Double) -> String = { String(format: "%.1f%%", $0 * 100) }
        let num = Self.num
        let most = m.map { $0.headline.proven?.workshopsAtMost }
        var rows: [Row] = [
            Row(name: Figure.workshopsGiven, values: m.map { $0.headline.workshopsShare }, format: pct,
                best: zip(m, most).map { metrics, most in most.map { metrics.headline.workshopsWanted == 0 ? 1 : Double($0) / Double(metrics.headline.workshopsWanted) } }),
            Row(name: "workshops not given", values: m.map { Double($0.headline.workshopsNotGiven) }, format: num,
                best: zip(m, most).map { metrics, most in most.map { Double(max(0, metrics.headline.workshopsWanted - $0)) } }, higherIsBetter: false),
            Row(name: Figure.workshopsAtMost, values: most.map { $0.map(Double.init) }, format: num, isBound: true),
            // Outcomes nothing bounds: every difference is marked not proven (`unknownBest`).
            Row(name: Figure.fullyServed, values: m.map { $0.headline.fullyServedShare }, format: pct, best: unknownBest),
            Row(name: "students short of a workshop", values: m.map { Double($0.headline.studentsShort) }, format: num,
                best: unknownBest, higherIsBetter: false),
            Row(name: "students in at least one workshop (share)", values: m.map { $0.servedShare }, format: pct),
            Row(name: "workshops per student (mean)", values: m.map { $0.workshopsMean }, format: num),
            Row(name: "workshops per student (10th pct)", values: m.map { $0.workshopsP10 }, format: num),
            Row(name: Figure.placed, values: m.map { $0.studentBlocksDue == nil ? nil : $0.headline.placedShare }, format: pct),
            Row(name: "student-blocks due", values: m.map { $0.studentBlocksDue.map(Double.init) }, format: num),
            Row(name: "student-blocks placed", values: m.map { $0.studentBlocksPlaced.map(Double.init) }, format: num),
            Row(name: "student-blocks with no place", values: m.map { $0.studentBlocksNoPlace.map(Double.init) }, format: num),
            Row(name: "adults supervising study (adult-blocks)", values: m.map { $0.supervisingAdults.map(Double.init) }, format: num),
            Row(name: "study seats used (seat-blocks)", values: m.map { $0.studySeatsUsed.map(Double.init) }, format: num),
            Row(name: Figure.sessions, values: m.map { Double($0.sessions) }, format: num),
            Row(name: Figure.sessionsAtLeast, values: m.map { $0.headline.proven?.sessionsAtLeast.map(Double.init) }, format: num, isBound: true),
            Row(name: "mean group size", values: m.map { $0.meanGroupSize }, format: num),
            Row(name: "teacher load min", values: m.map { Double($0.teacherLoadMin) }, format: num),
            Row(name: Figure.teacherLoad, values: m.map { $0.teacherLoadMean }, format: num),
            Row(name: "teacher load max", values: m.map { Double($0.teacherLoadMax) }, format: num),
            Row(name: "room use", values: m.map { $0.roomUse }, format: pct),
            Row(name: "objective (cost, lower is better)", values: m.map { $0.objective }, format: num,
                best: m.map { $0.lowerBound }, higherIsBetter: false),
            Row(name: "lower bound (no plan costs less)", values: m.map { $0.lowerBound }, format: num, isBound: true),
            Row(name: "gap (objective above the bound)", values: m.map { $0.gap }, format: pct),
        ]
        // The proven figures only where some plan has them (none do before the search proves them).
        rows.removeAll { [Figure.workshopsAtMost, Figure.sessionsAtLeast].contains($0.name) && $0.values.allSatisfy { $0 == nil } }
        return rows
    }

    /// Each subject by name (subject name first): workshops given, not given, and its unserved
    /// students by kind of reason where any scenario has some, so the bottleneck shows. A subject
    /// one scenario lacks has no value there.
    public var subjectRows: [Row] {
        let m = entries.map(\.metrics), num = Self.num
        var rows: [Row] = []
        var subjects: [SubjectID: String] = [:]
        for metrics in m { for subject in metrics.subjects { subjects[subject.subject] = subject.name } }
        for (id, name) in subjects.sorted(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }) {
            let figures = m.map { $0.subjects.first { $0.subject == id } }
            // The subject's proven most workshops decide a difference; where a plan lacks it, the difference is not proven.
            let most = m.map { $0.headline.proven?.workshopsAtMost(in: id) }
            rows.append(Row(name: "\(name): workshops given", values: figures.map { $0.map { Double($0.given) } }, format: num,
                            best: most.map { $0.map(Double.init) }))
            rows.append(Row(name: "\(name): workshops not given", values: figures.map { $0.map { Double($0.notGiven) } }, format: num,
                            best: zip(figures, most).map { figure, most in
                                figure.flatMap { f in most.map { Double(max(0, f.given + f.notGiven - $0)) } }
                            }, higherIsBetter: false))
            // What decides the marks above, where some plan has it.
            if most.contains(where: { $0 != nil }) {
                rows.append(Row(name: "\(name): \(Figure.workshopsAtMost)", values: most.map { $0.map(Double.init) }, format: num, isBound: true))
            }
            for kind in UnservedReason.Kind.allCases where figures.contains(where: { ($0?.unserved[kind] ?? 0) > 0 }) {
                rows.append(Row(name: "\(name): unserved, \(kind.rawValue)", values: figures.map { $0.map { Double($0.unserved[kind] ?? 0) } }, format: num))
            }
        }
        return rows
    }

    /// The unserved student-subjects of every subject together, by kind of reason.
    public var reasonRows: [Row] {
        let m = entries.map(\.metrics), num = Self.num
        var rows: [Row] = []
        let reasons = Set(m.flatMap { $0.unservedByReason.map(\.reason) }).sorted()
        for reason in reasons {
            rows.append(Row(name: "unserved: \(reason)", values: m.map { metrics in Double(metrics.unservedByReason.first { $0.reason == reason }?.count ?? 0) }, format: num))
        }
        return rows
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ body: (inout Value) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
