import ArgumentParser
import PacerCore

extension PacerCommand {
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the exact whole-week reference model (or, with --counted, the bound's counted model) as an LP or MPS file.",
            discussion: """
                One binary per candidate session and per student and candidate session \
                (docs/model.md). Any MIP solver can read it; its objective at a plan equals the \
                objective pacer plan reports, so plans can be compared across solvers. A model \
                of more than 20,000,000 columns is refused before it is built, with its size.

                With --counted, the counted model instead: the one pacer plan proves its lower \
                bound on (students pooled, rooms classed; docs/model.md). It is a relaxation: \
                what a solver finds on it is a lower bound on every plan's cost, not a plan.
                """
        )

        @Argument(help: "The scenario.")
        var scenario: String

        enum Format: String, ExpressibleByArgument, CaseIterable { case lp, mps }

        @Option(help: "Folder to write model.lp or model.mps into (created if missing).")
        var out: String?

        @Option(help: "lp for CPLEX LP format, mps for free MPS.")
        var format: Format = .lp

        @Flag(help: "Write the counted model the lower bound is proven on (a relaxation: its optimum is a bound, not a plan).")
        var counted = false

        @Option(help: ArgumentHelp("Deprecated: use --out and --format.", visibility: .hidden))
        var write: String?

        func validate() throws {
            guard (out == nil) != (write == nil) else { throw ValidationError("give the folder to write into: --out DIR") }
            if let write, !(write.hasSuffix(".lp") || write.hasSuffix(".mps")) {
                throw ValidationError("--write must name a .lp or .mps file")
            }
        }

        /// The file to write: DIR/model.FORMAT, or the deprecated --write FILE.
        func target() throws -> String {
            if let write {
                Terminal.error("note: --write FILE is deprecated and goes in the next release; write --out DIR --format \(write.hasSuffix(".mps") ? "mps" : "lp")")
                return write
            }
            let folder = out ?? "."
            _ = try OutputFolder(folder)  // created, and found writable, before the model is built
            return folder + "/model." + format.rawValue
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            if !counted {
                let estimate = ReferenceModelWriter.estimate(loaded)
                if estimate.columns > 1_000_000, estimate.columns <= ReferenceModelWriter.maximumColumns {
                    Terminal.error("building a model of about \(estimate.columns) columns; this takes a while")
                }
            }
            if let out { try refuseOutputInsideInputs(out, scenario: loaded) }
            let write = try target()
            let size = try counted ? CountedModelWriter.write(loaded, to: write) : ReferenceModelWriter.write(loaded, to: write)
            let kind = counted ? "the counted model (a relaxation: its optimum is a lower bound, not a plan)" : "the reference model"
            print("wrote \(write), \(kind): \(size.rows) rows, \(size.columns) columns (\(size.integerColumns) integer), \(size.nonzeros) nonzeros")
        }
    }
}
