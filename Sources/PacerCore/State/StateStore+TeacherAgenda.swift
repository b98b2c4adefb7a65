import GRDB

/// An adult's published sessions and the study groups they supervise on one date, as the portal's
/// day page shows them: each group with its time, room and objective, and each student with what
/// the adult needs at the door (grade, days on the objective, priority, new to this teacher on it,
/// the last check). A supervisor (an aide) has study groups only; a teacher may have both.
public struct TeacherAgenda: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public let student: StudentID
        public let name: String
        public let grade: String
        public let priority: Bool
        /// Days since the student started the objective (nil when the state has no start).
        public let daysOnObjective: Int?
        /// First time with this teacher on this objective.
        public let isNew: Bool
        /// Recorded absent in the session's block (the workshop does not count as received).
        public let absent: Bool
        /// The latest check on the objective (withdrawn ones left out), e.g. to show its note.
        public let lastCheck: StateStore.RecordedCheck?
        /// Mastered the objective on an earlier day, since the session was published (`MovedOn`):
        /// the student will be regrouped.
        public var movedOn: Bool = false
    }

    public struct Group: Sendable, Equatable {
        public let block: BlockID
        public let start: String
        public let end: String
        public let room: RoomID
        public let objective: ObjectiveID
        public let title: String
        public let members: [Member]
        /// The closure that cancels it (a holiday, a snow day), or nil when it is held.
        public var cancelled: Closure? = nil
    }

    /// A study group the teacher supervises, with each student and the objective they work on.
    public struct Study: Sendable, Equatable {
        public struct Member: Sendable, Equatable {
            public let student: StudentID
            public let name: String
            public let grade: String
            public let priority: Bool
            /// The objective's title, or nil for a student with no current objective left.
            public let title: String?
            /// The objective, when the supervising teacher may teach it and so check it (never
            /// for a supervisor, who teaches nothing).
            public let checkable: ObjectiveID?
            /// Recorded absent in the group's block.
            public let absent: Bool
            /// The latest check on the objective the student works on (withdrawn ones left out).
            public var lastCheck: StateStore.RecordedCheck? = nil
            /// The plan seated the student here for the mastery check they asked for, held by this
            /// teacher (a check slot, `StudyPlace.check`).
            public var checkSlot = false
        }
        /// `BLOCK/study/ROOM`.
        public let id: String
        public let block: BlockID
        public let start: String
        public let end: String
        /// The room's name.
        public let room: String
        /// The other adults supervising the group, by name.
        public let with: [String]
        public let members: [Member]
        /// The closure that cancels it, or nil when it is held.
        public var cancelled: Closure? = nil
    }

    /// The teacher or supervisor.
    public let adult: AdultID
    public let date: SchoolDate
    /// In block order.
    public let groups: [Group]
    /// The study groups the teacher supervises, in block order.
    public var study: [Study] = []

    /// Whether the student is in one of this day's groups.
    public func teaches(_ student: StudentID) -> Bool { groups.contains { $0.members.contains { $0.student == student } } }
}

extension StateStore {
    /// The teacher's sessions and study groups in the plan in force on `date`.
    public func teacherAgenda(_ scenario: Scenario, teacher: TeacherID, on date: SchoolDate) throws -> TeacherAgenda {
        try teacherAgenda(scenario, adult: AdultID(rawValue: teacher.rawValue), on: date)
    }

