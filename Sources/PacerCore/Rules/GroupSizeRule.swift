import GLPK

/// **A session's group lies within its objective's `min_group` and `max_group` and within its
/// room's seats; nobody joins a session that does not run.**
///
/// A group below the minimum is not worth the teacher's time, or is pedagogically wrong (a
/// discussion needs three); above the maximum or the room, it does not fit. A room that cannot
/// seat the minimum is never permitted. The heuristics count with `isEnough` as they fill a group
/// up to its seats; the models get `groupMax`, `groupMin` and `joinsOpen` rows per group.
/// `PlanVerifier` keeps its own checks (`group-too-small`, `group-too-large`, `room-capacity`).
struct GroupSizeRule: PlanRule {
    static let name = RuleName("group-size")
    static let answers: RuleQuestions = .permitsRoom
    private let school: SchoolIndex

    init?(school: SchoolIndex) { self.school = school }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "seats fewer than its minimum group of \(objective.minGroup)" }

    /// The elastic model's own rows lower a minimum group ("allow smaller groups") and keep a
    /// group within the room's seats.
    func relaxations(room r: Int, hosting objective: Objective, in b: Int) -> [ElasticModel.Fact]? { [] }

    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool {
        Self.roomCanHold(seats: school.rooms[r].capacity, objective)
    }

    /// Per group: Σ places ≤ Σ seats × opens; Σ places ≥ min_group × Σ opens; and each place ≤ Σ
    /// opens (implied by the first, but it makes the LP relaxation far tighter).
    func addRows(to model: inout RuleModel) throws {
        let problem = model.problem
        for group in model.groups where !group.opens.isEmpty {
            let members = group.places.map { ($0.column, 1.0) }
            let opens = group.opens.map { ($0.column, -1.0) }
            try problem.addRow(name: "groupMax(\(group.tag))", bounds: .upper(0),
                               terms: members + group.opens.map { ($0.column, -Double($0.seats)) })
            try problem.addRow(name: "groupMin(\(group.tag))", bounds: .lower(0),
                               terms: members + group.opens.map { ($0.column, -Double(group.objective.minGroup)) })
            for place in group.places {
                let who = RuleModel.name(school.students[place.student].id.rawValue)
                try problem.addRow(name: "joinsOpen(\(who),\(group.tag))", bounds: .upper(0), terms: [(place.column, 1)] + opens)
            }
        }
    }

    /// Counted: a slot seats no more than its rooms hold and at least the minimum group per
    /// session it runs; students are seated only where a session runs, and no more of a pool (or
    /// of all of them) than are free or than one session seats, per session (`slotOpen` and
    /// `joinsOpen` are implied for integers but tighten the relaxation a great deal); and an
    /// objective runs the whole sessions its seats need (`sessionsNeeded`).
    func addCountedRows(to model: CountedModel) throws {
        let problem = model.problem
        for slot in model.slots where !slot.runs.isEmpty && !slot.seatings.isEmpty {
            let seated = slot.seatings.map { ($0.column, 1.0) }
            try problem.addRow(name: "groupMax(\(slot.tag))", bounds: .upper(0),
                               terms: seated + slot.rooms.map { ($0.column, -Double($0.seats)) })
            try problem.addRow(name: "groupMin(\(slot.tag))", bounds: .lower(0),
                               terms: seated + slot.rooms.map { ($0.column, -Double(slot.objective.minGroup)) })
            let largest = slot.largestGroup
            let free = slot.seatings.reduce(0) { $0 + model.pools[$1.pool].size }
            try problem.addRow(name: "slotOpen(\(slot.tag))", bounds: .upper(0),
                               terms: seated + slot.runs.map { ($0.column, -Double(min(free, largest))) })
            for seating in slot.seatings {
                let most = min(model.pools[seating.pool].size, largest)
                try problem.addRow(name: "joinsOpen(\(seating.pool),\(slot.tag))", bounds: .upper(0),
                                   terms: [(seating.column, 1)] + slot.runs.map { ($0.column, -Double(most)) })
            }
        }
        try addSessionsNeededRows(to: model)
    }

    /// Counted, per objective: the sessions its seats need, rounded up. With R its sessions (Σ runs
    /// over its slots), L the largest group of any of its slots and D the most seats its pools can
    /// take in a week (Σ size × wanted, cut to the pool's slots), every plan has Σ seats ≤ L × R and
    /// Σ seats ≤ D, so the unmet seats u = D − Σ seats ≥ 0 satisfy L × R + u ≥ D with R whole. Its
    /// mixed-integer rounding, u ≥ f × (⌈D ÷ L⌉ − R) with f = D − L × (⌈D ÷ L⌉ − 1), holds for every
    /// plan (R ≥ ⌈D ÷ L⌉: u ≥ 0; R = ⌈D ÷ L⌉ − k: u ≥ D − L × R = (k − 1) × L + f ≥ k × f). The LP
    /// otherwise opens D ÷ L sessions, a fraction of one short of what the seats need: 25 students
    /// wanting 2 workshops in groups of 12 take 5 sessions, not 4.17.
    private func addSessionsNeededRows(to model: CountedModel) throws {
        var seats: [ObjectiveID: [Column]] = [:], runs: [ObjectiveID: [Column]] = [:], largest: [ObjectiveID: Int] = [:]
        var columnsOf: [Int: Int] = [:], order: [ObjectiveID] = []
        for slot in model.slots where !slot.runs.isEmpty && !slot.seatings.isEmpty {
            let id = slot.objective.id
            if seats[id] == nil { order.append(id) }
            seats[id, default: []] += slot.seatings.map(\.column)
            runs[id, default: []] += slot.runs.map(\.column)
            largest[id] = max(largest[id] ?? 0, slot.largestGroup)
            for seating in slot.seatings { columnsOf[seating.pool, default: 0] += 1 }
        }
        var demand: [ObjectiveID: Int] = [:]
        for (p, pool) in model.pools.enumerated() where columnsOf[p] != nil {
            demand[pool.objective.id, default: 0] += pool.size * min(pool.wanted, columnsOf[p]!)
        }
        for id in order {
            let d = demand[id] ?? 0, l = largest[id]!
            guard d > 0, l > 0 else { continue }
            let sessions = (d + l - 1) / l, f = d - l * (sessions - 1)
            // f = L: the row is Σ seats ≤ L × R, which `slotOpen` already says slot by slot.
            guard f < l else { continue }
            try model.problem.addRow(name: RuleModel.name("sessionsNeeded(\(id))"), bounds: .upper(Double(d - f * sessions)),
                                     terms: seats[id]!.map { ($0, 1.0) } + runs[id]!.map { ($0, -Double(f)) })
        }
    }

    /// Whether `count` students make a group that may run on `objective` (as far as its minimum goes;
    /// the heuristics fill up to the seats themselves).
    static func isEnough(_ count: Int, for objective: Objective) -> Bool { count > 0 && count >= objective.minGroup }

    /// Whether a group of `count` on `objective` in a room of `seats` has a seat for one more.
    static func hasSeat(for count: Int, _ objective: Objective, seats: Int) -> Bool { count < min(objective.maxGroup, seats) }

    /// Whether a room of `seats` can hold a group of the objective's minimum within its maximum.
    static func roomCanHold(seats: Int, _ objective: Objective) -> Bool { min(objective.maxGroup, seats) >= objective.minGroup }
}
