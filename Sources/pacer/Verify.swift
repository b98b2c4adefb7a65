import ArgumentParser
import PacerCore

extension PacerCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a plan against every hard rule and recompute its objective.",
            discussion: """
                Uses none of the planner's code. Prints each violation with the people, block and \
                rule involved, and exits non-zero if there is any. A plan is checked against what \
                it was made for (students.csv, or the term's state as it stood when the week was \
                planned from it), which it names, with what has changed since.
                """
        )

        @Argument(help: "The scenario the plan was made for.")
        var scenario: String

        @Argument(help: "The plan.json file.")
        var plan: String

        @Option(name: .customLong("week-of"), help: "For a plan made from students.csv: the week whose state to compare it with, YYYY-MM-DD.")
        var weekOf: String?

        func validate() throws {
            if let weekOf, SchoolDate(weekOf) == nil { throw ValidationError("--week-of must be a date written YYYY-MM-DD, got '\(weekOf)'") }
        }

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
            let verification = try Term.verification(of: weekPlan, scenario: loaded, weekOf: weekOf.flatMap(SchoolDate.init))
            let violations = verification.violations
            for v in violations { print("violation: \(v)") }
            print("verified against \(verification.against)")
            for line in verification.changes { print("changed since: \(line)") }
            if !verification.changes.isEmpty {
                print(weekPlan.header.fromState == true
                      ? "note: the week's state has changed since this plan was made; publishing it needs a new plan or --despite-changes"
                      : "note: this plan is not the term's plan for that week; make it with pacer plan \(scenario) --week-of DATE")
            }
            guard violations.isEmpty else {
                print("\(plan): \(plural(violations.count, "violation"))")
                throw ExitCode.failure
            }
            print("\(plan): no violation; \(weekPlan.sessions.count) sessions, objective \(NumberText.points(weekPlan.cost.total)) recomputed and matching")
        }
    }
}