    /// The adult's sessions (a teacher's) and the study groups they supervise in the plan in force
    /// on `date` (a published day plan replaces the week's), with the students recorded absent marked.
    public func teacherAgenda(_ scenario: Scenario, adult me: AdultID, on date: SchoolDate) throws -> TeacherAgenda {
        let teacher = TeacherID(rawValue: me.rawValue)
        let order = scenario.calendar.blockOrder
        let students = Dictionary(scenario.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try read { db in
            var groups: [TeacherAgenda.Group] = []
            guard let inForce = try planInForce(db, scenario: scenario, on: date) else {
                return TeacherAgenda(adult: me, date: date, groups: [], study: [])
            }
            let away = try absentBlocks(db, scenario: scenario, in: inForce, on: date)
            let movedOn = try self.movedOn(db, scenario: scenario)
            for session in inForce.sessions where session.teacher == teacher {
                let title = scenario.objective(session.objective)?.title ?? ""
                let people = try session.students.map { id -> TeacherAgenda.Member in
                    let started = try Self.derivedHistory(db, scenario: scenario, of: id).startedOn(session.objective, by: id)
                    let before = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM attendance WHERE student = ? AND teacher = ? AND objective = ? AND date < ?
                        """, arguments: [id.rawValue, teacher.rawValue, session.objective.rawValue, date.text]) ?? 0
                    let last = try Self.latestCheck(db, of: id, on: session.objective, by: date)
                    let student = students[id]
                    return TeacherAgenda.Member(student: id, name: student?.name ?? "", grade: student?.grade ?? "",
                                             priority: student?.flags.contains(.priority) ?? false,
                                             daysOnObjective: started.map { $0.days(to: date) }, isNew: before == 0,
                                             absent: away.students[id]?.contains(session.block) == true, lastCheck: last,
                                             movedOn: movedOn.hasMovedOn(id, from: session.objective, before: date))
                }
                groups.append(TeacherAgenda.Group(block: session.block, start: session.start, end: session.end, room: session.room,
                                               objective: session.objective, title: title,
                                               members: people.sorted { ($0.name, $0.student.rawValue) < ($1.name, $1.student.rawValue) },
                                               cancelled: inForce.closure(session.block, in: scenario)))
            }
            groups.sort { (order[$0.block] ?? 0, $0.block.rawValue) < (order[$1.block] ?? 0, $1.block.rawValue) }
            let canTeach = Set(scenario.teachers.first { $0.id == teacher }?.canTeach ?? [])
            let study = try (inForce.plan.study ?? []).filter { $0.day == inForce.day && $0.adults.contains(me) }.map { g in
                try TeacherAgenda.Study(
                    id: g.id, block: g.block, start: g.start, end: g.end, room: scenario.rooms.first { $0.id == g.room }?.name ?? g.room.rawValue,
                    with: g.adults.filter { $0 != me }.map(scenario.adultName),
                    members: g.students.map { place in
                        let student = students[place.student]
                        return try TeacherAgenda.Study.Member(student: place.student, name: student?.name ?? place.student.rawValue, grade: student?.grade ?? "",
                                                          priority: student?.flags.contains(.priority) ?? false,
                                                          title: place.objective.map(scenario.objectiveTitle),
                                                          checkable: place.objective.flatMap { o in canTeach.contains(o) ? o : nil },
                                                          absent: away.students[place.student]?.contains(g.block) == true,
                                                          lastCheck: place.objective.flatMap { try Self.latestCheck(db, of: place.student, on: $0, by: date) },
                                                          checkSlot: place.check.map { $0.rawValue == me.rawValue } ?? false)
                    }.sorted { ($0.name, $0.student.rawValue) < ($1.name, $1.student.rawValue) },
                    cancelled: inForce.closure(g.block, in: scenario))
            }.sorted { (order[$0.block] ?? 0, $0.id) < (order[$1.block] ?? 0, $1.id) }
            return TeacherAgenda(adult: me, date: date, groups: groups, study: study)
        }
    }

    /// The student's latest check on the objective up to `date`, withdrawn ones left out.
    static func latestCheck(_ db: Database, of student: StudentID, on objective: ObjectiveID, by date: SchoolDate) throws -> RecordedCheck? {
        try Row.fetchOne(db, sql: """
            SELECT id, date, objective, result, note, source FROM mastery_check
            WHERE student = ? AND objective = ? AND date <= ? AND withdrawn_at IS NULL ORDER BY date DESC, id DESC LIMIT 1
            """, arguments: [student.rawValue, objective.rawValue, date.text]).flatMap { row -> RecordedCheck? in
            guard let day = SchoolDate(row["date"]) else { return nil }
            return RecordedCheck(id: row["id"], date: day, objective: objective, result: row["result"],
                                 note: row["note"], source: row["source"], withdrawn: false)
        }
    }
}
