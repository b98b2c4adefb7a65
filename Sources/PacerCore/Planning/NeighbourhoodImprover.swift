import GLPK

/// Improves a week plan one neighbourhood at a time with a small exact model (fix and optimize):
/// the rest of the plan stays as it is, and GLPK re-decides which sessions run in the
/// neighbourhood and who attends them. The neighbourhoods are each teacher's week, each objective
/// over the whole week (it regroups students left over in different blocks), then each block
/// (every objective in it). With the rest fixed, the model's objective changes as the week's does,
/// and new sessions are kept only when the week's cost goes down. The work is counted, not timed,
/// so the plan is the same on every machine.
///
/// Rooms are counted, not named: free rooms with the same features and the same capacity (up to the
/// largest group any objective allows) are interchangeable within a block, so the model chooses how
/// many rooms of each class are used and real rooms are handed out afterwards, in id order.
/// Students are placed with a teacher (`x(s,t)`), not with a room.
struct NeighbourhoodImprover {
    let scenario: Scenario
    let demands: [Demand]
    /// Branch-and-bound nodes per neighbourhood model.
    let nodeLimit: Int
    /// A regrouped day's published sessions: changes to them cost `plan_change`.
    var published: [PlannedSession] = []
    /// Node budget per model is at most this divided by the model's columns: GLPK's node LPs slow
    /// down with size, and a size-based budget stays the same on every machine. (Raised from
    /// 100,000 when the rows came from the rule catalogue: with 10 nodes a 10,000-column block's
    /// answer hung on row order. Measured: the high school 9 s instead of 6 for a plan 3.6 %
    /// better; the generated 600-student school 48 s instead of 8.5 for one 14 % better.)
    static let nodeWork = 1_000_000
    /// Neighbourhood models larger than this (columns) are skipped: GLPK's LP alone takes seconds beyond it
    /// (a 14,000-column block of the high school: 5–10 s for a handful of nodes).
    static let columnLimit = 10_000
    /// GLPK's time per node grows about with the square of the columns (measured: a 9,800-column
    /// block model, 100 nodes in 9 s; an 800-column one, 200 nodes in 0.3 s). A model's work is
    /// counted as columns² × (its node budget + the root's `rootNodes`), in units of about 4 ns on
    /// the 2-core machine (`PlanOptions.workPerSecond`); a model gets at most `modelWork` of it.
    static let modelWork = 1_000_000_000.0
    /// The root LP, counted as this many nodes: on large models it costs as much as the nodes
    /// themselves (without it, the imported XHSTT school DK-VG-09 took 59 s of a 60 s limit; with
    /// it, 44 s and the same plan).
    static let rootNodes = 10

    /// The part of the plan a model re-decides: some flex blocks (by position), and in them every
    /// objective or only one, with every teacher or only one. The rest of the plan stays as it is.
    struct Neighbourhood {
        let blocks: [Int]
        var objective: ObjectiveID? = nil
        var teacher: Int? = nil
        let name: String

        func holds(_ session: PlannedSession, _ school: SchoolIndex) -> Bool {
            guard let b = school.blockAt[session.block], blocks.contains(b) else { return false }
            if let teacher, school.teacherAt[session.teacher] != teacher { return false }
            return objective.map { $0 == session.objective } ?? true
        }
    }

    /// Where a run of passes stands between calls of `advance`: the plan so far, the pass it is in and
    /// the neighbourhoods of that pass still to re-decide, so that the search can stop for the
    /// bound's turn (`PlanSearch`) and carry on where it stopped.
    struct Cursor {
        var sessions: [PlannedSession]
        var cost: Double
        var pass = 0
        /// What is left of the current pass; empty at the start of one.
        var queue: [Neighbourhood] = []
        var improvedInPass = false
        /// A pass improved nothing, or every pass is done: more work would change nothing.
        var exhausted = false
        /// Work spent so far, in this type's units.
        var spent = 0.0
        /// Whether the wall clock stopped the search (or one of its models) before its work ran out.
        var stoppedByClock = false
    }

