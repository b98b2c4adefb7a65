import GLPK

/// Improves a week plan one block at a time with a small exact model: all other blocks stay as
/// they are, and GLPK re-decides which sessions run in this block and who attends them. With the
/// rest of the week fixed, the block model's objective changes exactly as the week's does, so a
/// block's new sessions are kept only when the week's cost goes down.
///
/// Rooms are counted, not named: free rooms with the same features and the same capacity (up to the
/// largest group any objective allows) are interchangeable within a block, so the model chooses how
/// many rooms of each class are used and real rooms are handed out afterwards, in id order.
/// Students are placed with a teacher (`x(s,t)`), not with a room.
struct BlockImprover {
    let scenario: Scenario
    let demands: [Demand]
    /// Branch-and-bound nodes per block model.
    let nodeLimit: Int
    /// A regrouped day's published sessions: changes to them cost `plan_change`.
    var published: [PlannedSession] = []
    /// Node budget per block is at most this divided by the model's columns: GLPK's node LPs slow
    /// down with size, and a size-based budget stays the same on every machine. (Raised from
    /// 100,000 when the rows came from the rule catalogue: with 10 nodes a 10,000-column block's
    /// answer hung on row order. Measured: the high school 9 s instead of 6 for a plan 3.6 %
    /// better; the generated 600-student school 48 s instead of 8.5 for one 14 % better.)
    static let nodeWork = 1_000_000
    /// Block models larger than this (columns) are skipped: GLPK's LP alone takes seconds beyond it
    /// (a 14,000-column block of the high school: 5–10 s for a handful of nodes).
    static let columnLimit = 10_000

    struct RoomClass: Hashable {
        let features: [Feature]
        let seats: Int
    }

    /// Passes over the week's blocks stop when one improves nothing.
    func improve(_ start: [PlannedSession], passes: Int = 6, deadline: ContinuousClock.Instant, stop: StopToken?) throws -> [PlannedSession] {
        var sessions = start
        var cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
        let rules = RuleCatalogue(scenario)
        for _ in 0..<passes {
            var improvedInPass = false
            for block in scenario.calendar.flexBlocks {
                if stop?.isStopped == true || ContinuousClock.now >= deadline { return sessions }
                guard let replacement = try solveBlock(block, sessions, rules: rules, deadline: deadline, stop: stop) else { continue }
                let trial = sessions.filter { $0.block != block.id } + replacement
                let newCost = PlanEvaluator.cost(of: trial, demands: demands, scenario: scenario, published: published).total
                if newCost < cost - 1e-7 {
                    sessions = trial
                    cost = newCost
                    improvedInPass = true
                }
            }
            if !improvedInPass { break }
        }
        return sessions
    }

    /// One block's model: its groups (an objective with a teacher), their openings (one per room
    /// class) and their places (one per eligible student and teacher, shared by the classes).
    private struct BlockModel {
        let problem: Problem
        var groups: [RuleModel.Group] = []
        /// Per placement column, its demand and teacher.
        var places: [(demand: Int, teacher: Int, column: Column)] = []
    }

    /// The block's sessions re-decided by GLPK, or nil when the model is too large or finds nothing.
    private func solveBlock(_ block: Block, _ sessions: [PlannedSession], rules: RuleCatalogue,
                            deadline: ContinuousClock.Instant, stop: StopToken?) throws -> [PlannedSession]? {
        let school = rules.school
        guard let b = school.blockAt[block.id] else { return nil }
        let others = sessions.filter { $0.block != block.id }
        let mine = sessions.filter { $0.block == block.id }
        let fixed = Occupancy(school, sessions: others)
        guard let model = try buildModel(block: b, others: others, rules: rules, fixed: fixed) else { return nil }
        guard !model.groups.isEmpty else { return mine.isEmpty ? nil : [] }
        var ruleModel = RuleModel(problem: model.problem, school: school, fixed: fixed, groups: model.groups)
        try rules.addRows(to: &ruleModel)

        var options = MIPOptions()
        options.presolve = false
        // Cuts cost more than they gain on these models (measured on the 600-student school:
        // without them, a better plan in half the time).
        options.cuts = false
        options.nodeLimit = max(1, min(nodeLimit, Self.nodeWork / max(1, model.problem.numberOfColumns)))
        options.stopToken = stop
        options.timeLimit = max(0.01, ContinuousClock.now.duration(to: deadline).seconds)
        options.start = start(of: mine, in: model, school: school, indicators: ruleModel.indicators)
        let solution = try model.problem.solveMIP(options)
        guard solution.status.hasSolution else { return nil }
        return handOutRooms(solution.values, model: model, school: school, block: block)
    }

