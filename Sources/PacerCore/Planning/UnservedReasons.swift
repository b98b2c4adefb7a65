/// Why a student did not get every workshop they wanted, in words a scheduler can act on. The
/// checks go from the most fundamental (nobody can teach it) to the plan's own choices.
///
/// Lookups are indexed once (students, peers per objective, sessions per student, teacher and room
/// use), so explaining every unserved student of a very large school stays linear.
struct UnservedReasons {
    let scenario: Scenario
    let sessions: [PlannedSession]
    private let rules: RuleCatalogue
    /// The plan's sessions, as the rules ask about them.
    private let plan: Occupancy
    private let peers: [ObjectiveID: Int]
    /// Per objective whose minimum group is above one, per flex block (by position): how many of
    /// its students the rule catalogue admits there. Worked out once, like the two below.
    private let freeOnIt: [ObjectiveID: [Int]]
    private let sessionsOn: [ObjectiveID: [PlannedSession]]
    private let capacity: [RoomID: Int]
    private let qualified: [ObjectiveID: [Teacher]]
    private let suitable: [ObjectiveID: [Room]]
    /// Per objective, per flex block (by position): whether the rule catalogue admits a qualified
    /// teacher there, and whether, besides, a suitable room. They do not depend on the student, so
    /// they are worked out once (a large school asks millions of times).
    private let teacherFreeAt: [ObjectiveID: [Bool]]
    private let roomFreeAt: [ObjectiveID: [Bool]]

    init(scenario: Scenario, sessions: [PlannedSession]) {
        self.scenario = scenario
        self.sessions = sessions
        let rules = RuleCatalogue(scenario)
        let school = rules.school, plan = Occupancy(school, sessions: sessions)
        self.rules = rules
        self.plan = plan
        var peers: [ObjectiveID: Int] = [:], studentsOn: [ObjectiveID: [Int]] = [:]
        for student in scenario.students {
            for objective in student.current.values {
                peers[objective, default: 0] += 1
                if let s = school.studentAt[student.id] { studentsOn[objective, default: []].append(s) }
            }
        }
        self.peers = peers
        var sessionsOn: [ObjectiveID: [PlannedSession]] = [:]
        for s in sessions { sessionsOn[s.objective, default: []].append(s) }
        self.sessionsOn = sessionsOn
        var qualified: [ObjectiveID: [Teacher]] = [:], suitable: [ObjectiveID: [Room]] = [:]
        for objective in scenario.objectives {
            qualified[objective.id] = scenario.teachers.filter { $0.teaches(objective.id) && $0.runsWorkshops }
            suitable[objective.id] = scenario.rooms.filter { $0.suits(objective) }
        }
        self.qualified = qualified
        self.suitable = suitable
        var teacherFreeAt: [ObjectiveID: [Bool]] = [:], roomFreeAt: [ObjectiveID: [Bool]] = [:]
        for objective in scenario.objectives where peers[objective.id] != nil {
            let teachers = (qualified[objective.id] ?? []).compactMap { school.teacherAt[$0.id] }
            let rooms = (suitable[objective.id] ?? []).compactMap { school.roomAt[$0.id] }
            let teacherFree = school.blocks.indices.map { b in teachers.contains { rules.admits(teacher: $0, running: objective, in: b, plan) } }
            teacherFreeAt[objective.id] = teacherFree
            roomFreeAt[objective.id] = school.blocks.indices.map { b in
                teacherFree[b] && rooms.contains { rules.admits(room: $0, hosting: objective, in: b, plan) }
            }
        }
        self.teacherFreeAt = teacherFreeAt
        self.roomFreeAt = roomFreeAt
        var freeOnIt: [ObjectiveID: [Int]] = [:]
        for objective in scenario.objectives where objective.minGroup > 1 {
            guard let students = studentsOn[objective.id] else { continue }
            freeOnIt[objective.id] = school.blocks.indices.map { b in students.filter { rules.admits(student: $0, attending: objective, in: b, plan) }.count }
        }
        self.freeOnIt = freeOnIt
        capacity = Dictionary(scenario.rooms.map { ($0.id, $0.capacity) }, uniquingKeysWith: { first, _ in first })
    }

    func reason(for demand: Demand) -> UnservedReason {
        let o = demand.objective
        guard let objective = scenario.objective(o), let s = rules.school.studentAt[demand.student]
        else { return .unknownObjective(o) }
        let teachers = qualified[o] ?? []
        if teachers.isEmpty { return .noQualifiedTeacher(o) }
        let rooms = suitable[o] ?? []
        if rooms.isEmpty {
            return .noRoomWithFeatures(o, needs: objective.needs)
        }
        if !rooms.contains(where: { GroupSizeRule.roomCanHold(seats: $0.capacity, objective) }) {
            return .roomsTooSmall(o, minGroup: objective.minGroup)
        }
        let onObjective = peers[o] ?? 0
        if onObjective < objective.minGroup {
            return .tooFewStudents(o, onIt: onObjective, minGroup: objective.minGroup)
        }
        // Blocks where the rule catalogue admits the student (free, not already in this subject that day).
        let flex = rules.school.blocks
        let freeIndices = flex.indices.filter { rules.admits(student: s, attending: objective, in: $0, plan) }
        let free = freeIndices.map { flex[$0] }
        if free.isEmpty { return .noFreeBlock(demand.subject) }
        let teacherFreeAt = self.teacherFreeAt[o] ?? []
        let teacherFree = freeIndices.filter { $0 < teacherFreeAt.count && teacherFreeAt[$0] }
        let freeIDs = Set(free.map(\.id))
        let open = (sessionsOn[o] ?? []).filter { freeIDs.contains($0.block) }
        if !open.isEmpty, open.allSatisfy({ s in s.students.count >= min(objective.maxGroup, capacity[s.room] ?? 0) }), teacherFree.isEmpty {
            return .sessionsFull(o)
        }
        if teacherFree.isEmpty {
            return .noQualifiedTeacherFree(o, teachers: teachers.map(\.id))
        }
        let roomFreeAt = self.roomFreeAt[o] ?? []
        let roomFree = teacherFree.filter { $0 < roomFreeAt.count && roomFreeAt[$0] }
        if roomFree.isEmpty {
            return .noSuitableRoomFree(o, needs: objective.needs)
        }
        // Where no session on the objective runs while the student is free, a new one needs its
        // minimum group free at once, in a block with a qualified teacher and a room.
        if objective.minGroup > 1, open.isEmpty, let freeOnIt = freeOnIt[o] {
            let together = roomFree.map { $0 < freeOnIt.count ? freeOnIt[$0] : 0 }.max() ?? 0
            if together < objective.minGroup { return .tooFewFreeTogether(o, most: together, minGroup: objective.minGroup) }
        }
        return .notWorthASession(o)
    }
}
