extension Term {
    /// A plan made from the term's state, with the rules it breaks when checked against the state it
    /// was made from (none, unless Pacer has a bug: such a plan cannot be published).
    public struct Planned: Sendable {
        public var result: PlanResult
        /// What it was planned from: what `publish` checks again against the state as it is then.
        public let context: PlanningContext
        public let violations: [PlanVerifier.Violation]
    }

    /// Plans the week whose first day is `weekOf` from where students stand in the state (their
    /// current objectives, waits and what they received), then verifies it.
    public func planWeek(weekOf: SchoolDate, options: PlanOptions, stop: StopToken? = nil,
                         progress: (@Sendable (PlanProgress) -> Void)? = nil, log: (@Sendable (String) -> Void)? = nil,
                         startedAt: ContinuousClock.Instant? = nil) throws -> Planned {
        let context = try store.weekContext(scenario, weekOf: weekOf)
        var result = try Planner.plan(context, options: options, stop: stop, progress: progress, log: log, startedAt: startedAt)
        result.plan.header.date = weekOf.text
        result.plan.header.fromState = true
        return Planned(result: result, context: context, violations: PlanVerifier(context: context).violations(of: result.plan))
    }

    /// Regroups `date` on top of the published plan after the latest checks, then verifies it
    /// against the state it was made from (checks recorded meanwhile are for `publish` to weigh).
    /// The plan carries the day's next revision.
    public func regroup(_ date: SchoolDate, options: PlanOptions, stop: StopToken? = nil,
                        progress: (@Sendable (PlanProgress) -> Void)? = nil,
                        startedAt: ContinuousClock.Instant? = nil) throws -> Planned {
        let context = try store.dayContext(scenario, date: date)
        var result = try Planner.plan(context, options: options, date: date, stop: stop, progress: progress, startedAt: startedAt)
        result.plan.header.revision = try store.nextRevision(of: date)
        return Planned(result: result, context: context, violations: PlanVerifier(context: context).violations(of: result.plan))
    }
}
