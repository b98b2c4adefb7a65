import GLPK

/// **Students listed to be kept apart are never in one session.**
///
/// students.csv's `keep_apart` names students "never to be grouped" with each other; schools use it
/// for safeguarding, so the rule is hard by default: no engine places such a pair in one session,
/// and `pacer verify` reports one that is. A scenario may opt into a priced soft version instead
/// (`policy: keep_apart: 50`, points per pair and session); then the exact models may group a pair
/// at that price, while the heuristics still never do.
///
/// This is the first file of the rule catalogue: the rule in words, the check the heuristics use
/// (construction, local search, the published sessions that still hold on a regrouped day), and the
/// rows it adds to a GLPK model, written once for the reference model and the block models.
/// `PlanVerifier` keeps its own code for it on purpose: it is the second opinion.
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

enum KeepApartRule {
    /// Whether a student whose keep-apart partners are `apart` may join a group of `members`
    /// (students by id, or by an engine's own index for them).
    static func allows<ID: Hashable, Members: Sequence>(apart: Set<ID>, joining members: Members) -> Bool where Members.Element == ID {
        !members.contains(where: apart.contains)
    }

    /// The rows for one pair's placements in one candidate session: hard, `x_a + x_b ≤ 1`; soft,
    /// a `together` column priced in the objective with `together ≥ x_a + x_b − 1`, returned so the
    /// model can set it in a start. `tag` names the rows (`apart(S-06,S-07,…)`).
    static func addRows(to problem: Problem, _ a: Column, _ b: Column, rule: KeepApart, tag: String) throws -> Column? {
        switch rule {
        case .hard:
            try problem.addRow(name: tag.isEmpty ? "" : "apart(\(tag))", bounds: .upper(1), terms: [(a, 1), (b, 1)])
            return nil
        case let .soft(points):
            let together = try problem.addColumn(name: tag.isEmpty ? "" : "together(\(tag))", kind: .binary, objective: points)
            try problem.addRow(name: tag.isEmpty ? "" : "apart(\(tag))", bounds: .lower(-1), terms: [(together, 1), (a, -1), (b, -1)])
            return together
        }
    }
}
