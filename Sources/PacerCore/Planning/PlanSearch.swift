import GLPK

/// One run of `Planner.plan`: the plan so far, its cost and bound, and how it was found, handed from
/// stage to stage, with the progress each reports.
struct PlanSearch {
    let context: PlanningContext
    let options: PlanOptions
    let demands: [Demand]
    let stop: StopToken?
    let progress: (@Sendable (PlanProgress) -> Void)?
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    /// Greedy and local search stop at the time limit too (they are long only in huge schools).
    let heuristicDeadline: ContinuousClock.Instant
    /// Candidate sessions and placements of the whole-week model, for plan.json and its size.
    let counts: (sessions: Int, placements: Int)
    var sessions: [PlannedSession] = []
    var cost = 0.0
    var bound: Double?
    var status = PlanStatus.feasible
    var method = "greedy"
    var size: ModelSize?
    /// The proven school figures (`SchoolFigureBounds`), once `proveSchoolFigures` has run.
    var proven: ProvenFigures?
    /// What was tried for each away teacher's group on a regrouped day (`AwayCover`).
    var coverTries: [DayChanges.Cover] = []

    init(_ context: PlanningContext, options: PlanOptions, stop: StopToken?, progress: (@Sendable (PlanProgress) -> Void)?,
         startedAt: ContinuousClock.Instant?) {
        self.context = context
        self.options = options
        self.stop = stop
        self.progress = progress
        started = startedAt ?? clock.now
        heuristicDeadline = started.adding(seconds: options.timeLimit)
        demands = Demand.all(context)
        counts = CandidateSet.counts(scenario: context.scenario, demands: demands)
    }

    var scenario: Scenario { context.scenario }
    var published: [PlannedSession] { context.published }
    var isStopped: Bool { stop?.isStopped == true }
    func elapsed() -> Double { (clock.now - started).seconds }
    /// A plan that meets the bound is optimal: there is nothing left to search.
    var meetsBound: Bool { bound.map { cost <= $0 + 1e-7 } ?? false }
    /// Whether the whole-week reference model is small enough for GLPK to solve whole.
    var wholeWeekModelFits: Bool { counts.sessions + counts.placements <= Planner.referenceColumnLimit }

    /// Tells the progress line the phase, with `incumbent` and the bound so far.
    func report(_ phase: String, incumbent: Double? = nil) {
        progress?(PlanProgress(phase: phase, elapsed: elapsed(), incumbent: incumbent, bound: bound,
                               gap: incumbent.flatMap { i in bound.map { relativeGap(i, $0) } }))
    }

    /// The greedy construction, from the published sessions that still hold on a regrouped day
    /// with the away teachers' groups covered, merged or cancelled (`AwayCover`), then local search.
    mutating func constructAndImproveLocally() {
        report("greedy")
        var start = stillHolding(published, demands: demands, scenario: scenario)
        if !published.isEmpty {
            (start, coverTries) = AwayCover(scenario: scenario, demands: demands, published: published).start(from: start)
        }
        sessions = GreedyPlanner(scenario: scenario, demands: demands, seed: options.seed, published: published, start: start)
            .run(stop: stop, deadline: heuristicDeadline) { [self] block in report("greedy \(block.id)") }
        report("local search")
        sessions = LocalSearch(scenario: scenario, demands: demands, published: published)
            .improve(sessions, stop: stop, deadline: heuristicDeadline)
        cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
        report("local search", incumbent: cost)
    }

    /// The counted model's bound, before the plan improves further, so that the progress line shows it.
    mutating func proveLowerBound() throws {
        report("lower bound", incumbent: cost)
        bound = try LowerBound(scenario: scenario, demands: demands)
            .solve(nodeLimit: options.nodeLimit, deadline: heuristicDeadline, stop: stop)?.value
        report("lower bound", incumbent: cost)
    }

    /// The proven school figures for the plan found (its workshops given), after the search: each
    /// solve budgeted as the bound's, `deadline` only a safety net.
    mutating func proveSchoolFigures(work: Double = LowerBound.work, deadline: ContinuousClock.Instant) throws {
        let served = Planner.workshopsServed(by: sessions, demands: demands)
        proven = try SchoolFigureBounds(scenario: scenario, demands: demands)
            .solve(served: served, work: work, nodeLimit: options.nodeLimit, deadline: deadline, stop: stop).figures
    }

