import GLPK

/// **A student has at most `max_workshops_per_day` workshops a day** (a `policy:` setting; without
/// it the rule does not exist). A school that wants independent time in every student's day, or
/// whose students tire after two workshops, sets it.
///
/// The heuristics ask whether the student has room for one more that day; the models get one
/// `studentDay` row per student and day whose places lie in more blocks than are left of the limit
/// (within one block `studentBusy` says it already). The lower bound gets no rows: it stays valid,
/// only weaker. `PlanVerifier` keeps its own check (`workshops-per-day`).
struct WorkshopsPerDayRule: PlanRule {
    static let name = RuleName("workshops-per-day")
    static let setting = RuleSetting("max_workshops_per_day", range: 1...20)
    static let settings = [setting]
    static let answers: RuleQuestions = .allowsStudent
    private let school: SchoolIndex
    private let limit: Int

    init?(school: SchoolIndex) {
        guard let limit = school.scenario.policy.limit(Self.setting) else { return nil }
        self.school = school
        self.limit = limit
    }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "already has \(limit) workshop(s) that day, the policy's most" }

    /// The student's workshops on day `d` of the plan (one place per block, so the busy blocks).
    private func workshops(of s: Int, onDay d: Int, _ plan: Occupancy) -> Int {
        school.blocksOn[d].filter { plan.studentIsBusy(s, in: $0) }.count
    }

    func allows(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        workshops(of: s, onDay: school.dayOf[b], plan) < limit
    }

    func addRows(to model: inout RuleModel) throws {
        struct StudentDay: Hashable, Comparable {
            let student: Int, day: Int
            static func < (a: Self, b: Self) -> Bool { (a.student, a.day) < (b.student, b.day) }
        }
        var places: [StudentDay: [(column: Column, block: Int)]] = [:]
        for group in model.groups {
            for place in group.places {
                places[StudentDay(student: place.student, day: school.dayOf[group.block]), default: []].append((place.column, group.block))
            }
        }
        for key in places.keys.sorted() {
            let entries = places[key]!
            let left = limit - workshops(of: key.student, onDay: key.day, model.fixed)
            guard Set(entries.map(\.block)).count > left else { continue }
            let day = school.scenario.calendar.days[key.day].id
            try model.addAtMost(left, of: entries.map(\.column), name: "studentDay(\(school.students[key.student].id),\(day))")
        }
    }
}
