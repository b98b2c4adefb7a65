/// Independent study as the rules and the objective see it, per flex block: who is present, which
/// adults may supervise, which rooms may hold study and with how many seats, and the most students
/// study can hold once the workshops have taken their teachers and rooms.
///
/// **How many students study can hold.** Each adult supervises at most `ratio` students, in one
/// study space; a space holds at most its study seats, under as many adults as it needs. With `A`
/// adults free and the open spaces' seats `c₁, c₂, …`, the most students held is the sum of the
/// `A` largest gains, where space `i` gains `ratio` for each of its first adults and then what is
/// left of `cᵢ` (each space's gains never grow, so taking the largest is optimal). The placement
/// (`StudyPlacer`), the models' rows (`IndependentStudyRule`) and the objective's **no place** term
/// all use this one count.
struct StudySpaces: Sendable {
    let school: SchoolIndex
    /// Students one adult may supervise.
    let ratio: Int
    /// Per teacher (position): whether they supervise study when free.
    let supervises: [Bool]
    /// Per room (position): seats for study, 0 when the room is not a study space.
    let seats: [Int]
    /// Per flex block: students present (available), supervisors available, supervising teachers
    /// available, study spaces open (positions).
    let present: [[Int]]
    let supervisorsIn: [[Int]]
    let teachersIn: [[Int]]
    let roomsIn: [[Int]]

    init(_ school: SchoolIndex) {
        self.school = school
        let scenario = school.scenario
        ratio = scenario.policy.limit(IndependentStudyRule.studentsPerSupervisor) ?? Scenario.defaultStudentsPerSupervisor
        supervises = school.teachers.map(\.supervises)
        seats = school.rooms.map { $0.studySeats ?? 0 }
        func free(_ unavailable: [BlockID]) -> (Block) -> Bool { let away = Set(unavailable); return { !away.contains($0.id) } }
        let studentFree = school.students.map { free($0.unavailable) }
        let teacherFree = school.teachers.map { free($0.unavailable) }
        let roomFree = school.rooms.map { free($0.unavailable) }
        let supervisorFree = scenario.supervisors.map { free($0.unavailable) }
        present = school.blocks.map { block in school.students.indices.filter { studentFree[$0](block) } }
        supervisorsIn = school.blocks.map { block in scenario.supervisors.indices.filter { supervisorFree[$0](block) } }
        teachersIn = school.blocks.map { block in school.teachers.indices.filter { school.teachers[$0].supervises && teacherFree[$0](block) } }
        roomsIn = school.blocks.map { block in school.rooms.indices.filter { school.rooms[$0].studySeats != nil && roomFree[$0](block) } }
    }

    /// The most students `adults` adults can supervise in spaces with these seats.
    static func capacity(adults: Int, seats: [Int], ratio: Int) -> Int {
        allocate(adults: adults, seats: seats, need: .max, ratio: ratio).reduce(0) { $0 + $1.held }
    }

    /// How many adults each space gets and how many students it holds, taking the largest gains
    /// first until `need` students are held or the adults run out: every space's full gains of
    /// `ratio` in the spaces' order, then what is left of each space, largest first (ties in the
    /// spaces' order). Counted, not listed, so a space of 10,000 seats costs no more than one of 30.
    static func allocate(adults: Int, seats: [Int], need: Int, ratio: Int) -> [(adults: Int, held: Int)] {
        var result = Array(repeating: (adults: 0, held: 0), count: seats.count)
        guard ratio > 0 else { return result }
        var adultsLeft = adults, needLeft = need
        for (i, c) in seats.enumerated() where c > 0 && adultsLeft > 0 && needLeft > 0 {
            let full = min(c / ratio, adultsLeft, needLeft / ratio + (needLeft % ratio > 0 ? 1 : 0))
            let held = min(full * ratio, needLeft)
            result[i] = (full, held)
            adultsLeft -= full
            needLeft -= held
        }
        let rests = seats.indices.filter { seats[$0] % ratio > 0 }.sorted { (seats[$0] % ratio, -$0) > (seats[$1] % ratio, -$1) }
        for i in rests where adultsLeft > 0 && needLeft > 0 {
            let held = min(seats[i] % ratio, needLeft)
            result[i].adults += 1
            result[i].held += held
            adultsLeft -= 1
            needLeft -= held
        }
        return result
    }

    /// Adults free to supervise in block `b` of `plan`: supervisors available, and supervising
    /// teachers available who run no workshop then.
    func freeAdults(in b: Int, _ plan: Occupancy) -> Int {
        supervisorsIn[b].count + teachersIn[b].filter { !plan.teacherIsBusy($0, in: b) }.count
    }

    /// Study spaces open in block `b` that no workshop of `plan` uses.
    func freeRooms(in b: Int, _ plan: Occupancy) -> [Int] { roomsIn[b].filter { !plan.roomIsBusy($0, in: b) } }

    /// The most students study can hold in block `b` of `plan`; `alsoBusy` takes a teacher and a
    /// room more (a session about to open), `alsoFree` gives one back (a session about to close).
    func capacity(in b: Int, _ plan: Occupancy, alsoBusy: (teacher: Int, room: Int)? = nil, alsoFree: (teacher: Int, room: Int)? = nil) -> Int {
        var adults = freeAdults(in: b, plan)
        var rooms = freeRooms(in: b, plan)
        if let (t, r) = alsoBusy {
            if supervises[t], teachersIn[b].contains(t), !plan.teacherIsBusy(t, in: b) { adults -= 1 }
            rooms.removeAll { $0 == r }
        }
        if let (t, r) = alsoFree {
            if supervises[t], teachersIn[b].contains(t), plan.teacherIsBusy(t, in: b) { adults += 1 }
            if roomsIn[b].contains(r), plan.roomIsBusy(r, in: b), !rooms.contains(r) { rooms.append(r) }
        }
        return Self.capacity(adults: adults, seats: rooms.map { seats[$0] }, ratio: ratio)
    }

    /// Present students of block `b` whom neither a workshop of `plan` nor study can hold, given
    /// study's `capacity` there.
    func unplaced(in b: Int, _ plan: Occupancy, capacity: Int) -> Int {
        max(0, present[b].count - plan.studentsPlaced(in: b) - capacity)
    }

    /// The week's student-blocks with no place in `plan`.
    func unplaced(_ plan: Occupancy) -> Int {
        school.blocks.indices.reduce(0) { $0 + unplaced(in: $1, plan, capacity: capacity(in: $1, plan)) }
    }
}
