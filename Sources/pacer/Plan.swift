import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan a week of workshops and each day's groupings.",
            discussion: """
                Writes OUT/plan.json (the plan, docs/plan-format.md) and OUT/run.json (how long it took), \
                then prints a summary. The search is counted in work (--work), so the same scenario and \
                options give a byte-identical plan.json on a busy machine too, unless the time \
                limit, a safety net, cuts it short (the summary then says "stopped by the clock"). Ctrl-C stops the search and still \
                writes the best plan found, marked interrupted.
                """
        )

        @Argument(help: "The scenario: a folder with scenario.yaml, or a variant's YAML file.")
        var scenario: String

        @Option(help: "Folder to write plan.json and run.json into (created if missing).")
        var out: String

        @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Wall-clock seconds for the whole command.", transform: NumericOption.decimal)
        var timeLimit: Double = PlanOptions.defaultTimeLimit

        @Option(parsing: .unconditional, help: "Relative gap at which the exact search may stop (0 proves optimality).", transform: NumericOption.decimal)
        var gap: Double = 0

        @Option(help: "Varies tie-breaking between equally good choices.")
        var seed: UInt64 = 1

        @Option(name: .customLong("node-limit"), parsing: .unconditional, help: "Branch-and-bound nodes the exact search may use; unlike the time limit, the same on every machine.")
        var nodeLimit: Int = PlanOptions().nodeLimit

        @Option(parsing: .unconditional, help: SearchHelp.work, transform: NumericOption.decimal) var work: Double?

        @Option(name: .customLong("week-of"), help: ArgumentHelp(
            "Date of the week's first day, YYYY-MM-DD: plan that week.",
            discussion: "When the scenario has a state (pacer init), the week is planned from it: each student's current objective, waits and absences as recorded. Without a state, from students.csv. Nothing is planned on the week's closed dates and blocks (calendar.holidays, pacer closed, days outside calendar.term), which are printed with why; a week wholly outside the term is refused."))
        var weekOf: String?

        @Flag(help: "Print only where the plan was written: no progress line, summary or explanation (errors still go to stderr).")
        var quiet = false

        @Flag(help: "Show GLPK's own log on stderr.")
        var verbose = false

        func validate() throws {
            try NumericOption.seconds(timeLimit, "--time-limit")
            try NumericOption.fraction(gap, "--gap")
            try NumericOption.nodes(nodeLimit)
            if let work { try NumericOption.seconds(work, "--work") }
            if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
            if let weekOf, SchoolDate(weekOf) == nil { throw ValidationError("--week-of must be a date written YYYY-MM-DD, got '\(weekOf)'") }
        }

        func run() throws {
            let commandStarted = ContinuousClock.now
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            let folder = try OutputFolder(out)  // a folder that cannot be written is found before planning
            // Held until the command ends: a second plan into the same folder is refused, not raced.
            let hold = try OutputLock(out)
            defer { withExtendedLifetime(hold) {} }
            let interrupt = InterruptHandler()
            let report = quiet ? nil : Terminal.planProgress()
            let log: @Sendable (String) -> Void = { Terminal.error($0) }
            let week = weekOf.flatMap(SchoolDate.init)
            if let week, let problem = loaded.calendar.weekStartProblem(week) { throw CommandFailure("--week-of \(problem)") }
            let statePath = StateStore.path(for: loaded)
            let hasState = FileManager.default.fileExists(atPath: statePath)
            let options = PlanOptions(timeLimit: timeLimit, gap: gap, seed: seed, nodeLimit: nodeLimit, work: work)
            if hasState, week == nil, !quiet {
                Terminal.error("note: \(scenario) has a state (\(StateStore.fileName)); this plans from students.csv, where the term started. Give --week-of DATE to plan that week from the state.")
            }
            // The limit covers the whole command, reading the school too.
            var result: PlanResult
            let impossibilities: [Impossibility]?
            // The week's closed dates and blocks, said before the plan so nobody looks for workshops there.
            let closures: [String]
            if let week, hasState {
                let planned = try Term(scenario: loaded, store: StateStore(path: statePath))
                    .planWeek(weekOf: week, options: options, stop: interrupt.token, progress: report, log: verbose ? log : nil, startedAt: commandStarted)
                (result, impossibilities) = (planned.result, planned.impossibilities)
                for v in planned.violations { Terminal.error("violation: \(v)") }
                closures = planned.context.scenario.calendar.closureLines
            } else {
                // Without a state, a week still skips the scenario's holidays and the days outside its term.
                let open = week.map { loaded.closingWeek(of: $0, loaded.calendar.closedDates) } ?? loaded
                switch week.flatMap({ loaded.closedWeekProblem(weekOf: $0, open: open) }) {
                case let .outsideTerm(problem)?: throw CommandFailure(StateError.outsideTerm(problem).description)
                case let .allClosed(problem)?: throw CommandFailure(StateError.weekClosed(problem).description)
                case nil: break
                }
                closures = open.calendar.closureLines
                let context = PlanningContext(scenario: open)
                result = try Planner.plan(context, options: options, stop: interrupt.token, progress: report, log: verbose ? log : nil,
                                          startedAt: commandStarted)
                if let week { result.plan.header.date = week.text }
                impossibilities = Term.explanation(of: result, context: context, timeLimit: timeLimit, startedAt: commandStarted)
            }
            if report != nil { Terminal.endStatus() }
            for line in closures { print("closed: " + PersonText.visible(line)) }
            try folder.write(try PlanFile.encode(result.plan), to: "plan.json")
            try folder.write(try PlanFile.encode(PlanFile.RunRecord(seconds: result.seconds, status: result.plan.header.status.rawValue)), to: "run.json")
            if !quiet {
                print(PlanSummary(result.plan, scenario: loaded, seconds: result.seconds).text)
                printExplanation(impossibilities, of: result)
            }
            print("wrote \(out)/plan.json")
            if result.interrupted {
                print("the search was interrupted: this is the best plan found so far")
                throw ExitCode(130)
            }
        }
    }
}

