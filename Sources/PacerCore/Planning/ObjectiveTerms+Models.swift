import GLPK

/// The objective's own rows and columns in a GLPK model: not hard rules (those are the rule
/// catalogue's), but what keeps a model's objective equal to the plan's cost.
extension ObjectiveTerms {
    /// **Wanted**: a student (or a pool of students) gets at most the workshops wanted, so that no
    /// placement beyond them is priced as serving one (`placing` takes the weight off for each).
    /// `columns` are the placements, `bound` the workshops still wanted. A model may leave the row
    /// out where its columns cannot break it: when there are `unlessAtMost` of them or fewer.
    static func addWantedRow(to problem: Problem, for who: String, columns: [Column], atMost bound: Int, unlessAtMost fits: Int? = nil) throws {
        if let fits, columns.count <= fits { return }
        try problem.addRow(name: RuleModel.name("wanted(\(who))"), bounds: .upper(Double(max(0, bound))), terms: columns.map { ($0, 1) })
    }

    /// The teacher-change columns of the whole-week model, per demand (by index).
    struct TeacherChangeColumns {
        /// `meets[e][t]`: demand e's student meets teacher t for the objective.
        var meets: [Int: [TeacherID: Column]] = [:]
        /// `served[e]`: demand e's student gets at least one workshop.
        var served: [Int: Column] = [:]
    }

    /// **Teacher changes** over a whole week: the distinct teachers a student meets for an
    /// objective, less one when served at all, Σ_t meets(e,t) − served(e), with
    /// `meetsIfPlaced`: wanted × meets(e,t) ≥ placements with t and `servedIfPlaced`: served ≤
    /// placements. `placements` are demand e's placement columns by teacher; a demand with one
    /// possible teacher never changes and gets no columns. None at all when changes cost nothing.
    func addTeacherChangeColumns(to problem: Problem, placements: [Int: [TeacherID: [Column]]]) throws -> TeacherChangeColumns {
        var columns = TeacherChangeColumns()
        let cost = policy.teacherChange
        guard cost > 0 else { return columns }
        for e in placements.keys.sorted() {
            let byTeacher = placements[e]!
            guard byTeacher.count > 1 else { continue }
            let d = demands[e]
            let who = RuleModel.name("\(d.student),\(d.subject)")
            let served = try problem.addColumn(name: "served(\(who))", kind: .binary, objective: -cost)
            columns.served[e] = served
            try problem.addRow(name: "servedIfPlaced(\(who))", bounds: .upper(0),
                               terms: [(served, 1)] + byTeacher.values.flatMap { $0 }.sorted().map { ($0, -1) })
            for teacher in byTeacher.keys.sorted() {
                let meets = try problem.addColumn(name: "meets(\(who),\(RuleModel.name(teacher.rawValue)))", kind: .binary, objective: cost)
                columns.meets[e, default: [:]][teacher] = meets
                try problem.addRow(name: "meetsIfPlaced(\(who),\(RuleModel.name(teacher.rawValue)))", bounds: .lower(0),
                                   terms: [(meets, Double(d.wanted))] + byTeacher[teacher]!.map { ($0, -1) })
            }
        }
        return columns
    }

    /// **Unmet requests**: per goal g (by index in `goals`) that a placement can meet, a binary
    /// `requestMet(g)` at −weight with `requestMetIfPlaced(g)`: requestMet(g) ≤ Σ the placements
    /// that meet it (`placements[g]`), so a request met twice earns its weight once. Its weight is
    /// in `constant` (unmet until a placement meets it); a goal with no placement here stays unmet.
    /// Returns the columns by goal.
    func addRequestColumns(to problem: Problem, placements: [Int: [Column]]) throws -> [Int: Column] {
        var columns: [Int: Column] = [:]
        for g in placements.keys.sorted() {
            let goal = goals[g], meeting = placements[g]!
            guard !meeting.isEmpty else { continue }
            let who = RuleModel.name("\(goal.request),\(goal.student)")
            let met = try problem.addColumn(name: "requestMet(\(who))", kind: .binary, objective: -goal.weight)
            columns[g] = met
            try problem.addRow(name: "requestMetIfPlaced(\(who))", bounds: .upper(0), terms: [(met, 1)] + meeting.sorted().map { ($0, -1) })
        }
        return columns
    }
}
