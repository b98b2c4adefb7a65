/// What a plan is made for: the scenario and, for a regrouped day, what the term's state adds.
/// The planner and `pacer verify` both read it; neither derives it from the other.
public struct PlanningContext: Sendable {
    public var scenario: Scenario
    /// Days each student has waited in each subject since their last workshop on its current
    /// objective (or since they began it), as of the plan's first day.
    public var waitedDays: [StudentID: [SubjectID: Int]] = [:]
    /// Whole weeks each student is behind the target pace in each subject (`Need.weeksBehind`).
    public var weeksBehind: [StudentID: [SubjectID: Int]] = [:]
    /// The live workshop, check and teacher requests the plan could meet, each priced once when unmet
    /// (`RequestGoal`, docs/requests.md), from the term's state.
    public var requestGoals: [RequestGoal] = []
    /// Workshops still wanted, per student and subject, replacing `min(workshops_per_week, days)`.
    public var wanted: [StudentID: [SubjectID: Int]]?
    /// The published sessions a regrouped day starts from; each change to them costs `plan_change`.
    public var published: [PlannedSession] = []
    /// The published study groups of a regrouped day, when the published plan has them.
    public var publishedStudy: [StudyGroup]?
    /// A regrouped day's published sessions and study in its closed periods: not planned, kept on
    /// the day plan for calendars (`WeekPlan.closedPublished`).
    public var closedPublished: [PlannedSession] = []
    public var closedPublishedStudy: [StudyGroup] = []

    public init(scenario: Scenario, waitedDays: [StudentID: [SubjectID: Int]] = [:], weeksBehind: [StudentID: [SubjectID: Int]] = [:]) {
        self.scenario = scenario
        self.waitedDays = waitedDays
        self.weeksBehind = weeksBehind
    }

    /// School days within which a student who moved on is owed a first workshop on the new objective.
    public static let firstWorkshopWithin = 2

    /// Workshops a student wants over `days` school days: what their objective's weekly count
    /// (`perWeek`) asks for beyond the `covered` workshops, at most one a day. The one rule for a
    /// week (nothing covered yet, every school day) and for a regrouped day (one day).
    static func wanted(perWeek: Int, covered: Int, days: Int) -> Int {
        max(0, min(perWeek - covered, days))
    }

    /// The context of `day` (dated `date`) of `scenario`, cut to that day with the state's current
    /// objectives and absences. What covers a student's weekly count: the workshops `received`
    /// since the week began and those the published week still holds for them on later days
    /// (`plannedLater`, by date). A student who moved on (`movedOn`, by date) is owed a first
    /// workshop on the new objective within `firstWorkshopWithin` school days: until then, a
    /// workshop the week holds for them after that does not count, so that today's plan serves them
    /// when it can (or says why not). Each student's need in a subject counts the days `waited` on
    /// its current objective and the weeks they are `behind` in it. A student a workshop or check
    /// request asks for today (`asked`: `StateStore.requestGoals` for the date) wants a workshop
    /// on its objective today whatever the week has covered: the teacher checks them there
    /// (docs/requests.md). Only the goals the day could meet (`meetable`) count, for that want and
    /// as the context's `requestGoals` alike: one read list, so a request for a block the student
    /// cannot attend neither prices the plan nor makes the student want a workshop. All but
    /// `behind` look up a student on an objective.
    static func day(
        _ scenario: Scenario, _ day: Day, on date: SchoolDate, current: [StudentID: [SubjectID: ObjectiveID]], absences: Absences,
        received: [StudentObjective: Int], plannedLater: [StudentObjective: [SchoolDate]], movedOn: [StudentObjective: SchoolDate],
        waited: (StudentObjective) -> Int, behind: [StudentID: [SubjectID: Int]] = [:], asked: [RequestGoal] = []
    ) -> PlanningContext {
        func covered(_ key: StudentObjective) -> Int {
            let later = plannedLater[key] ?? []
            guard let moved = movedOn[key] else { return (received[key] ?? 0) + later.count }
            let due = scenario.calendar.schoolDay(after: moved, count: firstWorkshopWithin)
            return (received[key] ?? 0) + (date <= due ? later.filter { $0 <= due }.count : later.count)
        }
        var context = PlanningContext(scenario: scenario.day(day, current: current, absences: absences), weeksBehind: behind)
        context.requestGoals = context.meetable(asked)
        // A request for time with a teacher names no subject, so it makes the student want nothing
        // more: it is weighed in the subjects where they still want a workshop today.
        let askedFor = Set(context.requestGoals.compactMap { goal in goal.objective.map { StudentObjective(goal.student, $0) } })
        var wanted: [StudentID: [SubjectID: Int]] = [:]
        var waitedDays: [StudentID: [SubjectID: Int]] = [:]
        for (student, subjects) in current {
            for (subject, objective) in subjects {
                let key = StudentObjective(student, objective)
                let perWeek = scenario.objective(objective)?.workshopsPerWeek ?? 0
                let requested = askedFor.contains(key) ? 1 : 0
                wanted[student, default: [:]][subject] = max(requested, Self.wanted(perWeek: perWeek, covered: covered(key), days: 1))
                waitedDays[student, default: [:]][subject] = waited(key)
            }
        }
        context.waitedDays = waitedDays
        context.wanted = wanted
        return context
    }

    /// Workshops the student wants in the subject, before any are planned.
    func wanted(_ student: StudentID, _ subject: SubjectID, objective: Objective) -> Int {
        if let wanted { return wanted[student]?[subject] ?? 0 }
        return Self.wanted(perWeek: objective.workshopsPerWeek, covered: 0, days: scenario.calendar.days.count)
    }
}
