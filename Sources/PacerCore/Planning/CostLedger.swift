/// The objective of a plan (docs/model.md), kept up to date move by move: local search prices a
/// move by what it changes (a student joins or leaves a session, a session opens or closes)
/// instead of recomputing the whole plan with `PlanEvaluator`. Every change is exact and can be
/// taken back by its opposite; a test checks the running total against `PlanEvaluator` after
/// long sequences of moves.
struct CostLedger {
    /// What each event costs (the objective's one home).
    private let terms: ObjectiveTerms
    private var got: [StudentSubject: Int] = [:]
    private var met: [StudentSubject: [TeacherID: Int]] = [:]
    private var open: [SessionKey: Int] = [:]
    /// Per goal (`terms.goals`), the places in the plan that meet it.
    private var meeting: [Int]
    /// Who is where, and per flex block what study can hold, for the **no place** term.
    private var occupancy: Occupancy
    private var capacity: [Int]
    private(set) var total: Double

    init(scenario: Scenario, demands: [Demand], published: [PlannedSession], sessions: [PlannedSession]) {
        terms = ObjectiveTerms(scenario: scenario, demands: demands, published: published)
        meeting = Array(repeating: 0, count: terms.goals.count)
        let study = terms.study
        occupancy = Occupancy(study.school)
        let empty = occupancy
        capacity = study.school.blocks.indices.map { study.capacity(in: $0, empty) }
        // Nobody served, (on a regrouped day) every published session changed, and whoever study
        // cannot hold has no place.
        total = terms.constant + terms.noPlace(from: 0, to: study.unplaced(empty))
        for session in sessions {
            var empty = session
            empty.students = []
            self.open(empty)
            var members = empty
            for student in session.students {
                join(student, members)
                members.students.append(student)
            }
        }
    }

    /// Workshops the student has in the subject.
    func received(_ student: StudentID, _ subject: SubjectID) -> Int { got[StudentSubject(student, subject)] ?? 0 }

    /// The teachers the student meets in the subject, with how many workshops each.
    func teachers(of student: StudentID, in subject: SubjectID) -> [TeacherID: Int] { met[StudentSubject(student, subject)] ?? [:] }

    // MARK: Prices (what a move would change)

    /// The change when `student` joins `session` (its students as they are before).
    func joining(_ student: StudentID, _ session: PlannedSession) -> Double {
        let key = StudentSubject(student, session.subject)
        var short: Double?, newTeacher = false
        if let demand = terms.wanted[key] {
            if (got[key] ?? 0) < demand.wanted { short = demand.weight }
            let seen = met[key] ?? [:]
            newTeacher = (seen[session.teacher] ?? 0) == 0 && !seen.isEmpty
        }
        // The requests no other place meets yet: this one meets them.
        let first = terms.goals(metBy: student, in: session).reduce(0.0) { $0 + (meeting[$1] == 0 ? terms.goals[$1].weight : 0) }
        return terms.placing(shortBy: short, newTeacher: newTeacher, apartPairs: terms.apartPairs(student, with: session.students), requests: first)
            + placedChange(session, by: 1)
    }

    /// What **no place** changes when a student joins (`by: 1`) or leaves (`by: -1`) a session.
    private func placedChange(_ session: PlannedSession, by step: Int) -> Double {
        guard let b = terms.study.school.blockAt[session.block] else { return 0 }
        let left = terms.study.present[b].count - occupancy.studentsPlaced(in: b) - capacity[b]
        return terms.noPlace(from: max(0, left), to: max(0, left - step))
    }

    /// What **no place** changes when a session opens (`opening`) or closes in its block.
    private func capacityChange(_ session: PlannedSession, opening: Bool) -> Double {
        let school = terms.study.school
        guard let b = school.blockAt[session.block], let t = school.teacherAt[session.teacher], let r = school.roomAt[session.room]
        else { return 0 }
        let after = opening ? terms.study.capacity(in: b, occupancy, alsoBusy: (t, r)) : terms.study.capacity(in: b, occupancy, alsoFree: (t, r))
        let left = terms.study.present[b].count - occupancy.studentsPlaced(in: b)
        return terms.noPlace(from: max(0, left - capacity[b]), to: max(0, left - after))
    }

