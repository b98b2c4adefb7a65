/// The objective of a plan (docs/model.md), kept up to date move by move: local search prices a
/// move by what it changes (a student joins or leaves a session, a session opens or closes)
/// instead of recomputing the whole plan with `PlanEvaluator`. Every change is exact and can be
/// taken back by its opposite; a test checks the running total against `PlanEvaluator` after
/// long sequences of moves.
struct CostLedger {
    private let policy: Policy
    private let need: [StudentSubject: (wanted: Int, weight: Double)]
    private let maxGroup: [ObjectiveID: Int]
    /// Pairs to keep apart, when the rule is priced (with the hard rule no move makes a pair).
    private let apart: [StudentID: Set<StudentID>]
    /// The published sessions of a regrouped day, or nil for a week plan (no changes to count).
    private let published: Set<SessionKey>?
    private var got: [StudentSubject: Int] = [:]
    private var met: [StudentSubject: [TeacherID: Int]] = [:]
    private var open: [SessionKey: Int] = [:]
    private(set) var total: Double

    init(scenario: Scenario, demands: [Demand], published: [PlannedSession], sessions: [PlannedSession]) {
        let policy = scenario.policy
        self.policy = policy
        need = Dictionary(demands.map { (StudentSubject($0.student, $0.subject), ($0.wanted, $0.weight)) }, uniquingKeysWith: { a, _ in a })
        maxGroup = Dictionary(scenario.objectives.map { ($0.id, $0.maxGroup) }, uniquingKeysWith: { a, _ in a })
        if case .soft = scenario.policy.keepApart {
            var pairs: [StudentID: Set<StudentID>] = [:]
            for student in scenario.students {
                for other in student.keepApart where other != student.id {
                    pairs[student.id, default: []].insert(other)
                    pairs[other, default: []].insert(student.id)
                }
            }
            apart = pairs
        } else {
            apart = [:]
        }
        let publishedKeys = Set(published.map(\.key))
        self.published = published.isEmpty ? nil : publishedKeys
        // Nobody served, and (on a regrouped day) every published session changed.
        total = demands.reduce(0) { $0 + $1.weight * Double($1.wanted) } + policy.planChange * Double(publishedKeys.count)
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
        var change = -policy.emptySeat
        if let n = need[key] {
            if (got[key] ?? 0) < n.wanted { change -= n.weight }
            let seen = met[key] ?? [:]
            if (seen[session.teacher] ?? 0) == 0 && !seen.isEmpty { change += policy.teacherChange }
        }
        if let others = apart[student] { change += policy.keepApart.price * Double(session.students.filter(others.contains).count) }
        return change
    }

    /// The change when `student` leaves `session` (its students as they are before, `student` among them).
    func leaving(_ student: StudentID, _ session: PlannedSession) -> Double {
        let key = StudentSubject(student, session.subject)
        var change = policy.emptySeat
        if let n = need[key] {
            if (got[key] ?? 0) <= n.wanted { change += n.weight }
            let seen = met[key] ?? [:]
            if seen[session.teacher] == 1 && seen.count > 1 { change -= policy.teacherChange }
        }
        if let others = apart[student] { change -= policy.keepApart.price * Double(session.students.filter(others.contains).count) }
        return change
    }

    /// The change when an empty session opens.
    func opening(_ session: PlannedSession) -> Double {
        policy.session + policy.emptySeat * Double(maxGroup[session.objective] ?? 0) + changeCount(session.key, by: 1) * policy.planChange
    }

    /// The change when an empty session closes.
    func closing(_ session: PlannedSession) -> Double {
        -policy.session - policy.emptySeat * Double(maxGroup[session.objective] ?? 0) + changeCount(session.key, by: -1) * policy.planChange
    }

    /// How the number of changes from the published plan moves when a session with `key` opens
    /// (`by: 1`) or closes (`by: -1`).
    private func changeCount(_ key: SessionKey, by step: Int) -> Double {
        guard let published else { return 0 }
        let before = open[key] ?? 0, after = before + step
        guard (before > 0) != (after > 0) else { return 0 }
        // A published session kept removes a change; any other session present adds one.
        return published.contains(key) ? (after > 0 ? -1 : 1) : (after > 0 ? 1 : -1)
    }

    // MARK: Moves

    mutating func join(_ student: StudentID, _ session: PlannedSession) {
        total += joining(student, session)
        let key = StudentSubject(student, session.subject)
        got[key, default: 0] += 1
        met[key, default: [:]][session.teacher, default: 0] += 1
    }

    mutating func leave(_ student: StudentID, _ session: PlannedSession) {
        total += leaving(student, session)
        let key = StudentSubject(student, session.subject)
        got[key, default: 0] -= 1
        met[key]?[session.teacher, default: 0] -= 1
        if met[key]?[session.teacher] == 0 { met[key]?[session.teacher] = nil }
    }

    mutating func open(_ session: PlannedSession) {
        total += opening(session)
        open[session.key, default: 0] += 1
    }

    mutating func close(_ session: PlannedSession) {
        total += closing(session)
        open[session.key, default: 0] -= 1
    }
}
