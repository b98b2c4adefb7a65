import GLPK

/// Builds a week plan block by block, in chronological order. In each block it opens, one at a
/// time, the session that lowers the objective most (docs/model.md), until no session would lower
/// it: the students it serves are worth more than the session's cost, its empty seats and the
/// teacher changes it causes. Students are taken by weight (their need, `Need`), then by fewest
/// workshops received, then in an order fixed by the seed; a student is left out of a session when
/// they need another subject more and a session of it can still open in the block (`heldBack`).
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
    /// Every hard rule is the rule catalogue's: a teacher, room or student takes part only where
    /// it admits them in the plan as built so far.
    func run(stop: StopToken? = nil, deadline: ContinuousClock.Instant? = nil, onBlock: ((Block) -> Void)? = nil) -> [PlannedSession] {
        let terms = ObjectiveTerms(scenario: scenario, demands: demands, published: published)
        let rules = RuleCatalogue(scenario)
        let school = rules.school
        let slots = CandidateSlots(rules: rules, roomClasses: RoomClass.named(school), plan: nil)
        var plan = rules.emptyPlan

        // Per demand: its student, how many workshops so far, which teachers.
        let owner = demands.map { school.studentAt[$0.student] ?? 0 }
        var got = Array(repeating: 0, count: demands.count)
        // Per goal (`terms.goals`): whether a workshop so far meets it.
        var met = Array(repeating: false, count: terms.goals.count)
        var seen = Array(repeating: Set<Int>(), count: demands.count)
        let tiebreak = demands.map { mix(seed, $0.student.rawValue) }
        var byObjective: [ObjectiveID: [Int]] = [:]
        for (e, d) in demands.enumerated() { byObjective[d.objective, default: []].append(e) }
        let demandOf = Dictionary(demands.enumerated().map { (StudentObjective($1.student, $1.objective), $0) }, uniquingKeysWith: { first, _ in first })

        var sessions: [PlannedSession] = []
        for session in start {
            guard let t = school.teacherAt[session.teacher] else { continue }
            plan.add(session)
            for student in session.students {
                for g in terms.goals(metBy: student, in: session) { met[g] = true }
                guard let e = demandOf[StudentObjective(student, session.objective)] else { continue }
                got[e] += 1
                seen[e].insert(t)
            }
            sessions.append(session)
        }
        // Features some objective needs: a room that has one a session does not need is kept for
        // the sessions that do, when another room will do.
        let needed = Set(scenario.objectives.flatMap(\.needs))
        for (b, block) in school.blocks.enumerated() {
            if stop?.isStopped == true { break }
            if let deadline, ContinuousClock.now >= deadline { break }
            onBlock?(block)
            // Who the rules permit in this block whatever the plan (availability, qualification, features).
            let permitted = Permitted(
                rooms: Dictionary(uniqueKeysWithValues: scenario.objectives.map { objective in
                    (objective.id, slots.rooms(hosting: objective, in: b).map { room in
                        let r = room.rooms[0]
                        return (r, room.seats, !school.rooms[r].features.contains { needed.contains($0) && !objective.needs.contains($0) })
                    })
                }),
                teachers: Dictionary(uniqueKeysWithValues: scenario.objectives.map { objective in
                    (objective.id, slots.teachers(running: objective, in: b))
                }),
                demands: demands.indices.map { e in
                    scenario.objective(demands[e].objective).map { slots.admits(student: owner[e], attending: $0, in: b) } ?? false
                })
            while true {
                if let deadline, ContinuousClock.now >= deadline { break }
                guard let best = bestSession(in: b, rules: rules, plan: plan, permitted: permitted, pools: byObjective,
                                             owner: owner, got: got, seen: seen, met: met, tiebreak: tiebreak, terms: terms)
                else { break }
                let session = PlannedSession.make(
                    best.objective, teacher: school.teachers[best.teacher].id, room: school.rooms[best.room].id, block: block,
                    students: best.members.map { demands[$0].student })
                plan.add(session)
                for student in session.students { for g in terms.goals(metBy: student, in: session) { met[g] = true } }
                for e in best.members {
                    got[e] += 1
                    seen[e].insert(best.teacher)
                }
                sessions.append(session)
            }
        }
        return sessions
    }

    /// Who the rules permit in one block whatever the plan: rooms per objective (with the seats
    /// each gives it, and whether it spares the features other objectives need), teachers per
    /// objective, and whether each demand's student may attend.
    private struct Permitted {
        let rooms: [ObjectiveID: [(index: Int, seats: Int, spares: Bool)]]
        let teachers: [ObjectiveID: [Int]]
        let demands: [Bool]
    }

    /// The session that lowers the objective most in block `b` of `plan`, if any does.
    private func bestSession(
        in b: Int, rules: RuleCatalogue, plan: Occupancy, permitted: Permitted,
        pools: [ObjectiveID: [Int]], owner: [Int], got: [Int], seen: [Set<Int>], met: [Bool], tiebreak: [UInt64], terms: ObjectiveTerms
    ) -> (gain: Double, objective: Objective, teacher: Int, room: Int, members: [Int])? {
        let rooms = scenario.rooms
        // Every session the construction opens is new: on a regrouped day, a change.
        let newSessionChanges = published.isEmpty ? 0 : 1
        var best: (gain: Double, objective: Objective, teacher: Int, room: Int, members: [Int])?
        // What a session takes from independent study in this block: its teacher and room, less
        // the students it seats (the **no place** term).
        let study = terms.study
        let left = study.present[b].count - plan.studentsPlaced(in: b), capacity = study.capacity(in: b, plan)
        var capacityWithout: [Int: Int] = [:]
        func noPlaceChange(teacher t: Int, room r: Int, seating k: Int) -> Double {
            let key = r * 2 + (study.supervises[t] ? 1 : 0)
            let after = capacityWithout[key] ?? study.capacity(in: b, plan, alsoBusy: (t, r))
            capacityWithout[key] = after
            return terms.noPlace(from: max(0, left - capacity), to: max(0, left - k - after))
        }
        let held = heldBack(in: b, rules: rules, plan: plan, permitted: permitted, owner: owner, got: got, met: met, terms: terms)
        for objective in scenario.objectives {
            guard let pool = pools[objective.id] else { continue }
            var eligible = pool.filter { e in
                got[e] < demands[e].wanted && permitted.demands[e] && !held.contains(e)
                    && rules.allows(student: owner[e], attending: objective, in: b, plan)
            }
            guard GroupSizeRule.isEnough(eligible.count, for: objective) else { continue }
            // What a place here earns in **unmet requests** with teacher `t`: the goals it would be
            // the first to meet. Those students come first; the order depends on the teacher only
            // when a request asks for one.
            let block = rules.school.blocks[b]
            let asking = eligible.filter { !demands[$0].goals.isEmpty }
            let byTeacher = asking.contains { e in demands[e].goals.contains { $0.teacher != nil } }
            func earned(with t: Int) -> [Int: Double] {
                let teacher = rules.school.teachers[t].id
                var requests: [Int: Double] = [:]
                for e in asking {
                    requests[e] = terms.goals(metBy: demands[e].student, demands[e].subject, objective.id, teacher: teacher, day: block.day, block: block.id)
                        .reduce(0) { $0 + (met[$1] ? 0 : terms.goals[$1].weight) }
                }
                return requests
            }
            func ordered(_ eligible: [Int], _ requests: [Int: Double]) -> [Int] {
                eligible.sorted { a, b in
                    (-demands[a].weight - (requests[a] ?? 0), got[a], tiebreak[a], a) < (-demands[b].weight - (requests[b] ?? 0), got[b], tiebreak[b], b)
                }
            }
            let teachers = (permitted.teachers[objective.id] ?? []).filter { rules.allows(teacher: $0, running: objective, in: b, plan) }
            var requests: [Int: Double] = teachers.first.map(earned(with:)) ?? [:]
            eligible = ordered(eligible, requests)
            // The room: one that holds no feature another objective needs and this one does not
            // (a lab stays free for lab work), then the smallest that seats everyone who could come.
            let wanted = min(eligible.count, objective.maxGroup)
            var room: (index: Int, seats: Int, spares: Bool)?
            for (r, seats, spares) in permitted.rooms[objective.id] ?? [] where rules.allows(room: r, hosting: objective, in: b, plan) {
                if let current = room {
                    let currentFits = current.seats >= wanted, fits = seats >= wanted
                    let better = spares && !current.spares
                        || spares == current.spares && (fits && !currentFits
                            || (fits == currentFits && (fits ? rooms[r].capacity < rooms[current.index].capacity : seats > current.seats)))
                    if better { room = (r, seats, spares) }
                } else {
                    room = (r, seats, spares)
                }
            }
            guard let room else { continue }
            for t in teachers {
                if byTeacher, t != teachers.first {
                    requests = earned(with: t)
                    eligible = ordered(eligible, requests)
                }
                var members: [Int] = [], who: [Int] = []
                var gain = -terms.opening(maxGroup: objective.maxGroup, planChanges: newSessionChanges)
                for e in eligible where members.count < room.seats {
                    if !rules.allows(student: owner[e], joining: who) { continue }
                    // Every eligible student is short of workshops.
                    let value = -terms.placing(shortBy: demands[e].weight, newTeacher: !seen[e].isEmpty && !seen[e].contains(t),
                                               requests: requests[e] ?? 0)
                    guard value > 0 else { continue }
                    members.append(e)
                    who.append(owner[e])
                    gain += value
                }
                guard GroupSizeRule.isEnough(members.count, for: objective) else { continue }
                gain -= noPlaceChange(teacher: t, room: room.index, seating: members.count)
                if gain > (best?.gain ?? 0) { best = (gain, objective, t, room.index, members) }
            }
        }
        return best
    }

    /// The demands whose student needs another subject more (a greater weight, with the requests
    /// not yet met that a place in it could meet in this block) and could still join a session of
    /// it in block `b`: one with a teacher and a room free there. Without it, a session of the
    /// first subject could take every student, and none would be left for the subject they need
    /// most (a block where each student can have one of two subjects).
    private func heldBack(in b: Int, rules: RuleCatalogue, plan: Occupancy, permitted: Permitted, owner: [Int], got: [Int],
                          met: [Bool], terms: ObjectiveTerms) -> Set<Int> {
        let block = rules.school.blocks[b]
        // What a place in the demand's subject here is worth: its weight, and the goals it carries
        // that this block's day and period could meet (whatever the teacher: an upper bound).
        func worth(_ e: Int) -> Double {
            let d = demands[e]
            guard !d.goals.isEmpty else { return d.weight }
            return (terms.goalsOf[StudentSubject(d.student, d.subject)] ?? []).reduce(d.weight) { total, g in
                let goal = terms.goals[g]
                return total + (!met[g] && goal.asks(on: block.day, in: block.period) ? goal.weight : 0)
            }
        }
        var open: [ObjectiveID: Bool] = [:]
        func canOpen(_ objective: Objective) -> Bool {
            if let known = open[objective.id] { return known }
            let can = (permitted.teachers[objective.id] ?? []).contains { rules.allows(teacher: $0, running: objective, in: b, plan) }
                && (permitted.rooms[objective.id] ?? []).contains { rules.allows(room: $0.index, hosting: objective, in: b, plan) }
            open[objective.id] = can
            return can
        }
        var wanting: [Int: [Int]] = [:]
        for e in demands.indices where got[e] < demands[e].wanted && permitted.demands[e] { wanting[owner[e], default: []].append(e) }
        var held = Set<Int>()
        for (student, es) in wanting where es.count > 1 {
            for e in es {
                let elsewhere = es.contains { other in
                    guard worth(other) > worth(e), let objective = scenario.objective(demands[other].objective) else { return false }
                    return rules.allows(student: student, attending: objective, in: b, plan) && canOpen(objective)
                }
                if elsewhere { held.insert(e) }
            }
        }
        return held
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
