import Testing
@testable import PacerCore

/// Independent study in compare and the plan's summary: student-blocks placed of due, adults
/// supervising and study seats used, from the plan's placements.
@Suite struct PlacementTests {
    @Test func metricsAndTheHeadlineCountPlacements() throws {
        let (scenario, plan) = try tinyWithStudy()
        let metrics = PlanMetrics(plan: plan, scenario: scenario)
        #expect(metrics.studentBlocksDue == 12 && metrics.studentBlocksPlaced == 11 && metrics.studentBlocksNoPlace == 1)
        #expect(metrics.supervisingAdults == 2 && metrics.studySeatsUsed == 2)
        #expect(metrics.headline.placed == "11 of 12 student-blocks placed (9 in workshops, 2 in study, 1 with no place)")
        #expect(metrics.headline.sentence.contains("; 11 of 12 student-blocks placed ("))
        let comparison = ScenarioComparison(entries: [.init(path: "tiny", plan: plan, metrics: metrics)])
        #expect(comparison.rows.first { $0.name == ScenarioComparison.Figure.placed }?.values == [11.0 / 12.0])
        #expect(comparison.rows.first { $0.name == "adults supervising study (adult-blocks)" }?.values == [2])
    }

    @Test func aPlanBeforeIndependentStudySaysNothingOfPlaces() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let plan = try PlanFile.read(golden + "/plan.json")
        let metrics = PlanMetrics(plan: plan, scenario: scenario)
        #expect(metrics.studentBlocksDue == nil && metrics.headline.placed == nil && !metrics.headline.sentence.contains("student-blocks"))
        #expect(!PlanSummary(plan, scenario: scenario, seconds: 1).text.contains("places:"))
    }

    @Test func thePlanSummaryPrintsWhereStudentsAre() throws {
        let (scenario, plan) = try tinyWithStudy()
        let text = PlanSummary(plan, scenario: scenario, seconds: 1).text
        #expect(text.contains("\nplaces: 12 student-blocks due; 9 in workshops, 2 in study, 1 with no place\n"))
        #expect(text.contains("\nstudy: 2 adult-blocks supervising, 2 study seats used, 0 study-room changes"))
        #expect(text.contains("\n  no place 1×: no study seat left"))
    }
}
