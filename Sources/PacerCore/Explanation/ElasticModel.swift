import GLPK

/// Finds why students cannot be served at all, and the smallest changes that would serve them, with
/// an *elastic* version of the planning model: every hard rule that keeps a blocked student out of
/// every candidate session gets a slack variable with a cost (let a teacher teach the objective,
/// free a teacher, open a room, equip a room, free a student, allow a smaller group, let a teacher
/// run workshops at all), and GLPK minimizes the total cost of the slack used while seating every
/// blocked student in some session.
///
/// Only *blocked* demands enter: those no candidate session can take even in an empty plan (the
/// planner's other unserved students are a matter of capacity and policy, explained by
/// `UnservedReasons`). Sessions range over the qualified teachers (else the subject's, else all),
/// every room (one per class of interchangeable rooms) and
/// every flex block; students with the same unavailable blocks are counted together.
public enum ElasticModel {
    /// Costs of each kind of change, in "changes": teaching a new objective or equipping a room
    /// weighs more than freeing a block.
    static let costTeach = 3.0, costEquip = 2.0, costSmallerGroup = 2.0, costFree = 1.0, costWorkshops = 2.0
    static let costUnserved = 1000.0
    /// Largest elastic model built (columns); beyond it, the objectives with the most blocked students go first.
    static let columnLimit = 15_000

    /// How long explaining may take once a plan is made: what is left of the command's time limit,
    /// at most 20 s; nil when less than half a second is left.
    public static func explanationBudget(timeLimit: Double, elapsed: Double) -> Double? {
        let budget = min(20, timeLimit - elapsed)
        return budget >= 0.5 ? budget : nil
    }

    /// Explains every blocked demand of the scenario's week, within `timeLimit` seconds of GLPK.
    public static func explain(_ scenario: Scenario, timeLimit: Double = 20) -> [Impossibility] {
        explain(PlanningContext(scenario: scenario), timeLimit: timeLimit)
    }

    public static func explain(_ context: PlanningContext, timeLimit: Double = 20) -> [Impossibility] {
        let scenario = context.scenario
        let demands = Demand.all(context)
        let reachable = CandidateSet.reachableDemands(scenario: scenario, demands: demands)
        let blocked = demands.indices.filter { !reachable.contains($0) }.map { demands[$0] }
        guard !blocked.isEmpty else { return [] }
        let reasons = UnservedReasons(scenario: scenario, sessions: [])
        let builder = Builder(scenario: scenario, demands: demands, blocked: blocked)
        let clock = ContinuousClock(), started = clock.now
        // The first answer gets two thirds of the time; the alternative what is left. Groups GLPK
        // does not seat in time (or that the model could not hold) get the quick search's answer.
        let quick = builder.cheapestSessions()
        guard var first = builder.solve(excluding: [], timeLimit: max(0.5, timeLimit * 2 / 3)) else {
            return builder.describe(quick, alternative: nil, reasons: reasons)
        }
        first = first.filling(from: quick, groups: builder.groups)
        let left = timeLimit - (clock.now - started).seconds
        let second = first.usedFacts.isEmpty || left < 0.2 ? nil
            : builder.solve(excluding: Set(first.usedFacts.map(\.family)), timeLimit: left)
        return builder.describe(first, alternative: second, reasons: reasons)
    }

    /// One change the model may make.
    enum Fact: Hashable, Comparable {
        case teach(TeacherID, ObjectiveID)
        case freeTeacher(TeacherID, BlockID)
        case workshops(TeacherID)
        case openRoom(RoomID, BlockID)
        case equip(RoomID, ObjectiveID)
        case smallerGroup(ObjectiveID)
        case freeStudents(Int, BlockID)

        var cost: Double {
            switch self {
            case .teach: return costTeach
            case .equip: return costEquip
            case .smallerGroup: return costSmallerGroup
            case .workshops: return costWorkshops
            case .freeTeacher, .openRoom, .freeStudents: return costFree
            }
        }

        static func < (a: Fact, b: Fact) -> Bool { String(describing: a) < String(describing: b) }

