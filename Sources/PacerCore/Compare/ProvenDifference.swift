/// Whether a difference between two scenarios' plans is proven by their bounds, so that a principal
/// does not read noise as an effect.
///
/// Each scenario's plan has a figure (workshops given, cost) and, where the search proved one, the
/// best any plan of that scenario could reach in it (`workshopsAtMost`, the lower bound). The best
/// plan of a scenario lies between its plan and its bound. When the other scenario's plan is better
/// than the base's, the other scenario is **proven** better only when its plan also beats the best
/// the base could reach (a variant giving 1,746 workshops against a base of 1,736 of at most 1,745);
/// otherwise (1,738 against 1,736 of at most 1,745: the difference 2 is within the 9 the base's bound
/// leaves open) the best plans of the two could be in either order, and the difference is **within
/// what the bounds leave open**. The same when the other scenario's plan is worse, with the roles
/// swapped: its bound must fall short of the base's plan. For a figure where lower is better (cost,
/// workshops not given) the same holds with the order reversed.
public enum ProvenDifference: String, Sendable {
    /// The better plan beats the best the other scenario could reach.
    case proven
    /// The difference is within what the bounds leave open.
    case withinBounds = "within what the bounds leave open"

    /// How a difference between the base's and another scenario's figure reads: nil when they are
    /// equal; within what the bounds leave open when the bound that decides is not known (a
    /// principal should not read a difference nothing proves as an effect).
    /// `best` is each scenario's bound on the figure: at least as good as its plan.
    public static func of(base: (value: Double, best: Double?), other: (value: Double, best: Double?), higherIsBetter: Bool) -> ProvenDifference? {
        let sign = higherIsBetter ? 1.0 : -1.0
        let (b, v) = (sign * base.value, sign * other.value)
        guard abs(v - b) > 1e-9 else { return nil }
        // The worse plan's scenario must not be able to reach the better plan.
        let (better, worseBest) = v > b ? (v, base.best) : (b, other.best)
        // No bound known (nothing bounds the students who get every workshop, and a subject's or
        // the week's most workshops may be left unproven): nothing proves the difference either.
        guard let worseBest else { return .withinBounds }
        return better > sign * worseBest + 1e-9 ? .proven : .withinBounds
    }
}
