/// The plan's objective (docs/model.md, "The objective"), written once. Each term in points:
///
/// - **unmet workshops**: each workshop a student wants and does not get costs the student's
///   weight (`Demand.weight`);
/// - **sessions**: `session` per session opened (teacher time);
/// - **empty seats**: `empty_seat` per seat left empty below the objective's `max_group`;
/// - **teacher changes**: `teacher_change` each time a student meets another teacher for the same
///   objective in the week;
/// - **keep apart**: the soft rule's price per pair to keep apart placed in one session (nothing
///   under the default hard rule, where no engine places a pair);
/// - **plan changes**: `plan_change` per change to a regrouped day's published sessions;
/// - **no place**: `no_place` per student-block where a present student is neither in a workshop
///   nor held by independent study (too few adults or study seats: `StudySpaces`);
/// - **study changes**: `study_change` for each study room a student has in the plan beyond their
///   first, so that a student keeps one study space across the week where it costs little;
/// - **unmet requests**: each live request the plan could meet (`RequestGoal`: a workshop or a
///   check on the student's current objective, or time with a named teacher, asked for days the
///   plan covers) costs its priority's weight once when the plan gives the student no workshop on
///   the objective (for a teacher: no workshop that teacher runs) on one of those days (in the
///   flex period asked for, if any). Met once, it costs nothing more however
///   many workshops follow: unlike a workshop's weight, it is not a sum over placements, so the
///   GLPK models give it columns of their own (`addRequestColumns`), and the counted model leaves
///   it out (a term that is never negative keeps the bound below every plan).
///
/// Study changes depend on which room each student studies in, which the placement decides once the
/// workshops are fixed (`StudyPlacer`, which keeps students in one room where it can); the engines
/// and models count study rather than name its students, so they price it at nothing, and the
/// counted model leaves it out (a term that is never negative keeps the bound below every plan).
///
/// Every engine prices with these, so each formula is here and nowhere else:
/// - `PlanEvaluator` counts what a whole plan holds and `cost(_:)` prices it (plan.json's `cost`);
/// - `CostLedger` prices local search's moves with `opening` and `placing`;
/// - the greedy construction's gain for a session is the same two prices, negated;
/// - the GLPK models (the reference model, the neighbourhood models and the counted model of the
///   lower bound) give `opening` to each column that opens a session, `placing` to each column
///   that places a student, and `constant` to a plan that serves nobody; the objective's own rows
///   and columns (`wanted`, the teacher-change and request columns) are in
///   ObjectiveTerms+Models.swift. The
///   soft keep-apart rule's `together` columns are the rule's own (`KeepApartRule`), at its price.
///
/// Where sessions can run at all is the hard rules' business (`RuleCatalogue`), enumerated once
/// for every engine by `CandidateSlots`. `pacer verify` recomputes the objective without this
/// type on purpose: it is the second opinion (PlanVerifier).
///
/// ## How to add a soft term
///
/// A soft goal is one term here, the way a hard rule is one file in `Rules/`:
/// 1. Say it in words, with its unit, in the list above and in docs/model.md's table. Its
///    coefficient is a field of `Policy` with its key in `Policy.fields` (scenario.yaml's `policy:`).
/// 2. Price it here. A term that moves when a session opens or closes is a line in `opening`; one
///    that moves when a student joins or leaves a session is a line in `placing`. If it depends
///    only on the session's objective or the student's demand, every engine then prices it with
///    nothing else to write; if it depends on the plan around it, it takes a parameter, as
///    `newTeacher` and `apartPairs` do, which each engine passes from what it tracks (`CostLedger`,
///    the greedy, a neighbourhood model against the rest of the week).
/// 3. Give it a field in `PlanCost` (plan.json's `cost`, docs/plan-format.md) and its line in
///    `cost(_:)`; `PlanEvaluator` counts what the line needs.
/// 4. A term that is not a sum over openings and placements (teacher changes count the distinct
///    teachers a student meets) also needs columns of its own in the reference model, beside
///    `addTeacherChangeColumns`; a neighbourhood model prices it against the fixed rest of the
///    week through `placing`.
/// 5. The counted model may leave a term out only if it never lowers a plan's cost (its bound must
///    stay below every plan): say so in `LowerBound`'s comment, as for teacher changes.
/// 6. `PlanVerifier` recomputes it with its own code, and the tests make it move:
///    `CostLedgerTests` (the ledger against the evaluator on random moves) and `OptimalityTests`
///    (the reference model's objective at a plan is the plan's cost).
struct ObjectiveTerms: Sendable {
    let policy: Policy
    /// The week's demands: what each student wants in each subject.
    let demands: [Demand]
    /// The wanted rows: per student and subject, the workshops wanted and the weight of each
    /// one missing.
    let wanted: [StudentSubject: Demand]
    /// Each objective's largest group: the seats a session of it could fill.
    let maxGroup: [ObjectiveID: Int]
    /// Per student, the students to keep apart from (both ways) when the rule is priced; empty
    /// under the hard rule, where no engine places a pair.
    let apart: [StudentID: Set<StudentID>]
    /// The published sessions of a regrouped day, or nil for a week plan (no changes to count).
    let published: Set<SessionKey>?
    /// Who is present and what study can hold, per flex block (the **no place** term).
    let study: StudySpaces
    /// The requests the plan could meet (the **unmet requests** term), from the demands' goals.
    let goals: [RequestGoal]
    /// The goals of each student and subject, by index in `goals`.
    let goalsOf: [StudentSubject: [Int]]
    /// Each flex block's period, to tell a request for one block whether a session meets it.
    let periodOf: [BlockID: PeriodID]
    /// Each objective's subject, for the goals a check slot meets.
    let subjectOf: [ObjectiveID: SubjectID]

