import ArgumentParser
import Foundation
import PacerCore

/// `--date`, parsed as YYYY-MM-DD; today when absent.
struct DateOption: ParsableArguments {
    @Option(help: "The school date, YYYY-MM-DD (default: today).")
    var date: String?

    func validate() throws {
        if let date, SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
    }

    var value: SchoolDate { date.flatMap(SchoolDate.init) ?? .today() }

    /// Refuses a --date after the clock's today, for a command that settles the requests as of
    /// it: settling declines for good a request whose days are before it, so a day to come would
    /// close requests whose days have not come (`pacer request list --date 9999-12-31` did).
    func refuseAfterToday() throws {
        let today = SchoolDate.today()
        guard value > today else { return }
        throw ValidationError("--date \(value) is after today (\(today)): requests are settled as of a day that has come, and a later one would decline those whose days have not")
    }
}

extension PacerCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or update the scenario's state database (pacer-state.sqlite beside scenario.yaml).",
            discussion: """
                Starts the term on --date and each student's history at the current objective \
                students.csv gives. Checks may not be dated before the term's first date, unless \
                --history-from allows earlier ones (to back-fill history). Someone who joins or \
                leaves during the term is recorded with pacer enroll or pacer leave, dated, without \
                editing the files. Run it again to upgrade the schema (or after adding students to \
                students.csv): it adds only what is missing; the term keeps its first date, and \
                --history-from may be given then too.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @OptionGroup var date: DateOption
        @Option(name: .customLong("history-from"), help: "Accept checks dated from this date, YYYY-MM-DD, not after the term's first date (default: the term's first date).")
        var historyFrom: String?

        func validate() throws {
            guard let historyFrom else { return }
            guard let from = SchoolDate(historyFrom) else { throw ValidationError("--history-from must be a date written YYYY-MM-DD, got '\(historyFrom)'") }
            if let start = date.date.flatMap(SchoolDate.init), from > start {
                throw ValidationError("--history-from \(from) is after --date \(start); history is back-filled from before the term starts")
            }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let store = try StateStore(path: StateStore.path(for: loaded))
            let term = try store.startTerm(on: date.value, historyFrom: historyFrom.flatMap(SchoolDate.init))
            let added = try Term(scenario: loaded, store: store).seed(on: date.value)
            print("\(store.path): schema \(try store.appliedMigrations().last ?? "?"), \(added) student objective(s) started on \(date.value)")
            print("term started \(term.startedOn); checks accepted from \(term.historyFrom)")
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record mastery checks and move students along their progressions.",
            discussion: """
                The checks file is CSV with the columns date, student, objective, result (mastered or \
                not-yet) and an optional note (one line, at most 500 characters, no control \
                characters). Every row is checked first; if any is wrong, nothing of the file is \
                applied: a check dated before the term's first date (pacer init --history-from allows \
                earlier ones), after today (--date, else the clock) or on a day that is not a school \
                day, and a not-yet that contradicts a mastered for the same student, objective and \
                day, are errors. The whole file is one transaction, and a \
                check recorded before (same date, student, objective and result) is not applied \
                again. Each check is printed with its id; --withdraw ID takes a wrong one back and \
                replays the student's history without it. A withdrawn check stays withdrawn when \
                a file sends it again (each such row is named); --again records those rows again \
                on purpose.

                --from oneroster DIR reads a OneRoster 1.2 gradebook export instead (results.csv \
                with lineItemLearningObjectiveIds.csv or resultLearningObjectiveIds.csv, and \
                lineItems.csv and users.csv when there): each fully graded result on a learning \
                objective that is one of the scenario's objectives (by its case_id, else its id) is \
                a check, mastered or not yet by the scenario's gradebook: settings; results on \
                other objectives are counted and skipped, and a result with status tobedeleted \
                withdraws its checks. The same rules hold: every row first, then all or nothing. \
                See docs/imports.md.
                """
        )
        enum Source: String, ExpressibleByArgument, CaseIterable { case oneroster }

        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: ArgumentHelp("The gradebook export's folder, with --from.", valueName: "folder")) var folder: String?
        @Option(help: "The checks CSV file.") var checks: String?
        @Option(help: ArgumentHelp("Read the folder as a gradebook export of this format: oneroster (OneRoster 1.2 CSV).", valueName: "format"))
        var from: Source?
        @Option(help: ArgumentHelp("Withdraw the check with this id (repeatable); the student's history is replayed without it.",
                                   discussion: "pacer record prints each check's id, and pacer status --student lists them."))
        var withdraw: [Int64] = []
        @Flag(help: "Record again the file's rows whose checks were withdrawn (without it they stay withdrawn, and are named).")
        var again = false
        @OptionGroup var date: DateOption

        func validate() throws {
            if from != nil, folder == nil { throw ValidationError("--from oneroster reads a folder: pacer record SCENARIO --from oneroster DIR") }
            if folder != nil, from == nil { throw ValidationError("say what the folder holds: pacer record SCENARIO --from oneroster DIR") }
            if from != nil, checks != nil { throw ValidationError("give --checks FILE or --from oneroster DIR, not both") }
            if checks == nil, folder == nil, withdraw.isEmpty { throw ValidationError("give --checks FILE, --from oneroster DIR, --withdraw ID, or both") }
            if again, checks == nil, folder == nil { throw ValidationError("--again applies to the rows of --checks FILE or of --from DIR") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            if !withdraw.isEmpty {
                let report = try Term(scenario: loaded, store: StateStore.existing(for: loaded)).withdraw(withdraw)
                for line in report.lines { print(PersonText.visible(line)) }
            }
            // The state, when there is one, says from which date checks are taken; a refused file
            // leaves a scenario without one as it was.
            let statePath = StateStore.path(for: loaded)
            let existing = FileManager.default.fileExists(atPath: statePath) ? Term(scenario: loaded, store: try StateStore(path: statePath)) : nil
            let source: String, rows: [MasteryCheck], withdrawing: [String], present: [String]
            if let folder {
                let reading = OneRosterGradebook.read(folder, scenario: loaded)
                for d in reading.diagnostics { print(d) }
                guard !reading.hasErrors else {
                    print("\(folder): nothing recorded")
                    throw ExitCode.failure
                }
                for line in reading.lines { print(line) }
                (source, rows, withdrawing, present) = (folder + "/results.csv", reading.checks, reading.withdrawnResults, reading.presentResults)
            } else if let checks {
                let (read, diagnostics) = try existing?.readChecks(checks, today: date.value)
                    ?? MasteryChecksFile.read(checks, scenario: loaded, today: date.value)
                for d in diagnostics { print(d) }
                guard !diagnostics.contains(where: { $0.severity == .error }) else {
                    print("\(checks): nothing recorded")
                    throw ExitCode.failure
                }
                (source, rows, withdrawing, present) = (checks, read, [], [])
            } else {
                return
            }
            let term = try existing ?? Term(scenario: loaded, store: StateStore(path: statePath))
            let report: Term.RecordReport
            do {
                report = try term.record(rows, source: source, today: date.value, again: again, withdrawingResults: withdrawing, presentResults: present)
            } catch let refusal as Term.RecordRefusal where folder != nil {
                print(refusal.description)
                print("\(folder ?? source): nothing recorded")
                throw ExitCode.failure
            }
            let checks = folder ?? source
            // Lines may quote what an older state holds: shown with its control characters escaped.
            for line in report.lines { print(PersonText.visible(line)) }
            print("\(checks): \(report.summary)")
            if !report.keptWithdrawn.isEmpty {
                let what = folder.map { "--from oneroster \($0)" } ?? "--checks \(checks)"
                print("to record withdrawn checks again on purpose: pacer record \(scenario) \(what)" + (date.date.map { " --date \($0)" } ?? "") + " --again")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where students stand: current objective, days on it, workshops received."
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "Only this student.") var student: String?
        @Option(help: "Only students on this objective.") var objective: String?
        @OptionGroup var date: DateOption
        @Option(help: "table (columns aligned), tsv, csv or json; the default is table on a terminal and tsv when piped. csv and json hold the standings only (the requests: pacer request list --format).")
        var format: TextTable.Format?

        func run() throws {
            let loaded = try loadScenario(scenario)
            let store = try StateStore.existing(for: loaded)
            let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .tsv)
            let student = self.student.map { typedID($0, among: loaded.students.map(\.id.rawValue)) }
            let objective = self.objective.map { typedID($0, among: loaded.objectives.map(\.id.rawValue)) }
            if let problem = student.flatMap({ loaded.unknownIDProblem(student: StudentID(rawValue: $0)) })
                ?? objective.flatMap({ loaded.unknownIDProblem(objective: ObjectiveID(rawValue: $0)) }) {
                throw CommandFailure(problem)
            }
            if let problem = loaded.calendar.schoolDayProblem(date.value) { Terminal.error("note: \(problem)") }
            let lines = try store.status(
                loaded, on: date.value, student: student.map { StudentID(rawValue: $0) },
                objective: objective.map { ObjectiveID(rawValue: $0) })
            // students.csv is where the term started; the last column shows where the state has moved on from it
            // (nothing for a student enrolled since, who is listed from the day they join).
            let termStart = Dictionary(uniqueKeysWithValues: loaded.students.filter { !loaded.roster.joinsLater(.student($0.id)) }.map { ($0.id, $0.current) })
            let table = TextTable(
                header: ["student", "name", "subject", "objective", "days on it", "workshops on it", "days since last workshop", "students.csv"],
                rows: lines.filter { !loaded.roster.notJoinedYet(.student($0.student), on: date.value) }.map { l in
                    let csv = termStart[l.student]?[l.subject]
                    return [l.student.rawValue, l.name, l.subject.rawValue, l.objective?.rawValue ?? "(complete)", String(l.daysOnIt),
                            String(l.workshopsOnIt), l.daysSinceWorkshop.map(String.init) ?? "-",
                            csv == l.objective ? "same" : csv?.rawValue ?? "-"]
                })
            print(table.render(format), terminator: "")
            // The absences and a student's checks are for a person; a program reads the table alone.
            guard format == .table || format == .tsv else { return }
            let absences = try store.absences(from: date.value, to: date.value).filter { a in
                student.map { a.person == .student(StudentID(rawValue: $0)) } ?? true
            }
            // Notes come from the state, which may be older than the rule for what people type.
            if !absences.isEmpty { print("\nabsent on \(date.value): " + PersonText.visible(absences.map(\.text).joined(separator: "; "))) }
            // Who is off the roster on the date (their history stays above), and one student's joins and leaves.
            let left = student != nil ? [] : loaded.students.compactMap { loaded.roster.leave(of: .student($0.id), on: date.value) }
            if !left.isEmpty { print("\n" + PersonText.visible(left.map { $0.text(in: loaded) }.joined(separator: "; "))) }
            for line in try store.closureLines(loaded, on: date.value) { print("\n" + PersonText.visible(line)) }
            if let student {
                let changes = loaded.roster.changes(of: .student(StudentID(rawValue: student)))
                if !changes.isEmpty { print("\nroster: " + PersonText.visible(changes.map { $0.text(in: loaded) }.joined(separator: "; "))) }
                let checks = try store.checks(of: StudentID(rawValue: student))
                if checks.isEmpty {
                    print("no checks recorded for \(student)")
                } else {
                    let list = TextTable(header: ["check", "date", "objective", "result", "note", "source"], rows: checks.map { c in
                        ["\(c.id)", c.date.text, c.objective.rawValue, c.withdrawn ? "\(c.result) (withdrawn)" : c.result, c.note, c.source]
                    })
                    print("\n" + list.render(format), terminator: "")
                }
            }
            let waiting = try Self.openRequests(store, loaded, on: date.value, student: student.map { StudentID(rawValue: $0) })
            if !waiting.isEmpty { print("\nrequests still asking, oldest first:\n" + waiting.joined(separator: "\n")) }
        }

        /// The requests still asking (open, planned, or declined by a plan or a conflict that may
        /// change), oldest asked first, one a line, names first, with where each stands unless open:
        /// `3 days waiting: Ms Okafor asks for a mastery check on … for Ava Martin (S-01), 2026-11-24, urgent (declined, …)`.
        static func openRequests(_ store: StateStore, _ scenario: Scenario, on date: SchoolDate, student: StudentID?) throws -> [String] {
            try store.askingRequests().filter { student == nil || $0.student == student }
                .sorted { ($0.askedOn, $0.id) < ($1.askedOn, $1.id) }
                .map { r in
                    let days = max(0, r.askedOn.days(to: date))
                    return "  \(days) day\(days == 1 ? "" : "s") waiting: " + PersonText.visible(RequestText.line(r, scenario))
                        + (r.status == .open ? "" : " (\(RequestText.standing(r)))") + " [request \(r.id)]"
                }
        }
    }
}

extension PacerCommand {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a week plan as published: teachers have seen it, and its sessions count as attended.",
            discussion: """
                The plan's days are dated from --week-of (the date of the calendar's first day). \
                Publishing again for the same dates replaces their attendance. A week plan must be \
                the plan of the week's state: one made from students.csv (no --week-of when \
                planning) is refused once the term has moved on from it, and one made from the \
                state is refused when checks or absences for its week were recorded since it was \
                made (they are named); plan again, or pass --despite-changes.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "The plan.json to publish.") var plan: String
        @Option(name: .customLong("week-of"), help: "Date of the calendar's first day, YYYY-MM-DD (a day plan carries its own date).") var weekOf: String?
        @Flag(name: .customLong("allow-changed-scenario"), help: "Publish a plan made from earlier versions of the scenario's files (a plan of another school is always refused).") var allowChangedScenario = false
        @Flag(name: .customLong("despite-changes"), help: "Publish a week plan made from the term's state although checks or absences were recorded since it was made (they are named when publishing is refused); regroup the days they touch.") var despiteChanges = false

        func validate() throws {
            if let weekOf, SchoolDate(weekOf) == nil { throw ValidationError("--week-of must be a date written YYYY-MM-DD, got '\(weekOf)'") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let weekPlan = try loadPlan(plan)
            if let problem = weekPlan.provenanceProblem(scenario: loaded, planPath: plan, scenarioPath: scenario, allowChangedFiles: allowChangedScenario) {
                throw CommandFailure(problem)
            }
            let published: (id: Int64, start: SchoolDate)
            do {
                published = try Term(scenario: loaded, store: StateStore(path: StateStore.path(for: loaded)))
                    .publish(weekPlan, weekOf: weekOf.flatMap(SchoolDate.init), despiteChanges: despiteChanges)
            } catch let Term.PublishRefusal.breaksRules(violations) {
                for v in violations { Terminal.error("violation: \(v)") }
                throw CommandFailure("\(plan) breaks \(plural(violations.count, "rule")); pacer verify shows them; nothing published")
            } catch let Term.PublishRefusal.otherWeek(given, planned) {
                throw CommandFailure("--week-of \(given) differs from the week \(plan) was planned for (\(planned)); leave --week-of out, or plan that week")
            } catch let Term.PublishRefusal.madeFromStudentsCSV(differences, week) {
                for line in differences { Terminal.error("changed: \(line)") }
                throw CommandFailure("\(plan) was made from students.csv, where the term started, and the term has moved on since; "
                                     + "make the week's plan from the term's state: pacer plan \(scenario) --week-of \(week); nothing published")
            } catch let Term.PublishRefusal.stateChanged(changes, week) {
                for line in changes { Terminal.error("changed: \(line)") }
                throw CommandFailure("the term's state has changed since \(plan) was made; plan the week again (pacer plan \(scenario) --week-of \(week)), "
                                     + "or publish it as it is with --despite-changes and regroup the days it touches; nothing published")
            } catch let refusal as Term.PublishRefusal {
                throw CommandFailure(refusal.description)
            }
            let (id, start) = published
            print("published \(plan) as plan \(id) (\(weekPlan.header.kind) of \(start)): \(weekPlan.sessions.count) sessions")
        }
    }
}

extension TextTable.Format: ExpressibleByArgument {}
