import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Absent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that students, teachers or supervisors are away on a date: the whole day, or some periods.",
            discussion: """
                Each PERSON is student:ID, teacher:ID or supervisor:ID. A student's missed sessions do not count as \
                received. A teacher's absence makes that day's regroup cover each of their sessions: \
                by a free qualified teacher, else by its students joining another session of it with \
                room, else by a qualified teacher giving up their own group when that is cheaper for \
                students overall, else it is cancelled; the change list says what was tried. A \
                supervisor's study group is placed again. --file records many at once from \
                a CSV with the columns date, person, periods (;-separated, empty for the whole day) \
                and an optional note; every row is checked first, and nothing is recorded if one is \
                wrong. pacer status --date D lists the day's absences.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "student:ID, teacher:ID or supervisor:ID, one or more.") var people: [String] = []
        @Option(help: "The date they are away, YYYY-MM-DD.") var date: String?
        @Option(name: [.customLong("periods"), .customLong("blocks")], help: "Only these periods, comma-separated (F1,F2); the whole day without it.")
        var periods: String?
        @Option(help: "Why (shown by status); one line of at most 500 characters.") var note = ""
        @Option(help: "A CSV of absences: date,person,periods[,note].") var file: String?

        func validate() throws {
            if file == nil, people.isEmpty { throw ValidationError("name who is away (student:ID, teacher:ID or supervisor:ID), or give --file") }
            if !people.isEmpty, date == nil { throw ValidationError("--date is needed with people named on the command line") }
            if let date, SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
            for p in people where Absence.Person(p) == nil { throw ValidationError("write each person as student:ID, teacher:ID or supervisor:ID, got '\(p)'") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            var absences: [Absence] = []
            if let file {
                let (rows, diagnostics) = AbsencesFile.read(file, scenario: loaded)
                for d in diagnostics { print(d) }
                guard !diagnostics.contains(where: { $0.severity == .error }) else {
                    print("\(file): nothing recorded")
                    throw ExitCode.failure
                }
                absences = rows
            }
            if let day = date.flatMap(SchoolDate.init) {
                let note: String
                do { note = try PersonText(self.note, .note).text } catch { throw CommandFailure("--note: \(error)") }
                let periodIDs = (periods ?? "").split(separator: ",").map { PeriodID(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
                for (written, typed) in people.compactMap({ p in Absence.Person(p).map { (p, $0) } }) {
                    let person = typedPerson(typed, written: written, in: loaded)
                    let absence = Absence(date: day, person: person, periods: periodIDs, note: note)
                    if let problem = absence.problem(in: loaded) { throw CommandFailure("\(person.description): \(problem)") }
                    absences.append(absence)
                }
            }
            let added = try StateStore.existing(for: loaded).recordAbsences(absences, scenario: loaded)
            for a in absences { print("absent: " + PersonText.visible(a.text)) }
            print("\(plural(absences.count, "absence")) recorded (\(added) new)")
        }
    }
}