    init(scenario: Scenario, demands: [Demand], published: [PlannedSession] = []) {
        policy = scenario.policy
        self.demands = demands
        wanted = Dictionary(demands.map { (StudentSubject($0.student, $0.subject), $0) }, uniquingKeysWith: { first, _ in first })
        maxGroup = Dictionary(scenario.objectives.map { ($0.id, $0.maxGroup) }, uniquingKeysWith: { first, _ in first })
        var apart: [StudentID: Set<StudentID>] = [:]
        if case .soft = scenario.policy.keepApart {
            for student in scenario.students {
                for other in student.keepApart where other != student.id {
                    apart[student.id, default: []].insert(other)
                    apart[other, default: []].insert(student.id)
                }
            }
        }
        self.apart = apart
        self.published = published.isEmpty ? nil : Set(published.map(\.key))
        study = StudySpaces(SchoolIndex(scenario))
        subjectOf = Dictionary(scenario.objectives.map { ($0.id, $0.subject) }, uniquingKeysWith: { first, _ in first })
        // Each goal once, in the demands' order, though a request for a teacher rides on every
        // demand of the student's the teacher could serve.
        var goals: [RequestGoal] = [], index: [Int64: Int] = [:]
        var goalsOf: [StudentSubject: [Int]] = [:]
        for demand in demands {
            for goal in demand.goals {
                let g = index[goal.request] ?? goals.count
                if g == goals.count {
                    index[goal.request] = g
                    goals.append(goal)
                }
                goalsOf[StudentSubject(demand.student, demand.subject), default: []].append(g)
            }
        }
        self.goals = goals
        self.goalsOf = goalsOf
        periodOf = Dictionary(scenario.calendar.blocks.map { ($0.id, $0.period) }, uniquingKeysWith: { first, _ in first })
    }

    /// The goals (by index in `goals`) that a workshop of `student` in `subject` on `objective`,
    /// run by `teacher`, on `day` in `block`, meets: the one home of "which goals does this place
    /// meet", for every engine, the evaluator and away cover.
    func goals(metBy student: StudentID, _ subject: SubjectID, _ objective: ObjectiveID, teacher: TeacherID, day: DayID, block: BlockID) -> [Int] {
        guard let mine = goalsOf[StudentSubject(student, subject)] else { return [] }
        return mine.filter { goals[$0].isMet(by: objective, teacher: teacher, on: day, in: periodOf[block]) }
    }

    /// The goals that `student`'s place in `session` meets.
    func goals(metBy student: StudentID, in session: PlannedSession) -> [Int] {
        goals(metBy: student, session.subject, session.objective, teacher: session.teacher, day: session.day, block: session.block)
    }

    /// The goals (by index in `goals`) that the check slots of a study group meet (`CheckSlots`).
    func goals(checkedIn group: StudyGroup) -> [Int] {
        group.students.flatMap { place -> [Int] in
            guard place.check != nil, let objective = place.objective, let subject = subjectOf[objective],
                  let mine = goalsOf[StudentSubject(place.student, subject)] else { return [] }
            return mine.filter { goals[$0].isMet(byCheckOn: objective, on: group.day, in: periodOf[group.block]) }
        }
    }

    /// What every request the plan could meet costs when none is (the **unmet requests** part of
    /// `constant`; the counted model leaves it out).
    var allRequestsUnmet: Double { goals.reduce(0) { $0 + $1.weight } }

    /// What a change in one flex block costs in **no place**: from `before` to `after` students
    /// with no place there.
    func noPlace(from before: Int, to after: Int) -> Double { policy.noPlace * Double(after - before) }

    // MARK: Prices of a plan's events

