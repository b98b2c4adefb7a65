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
    /// down with size, and a size-based budget stays the same on every machine.
    static let nodeWork = 100_000
    /// Block models larger than this (columns) are skipped: GLPK's LP alone takes seconds beyond it
    /// (a 14,000-column block of the high school: 5–10 s for a handful of nodes).
    static let columnLimit = 10_000

    struct RoomClass: Hashable {
        let features: [Feature]
        let seats: Int
    }

    func improve(_ start: [PlannedSession], passes: Int = 2, deadline: ContinuousClock.Instant, stop: StopToken?) throws -> [PlannedSession] {
        var sessions = start
        var cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published).total
        for _ in 0..<passes {
            var improvedInPass = false
            for block in scenario.calendar.flexBlocks {
                if stop?.isStopped == true || ContinuousClock.now >= deadline { return sessions }
                guard let replacement = try solveBlock(block, sessions, deadline: deadline, stop: stop) else { continue }
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

    /// The block's sessions re-decided by GLPK, or nil when the model is too large or finds nothing.
    private func solveBlock(_ block: Block, _ sessions: [PlannedSession], deadline: ContinuousClock.Instant, stop: StopToken?) throws -> [PlannedSession]? {
        let policy = scenario.policy
        let others = sessions.filter { $0.block != block.id }
        let mine = sessions.filter { $0.block == block.id }
        var got: [String: Int] = [:], servedToday = Set<String>(), seen: [String: Set<TeacherID>] = [:]
        var teacherToday: [TeacherID: Int] = [:]
        for s in others {
            if s.day == block.day { teacherToday[s.teacher, default: 0] += 1 }
            for st in s.students {
                let key = "\(st)|\(s.subject)"
                got[key, default: 0] += 1
                seen[key, default: []].insert(s.teacher)
                if s.day == block.day { servedToday.insert(key) }
            }
        }
        let unavailable = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, Set($0.unavailable)) })
        let apart = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, Set($0.keepApart)) })
        let largest = scenario.objectives.map(\.maxGroup).max() ?? 1
        var classRooms: [RoomClass: [RoomID]] = [:]
        for room in scenario.rooms where room.isAvailable(in: block.id) {
            classRooms[RoomClass(features: room.features, seats: min(room.capacity, largest)), default: []].append(room.id)
        }
        let classes = classRooms.keys.sorted { ($0.seats, $0.features.map(\.rawValue).joined(separator: ",")) < ($1.seats, $1.features.map(\.rawValue).joined(separator: ",")) }
        let publishedHere = published.filter { $0.block == block.id }
        let teachers = scenario.teachers.filter {
            $0.isAvailable(in: block.id) && $0.hasRoom(afterSessions: teacherToday[$0.id] ?? 0)
        }

        struct Session { let objective: Objective; let teacher: TeacherID; let roomClass: Int }
        var sessionVars: [(Session, Column)] = []
        var placeVars: [(demand: Int, teacher: TeacherID, column: Column)] = []
        let p = try Problem(name: "block_\(ReferenceModel.name(block.id.rawValue))")
        var byObjectiveTeacher: [String: (open: [Column], place: [Column], objective: Objective)] = [:]
        var byDemand: [Int: [(TeacherID, Column)]] = [:]
        // Demands by objective, so that schools with thousands of objectives do not scan every
        // demand for each of them.
        var demandsOn: [ObjectiveID: [Int]] = [:]
        for (e, d) in demands.enumerated() { demandsOn[d.objective, default: []].append(e) }
        for objective in scenario.objectives {
            guard let pool = demandsOn[objective.id], GroupSizeRule.isEnough(pool.count, for: objective) else { continue }
            let eligible = pool.filter { e in
                let d = demands[e], key = "\(d.student)|\(d.subject)"
                return unavailable[d.student]?.contains(block.id) != true
                    && (got[key] ?? 0) < d.wanted && !servedToday.contains(key)
            }
            guard GroupSizeRule.isEnough(eligible.count, for: objective) else { continue }
            let usable = classes.indices.filter { c in
                RoomFeaturesRule.suits(classes[c].features, objective) && GroupSizeRule.roomCanHold(seats: classes[c].seats, objective)
            }
            guard !usable.isEmpty else { continue }
            for teacher in teachers where teacher.teaches(objective.id) {
                let key = "\(objective.id)|\(teacher.id)"
                var opens: [Column] = [], places: [Column] = []
                for c in usable {
                    // Keeping a published session (same teacher, objective and a room of its class) saves
                    // the change; any other session is one.
                    let keeps = publishedHere.contains { $0.teacher == teacher.id && $0.objective == objective.id
                        && classRooms[classes[c]]?.contains($0.room) == true }
                    let change = published.isEmpty ? 0 : (keeps ? -policy.planChange : policy.planChange)
                    let column = try p.addColumn(kind: .binary, objective: policy.session + policy.emptySeat * Double(objective.maxGroup) + change)
                    sessionVars.append((Session(objective: objective, teacher: teacher.id, roomClass: c), column))
                    opens.append(column)
                }
                for e in eligible {
                    let key2 = "\(demands[e].student)|\(demands[e].subject)"
                    let change = (seen[key2].map { !$0.isEmpty && !$0.contains(teacher.id) } ?? false) ? policy.teacherChange : 0
                    let column = try p.addColumn(kind: .binary, objective: -(demands[e].weight + policy.emptySeat - change))
                    placeVars.append((e, teacher.id, column))
                    places.append(column)
                    byDemand[e, default: []].append((teacher.id, column))
                }
                byObjectiveTeacher[key] = (opens, places, objective)
                if p.numberOfColumns > Self.columnLimit { return nil }
            }
        }
        guard !sessionVars.isEmpty else { return mine.isEmpty ? nil : [] }

        // Group sizes: within the objective's minimum and the seats of the room class chosen.
        var seatsOf: [Column: Int] = [:]
        for (session, column) in sessionVars { seatsOf[column] = min(classes[session.roomClass].seats, session.objective.maxGroup) }
        for key in byObjectiveTeacher.keys.sorted() {
            let entry = byObjectiveTeacher[key]!
            try GroupSizeRule.addRows(to: p, places: entry.place, opens: entry.open.map { ($0, seatsOf[$0] ?? 0) },
                                      minGroup: entry.objective.minGroup)
        }
        // A teacher runs at most one session in the block; a room class lends at most its free rooms.
        var byTeacher: [TeacherID: [Column]] = [:], byClass: [Int: [Column]] = [:]
        for (session, column) in sessionVars {
            byTeacher[session.teacher, default: []].append(column)
            byClass[session.roomClass, default: []].append(column)
        }
        for t in byTeacher.keys.sorted() where byTeacher[t]!.count > 1 {
            try p.addRow(bounds: .upper(1), terms: byTeacher[t]!.map { ($0, 1) })
        }
        for c in byClass.keys.sorted() where byClass[c]!.count > (classRooms[classes[c]]?.count ?? 0) {
            try p.addRow(bounds: .upper(Double(classRooms[classes[c]]?.count ?? 0)), terms: byClass[c]!.map { ($0, 1) })
        }
        // A student is in at most one session in the block (across subjects).
        var byStudent: [StudentID: [Column]] = [:]
        for (e, list) in byDemand { byStudent[demands[e].student, default: []] += list.map(\.1) }
        for s in byStudent.keys.sorted() where byStudent[s]!.count > 1 {
            try p.addRow(bounds: .upper(1), terms: byStudent[s]!.map { ($0, 1) })
        }
        // Students to keep apart, with the same teacher in this block.
        var placeIndex: [String: Column] = [:]
        for v in placeVars { placeIndex["\(demands[v.demand].student)|\(v.teacher)"] = v.column }
        for v in placeVars {
            let a = demands[v.demand].student
            for b in (apart[a] ?? []).sorted() where a < b {
                guard let other = placeIndex["\(b)|\(v.teacher)"] else { continue }
                _ = try KeepApartRule.addRows(to: p, v.column, other, rule: policy.keepApart, tag: "")
            }
        }

        // The block's current sessions as the start.
        var start = Array(repeating: 0.0, count: p.numberOfColumns)
        var startValid = true
        var sessionIndex: [String: Column] = [:]
        for (session, column) in sessionVars { sessionIndex["\(session.objective.id)|\(session.teacher)|\(session.roomClass)"] = column }
        var placementIndex: [String: Column] = [:]
        for v in placeVars { placementIndex["\(demands[v.demand].student)|\(demands[v.demand].objective)|\(v.teacher)"] = v.column }
        let rooms = Dictionary(uniqueKeysWithValues: scenario.rooms.map { ($0.id, $0) })
        for s in mine {
            guard let room = rooms[s.room],
                  let c = classes.firstIndex(of: RoomClass(features: room.features, seats: min(room.capacity, largest))),
                  let open = sessionIndex["\(s.objective)|\(s.teacher)|\(c)"]
            else { startValid = false; break }
            start[open.index] = 1
            for st in s.students {
                guard let x = placementIndex["\(st)|\(s.objective)|\(s.teacher)"] else { startValid = false; break }
                start[x.index] = 1
            }
        }
        var options = MIPOptions()
        options.presolve = false
        // Cuts cost more than they gain on these models (measured on the 600-student school:
        // without them, a better plan in half the time).
        options.cuts = false
        options.nodeLimit = max(1, min(nodeLimit, Self.nodeWork / max(1, p.numberOfColumns)))
        options.stopToken = stop
        options.timeLimit = max(0.01, ContinuousClock.now.duration(to: deadline).seconds)
        if startValid { options.start = start }
        let solution = try p.solveMIP(options)
        guard solution.status.hasSolution else { return nil }

        // Hand out real rooms per class, in id order.
        var free = classRooms.mapValues { $0.sorted() }
        var chosen: [String: [StudentID]] = [:]
        for v in placeVars where solution.values[v.column.index] > 0.5 {
            chosen["\(demands[v.demand].objective)|\(v.teacher)", default: []].append(demands[v.demand].student)
        }
        var result: [PlannedSession] = []
        for (session, column) in sessionVars where solution.values[column.index] > 0.5 {
            // The published room when it is in the class and still free, else the first free one.
            let pool = free[classes[session.roomClass]] ?? []
            let wantedRoom = publishedHere.first { $0.teacher == session.teacher && $0.objective == session.objective.id }?.room
            guard let room = wantedRoom.flatMap({ pool.contains($0) ? $0 : nil }) ?? pool.first else { return nil }
            free[classes[session.roomClass]]?.removeAll { $0 == room }
            let students = chosen["\(session.objective.id)|\(session.teacher)"] ?? []
            result.append(PlannedSession.make(session.objective, teacher: session.teacher, room: room, block: block, students: students))
        }
        return result
    }
}
