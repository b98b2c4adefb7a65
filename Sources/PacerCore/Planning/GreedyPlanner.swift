import GLPK

/// Builds a week plan block by block, in chronological order. In each block it opens, one at a
/// time, the session that lowers the objective most (docs/model.md), until no session would lower
/// it: the students it serves are worth more than the session's cost, its empty seats and the
/// teacher changes it causes. Students are taken by weight (priority and waiting first), then by
/// fewest workshops received, then in an order fixed by the seed.
struct GreedyPlanner {
    let scenario: Scenario
    let demands: [Demand]
    let seed: UInt64
    /// A regrouped day's published sessions: the construction starts from `start` (normally the
    /// published sessions that still hold), and every other session it opens costs `plan_change`.
    var published: [PlannedSession] = []
    var start: [PlannedSession] = []

    /// `onBlock` is told each block as the construction reaches it (for progress lines). At the
    /// `deadline` the construction stops after the session it is on (huge schools under a time limit).
    func run(stop: StopToken? = nil, deadline: ContinuousClock.Instant? = nil, onBlock: ((Block) -> Void)? = nil) -> [PlannedSession] {
        let policy = scenario.policy
        let blocks = scenario.calendar.flexBlocks
        let days = scenario.calendar.days.map(\.id)
        let dayIndex = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        let studentIndex = Dictionary(uniqueKeysWithValues: scenario.students.enumerated().map { ($1.id, $0) })
        let apart = scenario.students.map { Set($0.keepApart.compactMap { studentIndex[$0] }) }

        // Per demand: its student, how many workshops so far, on which days, which teachers.
        let owner = demands.map { studentIndex[$0.student] ?? 0 }
        var got = Array(repeating: 0, count: demands.count)
        var servedOnDay = Array(repeating: Set<Int>(), count: demands.count)
        var seen = Array(repeating: Set<Int>(), count: demands.count)
        var studentBusy = Array(repeating: Set<BlockID>(), count: scenario.students.count)
        for (s, student) in scenario.students.enumerated() { studentBusy[s] = Set(student.unavailable) }
        let tiebreak = demands.map { mix(seed, $0.student.rawValue) }

        var byObjective: [ObjectiveID: [Int]] = [:]
        for (e, d) in demands.enumerated() { byObjective[d.objective, default: []].append(e) }
        let qualified: [ObjectiveID: [Int]] = Dictionary(uniqueKeysWithValues: scenario.objectives.map { o in
            (o.id, scenario.teachers.indices.filter { scenario.teachers[$0].teaches(o.id) })
        })
        var teacherBusy = scenario.teachers.map { Set($0.unavailable) }
        var teacherDay = Array(repeating: Array(repeating: 0, count: days.count), count: scenario.teachers.count)
        var roomBusy = scenario.rooms.map { Set($0.unavailable) }

        var sessions: [PlannedSession] = []
        let roomIndex = Dictionary(uniqueKeysWithValues: scenario.rooms.enumerated().map { ($1.id, $0) })
        let teacherIndex = Dictionary(uniqueKeysWithValues: scenario.teachers.enumerated().map { ($1.id, $0) })
        let blockDay = Dictionary(uniqueKeysWithValues: blocks.map { ($0.id, dayIndex[$0.day] ?? 0) })
        var demandIndex: [String: Int] = [:]
        for (e, d) in demands.enumerated() { demandIndex["\(d.student)|\(d.objective)"] = e }
        for session in start {
            guard let t = teacherIndex[session.teacher], let r = roomIndex[session.room], let d = blockDay[session.block] else { continue }
            teacherBusy[t].insert(session.block)
            teacherDay[t][d] += 1
            roomBusy[r].insert(session.block)
            for student in session.students {
                guard let e = demandIndex["\(student)|\(session.objective)"] else { continue }
                got[e] += 1
                servedOnDay[e].insert(d)
                seen[e].insert(t)
                studentBusy[owner[e]].insert(session.block)
            }
            sessions.append(session)
        }
        let newSessionCost = policy.session + (published.isEmpty ? 0 : policy.planChange)
        for block in blocks {
            if stop?.isStopped == true { break }
            if let deadline, ContinuousClock.now >= deadline { break }
            onBlock?(block)
            let d = dayIndex[block.day] ?? 0
            while true {
                if let deadline, ContinuousClock.now >= deadline { break }
                var best: (gain: Double, objective: Objective, teacher: Int, room: Int, members: [Int])?
                for objective in scenario.objectives {
                    guard let pool = byObjective[objective.id] else { continue }
                    var eligible = pool.filter { e in
                        got[e] < demands[e].wanted && !servedOnDay[e].contains(d) && !studentBusy[owner[e]].contains(block.id)
                    }
                    guard GroupSizeRule.isEnough(eligible.count, for: objective) else { continue }
                    eligible.sort { a, b in
                        (-demands[a].weight, got[a], tiebreak[a], a) < (-demands[b].weight, got[b], tiebreak[b], b)
                    }
                    // The room: the smallest free suitable room that seats everyone who could come.
                    let wanted = min(eligible.count, objective.maxGroup)
                    var room: (index: Int, seats: Int)?
                    for (r, candidate) in scenario.rooms.enumerated()
                    where !roomBusy[r].contains(block.id) && RoomFeaturesRule.suits(candidate.features, objective) {
                        let seats = min(candidate.capacity, objective.maxGroup)
                        guard GroupSizeRule.roomCanHold(seats: candidate.capacity, objective) else { continue }
                        if let current = room {
                            let currentFits = current.seats >= wanted, fits = seats >= wanted
                            let better = fits && !currentFits
                                || (fits == currentFits && (fits ? candidate.capacity < scenario.rooms[current.index].capacity : seats > current.seats))
                            if better { room = (r, seats) }
                        } else {
                            room = (r, seats)
                        }
                    }
                    guard let room else { continue }
                    for t in qualified[objective.id] ?? []
                    where !teacherBusy[t].contains(block.id) && scenario.teachers[t].hasRoom(afterSessions: teacherDay[t][d]) {
                        var members: [Int] = []
                        var gain = -newSessionCost - policy.emptySeat * Double(objective.maxGroup)
                        for e in eligible where members.count < room.seats {
                            if !KeepApartRule.allows(apart: apart[owner[e]], joining: members.lazy.map { owner[$0] }) { continue }
                            var value = demands[e].weight + policy.emptySeat
                            if !seen[e].isEmpty && !seen[e].contains(t) { value -= policy.teacherChange }
                            guard value > 0 else { continue }
                            members.append(e)
                            gain += value
                        }
                        guard GroupSizeRule.isEnough(members.count, for: objective) else { continue }
                        if gain > (best?.gain ?? 0) { best = (gain, objective, t, room.index, members) }
                    }
                }
                guard let chosen = best else { break }
                let teacher = scenario.teachers[chosen.teacher]
                teacherBusy[chosen.teacher].insert(block.id)
                teacherDay[chosen.teacher][d] += 1
                roomBusy[chosen.room].insert(block.id)
                for e in chosen.members {
                    got[e] += 1
                    servedOnDay[e].insert(d)
                    seen[e].insert(chosen.teacher)
                    studentBusy[owner[e]].insert(block.id)
                }
                sessions.append(PlannedSession.make(
                    chosen.objective, teacher: teacher.id, room: scenario.rooms[chosen.room].id, block: block,
                    students: chosen.members.map { demands[$0].student }))
            }
        }
        return sessions
    }
}

/// A stable 64-bit mix of the seed and a text (FNV-1a, then SplitMix64's finalizer).
func mix(_ seed: UInt64, _ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
    for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
    h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
    return h ^ (h >> 31)
}
