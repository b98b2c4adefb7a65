import GLPK

/// **A teacher runs at most `max_sessions_per_day` workshops a day** (a teacher whose limit is 0
/// runs none: `QualificationRule`).
///
/// The heuristics ask whether the teacher has room for one more that day; the models get one
/// `teacherDay` row per teacher and day, unless the day's candidate blocks are no more than what is
/// left of the limit (one place per block bounds the count already). `PlanVerifier` keeps its own
/// check (`teacher-day`).
struct TeacherDayRule: PlanRule {
    static let name = RuleName("teacher-day")
    static let answers: RuleQuestions = .allowsTeacher
    private let school: SchoolIndex

    init?(school: SchoolIndex) { self.school = school }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "already runs their most sessions that day (max_sessions_per_day)" }

    func allows(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        school.teachers[t].hasRoom(afterSessions: plan.sessions(ofTeacher: t, onDay: school.dayOf[b]))
    }

    func addRows(to model: inout RuleModel) throws {
        struct TeacherOnDay: Hashable, Comparable {
            let teacher: Int, day: Int
            static func < (a: Self, b: Self) -> Bool { (a.teacher, a.day) < (b.teacher, b.day) }
        }
        var opens: [TeacherOnDay: [(column: Column, block: Int)]] = [:]
        for group in model.groups {
            for open in group.opens {
                opens[TeacherOnDay(teacher: group.teacher, day: school.dayOf[group.block]), default: []].append((open.column, group.block))
            }
        }
        for key in opens.keys.sorted() {
            let entries = opens[key]!
            let left = school.teachers[key.teacher].maxSessionsPerDay - model.fixed.sessions(ofTeacher: key.teacher, onDay: key.day)
            guard left < Set(entries.map(\.block)).count else { continue }
            let day = school.scenario.calendar.days[key.day].id
            try model.problem.addRow(name: RuleModel.name("teacherDay(\(school.teachers[key.teacher].id),\(day))"),
                                     bounds: .upper(Double(max(0, left))), terms: entries.map { ($0.column, 1) })
        }
    }

    /// Counted: the same row over the teacher's runs.
    func addCountedRows(to model: CountedModel) throws {
        var runs: [Int: [Int: [Column]]] = [:]
        for slot in model.slots {
            for run in slot.runs { runs[run.teacher, default: [:]][school.dayOf[slot.block], default: []].append(run.column) }
        }
        for t in runs.keys.sorted() {
            for (d, columns) in runs[t]!.sorted(by: { $0.key < $1.key }) where columns.count > school.teachers[t].maxSessionsPerDay {
                let day = school.scenario.calendar.days[d].id
                try model.addAtMost(school.teachers[t].maxSessionsPerDay, of: columns, name: "teacherDay(\(school.teachers[t].id),\(day))")
            }
        }
    }
}

extension Teacher {
    /// Whether the teacher may take one more session on a day where they already have `sessions`.
    func hasRoom(afterSessions sessions: Int) -> Bool { sessions < maxSessionsPerDay }
}
