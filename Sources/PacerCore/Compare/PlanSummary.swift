import Foundation

/// The few lines a scheduler reads after planning (`pacer plan` prints them).
public struct PlanSummary: Sendable {
    public let text: String

    public init(_ plan: WeekPlan, scenario: Scenario, seconds: Double) {
        let h = plan.header
        var lines: [String] = []
        var status = "\(h.status), objective \(NumberText.points(h.objective))"
        if let bound = h.lowerBound, let gap = h.gap { status += ", lower bound \(NumberText.points(bound)), gap \(String(format: "%.2f", gap * 100))%" }
        lines.append("\(h.scenario): \(status) (\(h.method), \(String(format: "%.1f", seconds)) s)")
        let perDay = plan.days.map { "\($0.day) \($0.sessions.count)" }.joined(separator: ", ")
        lines.append("sessions: \(plan.sessions.count) (\(perDay))")
        let served = Set(plan.sessions.flatMap(\.students))
        let unservedStudents = Set(plan.unserved.map(\.student))
        lines.append("workshops: \(h.workshopsServed) of \(h.workshopsWanted) wanted served; \(served.count) of \(h.students) students in at least one; \(unservedStudents.count) short of what they need")
        if !scenario.teachers.isEmpty {
            let m = PlanMetrics(plan: plan, scenario: scenario)
            lines.append("teacher load: \(m.teacherLoadMin)–\(m.teacherLoadMax) sessions a week (mean \(String(format: "%.1f", m.teacherLoadMean)))")
        }
        lines += Self.unservedLines(plan)
        text = lines.joined(separator: "\n")
    }

    /// The five commonest reasons students went unserved, with counts.
    public static func unservedLines(_ plan: WeekPlan) -> [String] {
        var reasons: [String: Int] = [:]
        for u in plan.unserved { reasons[u.reason.components(separatedBy: " (").first ?? u.reason, default: 0] += 1 }
        return reasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(5).map { "  unserved \($0.value)×: \($0.key)" }
    }
}


