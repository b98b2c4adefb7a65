/// Who is where in a plan, as the rules ask it: which teacher, room and student is in a session in
/// each flex block, how many sessions each teacher has each day, and on which days each student
/// has a workshop in each subject. Counts, not flags, so that taking a session or a student out
/// again is exact (local search tries a move and takes it back).
///
/// Sessions outside the flex blocks or with ids the school does not know are not counted: the
/// verifier reports them, and no rule can be asked about them.
struct Occupancy: Sendable {
    let school: SchoolIndex
    private var teacherBlock: [Int32]
    private var roomBlock: [Int32]
    private var studentBlock: [Int32]
    /// Per flex block, students in a workshop.
    private var placedInBlock: [Int32]
    private var teacherDay: [Int32]
    private var studentSubjectDay: [Int32]

    init(_ school: SchoolIndex, sessions: [PlannedSession] = []) {
        self.school = school
        let blocks = school.blocks.count, days = school.dayCount
        teacherBlock = Array(repeating: 0, count: school.teachers.count * blocks)
        roomBlock = Array(repeating: 0, count: school.rooms.count * blocks)
        studentBlock = Array(repeating: 0, count: school.students.count * blocks)
        placedInBlock = Array(repeating: 0, count: blocks)
        teacherDay = Array(repeating: 0, count: school.teachers.count * days)
        studentSubjectDay = Array(repeating: 0, count: school.students.count * max(1, school.subjectAt.count) * days)
        for session in sessions { add(session) }
    }

    func teacherIsBusy(_ t: Int, in b: Int) -> Bool { teacherBlock[t * school.blocks.count + b] > 0 }
    func roomIsBusy(_ r: Int, in b: Int) -> Bool { roomBlock[r * school.blocks.count + b] > 0 }
    func studentIsBusy(_ s: Int, in b: Int) -> Bool { studentBlock[s * school.blocks.count + b] > 0 }
    /// Students in a workshop in block `b` (a student counted once per session they are in).
    func studentsPlaced(in b: Int) -> Int { Int(placedInBlock[b]) }
    /// Sessions the teacher runs on day `d`.
    func sessions(ofTeacher t: Int, onDay d: Int) -> Int { Int(teacherDay[t * school.dayCount + d]) }
    /// Whether the student has a workshop in `subject` on day `d`.
    func student(_ s: Int, hasSubject subject: SubjectID, onDay d: Int) -> Bool {
        guard let j = school.subjectAt[subject] else { return false }
        return studentSubjectDay[(s * school.subjectAt.count + j) * school.dayCount + d] > 0
    }

    mutating func add(_ session: PlannedSession) { count(session, by: 1) }
    mutating func remove(_ session: PlannedSession) { count(session, by: -1) }
    /// The student joins (or, with `by: -1`, leaves) a session that is already counted.
    mutating func add(_ student: StudentID, to session: PlannedSession) { count(student, in: session, by: 1) }
    mutating func remove(_ student: StudentID, from session: PlannedSession) { count(student, in: session, by: -1) }

    private mutating func count(_ session: PlannedSession, by step: Int32) {
        guard let b = school.blockAt[session.block] else { return }
        let blocks = school.blocks.count
        if let t = school.teacherAt[session.teacher] {
            teacherBlock[t * blocks + b] += step
            teacherDay[t * school.dayCount + school.dayOf[b]] += step
        }
        if let r = school.roomAt[session.room] { roomBlock[r * blocks + b] += step }
        for student in session.students { count(student, in: session, by: step) }
    }

    private mutating func count(_ student: StudentID, in session: PlannedSession, by step: Int32) {
        guard let b = school.blockAt[session.block], let s = school.studentAt[student] else { return }
        studentBlock[s * school.blocks.count + b] += step
        placedInBlock[b] += step
        if let j = school.subjectAt[session.subject] {
            studentSubjectDay[(s * school.subjectAt.count + j) * school.dayCount + school.dayOf[b]] += step
        }
    }
}
