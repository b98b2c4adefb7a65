import Foundation

/// The few lines a scheduler reads after planning (`pacer plan` prints them).
public struct PlanSummary: Sendable {
    public let text: String

    public init(_ plan: WeekPlan, scenario: Scenario, seconds: Double) {
        let h = plan.header
        let metrics = PlanMetrics(plan: plan, scenario: scenario), headline = metrics.headline
        var lines: [String] = []
        lines.append("\(h.scenario): \(headline.verdict) (\(headline.technical); \(h.method), \(String(format: "%.1f", seconds)) s)")
        let perDay = plan.days.map { "\($0.day) \($0.sessions.count)" }.joined(separator: ", ")
        lines.append("sessions: \(plan.sessions.count) (\(perDay))" + (headline.sessionsProven.map { "; " + $0 } ?? ""))
        let inOne = Set(plan.sessions.flatMap(\.students)).count
        lines.append("workshops: \(headline.workshopsGiven); \(headline.studentsServed), \(inOne) in at least one")
        if let p = h.placements {
            let count = PlanHeadline.count
            lines.append("places: \(count(p.due)) student-blocks due; \(count(p.inWorkshops)) in workshops, \(count(p.inStudy)) in study, "
                + "\(count(p.noPlace)) with no place")
            lines.append("study: \(count(p.supervisingAdults)) adult-blocks supervising, \(count(p.studySeatsUsed)) study seats used, "
                + "\(count(ObjectiveTerms.studyChanges(plan.study ?? []))) study-room changes")
            // Each block short of adults or seats once, in the week's order, with how many it leaves
            // with no place.
            var short: [(reason: String, count: Int)] = []
            for u in plan.unplaced ?? [] {
                if let i = short.firstIndex(where: { $0.reason == u.reason }) { short[i].count += 1 } else { short.append((u.reason, 1)) }
            }
            lines += short.map { "  no place \($0.count)×: \($0.reason)" }
        }
        if !scenario.teachers.isEmpty {
            lines.append("teacher load: \(metrics.teacherLoadMin)–\(metrics.teacherLoadMax) sessions a week (mean \(String(format: "%.1f", metrics.teacherLoadMean)))")
        }
        lines += Self.unservedLines(plan)
        text = lines.joined(separator: "\n")
    }

    /// The five commonest reasons students went unserved, with counts.
    public static func unservedLines(_ plan: WeekPlan) -> [String] {
        var reasons: [String: Int] = [:]
        for u in plan.unserved { reasons[u.reason.summary, default: 0] += 1 }
        return reasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(5).map { "  unserved \($0.value)×: \($0.key)" }
    }
}
