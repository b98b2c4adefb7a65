import Foundation
import PacerCore

/// The few lines a scheduler reads after planning.
struct PlanSummary {
    let text: String

    init(_ plan: WeekPlan, scenario: Scenario, seconds: Double) {
        let h = plan.header
        var lines: [String] = []
        var status = "\(h.status), objective \(format(h.objective))"
        if let bound = h.lowerBound, let gap = h.gap { status += ", lower bound \(format(bound)), gap \(String(format: "%.2f", gap * 100))%" }
        lines.append("\(h.scenario): \(status) (\(h.method), \(String(format: "%.1f", seconds)) s)")
        let perDay = plan.days.map { "\($0.day) \($0.sessions.count)" }.joined(separator: ", ")
        lines.append("sessions: \(plan.sessions.count) (\(perDay))")
        let served = Set(plan.sessions.flatMap(\.students))
        let unservedStudents = Set(plan.unserved.map(\.student))
        lines.append("workshops: \(h.workshopsServed) of \(h.workshopsWanted) wanted served; \(served.count) of \(h.students) students in at least one; \(unservedStudents.count) short of what they need")
        var load: [TeacherID: Int] = [:]
        for t in scenario.teachers { load[t.id] = 0 }
        for s in plan.sessions { load[s.teacher, default: 0] += 1 }
        if let least = load.values.min(), let most = load.values.max(), !load.isEmpty {
            let mean = Double(load.values.reduce(0, +)) / Double(load.count)
            lines.append("teacher load: \(least)–\(most) sessions a week (mean \(String(format: "%.1f", mean)))")
        }
        lines += Self.unservedLines(plan)
        text = lines.joined(separator: "\n")
    }

    /// The five commonest reasons students went unserved, with counts.
    static func unservedLines(_ plan: WeekPlan) -> [String] {
        var reasons: [String: Int] = [:]
        for u in plan.unserved { reasons[u.reason.components(separatedBy: " (").first ?? u.reason, default: 0] += 1 }
        return reasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(5).map { "  unserved \($0.value)×: \($0.key)" }
    }
}

func format(_ x: Double) -> String { NumberText.points(x) }
