/// What one student needs in one subject this week: workshops on their current objective.
struct Demand: Sendable {
    let student: StudentID
    let subject: SubjectID
    let objective: ObjectiveID
    /// Workshops wanted: the objective's `workshops_per_week`, at most one per school day.
    let wanted: Int
    /// Cost of each workshop not received: the need's weight (`Need.weight`).
    let weight: Double
    /// How much the student needs the subject, in its parts (for the unserved reasons).
    var need = Need()
    /// The live requests for a workshop or a check on the objective this plan could meet
    /// (`PlanningContext.requestGoals`): the **unmet requests** term, priced apart from `weight`.
    var goals: [RequestGoal] = []

    /// The week's demands, in student then subject order. `waitedDays` (from the term's history,
    /// when there is one, per student and subject) raises the weight of those who have waited longer.
    static func all(_ scenario: Scenario, waitedDays: [StudentID: [SubjectID: Int]] = [:]) -> [Demand] {
        all(PlanningContext(scenario: scenario, waitedDays: waitedDays))
    }

    static func all(_ context: PlanningContext) -> [Demand] {
        let scenario = context.scenario
        var result: [Demand] = []
        let goals = Dictionary(grouping: context.requestGoals) { StudentObjective($0.student, $0.objective) }
        for student in scenario.students {
            for subject in scenario.subjects {
                guard let id = student.current[subject.id], let objective = scenario.objective(id) else { continue }
                let wanted = context.wanted(student.id, subject.id, objective: objective)
                if wanted > 0 {
                    let need = context.need(of: student, in: subject.id)
                    result.append(Demand(student: student.id, subject: subject.id, objective: id, wanted: wanted,
                                         weight: need.weight(scenario.policy), need: need, goals: goals[StudentObjective(student.id, id)] ?? []))
                }
            }
        }
        return result
    }
}
