/// Names where every present student not in a workshop studies, once the workshops are fixed: per
/// flex block it opens the study spaces and gives them the free adults as `StudySpaces` counts them
/// (so exactly as many students are held as the objective's **no place** term assumed), then
/// seats the students. It keeps the objective's **study changes** low: each student gets one study
/// room for the week, the one open with a seat in most of their study blocks (on a tie their home
/// room, `home_room`, then their home adult's), and is seated there whenever it can; elsewhere, with their home adult
/// (`home_adult`), then in a space they had before. An adult stays in the space they had. Each student works on the current objective that most needs time: the one with most wanted
/// workshops still missing this week, then the highest need (`Demand.weight`), then the subjects'
/// order.
struct StudyPlacer {
    let scenario: Scenario
    let demands: [Demand]
    /// On a regrouped day, the study groups the day had as published: a student keeps the room they
    /// were given where it still has a seat, and the rooms open in the order they had.
    var published: [StudyGroup] = []

    struct Outcome {
        var groups: [StudyGroup] = []
        var unplaced: [UnplacedStudent] = []
        var placements = Placements(due: 0, inWorkshops: 0, inStudy: 0, noPlace: 0, supervisingAdults: 0, studySeatsUsed: 0)
    }

    /// One flex block's study before its students are seated: who waits, the open spaces in order,
    /// the adults in each and the students each may hold.
    private struct OpenBlock {
        var waiting: [Int]
        var rooms: [Int]
        var adultsIn: [Int: [AdultID]] = [:]
        var seatsIn: [Int: Int] = [:]
    }

    func place(_ sessions: [PlannedSession]) -> Outcome {
        let school = SchoolIndex(scenario), spaces = StudySpaces(school)
        let plan = Occupancy(school, sessions: sessions)
        let homeRoom = school.students.map { $0.homeRoom.flatMap { school.roomAt[$0] } }
        let blocks = openSpaces(school, spaces, plan, homeRoom: homeRoom)
        let (weekRoom, keptIn) = weekRooms(blocks, school, homeRoom: homeRoom)
        let objectiveOf = studyObjectives(sessions)
        var outcome = Outcome()
        var roomsBefore: [Int: [Int]] = [:]
        for (b, block) in school.blocks.enumerated() {
            let open = blocks[b]
            outcome.placements.due += spaces.present[b].count
            outcome.placements.inWorkshops += spaces.present[b].count - open.waiting.count
            // Seat the students: in their week room where it kept them a seat, else their home
            // adult's space, their week room, a space they had before, then the spaces' order.
            var members: [Int: [Int]] = [:]
            func hasSeat(_ r: Int) -> Bool { (members[r]?.count ?? 0) < (open.seatsIn[r] ?? 0) }
            var left: [Int] = []
            for s in open.waiting { if let r = keptIn[b][s] { members[r, default: []].append(s) } }
            for s in open.waiting where keptIn[b][s] == nil {
                let homeAdultRoom = school.students[s].homeAdult.flatMap { a in open.adultsIn.first { $0.value.contains(a) }?.key }
                if let r = ([weekRoom[s], homeAdultRoom].compactMap { $0 } + (roomsBefore[s] ?? [])).first(where: hasSeat) {
                    members[r, default: []].append(s)
                } else {
                    left.append(s)
                }
            }
            var unplaced: [Int] = []
            for s in left {
                if let r = open.rooms.first(where: hasSeat) { members[r, default: []].append(s) } else { unplaced.append(s) }
            }
            for r in open.rooms where !(members[r] ?? []).isEmpty {
                let room = school.rooms[r]
                outcome.groups.append(StudyGroup(
                    id: "\(block.id)/study/\(room.id)", day: block.day, block: block.id, start: clockText(block.start), end: clockText(block.end),
                    room: room.id, adults: (open.adultsIn[r] ?? []).sorted(),
                    students: members[r]!.map { StudyPlace(student: school.students[$0].id, objective: objectiveOf[school.students[$0].id]) }
                        .sorted { $0.student < $1.student }))
                for s in members[r]! where roomsBefore[s]?.contains(r) != true { roomsBefore[s, default: []].append(r) }
                outcome.placements.inStudy += members[r]!.count
                outcome.placements.studySeatsUsed += members[r]!.count
                outcome.placements.supervisingAdults += open.adultsIn[r]?.count ?? 0
            }
            if !unplaced.isEmpty {
                let free = spaces.freeAdults(in: b, plan), seats = open.rooms.reduce(0) { $0 + spaces.seats[$1] }
                let reason = "not enough adults or study seats in \(block.id): \(open.waiting.count) students not in a workshop, "
                    + "\(free) adult(s) free to supervise (\(spaces.ratio) students each), \(seats) study seat(s) free"
                for s in unplaced { outcome.unplaced.append(UnplacedStudent(student: school.students[s].id, block: block.id, reason: reason)) }
                outcome.placements.noPlace += unplaced.count
            }
        }
        return outcome
    }

