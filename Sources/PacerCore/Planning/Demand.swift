/// What one student needs in one subject this week: workshops on their current objective.
struct Demand: Sendable {
    let student: StudentID
    let subject: SubjectID
    let objective: ObjectiveID
    /// Workshops wanted: the objective's `workshops_per_week`, at most one per school day.
    let wanted: Int
    /// Cost of each workshop not received (policy: unmet_workshop × priority factor + waiting).
    let weight: Double

    /// The week's demands, in student then subject order. `waitedDays` (from the term's history,
    /// when there is one) raises the weight of students who have waited longer.
    static func all(_ scenario: Scenario, waitedDays: [StudentID: Int] = [:]) -> [Demand] {
        all(PlanningContext(scenario: scenario, waitedDays: waitedDays))
    }

    static func all(_ context: PlanningContext) -> [Demand] {
        let scenario = context.scenario, waitedDays = context.waitedDays
        let policy = scenario.policy
        var result: [Demand] = []
        for student in scenario.students {
            let factor = student.flags.contains(.priority) ? policy.priorityFactor : 1
            let weight = policy.unmetWorkshop * factor + policy.waitingPerDay * Double(waitedDays[student.id] ?? 0)
            for subject in scenario.subjects {
                guard let id = student.current[subject.id], let objective = scenario.objective(id) else { continue }
                let wanted = context.wanted(student.id, subject.id, objective: objective)
                if wanted > 0 {
                    result.append(Demand(student: student.id, subject: subject.id, objective: id, wanted: wanted, weight: weight))
                }
            }
        }
        return result
    }
}
