/// A live request a plan could serve (docs/requests.md, "How plans weigh a request"): a workshop
/// or a mastery check on the student's current objective, or time with a named teacher, not a
/// conflict's loser, asked for a date the plan covers. It is the **unmet requests** term's unit
/// (`ObjectiveTerms`): it costs `weight` once when the plan gives the student no workshop that
/// meets it (`metBy`) on one of `days` (in a block of `period`, for a request for one flex block),
/// and nothing once it does, however many it gives.
public struct RequestGoal: Sendable, Hashable {
    /// What kind of workshop meets a goal.
    public enum MetBy: Sendable, Hashable {
        /// A workshop on this objective (a workshop request).
        case objective(ObjectiveID)
        /// A workshop on this objective, or a check slot on it during independent study
        /// (`CheckSlots`): a mastery-check request.
        case check(ObjectiveID)
        /// A workshop this teacher runs, on the student's current objective of any subject (time
        /// with a named teacher).
        case teacher(TeacherID)
    }

    /// The request's id in the state.
    public var request: Int64
    public var student: StudentID
    public var metBy: MetBy
    /// The plan's days the request may be met on (those of its dates the plan covers), in the
    /// calendar's order.
    public var days: [DayID]
    /// The flex period asked for, or nil for any block of the days.
    public var period: PeriodID?
    /// Its priority's weight (`RequestPriorities`).
    public var weight: Double

    public init(request: Int64, student: StudentID, metBy: MetBy, days: [DayID], period: PeriodID? = nil, weight: Double) {
        self.request = request
        self.student = student
        self.metBy = metBy
        self.days = days
        self.period = period
        self.weight = weight
    }

    /// A goal met by a workshop on `objective`.
    public init(request: Int64, student: StudentID, objective: ObjectiveID, days: [DayID], period: PeriodID? = nil, weight: Double) {
        self.init(request: request, student: student, metBy: .objective(objective), days: days, period: period, weight: weight)
    }

    /// A goal met by a workshop `teacher` runs.
    public init(request: Int64, student: StudentID, teacher: TeacherID, days: [DayID], period: PeriodID? = nil, weight: Double) {
        self.init(request: request, student: student, metBy: .teacher(teacher), days: days, period: period, weight: weight)
    }

    /// The objective whose workshop (or check slot) meets it, or nil for time with a teacher.
    public var objective: ObjectiveID? {
        switch metBy {
        case let .objective(id), let .check(id): id
        case .teacher: nil
        }
    }

    /// The teacher whose workshop meets it, or nil for a workshop or a check.
    public var teacher: TeacherID? {
        if case let .teacher(id) = metBy { id } else { nil }
    }

    /// Whether a workshop of the student's on `objective`, run by `teacher`, on `day`, in
    /// `period`, meets it.
    func isMet(by objective: ObjectiveID, teacher: TeacherID, on day: DayID, in period: PeriodID?) -> Bool {
        let what = switch metBy {
        case let .objective(id), let .check(id): id == objective
        case let .teacher(id): id == teacher
        }
        return what && asks(on: day, in: period)
    }

    /// Whether a check slot on `objective` on `day`, in `period`, meets it: a check request's only.
    func isMet(byCheckOn objective: ObjectiveID, on day: DayID, in period: PeriodID?) -> Bool {
        guard case let .check(id) = metBy else { return false }
        return id == objective && asks(on: day, in: period)
    }

    /// Whether a place on `day`, in a block of `period`, is when it asks for.
    func asks(on day: DayID, in period: PeriodID?) -> Bool {
        days.contains(day) && (self.period == nil || self.period == period)
    }

    /// A mastery-check request (`MetBy.check`).
    public var isCheck: Bool {
        if case .check = metBy { true } else { false }
    }
}

extension PlanningContext {
    /// The goals a plan of this context could meet at all: each keeps the days with a flex block
    /// (of its period, when it asks for one) where the rule catalogue permits the student on the
    /// objective (neither unavailable nor recorded away), a teacher to run it (qualified, there)
    /// and a room to host it (features, there): `RuleCatalogue.servingObstacle`. For time with a
    /// teacher, the objective is any of the student's current ones, and the teacher is the one
    /// named. A goal left with no day, or whose student is not on the roster, is dropped. No plan
    /// could meet it, so pricing it would only add a constant that no bound counts, and the gap
    /// would grow by its weight.
    func meetable(_ goals: [RequestGoal]) -> [RequestGoal] {
        guard !goals.isEmpty else { return [] }
        let rules = RuleCatalogue(scenario), school = rules.school
        return goals.compactMap { goal in
            guard let s = school.studentAt[goal.student] else { return nil }
            let (objectives, teacher): ([Objective], Int?) = switch goal.metBy {
            case let .objective(id), let .check(id): (scenario.objective(id).map { [$0] } ?? [], nil)
            case let .teacher(id): (school.teacherAt[id] == nil ? [] : school.students[s].current.values.sorted { $0.rawValue < $1.rawValue }.compactMap(scenario.objective),
                                    school.teacherAt[id])
            }
            guard !objectives.isEmpty else { return nil }
            var kept = goal
            kept.days = goal.days.filter { day in
                let blocks = school.blocks.indices.filter { b in
                    school.blocks[b].day == day && (goal.period.map { $0 == school.blocks[b].period } ?? true)
                }
                return objectives.contains { rules.servingObstacle(student: s, attending: $0, in: blocks, by: teacher) == nil }
            }
            return kept.days.isEmpty ? nil : kept
        }
    }
}