    private mutating func recount(_ session: PlannedSession) {
        if let b = terms.study.school.blockAt[session.block] { capacity[b] = terms.study.capacity(in: b, occupancy) }
    }

    /// The change when `student` leaves `session` (its students as they are before, `student` among them):
    /// joining's price, negated, as the student's week stands before leaving.
    func leaving(_ student: StudentID, _ session: PlannedSession) -> Double {
        let key = StudentSubject(student, session.subject)
        var short: Double?, lastWithTeacher = false
        if let demand = terms.wanted[key] {
            if (got[key] ?? 0) <= demand.wanted { short = demand.weight }
            let seen = met[key] ?? [:]
            lastWithTeacher = seen[session.teacher] == 1 && seen.count > 1
        }
        // The requests only this place meets: they go unmet.
        let last = terms.goals(metBy: student, in: session).reduce(0.0) { $0 + (meeting[$1] == 1 ? terms.goals[$1].weight : 0) }
        return -terms.placing(shortBy: short, newTeacher: lastWithTeacher, apartPairs: terms.apartPairs(student, with: session.students), requests: last)
            + placedChange(session, by: -1)
    }

    /// The change when an empty session opens.
    func opening(_ session: PlannedSession) -> Double {
        terms.opening(maxGroup: terms.maxGroup[session.objective] ?? 0, planChanges: changeCount(session.key, by: 1))
            + capacityChange(session, opening: true)
    }

    /// The change when an empty session closes: opening's price, negated, with the changes it takes back.
    func closing(_ session: PlannedSession) -> Double {
        -terms.opening(maxGroup: terms.maxGroup[session.objective] ?? 0, planChanges: -changeCount(session.key, by: -1))
            + capacityChange(session, opening: false)
    }

    /// How the number of changes from the published plan moves when a session with `key` opens
    /// (`by: 1`) or closes (`by: -1`).
    private func changeCount(_ key: SessionKey, by step: Int) -> Int {
        guard let published = terms.published else { return 0 }
        let before = open[key] ?? 0, after = before + step
        guard (before > 0) != (after > 0) else { return 0 }
        // A published session kept removes a change; any other session present adds one.
        return published.contains(key) ? (after > 0 ? -1 : 1) : (after > 0 ? 1 : -1)
    }

    // MARK: Moves

    mutating func join(_ student: StudentID, _ session: PlannedSession) {
        total += joining(student, session)
        for g in terms.goals(metBy: student, in: session) { meeting[g] += 1 }
        occupancy.add(student, to: session)
        let key = StudentSubject(student, session.subject)
        got[key, default: 0] += 1
        met[key, default: [:]][session.teacher, default: 0] += 1
    }

    mutating func leave(_ student: StudentID, _ session: PlannedSession) {
        total += leaving(student, session)
        for g in terms.goals(metBy: student, in: session) { meeting[g] -= 1 }
        occupancy.remove(student, from: session)
        let key = StudentSubject(student, session.subject)
        got[key, default: 0] -= 1
        met[key]?[session.teacher, default: 0] -= 1
        if met[key]?[session.teacher] == 0 { met[key]?[session.teacher] = nil }
    }

    mutating func open(_ session: PlannedSession) {
        total += opening(session)
        open[session.key, default: 0] += 1
        var empty = session
        empty.students = []
        occupancy.add(empty)
        recount(session)
    }

    mutating func close(_ session: PlannedSession) {
        total += closing(session)
        open[session.key, default: 0] -= 1
        var empty = session
        empty.students = []
        occupancy.remove(empty)
        recount(session)
    }
}
