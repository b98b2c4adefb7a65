import GLPK

/// The exact whole-week model: one binary per candidate session and one per student and candidate
/// session (docs/model.md). Small schools are planned with it directly; for any school it can be
/// written as an LP or MPS file and solved elsewhere, and its objective at a plan equals the plan's
/// cost, which is how plans are compared across solvers.
///
/// The hard rules' rows are the rule catalogue's (each candidate is a `RuleModel` group with one
/// opening); the objective's costs and its own parts (wanted workshops, teacher changes, met
/// requests) are `ObjectiveTerms`'.
/// Column and row names are built from domain ids, with characters the CPLEX LP format cannot
/// hold (`-`, brackets, spaces) turned into `_`: `x(S_01,Mon_F1/T_LEE/R101)`.
final class ReferenceModel {
    let problem: Problem
    let set: CandidateSet
    /// `open[k]` for candidate k.
    private(set) var open: [Column] = []
    /// `place[k][i]` for the i-th eligible demand of candidate k.
    private(set) var place: [[Column]] = []
    /// `meets` and `served`, where teacher changes are counted.
    private var teacherChanges = ObjectiveTerms.TeacherChangeColumns()
    /// `requestMet(g)` per goal a placement can meet (**unmet requests**).
    private var requestMet: [Int: Column] = [:]
    /// The objective's terms, to tell which goals a plan meets.
    private let terms: ObjectiveTerms
    /// Columns the rules added that are 1 exactly when all their columns are (soft keep-apart).
    /// The rules' view of the model, which completes a start (`RuleModel.complete`).
    private var ruleModel: RuleModel?
    private(set) var constant = 0.0
    /// Fixed at 1; its cost is every wanted workshop, unmet until placements remove it.
    private var allWanted = Column(index: 0)

    init(scenario: Scenario, set: CandidateSet, published: [PlannedSession] = []) throws {
        self.set = set
        problem = try Problem(name: "pacer_week")
        let terms = ObjectiveTerms(scenario: scenario, demands: set.demands, published: published)
        self.terms = terms
        let demands = set.demands

        // Each workshop a student wants counts as unmet until a placement removes it.
        // A column fixed at 1 carries it, so that LP and MPS files (which drop an objective constant)
        // give other solvers the same objective values.
        constant = terms.constant
        allWanted = try problem.addColumn(name: "allWanted", bounds: .fixed(1), objective: constant)

        for (k, c) in set.candidates.enumerated() {
            let tag = self.tag(k)
            // On a regrouped day, keeping a published session saves its change; opening another is one.
            let changes = terms.published.map { $0.contains(c.key) ? -1 : 1 } ?? 0
            open.append(try problem.addColumn(
                name: "open(\(tag))", kind: .binary, objective: terms.opening(maxGroup: c.objective.maxGroup, planChanges: changes)))
            // Teacher changes have columns of their own (below), so a placement prices none.
            place.append(try c.eligible.map { e in
                try problem.addColumn(
                    name: "x(\(RuleModel.name(demands[e].student.rawValue)),\(tag))", kind: .binary,
                    objective: terms.placing(shortBy: demands[e].weight))
            })
        }
        try addRuleRows(scenario)
        try addWantedRows()
        teacherChanges = try terms.addTeacherChangeColumns(to: problem, placements: placementsByTeacher())
        requestMet = try terms.addRequestColumns(to: problem, placements: placementsByGoal())
    }

    /// The placement columns that meet each goal.
    private func placementsByGoal() -> [Int: [Column]] {
        var placements: [Int: [Column]] = [:]
        guard !terms.goals.isEmpty else { return placements }
        for (k, c) in set.candidates.enumerated() {
            for (i, e) in c.eligible.enumerated() where !set.demands[e].goals.isEmpty {
                let d = set.demands[e]
                for g in terms.goals(metBy: d.student, d.subject, c.objective.id, teacher: c.teacher, day: c.block.day, block: c.block.id) {
                    placements[g, default: []].append(place[k][i])
                }
            }
        }
        return placements
    }

