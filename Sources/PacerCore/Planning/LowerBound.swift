import GLPK

/// A proven lower bound on the cost of every plan of a school, at any size: GLPK solves the counted
/// model (`CountedModel`: students pooled, rooms classed, the rules' counted rows) with cuts for a
/// few branch-and-bound nodes, and the best bound it proves holds for the real model too.
///
/// Left out, because they never lower a plan's cost: teacher changes, soft keep-apart pairs and a
/// regrouped day's changes from the published plan. Left out of the rules, because counts cannot
/// say them: keep-apart pairs, and a student in two subjects at once.
struct LowerBound {
    let scenario: Scenario
    let demands: [Demand]

    /// Branch-and-bound work for the bound, counted as for the block models (columns² × nodes):
    /// about a second on the 2-core machine.
    static let work = 1_000_000_000.0
    /// Counted models larger than this (columns) get their LP bound only.
    static let columnLimit = 60_000

    struct Outcome {
        let value: Double
        let size: ModelSize
    }

    /// The bound, or nil when the time runs out first. `nodeLimit` caps the search's nodes.
    func solve(nodeLimit: Int, timeLimit: Double, stop: StopToken?) throws -> Outcome? {
        guard timeLimit > 0.05 else { return nil }
        let clock = ContinuousClock(), started = clock.now
        let rules = RuleCatalogue(scenario)
        let model = try build(rules)
        try rules.addCountedRows(to: model)
        let problem = model.problem
        let size = problem.size
        // Nobody can be seated anywhere: every plan is empty and costs the constant.
        guard problem.numberOfColumns > 0 else { return Outcome(value: rounded(model.constant), size: size) }
        var lp = LPOptions()
        lp.timeLimit = timeLimit
        let relaxation = try problem.solveLP(lp)
        guard relaxation.status == .optimal, let lpValue = relaxation.objective else { return nil }
        var best = lpValue
        let columns = Double(problem.numberOfColumns)
        let nodes = min(nodeLimit, Int(Self.work / max(1, columns * columns)))
        let left = timeLimit - (clock.now - started).seconds
        if nodes >= 1, problem.numberOfColumns <= Self.columnLimit, left > 0.05, stop?.isStopped != true {
            var mip = MIPOptions()
            mip.presolve = false
            mip.cuts = true
            mip.nodeLimit = nodes
            mip.timeLimit = left
            mip.stopToken = stop
            let search = try problem.solveMIP(mip)
            if search.status == .infeasible {
                // Every plan is a solution of the counted model, so this means a bug in one of them.
                throw PlannerError.referenceModelDisagrees("infeasible (counted model)")
            }
            if let bound = search.bound { best = max(best, bound) }
        }
        return Outcome(value: rounded(best), size: size)
    }

    /// Costs in whole points make every plan's cost whole, so the bound rounds up to one.
    private func rounded(_ value: Double) -> Double {
        let policy = scenario.policy
        let whole = ([policy.session, policy.emptySeat] + demands.map(\.weight)).allSatisfy { $0 == $0.rounded() }
        return whole ? (value - 1e-6).rounded(.up) : value
    }

    private struct RoomClass: Hashable, Comparable {
        let features: [Feature]
        let seats: Int
        static func < (a: Self, b: Self) -> Bool {
            (a.seats, a.features.map(\.rawValue).joined(separator: ",")) < (b.seats, b.features.map(\.rawValue).joined(separator: ","))
        }
    }

    private struct PoolKey: Hashable {
        let objective: ObjectiveID
        let wanted: Int
        let weight: Double
        let blocks: [Int]
        /// A student whom a rule refuses to group with another student on the objective stays in a
        /// pool of their own, so that the rule can say so (`KeepApartRule`).
        let named: Int?
    }

