import ArgumentParser
import PacerCore

extension PacerCommand {
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the exact whole-week reference model as an LP or MPS file.",
            discussion: """
                One binary per candidate session and per student and candidate session \
                (docs/model.md). Any MIP solver can read it; its objective at a plan equals the \
                objective pacer plan reports, so plans can be compared across solvers. A model \
                of more than 20,000,000 columns is refused before it is built, with its size.
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
            let estimate = ReferenceModelWriter.estimate(loaded)
            if estimate.columns > 1_000_000, estimate.columns <= ReferenceModelWriter.maximumColumns {
                Terminal.error("building a model of about \(estimate.columns) columns; this takes a while")
            }
            let size = try ReferenceModelWriter.write(loaded, to: write)
            print("wrote \(write): \(size.rows) rows, \(size.columns) columns (\(size.integerColumns) integer), \(size.nonzeros) nonzeros")
        }
    }
}
