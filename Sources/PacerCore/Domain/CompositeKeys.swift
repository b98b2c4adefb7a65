/// Keys made of two or more ids. Ids may contain any character the id rule allows, so a key
/// glued into one string (`"\(a)|\(b)"`) could make two different pairs equal; these cannot.

/// A student on one objective.
struct StudentObjective: Hashable, Sendable {
    let student: StudentID
    let objective: ObjectiveID
    init(_ student: StudentID, _ objective: ObjectiveID) {
        self.student = student
        self.objective = objective
    }
}

/// A student in one subject.
struct StudentSubject: Hashable, Sendable, Comparable {
    let student: StudentID
    let subject: SubjectID
    init(_ student: StudentID, _ subject: SubjectID) {
        self.student = student
        self.subject = subject
    }

    static func < (a: Self, b: Self) -> Bool { (a.student.rawValue, a.subject.rawValue) < (b.student.rawValue, b.subject.rawValue) }
}

/// A teacher on one day.
struct TeacherDay: Hashable, Sendable, Comparable {
    let teacher: TeacherID
    let day: DayID
    init(_ teacher: TeacherID, _ day: DayID) {
        self.teacher = teacher
        self.day = day
    }

    static func < (a: Self, b: Self) -> Bool { (a.teacher.rawValue, a.day.rawValue) < (b.teacher.rawValue, b.day.rawValue) }
}

/// The identity a session keeps when it is "unchanged": the same block, teacher, room and objective.
struct SessionKey: Hashable, Sendable {
    let block: BlockID
    let teacher: TeacherID
    let room: RoomID
    let objective: ObjectiveID
}

extension PlannedSession {
    var key: SessionKey { SessionKey(block: block, teacher: teacher, room: room, objective: objective) }
}

/// A teacher in one block.
struct TeacherBlock: Hashable, Sendable, Comparable {
    let block: BlockID
    let teacher: TeacherID
    init(_ block: BlockID, _ teacher: TeacherID) {
        self.block = block
        self.teacher = teacher
    }

    static func < (a: Self, b: Self) -> Bool { (a.block.rawValue, a.teacher.rawValue) < (b.block.rawValue, b.teacher.rawValue) }
}

/// A student in one block.
struct StudentBlock: Hashable, Sendable, Comparable {
    let student: StudentID
    let block: BlockID
    init(_ student: StudentID, _ block: BlockID) {
        self.student = student
        self.block = block
    }

    static func < (a: Self, b: Self) -> Bool { (a.student.rawValue, a.block.rawValue) < (b.student.rawValue, b.block.rawValue) }
}

/// An adult (a teacher or a supervisor) in one block.
struct AdultBlock: Hashable, Sendable, Comparable {
    let adult: AdultID
    let block: BlockID
    init(_ adult: AdultID, _ block: BlockID) {
        self.adult = adult
        self.block = block
    }

    static func < (a: Self, b: Self) -> Bool { (a.block.rawValue, a.adult.rawValue) < (b.block.rawValue, b.adult.rawValue) }
}

extension PlannedSession {
    var teacherBlock: TeacherBlock { TeacherBlock(block, teacher) }
}
