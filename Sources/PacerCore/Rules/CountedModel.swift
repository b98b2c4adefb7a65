import GLPK

/// The week with students and rooms counted instead of named: the relaxation that proves how good a
/// plan can be (`LowerBound`). Students on one objective with the same weight, the same workshops
/// wanted and the same flex blocks open to them form a pool; rooms with the same features and
/// seats form a class. Per objective and flex block (a slot) the model decides which teachers run
/// it, how many rooms of each class it uses and how many students of each pool it seats.
///
/// Every plan gives a solution of this model with the same cost (less the terms it leaves out,
/// which are never negative), so its optimum, and any bound GLPK proves on it, is a lower bound
/// on every plan. A rule states here only what holds for counts (`PlanRule.addCountedRows`); a rule
/// that says nothing leaves the bound valid, only weaker.
struct CountedModel {
    /// Students on one objective who are interchangeable for the timetable.
    struct Pool {
        let objective: Objective
        /// Positions in `SchoolIndex.students`.
        let students: [Int]
        let wanted: Int
        let weight: Double
        /// The flex blocks where every student of the pool may attend the objective.
        let blocks: [Int]
        var size: Int { students.count }
    }

    /// Binary: the teacher runs the slot's objective in its block.
    struct Run {
        let teacher: Int
        let column: Column
    }

    /// Integer: how many rooms of a class the slot uses, each seating `seats` (cut to `max_group`).
    struct RoomUse {
        let rooms: [Int]
        let seats: Int
        let column: Column
    }

    /// Integer: how many students of a pool the slot seats.
    struct Seating {
        let pool: Int
        let column: Column
    }

    /// One objective in one flex block.
    struct Slot {
        let objective: Objective
        let block: Int
        let runs: [Run]
        let rooms: [RoomUse]
        let seatings: [Seating]
        /// Names this slot's rows (already cleaned by `RuleModel.name`).
        let tag: String

        /// The most students one session of the slot can seat.
        var largestGroup: Int { rooms.map(\.seats).max() ?? 0 }
    }

    let problem: Problem
    let school: SchoolIndex
    let pools: [Pool]
    let slots: [Slot]
    /// The cost of serving nobody (Σ weight × wanted), the objective's constant.
    let constant: Double

    /// Adds `Σ terms ≤ bound` named `name`.
    func addAtMost(_ bound: Int, of columns: [Column], name: String) throws {
        try problem.addRow(name: RuleModel.name(name), bounds: .upper(Double(max(0, bound))), terms: columns.map { ($0, 1) })
    }
}
