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

    public init(request: Int64, student: StudentID, objective: ObjectiveID, days: [DayID], period: PeriodID? = nil, weight: Double) {
        self.request = request
        self.student = student
        self.objective = objective
        self.days = days
        self.period = period
        self.weight = weight
    }

    /// Whether a workshop of the student's on `objective` on `day`, in `period`, meets it.
    func isMet(by objective: ObjectiveID, on day: DayID, in period: PeriodID?) -> Bool {
        objective == self.objective && days.contains(day) && (self.period == nil || self.period == period)
    }
}
