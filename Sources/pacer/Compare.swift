import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan several scenarios and compare them side by side.",
            discussion: """
                Plans every scenario (variants through extends) in parallel, each with its own time \
                limit, and writes OUT/compare.html (with charts), OUT/compare.csv and each plan \
                (OUT/NAME/plan.json); prints the table, with each subject's workshops given, not \
                given and unserved by reason. Deltas are against the first scenario; one the \
                scenarios' bounds do not prove (workshops given, cost) is marked "not proven".
                """
        )
        @Argument(help: "Two or more scenarios.") var scenarios: [String]
        @Option(help: "Folder for the report.") var out: String
        @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Wall-clock seconds for each scenario's plan.", transform: NumericOption.decimal) var timeLimit: Double = PlanOptions.defaultTimeLimit
        @Option(name: .customLong("node-limit"), parsing: .unconditional, help: "Branch-and-bound nodes for each exact search.") var nodeLimit: Int = PlanOptions().nodeLimit
        @Option(parsing: .unconditional, help: SearchHelp.work, transform: NumericOption.decimal) var work: Double?
        @Option(name: .customLong("forecast-weeks"), help: "Also forecast this many weeks for each scenario and chart mastery over time.") var forecastWeeks: Int?
        @Option(help: "Runs per forecast (only with --forecast-weeks; default 3).") var runs: Int?
        @Option(help: "Seed of the forecasts' random draws (only with --forecast-weeks; default 1).") var seed: UInt64?

        func validate() throws {
            guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenarios") }
            try NumericOption.seconds(timeLimit, "--time-limit")
            try NumericOption.nodes(nodeLimit)
            if let work { try NumericOption.seconds(work, "--work") }
            if let forecastWeeks { try NumericOption.count(forecastWeeks, "--forecast-weeks", Forecaster.Options.weekRange) }
            if forecastWeeks == nil, runs != nil || seed != nil {
                throw ValidationError("--runs and --seed apply to the forecast: give --forecast-weeks too")
            }
            if let runs { try NumericOption.count(runs, "--runs", Forecaster.Options.runRange) }
        }

        func run() throws {
            let loaded = try scenarios.map { ($0, try loadScenario($0)) }
            for (_, s) in loaded { try refuseOutputInsideInputs(out, scenario: s) }
            let folder = try OutputFolder(out)  // found unwritable before planning, not after
            let hold = try OutputLock(out)  // a second command into the same folder is refused, not raced
            defer { withExtendedLifetime(hold) {} }
            // Ctrl-C stops every plan; the comparison of the best plans so far is still written.
            let interrupt = InterruptHandler()
            let comparison = try ScenarioComparison.run(loaded.map { (path: $0.0, scenario: $0.1) },
                                                        options: PlanOptions(timeLimit: timeLimit, nodeLimit: nodeLimit, work: work),
                                                        stop: interrupt.token)
            let report = ComparisonReport(comparison)
            // Each plan in a folder named after its scenario's; two scenarios whose folders share a
            // name (a/school, b/school) get school and school-2 rather than one overwriting the other.
            var taken = Set<String>()
            for entry in comparison.entries {
                let base = FileName.encode(URL(fileURLWithPath: entry.path).lastPathComponent)
                var name = base, n = 2
                while !taken.insert(IdentifierRule.folded(name)).inserted { name = "\(base)-\(n)"; n += 1 }
                try folder.write(try PlanFile.encode(entry.plan), to: name + "/plan.json")
            }
            try folder.write(report.csv, to: "compare.csv")
            try folder.write(report.html(forecast: forecastWeeks == nil ? nil : "forecast.html"), to: "compare.html")
            print(report.table)
            print("")
            for line in report.headlines { print(line) }
            print("wrote \(out)/compare.html and \(out)/compare.csv")
            if interrupt.token.isStopped {
                print("the comparison was interrupted: these are the best plans found so far, and no forecast was made")
                throw ExitCode(130)
            }
            if let forecastWeeks {
                let (runs, seed) = (self.runs ?? 3, self.seed ?? 1)
                let series = try loaded.map { path, scenario in
                    (name: scenario.name, weeks: try forecast(scenario, weeks: forecastWeeks, runs: runs, seed: seed))
                }
                try folder.write(ForecastReport.csv(series), to: "forecast.csv")
                try folder.write(ForecastReport.html(series, title: "Forecast: \(forecastWeeks) weeks", runs: runs, compare: "compare.html"), to: "forecast.html")
                for s in series {
                    if let last = s.weeks.last {
                        print("forecast \(s.name): after \(last.week) weeks, \(String(format: "%.2f", last.masteredMean)) objectives mastered per student (p10 \(String(format: "%.1f", last.masteredP10)), p90 \(String(format: "%.1f", last.masteredP90))), \(String(format: "%.1f", last.behindTarget)) students behind the target pace (mean of \(runs) runs)")
                    }
                }
                print(ForecastReport.finding(series))
                print("wrote \(out)/forecast.html and \(out)/forecast.csv")
            }
        }
    }
}
