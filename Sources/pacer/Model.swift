import ArgumentParser
import PacerCore

extension PacerCommand {
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the exact whole-week reference model as an LP or MPS file.",
            discussion: """
                One binary per candidate session and per student and candidate session \
                (docs/model.md). Any MIP solver can read it; its objective at a plan equals the \
                objective pacer plan reports, so plans can be compared across solvers.
                """
        )

        @Argument(help: "The scenario.")
        var scenario: String

        @Option(help: "File to write: .lp for CPLEX LP format, .mps for free MPS.")
        var write: String

        func validate() throws {
            guard write.hasSuffix(".lp") || write.hasSuffix(".mps") else {
                throw ValidationError("--write must name a .lp or .mps file")
            }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let size = try ReferenceModelWriter.write(loaded, to: write)
            print("wrote \(write): \(size.rows) rows, \(size.columns) columns (\(size.integerColumns) integer), \(size.nonzeros) nonzeros")
        }
    }
}
