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
/// `UnservedReasonFinder`). Sessions range over the qualified teachers (else the subject's, else all),
/// every room (one per class of interchangeable rooms) and
/// every flex block; students with the same unavailable blocks are counted together.
public enum ElasticModel {
    /// Costs of each kind of change, in "changes": teaching a new objective or equipping a room
    /// weighs more than freeing a block.
    static let costTeach = 3.0, costEquip = 2.0, costSmallerGroup = 2.0, costFree = 1.0, costWorkshops = 2.0
    static let costUnserved = 1000.0
    /// Largest elastic model built (columns); beyond it, the objectives with the most blocked students go first.
    static let columnLimit = 15_000

    /// How long explaining may take once a plan is made, in proportion to planning: 2 s or a fifth
    /// of the plan's seconds, whichever is larger, within what is left of the command's time limit;
    /// nil when less than half a second is left.
    public static func explanationBudget(timeLimit: Double, elapsed: Double, planSeconds: Double) -> Double? {
        let budget = min(max(2, planSeconds / 5), timeLimit - elapsed)
        return budget >= 0.5 ? budget : nil
    }

    /// Explains every blocked demand of the scenario's week, within about `timeLimit` seconds in all
    /// (building the model included; GLPK gets what is left).
    public static func explain(_ scenario: Scenario, timeLimit: Double = 20) -> [Impossibility] {
        explain(PlanningContext(scenario: scenario), timeLimit: timeLimit)
    }