    func cursor(from start: [PlannedSession]) -> Cursor {
        Cursor(sessions: start, cost: PlanEvaluator.cost(of: start, ObjectiveTerms(scenario: scenario, demands: demands, published: published)).total)
    }

    /// Passes over the week stop when one improves nothing. A pass re-decides each teacher's week
    /// (which re-times and swaps a teacher's sessions and keeps students with one teacher), then
    /// each objective over the whole week (which regroups students left over in different blocks),
    /// the objectives with the most unmet weight first, then each block.
    /// `improved` hears each better cost, with the neighbourhood that found it.
    func improve(_ start: [PlannedSession], passes: Int = 6, work: Double = .infinity,
                 deadline: ContinuousClock.Instant, stop: StopToken?,
                 improved: ((_ cost: Double, _ neighbourhood: String) -> Void)? = nil) throws -> [PlannedSession] {
        var cursor = cursor(from: start)
        try advance(&cursor, passes: passes, until: work, deadline: deadline, stop: stop, improved: improved)
        return cursor.sessions
    }

    /// Re-decides neighbourhoods from where `cursor` stands until its work reaches `work` (a model
    /// is started only while some is left, and is charged whole), a pass improves nothing, `passes`
    /// are done, or the clock or a stop request ends it.
    func advance(_ cursor: inout Cursor, passes: Int = 6, until work: Double, deadline: ContinuousClock.Instant, stop: StopToken?,
                 improved: ((_ cost: Double, _ neighbourhood: String) -> Void)? = nil) throws {
        let terms = ObjectiveTerms(scenario: scenario, demands: demands, published: published)
        let rules = RuleCatalogue(scenario)
        let school = rules.school
        let roomClasses = RoomClass.interchangeable(school)
        while !cursor.exhausted {
            if cursor.queue.isEmpty {
                if cursor.pass > 0 && !cursor.improvedInPass || cursor.pass >= passes { cursor.exhausted = true; return }
                cursor.pass += 1
                cursor.improvedInPass = false
                let week = Array(school.blocks.indices)
                // Teachers' weeks first: measured against blocks first, every shipped scenario gains
                // (the high school 38,110 → 34,733, the middle school 6,685 → 6,052), mostly in teacher changes.
                cursor.queue = school.teachers.indices.map { Neighbourhood(blocks: week, teacher: $0, name: school.teachers[$0].id.rawValue) }
                    + objectivesByUnmetWeight(cursor.sessions, terms).map { Neighbourhood(blocks: week, objective: $0, name: $0.rawValue) }
                    + school.blocks.indices.map { Neighbourhood(blocks: [$0], name: school.blocks[$0].id.rawValue) }
            }
            if stop?.isStopped == true || cursor.spent >= work { return }
            if ContinuousClock.now >= deadline { cursor.stoppedByClock = true; return }
            let neighbourhood = cursor.queue.removeFirst()
            guard let replacement = try solve(neighbourhood, cursor.sessions, rules: rules, roomClasses: roomClasses, terms: terms,
                                              spent: &cursor.spent, byClock: &cursor.stoppedByClock, deadline: deadline, stop: stop)
            else { continue }
            let trial = cursor.sessions.filter { !neighbourhood.holds($0, school) } + replacement
            let newCost = PlanEvaluator.cost(of: trial, terms).total
            if newCost < cursor.cost - 1e-7 {
                cursor.sessions = trial
                cursor.cost = newCost
                cursor.improvedInPass = true
                improved?(newCost, neighbourhood.name)
            }
        }
    }