    /// The block's groups and columns, or nil when the model would be larger than `columnLimit`.
    /// Teachers, rooms and students take part only where the rule catalogue admits them beside the
    /// rest of the week (`fixed`); the columns' costs are the objective's (docs/model.md).
    private func buildModel(block b: Int, others: [PlannedSession], rules: RuleCatalogue, fixed: Occupancy) throws -> BlockModel? {
        let policy = scenario.policy, school = rules.school
        let block = school.blocks[b]
        var got: [StudentSubject: Int] = [:], seen: [StudentSubject: Set<TeacherID>] = [:]
        for s in others {
            for st in s.students {
                got[StudentSubject(st, s.subject), default: 0] += 1
                seen[StudentSubject(st, s.subject), default: []].insert(s.teacher)
            }
        }
        let largest = scenario.objectives.map(\.maxGroup).max() ?? 1
        var classRooms: [RoomClass: [Int]] = [:]
        for (r, room) in school.rooms.enumerated() {
            classRooms[RoomClass(features: room.features, seats: min(room.capacity, largest)), default: []].append(r)
        }
        let classes = classRooms.keys.sorted { ($0.seats, $0.features.map(\.rawValue).joined(separator: ",")) < ($1.seats, $1.features.map(\.rawValue).joined(separator: ",")) }
        let publishedHere = published.filter { $0.block == block.id }

        var model = BlockModel(problem: try Problem(name: "block_\(RuleModel.name(block.id.rawValue))"))
        let p = model.problem
        // Demands by objective, so that schools with thousands of objectives do not scan every
        // demand for each of them.
        var demandsOn: [ObjectiveID: [Int]] = [:]
        for (e, d) in demands.enumerated() { demandsOn[d.objective, default: []].append(e) }
        for objective in scenario.objectives {
            guard let pool = demandsOn[objective.id], GroupSizeRule.isEnough(pool.count, for: objective) else { continue }
            let eligible = pool.filter { e in
                let d = demands[e]
                guard let s = school.studentAt[d.student] else { return false }
                return (got[StudentSubject(d.student, d.subject)] ?? 0) < d.wanted && rules.admits(student: s, attending: objective, in: b, fixed)
            }
            guard GroupSizeRule.isEnough(eligible.count, for: objective) else { continue }
            let usable: [(rooms: [Int], seats: Int)] = classes.compactMap { roomClass in
                let rooms = (classRooms[roomClass] ?? []).filter { rules.admits(room: $0, hosting: objective, in: b, fixed) }
                return rooms.isEmpty ? nil : (rooms, min(roomClass.seats, objective.maxGroup))
            }
            guard !usable.isEmpty else { continue }
            for t in school.teachers.indices where rules.admits(teacher: t, running: objective, in: b, fixed) {
                let teacher = school.teachers[t].id
                let tag = RuleModel.name("\(block.id)/\(teacher)/\(objective.id)")
                var opens: [RuleModel.Opening] = [], places: [RuleModel.Place] = []
                for option in usable {
                    // Keeping a published session (same teacher, objective and a room of its class) saves
                    // the change; any other session is one.
                    let keeps = publishedHere.contains { $0.teacher == teacher && $0.objective == objective.id
                        && school.roomAt[$0.room].map(option.rooms.contains) == true }
                    let change = published.isEmpty ? 0 : (keeps ? -policy.planChange : policy.planChange)
                    let name = RuleModel.name("open(\(tag),\(school.rooms[option.rooms[0]].id)+\(option.rooms.count - 1))")
                    let column = try p.addColumn(name: name, kind: .binary, objective: policy.session + policy.emptySeat * Double(objective.maxGroup) + change)
                    opens.append(.init(column: column, rooms: option.rooms, seats: option.seats))
                }
                for e in eligible {
                    let key = StudentSubject(demands[e].student, demands[e].subject)
                    let change = (seen[key].map { !$0.isEmpty && !$0.contains(teacher) } ?? false) ? policy.teacherChange : 0
                    let column = try p.addColumn(name: RuleModel.name("x(\(demands[e].student),\(tag))"), kind: .binary,
                                                 objective: -(demands[e].weight + policy.emptySeat - change))
                    model.places.append((e, t, column))
                    places.append(.init(student: school.studentAt[demands[e].student]!, column: column))
                }
                model.groups.append(.init(objective: objective, teacher: t, block: b, opens: opens, places: places, tag: tag))
                if p.numberOfColumns > Self.columnLimit { return nil }
            }
        }
        return model
    }

