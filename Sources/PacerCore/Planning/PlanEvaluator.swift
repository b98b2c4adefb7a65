/// The planner's own reckoning of a plan's objective (docs/model.md): it counts what the plan holds
/// and `ObjectiveTerms` prices it. `pacer verify` recomputes it separately, and the reference
/// model's objective must agree with both.
enum PlanEvaluator {
    /// `study`: the plan's study groups once placed (`StudyPlacer`), which the study changes count;
    /// nil while the engines search, which price them at nothing.
    static func cost(
        of sessions: [PlannedSession], demands: [Demand], scenario: Scenario, published: [PlannedSession] = [], study: [StudyGroup]? = nil
    ) -> PlanCost {
        cost(of: sessions, ObjectiveTerms(scenario: scenario, demands: demands, published: published), study: study)
    }

    static func cost(of sessions: [PlannedSession], _ terms: ObjectiveTerms, study: [StudyGroup]? = nil) -> PlanCost {
        var attended: [StudentID: [SubjectID: Int]] = [:]
        var teachersSeen: [StudentID: [SubjectID: Set<TeacherID>]] = [:]
        var tally = ObjectiveTerms.Tally(sessions: sessions.count)
        var met = Set<Int>()
        for session in sessions {
            let maxGroup = terms.maxGroup[session.objective] ?? session.students.count
            tally.emptySeats += Double(max(0, maxGroup - session.students.count))
            for (i, s) in session.students.enumerated() {
                attended[s, default: [:]][session.subject, default: 0] += 1
                teachersSeen[s, default: [:]][session.subject, default: []].insert(session.teacher)
                tally.apartPairs += terms.apartPairs(s, with: session.students[(i + 1)...])
                met.formUnion(terms.goals(metBy: s, in: session))
            }
        }
        for demand in terms.demands {
            tally.unmetWorkshops += terms.unmet(demand, got: attended[demand.student]?[demand.subject] ?? 0)
            tally.teacherChanges += max(0, (teachersSeen[demand.student]?[demand.subject]?.count ?? 0) - 1)
        }
        tally.unplaced = terms.study.unplaced(Occupancy(terms.study.school, sessions: sessions))
        tally.studyChanges = study.map(ObjectiveTerms.studyChanges)
        if !terms.goals.isEmpty {
            for group in study ?? [] { met.formUnion(terms.goals(checkedIn: group)) }
            tally.unmetRequests = terms.goals.indices.reduce(0) { $0 + (met.contains($1) ? 0 : terms.goals[$1].weight) }
        }
        if let published = terms.published {
            let now = Set(sessions.map(\.key))
            tally.planChanges = published.subtracting(now).count + now.subtracting(published).count
        }
        return terms.cost(tally)
    }
}
