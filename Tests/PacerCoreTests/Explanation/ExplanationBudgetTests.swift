import Testing
@testable import PacerCore

/// Explaining takes time in proportion to planning: 2 s, or a fifth of the plan's seconds when
/// that is more, and never more than the command has left.
@Suite struct ExplanationBudgetTests {
    @Test func twoSecondsOrAFifthOfThePlan() {
        #expect(ElasticModel.explanationBudget(timeLimit: 60, elapsed: 1, planSeconds: 0.3) == 2)
        #expect(ElasticModel.explanationBudget(timeLimit: 60, elapsed: 31, planSeconds: 30) == 6)
    }

    @Test func neverMoreThanIsLeft() {
        #expect(ElasticModel.explanationBudget(timeLimit: 10, elapsed: 9, planSeconds: 8) == 1)
        #expect(ElasticModel.explanationBudget(timeLimit: 10, elapsed: 9.7, planSeconds: 9) == nil)
    }

    /// The 150-student school has six blocked students; with a 2 s budget the explanation still
    /// names each of them with a change (GLPK's answer, or the quick search's where GLPK ran out).
    @Test func aGeneratedSchoolIsExplainedWithinItsBudget() throws {
        let scenario = try generatedSchool(.scaled(students: 150))
        let found = ElasticModel.explain(scenario, timeLimit: 2)
        #expect(found.flatMap(\.students).count == 6, "\(found)")
        #expect(found.allSatisfy { !$0.changes.isEmpty }, "\(found)")
    }
}