    public static func explain(_ context: PlanningContext, timeLimit: Double = 20) -> [Impossibility] {
        let clock = ContinuousClock(), started = clock.now
        let scenario = context.scenario
        let demands = Demand.all(context)
        let reachable = CandidateSet.reachableDemands(scenario: scenario, demands: demands)
        let blocked = demands.indices.filter { !reachable.contains($0) }.map { demands[$0] }
        guard !blocked.isEmpty else { return [] }
        let reasons = UnservedReasonFinder(scenario: scenario, sessions: [])
        let builder = Builder(scenario: scenario, demands: demands, blocked: blocked)
        // The first answer gets two thirds of the time left; the alternative what is left after it.
        // Groups GLPK does not seat in time (or that the model could not hold) get the quick
        // search's answer.
        let quick = builder.cheapestSessions()
        let forFirst = (timeLimit - (clock.now - started).seconds) * 2 / 3
        guard forFirst >= 0.1, var first = builder.solve(excluding: [], timeLimit: forFirst) else {
            return builder.describe(quick, alternative: nil, reasons: reasons)
        }
        first = first.filling(from: quick, groups: builder.groups)
        let left = timeLimit - (clock.now - started).seconds
        let second = first.usedFacts.isEmpty || left < 0.2 ? nil
            : builder.solve(excluding: Set(first.usedFacts.map(\.family)), timeLimit: left)
        return builder.describe(first, alternative: second, reasons: reasons)
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
            struct GroupKey: Hashable { let objective: ObjectiveID, unavailable: Set<BlockID> }
            var index: [GroupKey: Int] = [:]
            for demand in blocked {
                guard let objective = scenario.objective(demand.objective), let student = students[demand.student] else { continue }
                let unavailable = Set(student.unavailable)
                let key = GroupKey(objective: objective.id, unavailable: unavailable)
                if let i = index[key] {
                    groups[i] = Group(objective: objective, students: groups[i].students + [student.id], unavailable: unavailable)
                } else {
                    index[key] = groups.count
                    groups.append(Group(objective: objective, students: [student.id], unavailable: unavailable))
                }
            }
            let blockedKeys = Set(blocked.map { StudentObjective($0.student, $0.objective) })
            let rules = RuleCatalogue(scenario)
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
                        d.objective == id && !blockedKeys.contains(StudentObjective(d.student, id))
                            && students[d.student]?.isAvailable(in: block.id) == true
                    }.count)
                })
                let new = Self.sessions(for: objective, rules: rules, peers: peersByBlock)
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

        /// Candidate sessions of the elastic model for one objective, each with the changes it needs:
        /// those the rules that refuse it say would lift their refusal (`RuleCatalogue.relaxations`).
        static func sessions(for objective: Objective, rules: RuleCatalogue, peers: [BlockID: Int]) -> [Session] {
            let school = rules.school, scenario = school.scenario
            // Qualified teachers and those who teach the subject; all teachers when there are none.
            var teachers = scenario.teachers.indices.filter { t in
                scenario.teachers[t].teaches(objective.id) || scenario.teachers[t].canTeach.contains { scenario.objective($0)?.subject == objective.subject }
            }
            if teachers.isEmpty { teachers = Array(scenario.teachers.indices) }
            // Every room (one per class of interchangeable rooms: the same usable capacity and the
            // same changes needed in each block); a room without the needed features takes the
            // change "equip it".
            struct RoomKind: Hashable { let seats: Int, changes: [[Int]?] }
            var seen: Set<RoomKind> = []
            var roomChanges: [Int: [[Fact]?]] = [:]
            let rooms = school.rooms.indices.filter { r in
                let changes = school.blocks.indices.map { rules.relaxations(room: r, hosting: objective, in: $0) }
                roomChanges[r] = changes
                let kind = RoomKind(seats: min(school.rooms[r].capacity, objective.maxGroup), changes: changes.map { $0?.map(\.rank) })
                return seen.insert(kind).inserted
            }
            var result: [Session] = []
            for (b, block) in school.blocks.enumerated() {
                for t in teachers {
                    guard let teacherChanges = rules.relaxations(teacher: t, running: objective, in: b) else { continue }
                    for r in rooms {
                        guard let changes = roomChanges[r]?[b] else { continue }
                        let facts = (teacherChanges + changes).sorted { $0.rank < $1.rank }
                        result.append(Session(objective: objective, teacher: school.teachers[t], room: school.rooms[r], block: block,
                                              facts: facts, peers: peers[block.id] ?? 0))
                    }
                }
            }
            return result
        }

        /// The elastic model's columns as they are built: which sessions open (`x`), how many of
        /// each group sit in each (`z`), the changes used (`fact`), how far minimum groups are
        /// lowered (`smaller`) and who stays unseated (`unseated`).
        struct Columns {
            let problem: Problem
            let excluding: Set<Fact.Family>
            var fact: [Fact: Column] = [:]
            var x: [Int: Column] = [:]
            var z: [[(session: Int, column: Column)]]
            var smaller: [ObjectiveID: Column] = [:]
            var unseated: [Int: Column] = [:]

            /// The column of a change, made on first use (fixed at 0 when its family is excluded).
            mutating func fact(_ f: Fact, upper: Double = 1) throws -> Column {
                if let column = fact[f] { return column }
                let limit = excluding.contains(f.family) ? 0 : upper
                let column = try problem.addColumn(name: RuleModel.name("change(\(f.name))"), kind: .integer, bounds: .range(0, limit), objective: f.cost)
                fact[f] = column
                return column
            }
        }

        /// Solves the elastic model; `excluding` forbids every change of those families (for an alternative).
        func solve(excluding: Set<Fact.Family>, timeLimit: Double) -> Outcome? {
            guard !groups.isEmpty, let problem = try? Problem(name: "elastic") else { return nil }
            let modelled = sessions.indices.filter { inModel.contains(sessions[$0].objective.id) }
            do {
                var columns = Columns(problem: problem, excluding: excluding, z: Array(repeating: [], count: groups.count))
                try addSeating(modelled, to: &columns)
                try addSessionRows(modelled, to: &columns)
                try addOnePlaceRows(modelled, columns)
                var options = MIPOptions()
                options.timeLimit = timeLimit
                options.nodeLimit = 20_000
                // Without GLPK's presolver the root LP is solved by glp_simplex, which keeps the
                // time limit; with it, a large root LP runs to the end whatever the limit.
                options.presolve = false
                let solution = try problem.solveMIP(options)
                guard solution.status.hasSolution else { return nil }
                return outcome(of: solution, columns)
            } catch {
                return nil
            }
        }

        /// The name part of session k: BLOCK/TEACHER/ROOM/OBJECTIVE.
        private func tag(_ k: Int) -> String {
            let s = sessions[k]
            return RuleModel.name("\(s.block.id)/\(s.teacher.id)/\(s.room.id)/\(s.objective.id)")
        }

        /// Sessions that may open and the groups seated in them: a group sits only in an open
        /// session, in a block where it is unavailable only with the change "free them", and every
        /// student is seated or counted unseated (at a high cost).
        private func addSeating(_ modelled: [Int], to columns: inout Columns) throws {
            let problem = columns.problem
            for k in modelled { columns.x[k] = try problem.addColumn(name: "x(\(tag(k)))", kind: .binary, objective: 0.01) }
            for (g, group) in groups.enumerated() where inModel.contains(group.objective.id) {
                let size = Double(group.students.count)
                for k in modelled where sessions[k].objective.id == group.objective.id {
                    let session = sessions[k]
                    let name = "g\(g),\(tag(k))"
                    let column = try problem.addColumn(name: "z(\(name))", kind: .integer, bounds: .range(0, size))
                    columns.z[g].append((k, column))
                    try problem.addRow(name: "seatIfOpen(\(name))", bounds: .upper(0), terms: [(column, 1), (columns.x[k]!, -size)])
                    if group.unavailable.contains(session.block.id) {
                        let free = try columns.fact(.freeStudents(g, session.block.id), upper: size)
                        try problem.addRow(name: "seatIfFreed(\(name))", bounds: .upper(0), terms: [(column, 1), (free, -1)])
                    }
                }
                let u = try problem.addColumn(name: "unseated(g\(g))", kind: .integer, bounds: .range(0, size), objective: costUnserved)
                columns.unseated[g] = u
                try problem.addRow(name: "seatAll(g\(g))", bounds: .fixed(size), terms: columns.z[g].map { ($0.column, 1.0) } + [(u, 1)])
            }
        }

        /// A session needs each change it breaks a rule with; holds at most its capacity; reaches
        /// its minimum group with the peers who could join, unless smaller groups are allowed.
        private func addSessionRows(_ modelled: [Int], to columns: inout Columns) throws {
            let problem = columns.problem
            for k in modelled {
                let session = sessions[k], x = columns.x[k]!, name = tag(k)
                for f in session.facts {
                    try problem.addRow(name: RuleModel.name("needs(\(f.name),\(name))"), bounds: .upper(0), terms: [(x, 1), (try columns.fact(f), -1)])
                }
                let seated = groups.indices.flatMap { g in columns.z[g].filter { $0.session == k }.map { ($0.column, 1.0) } }
                guard !seated.isEmpty else { continue }
                let capacity = Double(min(session.objective.maxGroup, session.room.capacity))
                try problem.addRow(name: "capacity(\(name))", bounds: .upper(0), terms: seated + [(x, -capacity)])
                let minimum = Double(session.objective.minGroup)
                guard minimum > Double(session.peers) else { continue }
                let id = session.objective.id
                let cut: Column
                if let column = columns.smaller[id] { cut = column } else {
                    // How far the minimum group is lowered (a little cost per seat, so the answer
                    // asks for no smaller groups than it needs), allowed only with the change.
                    let allow = try columns.fact(.smallerGroup(id))
                    let objective = RuleModel.name(id.rawValue)
                    cut = try problem.addColumn(name: "lowered(\(objective))", kind: .integer, bounds: .range(0, minimum - 1), objective: 0.1)
                    try problem.addRow(name: "lowerIfAllowed(\(objective))", bounds: .upper(0), terms: [(cut, 1), (allow, -(minimum - 1))])
                    columns.smaller[id] = cut
                }
                // Σ seated + peers + cut ≥ minimum × x
                try problem.addRow(name: "minimum(\(name))", bounds: .lower(-Double(session.peers)), terms: seated + [(x, -minimum), (cut, 1)])
            }
        }

        /// A teacher and a room (class) are in one session per block.
        private func addOnePlaceRows(_ modelled: [Int], _ columns: Columns) throws {
            struct InBlock: Hashable { let who: String, block: BlockID }
            var byTeacherBlock: [InBlock: [Column]] = [:], byRoomBlock: [InBlock: [Column]] = [:]
            for k in modelled {
                let session = sessions[k]
                byTeacherBlock[InBlock(who: session.teacher.id.rawValue, block: session.block.id), default: []].append(columns.x[k]!)
                byRoomBlock[InBlock(who: session.room.id.rawValue, block: session.block.id), default: []].append(columns.x[k]!)
            }
            // In key order: rows added in a Dictionary's order would differ from process to
            // process (Swift seeds its hashing per process), and so could GLPK's answer.
            func inOrder(_ rows: [InBlock: [Column]]) -> [(key: InBlock, value: [Column])] {
                rows.sorted { ($0.key.who, $0.key.block.rawValue) < ($1.key.who, $1.key.block.rawValue) }
            }
            for (key, list) in inOrder(byTeacherBlock) where list.count > 1 {
                try columns.problem.addRow(name: RuleModel.name("teacherBusy(\(key.who),\(key.block))"), bounds: .upper(1), terms: list.map { ($0, 1.0) })
            }
            for (key, list) in inOrder(byRoomBlock) where list.count > 1 {
                try columns.problem.addRow(name: RuleModel.name("roomBusy(\(key.who),\(key.block))"), bounds: .upper(1), terms: list.map { ($0, 1.0) })
            }
        }

        /// What a solution seats, the changes it uses and the minimum groups it lowers.
        private func outcome(of solution: Solution, _ columns: Columns) -> Outcome {
            var outcome = Outcome(seated: [:], unseated: [:], usedFacts: [], smallerGroups: [:],
                                  proven: solution.status == .optimal ? Set(columns.unseated.keys) : [])
            for (f, column) in columns.fact where (solution.value(column) ?? 0) > 0.5 { outcome.usedFacts.insert(f) }
            for g in groups.indices {
                guard let u = columns.unseated[g] else {
                    outcome.unseated[g] = groups[g].students.count
                    continue
                }
                for entry in columns.z[g] {
                    let count = Int((solution.value(entry.column) ?? 0).rounded())
                    if count > 0 { outcome.seated[g, default: []].append((entry.session, count)) }
                }
                let left = Int((solution.value(u) ?? 0).rounded())
                if left > 0 { outcome.unseated[g] = left }
            }
            for (id, cut) in columns.smaller {
                let lowered = Int((solution.value(cut) ?? 0).rounded())
                if lowered > 0, let minimum = scenario.objective(id)?.minGroup { outcome.smallerGroups[id] = minimum - lowered }
            }
            return outcome
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
                let name = scenario.teacherName(id)
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

        func describe(_ outcome: Outcome, alternative: Outcome?, reasons: UnservedReasonFinder) -> [Impossibility] {
            var result: [Impossibility] = []
            struct Finding: Hashable { let objective: ObjectiveID, rule: String, changes: [String], other: [String], proven: Bool }
            var index: [Finding: Int] = [:]
            for (g, group) in groups.enumerated() {
                let rule = Self.rule(for: group, reasons: reasons)
                let changes = outcome.unseated[g] == nil ? self.changes(for: g, in: outcome) : []
                var other = alternative.map { self.changes(for: g, in: $0) } ?? []
                if alternative?.unseated[g] != nil || other == changes { other = [] }
                let key = Finding(objective: group.objective.id, rule: rule, changes: changes, other: other, proven: outcome.proven.contains(g))
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
        static func rule(for group: Group, reasons: UnservedReasonFinder) -> String {
            guard let student = group.students.first else { return "blocked" }
            let demand = Demand(student: student, subject: group.objective.subject, objective: group.objective.id, wanted: 1, weight: 0)
            let reason = reasons.reason(for: demand)
            if reason.kind == .notWorthASession {
                return "fewer than \(group.objective.minGroup) students on \(group.objective.id) (its min_group) are free together with a qualified teacher and a room"
            }
            return reason.text
        }
    }
}