    /// The pools, slots and columns, with the rows that are not rules: a session has one teacher
    /// and one room, and a pool gets at most the workshops its students want.
    private func build(_ rules: RuleCatalogue) throws -> CountedModel {
        let school = rules.school, policy = scenario.policy
        let problem = try Problem(name: "counted")
        var keys: [PoolKey] = [], members: [PoolKey: [Int]] = [:], objectiveOf: [ObjectiveID: Objective] = [:]
        var constant = 0.0
        var onObjective: [ObjectiveID: [Int]] = [:]
        for demand in demands where demand.wanted > 0 {
            if let s = school.studentAt[demand.student] { onObjective[demand.objective, default: []].append(s) }
        }
        for demand in demands where demand.wanted > 0 {
            guard let s = school.studentAt[demand.student], let objective = scenario.objective(demand.objective) else { continue }
            objectiveOf[objective.id] = objective
            constant += demand.weight * Double(demand.wanted)
            let blocks = school.blocks.indices.filter { rules.permits(student: s, attending: objective, in: $0) }
            let others = (onObjective[objective.id] ?? []).filter { $0 != s }
            let key = PoolKey(objective: objective.id, wanted: demand.wanted, weight: demand.weight, blocks: blocks,
                              named: rules.allows(student: s, joining: others) ? nil : s)
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(s)
        }
        try problem.setObjectiveConstant(constant)
        let pools = keys.map { CountedModel.Pool(objective: objectiveOf[$0.objective]!, students: members[$0]!, wanted: $0.wanted,
                                                 weight: $0.weight, blocks: $0.blocks) }
        var poolsOn: [ObjectiveID: [Int]] = [:]
        for (p, pool) in pools.enumerated() { poolsOn[pool.objective.id, default: []].append(p) }

        let largest = scenario.objectives.map(\.maxGroup).max() ?? 1
        var classRooms: [RoomClass: [Int]] = [:]
        for (r, room) in school.rooms.enumerated() {
            classRooms[RoomClass(features: room.features, seats: min(room.capacity, largest)), default: []].append(r)
        }
        let classes = classRooms.keys.sorted()
        var slots: [CountedModel.Slot] = [], placed: [Int: [Column]] = [:]
        for b in school.blocks.indices {
            for objective in scenario.objectives {
                let here = (poolsOn[objective.id] ?? []).filter { pools[$0].blocks.contains(b) }
                guard GroupSizeRule.isEnough(here.reduce(0) { $0 + pools[$1].size }, for: objective) else { continue }
                let teachers = school.teachers.indices.filter { rules.permits(teacher: $0, running: objective, in: b) }
                let usable: [(rooms: [Int], seats: Int)] = classes.compactMap { roomClass in
                    let rooms = classRooms[roomClass]!.filter { rules.permits(room: $0, hosting: objective, in: b) }
                    return rooms.isEmpty ? nil : (rooms, min(roomClass.seats, objective.maxGroup))
                }
                guard !teachers.isEmpty, !usable.isEmpty else { continue }
                let tag = RuleModel.name("\(school.blocks[b].id)/\(objective.id)")
                let runs = try teachers.map { t in
                    CountedModel.Run(teacher: t, column: try problem.addColumn(
                        name: RuleModel.name("run(\(school.teachers[t].id),\(tag))"), kind: .binary,
                        objective: policy.session + policy.emptySeat * Double(objective.maxGroup)))
                }
                let rooms = try usable.map { option in
                    CountedModel.RoomUse(rooms: option.rooms, seats: option.seats, column: try problem.addColumn(
                        name: RuleModel.name("rooms(\(school.rooms[option.rooms[0]].id)+\(option.rooms.count - 1),\(tag))"),
                        kind: .integer, bounds: .range(0, Double(min(option.rooms.count, teachers.count))), objective: 0))
                }
                let seatings = try here.map { p in
                    let column = try problem.addColumn(
                        name: RuleModel.name("seat(\(p),\(tag))"), kind: .integer, bounds: .range(0, Double(pools[p].size)),
                        objective: -(pools[p].weight + policy.emptySeat))
                    placed[p, default: []].append(column)
                    return CountedModel.Seating(pool: p, column: column)
                }
                try problem.addRow(name: "oneRoom(\(tag))", bounds: .fixed(0),
                                   terms: rooms.map { ($0.column, 1) } + runs.map { ($0.column, -1) })
                slots.append(CountedModel.Slot(objective: objective, block: b, runs: runs, rooms: rooms, seatings: seatings, tag: tag))
            }
        }
        let model = CountedModel(problem: problem, school: school, pools: pools, slots: slots, constant: constant)
        for p in placed.keys.sorted() {
            let pool = pools[p], columns = placed[p]!
            guard columns.count > pool.wanted else { continue }
            try model.addAtMost(pool.size * pool.wanted, of: columns, name: "wanted(\(p))")
        }
        return model
    }
}
