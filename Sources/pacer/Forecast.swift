import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Forecast: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate the next weeks: plan every day, let workshops bring mastery, move students on.",
            discussion: """
                Each run goes the way the term goes, on a state in memory: every week planned from \
                the state and published, every day regrouped on top of it and published, every \
                workshop recorded as a check. Each workshop brings mastery with the objective's \
                mastery_chance (default 0.3) times \
                the student's pace (students.csv column pace, default 1). Reports per week: objectives \
                mastered per student (mean, 10th and 90th percentile), students behind the scenario's \
                forecast.target_pace, the longest wait for a workshop, teacher load. Writes \
                OUT/forecast.csv and OUT/forecast.html. The same seed gives the same result.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "Weeks to simulate.") var weeks: Int = 4
        @Option(help: "Simulated runs (figures are over all of them).") var runs: Int = 3
        @Option(help: "Seed of the random draws.") var seed: UInt64 = 1
        @Option(help: "Folder for the report.") var out: String

        func validate() throws {
            try NumericOption.count(weeks, "--weeks", Forecaster.Options.weekRange)
            try NumericOption.count(runs, "--runs", Forecaster.Options.runRange)
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            let folder = try OutputFolder(out)  // found unwritable before the forecast, not after
            let result = try forecast(loaded, weeks: weeks, runs: runs, seed: seed)
            try folder.write(ForecastReport.csv(result), to: "forecast.csv")
            try folder.write(ForecastReport.html([(loaded.name, result)], title: "Forecast: \(loaded.name)", runs: runs), to: "forecast.html")
            print(ForecastReport.table(result, runs: runs))
            print(ForecastReport.finding([(loaded.name, result)]))
            print("wrote \(out)/forecast.csv and \(out)/forecast.html")
        }
    }
}

/// Runs a forecast with a progress bar on a terminal.
func forecast(_ scenario: Scenario, weeks: Int, runs: Int, seed: UInt64) throws -> [Forecaster.Week] {
    var options = Forecaster.Options()
    options.weeks = weeks
    options.runs = runs
    options.seed = seed
    let interrupt = InterruptHandler()
    let show = Terminal.stderrIsTerminal
    let total = weeks * runs
    let result = try Forecaster(scenario: scenario, options: options).run(stop: interrupt.token) { run, week in
        guard show else { return }
        let done = (run - 1) * weeks + week
        let filled = 30 * done / max(1, total)
        Terminal.status("\(scenario.name): [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] run \(run)/\(runs), week \(week)/\(weeks)")
    }
    if show { Terminal.endStatus() }
    return result
}