    /// Objectives someone wants: the most unmet weight first (students short of workshops), then
    /// those with the most sessions (which may merge), then by id.
    private func objectivesByUnmetWeight(_ sessions: [PlannedSession], _ terms: ObjectiveTerms) -> [ObjectiveID] {
        var got: [StudentSubject: Int] = [:], sessionsOn: [ObjectiveID: Int] = [:]
        for s in sessions {
            sessionsOn[s.objective, default: 0] += 1
            for st in s.students { got[StudentSubject(st, s.subject), default: 0] += 1 }
        }
        var unmet: [ObjectiveID: Double] = [:]
        for d in demands {
            unmet[d.objective, default: 0] += terms.unmet(d, got: got[StudentSubject(d.student, d.subject)] ?? 0)
        }
        return unmet.keys.sorted {
            (-unmet[$0]!, -(sessionsOn[$0] ?? 0), $0.rawValue) < (-unmet[$1]!, -(sessionsOn[$1] ?? 0), $1.rawValue)
        }
    }

    /// A model's groups (an objective with a teacher in a block), their openings (one per room
    /// class) and their places (one per eligible student and teacher, shared by the classes).
    private struct NeighbourhoodModel {
        let problem: Problem
        var groups: [RuleModel.Group] = []
        /// Per demand, its placement columns (for the workshops-wanted rows across blocks).
        var placesOf: [Int: [Column]] = [:]
        /// Per goal the rest of the week leaves unmet, the placement columns that meet it, and its
        /// `requestMet` column (**unmet requests**).
        var meetsGoal: [Int: [Column]] = [:]
        var requestMet: [Int: Column] = [:]
    }

    /// The neighbourhood's sessions re-decided by GLPK, or nil when the model is too large or
    /// finds nothing.
    private func solve(_ neighbourhood: Neighbourhood, _ sessions: [PlannedSession], rules: RuleCatalogue, roomClasses: [RoomClass],
                       terms: ObjectiveTerms, spent: inout Double, byClock: inout Bool, deadline: ContinuousClock.Instant,
                       stop: StopToken?) throws -> [PlannedSession]? {
        let school = rules.school
        let others = sessions.filter { !neighbourhood.holds($0, school) }
        let mine = sessions.filter { neighbourhood.holds($0, school) }
        let fixed = Occupancy(school, sessions: others)
        let slots = CandidateSlots(rules: rules, roomClasses: roomClasses, plan: fixed)
        guard let model = try buildModel(neighbourhood, others: others, slots: slots, terms: terms) else { return nil }
        guard !model.groups.isEmpty else { return mine.isEmpty ? nil : [] }
        var ruleModel = RuleModel(problem: model.problem, school: school, fixed: fixed, groups: model.groups, blocks: neighbourhood.blocks)
        try rules.addRows(to: &ruleModel)
        try addWantedRows(model, others: others)

        var options = MIPOptions()
        options.presolve = false
        // Cuts cost more than they gain on these models (measured on the 600-student school:
        // without them, a better plan in half the time).
        options.cuts = false
        let columns = Double(model.problem.numberOfColumns)
        let nodes = max(1, min(nodeLimit, Self.nodeWork / max(1, model.problem.numberOfColumns), Int(Self.modelWork / (columns * columns))))
        options.nodeLimit = nodes
        spent += columns * columns * Double(nodes + Self.rootNodes)
        options.stopToken = stop
        options.timeLimit = max(0.01, deadline.secondsLeft)
        options.start = start(of: mine, in: model, school: school, rules: ruleModel)
        let solution = try model.problem.solveMIP(options)
        switch solution.status {
        case .feasible(.timeLimit), .noSolutionFound(.timeLimit): byClock = true
        default: break
        }
        guard solution.status.hasSolution else { return nil }
        return handOutRooms(solution.values, model: model, school: school, fixed: fixed)
    }

    /// Across blocks, a student gets at most the workshops they still want beside the rest of the
    /// plan (within one block, one place per block says it already).
    private func addWantedRows(_ model: NeighbourhoodModel, others: [PlannedSession]) throws {
        var got: [StudentSubject: Int] = [:]
        for s in others { for st in s.students { got[StudentSubject(st, s.subject), default: 0] += 1 } }
        for e in model.placesOf.keys.sorted() {
            let d = demands[e]
            let left = d.wanted - (got[StudentSubject(d.student, d.subject)] ?? 0)
            try ObjectiveTerms.addWantedRow(to: model.problem, for: "\(d.student),\(d.subject)", columns: model.placesOf[e]!,
                                            atMost: left, unlessAtMost: left)
        }
    }

