/// Every session that could run: an objective, a qualified teacher who is free, a suitable room that
/// is free, in a flex block where at least the objective's minimum group of its students are free.
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

    /// Calls `body` once per flex block and objective with the suitable free rooms, the qualified
    /// free teachers and the eligible demands.
    private static func enumerate(
        scenario: Scenario, demands: [Demand], _ body: (Block, Objective, [Room], [Teacher], [Int]) -> Void
    ) {
        let unavailableStudents = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, Set($0.unavailable)) })
        var byObjective: [ObjectiveID: [Int]] = [:]
        for (e, demand) in demands.enumerated() { byObjective[demand.objective, default: []].append(e) }
        for block in scenario.calendar.flexBlocks {
            for objective in scenario.objectives {
                let eligible = (byObjective[objective.id] ?? []).filter {
                    unavailableStudents[demands[$0].student]?.contains(block.id) != true
                }
                guard GroupSizeRule.isEnough(eligible.count, for: objective) else { continue }
                let rooms = scenario.rooms.filter { room in
                    room.isAvailable(in: block.id) && room.suits(objective)
                        && GroupSizeRule.roomCanHold(seats: room.capacity, objective)
                }
                let teachers = scenario.teachers.filter { teacher in
                    teacher.runsWorkshops && teacher.isAvailable(in: block.id)
                        && teacher.teaches(objective.id)
                }
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