    /// Per flex block, the spaces study opens and the adults in them, as `StudySpaces.allocate`
    /// counts them. The spaces keep the order they had when first open, so that each holds much the
    /// same from block to block; a space new to the week comes after, those that are most waiting
    /// students' home first. An adult stays in the space they had.
    private func openSpaces(_ school: SchoolIndex, _ spaces: StudySpaces, _ plan: Occupancy, homeRoom: [Int?]) -> [OpenBlock] {
        var lastAdultRoom: [AdultID: Int] = [:], rank: [Int: Int] = [:]
        for room in published.map(\.room) { if let r = school.roomAt[room], rank[r] == nil { rank[r] = rank.count } }
        return school.blocks.indices.map { b in
            let waiting = spaces.present[b].filter { !plan.studentIsBusy($0, in: b) }
            // Adults free: supervisors, then teachers running no workshop.
            var adults: [AdultID] = spaces.supervisorsIn[b].map { AdultID(rawValue: scenario.supervisors[$0].id.rawValue) }
                + spaces.teachersIn[b].filter { !plan.teacherIsBusy($0, in: b) }.map { AdultID(rawValue: school.teachers[$0].id.rawValue) }
            let homes = Dictionary(grouping: waiting.compactMap { homeRoom[$0] }, by: { $0 }).mapValues(\.count)
            var open = OpenBlock(waiting: waiting, rooms: spaces.freeRooms(in: b, plan).sorted {
                (rank[$0] ?? .max, -(homes[$0] ?? 0), $0) < (rank[$1] ?? .max, -(homes[$1] ?? 0), $1)
            })
            for r in open.rooms where rank[r] == nil { rank[r] = rank.count }
            let allocation = StudySpaces.allocate(adults: adults.count, seats: open.rooms.map { spaces.seats[$0] }, need: waiting.count, ratio: spaces.ratio)
            for (i, r) in open.rooms.enumerated() where allocation[i].adults > 0 {
                for _ in 0..<allocation[i].adults {
                    // The adult who had this space before stays in it; else the first free.
                    let j = adults.firstIndex { lastAdultRoom[$0] == r } ?? adults.firstIndex { lastAdultRoom[$0] == nil } ?? 0
                    open.adultsIn[r, default: []].append(adults.remove(at: j))
                }
                open.seatsIn[r] = allocation[i].held
                for a in open.adultsIn[r] ?? [] { lastAdultRoom[a] = r }
            }
            return open
        }
    }

