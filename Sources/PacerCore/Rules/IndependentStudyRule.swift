import GLPK

/// **Every present student has one place in every flex block**: a workshop, or independent study
/// in a study space under an adult, who supervises at most `students_per_supervisor` students
/// (a `policy:` setting, 30 when not set) and runs no workshop in that block. A space holds at most
/// its study seats (`study:` on a room).
///
/// When a school has too few adults or seats to hold everyone, the plan still comes out: each
/// student-block left with no place costs `no_place` (`ObjectiveTerms`), far above a workshop's
/// worth, so every engine gives an adult to study before a small workshop, and the plan lists who
/// has no place and why. How much study can hold is `StudySpaces`'s one count.
///
/// The heuristics price it through the objective (the greedy's gain and `CostLedger` see what a
/// session takes from study); the models get, per flex block they decide and per class of alike
/// study spaces, columns for the spaces used, the adults in them and the students they hold, with
/// rows that share rooms and adults with the workshops; the lower bound gets the same with adults
/// and seats summed over the block. `StudyPlacer` names the rooms, adults and students;
/// `PlanVerifier` keeps its own checks (`no-place`, `two-places`, `study-seats`, `study-ratio`, …).
struct IndependentStudyRule: PlanRule {
    static let name = RuleName("independent-study")
    static let studentsPerSupervisor = RuleSetting("students_per_supervisor", range: 1...500)
    static let settings = [studentsPerSupervisor]
    static let answers: RuleQuestions = []
    private let spaces: StudySpaces