    /// GLPK re-decides one neighbourhood at a time; on a small school this also hands the
    /// whole-week model a better start.
    mutating func improveByNeighbourhoods() throws {
        report("neighbourhood models", incumbent: cost)
        // A neighbourhood model cannot be interrupted during its LP: keep a margin for the last one.
        let margin = max(0.5, options.timeLimit * 0.05)
        let deadline = started.adding(seconds: options.timeLimit - margin)
        let improver = NeighbourhoodImprover(scenario: scenario, demands: demands, nodeLimit: max(1, options.nodeLimit / 5), published: published)
        let work = options.budget?.neighbourhoodWork ?? options.timeLimit * NeighbourhoodImprover.workPerSecond
        sessions = try improver.improve(sessions, work: work, deadline: deadline, stop: stop) {
            [self] better, neighbourhood in report("neighbourhood models (\(neighbourhood))", incumbent: better)
        }
        method = "greedy+block-mip"
        cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
        if !wholeWeekModelFits, !meetsBound, clock.now >= deadline { status = .timeLimit }
    }

    /// GLPK's branch and bound on the whole-week reference model, from the plan so far, under the
    /// node limit and what is left of the time limit. Its own bound replaces the counted one when higher.
    mutating func solveWholeWeekModel(log: (@Sendable (String) -> Void)?) throws {
        let model = try ReferenceModel(scenario: scenario, set: CandidateSet(scenario: scenario, demands: demands), published: published)
        size = model.problem.size
        var mip = MIPOptions()
        mip.presolve = false
        mip.start = model.values(of: sessions)
        mip.timeLimit = max(0.05, options.timeLimit - elapsed())
        mip.relativeGap = options.gap
        mip.nodeLimit = options.nodeLimit
        mip.stopToken = stop
        mip.cuts = true
        mip.provenBound = bound
        if let log { mip.messageLevel = .normal; mip.log = log }
        if let progress {
            let offset = elapsed(), counted = bound
            mip.progress = {
                let best = [counted, $0.bound].compactMap { $0 }.max()
                progress(PlanProgress(phase: "reference model", elapsed: offset + $0.elapsed, incumbent: $0.incumbent, bound: best,
                                      gap: $0.incumbent.flatMap { i in best.map { relativeGap(i, $0) } }))
            }
        }
        let solution = try model.problem.solveMIP(mip)
        method = "greedy+block-mip+reference-mip"
        if let proven = solution.bound { bound = max(bound ?? proven, proven) }
        if solution.status.hasSolution, let value = solution.objective, value < cost - 1e-7 {
            sessions = model.sessions(from: solution.values)
            cost = value
        }
        switch solution.status {
        case .optimal: status = .optimal
        case .feasible(.timeLimit), .noSolutionFound(.timeLimit): status = .timeLimit
        case .feasible(.stopped), .noSolutionFound(.stopped): status = .interrupted
        case .infeasible, .unbounded:
            // The plan is feasible in the model, so this means a bug in one of them.
            throw PlannerError.referenceModelDisagrees(solution.status.name)
        default: status = meetsBound ? .optimal : .feasible
        }
    }

    /// A plan still merely feasible when the time limit has passed was cut short by it; a stopped search says so.
    mutating func settleStatus() {
        if status == .feasible, clock.now >= heuristicDeadline { status = .timeLimit }
        if isStopped { status = .interrupted }
    }

    /// The plan file's contents, and for a regrouped day (`date`) what it changes from the published sessions.
    func result(date: SchoolDate?) -> PlanResult {
        var plan = Planner.assemble(scenario, demands: demands, sessions: sessions, options: options, status: status,
                                    method: method, bound: bound, size: size, candidates: counts, proven: proven, published: published,
                                    publishedStudy: context.publishedStudy ?? [])
        if let date {
            plan.header.kind = .day
            plan.header.date = date.text
            plan.published = published
            plan.changes = DayChanges.between(published, plan.sessions, publishedStudy: context.publishedStudy, study: plan.study ?? [],
                                                scenario: scenario)
            if !coverTries.isEmpty {
                plan.changes?.covers = AwayCover.outcomes(coverTries, sessions: plan.sessions, published: published, demands: demands)
            }
        }
        progress?(PlanProgress(phase: "done", elapsed: elapsed(), incumbent: plan.cost.total, bound: bound, gap: plan.header.gap))
        return PlanResult(plan: plan, seconds: elapsed(), interrupted: status == .interrupted)
    }
}