    /// Per student, one study room for the week: students with most study blocks first (those with
    /// a home base first among equals), each takes the room with a seat left in most of their study
    /// blocks; on a tie the room published for them most often (a regrouped day), their home room,
    /// the room where their home adult is most often, then the room listed first. A student with no study block has none. Also, per block, the students
    /// kept a seat in their week room there.
    private func weekRooms(_ blocks: [OpenBlock], _ school: SchoolIndex, homeRoom: [Int?]) -> (weekRoom: [Int: Int], keptIn: [[Int: Int]]) {
        let homeAdult = school.students.map(\.homeAdult)
        // Published rooms, per block and student (a regrouped day).
        var publishedRoom = blocks.map { _ in [Int: Int]() }
        for group in published {
            guard let b = school.blockAt[group.block], let r = school.roomAt[group.room] else { continue }
            for place in group.students { if let s = school.studentAt[place.student] { publishedRoom[b][s] = r } }
        }
        var studyBlocks: [Int: [Int]] = [:]
        for (b, open) in blocks.enumerated() { for s in open.waiting { studyBlocks[s, default: []].append(b) } }
        var taken = blocks.map { _ in [Int: Int]() }
        func hasSeat(_ r: Int, _ b: Int) -> Bool { (taken[b][r] ?? 0) < (blocks[b].seatsIn[r] ?? 0) }
        var weekRoom: [Int: Int] = [:], keptIn = blocks.map { _ in [Int: Int]() }
        let hasHome = Set(homeRoom.indices.filter { homeRoom[$0] != nil || homeAdult[$0] != nil })
        func order(_ s: Int, _ blocks: Int) -> (Int, Int, Int) { (blocks, hasHome.contains(s) ? 1 : 0, -s) }
        for (s, mine) in studyBlocks.sorted(by: { order($0.key, $0.value.count) > order($1.key, $1.value.count) }) {
            var best: (score: Int, published: Int, home: Int, withAdult: Int, room: Int)?
            for r in Set(mine.flatMap { blocks[$0].seatsIn.keys }).sorted() {
                let withAdult = homeAdult[s].map { a in mine.filter { blocks[$0].adultsIn[r]?.contains(a) == true }.count } ?? 0
                let candidate = (score: mine.filter { hasSeat(r, $0) }.count, published: mine.filter { publishedRoom[$0][s] == r }.count,
                                 home: homeRoom[s] == r ? 1 : 0, withAdult: withAdult, room: -r)
                if let b = best, (b.score, b.published, b.home, b.withAdult, b.room)
                    >= (candidate.score, candidate.published, candidate.home, candidate.withAdult, candidate.room) { continue }
                best = candidate
            }
            guard let room = best.map({ -$0.room }) else { continue }
            weekRoom[s] = room
            for b in mine where hasSeat(room, b) {
                taken[b][room, default: 0] += 1
                keptIn[b][s] = room
            }
        }
        return (weekRoom, keptIn)
    }

    /// Per student, the objective to study: most wanted workshops still missing, then need, then
    /// the subjects' order; else their first current objective.
    private func studyObjectives(_ sessions: [PlannedSession]) -> [StudentID: ObjectiveID] {
        var got: [StudentSubject: Int] = [:]
        for s in sessions { for student in s.students { got[StudentSubject(student, s.subject), default: 0] += 1 } }
        let subjectOrder = Dictionary(uniqueKeysWithValues: scenario.subjects.enumerated().map { ($1.id, $0) })
        var best: [StudentID: (missing: Int, weight: Double, order: Int, objective: ObjectiveID)] = [:]
        for d in demands {
            let candidate = (missing: d.wanted - (got[StudentSubject(d.student, d.subject)] ?? 0), weight: d.weight,
                             order: -(subjectOrder[d.subject] ?? 0), objective: d.objective)
            if let current = best[d.student], (current.missing, current.weight, current.order) >= (candidate.missing, candidate.weight, candidate.order) { continue }
            best[d.student] = candidate
        }
        var result = best.mapValues(\.objective)
        for student in scenario.students where result[student.id] == nil {
            if let first = scenario.subjects.lazy.compactMap({ student.current[$0.id] }).first { result[student.id] = first }
        }
        return result
    }
}