    /// The column values of the block's current sessions (a start for GLPK), or nil when one of
    /// them has no column (then GLPK starts from nothing).
    private func start(of mine: [PlannedSession], in model: BlockModel, school: SchoolIndex,
                       indicators: [(column: Column, allOf: [Column])]) -> [Double]? {
        var values = Array(repeating: 0.0, count: model.problem.numberOfColumns)
        for s in mine {
            guard let t = school.teacherAt[s.teacher], let r = school.roomAt[s.room],
                  let group = model.groups.first(where: { $0.teacher == t && $0.objective.id == s.objective }),
                  let open = group.opens.first(where: { $0.rooms.contains(r) })
            else { return nil }
            values[open.column.index] = 1
            for student in s.students {
                guard let place = group.places.first(where: { school.students[$0.student].id == student }) else { return nil }
                values[place.column.index] = 1
            }
        }
        for indicator in indicators where indicator.allOf.allSatisfy({ values[$0.index] == 1 }) { values[indicator.column.index] = 1 }
        return values
    }

    /// The sessions GLPK's values open, with real rooms handed out: the published room when the
    /// opening may use it and it is still free, else the first free one in id order. Openings with
    /// fewer rooms to choose from go first.
    private func handOutRooms(_ values: [Double], model: BlockModel, school: SchoolIndex, block: Block) -> [PlannedSession]? {
        var taken = Set<Int>()
        let publishedHere = published.filter { $0.block == block.id }
        var chosen: [(group: RuleModel.Group, rooms: [Int])] = []
        for group in model.groups {
            for open in group.opens where values[open.column.index] > 0.5 { chosen.append((group, open.rooms)) }
        }
        var result: [PlannedSession?] = Array(repeating: nil, count: chosen.count)
        for (i, (group, rooms)) in chosen.enumerated().sorted(by: { ($0.element.rooms.count, $0.offset) < ($1.element.rooms.count, $1.offset) }) {
            let teacher = school.teachers[group.teacher].id
            let free = rooms.filter { !taken.contains($0) }.sorted { school.rooms[$0].id.rawValue < school.rooms[$1].id.rawValue }
            let wanted = publishedHere.first { $0.teacher == teacher && $0.objective == group.objective.id }.flatMap { school.roomAt[$0.room] }
            guard let room = wanted.flatMap({ free.contains($0) ? $0 : nil }) ?? free.first else { return nil }
            taken.insert(room)
            let students = group.places.filter { values[$0.column.index] > 0.5 }.map { school.students[$0.student].id }
            result[i] = PlannedSession.make(group.objective, teacher: teacher, room: school.rooms[room].id, block: block, students: students)
        }
        return result.compactMap { $0 }
    }
}
