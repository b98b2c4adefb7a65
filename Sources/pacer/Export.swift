import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a plan into files people use (HTML pages, CSV, JSON, iCalendar, a FET file), or the term's checks into a gradebook export.",
            discussion: """
                pacer export SCENARIO PLAN --format F --out DIR, the scenario first as in verify and \
                publish. Formats and columns: docs/exports.md. --out is a folder for every format \
                (FET's file is DIR/workshops.fet). The older spellings, export PLAN --scenario \
                SCENARIO and --out FILE.fet, still work in this release and print a note.

                pacer export SCENARIO --format oneroster --out DIR takes no plan: it writes the \
                mastery checks that stand in the term's state as a OneRoster 1.2 gradebook export \
                (line items per objective, results with their learning objective ids), which \
                pacer record SCENARIO --from oneroster DIR reads back.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json, ics, fet, oneroster }

        @Argument(help: ArgumentHelp("The scenario the plan was made for.", valueName: "scenario")) var first: String
        @Argument(help: ArgumentHelp("The plan.json to export.", valueName: "plan")) var second: String?
        @Option(help: ArgumentHelp("Deprecated: give the scenario first instead.", visibility: .hidden)) var scenario: String?
        @Option(help: "html, csv, json, ics or fet (of a plan), or oneroster (the term's checks).") var format: Format
        @Option(help: "Folder to write into (created if missing).") var out: String
        @Option(name: .customLong("for"), help: "Only teacher:ID, supervisor:ID (an aide: their study groups), room:ID, student:ID or grade:G.") var only: String?
        @Option(help: "Only this day (a day id such as Tue, or a date with --week-of).") var day: String?
        @Option(name: .customLong("week-of"), help: "Date of the calendar's first day, YYYY-MM-DD (needed for ics; a day plan carries its date).") var weekOf: String?
        @Flag(name: .customLong("allow-changed-scenario"), help: "Export a plan made from earlier versions of the scenario's files (a plan of another school is always refused).") var allowChangedScenario = false

        /// The scenario and the plan, from `SCENARIO PLAN` or the deprecated `PLAN --scenario SCENARIO`.
        var paths: (scenario: String, plan: String)? {
            switch (second, scenario) {
            case let (plan?, nil): return (first, plan)
            case let (nil, scenario?): return (scenario, first)
            default: return nil
            }
        }

        func validate() throws {
            if format == .oneroster {
                guard second == nil, scenario == nil else {
                    throw ValidationError("--format oneroster exports the term's checks, not a plan: pacer export SCENARIO --format oneroster --out DIR")
                }
                if only != nil || day != nil || weekOf != nil || allowChangedScenario {
                    throw ValidationError("--for, --day, --week-of and --allow-changed-scenario apply to a plan's export, not to --format oneroster")
                }
                return
            }
            guard paths != nil else {
                throw ValidationError("give the scenario, then the plan: pacer export SCENARIO PLAN --format \(format.rawValue) --out DIR")
            }
            if let only, ExportFilter(only) == nil { throw ValidationError("--for takes teacher:ID, supervisor:ID, room:ID, student:ID or grade:G, got '\(only)'") }
            if let weekOf, SchoolDate(weekOf) == nil { throw ValidationError("--week-of must be a date written YYYY-MM-DD") }
        }

        func run() throws {
            if format == .oneroster {
                let loaded = try loadScenario(first)
                let checks = try StateStore.existing(for: loaded).standingChecks()
                try refuseOutputInsideInputs(out, scenario: loaded)
                let files = try OneRosterGradebookWriter.write(checks, scenario: loaded, to: out)
                print("wrote \(files.count) files to \(out): \(plural(checks.count, "result")) on \(plural(Set(checks.map(\.check.objective)).count, "objective")) (OneRoster 1.2 gradebook)")
                return
            }
            guard let (scenario, plan) = paths else { return }
            if self.scenario != nil {
                Terminal.error("note: pacer export PLAN --scenario SCENARIO is deprecated and goes in the next release; write pacer export \(scenario) \(plan)")
            }
            let loaded = try loadScenario(scenario)
            let weekPlan = try loadPlan(plan)
            if let problem = weekPlan.provenanceProblem(scenario: loaded, planPath: plan, scenarioPath: scenario, allowChangedFiles: allowChangedScenario) {
                throw CommandFailure(problem)
            }
            if let problem = only.flatMap(ExportFilter.init)?.problem(in: loaded) { throw CommandFailure("--for \(only ?? ""): \(problem)") }
            // Sessions on closed dates (holidays, and closures recorded in the state when there is one) are shown cancelled.
            let closedDates = FileManager.default.fileExists(atPath: StateStore.path(for: loaded))
                ? try StateStore.existing(for: loaded).closedDates(loaded) : loaded.calendar.closedDates
            var context = ExportContext(scenario: loaded, plan: weekPlan, weekOf: weekOf.flatMap(SchoolDate.init), filter: only.flatMap(ExportFilter.init),
                                        closedDates: closedDates)
            if let day {
                let id = loaded.calendar.days.first { $0.id.rawValue == day }?.id
                    ?? context.dates.first { $0.value.text == day }?.key
                guard let id else { throw CommandFailure("--day \(day) is neither a day of the calendar nor a date of the plan") }
                context = ExportContext(scenario: loaded, plan: weekPlan, weekOf: weekOf.flatMap(SchoolDate.init), filter: context.filter, day: id,
                                        closedDates: closedDates)
            }
            let exporter: PlanExporter
            var folder = out
            switch format {
            case .fet:
                if out.hasSuffix(".fet") {
                    Terminal.error("note: --out names a folder; --out FILE.fet is deprecated and goes in the next release (the file is then DIR/workshops.fet)")
                    let url = URL(fileURLWithPath: out)
                    folder = url.deletingLastPathComponent().path
                    exporter = FETExporter(fileName: url.lastPathComponent)
                } else {
                    exporter = FETExporter()
                }
            case .csv: exporter = CSVExporter()
            case .json: exporter = JSONExporter()
            case .ics: exporter = ICalendarExporter()
            case .html: exporter = HTMLExporter()
            case .oneroster: throw CommandFailure("--format oneroster exports the term's checks, not a plan")  // handled above
            }
            try refuseOutputInsideInputs(folder, scenario: loaded)
            do {
                let files = try exporter.write(context, to: folder)
                print(files.count == 1 ? "wrote \(folder)/\(files[0])" : "wrote \(files.count) files to \(folder)")
            } catch let error as ICalendarExporter.ExportError {
                throw CommandFailure(error.description)
            }
        }
    }
}
