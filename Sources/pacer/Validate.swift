import ArgumentParser
import PacerCore

extension PacerCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario and report every problem at once.",
            discussion: """
                Each problem is printed as path:line:column: error|warning: message. \
                Errors make the scenario unusable and the exit status non-zero; warnings point at \
                legal but suspicious parts (an objective no teacher can teach, a teacher with no \
                free flex block) and leave the exit status 0. A valid scenario is summarized, with \
                one "assumed: …" line for each default Pacer took where the scenario said nothing \
                (study spaces, supervisors, students per supervisor).
                """
        )

        @Argument(help: "The scenario: a folder with scenario.yaml, or a variant's YAML file.")
        var scenario: String

        @Flag(help: "Also find students no workshop can take under the hard rules, flex blocks where independent study cannot hold every present student, and the smallest changes that would serve them (solves an elastic model with GLPK).")
        var deep = false

        @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds GLPK may spend on --deep.", transform: NumericOption.decimal)
        var timeLimit: Double = PlanOptions.defaultTimeLimit

        func validate() throws {
            try NumericOption.seconds(timeLimit, "--time-limit")
        }

        func run() throws {
            let reading = ScenarioLoader.read(scenario)
            for diagnostic in reading.diagnostics { print(diagnostic) }
            let errors = reading.errors.count, warnings = reading.warnings.count
            guard let loaded = reading.scenario else {
                print("\(scenario): \(plural(errors, "error")), \(plural(warnings, "warning")); suspicious parts are checked once the errors are fixed")
                throw ExitCode.failure
            }
            print("\(scenario): valid, \(plural(warnings, "warning"))")
            let summary = ScenarioSummary(loaded)
            print((summary.lines + summary.assumed).joined(separator: "\n"))
            if deep {
                let impossibilities = ElasticModel.explain(loaded, timeLimit: timeLimit)
                if impossibilities.isEmpty { print("deep check: every student's objective can be served under the hard rules") }
                printImpossibilities(impossibilities)
                print("")
                let shortfalls = StudyShortfall.find(loaded)
                if shortfalls.isEmpty {
                    print("deep check: independent study can hold every present student in every flex block")
                } else {
                    print("independent study cannot hold every present student in \(plural(shortfalls.count, "flex block")), even with no workshop:")
                    for shortfall in shortfalls { for line in shortfall.lines { print("  " + line) } }
                }
            }
        }
    }
}

func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
