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
    /// The time limit: a safety net only. The search is budgeted in counted work (`workLimit`), so
    /// that the same input gives the same plan on any machine; when the clock stops a stage first,
    /// `stoppedByClock` says so and plan.json reports it.
    let heuristicDeadline: ContinuousClock.Instant
    /// Where the GLPK stages stop at the latest: a margin before the time limit, for the last model's
    /// LP (GLPK checks the clock between iterations) and for what follows the search (independent
    /// study, the reasons, writing the plan; measured on the 2,000-student school on a loaded
    /// machine: about 4 s).
    let searchDeadline: ContinuousClock.Instant
    /// Greedy and local search stop here at the latest (they are long only in huge schools), so that
    /// the bound always gets the rest of the time limit.
    let constructionDeadline: ContinuousClock.Instant
    /// The work budget (`PlanOptions.workLimit`) and how it was spent.
    let workLimit: Double
    var planWork = 0.0
    var boundWork = 0.0
    var stoppedByClock = false
    /// Whether the plan's and the bound's share of the work was all spent (the figures' is set aside).
    var workRanOut = false
    /// The opening bound's search: what its nodes added to the LP relaxation, for `BudgetSplit`.
    var openingBound: LowerBound.Outcome?
    /// The opening bound's wall time (the counted model's build, its LP and nodes): a later search
    /// with twice the work is not started with less than twice this left before the deadline, since
    /// GLPK cannot stop its root LP and cuts on the clock (XHSTT DK-VG-09: a search started near the
    /// end ran the plan to 60.7 s of a 60 s limit, and the bench's whole command to 63.6 s).
    var openingBoundSeconds = 0.0
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
    /// The counted model, built once: the bound's later searches and the figures start from its last basis.
    var countedModel: CountedModel?
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
        searchDeadline = started.adding(seconds: options.timeLimit - max(0.5, options.timeLimit * 0.05))
        constructionDeadline = started.adding(seconds: options.timeLimit * Self.constructionShare)
        workLimit = options.workLimit
        demands = Demand.all(context)
        counts = CandidateSet.counts(scenario: context.scenario, demands: demands)
    }

    /// The share of the time limit greedy and local search may take at most: the bound's LP must
    /// still have time on a loaded machine (measured on main under load, a real school of 523
    /// students once had no bound at all, the construction having used the whole minute).
    static let constructionShare = 0.7

    /// The share of the work budget the bound's LP may take at most: the high school's, the largest
    /// shipped, takes 54 % (23,000 iterations); a school whose LP needs more gets no bound, and the
    /// plan the rest of the work.
    static let boundLPShare = 0.6

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
            .run(stop: stop, deadline: constructionDeadline) { [self] block in report("greedy \(block.id)") }
        report("local search")
        sessions = LocalSearch(scenario: scenario, demands: demands, published: published)
            .improve(sessions, stop: stop, deadline: constructionDeadline)
        if clock.now >= constructionDeadline { stoppedByClock = true }
        cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
        report("local search", incumbent: cost)
    }

    /// The counted model's bound with its opening work, before the plan improves further, so that the
    /// progress line shows it.
    mutating func proveLowerBound() throws {
        report("lower bound", incumbent: cost)
        let start = elapsed()
        try searchBound(work: LowerBound.work)
        openingBoundSeconds = elapsed() - start
    }

    /// The proven school figures for the plan found (its workshops given), after the search: the
    /// LP of each, from the bound's last basis (its work counted as the bound's), the search's
    /// deadline only a safety net. No branch and bound by default: they come last, nearest the
    /// clock, and on the middle school its nodes changed neither figure but took seconds.
    mutating func proveSchoolFigures(work: Double = 0) throws {
        report("proving school figures", incumbent: cost)
        let served = Planner.workshopsServed(by: sessions, demands: demands)
        let outcome = try SchoolFigureBounds(scenario: scenario, demands: demands)
            .solve(model: countedModel, served: served, work: work, lpWork: figuresLPWork, nodeLimit: options.nodeLimit, deadline: searchDeadline,
                   stop: stop)
        countedModel = nil  // its objective is now the figures'
        proven = outcome.figures
        boundWork += outcome.work
        if outcome.stoppedByClock, !isStopped { stoppedByClock = true }
    }

    /// The most the proven figures' LPs may spend together (`proveSchoolFigures`, set aside from the
    /// budget before the plan's share): from the bound's last basis the middle school's take a few
    /// hundred iterations each. A figure whose LP needs more than the ones before it left is left
    /// unproven, the same on every machine.
    var figuresLPWork: Double { workLimit * 0.1 }

    /// Solves the counted model with `work`, keeping the higher bound; returns what it raised the
    /// bound by, and whether the clock cut this search short.
    @discardableResult
    private mutating func searchBound(work: Double) throws -> (gain: Double, cutByClock: Bool) {
        let lowerBound = LowerBound(scenario: scenario, demands: demands)
        if countedModel == nil { countedModel = try lowerBound.countedModel() }
        let attempt = try lowerBound.solve(model: countedModel, work: work, lpWork: max(0, workLimit * Self.boundLPShare - boundWork),
                                           nodeLimit: options.nodeLimit, deadline: searchDeadline, stop: stop)
        guard let outcome = attempt.outcome else {
            // An LP the work could not pay for leaves the plan without a bound, the same on every machine.
            boundWork += attempt.work
            if attempt.stoppedByClock { stoppedByClock = true }
            return (0, attempt.stoppedByClock)
        }
        if openingBound == nil { openingBound = outcome }
        boundWork += outcome.work
        if outcome.stoppedByClock { stoppedByClock = true }
        let before = bound
        bound = max(bound ?? outcome.value, outcome.value)
        report("lower bound", incumbent: cost)
        return (before.map { bound! - $0 } ?? 0, outcome.stoppedByClock)
    }

    /// The rest of the work, shared between the plan (GLPK re-decides one neighbourhood at a time)
    /// and the bound (the counted model searched again with twice the work) by what each gains
    /// (`BudgetSplit`). Ends when the plan meets its bound, the work is spent, neither side can gain,
    /// or the clock (a safety net) runs out.
    mutating func improvePlanAndBound() throws {
        report("neighbourhood models", incumbent: cost)
        let improver = NeighbourhoodImprover(scenario: scenario, demands: demands, nodeLimit: max(1, options.nodeLimit / 5), published: published)
        var cursor = improver.cursor(from: sessions)
        let figures = options.budget == nil ? figuresLPWork : 0
        // The bound's later searches start from the LP's basis: they double the opening's nodes.
        var split = BudgetSplit(total: max(0, workLimit - boundWork - figures), openingBoundWork: openingBound.map { $0.work - $0.lpWork } ?? 0,
                                boundCanGrow: options.budget == nil && openingBound?.searchable == true)
        if let opening = openingBound {
            let nodeWork = opening.work - opening.lpWork
            split.boundRate = nodeWork > 0 ? max(0, opening.value - opening.relaxation) / nodeWork : 0
        }
        var clockRanOut = false
        while !meetsBound, !isStopped, !clockRanOut, let step = split.next() {
            switch step {
            case let .plan(work):
                let before = cursor.cost, spent = cursor.spent
                try improver.advance(&cursor, until: spent + work, deadline: searchDeadline, stop: stop) {
                    [self] better, neighbourhood in report("neighbourhood models (\(neighbourhood))", incumbent: better)
                }
                sessions = cursor.sessions
                cost = cursor.cost
                split.planned(work: cursor.spent - spent, gain: before - cursor.cost, exhausted: cursor.exhausted)
                if cursor.stoppedByClock { stoppedByClock = true; clockRanOut = true }
            case let .bound(work):
                guard searchDeadline.secondsLeft > 2 * openingBoundSeconds else {
                    // The clock, not the work, decides: the plan gets the rest, and the result says so.
                    stoppedByClock = true
                    split.boundCanGrow = false
                    continue
                }
                let spent = boundWork
                let searched = try searchBound(work: work)
                split.bounded(work: boundWork - spent, gain: searched.gain)
                if searched.cutByClock { clockRanOut = true }
            }
        }
        planWork += cursor.spent
        if split.left <= 0 { workRanOut = true }
        // A plan whose search got no work was not made by the neighbourhood models.
        if cursor.spent > 0 { method = "greedy+block-mip" }
        cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
    }

    /// GLPK's branch and bound on the whole-week reference model, from the plan so far, under the
    /// node limit and what is left of the time limit. Its own bound replaces the counted one when higher.
    mutating func solveWholeWeekModel(log: (@Sendable (String) -> Void)?) throws {
        let model = try ReferenceModel(scenario: scenario, set: CandidateSet(scenario: scenario, demands: demands), published: published)
        size = model.problem.size
        var mip = MIPOptions()
        mip.presolve = false
        mip.start = model.values(of: sessions)
        mip.timeLimit = max(0.05, searchDeadline.secondsLeft)
        mip.relativeGap = options.gap
        // Its nodes are counted as the neighbourhood models' are, out of the work that is left.
        let columns = Double(max(1, model.problem.numberOfColumns))
        let nodes = max(1, min(options.nodeLimit, Int(min(1e15, max(0, workLimit - planWork - boundWork) / (columns * columns)))))
        mip.nodeLimit = nodes
        planWork += columns * columns * Double(nodes)
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
        // The model meets a check request only by a workshop; a check slot (`CheckSlots`, placed
        // after the search) may meet it for nothing, so its bound holds only less their weights.
        let checks = Dictionary(demands.flatMap(\.goals).filter(\.isCheck).map { ($0.request, $0.weight) }, uniquingKeysWith: { first, _ in first })
        if let proven = solution.bound.map({ $0 - checks.values.reduce(0, +) }) {
            bound = max(bound ?? proven, proven)
        }
        if solution.status.hasSolution, let value = solution.objective, value < cost - 1e-7 {
            sessions = model.sessions(from: solution.values)
            cost = value
        }
        switch solution.status {
        case .optimal: status = .optimal
        case .feasible(.timeLimit), .noSolutionFound(.timeLimit): status = .timeLimit; stoppedByClock = true
        case .feasible(.stopped), .noSolutionFound(.stopped): status = .interrupted
        case .infeasible, .unbounded:
            // The plan is feasible in the model, so this means a bug in one of them.
            throw PlannerError.referenceModelDisagrees(solution.status.name)
        default: status = meetsBound ? .optimal : .feasible
        }
    }

    /// A plan still merely feasible that the clock cut short says so; a stopped search says so.
    mutating func settleStatus() {
        if status == .feasible, stoppedByClock || clock.now >= heuristicDeadline { status = .timeLimit; stoppedByClock = true }
        if isStopped { status = .interrupted }
    }

    /// How the budget was spent and what ended the search.
    var spending: SearchSpending {
        let end: SearchEnd
        if isStopped { end = .interrupted }
        else if meetsBound || status == .optimal { end = .metBound }
        else if stoppedByClock { end = .clock }
        else if workRanOut || planWork + boundWork >= workLimit * 0.999 { end = .work }
        else { end = .finished }
        return SearchSpending(workLimit: workLimit, planWork: planWork, boundWork: boundWork, end: end)
    }

    /// The plan file's contents, and for a regrouped day (`date`) what it changes from the published sessions.
    func result(date: SchoolDate?) -> PlanResult {
        var plan = Planner.assemble(scenario, demands: demands, sessions: sessions, options: options, status: status,
                                    method: method, bound: bound, size: size, candidates: counts, proven: proven, published: published,
                                    publishedStudy: context.publishedStudy ?? [])
        plan.header.search = spending
        if let date {
            plan.header.kind = .day
            plan.header.date = date.text
            plan.published = published
            plan.closedPublished = context.closedPublished.isEmpty ? nil : context.closedPublished
            plan.closedPublishedStudy = context.closedPublishedStudy.isEmpty ? nil : context.closedPublishedStudy
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
