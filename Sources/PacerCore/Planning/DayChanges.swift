/// What a regrouped day changed against the published plan, for teachers and for students.
public struct DayChanges: Codable, Sendable, Equatable {
    public struct TeacherChange: Codable, Sendable, Equatable {
        public var teacher: TeacherID
        public var block: BlockID
        /// `BLOCK/TEACHER` before and after; nil when there was or is no session.
        public var before: String?
        public var after: String?
        public var objectiveBefore: ObjectiveID?
        public var objectiveAfter: ObjectiveID?
        public var roomBefore: RoomID?
        public var roomAfter: RoomID?
        public var studentsIn: [StudentID]
        public var studentsOut: [StudentID]
        /// A new session that takes over a cancelled one: same block and objective, another teacher.
        public var covers: TeacherID?
        /// The teacher is away in the block on the regrouped day (absent, or made unavailable since
        /// the plan was published); nil in plans made before this was recorded.
        public var away: Bool?
        /// The study space the teacher supervises in the block instead of a cancelled session.
        public var supervisesInstead: RoomID?
    }
    /// An adult who starts, stops or moves supervising independent study in a block.
    public struct SupervisionChange: Codable, Sendable, Equatable {
        public var adult: AdultID
        public var block: BlockID
        /// The study space they supervised as published, and supervise now; nil when none.
        public var roomBefore: RoomID?
        public var roomAfter: RoomID?
        /// The adult is away in the block on the regrouped day.
        public var away: Bool
    }
    public struct StudentChange: Codable, Sendable, Equatable {
        public var student: StudentID
        public var block: BlockID
        public var before: String?
        public var after: String?
    }
    /// What became of a published session whose teacher is away, and what was tried for its
    /// students (`AwayCover`): a free qualified teacher, another session of the objective with room,
    /// a qualified teacher giving up their own group when that is cheaper, else cancelled.
    public struct Cover: Codable, Sendable, Equatable {
        public enum Outcome: String, Codable, Sendable {
            /// Another teacher runs it in the block (a session that was not published).
            case covered
            /// No cover; some or all of its students joined other sessions of it in the block.
            case merged
            /// Neither: its students go to independent study (or wherever the plan places them).
            case cancelled
        }
        /// A qualified teacher who was not free in the block when the regroup looked: running a
        /// session of their own (`running`), or kept out by a rule (`why`, in the rule's own words).
        public struct NotFree: Codable, Sendable, Equatable {
            public var teacher: TeacherID
            public var running: ObjectiveID?
            public var why: String?
        }
        /// Another session of the objective in the block, with the seats it had free when the
        /// regroup looked.
        public struct Other: Codable, Sendable, Equatable {
            public var teacher: TeacherID
            public var room: RoomID
            public var free: Int
        }
        /// A session of the objective the away teacher's students joined, and how many did.
        public struct Joined: Codable, Sendable, Equatable {
            public var teacher: TeacherID
            public var students: Int
        }
        /// The covering teacher's own published group in the block, given up to cover: its
        /// objective, its size, its students who go without a workshop on it today, and the need
        /// (points of the objective's unmet-workshop term) the cover serves and the one lost.
        public struct GaveWay: Codable, Sendable, Equatable {
            public var objective: ObjectiveID
            public var students: Int
            public var without: [StudentID]
            public var needServed: Double
            public var needLost: Double
        }
        /// The away teacher, the block and the objective of their published session.
        public var teacher: TeacherID
        public var block: BlockID
        public var objective: ObjectiveID
        /// Its students who still wanted it there today (present, still on it, still short).
        public var students: [StudentID]
        public var outcome: Outcome
        public var notFree: [NotFree]
        public var others: [Other]
        /// Who covers it and in which room (`covered`).
        public var coveredBy: TeacherID?
        public var room: RoomID?
        public var gaveWay: GaveWay?
        /// The other sessions of it its students joined.
        public var joined: [Joined]?
        /// Its students in no session of the objective in the block.
        public var left: [StudentID] = []
        /// Sessions of the objective in the day's other blocks that some of `left` are in: they
        /// get the workshop today after all. Nil when none (and in plans made before this was recorded).
        public var laterOrEarlier: [Elsewhere]?

        /// A session of the objective in another block of the day, and how many of the group are in it.
        public struct Elsewhere: Codable, Sendable, Equatable {
            public var block: BlockID
            public var teacher: TeacherID
            public var students: Int
        }
    }

