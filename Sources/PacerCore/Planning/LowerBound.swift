import GLPK

/// A proven lower bound on the cost of every plan of a school, at any size: GLPK solves the counted
/// model (`CountedModel`: students pooled, rooms classed, the rules' counted rows) with cuts for a
/// few branch-and-bound nodes, and the best bound it proves holds for the real model too.
///
/// Left out, because they never lower a plan's cost: teacher changes, soft keep-apart pairs, a
/// regrouped day's changes from the published plan and unmet requests (each request's weight is
/// left out of the constant too, as if every request were met). Left out of the rules, because
/// counts cannot say them: keep-apart pairs, and a student in two subjects at once.
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
        /// Work spent, in `NeighbourhoodImprover`'s units (columns² × nodes; the LP by its iterations, `iterationWork`).
        let work: Double
        /// The LP's share of `work`: the rest is the nodes'.
        var lpWork = 0.0
        /// Whether the wall clock (`deadline`) cut the search short: the bound may then differ from run to run.
        let stoppedByClock: Bool
        /// Whether the model is small enough for branch and bound: more work can raise its bound.
        var searchable: Bool { LowerBound.searchable(columns: size.columns) }
    }

    /// What a solve of the bound came to: a proven bound, or an LP that did not finish.
    enum Attempt {
        case proven(Outcome)
        /// The LP ran out of the work it was given (`lpWork`), the clock or a stop came first, having spent `work`.
        case unfinished(work: Double, byClock: Bool)

        var outcome: Outcome? {
            if case let .proven(outcome) = self { return outcome }
            return nil
        }
        var work: Double {
            switch self {
            case let .proven(outcome): return outcome.work
            case let .unfinished(work, _): return work
            }
        }
        var stoppedByClock: Bool {
            switch self {
            case let .proven(outcome): return outcome.stoppedByClock
            case let .unfinished(_, byClock): return byClock
            }
        }
    }

    /// The bound. The search's nodes are what `work` buys at the model's size, at most `nodeLimit`;
    /// the LP may spend at most `lpWork`; `deadline` is only a safety net.
    /// `model`, when given, is a counted model built before (`countedModel()`), solved again from
    /// its last basis: the high school's LP takes half a minute cold and moments warm.
    func solve(model given: CountedModel? = nil, work: Double = LowerBound.work, lpWork: Double = .infinity, nodeLimit: Int = 1_000,
               deadline: ContinuousClock.Instant, stop: StopToken?) throws -> Attempt {
        guard deadline.secondsLeft > 0.05 else { return .unfinished(work: 0, byClock: true) }
        let model = try given ?? countedModel()
        // Nobody can be seated anywhere: every plan is empty and costs the constant.
        guard model.problem.numberOfColumns > 0 else {
            return .proven(Outcome(value: rounded(model.constant), relaxation: rounded(model.constant), size: model.problem.size, work: 0,
                                   stoppedByClock: false))
        }
        let attempt = try Self.bestBound(of: model.problem, work: work, lpWork: lpWork, nodeLimit: nodeLimit, deadline: deadline, stop: stop)
        guard let outcome = attempt.outcome else { return attempt }
        return .proven(Outcome(value: rounded(outcome.value), relaxation: rounded(outcome.relaxation), size: outcome.size, work: outcome.work,
                               lpWork: outcome.lpWork, stoppedByClock: outcome.stoppedByClock))
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
    /// maximum): its LP, from the problem's last basis, within `lpWork` (`iterationWork`), then branch
    /// and bound with cuts for the nodes what the LP left of `work` buys at its size (at most
    /// `nodeLimit`, none beyond `columnLimit` columns). Unfinished when the LP's work or the clock runs out before it is solved.
    /// Throws when the model is infeasible: every plan is a solution of it, so that means a bug.
    ///
    /// The LP is GLPK's primal simplex. Measured with glpsol on the counted models, quiet: the
    /// interior-point method is faster on the high school's (10 s against 38 s) but slower on
    /// XHSTT DK-VG-09's (11 s against 4 s) and on the generated 2,000-student school's (over 60 s
    /// against 15 s), and GLPK cannot stop it on the clock; the dual simplex had not finished the
    /// high school's in 120 s.
    static func bestBound(of problem: Problem, work: Double, lpWork: Double = .infinity, nodeLimit: Int, deadline: ContinuousClock.Instant,
                          stop: StopToken?) throws -> Attempt {
        guard deadline.secondsLeft > 0.05 else { return .unfinished(work: 0, byClock: true) }
        let size = problem.size
        let maximizing = problem.direction == .maximize
        let perIteration = iterationWork(size)
        var lp = LPOptions()
        // A first LP takes GLPK's presolver (the high school's: 24,000 iterations with it, over 27,000
        // without); a later one starts from the last basis, which the presolver would ignore.
        lp.presolve = !problem.hasBasis
        lp.timeLimit = max(0.05, deadline.secondsLeft)
        // GLPK stops at its limit before it checks whether the last iteration's basis is optimal: one
        // more lets an LP that needs exactly the work it has finish.
        if lpWork.isFinite { lp.iterationLimit = Int(min(1e9, max(0, (lpWork / perIteration + 1e-6).rounded(.down)))) + 1 }
        let relaxation = try problem.solveLP(lp)
        var spent = Double(relaxation.iterations) * perIteration
        guard relaxation.status == .optimal, let lpValue = relaxation.objective else {
            let byWork = relaxation.status == .noSolutionFound(.iterationLimit) || relaxation.status == .feasible(.iterationLimit)
            return .unfinished(work: spent, byClock: !byWork && stop?.isStopped != true)
        }
        var best = lpValue
        let lpSpent = spent
        let columns = Double(problem.numberOfColumns)
        var byClock = false
        // The nodes get what the LP left of `work` (a warm LP leaves it all): a school whose LP takes
        // the opening's work gets its LP bound alone, and its later searches none (XHSTT DK-VG-09:
        // its bound 1,198 instead of 1,212, but the plan no longer waits on cuts the clock decides).
        let nodes = min(nodeLimit, Int(max(0, work - spent) / max(1, columns * columns)))
        if nodes >= 1, searchable(columns: problem.numberOfColumns), stop?.isStopped != true {
            guard deadline.secondsLeft > 0.05 else {
                return .proven(Outcome(value: best, relaxation: lpValue, size: size, work: spent, lpWork: lpSpent, stoppedByClock: true))
            }
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
        return .proven(Outcome(value: best, relaxation: lpValue, size: size, work: spent, lpWork: lpSpent, stoppedByClock: byClock))
    }

    /// Work units per simplex iteration on a model of `size`: `lpUnitsPerEntry` × (rows + columns).
    static func iterationWork(_ size: ModelSize) -> Double { lpUnitsPerEntry * Double(size.rows + size.columns) }

    /// An LP's work, counted from GLPK's simplex iterations, which are the same on every machine, so
    /// that the bound's LP is charged what it takes. Measured with glpsol on six schools' counted
    /// models (quiet, 2-core machine): an iteration takes 11 to 18 ns per row and column (generated
    /// 150 11.5, XHSTT DK-VG-09 10.9, middle school 12.3, generated 2,000 14.9, high school 18.3,
    /// FI-WP-06 18); the neighbourhood models ran the high school at 2.6 × 10⁸ units a second on the
    /// same machine, so its LP's iteration is 4.8 units per row and column. Charged 5, so that the
    /// largest shipped school's LP is not undercharged. Before, an LP was charged columns × rows,
    /// which took the high school's (23,000 iterations, 24 s) for 7 × 10⁸ units, 3 s of work, and ran
    /// its plans into the clock.
    static let lpUnitsPerEntry = 5.0

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
        // Nobody served: every wanted workshop unmet (a week's demands; plan changes and unmet
        // requests are left out).
        let constant = terms.constant - terms.allRequestsUnmet
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
