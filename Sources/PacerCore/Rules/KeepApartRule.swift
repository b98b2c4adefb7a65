import GLPK

/// **Students listed to be kept apart are never in one session.**
///
/// students.csv's `keep_apart` names students "never to be grouped" with each other; schools use it
/// for safeguarding, so the rule is hard by default: no engine places such a pair in one session,
/// and `pacer verify` reports one that is. A scenario may opt into a priced soft version instead
/// (`policy: keep_apart: 50`, points per pair and session); then the exact models may group a pair
/// at that price (a `together` column), while the heuristics still never do.
/// `PlanVerifier` keeps its own check (`keep-apart`).
public enum KeepApart: Hashable, Sendable {
    case hard
    /// Allowed at a price, in points per pair placed in one session.
    case soft(points: Double)

    /// What a pair in one session costs in the objective (nothing when the rule is hard: it cannot happen).
    public var price: Double {
        if case let .soft(points) = self { return points }
        return 0
    }
}

struct KeepApartRule: PlanRule {
    static let name = RuleName("keep-apart")
    static let answers: RuleQuestions = .allowsJoining
    private let school: SchoolIndex
    /// Per student (by position), the students to keep apart from, both ways.
    private let apart: [Set<Int>]

    init?(school: SchoolIndex) {
        var apart = Array(repeating: Set<Int>(), count: school.students.count)
        for (s, student) in school.students.enumerated() {
            for other in student.keepApart {
                guard let o = school.studentAt[other], o != s else { continue }
                apart[s].insert(o)
                apart[o].insert(s)
            }
        }
        guard apart.contains(where: { !$0.isEmpty }) else { return nil }
        self.school = school
        self.apart = apart
    }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "kept apart from a student in the group" }

    func allows(student s: Int, joining members: [Int]) -> Bool { !members.contains(where: apart[s].contains) }

    /// Per group and pair: hard, `x_a + x_b ≤ 1`; soft, `together ≥ x_a + x_b − 1` with `together`
    /// priced in the objective.
    func addRows(to model: inout RuleModel) throws {
        let rule = school.scenario.policy.keepApart
        for group in model.groups {
            for (i, a) in group.places.enumerated() where !apart[a.student].isEmpty {
                for b in group.places[(i + 1)...] where apart[a.student].contains(b.student) {
                    let (first, second) = a.student < b.student ? (a, b) : (b, a)
                    let tag = "\(school.students[first.student].id),\(school.students[second.student].id),\(group.tag)"
                    switch rule {
                    case .hard:
                        try model.problem.addRow(name: RuleModel.name("apart(\(tag))"), bounds: .upper(1), terms: [(a.column, 1), (b.column, 1)])
                    case let .soft(points):
                        let together = try model.problem.addColumn(name: RuleModel.name("together(\(tag))"), kind: .binary, objective: points)
                        try model.problem.addRow(name: RuleModel.name("apart(\(tag))"), bounds: .lower(-1),
                                                 terms: [(together, 1), (a.column, -1), (b.column, -1)])
                        model.indicators.append((together, [a.column, b.column]))
                    }
                }
            }
        }
    }

    /// Counted, for the hard rule: such students stay in pools of their own, and two of them to
    /// be kept apart take at most one seat in a slot per session it runs.
    func addCountedRows(to model: CountedModel) throws {
        guard case .hard = school.scenario.policy.keepApart else { return }
        for slot in model.slots {
            let single = slot.seatings.filter { model.pools[$0.pool].size == 1 && !apart[model.pools[$0.pool].students[0]].isEmpty }
            for (i, a) in single.enumerated() {
                let first = model.pools[a.pool].students[0]
                for b in single[(i + 1)...] where apart[first].contains(model.pools[b.pool].students[0]) {
                    let second = model.pools[b.pool].students[0]
                    let tag = "\(school.students[first].id),\(school.students[second].id),\(slot.tag)"
                    try model.problem.addRow(name: RuleModel.name("apart(\(tag))"), bounds: .upper(0),
                                             terms: [(a.column, 1), (b.column, 1)] + slot.runs.map { ($0.column, -1) })
                }
            }
        }
    }
}
