import GLPK

/// **A student has at most one workshop per subject per day.** A mastery check needs practice in
/// between; two sessions of one objective on one day is a second dose, not progress.
///
/// The heuristics ask whether the student already has the subject that day; the models get one
/// `oncePerDay` row per student, subject and day whose places lie in more than one block (within
/// one block `studentBusy` says it already). `PlanVerifier` keeps its own check (`once-per-day`).
struct SubjectOncePerDayRule: PlanRule {
    static let name = RuleName("subject-once-per-day")
    static let answers: RuleQuestions = .allowsStudent
    private let school: SchoolIndex

    init?(school: SchoolIndex) { self.school = school }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "already has \(objective.subject) that day" }

    func allows(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        !plan.student(s, hasSubject: objective.subject, onDay: school.dayOf[b])
    }

    func addRows(to model: inout RuleModel) throws {
        struct StudentSubjectDay: Hashable, Comparable {
            let student: Int, subject: SubjectID, day: Int
            static func < (a: Self, b: Self) -> Bool { (a.student, a.subject.rawValue, a.day) < (b.student, b.subject.rawValue, b.day) }
        }
        var places: [StudentSubjectDay: [(column: Column, block: Int)]] = [:]
        for group in model.groups {
            let day = school.dayOf[group.block]
            for place in group.places {
                places[StudentSubjectDay(student: place.student, subject: group.objective.subject, day: day), default: []]
                    .append((place.column, group.block))
            }
        }
        for key in places.keys.sorted() {
            let entries = places[key]!
            guard Set(entries.map(\.block)).count > 1 else { continue }
            let free = model.fixed.student(key.student, hasSubject: key.subject, onDay: key.day) ? 0 : 1
            let day = school.scenario.calendar.days[key.day].id
            try model.addAtMost(free, of: entries.map(\.column), name: "oncePerDay(\(school.students[key.student].id),\(key.subject),\(day))")
        }
    }

    /// Counted: in each day's flex blocks, a pool gets at most one seat per student (a pool is
    /// one objective, so one subject).
    func addCountedRows(to model: CountedModel) throws {
        struct PoolDay: Hashable, Comparable {
            let pool: Int, day: Int
            static func < (a: Self, b: Self) -> Bool { (a.pool, a.day) < (b.pool, b.day) }
        }
        var seatings: [PoolDay: [Column]] = [:]
        for slot in model.slots {
            for seating in slot.seatings { seatings[PoolDay(pool: seating.pool, day: school.dayOf[slot.block]), default: []].append(seating.column) }
        }
        for key in seatings.keys.sorted() where seatings[key]!.count > 1 {
            let day = school.scenario.calendar.days[key.day].id
            try model.addAtMost(model.pools[key.pool].size, of: seatings[key]!, name: "oncePerDay(\(key.pool),\(day))")
        }
    }
}
