/// Rooms that are interchangeable for a session, and the seats each gives: the neighbourhood models
/// and the counted model decide how many rooms of a class a session uses, not which; the
/// reference model and the greedy name every room (`named`: each room a class of its own).
struct RoomClass: Sendable {
    /// Positions in `SchoolIndex.rooms`, in index order.
    let rooms: [Int]
    let seats: Int

    /// Rooms with the same features and the same seats, counted up to the largest group any
    /// objective allows (a larger room seats no more), are one class. Fewest seats first, then
    /// by features.
    static func interchangeable(_ school: SchoolIndex) -> [RoomClass] {
        struct Key: Hashable {
            let features: [Feature]
            let seats: Int
            var order: (Int, String) { (seats, features.map(\.rawValue).joined(separator: ",")) }
        }
        let largest = school.scenario.objectives.map(\.maxGroup).max() ?? 1
        var rooms: [Key: [Int]] = [:]
        for (r, room) in school.rooms.enumerated() {
            rooms[Key(features: room.features, seats: min(room.capacity, largest)), default: []].append(r)
        }
        return rooms.keys.sorted { $0.order < $1.order }.map { RoomClass(rooms: rooms[$0]!, seats: $0.seats) }
    }

    /// Every room a class of its own, in index order.
    static func named(_ school: SchoolIndex) -> [RoomClass] {
        school.rooms.enumerated().map { RoomClass(rooms: [$0.offset], seats: $0.element.capacity) }
    }
}

/// Where a session could run: one objective in one flex block (a slot), with the teachers who may
/// run it, the rooms that may host it and the students who may come, as the rule catalogue admits
/// them. Every engine enumerates its sessions here (block × objective × qualified teacher × room
/// class): the reference model's candidates (`CandidateSet`), the neighbourhood models beside the
/// rest of the week, the counted model of the lower bound, and the greedy's teachers and rooms.
struct CandidateSlots {
    let rules: RuleCatalogue
    let roomClasses: [RoomClass]
    /// The plan beside which teachers, rooms and students must be admitted (an empty plan, or the
    /// rest of the week for a neighbourhood model); nil: whom the rules permit in any plan (the
    /// counted model, whose bound holds for every plan, and the greedy, which asks the rest as it
    /// builds).
    let plan: Occupancy?

    /// One objective in one flex block where at least its minimum group may come, a teacher may
    /// run it and a room may host it.
    struct Slot<Student> {
        let block: Int
        let objective: Objective
        /// Positions in `SchoolIndex.teachers`, in index order.
        let teachers: [Int]
        /// Per room class, the rooms that may host it, with their seats cut to `max_group`.
        let rooms: [RoomClass]
        /// Who may come, as the engine counts students: demands, or pools of them.
        let students: [Student]
    }

    /// The slots of `blocks` × `objectives`, in that order. `students` says who may come to a
    /// slot (`admits(student:…)` helps) and `size` how many students that is; `teachers`, when
    /// given, limits the teachers to those (by position).
    func slots<Student>(
        blocks: [Int], objectives: [Objective], teachers among: [Int]? = nil,
        students: (_ b: Int, _ objective: Objective) -> [Student], size: ([Student]) -> Int
    ) -> [Slot<Student>] {
        var result: [Slot<Student>] = []
        for b in blocks {
            for objective in objectives {
                let who = students(b, objective)
                guard GroupSizeRule.isEnough(size(who), for: objective) else { continue }
                let rooms = self.rooms(hosting: objective, in: b)
                guard !rooms.isEmpty else { continue }
                let teachers = self.teachers(running: objective, in: b, among: among)
                guard !teachers.isEmpty else { continue }
                result.append(Slot(block: b, objective: objective, teachers: teachers, rooms: rooms, students: who))
            }
        }
        return result
    }

    /// The teachers (of `among`, else all) who may run the objective in flex block `b`.
    func teachers(running objective: Objective, in b: Int, among: [Int]? = nil) -> [Int] {
        (among ?? Array(rules.school.teachers.indices)).filter { t in
            plan.map { rules.admits(teacher: t, running: objective, in: b, $0) } ?? rules.permits(teacher: t, running: objective, in: b)
        }
    }

    /// Per room class, the rooms that may host the objective in flex block `b`, with the class's
    /// seats cut to `max_group`; classes with none are left out.
    func rooms(hosting objective: Objective, in b: Int) -> [RoomClass] {
        roomClasses.compactMap { roomClass in
            let usable = roomClass.rooms.filter { r in
                plan.map { rules.admits(room: r, hosting: objective, in: b, $0) } ?? rules.permits(room: r, hosting: objective, in: b)
            }
            return usable.isEmpty ? nil : RoomClass(rooms: usable, seats: min(roomClass.seats, objective.maxGroup))
        }
    }

    /// Whether the student may attend the objective in flex block `b`.
    func admits(student s: Int, attending objective: Objective, in b: Int) -> Bool {
        plan.map { rules.admits(student: s, attending: objective, in: b, $0) } ?? rules.permits(student: s, attending: objective, in: b)
    }
}