    init?(school: SchoolIndex) { spaces = StudySpaces(school) }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "needed to supervise independent study" }

    /// Study spaces alike for a model: the same study seats and in the same workshop room sets of
    /// the block, so that which of them hold study and which hold workshops makes no difference.
    private struct SpaceClass {
        let rooms: [Int]
        let seats: Int
        var z: Column?, adults: Column?, held: Column?
    }

    func addRows(to model: inout RuleModel) throws {
        let school = model.school, ratio = spaces.ratio
        var opensIn: [Int: [(RuleModel.Opening, Int)]] = [:], placesIn: [Int: [Column]] = [:]
        for group in model.groups {
            for open in group.opens { opensIn[group.block, default: []].append((open, group.teacher)) }
            placesIn[group.block, default: []].append(contentsOf: group.places.map(\.column))
        }
        let cost = school.scenario.policy.noPlace
        for b in model.blocks {
            let block = school.blocks[b].id.rawValue
            let opens = opensIn[b] ?? []
            // A block where study holds everyone even if every group of the model ran and seated
            // nobody cannot leave anyone without a place: its rows could never bind.
            let due = spaces.present[b].count - model.fixed.studentsPlaced(in: b)
            let teaching = Set(opens.map(\.1)), rooming = Set(opens.flatMap(\.0.rooms))
            let worstAdults = spaces.supervisorsIn[b].count
                + spaces.teachersIn[b].filter { !model.fixed.teacherIsBusy($0, in: b) && !teaching.contains($0) }.count
            let worstSeats = spaces.roomsIn[b].filter { !model.fixed.roomIsBusy($0, in: b) && !rooming.contains($0) }.map { spaces.seats[$0] }
            if StudySpaces.capacity(adults: worstAdults, seats: worstSeats, ratio: ratio) >= due { continue }
            let sets = Array(Set(opens.map { $0.0.rooms })).sorted { $0.lexicographicallyPrecedes($1) }
            // Alike spaces: same seats, inside the same workshop sets.
            var classes: [SpaceClass] = [], classOf: [[Int]: Int] = [:]
            for r in spaces.roomsIn[b] where !model.fixed.roomIsBusy(r, in: b) {
                let key = [spaces.seats[r]] + sets.indices.filter { sets[$0].contains(r) }
                if let c = classOf[key] { classes[c] = SpaceClass(rooms: classes[c].rooms + [r], seats: spaces.seats[r]) } else {
                    classOf[key] = classes.count
                    classes.append(SpaceClass(rooms: [r], seats: spaces.seats[r]))
                }
            }
            var held: [(Column, Double)] = []
            for c in classes.indices {
                let n = Double(classes[c].rooms.count), seats = classes[c].seats
                let tag = RuleModel.name("\(block),\(school.rooms[classes[c].rooms[0]].id)+\(classes[c].rooms.count - 1)")
                let perRoom = (seats + ratio - 1) / ratio
                let z = try model.problem.addColumn(name: "studyRooms(\(tag))", kind: .integer, bounds: .range(0, n), objective: 0)
                let a = try model.problem.addColumn(name: "studyAdults(\(tag))", kind: .integer, bounds: .range(0, n * Double(perRoom)), objective: 0)
                let u = try model.problem.addColumn(name: "studyHeld(\(tag))", bounds: .range(0, n * Double(seats)), objective: 0)
                // Held ≤ ratio × adults, ≤ seats × spaces, and the last adult of a space holds only what is left of it.
                try model.problem.addRow(name: "studyRatio(\(tag))", bounds: .upper(0), terms: [(u, 1), (a, -Double(ratio))])
                try model.problem.addRow(name: "studySeats(\(tag))", bounds: .upper(0), terms: [(u, 1), (z, -Double(seats))])
                let rest = seats % ratio
                if rest > 0 {
                    try model.problem.addRow(name: "studyLastAdult(\(tag))", bounds: .upper(0),
                                             terms: [(u, 1), (a, -Double(rest)), (z, -Double((ratio - rest) * (seats / ratio)))])
                }
                try model.problem.addRow(name: "studyAdultsInRooms(\(tag))", bounds: .upper(0), terms: [(a, 1), (z, -Double(perRoom))])
                classes[c].z = z
                classes[c].adults = a
                classes[c].held = u
                held.append((u, 1))
            }
            // A room holds a workshop or study; an adult runs a workshop or supervises.
            for set in sets {
                let inside = opens.filter { $0.0.rooms.allSatisfy(set.contains) }.map { ($0.0.column, 1.0) }
                let study = classes.filter { $0.rooms.allSatisfy(set.contains) }.compactMap { $0.z.map { ($0, 1.0) } }
                guard !study.isEmpty else { continue }
                let free = set.filter { !model.fixed.roomIsBusy($0, in: b) }.count
                try model.problem.addRow(name: RuleModel.name("studyRoomShared(\(block),\(school.rooms[set[0]].id)+\(set.count - 1))"),
                                         bounds: .upper(Double(free)), terms: inside + study)
            }
            let adults = spaces.freeAdults(in: b, model.fixed)
            let running = opens.filter { spaces.supervises[$0.1] }.map { ($0.0.column, 1.0) }
            try model.problem.addRow(name: RuleModel.name("studyAdultShared(\(block))"), bounds: .upper(Double(adults)),
                                     terms: classes.compactMap { $0.adults.map { ($0, 1.0) } } + running)
            // Everyone present is in a workshop, in study, or counted with no place.
            let noPlace = try model.problem.addColumn(name: RuleModel.name("noPlace(\(block))"), bounds: .lower(0), objective: cost)
            try model.problem.addRow(name: RuleModel.name("everyonePlaced(\(block))"), bounds: .lower(Double(due)),
                                     terms: [(noPlace, 1)] + held + (placesIn[b] ?? []).map { ($0, 1) })
            let fixed = model.fixed, classesNow = classes, study = spaces, places = placesIn[b] ?? []
            model.completions.append { values in
                Self.complete(&values, block: b, classes: classesNow, opens: opens, places: places, fixed: fixed,
                              spaces: study, noPlace: noPlace)
            }
        }
    }

    /// Sets the block's study columns for a start whose opens and places are set: the workshops'
    /// rooms taken from the smallest spaces first, the free adults allocated as `StudySpaces` does.
    private static func complete(
        _ v: inout [Double], block b: Int, classes: [SpaceClass], opens: [(RuleModel.Opening, Int)], places: [Column],
        fixed: Occupancy, spaces: StudySpaces, noPlace: Column
    ) {
        var adults = spaces.freeAdults(in: b, fixed)
        var used: [[Int]: Int] = [:]
        for (open, t) in opens where v[open.column.index] > 0.5 {
            if spaces.supervises[t] { adults -= 1 }
            used[open.rooms, default: 0] += Int(v[open.column.index].rounded())
        }
        // Rooms of each class that workshops leave free, smallest study seats taken by workshops first.
        var free = classes.map(\.rooms.count)
        for (set, count) in used.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var left = count
            for c in classes.indices.sorted(by: { classes[$0].seats < classes[$1].seats }) where left > 0 && classes[c].rooms.allSatisfy(set.contains) {
                let take = min(left, free[c])
                free[c] -= take
                left -= take
            }
        }
        var need = spaces.present[b].count - fixed.studentsPlaced(in: b) - places.filter { v[$0.index] > 0.5 }.count
        // Every free space of every class, each with its seats, as `StudySpaces` allocates them.
        let owner = classes.indices.flatMap { c in repeatElement(c, count: free[c]) }
        let allocation = StudySpaces.allocate(adults: adults, seats: owner.map { classes[$0].seats }, need: max(0, need), ratio: spaces.ratio)
        var rooms = Array(repeating: 0, count: classes.count), adultsIn = rooms, held = rooms
        for (i, c) in owner.enumerated() where allocation[i].adults > 0 {
            rooms[c] += 1
            adultsIn[c] += allocation[i].adults
            held[c] += allocation[i].held
            need -= allocation[i].held
        }
        for c in classes.indices {
            if let z = classes[c].z { v[z.index] = Double(rooms[c]) }
            if let a = classes[c].adults { v[a.index] = Double(adultsIn[c]) }
            if let u = classes[c].held { v[u.index] = Double(held[c]) }
        }
        v[noPlace.index] = Double(max(0, need))
    }

    /// Counted: per flex block, study holds at most `ratio` per adult not running a slot and at
    /// most the seats of the study spaces no slot uses (a room class used by a slot gives up at
    /// least its smallest study seats); whoever is present and neither seated in a slot nor held
    /// has no place. Pools of different subjects may seat one student twice, which only lowers
    /// the count of those with no place: the bound stays valid.
    func addCountedRows(to model: CountedModel) throws {
        let school = model.school, ratio = Double(spaces.ratio), cost = school.scenario.policy.noPlace
        var slotsIn: [Int: [CountedModel.Slot]] = [:]
        for slot in model.slots { slotsIn[slot.block, default: []].append(slot) }
        for b in school.blocks.indices {
            let block = school.blocks[b].id.rawValue
            let slots = slotsIn[b] ?? []
            let adults = Double(spaces.supervisorsIn[b].count + spaces.teachersIn[b].count)
            let seats = Double(spaces.roomsIn[b].reduce(0) { $0 + spaces.seats[$1] })
            let held = try model.problem.addColumn(name: RuleModel.name("studyHeld(\(block))"), bounds: .lower(0), objective: 0)
            let runs = slots.flatMap(\.runs).filter { spaces.supervises[$0.teacher] && spaces.teachersIn[b].contains($0.teacher) }
            try model.problem.addRow(name: RuleModel.name("studyRatio(\(block))"), bounds: .upper(ratio * adults),
                                     terms: [(held, 1)] + runs.map { ($0.column, ratio) })
            let uses = slots.flatMap(\.rooms).compactMap { use -> (Column, Double)? in
                let lost = use.rooms.map { spaces.roomsIn[b].contains($0) ? spaces.seats[$0] : 0 }.min() ?? 0
                return lost > 0 ? (use.column, Double(lost)) : nil
            }
            try model.problem.addRow(name: RuleModel.name("studySeats(\(block))"), bounds: .upper(seats), terms: [(held, 1)] + uses)
            let noPlace = try model.problem.addColumn(name: RuleModel.name("noPlace(\(block))"), bounds: .lower(0), objective: cost)
            let seated = slots.flatMap(\.seatings).map { ($0.column, 1.0) }
            try model.problem.addRow(name: RuleModel.name("everyonePlaced(\(block))"), bounds: .lower(Double(spaces.present[b].count)),
                                     terms: [(noPlace, 1), (held, 1)] + seated)
        }
    }
}
