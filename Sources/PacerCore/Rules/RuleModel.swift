import GLPK

/// A GLPK model over candidate sessions, as the rules see it: whatever the engine (the reference
/// model over the whole week, a block model over one block), it is a list of groups, each one
/// teacher running one objective in one flex block, with the columns that open it (one per room,
/// or one per class of interchangeable rooms) and the columns that place students in it. The
/// rules add their rows from this alone, so one rule's rows serve every model.
struct RuleModel {
    /// A column that opens a group in one of `rooms` (interchangeable: the model decides how many
    /// of them are used, not which), giving it `seats` (already cut to `max_group`).
    struct Opening {
        let column: Column
        let rooms: [Int]
        let seats: Int
    }

    /// A column that places a student (by position) in a group.
    struct Place {
        let student: Int
        let column: Column
    }

    struct Group {
        let objective: Objective
        let teacher: Int
        let block: Int
        let opens: [Opening]
        let places: [Place]
        /// Names this group's rows (already cleaned by `RuleModel.name`).
        let tag: String
    }

    let problem: Problem
    let school: SchoolIndex
    /// What is planned outside the model (the rest of the week, for a block model): rows leave
    /// room for it.
    let fixed: Occupancy
    let groups: [Group]
    /// The flex blocks the model decides (their groups and whatever else happens in them, such as
    /// independent study); by default the groups' blocks.
    let blocks: [Int]
    /// Columns a rule added that are 1 exactly when every column listed is (soft keep-apart's
    /// `together`), so an engine can complete a start from its opens and places.
    var indicators: [(column: Column, allOf: [Column])] = []
    /// Rules' columns whose values follow from the opens and places in other ways (independent
    /// study's): each fills its columns of a start whose opens, places and indicators are set.
    var completions: [@Sendable (inout [Double]) -> Void] = []

    init(problem: Problem, school: SchoolIndex, fixed: Occupancy? = nil, groups: [Group], blocks: [Int]? = nil) {
        self.problem = problem
        self.school = school
        self.fixed = fixed ?? Occupancy(school)
        self.groups = groups
        self.blocks = blocks ?? Set(groups.map(\.block)).sorted()
    }

    /// Completes a start: the indicators, then the rules' completions.
    func complete(_ values: inout [Double]) {
        for indicator in indicators where indicator.allOf.allSatisfy({ values[$0.index] == 1 }) { values[indicator.column.index] = 1 }
        for completion in completions { completion(&values) }
    }

    /// Adds `Σ columns ≤ bound` named `name`, unless it cannot bind (fewer columns than the bound
    /// allows, counting each column once).
    func addAtMost(_ bound: Int, of columns: [Column], name: String) throws {
        let distinct = Array(Set(columns)).sorted()
        guard distinct.count > bound else { return }
        try problem.addRow(name: Self.name(name), bounds: .upper(Double(max(0, bound))), terms: distinct.map { ($0, 1) })
    }

    /// A name GLPK's CPLEX LP writer keeps: letters, digits and `_,./()`, at most 200 bytes.
    static func name(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_,./()")
        return String(String(text.map { allowed.contains($0) ? $0 : "_" }).prefix(200))
    }
}
