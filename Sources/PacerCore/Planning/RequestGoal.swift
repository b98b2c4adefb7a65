/// A live request a plan could serve (docs/requests.md, "How plans weigh a request"): a workshop
/// or a mastery check on the student's current objective, not a conflict's loser, asked for a date
/// the plan covers. It is the **unmet requests** term's unit (`ObjectiveTerms`): it costs `weight`
/// once when the plan gives the student no workshop on `objective` on one of `days` (in a block of
/// `period`, for a request for one flex block), and nothing once it does, however many it gives.
public struct RequestGoal: Sendable, Hashable {
    /// The request's id in the state.
    public var request: Int64
    public var student: StudentID
    public var objective: ObjectiveID
    /// The plan's days the request may be met on (those of its dates the plan covers), in the
    /// calendar's order.
    public var days: [DayID]
    /// The flex period asked for, or nil for any block of the days.
    public var period: PeriodID?
    /// Its priority's weight (`RequestPriorities`).
    public var weight: Double
    /// A mastery-check request: besides a workshop on the objective, a check slot meets it, the
    /// student seated in study with a teacher who may run the objective (`CheckSlots`).
    public var check: Bool

    public init(request: Int64, student: StudentID, objective: ObjectiveID, days: [DayID], period: PeriodID? = nil, weight: Double,
                check: Bool = false) {
        self.request = request
        self.student = student
        self.objective = objective
        self.days = days
        self.period = period
        self.weight = weight
        self.check = check
    }

    /// Whether a workshop of the student's on `objective` on `day`, in `period`, meets it.
    func isMet(by objective: ObjectiveID, on day: DayID, in period: PeriodID?) -> Bool {
        objective == self.objective && days.contains(day) && (self.period == nil || self.period == period)
    }

    /// Whether a check slot on `objective` on `day`, in `period`, meets it: a check request's only.
    func isMet(byCheckOn objective: ObjectiveID, on day: DayID, in period: PeriodID?) -> Bool {
        check && isMet(by: objective, on: day, in: period)
    }
}

extension PlanningContext {
    /// The goals a plan of this context could meet at all: each keeps the days with a flex block
    /// (of its period, when it asks for one) where the rule catalogue permits the student on the
    /// objective (neither unavailable nor recorded away), a teacher to run it (qualified, there)
    /// and a room to host it (features, there): `RuleCatalogue.servingObstacle`. A goal left with
    /// no day, or whose student is not on the roster, is dropped. No plan could meet it, so pricing
    /// it would only add a constant that no bound counts, and the gap would grow by its weight.
    func meetable(_ goals: [RequestGoal]) -> [RequestGoal] {
        guard !goals.isEmpty else { return [] }
        let rules = RuleCatalogue(scenario), school = rules.school
        return goals.compactMap { goal in
            guard let s = school.studentAt[goal.student], let objective = scenario.objective(goal.objective) else { return nil }
            var kept = goal
            kept.days = goal.days.filter { day in
                let blocks = school.blocks.indices.filter { b in
                    school.blocks[b].day == day && (goal.period.map { $0 == school.blocks[b].period } ?? true)
                }
                return rules.servingObstacle(student: s, attending: objective, in: blocks) == nil
            }
            return kept.days.isEmpty ? nil : kept
        }
    }
}
