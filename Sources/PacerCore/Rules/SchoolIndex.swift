/// The school as the rules see it: its teachers, rooms, students, subjects, days and flex blocks by
/// position, so that checks asked millions of times in a large school index arrays instead of
/// hashing ids. Built once per planning run.
struct SchoolIndex: Sendable {
    let scenario: Scenario
    /// The week's flex blocks in chronological order; a block's position is its index here.
    let blocks: [Block]
    let teacherAt: [TeacherID: Int]
    let roomAt: [RoomID: Int]
    let studentAt: [StudentID: Int]
    let subjectAt: [SubjectID: Int]
    let dayAt: [DayID: Int]
    let blockAt: [BlockID: Int]
    /// Per flex block, the position of its day.
    let dayOf: [Int]
    /// Per day, its flex blocks in order.
    let blocksOn: [[Int]]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        func positions<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
            Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        blocks = scenario.calendar.flexBlocks
        teacherAt = positions(scenario.teachers.map(\.id))
        roomAt = positions(scenario.rooms.map(\.id))
        studentAt = positions(scenario.students.map(\.id))
        subjectAt = positions(scenario.subjects.map(\.id))
        dayAt = positions(scenario.calendar.days.map(\.id))
        blockAt = positions(blocks.map(\.id))
        let dayAt = self.dayAt
        dayOf = blocks.map { dayAt[$0.day] ?? 0 }
        var blocksOn = Array(repeating: [Int](), count: max(1, scenario.calendar.days.count))
        for (b, d) in dayOf.enumerated() { blocksOn[d].append(b) }
        self.blocksOn = blocksOn
    }

    var teachers: [Teacher] { scenario.teachers }
    var rooms: [Room] { scenario.rooms }
    var students: [Student] { scenario.students }
    var dayCount: Int { blocksOn.count }
}
