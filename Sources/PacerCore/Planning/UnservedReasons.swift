/// Why a student did not get every workshop they wanted, in words a scheduler can act on. The
/// checks go from the most fundamental (nobody can teach it) to the plan's own choices.
struct UnservedReasons {
    let scenario: Scenario
    let sessions: [PlannedSession]

    func reason(for demand: Demand) -> String {
        let o = demand.objective
        guard let objective = scenario.objective(o), let student = scenario.students.first(where: { $0.id == demand.student })
        else { return "unknown objective \(o)" }
        let teachers = scenario.teachers.filter { $0.canTeach.contains(o) && $0.maxSessionsPerDay > 0 }
        if teachers.isEmpty { return "no teacher can teach \(o)" }
        let rooms = scenario.rooms.filter { objective.needs.allSatisfy($0.features.contains) }
        if rooms.isEmpty {
            return "no room has the features \(o) needs (\(objective.needs.map(\.rawValue).joined(separator: ", ")))"
        }
        if rooms.allSatisfy({ $0.capacity < objective.minGroup }) {
            return "the minimum group of \(objective.minGroup) for \(o) is larger than every room with its features"
        }
        let peers = scenario.students.filter { $0.current[demand.subject] == o }.count
        if peers < objective.minGroup {
            return "only \(peers) student(s) are on \(o), fewer than its minimum group of \(objective.minGroup)"
        }
        // Blocks where the student is free and not already in a session of this subject that day.
        let mine = sessions.filter { $0.students.contains(demand.student) }
        let daysServed = Set(mine.filter { $0.subject == demand.subject }.map(\.day))
        let free = scenario.calendar.flexBlocks.filter { block in
            !student.unavailable.contains(block.id) && !mine.contains { $0.block == block.id } && !daysServed.contains(block.day)
        }
        if free.isEmpty { return "the student has no free flex block left on a day without a \(demand.subject) workshop" }
        let busy = Set(sessions.map { "\($0.teacher)|\($0.block)" })
        let teacherFree = free.filter { block in
            teachers.contains { t in
                !t.unavailable.contains(block.id) && !busy.contains("\(t.id)|\(block.id)")
                    && sessions.filter { $0.teacher == t.id && $0.day == block.day }.count < t.maxSessionsPerDay
            }
        }
        let open = sessions.filter { s in s.objective == o && free.contains { $0.id == s.block } }
        if !open.isEmpty, open.allSatisfy({ s in
            s.students.count >= min(objective.maxGroup, scenario.rooms.first { $0.id == s.room }?.capacity ?? 0)
        }), teacherFree.isEmpty {
            return "every session on \(o) the student could join is full"
        }
        if teacherFree.isEmpty {
            let names = teachers.map(\.id.rawValue).joined(separator: ", ")
            return "no teacher who can teach \(o) (\(names)) is free when the student is"
        }
        let roomBusy = Set(sessions.map { "\($0.room)|\($0.block)" })
        let roomFree = teacherFree.filter { block in
            rooms.contains { r in !r.unavailable.contains(block.id) && !roomBusy.contains("\(r.id)|\(block.id)") && r.capacity >= objective.minGroup }
        }
        if roomFree.isEmpty {
            return "no room with the features \(o) needs is free when the student and a qualified teacher are"
        }
        return "a session for \(o) would cost more than it serves under the policy (too few students free at the same time, or the teachers' time went to students weighted higher)"
    }
}