    /// The neighbourhood's groups and columns, or nil when the model would be larger than
    /// `columnLimit`. Teachers, rooms and students take part only where the rule catalogue admits
    /// them beside the rest of the week (`slots.plan`); the columns' costs are the objective's
    /// (`ObjectiveTerms`), with teacher changes priced against the rest of the week.
    private func buildModel(_ neighbourhood: Neighbourhood, others: [PlannedSession], slots: CandidateSlots, terms: ObjectiveTerms) throws -> NeighbourhoodModel? {
        let rules = slots.rules, school = rules.school
        var got: [StudentSubject: Int] = [:], seen: [StudentSubject: Set<TeacherID>] = [:]
        // The requests the rest of the week meets: a place here earns nothing for them.
        var metByOthers = Set<Int>()
        for s in others {
            for st in s.students {
                got[StudentSubject(st, s.subject), default: 0] += 1
                seen[StudentSubject(st, s.subject), default: []].insert(s.teacher)
                if !terms.goals.isEmpty { metByOthers.formUnion(terms.goals(metBy: st, in: s)) }
            }
        }
        var model = NeighbourhoodModel(problem: try Problem(name: "neighbourhood_\(RuleModel.name(neighbourhood.name))"))
        let p = model.problem
        // Demands by objective, so that schools with thousands of objectives do not scan every
        // demand for each of them.
        var demandsOn: [ObjectiveID: [Int]] = [:]
        for (e, d) in demands.enumerated() { demandsOn[d.objective, default: []].append(e) }
        var objectives = neighbourhood.objective.flatMap { scenario.objective($0) }.map { [$0] } ?? scenario.objectives
        if let t = neighbourhood.teacher {
            objectives = objectives.filter { o in neighbourhood.blocks.contains { rules.permits(teacher: t, running: o, in: $0) } }
        }
        let candidateSlots = slots.slots(
            blocks: neighbourhood.blocks, objectives: objectives, teachers: neighbourhood.teacher.map { [$0] },
            students: { b, objective in
                (demandsOn[objective.id] ?? []).filter { e in
                    let d = demands[e]
                    guard let s = school.studentAt[d.student] else { return false }
                    return (got[StudentSubject(d.student, d.subject)] ?? 0) < d.wanted && slots.admits(student: s, attending: objective, in: b)
                }
            }, size: \.count)
        for slot in candidateSlots {
            let block = school.blocks[slot.block], objective = slot.objective
            let publishedHere = published.filter { $0.block == block.id }
            for t in slot.teachers {
                let teacher = school.teachers[t].id
                let tag = RuleModel.name("\(block.id)/\(teacher)/\(objective.id)")
                var opens: [RuleModel.Opening] = [], places: [RuleModel.Place] = []
                for option in slot.rooms {
                    // Keeping a published session (same teacher, objective and a room of its class) saves
                    // the change; any other session is one.
                    let keeps = publishedHere.contains { $0.teacher == teacher && $0.objective == objective.id
                        && school.roomAt[$0.room].map(option.rooms.contains) == true }
                    let changes = terms.published == nil ? 0 : (keeps ? -1 : 1)
                    let name = RuleModel.name("open(\(tag),\(school.rooms[option.rooms[0]].id)+\(option.rooms.count - 1))")
                    let column = try p.addColumn(name: name, kind: .binary, objective: terms.opening(maxGroup: objective.maxGroup, planChanges: changes))
                    opens.append(.init(column: column, rooms: option.rooms, seats: option.seats))
                }
                for e in slot.students {
                    let key = StudentSubject(demands[e].student, demands[e].subject)
                    let newTeacher = seen[key].map { !$0.isEmpty && !$0.contains(teacher) } ?? false
                    let column = try p.addColumn(name: RuleModel.name("x(\(demands[e].student),\(tag))"), kind: .binary,
                                                 objective: terms.placing(shortBy: demands[e].weight, newTeacher: newTeacher))
                    model.placesOf[e, default: []].append(column)
                    if !demands[e].goals.isEmpty {
                        for g in terms.goals(metBy: demands[e].student, demands[e].subject, objective.id, teacher: teacher, day: block.day, block: block.id)
                        where !metByOthers.contains(g) { model.meetsGoal[g, default: []].append(column) }
                    }
                    places.append(.init(student: school.studentAt[demands[e].student]!, column: column))
                }
                model.groups.append(.init(objective: objective, teacher: t, block: slot.block, opens: opens, places: places, tag: tag))
                if p.numberOfColumns > Self.columnLimit { return nil }
            }
        }
        model.requestMet = try terms.addRequestColumns(to: p, placements: model.meetsGoal)
        return model
    }