        /// Changes of one kind to one thing (a teacher freed in any block, a room opened in any
        /// block): an alternative must avoid the first answer's families, not only its exact changes.
        var family: String {
            switch self {
            case let .teach(t, o): return "teach \(t) \(o)"
            case let .freeTeacher(t, _): return "free \(t)"
            case let .workshops(t): return "workshops \(t)"
            case let .openRoom(r, _): return "open \(r)"
            case let .equip(r, o): return "equip \(r) \(o)"
            case let .smallerGroup(o): return "smaller \(o)"
            case let .freeStudents(g, _): return "students \(g)"
            }
        }
    }

    struct Outcome {
        /// Per group of blocked students: the sessions they were seated in and the facts those used.
        var seated: [Int: [(session: Int, count: Int)]]
        var unseated: [Int: Int]
        var usedFacts: Set<Fact>
        /// The minimum group each lowered objective is given.
        var smallerGroups: [ObjectiveID: Int]
        /// The groups whose seating GLPK proved cheapest; the others come from the quick search.
        var proven: Set<Int>

        /// This outcome, with every group it left unseated taken from `other` where `other` seats it.
        func filling(from other: Outcome, groups: [Group]) -> Outcome {
            var result = self
            for (g, _) in unseated {
                guard let seats = other.seated[g] else { continue }
                result.seated[g] = seats
                result.unseated[g] = nil
                result.proven.remove(g)
                let id = groups[g].objective.id
                if let size = other.smallerGroups[id] { result.smallerGroups[id] = min(result.smallerGroups[id] ?? size, size) }
            }
            return result
        }
    }

    struct Session {
        let objective: Objective
        let teacher: Teacher
        let room: Room
        let block: Block
        let facts: [Fact]
        /// Students not blocked who could join (on the objective and free in the block).
        let peers: Int
    }

    /// Blocked students of one objective with the same unavailable blocks.
    struct Group {
        let objective: Objective
        let students: [StudentID]
        let unavailable: Set<BlockID>
    }

    struct Builder {
        let scenario: Scenario
        let groups: [Group]
        /// Every candidate session; the quick search uses them all.
        let sessions: [Session]
        /// The objectives whose sessions GLPK's model holds (within `columnLimit`, most blocked first).
        let inModel: Set<ObjectiveID>

