import GLPK

/// The exact whole-week model: one binary per candidate session and one per student and candidate
/// session (docs/model.md). Small schools are planned with it directly; for any school it can be
/// written as an LP or MPS file and solved elsewhere, and its objective at a plan equals the plan's
/// cost, which is how plans are compared across solvers.
///
/// Column and row names are built from domain ids, with characters the CPLEX LP format cannot
/// hold (`-`, brackets, spaces) turned into `_`: `x(S_01,Mon_F1/T_LEE/R101)`.
final class ReferenceModel {
    let problem: Problem
    let set: CandidateSet
    /// `open[k]` for candidate k.
    private(set) var open: [Column] = []
    /// `place[k][i]` for the i-th eligible demand of candidate k.
    private(set) var place: [[Column]] = []
    /// `meets[e][teacher]`: demand e's student meets that teacher for the objective.
    private var meets: [Int: [TeacherID: Column]] = [:]
    /// `served[e]`: demand e got at least one workshop (only where teacher changes are counted).
    private var served: [Int: Column] = [:]
    /// `together[k][pair]`: two students to keep apart are both in candidate k.
    private var together: [(k: Int, a: Int, b: Int, column: Column)] = []
    private(set) var constant = 0.0
    /// Fixed at 1; its cost is every wanted workshop, unmet until placements remove it.
    private var allWanted = Column(index: 0)

    init(scenario: Scenario, set: CandidateSet, published: [PlannedSession] = []) throws {
        self.set = set
        problem = try Problem(name: "pacer_week")
        let policy = scenario.policy
        let demands = set.demands

        // Each workshop a student wants counts as unmet until a placement removes it.
        // A column fixed at 1 carries it, so that LP and MPS files (which drop an objective constant)
        // give other solvers the same objective values.
        constant = demands.reduce(0) { $0 + $1.weight * Double($1.wanted) }
            + policy.planChange * Double(Set(published.map(sessionKey)).count)
        let publishedKeys = Set(published.map(sessionKey))
        allWanted = try problem.addColumn(name: "allWanted", bounds: .fixed(1), objective: constant)

        for (k, c) in set.candidates.enumerated() {
            let tag = self.tag(k)
            // A session costs its opening and every seat up to max_group; each student placed fills one.
            // On a regrouped day, keeping a published session saves its change; opening another is one.
            let key = "\(c.block.id)|\(c.teacher)|\(c.room)|\(c.objective.id)"
            let change = published.isEmpty ? 0 : (publishedKeys.contains(key) ? -policy.planChange : policy.planChange)
            open.append(try problem.addColumn(
                name: "open(\(tag))", kind: .binary,
                objective: policy.session + policy.emptySeat * Double(c.objective.maxGroup) + change))
            place.append(try c.eligible.map { e in
                try problem.addColumn(
                    name: "x(\(Self.name(demands[e].student.rawValue)),\(tag))", kind: .binary,
                    objective: -demands[e].weight - policy.emptySeat)
            })
            _ = k
        }
        try addGroupSizeRows()
        try addTeacherRows(scenario)
        try addRoomRows()
        try addStudentRows(scenario)
        if policy.teacherChange > 0 { try addTeacherChangeColumns(policy.teacherChange) }
        try addKeepApartRows(scenario, rule: policy.keepApart)
    }

    /// A group lies within the objective's minimum and the session's capacity; nobody joins a closed session.
    private func addGroupSizeRows() throws {
        for (k, c) in set.candidates.enumerated() {
            try GroupSizeRule.addRows(to: problem, places: place[k], placeNames: c.eligible.map { Self.name(set.demands[$0].student.rawValue) },
                                      opens: [(open[k], c.capacity)], minGroup: c.objective.minGroup, tag: tag(k))
        }
    }

