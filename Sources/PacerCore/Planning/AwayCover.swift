/// What a regrouped day does for the students of a teacher who is away (docs/model.md, "Regrouping
/// a day"). Before the search, for each published session whose teacher is away in its block, the
/// students who still want it there are given, in this order:
///
/// 1. **a free qualified teacher**: one the rule catalogue admits in the block as the plan stands
///    (the published sessions that still hold, and the covers made so far), in the session's room
///    when it can still host it, else the smallest suitable room that seats the group;
/// 2. **another session of the objective in the block with room**: the students join the sessions
///    with most free seats first, as far as seats, keep-apart and their own day allow;
/// 3. **a qualified teacher who gives up their own group** in the block, only when that is cheaper
///    in the objective (the away group's need served against the own group's need lost, the plan
///    changes and the empty seats, `ObjectiveTerms`): nobody's group is dropped otherwise;
/// 4. otherwise the session is **cancelled**, and its students are independent study's business
///    (`StudyPlacer`).
///
/// Each step is priced with `ObjectiveTerms` (a cover that would cost more than it serves is not
/// made) and is only a start: the search that follows keeps it unless it finds a cheaper plan.
/// What was tried (who was not free and why, the sessions of the objective and their free seats)
/// is recorded, and `outcomes` says after the search what the day plan did with each group
/// (plan.json's `changes.covers`, worded by `DayChangeText`).
struct AwayCover {
    /// The day's scenario: an absent teacher is unavailable in the blocks they are away.
    let scenario: Scenario
    let demands: [Demand]
    let published: [PlannedSession]

