import Testing
@testable import PacerCore

/// The search's work goes to the plan or the bound by what each gained per unit of work last.
@Suite struct BudgetSplitTests {
    @Test func thePlanGoesFirst() {
        let split = BudgetSplit(total: 1_000, openingBoundWork: 10, boundCanGrow: true)
        #expect(split.next() == .plan(work: 100))
    }

    @Test func theBoundGetsTheNextStepWhenItGainedMorePerUnitOfWork() {
        var split = BudgetSplit(total: 1_000, openingBoundWork: 10, boundCanGrow: true)
        split.boundRate = 0.5  // its opening nodes raised the bound by 5 for 10 units
        split.planned(work: 100, gain: 20, exhausted: false)  // 0.2 per unit
        #expect(split.next() == .bound(work: 20))
        split.bounded(work: 20, gain: 0)  // the second search raised nothing
        #expect(split.next() == .plan(work: 100))
        #expect(split.left == 880)
    }

    @Test func aBoundThatCannotGrowIsNeverSearchedAgain() {
        var split = BudgetSplit(total: 1_000, openingBoundWork: 10, boundCanGrow: false)
        split.boundRate = 10
        split.planned(work: 100, gain: 1, exhausted: false)
        #expect(split.next() == .plan(work: 100))
        split.planned(work: 100, gain: 0, exhausted: true)
        #expect(split.next() == nil)
    }

    @Test func whenThePlanIsExhaustedTheBoundGetsWhatIsLeftWhileItGains() {
        var split = BudgetSplit(total: 1_000, openingBoundWork: 100, boundCanGrow: true)
        split.boundRate = 0.01
        split.planned(work: 100, gain: 0, exhausted: true)
        #expect(split.next() == .bound(work: 200))
        split.bounded(work: 200, gain: 3)
        #expect(split.next() == .bound(work: 400))
        split.bounded(work: 400, gain: 0)
        #expect(split.next() == nil)
    }

    @Test func nothingIsLeftOnceTheBudgetIsSpent() {
        var split = BudgetSplit(total: 300, openingBoundWork: 10, boundCanGrow: true)
        split.planned(work: 310, gain: 50, exhausted: false)  // a model is charged whole, so a step may run over
        #expect(split.left == 0)
        #expect(split.next() == nil)
    }

    @Test func aBoundSearchLargerThanWhatIsLeftIsNotStarted() {
        var split = BudgetSplit(total: 1_000, openingBoundWork: 400, boundCanGrow: true)
        split.boundRate = 1
        split.planned(work: 300, gain: 1, exhausted: false)
        #expect(split.next() == .plan(work: 100))  // 800 would not fit in the 700 left
    }
}
