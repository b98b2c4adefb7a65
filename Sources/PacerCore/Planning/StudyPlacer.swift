/// Names where every present student not in a workshop studies, once the workshops are fixed: per
/// flex block it opens the study spaces and gives them the free adults as `StudySpaces` counts them
/// (so exactly as many students are held as the objective's **no place** term assumed), then
/// seats the students. Where it costs nothing, a student keeps the same space and adult: their
/// home base first (`home_room`, `home_adult`), then the space they had in the block before, and
/// an adult stays in the space they had. Each student works on the current objective that most
/// needs time: the one with most wanted workshops still missing this week, then the highest need
/// (`Demand.weight`), then the subjects' order.
struct StudyPlacer {
    let scenario: Scenario
    let demands: [Demand]

    struct Outcome {
        var groups: [StudyGroup] = []
        var unplaced: [UnplacedStudent] = []
        var placements = Placements(due: 0, inWorkshops: 0, inStudy: 0, noPlace: 0, supervisingAdults: 0, studySeatsUsed: 0)
    }

    func place(_ sessions: [PlannedSession]) -> Outcome {
        let school = SchoolIndex(scenario), spaces = StudySpaces(school)
        let plan = Occupancy(school, sessions: sessions)
        let objectiveOf = studyObjectives(sessions)
        var outcome = Outcome()
        var lastRoom: [Int: Int] = [:], lastAdultRoom: [AdultID: Int] = [:]
        let homeRoom = school.students.map { $0.homeRoom.flatMap { school.roomAt[$0] } }
        for (b, block) in school.blocks.enumerated() {
            let waiting = spaces.present[b].filter { !plan.studentIsBusy($0, in: b) }
            outcome.placements.due += spaces.present[b].count
            outcome.placements.inWorkshops += spaces.present[b].count - waiting.count
            // Adults free: supervisors, then teachers running no workshop.
            var adults: [AdultID] = spaces.supervisorsIn[b].map { AdultID(rawValue: scenario.supervisors[$0].id.rawValue) }
                + spaces.teachersIn[b].filter { !plan.teacherIsBusy($0, in: b) }.map { AdultID(rawValue: school.teachers[$0].id.rawValue) }
            // Spaces: those used in the block before first, then those that are most students' home.
            let homes = Dictionary(grouping: waiting.compactMap { homeRoom[$0] }, by: { $0 }).mapValues(\.count)
            let used = Set(lastAdultRoom.values)
            let rooms = spaces.freeRooms(in: b, plan).sorted {
                (used.contains($0) ? 0 : 1, -(homes[$0] ?? 0), $0) < (used.contains($1) ? 0 : 1, -(homes[$1] ?? 0), $1)
            }
            var seatsIn: [Int: Int] = [:], adultsIn: [Int: [AdultID]] = [:]
            let allocation = StudySpaces.allocate(adults: adults.count, seats: rooms.map { spaces.seats[$0] }, need: waiting.count, ratio: spaces.ratio)
            for (i, r) in rooms.enumerated() where allocation[i].adults > 0 {
                for _ in 0..<allocation[i].adults {
                    // The adult who had this space before stays in it; else the first free.
                    let j = adults.firstIndex { lastAdultRoom[$0] == r } ?? adults.firstIndex { lastAdultRoom[$0] == nil } ?? 0
                    adultsIn[r, default: []].append(adults.remove(at: j))
                }
                seatsIn[r] = allocation[i].held
            }
            // Seat the students: home base, then the space before, then in the spaces' order.
            var members: [Int: [Int]] = [:]
            func hasSeat(_ r: Int) -> Bool { (members[r]?.count ?? 0) < (seatsIn[r] ?? 0) }
            var left: [Int] = []
            for s in waiting {
                let student = school.students[s]
                let homeAdultRoom = student.homeAdult.flatMap { a in adultsIn.first { $0.value.contains(a) }?.key }
                if let r = [homeRoom[s], homeAdultRoom, lastRoom[s]].compactMap({ $0 }).first(where: hasSeat) {
                    members[r, default: []].append(s)
                } else {
                    left.append(s)
                }
            }
            var unplaced: [Int] = []
            for s in left {
                if let r = rooms.first(where: hasSeat) { members[r, default: []].append(s) } else { unplaced.append(s) }
            }
            for r in rooms where !(members[r] ?? []).isEmpty {
                let room = school.rooms[r]
                outcome.groups.append(StudyGroup(
                    id: "\(block.id)/study/\(room.id)", day: block.day, block: block.id, start: clockText(block.start), end: clockText(block.end),
                    room: room.id, adults: (adultsIn[r] ?? []).sorted(),
                    students: members[r]!.map { StudyPlace(student: school.students[$0].id, objective: objectiveOf[school.students[$0].id]) }
                        .sorted { $0.student < $1.student }))
                for s in members[r]! { lastRoom[s] = r }
                for a in adultsIn[r] ?? [] { lastAdultRoom[a] = r }
                outcome.placements.inStudy += members[r]!.count
                outcome.placements.studySeatsUsed += members[r]!.count
                outcome.placements.supervisingAdults += adultsIn[r]?.count ?? 0
            }
            if !unplaced.isEmpty {
                let free = spaces.freeAdults(in: b, plan), seats = rooms.reduce(0) { $0 + spaces.seats[$1] }
                let reason = "not enough adults or study seats in \(block.id): \(waiting.count) students not in a workshop, "
                    + "\(free) adult(s) free to supervise (\(spaces.ratio) students each), \(seats) study seat(s) free"
                for s in unplaced { outcome.unplaced.append(UnplacedStudent(student: school.students[s].id, block: block.id, reason: reason)) }
                outcome.placements.noPlace += unplaced.count
            }
        }
        return outcome
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
