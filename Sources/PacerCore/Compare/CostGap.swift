/// A term of the plan's cost (`PlanCost`), named as a principal reads it.
public enum CostTerm: String, CaseIterable, Sendable {
    case unmetWorkshops = "workshops not given"
    case sessions = "sessions"
    case emptySeats = "empty seats"
    case teacherChanges = "teacher changes"
    case keepApart = "students together who should be kept apart"
    case planChanges = "changes to the published plan"
    case noPlace = "students with no place"
    case studyChanges = "study-room changes"
    case unmetRequests = "requests not met"
}

/// Where a plan's cost gap (its cost less the proven lower bound) can lie, term by term, from what
/// was proven and nothing more, so that the headline can say "the gap is mostly in sessions" only
/// when the figures show it.
///
/// Each term's **room** is the most that term of the plan's cost could fall in another plan, from
/// the lowest value proven for it:
/// - workshops not given: no plan gives more than `workshopsAtMost` wanted workshops, so every plan
///   leaves at least `wanted − workshopsAtMost` not given, each priced at least `unmet_workshop ×
///   min(1, priority_factor)` (waiting, behind and stated need only add): the room is the plan's
///   term less that;
/// - sessions: no plan gives the plan's workshops with fewer than `sessionsAtLeast` sessions, so the
///   room is the plan's term less `sessionsAtLeast × session`. That figure is proven for the plans
///   a principal would take instead, those giving at least this plan's workshops, and so is the
///   attribution;
/// - every other term (empty seats, teacher changes, requests not met, …): nothing is proven
///   beyond 0 (the bound leaves unmet requests out), so its room is the whole term. Without proven figures every term's room is the whole term.
///
/// The plan can be improved by at most `open = min(gap, Σ rooms)` points. The gap is **mostly in
/// one term** when the rooms of all the other terms together are less than half of `open`: then
/// more than half of any improvement there is to find can only come from that term (the rest of
/// the gap, if any, is the bound's own looseness). Middle school on main (cost 6,288: sessions 3,840,
/// empty seats 568, teacher changes 280, unmet 1,600; bound 3,996) has a gap of 2,292; with no
/// figure proven, sessions could hold 3,840 of it and unmet workshops 1,600, so no term is named.
public struct CostGap: Sendable, Equatable {
    /// The plan's cost less the proven lower bound, in points.
    public let points: Double
    /// Each term's room, in `CostTerm` order, terms with no room left out.
    public let rooms: [(term: CostTerm, points: Double)]

    public init(cost: PlanCost, lowerBound: Double, workshopsWanted: Int, sessions: Int, proven: ProvenFigures?, policy: Policy) {
        points = max(0, cost.total - lowerBound)
        let unmetAtLeast = proven.map { Double(max(0, workshopsWanted - $0.workshopsAtMost)) * policy.unmetWorkshop * min(1, policy.priorityFactor) } ?? 0
        let sessionsAtLeast = (proven?.sessionsAtLeast).map { Double(min($0, sessions)) * policy.session } ?? 0
        let terms: [(CostTerm, Double)] = [
            (.unmetWorkshops, cost.unmetWorkshops - unmetAtLeast), (.sessions, cost.sessions - sessionsAtLeast),
            (.emptySeats, cost.emptySeats), (.teacherChanges, cost.teacherChanges), (.keepApart, cost.keepApart),
            (.planChanges, cost.planChanges ?? 0), (.noPlace, cost.noPlace ?? 0), (.studyChanges, cost.studyChanges ?? 0),
            (.unmetRequests, cost.unmetRequests ?? 0),
        ]
        rooms = terms.filter { $0.1 > 1e-9 }.map { (term: $0.0, points: $0.1) }
    }

    /// The most the plan could be improved by, in points: the gap, or less when the terms' rooms
    /// together leave less.
    public var open: Double { min(points, rooms.reduce(0) { $0 + $1.points }) }

    /// The term that holds most of the gap (the others' rooms together under half of `open`), if one does.
    public var mostly: CostTerm? {
        guard open > 1e-9 else { return nil }
        let total = rooms.reduce(0) { $0 + $1.points }
        return rooms.first { total - $0.points < open / 2 }?.term
    }

    public static func == (a: CostGap, b: CostGap) -> Bool {
        a.points == b.points && a.rooms.map(\.term) == b.rooms.map(\.term) && a.rooms.map(\.points) == b.rooms.map(\.points)
    }
}
