import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Closed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the school is closed on a date (a snow day): the whole day, or some periods.",
            discussion: """
                For a closure decided mid-term; holidays known in advance go in scenario.yaml \
                (calendar.holidays). The date must be a school day within the term \
                (calendar.term). Week plans, regroups and publishing skip a closed date; a plan \
                already published that covers it shows its sessions there as cancelled, with the \
                note, in status, exports, the portal and families' calendars, and a week plan made \
                before the closure can no longer be published as it is. --reopen removes a \
                closure recorded by mistake (only --periods, or the whole date's). \
                pacer status --date D says whether D is closed and why.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "The date closed, YYYY-MM-DD.") var date: String
        @Option(name: [.customLong("periods"), .customLong("blocks")], help: "Only these periods, comma-separated (F1,F2); the whole day without it.")
        var periods: String?
        @Option(help: "Why (snow day, assembly): shown wherever the closure cancels something; one line of at most 500 characters.")
        var note: String?
        @Flag(help: "Remove a closure recorded by mistake instead.") var reopen = false

        func validate() throws {
            if SchoolDate(date) == nil { throw ValidationError("the date must be written YYYY-MM-DD, got '\(date)'") }
            if !reopen, (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("say why the school is closed with --note (snow day, assembly)")
            }
            if reopen, note != nil { throw ValidationError("--reopen takes no --note") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            guard let day = SchoolDate(date) else { return }
            var periodIDs: [PeriodID] = []
            for text in (periods ?? "").split(separator: ",") {
                let id = PeriodID(rawValue: text.trimmingCharacters(in: .whitespaces))
                if !id.rawValue.isEmpty, !periodIDs.contains(id) { periodIDs.append(id) }
            }
            let store = try StateStore.existing(for: loaded)
            if reopen {
                let removed = try store.reopen(day, periods: periodIDs, scenario: loaded)
                guard removed > 0 else { throw CommandFailure("no closure recorded for \(day)\(periodIDs.isEmpty ? "" : " in \(periodIDs.map(\.rawValue).joined(separator: ", "))"); nothing changed") }
                print("reopened \(day)\(periodIDs.isEmpty ? "" : " (\(periodIDs.map(\.rawValue).joined(separator: ", ")))"): \(plural(removed, "closure")) removed")
                return
            }
            let text: String
            do { text = try PersonText(note ?? "", .note).text } catch { throw CommandFailure("--note: \(error)") }
            let closure = Closure(date: day, periods: periodIDs, note: text)
            if let problem = closure.problem(in: loaded) { throw CommandFailure(problem) }
            let added = try store.recordClosure(closure, scenario: loaded)
            print(added == 0 ? "already recorded: \(PersonText.visible(closure.text))" : "recorded: " + PersonText.visible(closure.text))
            if let inForce = try store.planInForce(loaded, on: day) {
                let cancelled = inForce.sessions.filter { closure.covers(loaded.calendar.block($0.block)?.period ?? "") }
                if !cancelled.isEmpty {
                    print("\(plural(cancelled.count, "published session")) on \(day) \(cancelled.count == 1 ? "is" : "are") now cancelled; calendars and the portal say why")
                }
            }
        }
    }
}
