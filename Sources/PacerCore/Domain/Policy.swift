/// The weights of the planner's soft goals, in points (the objective's unit). See docs/scenario-format.md.
public struct Policy: Hashable, Sendable {
    /// Cost of each workshop a student should have had this week and did not get.
    public var unmetWorkshop = 100.0
    /// Multiplier on `unmetWorkshop` for students flagged `priority`.
    public var priorityFactor = 2.0
    /// Extra cost per unmet workshop for each day the student has already waited.
    public var waitingPerDay = 5.0
    /// Extra cost per unmet workshop in a subject for each whole week the student is behind the
    /// target pace in it (`Need.weeksBehind`).
    public var behindPerWeek = 20.0
    /// Extra cost per unmet workshop in a subject that students.csv's `needs` names for the student.
    public var statedNeed = 50.0
    /// Cost of opening one session (teacher time).
    public var session = 20.0
    /// Cost of each empty seat below the objective's largest group, so fuller groups are preferred.
    public var emptySeat = 1.0
    /// Cost each time a student meets a different teacher for the same objective within the week.
    public var teacherChange = 5.0
    /// Students to keep apart: never in one session (the default), or at a price (`KeepApartRule`).
    public var keepApart = KeepApart.hard
    /// Cost of each change to a published plan when a day is regrouped.
    public var planChange = 10.0
    /// Cost of each student-block with no place: a present student in neither a workshop nor
    /// supervised independent study, because there are not enough adults or study seats. Far
    /// above a workshop's worth, so a teacher supervises rather than leave students with no adult.
    public var noPlace = 1_000.0
    /// Cost each time a student studies in a room they have not studied in before this week (from
    /// their second study room on), so that a student keeps one study space where it costs little.
    public var studyChange = 2.0
    /// The limits hard rules read (`RuleSetting`), as the scenario gives them.
    public internal(set) var limits: [RuleSetting: Int] = [:]

    public init() {}

    /// The YAML keys under `policy:`, with a way to set each.
    static let fields: [(key: String, set: @Sendable (inout Policy, Double) -> Void)] = [
        ("unmet_workshop", { $0.unmetWorkshop = $1 }),
        ("priority_factor", { $0.priorityFactor = $1 }),
        ("waiting_per_day", { $0.waitingPerDay = $1 }),
        ("behind_per_week", { $0.behindPerWeek = $1 }),
        ("stated_need", { $0.statedNeed = $1 }),
        ("session", { $0.session = $1 }),
        ("empty_seat", { $0.emptySeat = $1 }),
        ("teacher_change", { $0.teacherChange = $1 }),
        ("plan_change", { $0.planChange = $1 }),
        ("no_place", { $0.noPlace = $1 }),
        ("study_change", { $0.studyChange = $1 }),
    ]
}
