/// Planning from the term's state, as `pacer plan --week-of`, `pacer regroup` and the portal's
/// scheduler buttons do it: one place that reads the state, plans and stamps the plan.
extension StateStore {
    /// Plans the week whose first day falls on `weekOf` from where students stand in the state.
    public func planWeek(_ scenario: Scenario, weekOf: SchoolDate, options: PlanOptions, stop: StopToken? = nil,
                         progress: (@Sendable (PlanProgress) -> Void)? = nil, log: (@Sendable (String) -> Void)? = nil,
                         startedAt: ContinuousClock.Instant? = nil) throws -> (result: PlanResult, context: PlanningContext) {
        let context = try weekContext(scenario, weekOf: weekOf)
        var result = try Planner.plan(context, options: options, stop: stop, progress: progress, log: log, startedAt: startedAt)
        result.plan.header.date = weekOf.text
        result.plan.header.fromState = true
        return (result, context)
    }

    /// Regroups `date` on top of the published plan after the latest checks; the plan carries the
    /// day's next revision.
    public func regroup(_ scenario: Scenario, date: SchoolDate, options: PlanOptions, stop: StopToken? = nil,
                        progress: (@Sendable (PlanProgress) -> Void)? = nil,
                        startedAt: ContinuousClock.Instant? = nil) throws -> (result: PlanResult, context: PlanningContext) {
        let context = try dayContext(scenario, date: date)
        var result = try Planner.plan(context, options: options, date: date, stop: stop, progress: progress, startedAt: startedAt)
        result.plan.header.revision = try nextRevision(of: date)
        return (result, context)
    }
}
