/// **Nobody is scheduled in a block where they are unavailable.**
///
/// Teachers, rooms and students each list the blocks they cannot take (`unavailable`: fixed
/// commitments, pull-outs, a room booked for something else, and the absences of the day). The
/// rule enters the models by construction: a candidate session exists only where its teacher and
/// room are available, and a student is eligible for it only where they are. The engines ask
/// through these checks; `PlanVerifier` keeps its own (`teacher-unavailable`, `room-unavailable`,
/// `student-unavailable`).
extension Teacher {
    func isAvailable(in block: BlockID) -> Bool { !unavailable.contains(block) }
}

extension Room {
    func isAvailable(in block: BlockID) -> Bool { !unavailable.contains(block) }
}

extension Student {
    func isAvailable(in block: BlockID) -> Bool { !unavailable.contains(block) }
}