        init(scenario: Scenario, demands: [Demand], blocked: [Demand]) {
            self.scenario = scenario
            let students = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0) })
            var groups: [Group] = []
            var index: [String: Int] = [:]
            for demand in blocked {
                guard let objective = scenario.objective(demand.objective), let student = students[demand.student] else { continue }
                let unavailable = Set(student.unavailable)
                let key = "\(objective.id)|" + unavailable.map(\.rawValue).sorted().joined(separator: ";")
                if let i = index[key] {
                    groups[i] = Group(objective: objective, students: groups[i].students + [student.id], unavailable: unavailable)
                } else {
                    index[key] = groups.count
                    groups.append(Group(objective: objective, students: [student.id], unavailable: unavailable))
                }
            }
            let blockedKeys = Set(blocked.map { "\($0.student)|\($0.objective)" })
            var sessions: [Session] = []
            var inModel: Set<ObjectiveID> = []
            var modelColumns = 0
            // Objectives with the most blocked students first, so a cut model explains the most.
            var byObjective: [ObjectiveID: Int] = [:]
            for group in groups { byObjective[group.objective.id, default: 0] += group.students.count }
            let order = byObjective.keys.sorted { (byObjective[$0]!, $1.rawValue) > (byObjective[$1]!, $0.rawValue) }
            for id in order {
                guard let objective = scenario.objective(id) else { continue }
                let peersByBlock = Dictionary(uniqueKeysWithValues: scenario.calendar.flexBlocks.map { block in
                    (block.id, demands.filter { d in
                        d.objective == id && !blockedKeys.contains("\(d.student)|\(id)")
                            && students[d.student]?.isAvailable(in: block.id) == true
                    }.count)
                })
                let new = Self.sessions(for: objective, scenario: scenario, peers: peersByBlock)
                let columns = new.count * (1 + groups.filter { $0.objective.id == id }.count)
                if inModel.isEmpty || modelColumns + columns <= columnLimit {
                    inModel.insert(id)
                    modelColumns += columns
                }
                sessions += new
            }
            self.groups = groups
            self.sessions = sessions
            self.inModel = inModel
        }

        /// Candidate sessions of the elastic model for one objective, each with the facts it needs.
        static func sessions(for objective: Objective, scenario: Scenario, peers: [BlockID: Int]) -> [Session] {
            // Qualified teachers and those who teach the subject; all teachers when there are none.
            var teachers = scenario.teachers.filter { t in
                t.teaches(objective.id) || t.canTeach.contains { scenario.objective($0)?.subject == objective.subject }
            }
            if teachers.isEmpty { teachers = scenario.teachers }
            // Every room (one per class of interchangeable rooms: the same suitability, usable
            // capacity and blocks); a room without the needed features takes the change "equip it".
            var seen: Set<String> = []
            let rooms = scenario.rooms.filter { room in
                let equipped = room.suits(objective)
                let key = "\(equipped)|\(min(room.capacity, objective.maxGroup))|" + room.unavailable.map(\.rawValue).sorted().joined(separator: ";")
                return seen.insert(key).inserted
            }
            var result: [Session] = []
            for block in scenario.calendar.flexBlocks {
                for teacher in teachers {
                    for room in rooms {
                        var facts: [Fact] = []
                        if !teacher.teaches(objective.id) { facts.append(.teach(teacher.id, objective.id)) }
                        if !teacher.runsWorkshops { facts.append(.workshops(teacher.id)) }
                        if !teacher.isAvailable(in: block.id) { facts.append(.freeTeacher(teacher.id, block.id)) }
                        if !room.isAvailable(in: block.id) { facts.append(.openRoom(room.id, block.id)) }
                        if !room.suits(objective) { facts.append(.equip(room.id, objective.id)) }
                        result.append(Session(objective: objective, teacher: teacher, room: room, block: block, facts: facts, peers: peers[block.id] ?? 0))
                    }
                }
            }
            return result
        }

        /// Solves the elastic model; `excluding` forbids every change of those families (for an alternative).
        func solve(excluding: Set<String>, timeLimit: Double) -> Outcome? {
            guard !groups.isEmpty, let problem = try? Problem(name: "elastic") else { return nil }
            let modelled = sessions.indices.filter { inModel.contains(sessions[$0].objective.id) }
            do {
                var factColumn: [Fact: Column] = [:]
                func fact(_ f: Fact, upper: Double = 1) throws -> Column {
                    if let column = factColumn[f] { return column }
                    let limit = excluding.contains(f.family) ? 0 : upper
                    let column = try problem.addColumn(kind: .integer, bounds: .range(0, limit), objective: f.cost)
                    factColumn[f] = column
                    return column
                }
                var x: [Int: Column] = [:]
                for k in modelled { x[k] = try problem.addColumn(kind: .binary, objective: 0.01) }
                var z: [[(session: Int, column: Column)]] = Array(repeating: [], count: groups.count)
                var smaller: [ObjectiveID: Column] = [:]
                var unseatedColumn: [Int: Column] = [:]
                for (g, group) in groups.enumerated() where inModel.contains(group.objective.id) {
                    let size = Double(group.students.count)
                    for k in modelled where sessions[k].objective.id == group.objective.id {
                        let session = sessions[k]
                        let column = try problem.addColumn(kind: .integer, bounds: .range(0, size))
                        z[g].append((k, column))
                        try problem.addRow(bounds: .upper(0), terms: [(column, 1), (x[k]!, -size)])
                        if group.unavailable.contains(session.block.id) {
                            let free = try fact(.freeStudents(g, session.block.id), upper: size)
                            try problem.addRow(bounds: .upper(0), terms: [(column, 1), (free, -1)])
                        }
                    }
                    let u = try problem.addColumn(kind: .integer, bounds: .range(0, size), objective: costUnserved)
                    unseatedColumn[g] = u
                    try problem.addRow(bounds: .fixed(size), terms: z[g].map { ($0.column, 1.0) } + [(u, 1)])
                }
                // A session needs each fact it breaks; holds at most its capacity; reaches its
                // minimum group with the peers who could join, unless smaller groups are allowed.
                for k in modelled {
                    let session = sessions[k]
                    for f in session.facts { try problem.addRow(bounds: .upper(0), terms: [(x[k]!, 1), (try fact(f), -1)]) }
                    let seated = groups.indices.flatMap { g in z[g].filter { $0.session == k }.map { ($0.column, 1.0) } }
                    guard !seated.isEmpty else { continue }
                    let capacity = Double(min(session.objective.maxGroup, session.room.capacity))
                    try problem.addRow(bounds: .upper(0), terms: seated + [(x[k]!, -capacity)])
                    let minimum = Double(session.objective.minGroup)
                    if minimum > Double(session.peers) {
                        let id = session.objective.id
                        let cut: Column
                        if let column = smaller[id] { cut = column } else {
                            // How far the minimum group is lowered (a little cost per seat, so the
                            // answer asks for no smaller groups than it needs), allowed only with the change.
                            let allow = try fact(.smallerGroup(id))
                            cut = try problem.addColumn(kind: .integer, bounds: .range(0, minimum - 1), objective: 0.1)
                            try problem.addRow(bounds: .upper(0), terms: [(cut, 1), (allow, -(minimum - 1))])
                            smaller[id] = cut
                        }
                        // Σ seated + peers + cut ≥ minimum × x
                        try problem.addRow(bounds: .lower(-Double(session.peers)), terms: seated + [(x[k]!, -minimum), (cut, 1)])
                    }
                }
                // A teacher, a room class and a group of students are in one session per block.
                var byTeacherBlock: [String: [Column]] = [:], byRoomBlock: [String: [Column]] = [:]
                for k in modelled {
                    let session = sessions[k]
                    byTeacherBlock["\(session.teacher.id)|\(session.block.id)", default: []].append(x[k]!)
                    byRoomBlock["\(session.room.id)|\(session.block.id)", default: []].append(x[k]!)
                }
                // In key order: rows added in a Dictionary's order would differ from process to
                // process (Swift seeds its hashing per process), and so could GLPK's answer.
                for (_, columns) in byTeacherBlock.sorted(by: { $0.key < $1.key }) + byRoomBlock.sorted(by: { $0.key < $1.key }) where columns.count > 1 {
                    try problem.addRow(bounds: .upper(1), terms: columns.map { ($0, 1.0) })
                }
                var options = MIPOptions()
                options.timeLimit = timeLimit
                options.nodeLimit = 20_000
                // Without GLPK's presolver the root LP is solved by glp_simplex, which keeps the
                // time limit; with it, a large root LP runs to the end whatever the limit.
                options.presolve = false
                let solution = try problem.solveMIP(options)
                guard solution.status.hasSolution else { return nil }
                let proven = solution.status == .optimal
                var outcome = Outcome(seated: [:], unseated: [:], usedFacts: [], smallerGroups: [:],
                                      proven: proven ? Set(unseatedColumn.keys) : [])
                for (f, column) in factColumn where (solution.value(column) ?? 0) > 0.5 { outcome.usedFacts.insert(f) }
                for g in groups.indices {
                    guard let u = unseatedColumn[g] else {
                        outcome.unseated[g] = groups[g].students.count
                        continue
                    }
                    for entry in z[g] {
                        let count = Int((solution.value(entry.column) ?? 0).rounded())
                        if count > 0 { outcome.seated[g, default: []].append((entry.session, count)) }
                    }
                    let left = Int((solution.value(u) ?? 0).rounded())
                    if left > 0 { outcome.unseated[g] = left }
                }
                for (id, cut) in smaller {
                    let lowered = Int((solution.value(cut) ?? 0).rounded())
                    if lowered > 0, let minimum = scenario.objective(id)?.minGroup { outcome.smallerGroups[id] = minimum - lowered }
                }
                return outcome
            } catch {
                return nil
            }
        }

        /// The changes a group's seating used, in the school's words.
        func changes(for g: Int, in outcome: Outcome) -> [String] {
            var facts: Set<Fact> = []
            var lines: [String] = []
            for seat in outcome.seated[g] ?? [] {
                let session = sessions[seat.session]
                facts.formUnion(session.facts)
                if groups[g].unavailable.contains(session.block.id) { facts.insert(.freeStudents(g, session.block.id)) }
                if outcome.smallerGroups[session.objective.id] != nil { facts.insert(.smallerGroup(session.objective.id)) }
            }
            for f in facts.sorted(by: { describe($0, outcome: outcome) < describe($1, outcome: outcome) }) {
                lines.append(describe(f, outcome: outcome))
            }
            return lines
        }

        func describe(_ fact: Fact, outcome: Outcome) -> String {
            func teacher(_ id: TeacherID) -> String {
                let name = scenario.teachers.first { $0.id == id }?.name ?? id.rawValue
                return name == id.rawValue ? name : "\(name) (\(id))"
            }
            func room(_ id: RoomID) -> String {
                let name = scenario.rooms.first { $0.id == id }?.name ?? id.rawValue
                return name == id.rawValue ? "room \(name)" : "room \(id) (\(name))"
            }
            switch fact {
            case let .teach(t, o): return "let \(teacher(t)) teach \(o)"
            case let .workshops(t): return "let \(teacher(t)) run workshops (max_sessions_per_day is 0)"
            case let .freeTeacher(t, b): return "free \(teacher(t)) in \(b)"
            case let .openRoom(r, b): return "open \(room(r)) in \(b)"
            case let .equip(r, o):
                let needs = scenario.objective(o)?.needs.map(\.rawValue).joined(separator: ", ") ?? ""
                return "equip \(room(r)) with \(needs) (for \(o))"
            case let .smallerGroup(o):
                let minimum = scenario.objective(o)?.minGroup ?? 1
                return "allow groups of \(outcome.smallerGroups[o] ?? 1) for \(o) (its min_group is \(minimum))"
            case let .freeStudents(g, b):
                let students = groups[g].students
                let names = students.count <= 3 ? students.map(\.rawValue).joined(separator: ", ") : "\(students.count) students"
                return "free \(names) in \(b)"
            }
        }

        func describe(_ outcome: Outcome, alternative: Outcome?, reasons: UnservedReasons) -> [Impossibility] {
            var result: [Impossibility] = []
            var index: [String: Int] = [:]
            for (g, group) in groups.enumerated() {
                let rule = Self.rule(for: group, reasons: reasons)
                let changes = outcome.unseated[g] == nil ? self.changes(for: g, in: outcome) : []
                var other = alternative.map { self.changes(for: g, in: $0) } ?? []
                if alternative?.unseated[g] != nil || other == changes { other = [] }
                let key = "\(group.objective.id)|\(rule)|\(changes)|\(other)|\(outcome.proven.contains(g))"
                if let i = index[key] {
                    result[i].students += group.students
                } else {
                    index[key] = result.count
                    result.append(Impossibility(objective: group.objective.id, rule: rule, students: group.students, changes: changes,
                                                alternative: other, smallest: outcome.proven.contains(g)))
                }
            }
            for i in result.indices { result[i].students.sort() }
            return result.sorted { ($0.objective.rawValue, $0.rule, $0.students.first?.rawValue ?? "") < ($1.objective.rawValue, $1.rule, $1.students.first?.rawValue ?? "") }
        }

        /// Each group seated in its own cheapest session (the fewest changes for it alone), for when
        /// GLPK finds no answer in time. Groups larger than a session are seated in several.
        func cheapestSessions() -> Outcome {
            var outcome = Outcome(seated: [:], unseated: [:], usedFacts: [], smallerGroups: [:], proven: [])
            for (g, group) in groups.enumerated() {
                var best: (cost: Double, session: Int)?
                for (k, session) in sessions.enumerated() where session.objective.id == group.objective.id {
                    var cost = session.facts.reduce(0) { $0 + $1.cost }
                    if group.unavailable.contains(session.block.id) { cost += costFree * Double(group.students.count) }
                    if group.students.count + session.peers < session.objective.minGroup { cost += costSmallerGroup }
                    if best == nil || cost < best!.cost { best = (cost, k) }
                }
                guard let best else { outcome.unseated[g] = group.students.count; continue }
                let session = sessions[best.session]
                outcome.seated[g] = [(best.session, group.students.count)]
                let size = group.students.count + session.peers
                if size < session.objective.minGroup {
                    outcome.smallerGroups[session.objective.id] = min(outcome.smallerGroups[session.objective.id] ?? size, size)
                }
            }
            return outcome
        }

        /// The hard rule that blocks a group, from the planner's own reasons on an empty plan.
        static func rule(for group: Group, reasons: UnservedReasons) -> String {
            guard let student = group.students.first else { return "blocked" }
            let demand = Demand(student: student, subject: group.objective.subject, objective: group.objective.id, wanted: 1, weight: 0)
            let reason = reasons.reason(for: demand)
            if case .notWorthASession = reason {
                return "fewer than \(group.objective.minGroup) students on \(group.objective.id) (its min_group) are free together with a qualified teacher and a room"
            }
            return reason.message
        }
    }
}