    /// The sessions the search starts from (`holding`, the published sessions that still hold,
    /// with the covers and merges), and what was tried for each away teacher's group.
    func start(from holding: [PlannedSession]) -> (sessions: [PlannedSession], tries: [DayChanges.Cover]) {
        // The published sessions dropped because their teacher is away in their block, in block order.
        let order = scenario.calendar.blockOrder
        let away = published.filter { session in
            !holding.contains { $0.teacherBlock == session.teacherBlock }
                && scenario.teachers.first { $0.id == session.teacher }?.unavailable.contains(session.block) == true
        }.sorted { (order[$0.block] ?? 0, $0.teacher.rawValue) < (order[$1.block] ?? 0, $1.teacher.rawValue) }
        guard !away.isEmpty else { return (holding, []) }
        let rules = RuleCatalogue(scenario)
        let school = rules.school
        let terms = ObjectiveTerms(scenario: scenario, demands: demands, published: published)
        let publishedKeys = Set(published.map(\.key))
        let demandOf = Dictionary(demands.filter { $0.wanted > 0 }.map { (StudentObjective($0.student, $0.objective), $0) },
                                  uniquingKeysWith: { first, _ in first })
        var plan = rules.emptyPlan
        var sessions = holding
        for session in sessions { plan.add(session) }
        var tries: [DayChanges.Cover] = []
        /// Students with no place in block `b` of `plan` (the **no place** term).
        func noPlace(in b: Int, _ plan: Occupancy) -> Int {
            max(0, terms.study.present[b].count - plan.studentsPlaced(in: b) - terms.study.capacity(in: b, plan))
        }
        /// A session of `objective` by teacher `t` in block `b` for `group`, in the published room
        /// when it can host it, else the smallest suitable room that seats the group; nil when no
        /// room is free or too few of the group may join it.
        func session(of objective: Objective, by t: Int, in b: Int, for group: [StudentID], preferring room: RoomID, _ plan: Occupancy)
            -> PlannedSession? {
            let block = school.blocks[b]
            var rooms = school.rooms.indices.filter { rules.admits(room: $0, hosting: objective, in: b, plan) }
            rooms.sort { a, c in
                let fitsA = school.rooms[a].capacity >= group.count, fitsC = school.rooms[c].capacity >= group.count
                return (school.rooms[a].id == room ? 0 : 1, fitsA ? 0 : 1, fitsA ? school.rooms[a].capacity : -school.rooms[a].capacity, a)
                    < (school.rooms[c].id == room ? 0 : 1, fitsC ? 0 : 1, fitsC ? school.rooms[c].capacity : -school.rooms[c].capacity, c)
            }
            guard let r = rooms.first else { return nil }
            let seats = min(objective.maxGroup, school.rooms[r].capacity)
            var members: [Int] = [], students: [StudentID] = []
            for student in group where students.count < seats {
                guard let s = school.studentAt[student], rules.allows(student: s, joining: members) else { continue }
                members.append(s)
                students.append(student)
            }
            guard GroupSizeRule.isEnough(students.count, for: objective) else { return nil }
            return PlannedSession.make(objective, teacher: school.teachers[t].id, room: school.rooms[r].id, block: block, students: students)
        }
        /// The weights of the goals `student`'s place in `session` meets and no other session of
        /// the plan so far does (`besides` left out): what the place earns in **unmet requests**.
        func requests(_ student: StudentID, in session: PlannedSession, besides other: PlannedSession?) -> Double {
            terms.goals(metBy: student, in: session).reduce(0) { total, g in
                let elsewhere = sessions.contains { s in
                    s.key != session.key && s.key != other?.key && s.students.contains(student) && terms.goals(metBy: student, in: s).contains(g)
                }
                return total + (elsewhere ? 0 : terms.goals[g].weight)
            }
        }
        /// What opening `session` (and closing `closing`) changes in the objective, in block `b`.
        func price(opening session: PlannedSession, closing: PlannedSession?, in b: Int, _ plan: Occupancy) -> Double {
            var after = plan
            var change = 0.0
            if let closing {
                after.remove(closing)
                change -= terms.opening(maxGroup: scenario.objective(closing.objective)?.maxGroup ?? 0,
                                        planChanges: publishedKeys.contains(closing.key) ? -1 : 1)
                for student in closing.students {
                    change -= terms.placing(shortBy: demandOf[StudentObjective(student, closing.objective)]?.weight,
                                            requests: requests(student, in: closing, besides: nil))
                }
            }
            after.add(session)
            change += terms.opening(maxGroup: scenario.objective(session.objective)?.maxGroup ?? 0,
                                    planChanges: publishedKeys.contains(session.key) ? -1 : 1)
            for student in session.students {
                change += terms.placing(shortBy: demandOf[StudentObjective(student, session.objective)]?.weight,
                                        requests: requests(student, in: session, besides: closing))
            }
            return change + terms.noPlace(from: noPlace(in: b, plan), to: noPlace(in: b, after))
        }

        for gone in away {
            guard let b = school.blockAt[gone.block], let objective = scenario.objective(gone.objective) else { continue }
            var group = gone.students.filter { student in
                guard demandOf[StudentObjective(student, objective.id)] != nil, let s = school.studentAt[student] else { return false }
                return rules.admits(student: s, attending: objective, in: b, plan)
            }
            guard !group.isEmpty else { continue }
            group.sort { (-(demandOf[StudentObjective($0, objective.id)]?.weight ?? 0), $0) < (-(demandOf[StudentObjective($1, objective.id)]?.weight ?? 0), $1) }
            // Qualified: they teach it and run workshops (`QualificationRule`); the rest of the catalogue says whether they are free.
            let qualified = school.teachers.indices.filter {
                school.teachers[$0].id != gone.teacher && school.teachers[$0].teaches(objective.id) && school.teachers[$0].runsWorkshops
            }
            var attempt = DayChanges.Cover(teacher: gone.teacher, block: gone.block, objective: objective.id, students: group.sorted(),
                                           outcome: .cancelled, notFree: [], others: [])
            // 1. A free qualified teacher.
            var best: (price: Double, session: PlannedSession)?
            for t in qualified {
                guard rules.admits(teacher: t, running: objective, in: b, plan) else {
                    let own = sessions.first { $0.block == gone.block && $0.teacher == school.teachers[t].id }
                    let why = own == nil ? rules.refusing(teacher: t, running: objective, in: b, plan)
                        .map { rules.rules[$0].refusal(of: .teacher, objective) } : nil
                    attempt.notFree.append(.init(teacher: school.teachers[t].id, running: own?.objective, why: why))
                    continue
                }
                guard let cover = session(of: objective, by: t, in: b, for: group, preferring: gone.room, plan) else {
                    attempt.notFree.append(.init(teacher: school.teachers[t].id, running: nil, why: "no suitable room free"))
                    continue
                }
                let change = price(opening: cover, closing: nil, in: b, plan)
                if change < -1e-9, change < (best?.price ?? 0) { best = (change, cover) }
            }
            if let (_, cover) = best {
                sessions.append(cover)
                plan.add(cover)
                group.removeAll { cover.students.contains($0) }
            }
            // 2. Other sessions of the objective in the block with room.
            let others = sessions.indices.filter { sessions[$0].block == gone.block && sessions[$0].objective == objective.id
                && sessions[$0].teacher != best?.session.teacher }
            func freeSeats(_ i: Int) -> Int {
                let seats = min(objective.maxGroup, school.roomAt[sessions[i].room].map { school.rooms[$0].capacity } ?? 0)
                return max(0, seats - sessions[i].students.count)
            }
            attempt.others = others.map { .init(teacher: sessions[$0].teacher, room: sessions[$0].room, free: freeSeats($0)) }
            for student in group {
                guard let s = school.studentAt[student] else { continue }
                let open = others.filter { i in
                    freeSeats(i) > 0 && rules.allows(student: s, joining: sessions[i].students.compactMap { school.studentAt[$0] })
                }.sorted { (-freeSeats($0), $0) < (-freeSeats($1), $1) }
                guard let i = open.first else { continue }
                sessions[i].students = (sessions[i].students + [student]).sorted()
                plan.add(student, to: sessions[i])
            }
            group.removeAll { student in others.contains { sessions[$0].students.contains(student) } }
            // 3. A qualified teacher who gives up their own group, when that is cheaper.
            if !group.isEmpty, best == nil {
                var giving: (price: Double, session: PlannedSession, own: Int)?
                for t in qualified {
                    guard let own = sessions.firstIndex(where: { $0.block == gone.block && $0.teacher == school.teachers[t].id }),
                          sessions[own].objective != objective.id else { continue }
                    var without = plan
                    without.remove(sessions[own])
                    guard rules.admits(teacher: t, running: objective, in: b, without),
                          let cover = session(of: objective, by: t, in: b, for: group, preferring: sessions[own].room, without)
                    else { continue }
                    // Cheaper for students (the need served against the need lost) and in the whole objective.
                    func need(_ session: PlannedSession) -> Double {
                        session.students.reduce(0) { $0 + (demandOf[StudentObjective($1, session.objective)]?.weight ?? 0) }
                    }
                    guard need(cover) > need(sessions[own]) else { continue }
                    let change = price(opening: cover, closing: sessions[own], in: b, plan)
                    if change < -1e-9, change < (giving?.price ?? 0) { giving = (change, cover, own) }
                }
                if let (_, cover, own) = giving {
                    plan.remove(sessions[own])
                    sessions.remove(at: own)
                    sessions.append(cover)
                    plan.add(cover)
                }
            }
            tries.append(attempt)
        }
        return (sessions, tries)
    }

