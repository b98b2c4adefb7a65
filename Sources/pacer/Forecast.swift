import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Forecast: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate the next weeks: plan every day, let workshops bring mastery, move students on.",
            discussion: """
                Starts from the running term when the scenario has a state (pacer init): each \
                student where the state has them, in the first week after the last mastery check \
                (or the week --date names); otherwise from students.csv, where the term starts. The \
                output says which. The state itself is never changed: each run works on a copy in memory.

                Each run goes the way the term goes: every week planned from the state and \
                published, every day regrouped on top of it and published, every workshop recorded \
                as a check. Each workshop brings mastery with the objective's mastery_chance \
                (default 0.3) times the student's pace (students.csv column pace, default 1). \
                Reports per week: objectives mastered per student since the forecast began (mean, \
                10th and 90th percentile), students behind the scenario's forecast.target_pace, the \
                longest wait for a workshop, teacher load. Writes OUT/forecast.csv and OUT/forecast.html.

                The forecast plans with a shorter search than pacer plan, counted in work rather \
                than seconds, so the same seed gives the same figures on any machine, busy or not \
                (--check-planning N measures what it gives up). A progress line on a terminal \
                shows the run, the week, the time so far and an estimate of the time left.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "Weeks to simulate.") var weeks: Int = 4
        @Option(help: "Simulated runs (figures are over all of them).") var runs: Int = 3
        @Option(help: "Seed of the random draws.") var seed: UInt64 = 1
        @Option(help: "Folder for the report.") var out: String
        @Flag(name: .customLong("from-state"), help: ArgumentHelp(
            "Start from the term's state (the default when the scenario has one); refused when it has none.",
            discussion: "Without --date, the forecast starts in the first week after the last mastery check recorded."))
        var fromState = false
        @Option(help: ArgumentHelp(
            "The first simulated week's first day (YYYY-MM-DD), from the state as it stands then.",
            discussion: "It must be a week's first day after the state's last mastery check; needs a state."))
        var date: String?
        @Option(name: .customLong("time-limit"), parsing: .unconditional, help: ArgumentHelp(
            "Wall-clock seconds for the whole forecast, a safety net (default: none).",
            discussion: "When it passes, the forecast stops and reports the weeks every run finished, saying so. The figures of those weeks are the same as without a limit."), transform: NumericOption.decimal)
        var timeLimit: Double?
        @Option(name: .customLong("check-planning"), help: ArgumentHelp(
            "Also plan the first N weeks of the first run with pacer plan's defaults and report what the forecast's quicker planning gives up.",
            discussion: "Slower: each checked week gets a full plan (up to pacer plan's 60 s). The forecast's figures do not change."))
        var checkPlanning: Int = 0

        func validate() throws {
            try NumericOption.count(weeks, "--weeks", Forecaster.Options.weekRange)
            try NumericOption.count(runs, "--runs", Forecaster.Options.runRange)
            if let timeLimit { try NumericOption.seconds(timeLimit, "--time-limit") }
            try NumericOption.count(checkPlanning, "--check-planning", 0...weeks)
            if let date, SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            var options = Forecaster.Options()
            options.weeks = weeks
            options.runs = runs
            options.seed = seed
            options.timeLimit = timeLimit
            options.checkedWeeks = checkPlanning
            let forecaster = Forecaster(scenario: loaded, options: options)
            let start: Forecaster.Start
            if fromState || date != nil || FileManager.default.fileExists(atPath: StateStore.path(for: loaded)) {
                do {
                    start = try forecaster.start(from: try StateStore.existing(for: loaded), on: date.flatMap(SchoolDate.init))
                } catch let problem as Forecaster.StartProblem {
                    throw CommandFailure(problem.description)
                } catch StateError.noState(let folder) {
                    throw CommandFailure("\(folder) has no state to start from (pacer init starts the term); leave out --from-state and --date to forecast from students.csv")
                }
            } else {
                start = .studentsCSV
            }
            let folder = try OutputFolder(out)  // found unwritable before the forecast, not after
            let result = try forecast(forecaster, from: start)
            try folder.write(ForecastReport.csv(result.weeks), to: "forecast.csv")
            try folder.write(ForecastReport.html([(loaded.name, result.weeks)], title: "Forecast: \(loaded.name)", runs: runs,
                                                 about: ForecastReport.about(result)), to: "forecast.html")
            print(ForecastReport.table(result.weeks, runs: runs))
            print(ForecastReport.finding([(loaded.name, result.weeks)]))
            for sentence in ForecastReport.about(result) { print(sentence) }
            print("wrote \(out)/forecast.csv and \(out)/forecast.html")
        }
    }
}

/// A forecast from students.csv with the default options but these (`pacer compare`).
func forecast(_ scenario: Scenario, weeks: Int, runs: Int, seed: UInt64) throws -> [Forecaster.Week] {
    var options = Forecaster.Options()
    options.weeks = weeks
    options.runs = runs
    options.seed = seed
    return try forecast(Forecaster(scenario: scenario, options: options), from: .studentsCSV).weeks
}

/// Runs a forecast with a progress line on a terminal: the run and week, the time so far and an
/// estimate of the time left at the pace so far.
func forecast(_ forecaster: Forecaster, from start: Forecaster.Start) throws -> Forecaster.Forecast {
    let interrupt = InterruptHandler()
    let show = Terminal.stderrIsTerminal
    let name = forecaster.scenario.name
    if show { Terminal.status("\(name): week 1/\(forecaster.options.weeks), run 1/\(forecaster.options.runs) …") }
    let result = try forecaster.run(from: start, stop: interrupt.token, progress: { p in
        guard show else { return }
        let filled = 30 * p.done / max(1, p.total)
        Terminal.status("\(name): [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            + "] week \(p.week)/\(p.weeks), run \(p.run)/\(p.runs), \(duration(p.elapsed)) so far, about \(duration(p.estimateLeft)) left")
    })
    if show { Terminal.endStatus() }
    return result
}

/// `42s`, `3m05s`, `1h02m`.
private func duration(_ seconds: Double) -> String {
    let s = Int(seconds.isFinite ? max(0, seconds.rounded()) : 0)
    if s < 60 { return "\(s)s" }
    if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
    return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
}
