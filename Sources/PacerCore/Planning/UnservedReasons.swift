/// Why a student did not get every workshop they wanted, in words a scheduler can act on. The
/// checks go from the most fundamental (nobody can teach it) to the plan's own choices.
///
/// Lookups are indexed once (students, peers per objective, sessions per student, teacher and room
/// use), so explaining every unserved student of a very large school stays linear.
struct UnservedReasons {
    let scenario: Scenario
    let sessions: [PlannedSession]
    private let students: [StudentID: Student]
    private let peers: [ObjectiveID: Int]
    private let sessionsOf: [StudentID: [PlannedSession]]
    private let sessionsOn: [ObjectiveID: [PlannedSession]]
    private let teacherBusy: Set<TeacherBlock>
    private let teacherPerDay: [TeacherDay: Int]
    private let roomBusy: Set<RoomBlock>
    private let capacity: [RoomID: Int]
    private let qualified: [ObjectiveID: [Teacher]]
    private let suitable: [ObjectiveID: [Room]]
    /// Per objective, per flex block (by position): whether a qualified teacher is free there, and
    /// whether, besides, a suitable room is. They do not depend on the student, so they are worked
    /// out once (ids hash slowly, and a large school asks millions of times).
    private let teacherFreeAt: [ObjectiveID: [Bool]]
    private let roomFreeAt: [ObjectiveID: [Bool]]

    private struct TeacherBlock: Hashable { let teacher: TeacherID, block: BlockID }
    private struct TeacherDay: Hashable { let teacher: TeacherID, day: DayID }
    private struct RoomBlock: Hashable { let room: RoomID, block: BlockID }

    init(scenario: Scenario, sessions: [PlannedSession]) {
        self.scenario = scenario
        self.sessions = sessions
        students = Dictionary(scenario.students.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var peers: [ObjectiveID: Int] = [:]
        for student in scenario.students { for objective in student.current.values { peers[objective, default: 0] += 1 } }
        self.peers = peers
        var sessionsOf: [StudentID: [PlannedSession]] = [:], sessionsOn: [ObjectiveID: [PlannedSession]] = [:]
        var teacherPerDay: [TeacherDay: Int] = [:]
        for s in sessions {
            for student in s.students { sessionsOf[student, default: []].append(s) }
            sessionsOn[s.objective, default: []].append(s)
            teacherPerDay[TeacherDay(teacher: s.teacher, day: s.day), default: 0] += 1
        }
        self.sessionsOf = sessionsOf
        self.sessionsOn = sessionsOn
        self.teacherPerDay = teacherPerDay
        teacherBusy = Set(sessions.map { TeacherBlock(teacher: $0.teacher, block: $0.block) })
        roomBusy = Set(sessions.map { RoomBlock(room: $0.room, block: $0.block) })
        var qualified: [ObjectiveID: [Teacher]] = [:], suitable: [ObjectiveID: [Room]] = [:]
        for objective in scenario.objectives {
            qualified[objective.id] = scenario.teachers.filter { $0.teaches(objective.id) && $0.runsWorkshops }
            suitable[objective.id] = scenario.rooms.filter { $0.suits(objective) }
        }
        self.qualified = qualified
        self.suitable = suitable
        let flex = scenario.calendar.flexBlocks
        var teacherFreeAt: [ObjectiveID: [Bool]] = [:], roomFreeAt: [ObjectiveID: [Bool]] = [:]
        let teacherBusy = self.teacherBusy, roomBusy = self.roomBusy
        for objective in scenario.objectives where peers[objective.id] != nil {
            let teachers = qualified[objective.id] ?? [], rooms = suitable[objective.id] ?? []
            let teacherFree = flex.map { block in
                teachers.contains { t in
                    t.isAvailable(in: block.id) && !teacherBusy.contains(TeacherBlock(teacher: t.id, block: block.id))
                        && t.hasRoom(afterSessions: teacherPerDay[TeacherDay(teacher: t.id, day: block.day)] ?? 0)
                }
            }
            teacherFreeAt[objective.id] = teacherFree
            roomFreeAt[objective.id] = flex.indices.map { i in
                teacherFree[i] && rooms.contains { r in
                    r.isAvailable(in: flex[i].id) && !roomBusy.contains(RoomBlock(room: r.id, block: flex[i].id))
                        && GroupSizeRule.roomCanHold(seats: r.capacity, objective)
                }
            }
        }
        self.teacherFreeAt = teacherFreeAt
        self.roomFreeAt = roomFreeAt
        capacity = Dictionary(scenario.rooms.map { ($0.id, $0.capacity) }, uniquingKeysWith: { first, _ in first })
    }

    func reason(for demand: Demand) -> UnservedReason {
        let o = demand.objective
        guard let objective = scenario.objective(o), let student = students[demand.student]
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
        // Blocks where the student is free and not already in a session of this subject that day.
        let mine = sessionsOf[demand.student] ?? []
        let daysServed = Set(mine.filter { $0.subject == demand.subject }.map(\.day))
        let taken = Set(mine.map(\.block))
        let unavailable = Set(student.unavailable)
        let flex = scenario.calendar.flexBlocks
        let freeIndices = flex.indices.filter { i in
            !unavailable.contains(flex[i].id) && !taken.contains(flex[i].id) && !daysServed.contains(flex[i].day)
        }
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
            return .noSuitableRoomFree(o)
        }
        return .notWorthASession(o)
    }
}
