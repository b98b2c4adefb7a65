/// Independent study as `pacer verify` sees it, counted from the scenario and the plan alone: it
/// does not use `StudySpaces`, `StudyPlacer` or the rule catalogue, so a mistake there shows here.
///
/// **Every present student has one place in every flex block**: a workshop or one study group.
/// A study group sits in a study space that is open and holds no workshop then, holds at most the
/// space's study seats and at most `students_per_supervisor` students per adult, and every adult in
/// it is a known adult who supervises (a supervisor, or a teacher without `supervises: false`),
/// is available, runs no workshop in that block and is in no other study group then. Each student
/// studies one of their current objectives (none only when they have none).
extension PlanVerifier {
    /// A student's block, as the study checks count places.
    private struct StudentInBlock: Hashable, Comparable {
        let student: StudentID, block: BlockID
        static func < (a: Self, b: Self) -> Bool { (a.block.rawValue, a.student.rawValue) < (b.block.rawValue, b.student.rawValue) }
    }

    /// An adult's block, as the study checks count supervision.
    private struct AdultInBlock: Hashable, Comparable {
        let adult: String, block: BlockID
        static func < (a: Self, b: Self) -> Bool { (a.block.rawValue, a.adult) < (b.block.rawValue, b.adult) }
    }

    /// The study checks' violations and the student-blocks with no place, for the **no place**
    /// term. A plan without `study` (made before independent study) is not checked: no violations
    /// and nil.
    func checkStudy(_ plan: WeekPlan) -> (violations: [Violation], noPlace: Int?) {
        guard let groups = plan.study else { return ([], nil) }
        var found: [Violation] = []
        func report(_ rule: Check, _ message: String) { found.append(Violation(rule: rule, message: message)) }

        let blocks = Dictionary(uniqueKeysWithValues: scenario.calendar.blocks.map { ($0.id, $0) })
        let rooms = Dictionary(uniqueKeysWithValues: scenario.rooms.map { ($0.id, $0) })
        let students = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0) })
        let teachers = Dictionary(uniqueKeysWithValues: scenario.teachers.map { ($0.id.rawValue, $0) })
        let supervisors = Dictionary(uniqueKeysWithValues: scenario.supervisors.map { ($0.id.rawValue, $0) })
        let ratio = scenario.policy.limit(IndependentStudyRule.studentsPerSupervisor) ?? Scenario.defaultStudentsPerSupervisor

        // Where the workshops put students, teachers and rooms.
        var workshopOf: [StudentInBlock: String] = [:]
        var teaching: [AdultInBlock: String] = [:]
        var roomInWorkshop: [String: String] = [:]
        for s in plan.sessions {
            for id in s.students { workshopOf[StudentInBlock(student: id, block: s.block)] = s.id }
            teaching[AdultInBlock(adult: s.teacher.rawValue, block: s.block)] = s.id
            roomInWorkshop["\(s.room.rawValue) in \(s.block.rawValue)"] = s.id
        }

        var studyOf: [StudentInBlock: [String]] = [:]
        var supervising: [AdultInBlock: [String]] = [:]
        var roomInStudy: [String: [String]] = [:]
        var checksHeld: [AdultInBlock: Int] = [:]
        for g in groups {
            guard let block = blocks[g.block] else { report(.unknownBlock, "study group \(g.id): block \(g.block) is not in the calendar"); continue }
            if !block.isFlex { report(.notFlex, "study group \(g.id): \(g.block) is not a flex block") }
            if block.day != g.day { report(.wrongDay, "study group \(g.id): \(g.block) is not on \(g.day)") }
            let size = g.students.count
            if Set(g.students.map(\.student)).count != size { report(.studentTwice, "study group \(g.id) lists a student twice") }
            if Set(g.adults).count != g.adults.count { report(.adultBusy, "study group \(g.id) lists an adult twice") }
            if let room = rooms[g.room] {
                roomInStudy["\(g.room.rawValue) in \(g.block.rawValue)", default: []].append(g.id)
                if let seats = room.studySeats {
                    if size > seats { report(.studySeats, "study group \(g.id) has \(size) students, room \(g.room) has \(seats) study seats") }
                } else {
                    report(.studySpace, "study group \(g.id): room \(g.room) is not a study space")
                }
                if room.unavailable.contains(g.block) { report(.roomUnavailable, "room \(g.room) is unavailable in \(g.block) (study group \(g.id))") }
                if let session = roomInWorkshop["\(g.room.rawValue) in \(g.block.rawValue)"] {
                    report(.roomBusy, "room \(g.room) in \(g.block): session \(session) and study group \(g.id)")
                }
            } else {
                report(.unknownRoom, "study group \(g.id): no room \(g.room)")
            }
            if size > ratio * g.adults.count {
                report(.studyRatio, "study group \(g.id) has \(size) students and \(g.adults.count) adult(s), at most \(ratio) students each (students_per_supervisor)")
            }
            for adult in g.adults {
                let id = adult.rawValue
                supervising[AdultInBlock(adult: id, block: g.block), default: []].append(g.id)
                let unavailable: [BlockID]
                if let teacher = teachers[id] {
                    if !teacher.supervises { report(.notSupervising, "teacher \(id) does not supervise study (supervises: false) but is in study group \(g.id)") }
                    unavailable = teacher.unavailable
                } else if let supervisor = supervisors[id] {
                    unavailable = supervisor.unavailable
                } else {
                    report(.unknownAdult, "study group \(g.id): no teacher or supervisor \(id)")
                    continue
                }
                if unavailable.contains(g.block) { report(.adultUnavailable, "\(id) is unavailable in \(g.block) (study group \(g.id))") }
                if let session = teaching[AdultInBlock(adult: id, block: g.block)] {
                    report(.adultBusy, "\(id) in \(g.block) runs session \(session) and supervises study group \(g.id)")
                }
            }
            for place in g.students {
                if let teacher = place.check {
                    // A check slot: held by a teacher of the group who teaches the objective, a few a block.
                    if !g.adults.contains(AdultID(rawValue: teacher.rawValue)) {
                        report(.checkSlot, "\(place.student)'s check with \(teacher) in study group \(g.id): \(teacher) does not supervise the group")
                    } else if let objective = place.objective, teachers[teacher.rawValue]?.canTeach.contains(objective) != true {
                        report(.checkSlot, "\(place.student)'s check with \(teacher) in study group \(g.id): \(teacher) does not teach \(objective)")
                    }
                    checksHeld[AdultInBlock(adult: teacher.rawValue, block: g.block), default: 0] += 1
                    // ... and answers a check request the plan weighed, on its day (and period).
                    let period = blocks[g.block]?.period
                    if !context.requestGoals.contains(where: { goal in
                        goal.isCheck && goal.student == place.student && goal.objective == place.objective && goal.days.contains(g.day)
                            && (goal.period == nil || goal.period == period)
                    }) {
                        report(.checkSlot, "\(place.student)'s check with \(teacher) in study group \(g.id): no check request of theirs on \(place.objective?.rawValue ?? "no objective") asks for \(g.block)")
                    }
                }
                guard let student = students[place.student] else { report(.unknownStudent, "study group \(g.id): no student \(place.student)"); continue }
                studyOf[StudentInBlock(student: place.student, block: g.block), default: []].append(g.id)
                if student.unavailable.contains(g.block) { report(.studentUnavailable, "\(place.student) is unavailable in \(g.block) (study group \(g.id))") }
                let current = Set(student.current.values)
                if let objective = place.objective {
                    if !current.contains(objective) {
                        report(.studyObjective, "\(place.student) studies \(objective) in study group \(g.id), not one of their current objectives")
                    }
                } else if !current.isEmpty {
                    report(.studyObjective, "\(place.student) studies no objective in study group \(g.id) but has current objectives")
                }
            }
        }
        for (key, count) in checksHeld.sorted(by: { $0.key < $1.key })
        where count > CheckSlots.perBlock {
            report(.checkSlot, "\(key.adult) holds \(count) checks in \(key.block), at most \(CheckSlots.perBlock) a block")
        }
        for (key, list) in roomInStudy.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            report(.roomBusy, "room \(key): \(list.joined(separator: ", "))")
        }
        for (key, list) in supervising.sorted(by: { $0.key < $1.key }) where Set(list).count > 1 {
            report(.adultBusy, "\(key.adult) in \(key.block) supervises \(Array(Set(list)).sorted().joined(separator: ", "))")
        }
        // Two places: a workshop and study, or two study groups (two workshops are `student-busy`).
        for (key, list) in studyOf.sorted(by: { $0.key < $1.key }) {
            let places = (workshopOf[key].map { ["session " + $0] } ?? []) + Array(Set(list)).sorted().map { "study group " + $0 }
            if places.count > 1 { report(.twoPlaces, "\(key.student) in \(key.block): \(places.joined(separator: ", "))") }
        }

        // No place: a present student in a flex block in neither a workshop nor study.
        let listed = Set(plan.unplaced?.map { StudentInBlock(student: $0.student, block: $0.block) } ?? [])
        var noPlace = 0, expected: Set<StudentInBlock> = []
        for block in scenario.calendar.blocks where block.isFlex {
            for student in scenario.students where !student.unavailable.contains(block.id) {
                let key = StudentInBlock(student: student.id, block: block.id)
                guard workshopOf[key] == nil, studyOf[key] == nil else { continue }
                noPlace += 1
                expected.insert(key)
                report(.noPlace, "\(student.id) is present in \(block.id) but in no workshop and no study group"
                       + (listed.contains(key) ? " (listed unplaced)" : ""))
                if !listed.contains(key) { report(.unplacedList, "\(student.id) has no place in \(block.id) but is not listed unplaced") }
            }
        }
        for key in listed.subtracting(expected).sorted() {
            report(.unplacedList, "\(key.student) is listed unplaced in \(key.block) but has a place there or is not due one")
        }
        return (found, noPlace)
    }
}
