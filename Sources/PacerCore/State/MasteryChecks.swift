import Foundation

/// One row of a checks file: evidence that a student mastered, or did not yet master, an objective.
public struct MasteryCheck: Sendable, Equatable {
    public enum Result: String, Sendable, CaseIterable {
        case mastered, notYet = "not-yet"

        /// The result a person wrote, in a file or a form: `mastered` or `not-yet`, with case,
        /// surrounding spaces and what joins "not yet" set aside (`Mastered`, `Not yet`, `NOT-YET`,
        /// `not_yet`); nil for anything else. The one place a result word is read.
        public init?(word: String) {
            self.init(rawValue: Self.words(word).joined(separator: "-"))
        }

        /// The words of a result as a person wrote it: lower-cased, split where a space, `-`, `_`
        /// or a tab joins them. The one way result words are compared (here and by the gradebook's
        /// text scores, `GradebookSettings`).
        static func words(_ text: String) -> [Substring] {
            text.lowercased().split { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" }
        }

        /// Why `word` is no result, with the nearest when it is close to one.
        static func wordProblem(_ word: String) -> String {
            let near = NearestNames.to(word.trimmingCharacters(in: .whitespaces), among: allCases.map(\.rawValue), limit: 1)
            return "result must be 'mastered' or 'not-yet', got '\(printable(word))'" + (near.isEmpty ? "" : "; did you mean \(near[0])?")
        }
    }
    public let date: SchoolDate
    public let student: StudentID
    public let objective: ObjectiveID
    public let result: Result
    public let note: String
    /// Where the row was read.
    public let location: SourceLocation
    /// The gradebook result this check came from (OneRoster's result `sourcedId`), so that the
    /// gradebook withdrawing or changing that result withdraws or replaces it; nil for a check
    /// recorded in Pacer.
    public var gradebookResult: String? = nil
}

public enum MasteryChecksFile {
    public static let columns = ["date", "student", "objective", "result", "note"]
    /// Columns a checks file may carry for the people who fill it in, and that are not read: those
    /// of the export's check sheets and of timetable.csv, so either comes back with a result column.
    public static let informational = ["day", "block", "start", "end", "teacher", "teacher_name", "room", "room_name", "subject",
                                       "objective_title", "student_name", "grade", "flags"]

    /// Reads a checks CSV (`date,student,objective,result[,note]`, in any order, with the
    /// `informational` columns too) and validates every row against the scenario; a row with neither
    /// a result nor a note is a student not checked and is skipped: a check dated before the
    /// `term`'s first date for checks, after `today` or on a day that is not a school day is an error,
    /// and so are two rows that say mastered and not-yet for the same student, objective and day,
    /// and a note that breaks `PersonText`'s rule (kept as one line when it does not).
    /// Any diagnostic means nothing of the file may be applied.
    public static func read(_ path: String, scenario: Scenario, today: SchoolDate? = nil, term: StateStore.TermDates? = nil) -> (checks: [MasteryCheck], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        guard let text = TextFile.read(path, log: log) else { return ([], log.sorted) }
        return parse(text, file: path, scenario: scenario, today: today, term: term, log: log)
    }

    /// Reads checks from the bytes of an uploaded file (named `file` in the diagnostics), decoded
    /// as `read` decodes a file's (UTF-8, a byte order mark dropped), then as `read` does.
    public static func parse(bytes: [UInt8], file: String, scenario: Scenario, today: SchoolDate? = nil, term: StateStore.TermDates? = nil) -> (checks: [MasteryCheck], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        guard let text = TextFile.decode(bytes, file: file, log: log) else { return ([], log.sorted) }
        return parse(text, file: file, scenario: scenario, today: today, term: term, log: log)
    }

    /// Reads checks from `text` (already decoded, named `file` in the diagnostics), as `read` does.
    public static func parse(_ text: String, file: String, scenario: Scenario, today: SchoolDate? = nil, term: StateStore.TermDates? = nil) -> (checks: [MasteryCheck], diagnostics: [Diagnostic]) {
        parse(text, file: file, scenario: scenario, today: today, term: term, log: DiagnosticLog())
    }