    /// What a plan that serves nobody costs: every workshop wanted is unmet, every request is
    /// unmet and, on a regrouped day, every published session has changed (it is gone). The
    /// models carry it as a constant.
    var constant: Double {
        demands.reduce(0) { $0 + $1.weight * Double($1.wanted) } + policy.planChange * Double(published?.count ?? 0) + allRequestsUnmet
    }

    /// What opening an empty session of an objective with `maxGroup` seats changes: one more
    /// **session**, every seat **empty**, and `planChanges` more **plan changes** (+1 for a
    /// session a regrouped day did not publish, −1 for one it did and that was gone; 0 for a week
    /// plan). Closing a session is the same price, negated.
    func opening(maxGroup: Int, planChanges: Int = 0) -> Double {
        policy.session + policy.emptySeat * Double(maxGroup) + Double(planChanges) * policy.planChange
    }

    /// What placing one student in a session changes: one **unmet workshop** fewer when the student
    /// is short of workshops in the subject (`shortBy`: their weight; nil when they have all they
    /// want), one **empty seat** fewer, one **teacher change** more when they already meet another
    /// teacher for the objective and not this one (`newTeacher`), `apartPairs` more pairs
    /// **kept apart** in one session, and `requests` fewer points of **unmet requests** (the
    /// weights of the goals this place is the first to meet: each engine knows which goals the
    /// rest of its plan meets). Taking a student out is the same price, negated (with the goals
    /// it was the last to meet).
    func placing(shortBy weight: Double?, newTeacher: Bool = false, apartPairs: Int = 0, requests: Double = 0) -> Double {
        var change = -(weight ?? 0) - policy.emptySeat - requests
        if newTeacher { change += policy.teacherChange }
        if apartPairs != 0 { change += policy.keepApart.price * Double(apartPairs) }
        return change
    }

    /// How many of `members` the student is to be kept apart from, when the rule is priced.
    func apartPairs(_ student: StudentID, with members: some Sequence<StudentID>) -> Int {
        guard let others = apart[student] else { return 0 }
        return members.filter(others.contains).count
    }

    // MARK: A whole plan

    /// The **unmet workshops** of one demand when the student gets `got` workshops in the subject.
    func unmet(_ demand: Demand, got: Int) -> Double {
        demand.weight * Double(max(0, demand.wanted - got))
    }

    /// What a whole plan holds, term by term, in the terms' units (`PlanEvaluator` counts it).
    struct Tally {
        /// Σ over demands of `unmet(_:got:)`, already in points.
        var unmetWorkshops = 0.0
        var sessions = 0
        var emptySeats = 0.0
        var teacherChanges = 0
        var apartPairs = 0
        /// Changes from the published sessions, or nil for a week plan.
        var planChanges: Int?
        /// Student-blocks with no place.
        var unplaced = 0
        /// Study rooms beyond each student's first, or nil when the study is not placed yet.
        var studyChanges: Int?
        /// Σ weight of the goals no workshop meets, already in points; nil when the plan had none.
        var unmetRequests: Double?
    }

    /// The plan's cost: each term, and their sum.
    func cost(_ tally: Tally) -> PlanCost {
        var cost = PlanCost(
            unmetWorkshops: tally.unmetWorkshops, sessions: policy.session * Double(tally.sessions),
            emptySeats: policy.emptySeat * tally.emptySeats, teacherChanges: policy.teacherChange * Double(tally.teacherChanges),
            keepApart: policy.keepApart.price * Double(tally.apartPairs),
            planChanges: tally.planChanges.map { policy.planChange * Double($0) }, noPlace: policy.noPlace * Double(tally.unplaced),
            studyChanges: tally.studyChanges.map { policy.studyChange * Double($0) }, unmetRequests: tally.unmetRequests, total: 0)
        cost.total = cost.unmetWorkshops + cost.sessions + cost.emptySeats + cost.teacherChanges + cost.keepApart + (cost.planChanges ?? 0)
            + (cost.noPlace ?? 0) + (cost.studyChanges ?? 0) + (cost.unmetRequests ?? 0)
        return cost
    }

    /// The **study changes** of a plan's study groups: per student, the distinct rooms they study in,
    /// less one.
    static func studyChanges(_ groups: [StudyGroup]) -> Int {
        var rooms: [StudentID: Set<RoomID>] = [:]
        for group in groups { for place in group.students { rooms[place.student, default: []].insert(group.room) } }
        return rooms.values.reduce(0) { $0 + $1.count - 1 }
    }

    /// Whether unmet workshops, sessions, empty seats and no place cost whole points (every weight and both
    /// prices whole): then so does every plan without the other terms, and a bound on those three
    /// may round up to a whole point.
    var unmetSessionsAndSeatsAreWhole: Bool {
        ([policy.session, policy.emptySeat, policy.noPlace] + demands.map(\.weight)).allSatisfy { $0 == $0.rounded() }
    }
}
