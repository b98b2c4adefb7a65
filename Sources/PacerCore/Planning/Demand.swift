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
    /// The live requests a workshop of this demand could meet (`PlanningContext.requestGoals`): for
    /// a workshop or a check on the objective, and for time with a teacher who may run it (a
    /// student's request for a teacher rides on each of their demands the teacher could serve).
    /// The **unmet requests** term, priced apart from `weight`, once per goal however many
    /// demands carry it (`ObjectiveTerms.goals`).
    var goals: [RequestGoal] = []

    /// The week's demands, in student then subject order. `waitedDays` (from the term's history,
    /// when there is one, per student and subject) raises the weight of those who have waited longer.
    static func all(_ scenario: Scenario, waitedDays: [StudentID: [SubjectID: Int]] = [:]) -> [Demand] {
        all(PlanningContext(scenario: scenario, waitedDays: waitedDays))
    }

    static func all(_ context: PlanningContext) -> [Demand] {
        let scenario = context.scenario
        var result: [Demand] = []
        var goals: [StudentObjective: [RequestGoal]] = [:], withTeacher: [StudentID: [RequestGoal]] = [:]
        for goal in context.requestGoals {
            switch goal.metBy {
            case let .objective(id), let .check(id): goals[StudentObjective(goal.student, id), default: []].append(goal)
            case .teacher: withTeacher[goal.student, default: []].append(goal)
            }
        }
        let teacherAt = Dictionary(scenario.teachers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for student in scenario.students {
            for subject in scenario.subjects {
                guard let id = student.current[subject.id], let objective = scenario.objective(id) else { continue }
                let wanted = context.wanted(student.id, subject.id, objective: objective)
                if wanted > 0 {
                    let need = context.need(of: student, in: subject.id)
                    let mine = (goals[StudentObjective(student.id, id)] ?? [])
                        + (withTeacher[student.id] ?? []).filter { goal in goal.teacher.flatMap { teacherAt[$0] }?.mayRun(id) == true }
                    result.append(Demand(student: student.id, subject: subject.id, objective: id, wanted: wanted,
                                         weight: need.weight(scenario.policy), need: need, goals: mine.sorted { $0.request < $1.request }))
                }
            }
        }
        return result
    }
}
