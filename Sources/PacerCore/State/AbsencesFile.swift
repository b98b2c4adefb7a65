/// A CSV of absences, for many at once: `date,person,periods[,note]`, where person is
/// `student:ID` or `teacher:ID` and periods are `;`-separated period ids (empty: the whole day).
public enum AbsencesFile {
    public static let columns = ["date", "person", "periods", "note"]

    /// Reads and checks every row against the scenario, each note against `PersonText`'s rule; any
    /// diagnostic means nothing may be recorded.
    public static func read(_ path: String, scenario: Scenario) -> (absences: [Absence], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        guard let text = TextFile.read(path, log: log), let table = CSVTable.parse(text, file: path, log: log) else {
            return ([], log.sorted)
        }
        let index = table.columns(columns, required: ["date", "person"], file: "the absences file", log: log)
        guard !log.hasErrors else { return ([], log.sorted) }
        var absences: [Absence] = []
        let knownPeriods = KnownIDs(scenario.calendar.periods.map(\.id.rawValue))
        for record in table.wellFormedRecords(log: log) {
            guard let dateCell = table.cell("date", of: record, in: index), let personCell = table.cell("person", of: record, in: index) else { continue }
            guard let date = SchoolDate(dateCell.value) else {
                log.error(dateCell.location, "'\(printable(dateCell.value))' is not a date; write YYYY-MM-DD")
                continue
            }
            guard let written = Absence.Person(personCell.value) else {
                log.error(personCell.location, "write the person as student:ID, teacher:ID or supervisor:ID, got '\(printable(personCell.value))'")
                continue
            }
            // Ids as the scenario writes them ('teacher:t-chen' read as teacher:T-CHEN, with a warning).
            let person = written.matched(in: scenario)
            if person != written { log.warning(personCell.location, "'\(printable(personCell.value))' read as \(person.description)") }
            let periodsCell = table.cell("periods", of: record, in: index)
            let periods = (periodsCell?.value ?? "")
                .split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { written in
                    PeriodID(rawValue: periodsCell.flatMap { log.match(Located(value: written, location: $0.location), in: knownPeriods) } ?? written)
                }
            var note = ""
            if let noteCell = table.cell("note", of: record, in: index) {
                switch PersonText.checked(noteCell.value, .note) {
                case let .success(text): note = text
                case let .failure(problem):
                    log.error(noteCell.location, problem.description)
                    continue
                }
            }
            let absence = Absence(date: date, person: person, periods: periods, note: note)
            if let problem = absence.problem(in: scenario) {
                log.error(personCell.location, problem)
                continue
            }
            absences.append(absence)
        }
        return (absences, log.sorted)
    }
}
