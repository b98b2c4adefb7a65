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
        enumerate(scenario: scenario, demands: demands) { _, _, rooms, teachers, eligible in
            sessions += rooms.count * teachers.count
            placements += rooms.count * teachers.count * eligible.count
        }
        return (sessions, placements)
    }

    /// Indices of the demands some candidate session could take, in an empty plan.
    static func reachableDemands(scenario: Scenario, demands: [Demand]) -> Set<Int> {
        var reachable: Set<Int> = []
        enumerate(scenario: scenario, demands: demands) { _, _, rooms, teachers, eligible in
            if !rooms.isEmpty, !teachers.isEmpty { reachable.formUnion(eligible) }
        }
        return reachable
    }

    /// Calls `body` once per flex block and objective with the rooms and teachers the rule
    /// catalogue admits there in an empty plan, and the eligible demands.
    private static func enumerate(
        scenario: Scenario, demands: [Demand], _ body: (Block, Objective, [Room], [Teacher], [Int]) -> Void
    ) {
        let rules = RuleCatalogue(scenario)
        let school = rules.school, empty = rules.emptyPlan
        var byObjective: [ObjectiveID: [Int]] = [:]
        for (e, demand) in demands.enumerated() { byObjective[demand.objective, default: []].append(e) }
        let owner = demands.map { school.studentAt[$0.student] }
        for (b, block) in school.blocks.enumerated() {
            for objective in scenario.objectives {
                let eligible = (byObjective[objective.id] ?? []).filter {
                    owner[$0].map { rules.admits(student: $0, attending: objective, in: b, empty) } ?? false
                }
                guard GroupSizeRule.isEnough(eligible.count, for: objective) else { continue }
                let rooms = school.rooms.indices.filter { rules.admits(room: $0, hosting: objective, in: b, empty) }.map { school.rooms[$0] }
                let teachers = school.teachers.indices.filter { rules.admits(teacher: $0, running: objective, in: b, empty) }.map { school.teachers[$0] }
                body(block, objective, rooms, teachers, eligible)
            }
        }
    }

    init(scenario: Scenario, demands: [Demand]) {
        self.demands = demands
        var result: [Candidate] = []
        Self.enumerate(scenario: scenario, demands: demands) { block, objective, rooms, teachers, eligible in
            for teacher in teachers {
                for room in rooms {
                    result.append(Candidate(
                        objective: objective, teacher: teacher.id, room: room.id, block: block,
                        capacity: min(objective.maxGroup, room.capacity), eligible: eligible))
                }
            }
        }
        candidates = result
    }
}
