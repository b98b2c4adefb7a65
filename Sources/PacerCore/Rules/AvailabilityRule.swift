/// **Nobody is scheduled in a block where they are unavailable.**
///
/// Teachers, rooms and students each list the blocks they cannot take (`unavailable`: fixed
/// commitments, pull-outs, a room booked for something else, and the absences of the day). The
/// rule holds by construction: engines make no session where its teacher or room is unavailable
/// and place no student where they are. `PlanVerifier` keeps its own checks
/// (`teacher-unavailable`, `room-unavailable`, `student-unavailable`).
struct AvailabilityRule: PlanRule {
    static let name = RuleName("availability")
    static let answers: RuleQuestions = [.permitsTeacher, .permitsRoom, .permitsStudent]
    private let school: SchoolIndex
    private let teacherOff: [Set<Int>], roomOff: [Set<Int>], studentOff: [Set<Int>]

    init?(school: SchoolIndex) {
        self.school = school
        func off(_ blocks: [BlockID]) -> Set<Int> { Set(blocks.compactMap { school.blockAt[$0] }) }
        teacherOff = school.teachers.map { off($0.unavailable) }
        roomOff = school.rooms.map { off($0.unavailable) }
        studentOff = school.students.map { off($0.unavailable) }
    }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "unavailable" }

    func relaxations(teacher t: Int, running objective: Objective, in b: Int) -> [ElasticModel.Fact]? {
        [.freeTeacher(school.teachers[t].id, school.blocks[b].id)]
    }

    func relaxations(room r: Int, hosting objective: Objective, in b: Int) -> [ElasticModel.Fact]? {
        [.openRoom(school.rooms[r].id, school.blocks[b].id)]
    }

    func permits(teacher t: Int, running objective: Objective, in b: Int) -> Bool { !teacherOff[t].contains(b) }
    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool { !roomOff[r].contains(b) }
    func permits(student s: Int, attending objective: Objective, in b: Int) -> Bool { !studentOff[s].contains(b) }
}

extension Teacher {
    func isAvailable(in block: BlockID) -> Bool { !unavailable.contains(block) }
}

extension Room {
    func isAvailable(in block: BlockID) -> Bool { !unavailable.contains(block) }
}

extension Student {
    func isAvailable(in block: BlockID) -> Bool { !unavailable.contains(block) }
}
