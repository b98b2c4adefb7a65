import GLPK

/// Improves a plan with two moves, each kept only when the objective (PlanEvaluator) goes down:
/// - close a session by moving each of its students into another session of the same objective
///   that has a free seat and fits their week (saves the session and its empty seats);
/// - seat a student who is short of workshops in a session of their objective with a free seat.
/// Sessions are visited in a fixed order, so the result depends only on the input.
struct LocalSearch {
    let scenario: Scenario
    let demands: [Demand]
    /// A regrouped day's published sessions: changes to them cost `plan_change`.
    var published: [PlannedSession] = []

    func improve(_ start: [PlannedSession], stop: StopToken? = nil, deadline: ContinuousClock.Instant? = nil) -> [PlannedSession] {
        func late() -> Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
        var sessions = start
        var cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
        let rules = RuleCatalogue(scenario)
        let school = rules.school
        var plan = Occupancy(school, sessions: sessions)
        let capacity = Dictionary(scenario.rooms.map { ($0.id, $0.capacity) }, uniquingKeysWith: { first, _ in first })
        func seats(_ s: PlannedSession) -> Int {
            min(scenario.objective(s.objective)?.maxGroup ?? 0, capacity[s.room] ?? 0)
        }
        /// Whether `student` may join `target` in `plan` (as the rule catalogue admits it).
        func fits(_ student: StudentID, _ target: PlannedSession, in plan: Occupancy) -> Bool {
            guard target.students.count < seats(target), !target.students.contains(student),
                  let s = school.studentAt[student], let b = school.blockAt[target.block],
                  let objective = scenario.objective(target.objective),
                  rules.admits(student: s, attending: objective, in: b, plan) else { return false }
            return rules.allows(student: s, joining: target.students.compactMap { school.studentAt[$0] })
        }

        var improved = true
        while improved && stop?.isStopped != true && !late() {
            improved = false
            // Move 1: close small sessions, smallest first.
            let order = sessions.indices.sorted { (sessions[$0].students.count, sessions[$0].id) < (sessions[$1].students.count, sessions[$1].id) }
            for index in order {
                if late() { break }
                var trial = sessions, trialPlan = plan
                trialPlan.remove(sessions[index])
                var placedAll = true
                for student in sessions[index].students {
                    let target = trial.indices.first {
                        $0 != index && trial[$0].objective == sessions[index].objective && fits(student, trial[$0], in: trialPlan)
                    }
                    guard let target else { placedAll = false; break }
                    trialPlan.add(student, to: trial[target])
                    trial[target].students = (trial[target].students + [student]).sorted()
                }
                guard placedAll else { continue }
                trial.remove(at: index)
                let newCost = PlanEvaluator.cost(of: trial, demands: demands, scenario: scenario, published: published).total
                if newCost < cost - 1e-9 {
                    sessions = trial
                    plan = trialPlan
                    cost = newCost
                    improved = true
                    break  // indices changed; start the pass again
                }
            }
            if improved { continue }
            // Move 2: seat students who are short of workshops.
            var got: [StudentSubject: Int] = [:]
            for s in sessions { for st in s.students { got[StudentSubject(st, s.subject), default: 0] += 1 } }
            for demand in demands where (got[StudentSubject(demand.student, demand.subject)] ?? 0) < demand.wanted {
                for target in sessions.indices where sessions[target].objective == demand.objective
                    && fits(demand.student, sessions[target], in: plan) {
                    var trial = sessions
                    trial[target].students = (trial[target].students + [demand.student]).sorted()
                    let newCost = PlanEvaluator.cost(of: trial, demands: demands, scenario: scenario, published: published).total
                    if newCost < cost - 1e-9 {
                        plan.add(demand.student, to: sessions[target])
                        sessions = trial
                        cost = newCost
                        improved = true
                        break
                    }
                }
            }
        }
        return sessions
    }
}
