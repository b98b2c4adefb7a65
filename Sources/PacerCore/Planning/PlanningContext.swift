/// What a plan is made for: the scenario and, for a regrouped day, what the term's state adds.
/// The planner and `pacer verify` both read it; neither derives it from the other.
public struct PlanningContext: Sendable {
    public var scenario: Scenario
    /// Days each student has waited since their last workshop on their current objective.
    public var waitedDays: [StudentID: Int] = [:]
    /// Workshops still wanted, per student and subject, replacing `min(workshops_per_week, days)`.
    public var wanted: [StudentID: [SubjectID: Int]]?
    /// The published sessions a regrouped day starts from; each change to them costs `plan_change`.
    public var published: [PlannedSession] = []

    public init(scenario: Scenario, waitedDays: [StudentID: Int] = [:]) {
        self.scenario = scenario
        self.waitedDays = waitedDays
    }

    /// The context of one school day: each student wants a workshop today on their current
    /// objective while its weekly count exceeds `covered` (workshops received or still planned this
    /// week), and weighs in with the longest of `waited` over their objectives. Both look up a
    /// student on an objective.
    static func day(
        _ scenario: Scenario, current: [StudentID: [SubjectID: ObjectiveID]],
        covered: (StudentObjective) -> Int, waited: (StudentObjective) -> Int
    ) -> PlanningContext {
        var wanted: [StudentID: [SubjectID: Int]] = [:]
        var waitedDays: [StudentID: Int] = [:]
        for (student, subjects) in current {
            for (subject, objective) in subjects {
                let key = StudentObjective(student, objective)
                let perWeek = scenario.objective(objective)?.workshopsPerWeek ?? 0
                wanted[student, default: [:]][subject] = max(0, min(1, perWeek - covered(key)))
                waitedDays[student] = max(waitedDays[student] ?? 0, waited(key))
            }
        }
        var context = PlanningContext(scenario: scenario, waitedDays: waitedDays)
        context.wanted = wanted
        return context
    }

    /// Workshops the student wants in the subject, before any are planned.
    func wanted(_ student: StudentID, _ subject: SubjectID, objective: Objective) -> Int {
        if let wanted { return wanted[student]?[subject] ?? 0 }
        return min(objective.workshopsPerWeek, scenario.calendar.days.count)
    }
}
