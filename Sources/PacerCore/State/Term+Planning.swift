extension Term {
    /// A plan made from the term's state, with the rules it breaks when checked against the state it
    /// was made from (none, unless Pacer has a bug: such a plan cannot be published), and why
    /// students it leaves out cannot be served at all.
    public struct Planned: Sendable {
        public var result: PlanResult
        /// What it was planned from: what `publish` checks again against the state as it is then.
        public let context: PlanningContext
        public let violations: [PlanVerifier.Violation]
        /// Students no workshop can take under the hard rules, with the smallest changes that would
        /// serve them (see `Term.explanation`); nil when there was no time to look.
        public let impossibilities: [Impossibility]?
    }

    /// Why students cannot be served under the hard rules in the plan `result` made from `context`
    /// (`ElasticModel.explain`), within what is left of `timeLimit` seconds counted from `startedAt`
    /// (`ElasticModel.explanationBudget`); nil when the search was interrupted or no time is left.
    /// The one explanation of a plan: the week and the day planned from the state, and a week from
    /// students.csv.
    public static func explanation(of result: PlanResult, context: PlanningContext, timeLimit: Double,
                                   startedAt: ContinuousClock.Instant) -> [Impossibility]? {
        guard !result.interrupted, let budget = ElasticModel.explanationBudget(
            timeLimit: timeLimit, elapsed: (ContinuousClock.now - startedAt).seconds, planSeconds: result.seconds)
        else { return nil }
        return ElasticModel.explain(context, timeLimit: budget)
    }

    /// Plans the week whose first day is `weekOf` from where students stand in the state (their
    /// current objectives, waits and what they received), then verifies and explains it.
    public func planWeek(weekOf: SchoolDate, options: PlanOptions, stop: StopToken? = nil,
                         progress: (@Sendable (PlanProgress) -> Void)? = nil, log: (@Sendable (String) -> Void)? = nil,
                         startedAt: ContinuousClock.Instant? = nil) throws -> Planned {
        let started = startedAt ?? .now
        let scenario = self.scenario
        let (context, mark) = try store.read { db in
            let context = try store.weekContext(db, scenario: scenario, weekOf: weekOf)
            return (context, try StateStore.mark(db, context: context))
        }
        var result = try Planner.plan(context, options: options, stop: stop, progress: progress, log: log, startedAt: startedAt)
        result.plan.header.date = weekOf.text
        result.plan.header.fromState = true
        result.plan.header.madeFrom = mark
        return Planned(result: result, context: context, violations: PlanVerifier(context: context).violations(of: result.plan),
                       impossibilities: Self.explanation(of: result, context: context, timeLimit: options.timeLimit, startedAt: started))
    }

    /// Regroups `date` on top of the published plan after the latest checks, then verifies it
    /// against the state it was made from (checks recorded meanwhile are for `publish` to weigh)
    /// and explains it. The plan carries the day's next revision.
    public func regroup(_ date: SchoolDate, options: PlanOptions, stop: StopToken? = nil,
                        progress: (@Sendable (PlanProgress) -> Void)? = nil,
                        startedAt: ContinuousClock.Instant? = nil) throws -> Planned {
        let started = startedAt ?? .now
        let (context, mark) = try store.read { db in
            let context = try store.dayContext(db, scenario: scenario, date: date)
            return (context, try StateStore.mark(db, context: context))
        }
        var result = try Planner.plan(context, options: options, date: date, stop: stop, progress: progress, startedAt: startedAt)
        result.plan.header.revision = try store.nextRevision(of: date)
        // What the day was planned from: `pacer verify` weighs the requests live then.
        result.plan.header.madeFrom = mark
        return Planned(result: result, context: context, violations: PlanVerifier(context: context).violations(of: result.plan),
                       impossibilities: Self.explanation(of: result, context: context, timeLimit: options.timeLimit, startedAt: started))
    }
}
