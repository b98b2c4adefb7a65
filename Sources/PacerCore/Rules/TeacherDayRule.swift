import GLPK

/// **A teacher runs at most `max_sessions_per_day` workshops a day**, and a teacher whose limit is
/// 0 runs none (they may be listed for what they could teach, but do not run workshops).
///
/// The heuristics ask `hasRoom` before giving a teacher another session that day; the reference
/// model adds one `teacherDay` row per teacher and day through `addRow` (the block models see one
/// block at a time and ask `hasRoom` with the sessions the rest of the day already has).
/// `PlanVerifier` keeps its own check (`teacher-day`).
extension Teacher {
    /// Whether the teacher runs workshops at all.
    var runsWorkshops: Bool { maxSessionsPerDay > 0 }

    /// Whether the teacher may take one more session on a day where they already have `sessions`.
    func hasRoom(afterSessions sessions: Int) -> Bool { sessions < maxSessionsPerDay }
}

enum TeacherDayRule {
    /// The row for one teacher and day over the columns that open their candidate sessions that
    /// day, in `blocks` distinct blocks: Σ opens ≤ limit. None when the limit is at least the number
    /// of blocks (one place per block bounds the count already).
    static func addRow(to problem: Problem, opens: [Column], blocks: Int, limit: Int, name: String) throws {
        guard limit < blocks else { return }
        try problem.addRow(name: "teacherDay(\(name))", bounds: .upper(Double(limit)), terms: opens.map { ($0, 1) })
    }
}
