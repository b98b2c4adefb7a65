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

    /// Branch-and-bound work for the bound, counted as for the neighbourhood models (columns² × nodes):
    /// about a second on the 2-core machine.
    static let work = 1_000_000_000.0
    /// Counted models larger than this (columns) get their LP bound only.
    static let columnLimit = 60_000

    /// Whether a counted model of `columns` gets branch and bound (`columnLimit`).
    static func searchable(columns: Int) -> Bool { columns <= columnLimit }

    struct Outcome {
        let value: Double
        /// The LP relaxation's bound (rounded as `value` is): what the branch and bound added to it is the gain its work bought.
        let relaxation: Double
        let size: ModelSize
        /// Work spent, in `NeighbourhoodImprover`'s units (columns² × nodes, the LP counted as columns × rows).
        let work: Double
        /// Whether the wall clock (`deadline`) cut the search short: the bound may then differ from run to run.
        let stoppedByClock: Bool
        /// Whether the model is small enough for branch and bound: more work can raise its bound.
        var searchable: Bool { LowerBound.searchable(columns: size.columns) }
    }

    /// The bound, or nil when the clock runs out before the LP is solved. The search's nodes are
    /// what `work` buys at the model's size, at most `nodeLimit`; `deadline` is only a safety net.
    /// `model`, when given, is a counted model built before (`countedModel()`), solved again from
    /// its last basis: the high school's LP takes half a minute cold and moments warm.
    func solve(model given: CountedModel? = nil, work: Double = LowerBound.work, nodeLimit: Int = 1_000, deadline: ContinuousClock.Instant,
               stop: StopToken?) throws -> Outcome? {
        guard deadline.secondsLeft > 0.05 else { return nil }
        let model = try given ?? countedModel()
        // Nobody can be seated anywhere: every plan is empty and costs the constant.
        guard model.problem.numberOfColumns > 0 else {
            return Outcome(value: rounded(model.constant), relaxation: rounded(model.constant), size: model.problem.size, work: 0, stoppedByClock: false)
        }
        guard let outcome = try Self.bestBound(of: model.problem, work: work, nodeLimit: nodeLimit, deadline: deadline, stop: stop)
        else { return nil }
        return Outcome(value: rounded(outcome.value), relaxation: rounded(outcome.relaxation), size: outcome.size, work: outcome.work,
                       stoppedByClock: outcome.stoppedByClock)
    }

    /// The counted model with every rule's counted rows: one build for the bound, for the proven
    /// school figures (`SchoolFigureBounds`), which change only its objective, and for what
    /// `pacer model --counted` writes for other solvers (`CountedModelWriter`).
    func countedModel() throws -> CountedModel {
        let rules = RuleCatalogue(scenario)
        let model = try build(rules)
        try rules.addCountedRows(to: model)
        return model
    }

    /// The best bound GLPK proves on `problem`'s optimum in its direction (below a minimum, above a
    /// maximum): its LP, then branch and bound with cuts for the nodes `work` buys at its size (at
    /// most `nodeLimit`, none beyond `columnLimit` columns). Nil when the clock runs out before the
    /// LP is solved. Throws when the model is infeasible: every plan is a solution of it, so that
    /// means a bug.
    ///
    /// The LP is GLPK's primal simplex. Measured with glpsol on the counted models, quiet: the
    /// interior-point method is faster on the high school's (10 s against 38 s) but slower on
    /// XHSTT DK-VG-09's (11 s against 4 s) and on the generated 2,000-student school's (over 60 s
    /// against 15 s), and GLPK cannot stop it on the clock; the dual simplex had not finished the
    /// high school's in 120 s.
    static func bestBound(of problem: Problem, work: Double, nodeLimit: Int, deadline: ContinuousClock.Instant,
                          stop: StopToken?) throws -> Outcome? {
        guard deadline.secondsLeft > 0.05 else { return nil }
        let size = problem.size
        let maximizing = problem.direction == .maximize
        var lp = LPOptions()
        lp.timeLimit = max(0.05, deadline.secondsLeft)
        let relaxation = try problem.solveLP(lp)
        guard relaxation.status == .optimal, let lpValue = relaxation.objective else { return nil }
        var best = lpValue
        let columns = Double(problem.numberOfColumns)
        // The LP counted as columns × rows: columns² × `rootNodes`, as the neighbourhood models count
        // theirs, would charge the 2,000-student school's 35,000-column LP 1.2 × 10¹⁰ (the whole
        // plan's budget) for what takes about a second.
        var spent = columns * Double(problem.numberOfRows)
        var byClock = false
        let nodes = min(nodeLimit, Int(max(0, work - spent) / max(1, columns * columns)))
        if nodes >= 1, searchable(columns: problem.numberOfColumns), stop?.isStopped != true {
            guard deadline.secondsLeft > 0.05 else { return Outcome(value: best, relaxation: lpValue, size: size, work: spent, stoppedByClock: true) }
            var mip = MIPOptions()
            mip.presolve = false
            mip.cuts = true
            mip.nodeLimit = nodes
            mip.timeLimit = max(0.05, deadline.secondsLeft)
            mip.stopToken = stop
            let search = try problem.solveMIP(mip)
            if search.status == .infeasible {
                // Every plan is a solution of the counted model, so this means a bug in one of them.
                throw PlannerError.referenceModelDisagrees("infeasible (counted model)")
            }
            if case .feasible(.timeLimit) = search.status { byClock = true }
            if case .noSolutionFound(.timeLimit) = search.status { byClock = true }
            spent += columns * columns * Double(nodes)
            if let bound = search.bound { best = maximizing ? min(best, bound) : max(best, bound) }
        }
        return Outcome(value: best, relaxation: lpValue, size: size, work: spent, stoppedByClock: byClock)
    }

    /// Costs in whole points make every value of the counted model whole, so the bound rounds up to one.
    private func rounded(_ value: Double) -> Double {
        ObjectiveTerms(scenario: scenario, demands: demands).unmetSessionsAndSeatsAreWhole ? (value - 1e-6).rounded(.up) : value
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
    /// and one room, and a pool gets at most the workshops its students want. The columns' costs
    /// are the objective's (`ObjectiveTerms`), without the terms left out.
    private func build(_ rules: RuleCatalogue) throws -> CountedModel {
        let school = rules.school, terms = ObjectiveTerms(scenario: scenario, demands: demands)
        let problem = try Problem(name: "counted")
        var keys: [PoolKey] = [], members: [PoolKey: [Int]] = [:], objectiveOf: [ObjectiveID: Objective] = [:]
        var onObjective: [ObjectiveID: [Int]] = [:]
        for demand in demands where demand.wanted > 0 {
            if let s = school.studentAt[demand.student] { onObjective[demand.objective, default: []].append(s) }
        }
        for demand in demands where demand.wanted > 0 {
            guard let s = school.studentAt[demand.student], let objective = scenario.objective(demand.objective) else { continue }
            objectiveOf[objective.id] = objective
            let blocks = school.blocks.indices.filter { rules.permits(student: s, attending: objective, in: $0) }
            let others = (onObjective[objective.id] ?? []).filter { $0 != s }
            let key = PoolKey(objective: objective.id, wanted: demand.wanted, weight: demand.weight, blocks: blocks,
                              named: rules.allows(student: s, joining: others) ? nil : s)
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(s)
        }
        // Nobody served: every wanted workshop unmet (a week's demands; plan changes are left out).
        let constant = terms.constant
        try problem.setObjectiveConstant(constant)
        let pools = keys.map { CountedModel.Pool(objective: objectiveOf[$0.objective]!, students: members[$0]!, wanted: $0.wanted,
                                                 weight: $0.weight, blocks: $0.blocks) }
        var poolsOn: [ObjectiveID: [Int]] = [:]
        for (p, pool) in pools.enumerated() { poolsOn[pool.objective.id, default: []].append(p) }

        let slots = CandidateSlots(rules: rules, roomClasses: RoomClass.interchangeable(school), plan: nil)
        var counted: [CountedModel.Slot] = [], placed: [Int: [Column]] = [:]
        for slot in slots.slots(blocks: Array(school.blocks.indices), objectives: scenario.objectives, students: { b, objective in
            (poolsOn[objective.id] ?? []).filter { pools[$0].blocks.contains(b) }
        }, size: { $0.reduce(0) { $0 + pools[$1].size } }) {
            let tag = RuleModel.name("\(school.blocks[slot.block].id)/\(slot.objective.id)")
            let runs = try slot.teachers.map { t in
                CountedModel.Run(teacher: t, column: try problem.addColumn(
                    name: RuleModel.name("run(\(school.teachers[t].id),\(tag))"), kind: .binary,
                    objective: terms.opening(maxGroup: slot.objective.maxGroup)))
            }
            let rooms = try slot.rooms.map { option in
                CountedModel.RoomUse(rooms: option.rooms, seats: option.seats, column: try problem.addColumn(
                    name: RuleModel.name("rooms(\(school.rooms[option.rooms[0]].id)+\(option.rooms.count - 1),\(tag))"),
                    kind: .integer, bounds: .range(0, Double(min(option.rooms.count, slot.teachers.count))), objective: 0))
            }
            // Teacher changes are left out: the seat columns price none.
            let seatings = try slot.students.map { p in
                let column = try problem.addColumn(
                    name: RuleModel.name("seat(\(p),\(tag))"), kind: .integer, bounds: .range(0, Double(pools[p].size)),
                    objective: terms.placing(shortBy: pools[p].weight))
                placed[p, default: []].append(column)
                return CountedModel.Seating(pool: p, column: column)
            }
            try problem.addRow(name: "oneRoom(\(tag))", bounds: .fixed(0),
                               terms: rooms.map { ($0.column, 1) } + runs.map { ($0.column, -1) })
            counted.append(CountedModel.Slot(objective: slot.objective, block: slot.block, runs: runs, rooms: rooms, seatings: seatings, tag: tag))
        }
        let model = CountedModel(problem: problem, school: school, pools: pools, slots: counted, constant: constant)
        for p in placed.keys.sorted() {
            let pool = pools[p], columns = placed[p]!
            // A seat column holds up to the pool's size, so the row binds only beyond `wanted` columns.
            try ObjectiveTerms.addWantedRow(to: problem, for: "\(p)", columns: columns, atMost: pool.size * pool.wanted, unlessAtMost: pool.wanted)
        }
        return model
    }
}