    /// A teacher is in at most one place per block and runs at most their maximum sessions a day.
    private func addTeacherRows(_ scenario: Scenario) throws {
        var byBlock: [String: [Int]] = [:], byDay: [String: [Int]] = [:]
        for (k, c) in set.candidates.enumerated() {
            byBlock["\(c.teacher),\(c.block.id)", default: []].append(k)
            byDay["\(c.teacher),\(c.block.day)", default: []].append(k)
        }
        for key in byBlock.keys.sorted() where byBlock[key]!.count > 1 {
            try problem.addRow(name: "teacherBusy(\(Self.name(key)))", bounds: .upper(1),
                               terms: byBlock[key]!.map { (open[$0], 1) })
        }
        let limits = Dictionary(uniqueKeysWithValues: scenario.teachers.map { ($0.id, $0.maxSessionsPerDay) })
        for key in byDay.keys.sorted() {
            let ks = byDay[key]!
            try TeacherDayRule.addRow(to: problem, opens: ks.map { open[$0] }, blocks: Set(ks.map { set.candidates[$0].block.id }).count,
                                      limit: limits[set.candidates[ks[0]].teacher] ?? 0, name: Self.name(key))
        }
    }

    /// A room holds at most one session per block.
    private func addRoomRows() throws {
        var byBlock: [String: [Int]] = [:]
        for (k, c) in set.candidates.enumerated() { byBlock["\(c.room),\(c.block.id)", default: []].append(k) }
        for key in byBlock.keys.sorted() where byBlock[key]!.count > 1 {
            try problem.addRow(name: "roomBusy(\(Self.name(key)))", bounds: .upper(1),
                               terms: byBlock[key]!.map { (open[$0], 1) })
        }
    }

    /// A student is in at most one session per block, at most one per subject per day, and gets
    /// at most the workshops their objective asks for.
    private func addStudentRows(_ scenario: Scenario) throws {
        let demands = set.demands
        var byBlock: [String: [Column]] = [:], bySubjectDay: [String: [Column]] = [:], byDemand: [Int: [Column]] = [:]
        for (k, c) in set.candidates.enumerated() {
            for (i, e) in c.eligible.enumerated() {
                let column = place[k][i]
                byBlock["\(demands[e].student),\(c.block.id)", default: []].append(column)
                bySubjectDay["\(demands[e].student),\(demands[e].subject),\(c.block.day)", default: []].append(column)
                byDemand[e, default: []].append(column)
            }
        }
        for key in byBlock.keys.sorted() where Set(byBlock[key]!).count > 1 {
            try problem.addRow(name: "studentBusy(\(Self.name(key)))", bounds: .upper(1),
                               terms: byBlock[key]!.map { ($0, 1) })
        }
        for key in bySubjectDay.keys.sorted() where bySubjectDay[key]!.count > 1 {
            try problem.addRow(name: "oncePerDay(\(Self.name(key)))", bounds: .upper(1),
                               terms: bySubjectDay[key]!.map { ($0, 1) })
        }
        for e in byDemand.keys.sorted() {
            let d = demands[e]
            try problem.addRow(name: "wanted(\(Self.name("\(d.student),\(d.subject)")))",
                               bounds: .upper(Double(d.wanted)), terms: byDemand[e]!.map { ($0, 1) })
        }
    }

