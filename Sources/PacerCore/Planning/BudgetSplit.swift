/// How `PlanSearch` shares its work budget between improving the plan (neighbourhood models) and
/// improving the bound (the counted model's branch and bound, solved again with twice the work): the
/// next step goes to whichever gained more per unit of work in its last step. The plan goes first;
/// the bound's first rate is what its opening search's nodes added to the LP relaxation. A side that
/// gains nothing is not tried again while the other gains; when the plan's passes are exhausted, the
/// bound gets what is left. Counted work, never the clock, so the same input splits the same way on
/// any machine.
struct BudgetSplit {
    enum Step: Equatable {
        case plan(work: Double)
        case bound(work: Double)
    }

    /// The budget, in `NeighbourhoodImprover`'s units.
    let total: Double
    /// The plan's steps: a tenth of the budget each (a model is charged whole, so a step may run over).
    var planStep: Double { total / 10 }
    var planWork = 0.0
    var boundWork = 0.0
    /// Gain (cost points) per unit of work of each side's last step; nil before its first.
    var planRate: Double?
    var boundRate: Double?
    /// The work the bound's last search had: the next doubles it.
    var lastBoundWork: Double
    /// Whether solving the counted model again with more work can raise the bound (its branch and
    /// bound runs only on models up to `LowerBound.columnLimit`).
    var boundCanGrow: Bool
    var planExhausted = false

    init(total: Double, openingBoundWork: Double, boundCanGrow: Bool) {
        self.total = total
        lastBoundWork = max(openingBoundWork, 1)
        self.boundCanGrow = boundCanGrow
    }

    var left: Double { max(0, total - planWork - boundWork) }

    /// The next step, or nil when the budget is spent or neither side can gain.
    func next() -> Step? {
        guard left > 0 else { return nil }
        let boundNext = 2 * lastBoundWork
        let boundFits = boundCanGrow && boundNext <= left && boundRate.map { $0 > 0 } ?? false
        if planExhausted { return boundFits ? .bound(work: boundNext) : nil }
        guard let planRate else { return .plan(work: planStep) }
        if boundFits, let boundRate, boundRate > planRate { return .bound(work: boundNext) }
        return .plan(work: planStep)
    }

    /// Records a plan step: the work it spent and how much the cost fell.
    mutating func planned(work: Double, gain: Double, exhausted: Bool) {
        planWork += work
        planRate = work > 0 ? max(0, gain) / work : 0
        planExhausted = exhausted
    }

    /// Records a search of the bound: the work it spent and how much it raised the bound.
    mutating func bounded(work: Double, gain: Double) {
        boundWork += work
        lastBoundWork = max(work, 1)
        boundRate = work > 0 ? max(0, gain) / work : 0
    }
}
