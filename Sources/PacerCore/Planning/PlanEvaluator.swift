/// The planner's own reckoning of a plan's objective (docs/model.md). `pacer verify` recomputes it
/// separately, and the reference model's objective must agree with both.
enum PlanEvaluator {
    static func cost(of sessions: [PlannedSession], demands: [Demand], scenario: Scenario, published: [PlannedSession] = []) -> PlanCost {
        let policy = scenario.policy
        var attended: [StudentID: [SubjectID: Int]] = [:]
        var teachersSeen: [StudentID: [SubjectID: Set<TeacherID>]] = [:]
        var emptySeats = 0.0
        var keepApartPairs = 0
        let keepApart = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, Set($0.keepApart)) })
        for session in sessions {
            let maxGroup = scenario.objective(session.objective)?.maxGroup ?? session.students.count
            emptySeats += Double(max(0, maxGroup - session.students.count))
            for (i, s) in session.students.enumerated() {
                attended[s, default: [:]][session.subject, default: 0] += 1
                teachersSeen[s, default: [:]][session.subject, default: []].insert(session.teacher)
                for other in session.students[(i + 1)...] where keepApart[s]?.contains(other) == true {
                    keepApartPairs += 1
                }
            }
        }
        var unmet = 0.0
        var changes = 0
        for demand in demands {
            let got = attended[demand.student]?[demand.subject] ?? 0
            unmet += demand.weight * Double(max(0, demand.wanted - got))
            changes += max(0, (teachersSeen[demand.student]?[demand.subject]?.count ?? 0) - 1)
        }
        let terms = PlanCost(
            unmetWorkshops: unmet, sessions: policy.session * Double(sessions.count),
            emptySeats: policy.emptySeat * emptySeats, teacherChanges: policy.teacherChange * Double(changes),
            keepApart: policy.keepApart.price * Double(keepApartPairs),
            planChanges: published.isEmpty ? nil : policy.planChange * Double(planChanges(sessions, published: published)), total: 0)
        var cost = terms
        cost.total = terms.unmetWorkshops + terms.sessions + terms.emptySeats + terms.teacherChanges + terms.keepApart
            + (terms.planChanges ?? 0)
        return cost
    }
}
