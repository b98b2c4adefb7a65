/// Every session that could run: an objective, a teacher and a room in a flex block, as the rule
/// catalogue admits them in an empty plan, where at least the objective's minimum group of its
/// students may come.
struct Candidate: Sendable {
    let objective: Objective
    let teacher: TeacherID
    let room: RoomID
    let block: Block
    /// Largest group: the objective's `max_group`, or the room's capacity if smaller.
    let capacity: Int
    /// Indices into the demand list of students who may join (on this objective, free in this block).
    let eligible: [Int]
}

struct CandidateSet: Sendable {
    let demands: [Demand]
    let candidates: [Candidate]

    /// How many candidate sessions and placements a school has, without building them (large
    /// schools have hundreds of millions of placements).
    static func counts(scenario: Scenario, demands: [Demand]) -> (sessions: Int, placements: Int) {
        var sessions = 0, placements = 0
        for slot in slots(RuleCatalogue(scenario), demands: demands) {
            sessions += slot.rooms.count * slot.teachers.count
            placements += slot.rooms.count * slot.teachers.count * slot.students.count
        }
        return (sessions, placements)
    }

    /// Indices of the demands some candidate session could take, in an empty plan.
    static func reachableDemands(scenario: Scenario, demands: [Demand]) -> Set<Int> {
        Set(slots(RuleCatalogue(scenario), demands: demands).flatMap(\.students))
    }

    /// Every flex block and objective where a session could run in an empty plan, with each room
    /// named, and the eligible demands (by index).
    private static func slots(_ rules: RuleCatalogue, demands: [Demand]) -> [CandidateSlots.Slot<Int>] {
        let school = rules.school
        let slots = CandidateSlots(rules: rules, roomClasses: RoomClass.named(school), plan: rules.emptyPlan)
        var byObjective: [ObjectiveID: [Int]] = [:]
        for (e, demand) in demands.enumerated() { byObjective[demand.objective, default: []].append(e) }
        let owner = demands.map { school.studentAt[$0.student] }
        return slots.slots(blocks: Array(school.blocks.indices), objectives: school.scenario.objectives, students: { b, objective in
            (byObjective[objective.id] ?? []).filter { owner[$0].map { slots.admits(student: $0, attending: objective, in: b) } ?? false }
        }, size: \.count)
    }

    init(scenario: Scenario, demands: [Demand]) {
        self.demands = demands
        let rules = RuleCatalogue(scenario), school = rules.school
        candidates = Self.slots(rules, demands: demands).flatMap { slot in
            slot.teachers.flatMap { t in
                slot.rooms.map { room in
                    Candidate(
                        objective: slot.objective, teacher: school.teachers[t].id, room: school.rooms[room.rooms[0]].id,
                        block: school.blocks[slot.block], capacity: room.seats, eligible: slot.students)
                }
            }
        }
    }
}