/// The explanation of a plan (`Term.explanation`): its impossibilities, or that there was no time
/// to look for them when students are unserved (nothing when the search was interrupted).
func printExplanation(_ impossibilities: [Impossibility]?, of result: PlanResult) {
    guard !result.interrupted else { return }
    if let impossibilities {
        printImpossibilities(impossibilities)
    } else if !result.plan.unserved.isEmpty {
        print("no time left to explain unserved students; `pacer validate --deep` does")
    }
}

/// Students no workshop can take under the hard rules, with the smallest changes that would serve them.
func printImpossibilities(_ impossibilities: [Impossibility]) {
    guard !impossibilities.isEmpty else { return }
    let students = Set(impossibilities.flatMap(\.students)).count
    let proven = impossibilities.allSatisfy { $0.smallest || $0.changes.isEmpty }
    print("\(plural(students, "student")) cannot be served under the hard rules; "
        + (proven ? "the smallest changes that would serve them:" : "changes that would serve them (the smallest where GLPK proved it):"))
    for impossibility in impossibilities {
        for line in impossibility.lines { print("  " + line) }
    }
}

/// Loads a scenario, printing its diagnostics to stderr; errors stop the command. The term's
/// roster, when a state is beside it, is merged in (`Scenario.withRoster`): the people enrolled
/// during the term are found by every command, the portal included.
func loadScenario(_ path: String) throws -> Scenario {
    let reading = ScenarioLoader.read(path)
    for diagnostic in reading.diagnostics where diagnostic.severity == .error { Terminal.error(diagnostic.description) }
    guard let scenario = reading.scenario else {
        Terminal.error("\(path): \(plural(reading.errors.count, "error")); run pacer validate for details")
        throw ExitCode.failure
    }
    return scenario.withRoster(StateStore.roster(besides: scenario))
}

/// Reads a plan.json, printing why it cannot to stderr.
func loadPlan(_ path: String) throws -> WeekPlan {
    do {
        return try PlanFile.read(path)
    } catch {
        Terminal.error("\(error)")
        throw ExitCode.failure
    }
}

/// Pacer never writes into the files it reads from.
func refuseOutputInsideInputs(_ out: String, scenario: Scenario) throws {
    let target = URL(fileURLWithPath: out).standardizedFileURL.path
    for file in scenario.sourceFiles {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
        if target == folder {
            throw CommandFailure("--out \(out) is the scenario's own folder; choose another folder for outputs")
        }
    }
}
