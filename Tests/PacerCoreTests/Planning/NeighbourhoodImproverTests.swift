import GLPK
import Testing
@testable import PacerCore

@Suite struct NeighbourhoodImproverTests {
    /// From an empty week, the neighbourhood models alone build a valid plan that serves students.
    @Test func neighbourhoodModelsBuildAPlanFromNothing() throws {
        let scenario = try generatedSchool(.scaled(students: 60, seed: 11))
        let demands = Demand.all(scenario)
        let empty = PlanEvaluator.cost(of: [], demands: demands, scenario: scenario).total
        let sessions = try NeighbourhoodImprover(scenario: scenario, demands: demands, nodeLimit: 100)
            .improve([], deadline: .now + .seconds(120), stop: nil)
        let plan = Planner.assemble(scenario, demands: demands, sessions: sessions, options: PlanOptions(), status: .feasible,
                                    method: "test", bound: nil, size: nil, candidates: (0, 0))
        #expect(PlanVerifier(scenario: scenario).violations(of: plan) == [])
        #expect(plan.cost.total < empty * 0.8)
        #expect(!plan.sessions.isEmpty)
    }

    /// The neighbourhood models never make the greedy plan worse, and on a school too large for the exact
    /// model they improve it.
    @Test func neighbourhoodModelsImproveTheGreedyPlan() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/middle-school")
        let demands = Demand.all(scenario)
        let greedy = LocalSearch(scenario: scenario, demands: demands)
            .improve(GreedyPlanner(scenario: scenario, demands: demands, seed: 1).run())
        let before = PlanEvaluator.cost(of: greedy, demands: demands, scenario: scenario).total
        let improved = try NeighbourhoodImprover(scenario: scenario, demands: demands, nodeLimit: 100)
            .improve(greedy, passes: 1, deadline: .now + .seconds(120), stop: nil)
        let after = PlanEvaluator.cost(of: improved, demands: demands, scenario: scenario).total
        #expect(after < before)
        let plan = Planner.assemble(scenario, demands: demands, sessions: improved, options: PlanOptions(), status: .feasible,
                                    method: "test", bound: nil, size: nil, candidates: (0, 0))
        #expect(PlanVerifier(scenario: scenario).violations(of: plan) == [])
    }

    /// Two students of one objective, each alone in a session in a different block: no block model
    /// can merge them (each sees the other served elsewhere), the objective's week model does.
    @Test func theObjectiveWeekModelRegroupsStudentsLeftInDifferentBlocks() throws {
        let s = try school(flex: 2, """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A1\n")
        let demands = Demand.all(s)
        let apart = handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F2", "T2", "R2", "A1", ["S2"])]).sessions
        let improved = try NeighbourhoodImprover(scenario: s, demands: demands, nodeLimit: 100)
            .improve(apart, passes: 1, deadline: .now + .seconds(60), stop: nil)
        #expect(improved.map(\.students) == [["S1", "S2"]], "\(improved)")
        #expect(PlanEvaluator.cost(of: improved, demands: demands, scenario: s).total < PlanEvaluator.cost(of: apart, demands: demands, scenario: s).total)
    }
}
