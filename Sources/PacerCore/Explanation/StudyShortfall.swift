/// A flex block where independent study cannot hold every present student even if no workshop
/// ran and every adult supervised: no plan can give everyone a place there. `validate --deep`
/// names it with the smallest change that would (`StudySpaces` counts what study holds).
public struct StudyShortfall: Sendable, Equatable {
    public var block: BlockID
    public var present: Int
    /// The most study holds there with every adult free and every study space open.
    public var capacity: Int
    public var adults: Int
    public var seats: Int
    public var ratio: Int
    /// Each enough on its own: more supervisors in the block, a new study space of some seats,
    /// or (when neither alone does) both.
    public var changes: [String]

    /// The blocks of `scenario` where study falls short, in the week's order.
    public static func find(_ scenario: Scenario) -> [StudyShortfall] {
        let school = SchoolIndex(scenario), spaces = StudySpaces(school), empty = Occupancy(school)
        var result: [StudyShortfall] = []
        for (b, block) in school.blocks.enumerated() {
            let present = spaces.present[b].count, capacity = spaces.capacity(in: b, empty)
            guard capacity < present else { continue }
            let adults = spaces.freeAdults(in: b, empty), seats = spaces.roomsIn[b].map { spaces.seats[$0] }
            func holds(adults a: Int, seats s: [Int]) -> Bool { StudySpaces.capacity(adults: a, seats: s, ratio: spaces.ratio) >= present }
            var changes: [String] = []
            if let k = (1...present).first(where: { holds(adults: adults + $0, seats: seats) }) {
                changes.append(k == 1 ? "one more supervisor in \(block.id)" : "\(k) more supervisors in \(block.id)")
            }
            if let s = (1...present).first(where: { holds(adults: adults, seats: seats + [$0]) }) {
                changes.append("a study space of \(s) seats free in \(block.id)")
            }
            if changes.isEmpty {
                let short = present - capacity, k = (short + spaces.ratio - 1) / spaces.ratio
                changes.append("\(k) more supervisor(s) and a study space of \(short) seats in \(block.id)")
            }
            result.append(StudyShortfall(block: block.id, present: present, capacity: capacity, adults: adults,
                                         seats: seats.reduce(0, +), ratio: spaces.ratio, changes: changes))
        }
        return result
    }

    /// `Tue-F2: 212 students present, study holds at most 180 …` and the changes below it.
    public var lines: [String] {
        ["\(block): \(present) students present; study holds at most \(capacity) even with no workshop "
            + "(\(adults) adult(s) free, \(ratio) students each; \(seats) study seats)",
         "  smallest change: " + changes.joined(separator: ", or ")]
    }
}