    /// Distinct teachers a student meets for one objective, less one when served at all:
    /// Σ_t meets(e,t) − served(e), with meets ≥ placements of t and served ≤ placements.
    private func addTeacherChangeColumns(_ cost: Double) throws {
        let demands = set.demands
        var placements: [Int: [TeacherID: [Column]]] = [:]
        for (k, c) in set.candidates.enumerated() {
            for (i, e) in c.eligible.enumerated() { placements[e, default: [:]][c.teacher, default: []].append(place[k][i]) }
        }
        for e in placements.keys.sorted() {
            let byTeacher = placements[e]!
            guard byTeacher.count > 1 else { continue }  // one possible teacher: never a change
            let d = demands[e]
            let who = Self.name("\(d.student),\(d.subject)")
            let servedColumn = try problem.addColumn(name: "served(\(who))", kind: .binary, objective: -cost)
            served[e] = servedColumn
            try problem.addRow(name: "servedIfPlaced(\(who))", bounds: .upper(0),
                               terms: [(servedColumn, 1)] + byTeacher.values.flatMap { $0 }.sorted().map { ($0, -1) })
            for teacher in byTeacher.keys.sorted() {
                let columns = byTeacher[teacher]!
                let meet = try problem.addColumn(name: "meets(\(who),\(Self.name(teacher.rawValue)))", kind: .binary, objective: cost)
                meets[e, default: [:]][teacher] = meet
                try problem.addRow(name: "meetsIfPlaced(\(who),\(Self.name(teacher.rawValue)))", bounds: .lower(0),
                                   terms: [(meet, Double(d.wanted))] + columns.map { ($0, -1) })
            }
        }
    }

    /// Two students to keep apart are never both in one candidate session (`KeepApartRule`).
    private func addKeepApartRows(_ scenario: Scenario, rule: KeepApart) throws {
        let demands = set.demands
        let apart = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, Set($0.keepApart)) })
        for (k, c) in set.candidates.enumerated() {
            for i in c.eligible.indices {
                for j in c.eligible.indices where j > i {
                    let a = demands[c.eligible[i]].student, b = demands[c.eligible[j]].student
                    guard apart[a]?.contains(b) == true else { continue }
                    let tag = Self.name("\(a),\(b),") + self.tag(k)
                    if let column = try KeepApartRule.addRows(to: problem, place[k][i], place[k][j], rule: rule, tag: tag) {
                        together.append((k, i, j, column))
                    }
                }
            }
        }
    }

    /// The column values that represent `sessions`, or nil if a session is not a candidate
    /// (then the plan breaks a hard rule the model encodes by construction).
    func values(of sessions: [PlannedSession]) -> [Double]? {
        var v = Array(repeating: 0.0, count: problem.numberOfColumns)
        v[allWanted.index] = 1
        var index: [String: Int] = [:]
        for (k, c) in set.candidates.enumerated() { index["\(c.block.id)|\(c.teacher)|\(c.room)|\(c.objective.id)"] = k }
        var teachersMet: [Int: Set<TeacherID>] = [:]
        for session in sessions {
            guard let k = index["\(session.block)|\(session.teacher)|\(session.room)|\(session.objective)"] else { return nil }
            v[open[k].index] = 1
            let c = set.candidates[k]
            for student in session.students {
                guard let i = c.eligible.firstIndex(where: { set.demands[$0].student == student }) else { return nil }
                v[place[k][i].index] = 1
                teachersMet[c.eligible[i], default: []].insert(c.teacher)
            }
        }
        for (e, teachers) in teachersMet {
            if let column = served[e] { v[column.index] = 1 }
            for t in teachers { if let column = meets[e]?[t] { v[column.index] = 1 } }
        }
        for pair in together where v[place[pair.k][pair.a].index] == 1 && v[place[pair.k][pair.b].index] == 1 {
            v[pair.column.index] = 1
        }
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
        return Self.name("\(c.block.id)/\(c.teacher)/\(c.room)/\(c.objective.id)")
    }

    /// A name GLPK's CPLEX LP writer keeps: letters, digits and `_,./()`, at most 255 bytes.
    static func name(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_,./")
        return String(String(text.map { allowed.contains($0) ? $0 : "_" }).prefix(200))
    }
}

extension PlannedSession {
    static func make(_ objective: Objective, teacher: TeacherID, room: RoomID, block: Block, students: [StudentID]) -> PlannedSession {
        PlannedSession(
            id: "\(block.id)/\(teacher)", day: block.day, block: block.id, start: clockText(block.start),
            end: clockText(block.end), teacher: teacher, room: room, subject: objective.subject,
            objective: objective.id, students: students.sorted())
    }
}
