import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct RequestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract: "Ask something of the plans for a student, list what was asked, or cancel a request.",
            discussion: """
                A request asks for a workshop on an objective, a mastery check on an objective, or \
                time with a named teacher, for one student, on a date, in one flex block of a date, \
                or in a week, at one of the priorities the scenario names (requests: priorities:, \
                most urgent first; by default urgent, high, normal). See docs/requests.md.
                """,
            subcommands: [Add.self, List.self, Cancel.self]
        )
    }
}

extension PacerCommand.RequestCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a request: pacer request add SCENARIO --student S-01 --check MATH-7.RP.2 --on 2026-11-24.",
            discussion: """
                Give one of --workshop OBJECTIVE, --check OBJECTIVE, --teacher TEACHER, and one of \
                --on DATE (with --period P for one flex block) or --week-of DATE. The same live \
                request asked again by the same person is the one request (its id is printed). \
                --date is today (default: the clock), from which a request asks of the plans to come: \
                within the calendar's term, or at most 366 days ahead when it names none.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "The student it is for.") var student: String
        @Option(help: "A workshop on this objective.") var workshop: String?
        @Option(help: "A mastery check on this objective.") var check: String?
        @Option(help: "Time with this teacher.") var teacher: String?
        @Option(help: "The school day, YYYY-MM-DD.") var on: String?
        @Option(help: "Only this flex period of --on.") var period: String?
        @Option(name: .customLong("week-of"), help: "The week that starts on this date (the calendar's first day), YYYY-MM-DD.") var weekOf: String?
        @Option(help: "One of the scenario's priorities (default: the least urgent).") var priority: String?
        @Option(help: "Who asks: scheduler (default), teacher:ID or family:STUDENT.") var by = "scheduler"
        @Option(help: "Why, for the people who plan (one line, at most 500 characters).") var note = ""
        @OptionGroup var date: DateOption

        func validate() throws {
            try RepeatedOptions.refuse(["--student", "--workshop", "--check", "--teacher", "--on", "--period", "--week-of", "--priority", "--by", "--note", "--date"])
            try date.refuseAfterToday()
            if [workshop, check, teacher].compactMap({ $0 }).count != 1 { throw ValidationError("give one of --workshop OBJECTIVE, --check OBJECTIVE or --teacher TEACHER") }
            if (on == nil) == (weekOf == nil) { throw ValidationError("give --on DATE (with --period P for one block) or --week-of DATE") }
            if period != nil, on == nil { throw ValidationError("--period goes with --on DATE") }
            for text in [on, weekOf].compactMap({ $0 }) where SchoolDate(text) == nil {
                throw ValidationError("'\(text)' is not a date: write a real date as YYYY-MM-DD")
            }
            if StudentRequest.Asker(by) == nil { throw ValidationError("--by is scheduler, teacher:ID or family:STUDENT, got '\(by)'") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let store = try StateStore.existing(for: loaded)
            let want: StudentRequest.Want = if let workshop { .workshop(typedObjective(workshop, loaded)) }
                else if let check { .check(typedObjective(check, loaded)) }
                else { .teacher(TeacherID(rawValue: typedID(teacher ?? "", among: loaded.teachers.map(\.id.rawValue)))) }
            let when: StudentRequest.When
            if let weekOf, let first = SchoolDate(weekOf) {
                when = .week(first)
            } else if let on, let day = SchoolDate(on) {
                when = period.map { .block(day, PeriodID(rawValue: typedID($0, among: loaded.calendar.periods.filter(\.isFlex).map(\.id.rawValue)))) } ?? .date(day)
            } else {
                return
            }
            guard let asker = StudentRequest.Asker(by) else { return }
            let request = StudentRequest(askedBy: asker, student: StudentID(rawValue: typedID(student, among: loaded.students.map(\.id.rawValue))),
                                  want: want, when: when, priority: priority.map { typedID($0, among: loaded.requestPriorities.levels.map(\.id)) } ?? loaded.requestPriorities.standard,
                                  note: note, askedOn: date.value)
            do {
                let (id, new) = try store.add(request, scenario: loaded, today: date.value)
                if new {
                    print("request \(id) recorded: \(RequestText.line(request, loaded))")
                } else {
                    let kept = try store.request(id)?.priority ?? request.priority
                    print("request \(id) already asks this, at \(kept); nothing new recorded" + (kept == request.priority ? "" : " (to ask at \(request.priority), cancel it and ask again)"))
                }
                // Taken, but nothing can serve it: say why (a closed day, a student who left or is away).
                for warning in try store.warnings(for: request, scenario: loaded) { Terminal.error("warning: \(warning)") }
                // Plans weigh a request on the student's current objective only: say when it is not.
                if let objective = request.want.objective, let subject = loaded.objective(objective)?.subject,
                   let line = try store.status(loaded, on: date.value, student: request.student).first(where: { $0.subject == subject }),
                   line.objective != objective {
                    let now = line.objective.map { "on \(loaded.objective($0)?.title ?? $0.rawValue) (\($0))" } ?? "done with \(subject)"
                    Terminal.error("note: \(line.name) is \(now) now: plans weigh this request only while they are on \(objective)")
                }
            } catch let error as RequestError {
                throw CommandFailure(error.description)
            }
        }

        private func typedObjective(_ text: String, _ scenario: Scenario) -> ObjectiveID {
            ObjectiveID(rawValue: typedID(text, among: scenario.objectives.map(\.id.rawValue)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the requests still asking (open, planned, or declined by a plan that may change), oldest first; --all lists every one.",
            discussion: "A request whose days are before --date (default: the clock; never a day after it) and was never met is declined first: the day passed without it.")
        @Argument(help: "The scenario.") var scenario: String
        @Flag(help: "Also the met, declined and cancelled ones.") var all = false
        @OptionGroup var date: DateOption
        @Option(help: "table (columns aligned), tsv, csv or json; the default is table on a terminal and tsv when piped.")
        var format: TextTable.Format?

        func validate() throws {
            try RepeatedOptions.refuse(["--date", "--format"])
            try date.refuseAfterToday()
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let store = try StateStore.existing(for: loaded)
            try store.settleRequests(loaded, today: date.value)
            let requests = try all ? store.requests() : store.askingRequests()
            let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .tsv)
            if requests.isEmpty, format == .table || format == .tsv {
                print(all ? "no requests" : "no open requests")
                return
            }
            let table = TextTable(header: ["id", "asked", "days waiting", "by", "name", "student", "what", "when", "priority", "status", "reason", "note"],
                                  rows: requests.map { r in
                                      [String(r.id), r.askedOn.text, String(max(0, r.askedOn.days(to: date.value))), RequestText.asker(r.askedBy, loaded),
                                       loaded.students.first { $0.id == r.student }?.name ?? "", r.student.rawValue,
                                       // What was asked in the one home's words: a teacher's time with a student says the student.
                                       RequestText.asked(r, loaded, naming: false),
                                       r.when.description, r.priority, r.status.rawValue, r.reason, r.note]
                                  })
            print(table.render(format), terminator: "")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a request that still asks: pacer request cancel SCENARIO ID.",
            usage: "pacer request cancel <scenario> <id> [--by <by>] [--reason <reason>] [--date <date>]")
        @Argument(help: "The scenario.") var scenario: String
        // Read as text, with whatever ArgumentParser does not recognize (to it `-1` is an option,
        // which it drops with a "Missing expected argument"): `RequestIDArgument` says what is
        // wrong with what was given, `-1` as `-- -1`.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The request's id (pacer request list).", valueName: "id")) var idText: [String] = []
        var id: Int64 { (try? RequestIDArgument.id(idText)) ?? 0 }

        func validate() throws {
            try RepeatedOptions.refuse(["--by", "--reason", "--date"])
            try date.refuseAfterToday()
            _ = try RequestIDArgument.id(idText)
            if StudentRequest.Asker(by) == nil { throw ValidationError("--by is scheduler, teacher:ID or family:STUDENT, got '\(by)'") }
        }
        @Option(help: "Who cancels: scheduler (default, any request), teacher:ID or family:STUDENT (their own).") var by = "scheduler"
        @Option(help: "Why, shown with the request (one line, at most 500 characters).") var reason = ""
        @OptionGroup var date: DateOption

        func run() throws {
            let loaded = try loadScenario(scenario)
            guard let asker = StudentRequest.Asker(by) else { return }
            if let problem = StudentRequest.askerProblem(asker, in: loaded) { throw CommandFailure("--by \(by): \(problem)") }
            do {
                let store = try StateStore.existing(for: loaded)
                try store.cancelRequest(id, by: asker, reason: reason,
                                        scenario: loaded, today: date.value)
                let line = try store.request(id).map { RequestText.line($0, loaded) } ?? ""
                print("request \(id) cancelled: \(line)")
            } catch let error as RequestError {
                throw CommandFailure(error.description)
            }
        }
    }
}

/// A request's id as a command reads it (`request cancel`): one whole number from 1, given as
/// text so that `-1` and `0` get the same refusal as `-- -1`, instead of ArgumentParser's
/// "Missing expected argument" for what it took for an option.
enum RequestIDArgument {
    /// `words` are the command's inputs ArgumentParser did not recognize, as typed (the id, `-1`,
    /// a `--` terminator, a mistyped option); a dash-prefixed word that is no number is an
    /// unknown option, said as ArgumentParser says it.
    static func id(_ words: [String]) throws -> Int64 {
        // After a `--` terminator nothing is an option.
        let terminator = words.firstIndex(of: "--")
        let before = terminator.map { Array(words[..<$0]) } ?? words
        let given = before + (terminator.map { Array(words[($0 + 1)...]) } ?? [])
        if let option = before.first(where: { $0.hasPrefix("-") && Int64($0) == nil && $0 != "-" }) {
            throw ValidationError("unknown option '\(option)'")
        }
        guard let text = given.first else { throw ValidationError("give the request's id; pacer request list shows them") }
        guard given.count == 1 else { throw ValidationError("give one request id, got \(given.count): \(given.joined(separator: " "))") }
        guard let id = Int64(text), id >= 1 else { throw ValidationError("request ids are whole numbers from 1; pacer request list shows them") }
        return id
    }
}
