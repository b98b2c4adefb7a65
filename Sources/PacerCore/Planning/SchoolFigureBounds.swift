import GLPK

/// Proven figures in school terms (plan.json's `proven`, `ProvenFigures`): the most wanted
/// workshops any plan could give, and the fewest sessions that could give the plan's workshops.
///
/// Both come from the counted model of the lower bound (`LowerBound.countedModel()`, the same
/// pools, slots and rules' rows) with another objective. Every plan is a solution of the counted
/// model whose seats are at least its wanted workshops given (a pool's seats are capped by its
/// wanted workshops, so a student's extra workshops are never counted twice) and whose runs are its
/// sessions, so:
/// - **workshops at most**: maximise Σ seats; the best bound GLPK proves, rounded down, is at
///   least every plan's workshops given;
/// - **a subject's workshops at most**: the same with the seats of the pools on the subject's
///   objectives only (a pool is one objective's, so its seats count a student's workshops in that
///   subject, capped by those wanted);
/// - **sessions at least**: minimise Σ runs with Σ seats ≥ the plan's workshops given; the best
///   bound, rounded up, is at most the sessions of every plan that gives as many.
/// Each solve is budgeted as the bound's (`LowerBound.bestBound`: counted work, the deadline a
/// safety net).
struct SchoolFigureBounds {
    let bound: LowerBound

    init(scenario: Scenario, demands: [Demand]) {
        bound = LowerBound(scenario: scenario, demands: demands)
    }

    struct Outcome {
        /// Nil when the first LP did not finish (its work or the clock ran out).
        let figures: ProvenFigures?
        /// Work spent by both solves, in `LowerBound.Outcome.work`'s units.
        let work: Double
        /// Whether the wall clock cut a solve short: the figures may then differ from run to run.
        let stoppedByClock: Bool
    }

    /// The figures for a plan that gives `served` wanted workshops, each solve spending at most
    /// `work` on nodes (and `nodeLimit` nodes), and their LPs together at most `lpWork`, each what
    /// the ones before it left (a figure whose LP needs more is left unproven, the same on every
    /// machine). `sessionsAtLeast` is nil, and a subject left out, when its solve did not finish.
    /// `model`, when given, is the bound's counted model, already solved: its objective is replaced
    /// (so it serves nothing else afterwards) and GLPK starts from its last basis, which spares the
    /// large schools a cold LP per figure (the high school's takes half a minute).
    func solve(model given: CountedModel? = nil, served: Int, work: Double = LowerBound.work, lpWork: Double = .infinity, nodeLimit: Int = 1_000,
               deadline: ContinuousClock.Instant, stop: StopToken?) throws -> Outcome {
        let model = try given ?? bound.countedModel()
        let problem = model.problem
        let wanted = bound.demands.reduce(0) { $0 + max(0, $1.wanted) }
        guard problem.numberOfColumns > 0 else {
            // Nobody can be seated anywhere: no plan gives a workshop or opens a session.
            return Outcome(figures: ProvenFigures(workshopsAtMost: 0, sessionsAtLeast: 0), work: 0, stoppedByClock: false)
        }
        let seats = model.slots.flatMap(\.seatings).map(\.column)
        let runs = model.slots.flatMap(\.runs).map(\.column)

        try problem.setObjectiveConstant(0)
        for c in 0..<problem.numberOfColumns { try problem.setObjective(Column(index: c), 0) }
        for column in seats { try problem.setObjective(column, 1) }
        problem.direction = .maximize
        var spent = 0.0, byClock = false
        /// The best bound within what is left of `lpWork`, counting its work and whether the clock cut it.
        func bestBound() throws -> LowerBound.Outcome? {
            let attempt = try LowerBound.bestBound(of: problem, work: work, lpWork: max(0, lpWork - spent), nodeLimit: nodeLimit,
                                                   deadline: deadline, stop: stop)
            spent += attempt.work
            byClock = byClock || attempt.stoppedByClock
            return attempt.outcome
        }
        guard let most = try bestBound() else { return Outcome(figures: nil, work: spent, stoppedByClock: byClock) }
        let workshopsAtMost = min(wanted, Int((most.value + 1e-6).rounded(.down)))

        var bySubject: [ProvenFigures.SubjectBound] = []
        let seatsBySubject = Dictionary(grouping: model.slots.flatMap(\.seatings)) { model.pools[$0.pool].objective.subject }
        let wantedBySubject = bound.demands.reduce(into: [SubjectID: Int]()) { $0[$1.subject, default: 0] += max(0, $1.wanted) }
        for subject in bound.scenario.subjects {
            guard let subjectWanted = wantedBySubject[subject.id], subjectWanted > 0 else { continue }
            let ownSeats = Set((seatsBySubject[subject.id] ?? []).map(\.column))
            for column in seats { try problem.setObjective(column, ownSeats.contains(column) ? 1 : 0) }
            guard let subjectMost = try bestBound() else { continue }
            bySubject.append(.init(subject: subject.id, workshopsAtMost: min(subjectWanted, Int((subjectMost.value + 1e-6).rounded(.down)))))
        }
        guard served > 0 else {
            return Outcome(figures: ProvenFigures(workshopsAtMost: workshopsAtMost, sessionsAtLeast: 0, bySubject: bySubject), work: spent,
                           stoppedByClock: byClock)
        }

        for column in seats { try problem.setObjective(column, 0) }
        for column in runs { try problem.setObjective(column, 1) }
        problem.direction = .minimize
        try problem.addRow(name: "served", bounds: .lower(Double(served)), terms: seats.map { ($0, 1) })
        let sessionsAtLeast = try bestBound().map { Int(($0.value - 1e-6).rounded(.up)) }
        return Outcome(figures: ProvenFigures(workshopsAtMost: workshopsAtMost, sessionsAtLeast: sessionsAtLeast, bySubject: bySubject),
                       work: spent, stoppedByClock: byClock)
    }
}