    /// What the day plan `sessions` did with each away teacher's group that was tried: covered (a
    /// session of the objective in the block that was not published, by another teacher, with
    /// whether they gave up their own published group there and the need each side had), merged
    /// (students in other published sessions of it there) or cancelled.
    static func outcomes(_ tries: [DayChanges.Cover], sessions: [PlannedSession], published: [PlannedSession],
                         demands: [Demand]) -> [DayChanges.Cover] {
        let publishedKeys = Set(published.map(\.key))
        let weight = Dictionary(demands.map { (StudentObjective($0.student, $0.objective), $0.weight) }, uniquingKeysWith: { first, _ in first })
        var served = Set<StudentObjective>()
        for session in sessions { for student in session.students { served.insert(StudentObjective(student, session.objective)) } }
        return tries.map { attempt in
            var result = attempt
            let group = Set(attempt.students)
            let there = sessions.filter { $0.block == attempt.block && $0.objective == attempt.objective && $0.teacher != attempt.teacher }
            let cover = there.first { !publishedKeys.contains($0.key) && !group.isDisjoint(with: $0.students) }
            let joined = there.filter { publishedKeys.contains($0.key) && !group.isDisjoint(with: $0.students) }
            result.coveredBy = cover?.teacher
            result.room = cover?.room
            result.joined = joined.isEmpty ? nil : joined.map { .init(teacher: $0.teacher, students: group.intersection($0.students).count) }
            let reached = Set(there.flatMap(\.students)).intersection(group)
            result.left = group.subtracting(reached).sorted()
            let left = Set(result.left)
            let elsewhere = sessions.filter { $0.block != attempt.block && $0.objective == attempt.objective && !left.isDisjoint(with: $0.students) }
                .sorted { ($0.block.rawValue, $0.teacher.rawValue) < ($1.block.rawValue, $1.teacher.rawValue) }
                .map { DayChanges.Cover.Elsewhere(block: $0.block, teacher: $0.teacher, students: left.intersection($0.students).count) }
            result.laterOrEarlier = elsewhere.isEmpty ? nil : elsewhere
            if let cover, let own = published.first(where: { $0.block == attempt.block && $0.teacher == cover.teacher && $0.key != cover.key }) {
                let lost = own.students.filter { !served.contains(StudentObjective($0, own.objective)) }
                result.gaveWay = .init(objective: own.objective, students: own.students.count, without: lost,
                                       needServed: group.intersection(cover.students).reduce(0) { $0 + (weight[StudentObjective($1, attempt.objective)] ?? 0) },
                                       needLost: lost.reduce(0) { $0 + (weight[StudentObjective($1, own.objective)] ?? 0) })
            }
            result.outcome = cover != nil ? .covered : joined.isEmpty ? .cancelled : .merged
            return result
        }
    }
}