    /// The column values of the neighbourhood's current sessions (a start for GLPK), or nil when one of
    /// them has no column (then GLPK starts from nothing).
    private func start(of mine: [PlannedSession], in model: NeighbourhoodModel, school: SchoolIndex, rules: RuleModel) -> [Double]? {
        var values = Array(repeating: 0.0, count: model.problem.numberOfColumns)
        for s in mine {
            guard let t = school.teacherAt[s.teacher], let r = school.roomAt[s.room], let b = school.blockAt[s.block],
                  let group = model.groups.first(where: { $0.block == b && $0.teacher == t && $0.objective.id == s.objective }),
                  let open = group.opens.first(where: { $0.rooms.contains(r) })
            else { return nil }
            values[open.column.index] = 1
            for student in s.students {
                guard let place = group.places.first(where: { school.students[$0.student].id == student }) else { return nil }
                values[place.column.index] = 1
            }
        }
        for (g, met) in model.requestMet where model.meetsGoal[g]?.contains(where: { values[$0.index] > 0.5 }) == true { values[met.index] = 1 }
        rules.complete(&values)
        return values
    }

    /// The sessions GLPK's values open, with real rooms handed out in each block: the published
    /// room when the opening may use it and it is still free, else the first free one in id order
    /// (the openings' rooms are those the rest of the plan leaves free). Openings with fewer rooms
    /// to choose from go first.
    private func handOutRooms(_ values: [Double], model: NeighbourhoodModel, school: SchoolIndex, fixed: Occupancy) -> [PlannedSession]? {
        struct RoomInBlock: Hashable { let room: Int, block: Int }
        var taken = Set<RoomInBlock>()
        var chosen: [(group: RuleModel.Group, rooms: [Int])] = []
        for group in model.groups {
            for open in group.opens where values[open.column.index] > 0.5 { chosen.append((group, open.rooms)) }
        }
        var result: [PlannedSession?] = Array(repeating: nil, count: chosen.count)
        for (i, (group, rooms)) in chosen.enumerated().sorted(by: { ($0.element.rooms.count, $0.offset) < ($1.element.rooms.count, $1.offset) }) {
            let teacher = school.teachers[group.teacher].id, block = school.blocks[group.block]
            let free = rooms.filter { !taken.contains(RoomInBlock(room: $0, block: group.block)) && !fixed.roomIsBusy($0, in: group.block) }
                .sorted { school.rooms[$0].id.rawValue < school.rooms[$1].id.rawValue }
            let wanted = published.first { $0.block == block.id && $0.teacher == teacher && $0.objective == group.objective.id }
                .flatMap { school.roomAt[$0.room] }
            guard let room = wanted.flatMap({ free.contains($0) ? $0 : nil }) ?? free.first else { return nil }
            taken.insert(RoomInBlock(room: room, block: group.block))
            let students = group.places.filter { values[$0.column.index] > 0.5 }.map { school.students[$0.student].id }
            result[i] = PlannedSession.make(group.objective, teacher: teacher, room: school.rooms[room].id, block: block, students: students)
        }
        return result.compactMap { $0 }
    }
}