    /// Every hard rule's rows, from the rule catalogue: each candidate is a group with one opening.
    private func addRuleRows(_ scenario: Scenario) throws {
        let rules = RuleCatalogue(scenario)
        let school = rules.school
        var groups: [RuleModel.Group] = []
        for (k, c) in set.candidates.enumerated() {
            guard let t = school.teacherAt[c.teacher], let r = school.roomAt[c.room], let b = school.blockAt[c.block.id] else { continue }
            groups.append(RuleModel.Group(
                objective: c.objective, teacher: t, block: b, opens: [.init(column: open[k], rooms: [r], seats: c.capacity)],
                places: c.eligible.indices.compactMap { i in
                    school.studentAt[set.demands[c.eligible[i]].student].map { RuleModel.Place(student: $0, column: place[k][i]) }
                },
                tag: tag(k)))
        }
        var model = RuleModel(problem: problem, school: school, groups: groups, blocks: Array(school.blocks.indices))
        try rules.addRows(to: &model)
        ruleModel = model
    }

    /// A student gets at most the workshops their objective asks for.
    private func addWantedRows() throws {
        let demands = set.demands
        var byDemand: [Int: [Column]] = [:]
        for (k, c) in set.candidates.enumerated() {
            for (i, e) in c.eligible.enumerated() { byDemand[e, default: []].append(place[k][i]) }
        }
        for e in byDemand.keys.sorted() {
            let d = demands[e]
            try ObjectiveTerms.addWantedRow(to: problem, for: "\(d.student),\(d.subject)", columns: byDemand[e]!, atMost: d.wanted)
        }
    }

    /// Each demand's placement columns, by teacher.
    private func placementsByTeacher() -> [Int: [TeacherID: [Column]]] {
        var placements: [Int: [TeacherID: [Column]]] = [:]
        for (k, c) in set.candidates.enumerated() {
            for (i, e) in c.eligible.enumerated() { placements[e, default: [:]][c.teacher, default: []].append(place[k][i]) }
        }
        return placements
    }

    /// The column values that represent `sessions`, or nil if a session is not a candidate
    /// (then the plan breaks a hard rule the model encodes by construction).
    func values(of sessions: [PlannedSession]) -> [Double]? {
        var v = Array(repeating: 0.0, count: problem.numberOfColumns)
        v[allWanted.index] = 1
        var index: [SessionKey: Int] = [:]
        for (k, c) in set.candidates.enumerated() { index[c.key] = k }
        var teachersMet: [Int: Set<TeacherID>] = [:]
        for session in sessions {
            guard let k = index[session.key] else { return nil }
            v[open[k].index] = 1
            let c = set.candidates[k]
            for student in session.students {
                guard let i = c.eligible.firstIndex(where: { set.demands[$0].student == student }) else { return nil }
                v[place[k][i].index] = 1
                teachersMet[c.eligible[i], default: []].insert(c.teacher)
            }
        }
        for session in sessions {
            for student in session.students {
                for g in terms.goals(metBy: student, in: session) { if let column = requestMet[g] { v[column.index] = 1 } }
            }
        }
        for (e, teachers) in teachersMet {
            if let column = teacherChanges.served[e] { v[column.index] = 1 }
            for t in teachers { if let column = teacherChanges.meets[e]?[t] { v[column.index] = 1 } }
        }
        ruleModel?.complete(&v)
        return v
    }

    /// The sessions that the column values open, with their students.
    func sessions(from values: [Double]) -> [PlannedSession] {
        var result: [PlannedSession] = []
        for (k, c) in set.candidates.enumerated() where values[open[k].index] > 0.5 {
            let students = c.eligible.indices.filter { values[place[k][$0].index] > 0.5 }.map { set.demands[c.eligible[$0]].student }
            result.append(PlannedSession.make(c.objective, teacher: c.teacher, room: c.room, block: c.block, students: students))
        }
        return result
    }

    /// The name part of candidate k: BLOCK/TEACHER/ROOM/OBJECTIVE, unique per candidate.
    private func tag(_ k: Int) -> String {
        let c = set.candidates[k]
        return RuleModel.name("\(c.block.id)/\(c.teacher)/\(c.room)/\(c.objective.id)")
    }
}

extension Candidate {
    var key: SessionKey { SessionKey(block: block.id, teacher: teacher, room: room, objective: objective.id) }
}

extension PlannedSession {
    static func make(_ objective: Objective, teacher: TeacherID, room: RoomID, block: Block, students: [StudentID]) -> PlannedSession {
        PlannedSession(
            id: "\(block.id)/\(teacher)", day: block.day, block: block.id, start: clockText(block.start),
            end: clockText(block.end), teacher: teacher, room: room, subject: objective.subject,
            objective: objective.id, students: students.sorted())
    }
}
