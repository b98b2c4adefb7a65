extension PlanVerifier {
    /// The verifier for `plan`: a week plan from students.csv is checked against the scenario; a
    /// week planned from the state, and a regrouped day, against the same state (the day as it
    /// stood when the plan was made: the plan says which published sessions it started from).
    /// Building the context is all this takes from the planner's side; the checks stay the
    /// verifier's own.
    public static func checking(_ plan: WeekPlan, scenario: Scenario) throws -> PlanVerifier {
        if plan.header.kind == .week, plan.header.fromState == true, let weekOf = plan.header.date.flatMap(SchoolDate.init) {
            return PlanVerifier(context: try StateStore.existing(for: scenario).weekContext(scenario, weekOf: weekOf))
        }
        guard plan.header.kind == .day, let date = plan.header.date.flatMap(SchoolDate.init) else {
            return PlanVerifier(scenario: scenario)
        }
        var context = try StateStore.existing(for: scenario).dayContext(scenario, date: date)
        // Once the plan is published itself, the database's latest publication for the day is the plan.
        if let published = plan.published { context.published = published }
        return PlanVerifier(context: context)
    }
}