    private static func parse(_ text: String, file path: String, scenario: Scenario, today: SchoolDate?, term: StateStore.TermDates?, log: DiagnosticLog) -> (checks: [MasteryCheck], diagnostics: [Diagnostic]) {
        guard let table = CSVTable.parse(text, file: path, log: log) else { return ([], log.sorted) }
        let index = table.columns(columns, required: Array(columns.dropLast()), ignored: informational, file: "the checks file", log: log)
        guard !log.hasErrors else { return ([], log.sorted) }
        let students = Set(scenario.students.map(\.id))
        let knownStudents = KnownIDs(scenario.students.map(\.id.rawValue)), knownObjectives = KnownIDs(scenario.objectives.map(\.id.rawValue))
        var checks: [MasteryCheck] = []
        struct DatedCheck: Hashable { let date: SchoolDate, check: StudentObjective }
        var seen: [DatedCheck: MasteryCheck] = [:]
        for record in table.wellFormedRecords(log: log) {
            func cell(_ name: String) -> Located<String>? { table.cell(name, of: record, in: index) }
            guard let dateCell = cell("date"), let studentCell = cell("student"), let objectiveCell = cell("objective"),
                  let resultCell = cell("result") else { continue }
            // A row of a check sheet whose result was left empty: that student was not checked.
            if resultCell.value.isEmpty, (cell("note")?.value ?? "").isEmpty { continue }
            let date = SchoolDate(dateCell.value)
            if date == nil { log.error(dateCell.location, "'\(printable(dateCell.value))' is not a date; write YYYY-MM-DD") }
            if let date, let problem = MasteryCheck.dateProblem(date, in: scenario, today: today, term: term) {
                // A date before the term says how to allow it; the others, how to fix it.
                let remedy = term.map { date < $0.historyFrom } == true ? "" : "; fix the date" + (today.map { date > $0 } == true ? ", or give --date" : "")
                log.error(dateCell.location, problem + remedy)
            }
            // Ids as the scenario writes them ('s-05' read as S-05, with a warning), else "did you mean".
            let student = StudentID(rawValue: log.match(studentCell, in: knownStudents) ?? studentCell.value)
            let studentProblem = MasteryCheck.studentProblem(student, known: students, in: scenario)
            if let studentProblem { log.error(studentCell.location, studentProblem) }
            let objective = ObjectiveID(rawValue: log.match(objectiveCell, in: knownObjectives) ?? objectiveCell.value)
            let objectiveProblem = MasteryCheck.objectiveProblem(objective, in: scenario)
            if let objectiveProblem { log.error(objectiveCell.location, objectiveProblem) }
            let result = MasteryCheck.Result(word: resultCell.value)
            if result == nil { log.error(resultCell.location, MasteryCheck.Result.wordProblem(resultCell.value)) }
            var note = ""
            if let noteCell = cell("note") {
                switch PersonText.checked(noteCell.value, .note) {
                case let .success(text): note = text
                case let .failure(problem): log.error(noteCell.location, problem.description)
                }
            }
            guard let date, let result, studentProblem == nil, objectiveProblem == nil else { continue }
            let key = DatedCheck(date: date, check: StudentObjective(student, objective))
            if let other = seen[key], other.result != result {
                log.error(resultCell.location, "\(result.rawValue) contradicts \(other.result.rawValue) for \(student) on \(objective) the same day (line \(other.location.line)); keep one of the two rows")
            }
            let check = MasteryCheck(date: date, student: student, objective: objective, result: result,
                                     note: note, location: record.location)
            seen[key] = check
            checks.append(check)
        }
        return (checks, log.sorted)
    }
}

extension MasteryCheck {
    /// One check made outside a file (the portal), with where it came from as its location.
    public init(date: SchoolDate, student: StudentID, objective: ObjectiveID, result: Result, note: String, source: String) {
        self.init(date: date, student: student, objective: objective, result: result, note: note,
                  location: SourceLocation(file: source, line: 1, column: 1))
    }

    /// Why a check cannot be dated `date`: before the first date the term's state takes checks
    /// from (its start, or `--history-from`), after `today`, or not a school day.
    static func dateProblem(_ date: SchoolDate, in scenario: Scenario, today: SchoolDate?, term: StateStore.TermDates?) -> String? {
        if let term, date < term.historyFrom {
            let first = term.historyFrom == term.startedOn
                ? "the term's first date (\(term.startedOn))"
                : "\(term.historyFrom), the first date history is back-filled from (the term started \(term.startedOn))"
            return "\(date) is before \(first): fix the date, or allow earlier checks with pacer init SCENARIO --history-from \(date)"
        }
        if let today, date > today { return "\(date) is after today (\(today)): a check records what was seen" }
        return scenario.calendar.schoolDayProblem(date)
    }

    /// Why a check cannot name `student`: not one of the school's `known` students (the
    /// scenario's), with the nearest ids as on the command line.
    static func studentProblem(_ student: StudentID, known: Set<StudentID>, in scenario: Scenario) -> String? {
        known.contains(student) ? nil : scenario.unknownIDProblem(student: student)
    }

    /// Why a check cannot name `objective`: not an objective of the scenario (with the nearest).
    static func objectiveProblem(_ objective: ObjectiveID, in scenario: Scenario) -> String? {
        scenario.objective(objective) == nil ? scenario.unknownIDProblem(objective: objective) : nil
    }

    /// Why the check cannot be recorded in the scenario on `today`, in a state whose term is
    /// `term`, or nil: the rules a checks file's rows are held to, for one check.
    public func problem(in scenario: Scenario, today: SchoolDate, term: StateStore.TermDates?) -> String? {
        problem(in: scenario, known: Set(scenario.students.map(\.id)), today: today, term: term)
    }

    /// `problem(in:today:term:)` with the scenario's students given as `known`, for many checks.
    func problem(in scenario: Scenario, known: Set<StudentID>, today: SchoolDate, term: StateStore.TermDates?) -> String? {
        if let problem = Self.dateProblem(date, in: scenario, today: today, term: term)
            ?? Self.studentProblem(student, known: known, in: scenario) ?? Self.objectiveProblem(objective, in: scenario) {
            return problem
        }
        if case let .failure(problem) = PersonText.checked(note, .note) { return problem.description }
        return nil
    }
}
