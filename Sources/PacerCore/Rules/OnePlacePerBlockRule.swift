import GLPK

/// **Teachers, rooms and students are each in one place per block**: a teacher runs at most one
/// session in a block, a room holds at most one, a student attends at most one.
///
/// The heuristics ask whether each is still free in the plan; the models get one row per teacher
/// and block (`teacherBusy`), per set of interchangeable rooms and block (`roomBusy`: at most as
/// many sessions as there are rooms free) and per student and block (`studentBusy`).
/// `PlanVerifier` keeps its own checks (`teacher-busy`, `room-busy`, `student-busy`).
struct OnePlacePerBlockRule: PlanRule {
    static let name = RuleName("one-place-per-block")
    static let answers: RuleQuestions = [.allowsTeacher, .allowsRoom, .allowsStudent]
    private let school: SchoolIndex

    init?(school: SchoolIndex) { self.school = school }

    func refusal(of side: RuleSide, _ objective: Objective) -> String {
        switch side {
        case .teacher: return "already running a session"
        case .room: return "already taken"
        case .student: return "already placed"
        }
    }

    func allows(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool { !plan.teacherIsBusy(t, in: b) }
    func allows(room r: Int, hosting objective: Objective, in b: Int, _ plan: Occupancy) -> Bool { !plan.roomIsBusy(r, in: b) }
    func allows(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool { !plan.studentIsBusy(s, in: b) }

    func addRows(to model: inout RuleModel) throws {
        var teachers: [TeacherAt: [Column]] = [:], students: [StudentAt: [Column]] = [:]
        var roomSets: [RoomsAt: [Column]] = [:]
        for group in model.groups {
            for open in group.opens {
                teachers[TeacherAt(teacher: group.teacher, block: group.block), default: []].append(open.column)
                roomSets[RoomsAt(rooms: open.rooms, block: group.block), default: []].append(open.column)
            }
            for place in group.places { students[StudentAt(student: place.student, block: group.block), default: []].append(place.column) }
        }
        let school = model.school
        for key in teachers.keys.sorted() {
            let free = model.fixed.teacherIsBusy(key.teacher, in: key.block) ? 0 : 1
            try model.addAtMost(free, of: teachers[key]!, name: "teacherBusy(\(school.teachers[key.teacher].id),\(school.blocks[key.block].id))")
        }
        // Sessions that may use a set of rooms are at most its free rooms, for every set (sets are
        // room classes, or single rooms, so a session in a subset is counted in the larger set too).
        var setsIn: [Int: [RoomsAt]] = [:]
        for key in roomSets.keys.sorted() { setsIn[key.block, default: []].append(key) }
        for key in roomSets.keys.sorted() {
            let rooms = Set(key.rooms)
            let inside = key.rooms.count == 1 ? roomSets[key]!
                : (setsIn[key.block] ?? []).filter { $0.rooms.allSatisfy(rooms.contains) }.flatMap { roomSets[$0]! }
            let free = key.rooms.filter { !model.fixed.roomIsBusy($0, in: key.block) }.count
            let label = key.rooms.count == 1 ? school.rooms[key.rooms[0]].id.rawValue : "\(school.rooms[key.rooms[0]].id)+\(key.rooms.count - 1)"
            try model.addAtMost(free, of: inside, name: "roomBusy(\(label),\(school.blocks[key.block].id))")
        }
        for key in students.keys.sorted() {
            let free = model.fixed.studentIsBusy(key.student, in: key.block) ? 0 : 1
            try model.addAtMost(free, of: students[key]!, name: "studentBusy(\(school.students[key.student].id),\(school.blocks[key.block].id))")
        }
    }

    /// Counted: a teacher runs one slot per block, and the slots of a block use no more rooms of a
    /// set than it has. Students in pools of different subjects may be the same students, so
    /// "one place per student" is left to the pools' own bounds (at most the pool in each slot).
    func addCountedRows(to model: CountedModel) throws {
        var teachers: [TeacherAt: [Column]] = [:], roomSets: [RoomsAt: [Column]] = [:]
        for slot in model.slots {
            for run in slot.runs { teachers[TeacherAt(teacher: run.teacher, block: slot.block), default: []].append(run.column) }
            for use in slot.rooms { roomSets[RoomsAt(rooms: use.rooms, block: slot.block), default: []].append(use.column) }
        }
        let school = model.school
        for key in teachers.keys.sorted() where teachers[key]!.count > 1 {
            try model.addAtMost(1, of: teachers[key]!, name: "teacherBusy(\(school.teachers[key.teacher].id),\(school.blocks[key.block].id))")
        }
        for key in roomSets.keys.sorted() {
            let rooms = Set(key.rooms)
            let inside = roomSets.filter { $0.key.block == key.block && $0.key.rooms.allSatisfy(rooms.contains) }
                .sorted { $0.key < $1.key }.flatMap(\.value)
            let label = "\(school.rooms[key.rooms[0]].id)+\(key.rooms.count - 1)"
            try model.addAtMost(key.rooms.count, of: inside, name: "roomBusy(\(label),\(school.blocks[key.block].id))")
        }
    }
}

/// Positions the rows are keyed by (a teacher, a student, or a set of rooms in a flex block), in
/// the order the rows are written.
private struct TeacherAt: Hashable, Comparable {
    let teacher: Int, block: Int
    static func < (a: Self, b: Self) -> Bool { (a.teacher, a.block) < (b.teacher, b.block) }
}

private struct StudentAt: Hashable, Comparable {
    let student: Int, block: Int
    static func < (a: Self, b: Self) -> Bool { (a.student, a.block) < (b.student, b.block) }
}

private struct RoomsAt: Hashable, Comparable {
    let rooms: [Int], block: Int
    static func < (a: Self, b: Self) -> Bool { a.block != b.block ? a.block < b.block : a.rooms.lexicographicallyPrecedes(b.rooms) }
}
