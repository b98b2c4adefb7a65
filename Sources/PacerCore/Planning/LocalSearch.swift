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
        let students = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0) })
        let capacity = Dictionary(uniqueKeysWithValues: scenario.rooms.map { ($0.id, $0.capacity) })
        func seats(_ s: PlannedSession) -> Int {
            min(scenario.objective(s.objective)?.maxGroup ?? 0, capacity[s.room] ?? 0)
        }
        /// Whether `student` may join `plan[target]` if the session at `ignoring` were gone.
        func fits(_ student: StudentID, _ target: Int, in plan: [PlannedSession], ignoring: Int?) -> Bool {
            let t = plan[target]
            guard t.students.count < seats(t), !t.students.contains(student),
                  let s = students[student], s.isAvailable(in: t.block),
                  KeepApartRule.allows(apart: Set(s.keepApart), joining: t.students) else { return false }
            for (i, other) in plan.enumerated() where i != ignoring && other.students.contains(student) {
                if other.block == t.block || (other.subject == t.subject && other.day == t.day) { return false }
            }
            return true
        }

        var improved = true
        while improved && stop?.isStopped != true && !late() {
            improved = false
            // Move 1: close small sessions, smallest first.
            let order = sessions.indices.sorted { (sessions[$0].students.count, sessions[$0].id) < (sessions[$1].students.count, sessions[$1].id) }
            for index in order {
                if late() { break }
                var trial = sessions
                var placedAll = true
                for student in sessions[index].students {
                    let target = trial.indices.first {
                        $0 != index && trial[$0].objective == sessions[index].objective
                            && fits(student, $0, in: trial, ignoring: index)
                    }
                    guard let target else { placedAll = false; break }
                    trial[target].students = (trial[target].students + [student]).sorted()
                }
                guard placedAll else { continue }
                trial.remove(at: index)
                let newCost = PlanEvaluator.cost(of: trial, demands: demands, scenario: scenario, published: published).total
                if newCost < cost - 1e-9 {
                    sessions = trial
                    cost = newCost
                    improved = true
                    break  // indices changed; start the pass again
                }
            }
            if improved { continue }
            // Move 2: seat students who are short of workshops.
            var got: [String: Int] = [:]
            for s in sessions { for st in s.students { got["\(st)|\(s.subject)", default: 0] += 1 } }
            for demand in demands where (got["\(demand.student)|\(demand.subject)"] ?? 0) < demand.wanted {
                for target in sessions.indices where sessions[target].objective == demand.objective
                    && fits(demand.student, target, in: sessions, ignoring: nil) {
                    var trial = sessions
                    trial[target].students = (trial[target].students + [demand.student]).sorted()
                    let newCost = PlanEvaluator.cost(of: trial, demands: demands, scenario: scenario, published: published).total
                    if newCost < cost - 1e-9 {
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