    /// Published sessions kept with the same block, teacher, room and objective (their students may
    /// still change, and are listed under `teachers`).
    public var unchangedSessions: Int
    public var teachers: [TeacherChange]
    public var students: [StudentChange]
    /// Adults who start, stop or move supervising study; nil when the published study is not known
    /// (plans published before independent study).
    public var supervision: [SupervisionChange]?
    /// Each away teacher's published session with students still wanting it: what was tried and
    /// what became of it; nil in plans made before this was recorded.
    public var covers: [Cover]?

    /// The changes from `published` to `sessions`. A student whose place changed is listed with
    /// the session or study group (`study`) they are in now; a student in study before and after
    /// is listed only when `publishedStudy` is known and their study group changed. `scenario`, the
    /// day's (absences made unavailable), says which adults are away in a block.
    static func between(_ published: [PlannedSession], _ sessions: [PlannedSession],
                        publishedStudy: [StudyGroup]? = nil, study: [StudyGroup] = [], scenario: Scenario? = nil) -> DayChanges {
        func away(_ adult: String, in block: BlockID) -> Bool {
            guard let scenario else { return false }
            let unavailable = scenario.teachers.first { $0.id.rawValue == adult }?.unavailable
                ?? scenario.supervisors.first { $0.id.rawValue == adult }?.unavailable ?? []
            return unavailable.contains(block)
        }
        var roomOf: [AdultBlock: RoomID] = [:], roomBefore: [AdultBlock: RoomID] = [:]
        for g in study { for a in g.adults { roomOf[AdultBlock(a, g.block)] = g.room } }
        for g in publishedStudy ?? [] { for a in g.adults { roomBefore[AdultBlock(a, g.block)] = g.room } }
        var teachers: [TeacherChange] = []
        let before = Dictionary(published.map { ($0.teacherBlock, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(sessions.map { ($0.teacherBlock, $0) }, uniquingKeysWith: { a, _ in a })
        var unchanged = 0
        for key in Set(before.keys).union(after.keys).sorted() {
            let b = before[key], a = after[key]
            if let b, let a, b.key == a.key { unchanged += 1 }
            if let b, let a, b == a { continue }
            let was = Set(b?.students ?? []), now = Set(a?.students ?? [])
            let any = (a ?? b)!
            teachers.append(TeacherChange(
                teacher: any.teacher, block: any.block, before: b?.id, after: a?.id,
                objectiveBefore: b?.objective, objectiveAfter: a?.objective, roomBefore: b?.room, roomAfter: a?.room,
                studentsIn: now.subtracting(was).sorted(), studentsOut: was.subtracting(now).sorted(),
                away: scenario == nil ? nil : away(any.teacher.rawValue, in: any.block),
                supervisesInstead: a == nil ? roomOf[AdultBlock(AdultID(rawValue: any.teacher.rawValue), any.block)] : nil))
        }
        for i in teachers.indices where teachers[i].before == nil {
            teachers[i].covers = teachers.first {
                $0.after == nil && $0.block == teachers[i].block && $0.objectiveBefore == teachers[i].objectiveAfter
            }?.teacher
        }
        var students: [StudentChange] = []
        var placeBefore: [StudentBlock: String] = [:], placeAfter: [StudentBlock: String] = [:]
        for s in published { for st in s.students { placeBefore[StudentBlock(st, s.block)] = s.id } }
        for s in sessions { for st in s.students { placeAfter[StudentBlock(st, s.block)] = s.id } }
        var studyBefore: [StudentBlock: String] = [:], studyAfter: [StudentBlock: String] = [:]
        for g in publishedStudy ?? [] { for p in g.students { studyBefore[StudentBlock(p.student, g.block)] = g.id } }
        for g in study { for p in g.students { studyAfter[StudentBlock(p.student, g.block)] = g.id } }
        var keys = Set(placeBefore.keys).union(placeAfter.keys)
        if publishedStudy != nil { keys.formUnion(studyBefore.keys); keys.formUnion(studyAfter.keys) }
        for key in keys.sorted() {
            let before = placeBefore[key] ?? studyBefore[key], after = placeAfter[key] ?? studyAfter[key]
            guard before != after else { continue }
            students.append(StudentChange(student: key.student, block: key.block, before: before, after: after))
        }
        var supervision: [SupervisionChange]?
        if publishedStudy != nil {
            supervision = Set(roomOf.keys).union(roomBefore.keys).sorted().compactMap { key in
                guard roomOf[key] != roomBefore[key] else { return nil }
                return SupervisionChange(adult: key.adult, block: key.block, roomBefore: roomBefore[key], roomAfter: roomOf[key],
                                         away: away(key.adult.rawValue, in: key.block))
            }
        }
        return DayChanges(unchangedSessions: unchanged, teachers: teachers, students: students, supervision: supervision)
    }
}

