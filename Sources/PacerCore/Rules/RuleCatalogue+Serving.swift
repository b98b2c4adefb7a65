/// Whether any plan could give a student a workshop on an objective in some flex blocks, by the
/// rules' `permits` alone (what holds in every plan: availability and absences, qualification,
/// room features, rooms kept for study, a room's seats): the one home of "no plan could serve it",
/// read by the planning context's request goals (`PlanningContext.meetable`) and by the words a
/// request is declined with (`RequestObstacles`). Whether others join the student to make a group
/// is each plan's to decide, so it is not asked here.
extension RuleCatalogue {
    /// What no plan gets past.
    enum ServingObstacle: Sendable, Equatable {
        /// The student may be in none of the blocks.
        case student
        /// No teacher (or not the one asked for) may run it in any block the student may be in.
        case teacher
        /// No room may host it in any block where the student and a teacher may be.
        case room
    }

    /// What keeps student `s` from a workshop on `objective` in every one of `blocks` (positions
    /// in `school.blocks`), or nil when one of them permits the student, a teacher and a room.
    /// With `teacher` (a position in `school.teachers`), only that teacher counts: time with a
    /// named teacher asks for a workshop they run.
    func servingObstacle(student s: Int, attending objective: Objective, in blocks: [Int], by teacher: Int? = nil) -> ServingObstacle? {
        let free = blocks.filter { permits(student: s, attending: objective, in: $0) }
        guard !free.isEmpty else { return .student }
        let teachers = teacher.map { [$0] } ?? Array(school.teachers.indices)
        let taught = free.filter { b in teachers.contains { permits(teacher: $0, running: objective, in: b) } }
        guard !taught.isEmpty else { return .teacher }
        return taught.contains { b in school.rooms.indices.contains { permits(room: $0, hosting: objective, in: b) } } ? nil : .room
    }
}
