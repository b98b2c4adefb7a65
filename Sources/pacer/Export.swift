import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a plan into files people use: HTML pages, CSV, JSON or iCalendar.",
            discussion: "Formats and columns: docs/exports.md."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json, ics }

        @Argument(help: "The plan.json to export.") var plan: String
        @Option(help: "The scenario the plan was made for (names, titles, times).") var scenario: String
        @Option(help: "html, csv, json or ics.") var format: Format
        @Option(help: "Folder to write into (created if missing).") var out: String
        @Option(name: .customLong("for"), help: "Only teacher:ID, room:ID, student:ID or grade:G.") var only: String?
        @Option(help: "Only this day (a day id such as Tue, or a date with --week-of).") var day: String?
        @Option(name: .customLong("week-of"), help: "Date of the calendar's first day, YYYY-MM-DD (needed for ics; a day plan carries its date).") var weekOf: String?

        func validate() throws {
            if let only, ExportFilter(only) == nil { throw ValidationError("--for takes teacher:ID, room:ID, student:ID or grade:G, got '\(only)'") }
            if let weekOf, SchoolDate(weekOf) == nil { throw ValidationError("--week-of must be a date written YYYY-MM-DD") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            let weekPlan = try loadPlan(plan)
            var context = ExportContext(scenario: loaded, plan: weekPlan, weekOf: weekOf.flatMap(SchoolDate.init), filter: only.flatMap(ExportFilter.init))
            if let day {
                let id = loaded.calendar.days.first { $0.id.rawValue == day }?.id
                    ?? context.dates.first { $0.value.text == day }?.key
                guard let id else { throw ValidationError("--day \(day) is neither a day of the calendar nor a date of the plan") }
                context = ExportContext(scenario: loaded, plan: weekPlan, weekOf: weekOf.flatMap(SchoolDate.init), filter: context.filter, day: id)
            }
            let exporter: PlanExporter
            switch format {
            case .csv: exporter = CSVExporter()
            case .json: exporter = JSONExporter()
            case .ics: exporter = ICalendarExporter()
            case .html: exporter = HTMLExporter()
            }
            do {
                let files = try exporter.write(context, to: out)
                print("wrote \(files.count) file(s) to \(out)")
            } catch let error as ICalendarExporter.ExportError {
                throw ValidationError(error.description)
            }
        }
    }
}
