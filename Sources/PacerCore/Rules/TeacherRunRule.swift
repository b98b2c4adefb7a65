import GLPK

/// **A teacher with `max_in_a_row: N` runs at most N workshops in consecutive flex blocks of a
/// day**, then gets a free one (the example of docs/model.md, "How to add a rule").
///
/// A teacher who runs three flex workshops back to back has no time to reset a room or follow up
/// a student. "Consecutive" counts the day's flex blocks in order; the periods between them are
/// the school's own. The heuristics ask whether a session would make a run longer than N; the
/// models get one `teacherRun` row per teacher and window of N + 1 consecutive flex blocks. The
/// rule does not exist for a school where no teacher sets it. `PlanVerifier` keeps its own check
/// (`teacher-run`).
struct TeacherRunRule: PlanRule {
    static let name = RuleName("teacher-run")
    static let answers: RuleQuestions = .allowsTeacher
    private let school: SchoolIndex
    /// Per teacher (by position), the longest run allowed, if any.
    private let limit: [Int?]

    init?(school: SchoolIndex) {
        limit = school.teachers.map(\.maxInARow)
        guard limit.contains(where: { $0 != nil }) else { return nil }
        self.school = school
    }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "would run more than max_in_a_row in a row" }

    func allows(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        guard let n = limit[t] else { return true }
        let day = school.blocksOn[school.dayOf[b]]
        guard let i = day.firstIndex(of: b) else { return true }
        let before = day[..<i].reversed().prefix { plan.teacherIsBusy(t, in: $0) }.count
        let after = day[(i + 1)...].prefix { plan.teacherIsBusy(t, in: $0) }.count
        return before + 1 + after <= n
    }

    /// Per teacher with a limit N and window of N + 1 consecutive flex blocks of a day: the
    /// window's opens and the sessions already fixed in it are at most N.
    func addRows(to model: inout RuleModel) throws {
        var opens: [Int: [Int: [Column]]] = [:]
        for group in model.groups where limit[group.teacher] != nil {
            opens[group.teacher, default: [:]][group.block, default: []] += group.opens.map(\.column)
        }
        for t in opens.keys.sorted() {
            guard let n = limit[t], let mine = opens[t] else { continue }
            for (d, day) in school.blocksOn.enumerated() where day.count > n {
                for start in 0...(day.count - n - 1) {
                    let window = day[start...(start + n)]
                    let fixed = window.filter { model.fixed.teacherIsBusy(t, in: $0) }.count
                    let open = window.filter { mine[$0] != nil }
                    guard open.count > n - fixed else { continue }
                    let name = "teacherRun(\(school.teachers[t].id),\(school.scenario.calendar.days[d].id),\(start))"
                    try model.problem.addRow(name: RuleModel.name(name), bounds: .upper(Double(max(0, n - fixed))),
                                             terms: open.flatMap { mine[$0]! }.map { ($0, 1) })
                }
            }
        }
    }

    /// Counted: the same windows over the teacher's runs.
    func addCountedRows(to model: CountedModel) throws {
        var runs: [Int: [Int: [Column]]] = [:]
        for slot in model.slots {
            for run in slot.runs where limit[run.teacher] != nil { runs[run.teacher, default: [:]][slot.block, default: []].append(run.column) }
        }
        for t in runs.keys.sorted() {
            guard let n = limit[t], let mine = runs[t] else { continue }
            for (d, day) in school.blocksOn.enumerated() where day.count > n {
                for start in 0...(day.count - n - 1) {
                    let open = day[start...(start + n)].filter { mine[$0] != nil }
                    guard open.count > n else { continue }
                    let name = "teacherRun(\(school.teachers[t].id),\(school.scenario.calendar.days[d].id),\(start))"
                    try model.addAtMost(n, of: open.flatMap { mine[$0]! }, name: name)
                }
            }
        }
    }
}
