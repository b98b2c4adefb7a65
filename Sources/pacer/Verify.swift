import ArgumentParser
import PacerCore

extension PacerCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a plan against every hard rule and recompute its objective.",
            discussion: """
                Uses none of the planner's code. Prints each violation with the people, block and \
                rule involved, and exits non-zero if there is any.
                """
        )

        @Argument(help: "The scenario the plan was made for.")
        var scenario: String

        @Argument(help: "The plan.json file.")
        var plan: String

        func run() throws {
            let loaded = try loadScenario(scenario)
            let weekPlan = try loadPlan(plan)
            // Checking a plan against changed files is what verify is for; against another school it is not.
            if let problem = weekPlan.provenanceProblem(scenario: loaded, planPath: plan, scenarioPath: scenario, allowChangedFiles: true) {
                throw CommandFailure(problem)
            }
            if weekPlan.provenance(for: loaded) != .matches {
                Terminal.error("note: \(plan) was made from a different version of the scenario files")
            }
            let violations = try Term.violations(of: weekPlan, scenario: loaded)
            for v in violations { print("violation: \(v)") }
            guard violations.isEmpty else {
                print("\(plan): \(plural(violations.count, "violation"))")
                throw ExitCode.failure
            }
            print("\(plan): no violation; \(weekPlan.sessions.count) sessions, objective \(NumberText.points(weekPlan.cost.total)) recomputed and matching")
        }
    }
}
