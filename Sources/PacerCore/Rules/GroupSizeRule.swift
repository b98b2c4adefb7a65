import GLPK

/// **A session's group lies within its objective's `min_group` and `max_group` and within its
/// room's seats; nobody joins a session that does not run.**
///
/// A group below the minimum is not worth the teacher's time, or is pedagogically wrong (a
/// discussion needs three); above the maximum or the room, it does not fit. The heuristics ask
/// `allows`/`roomCanHold`; both models add the same rows through `addRows`. `PlanVerifier` keeps
/// its own checks (`group-too-small`, `group-too-large`, `room-capacity`).
enum GroupSizeRule {
    /// Whether `count` students make a group that may run on `objective` (as far as its minimum goes;
    /// the heuristics fill up to the seats themselves).
    static func isEnough(_ count: Int, for objective: Objective) -> Bool { count > 0 && count >= objective.minGroup }

    /// Whether a room of `seats` can hold a group of the objective's minimum within its maximum.
    static func roomCanHold(seats: Int, _ objective: Objective) -> Bool { min(objective.maxGroup, seats) >= objective.minGroup }

    /// The rows for one group: `places` are the students' placement columns, `opens` the columns
    /// that open the session (one per room class in the block models), each with the seats it gives
    /// (already cut to `max_group`). Rows, named from `tag` when it is not empty:
    /// `groupMax`: Σ places ≤ Σ seats × opens; `groupMin`: Σ places ≥ min_group × Σ opens;
    /// `joinsOpen`: each place ≤ Σ opens (implied by groupMax, but it makes the LP relaxation far
    /// tighter). `placeNames` name the joinsOpen rows.
    static func addRows(to problem: Problem, places: [Column], placeNames: [String] = [], opens: [(column: Column, seats: Int)],
                        minGroup: Int, tag: String = "") throws {
        func name(_ row: String) -> String { tag.isEmpty ? "" : "\(row)(\(tag))" }
        let members = places.map { ($0, 1.0) }
        try problem.addRow(name: name("groupMax"), bounds: .upper(0), terms: members + opens.map { ($0.column, -Double($0.seats)) })
        try problem.addRow(name: name("groupMin"), bounds: .lower(0), terms: members + opens.map { ($0.column, -Double(minGroup)) })
        for (i, place) in places.enumerated() {
            let rowName = tag.isEmpty || i >= placeNames.count ? "" : "joinsOpen(\(placeNames[i]),\(tag))"
            try problem.addRow(name: rowName, bounds: .upper(0), terms: [(place, 1)] + opens.map { ($0.column, -1) })
        }
    }
}
