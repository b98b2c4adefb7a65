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
    public static func run(_ scenarios: [(path: String, scenario: Scenario)], options: PlanOptions) throws -> ScenarioComparison {
        let results = Locked(Array<Result<WeekPlan, Error>?>(repeating: nil, count: scenarios.count))
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { i in
            let outcome = Result { try Planner.plan(scenarios[i].scenario, options: options).plan }
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
    }

    /// Rows of (figure, value per scenario as text); the numeric value too, for deltas and charts.
    public var rows: [(name: String, values: [Double?], format: (Double) -> String)] {
        let m = entries.map(\.metrics)
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        let num = NumberText.points
        var rows: [(String, [Double?], (Double) -> String)] = [
            (Figure.workshopsGiven, m.map { $0.headline.workshopsShare }, pct),
            ("workshops not given", m.map { Double($0.headline.workshopsNotGiven) }, num),
            (Figure.fullyServed, m.map { $0.headline.fullyServedShare }, pct),
            ("students short of a workshop", m.map { Double($0.headline.studentsShort) }, num),
            ("students in at least one workshop (share)", m.map { $0.servedShare }, pct),
            ("workshops per student (mean)", m.map { $0.workshopsMean }, num),
            ("workshops per student (10th pct)", m.map { $0.workshopsP10 }, num),
            (Figure.placed, m.map { $0.studentBlocksDue == nil ? nil : $0.headline.placedShare }, pct),
            ("student-blocks due", m.map { $0.studentBlocksDue.map(Double.init) }, num),
            ("student-blocks placed", m.map { $0.studentBlocksPlaced.map(Double.init) }, num),
            ("student-blocks with no place", m.map { $0.studentBlocksNoPlace.map(Double.init) }, num),
            ("adults supervising study (adult-blocks)", m.map { $0.supervisingAdults.map(Double.init) }, num),
            ("study seats used (seat-blocks)", m.map { $0.studySeatsUsed.map(Double.init) }, num),
            (Figure.sessions, m.map { Double($0.sessions) }, num),
            ("mean group size", m.map { $0.meanGroupSize }, num),
            ("teacher load min", m.map { Double($0.teacherLoadMin) }, num),
            (Figure.teacherLoad, m.map { $0.teacherLoadMean }, num),
            ("teacher load max", m.map { Double($0.teacherLoadMax) }, num),
            ("room use", m.map { $0.roomUse }, pct),
            ("objective (cost, lower is better)", m.map { $0.objective }, num),
            ("lower bound (no plan costs less)", m.map { $0.lowerBound }, num),
            ("gap (objective above the bound)", m.map { $0.gap }, pct),
        ]
        let reasons = Set(m.flatMap { $0.unservedByReason.map(\.reason) }).sorted()
        for reason in reasons {
            rows.append(("unserved: \(reason)", m.map { metrics in Double(metrics.unservedByReason.first { $0.reason == reason }?.count ?? 0) }, num))
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
