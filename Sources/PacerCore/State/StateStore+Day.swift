import Foundation
import GRDB

public enum StateError: Error, CustomStringConvertible, Equatable {
    case noPublishedWeek(String)
    case unreadablePlan(Int64)
    case notASchoolDay(String)
    case notAWeekStart(String)
    case contradiction(String)
    case unknownCheck(Int64)
    /// A check withdrawn (on that date) that was to be corrected.
    case withdrawnCheck(Int64, on: String)
    case beforeRecords(String)
    /// No state beside the scenario (the folder holding its scenario.yaml).
    case noState(String)
    /// Another process held the state's write lock (at this path) longer than this one waits.
    case busy(String)
    /// A state file (or a backup of one) that failed `StateFileCheck`; nothing was written to it.
    case badStateFile(path: String, problem: StateFileCheck.Problem)
    /// A file named as a backup to restore that failed `StateFileCheck`.
    case badBackup(path: String, problem: StateFileCheck.Problem)
    /// A backup of the state cannot be written there.
    case cannotWrite(String, reason: String)
    /// A file already holds the backup's name (backups are never overwritten).
    case backupExists(String)
    /// The backup to restore is the state file itself.
    case restoreFromItself(String)
    /// The backup to restore has a non-empty -wal beside it: a state in use, not a backup.
    case backupInUse(String)
    /// Another process (pacer serve, pacer record) has the state open, so it cannot be replaced.
    case stateInUse(String)
    /// Restoring stopped part way, with what was done.
    case cannotRestore(String, reason: String)
    /// `--history-from` after the term's first date.
    case historyAfterTermStart(historyFrom: SchoolDate, termStart: SchoolDate)
    /// A date outside the scenario's term (`calendar.term`), in words.
    case outsideTerm(String)
    /// An absence or a closure dated out of the plans' reach (`SchoolCalendar.recordDateProblem`), in words.
    case outOfReach(String)
    /// The school is closed all day on the date: the closure.
    case closed(Closure)
    /// Every flex block of the week is closed (a holiday week), in words.
    case weekClosed(String)

    public var description: String {
        switch self {
        case let .noPublishedWeek(date): return "no published week plan covers \(date); run pacer publish first"
        case let .unreadablePlan(id): return "published plan \(id) cannot be read back"
        case let .notASchoolDay(text): return text
        case let .notAWeekStart(text): return "--week-of " + text
        case let .contradiction(text): return text + "; nothing of the file was recorded"
        case let .beforeRecords(text): return text
        case let .noState(folder): return "no state database yet; run pacer init \(folder) first"
        case let .busy(path): return "\(path) is busy: another command is writing to it; nothing was changed, try again in a moment"
        case let .unknownCheck(id): return "no check \(id); pacer status --student ID lists a student's checks with their ids"
        case let .withdrawnCheck(id, on):
            return "check \(id) was withdrawn on \(on), so it cannot be corrected; record the check again if it was right"
        case let .badStateFile(path, problem):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().relativePath
            switch problem {
            case .newerSchema:
                return "\(path) \(problem); nothing was written to it. Use the newer pacer that made it (upgrade pacer)"
            case .unreadable:
                return "\(path) \(problem); nothing was written to it. Check the file's permissions, and that no other program holds it"
            case .empty, .notSQLite, .damaged, .notAPacerState:
                return "\(path) \(problem); nothing was written to it. Restore the latest backup with pacer restore \(folder) BACKUP "
                    + "(the backups are the pacer-state-*.sqlite files pacer backup wrote; pacer backup --check FILE shows what one holds); "
                    + "restore keeps this file aside for inspection"
            }
        case let .badBackup(path, problem):
            return "\(path) \(problem), so it cannot be restored; nothing was changed. pacer backup --check FILE checks another backup"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .backupExists(path): return "\(path) is already there and pacer backup never overwrites a file; wait a second, or choose another --out"
        case let .restoreFromItself(path): return "\(path) is the scenario's state itself; name a backup that pacer backup wrote"
        case let .backupInUse(path):
            return "\(path) has a -wal file beside it that holds changes the file lacks: it is a state in use, not a backup. "
                + "Make a backup of it with pacer backup, and restore that; nothing was changed"
        case let .cannotRestore(path, reason): return "cannot restore \(path): \(reason)"
        case let .stateInUse(path):
            return "\(path) is open in another process (pacer serve, or a command still running); stop it, then restore. Nothing was changed"
        case let .outsideTerm(text): return text + "; Pacer plans only the term's dates (calendar.term in scenario.yaml)"
        case let .outOfReach(text): return text + "; nothing was recorded"
        case let .weekClosed(text): return text + "; plan the next week the school is open"
        case let .closed(closure):
            let undo = closure.source == .scenario ? "a holiday of calendar.holidays in scenario.yaml"
                : "pacer closed SCENARIO \(closure.date) --reopen undoes a closure recorded by mistake"
            return "\(closure.text): the school is closed all day, so there is nothing to plan (\(undo))"
        case let .historyAfterTermStart(historyFrom, termStart):
            return "--history-from \(historyFrom) is after the term's first date (\(termStart)); give a date on or before it"
        }
    }
}

extension StateStore {
    /// What regrouping `date` starts from, read from the state: each student's current objective
    /// from the history, the workshops they received this week and those the published week still
    /// holds for them on later days, when they moved on, the days they have waited, the absences;
    /// `PlanningContext.day` decides from them who wants a workshop today. The sessions published
    /// for the day come with it (a published day plan replaces the week's). Someone off the
    /// roster on the date is not in it (a student) or away all day (a teacher): `Scenario.onRoster`.
    public func dayContext(_ scenario: Scenario, date: SchoolDate) throws -> PlanningContext {
        try read { db in try dayContext(db, scenario: scenario, date: date) }
    }

    /// `dayContext(_:date:)` read inside the caller's transaction.
    /// With `requestsAsOf`, the requests live at that event of their sequence (a regrouped day's
    /// mark), else those live now.
    func dayContext(_ db: Database, scenario: Scenario, date: SchoolDate, requestsAsOf: Int64? = nil) throws -> PlanningContext {
        if let problem = scenario.calendar.schoolDayProblem(date) { throw StateError.notASchoolDay(problem) }
        if let problem = scenario.calendar.term?.problem(date) { throw StateError.outsideTerm(problem) }
        let closedDates = try Self.closedDates(db, scenario: scenario)
        if let closure = closedDates.wholeDay(date) { throw StateError.closed(closure) }
        let weeks = try Row.fetchAll(db, sql: "SELECT id, first_date FROM plan WHERE kind = 'week' AND first_date <= ? ORDER BY first_date DESC, id DESC", arguments: [date.text])
        let days = scenario.calendar.days
        guard let week = weeks.first(where: { SchoolDate($0["first_date"]).map { scenario.calendar.day(on: date, weekOf: $0) != nil } ?? false }),
              let weekOf = SchoolDate(week["first_date"]), let day = scenario.calendar.day(on: date, weekOf: weekOf)
        else { throw StateError.noPublishedWeek(date.text) }
        let dayPlanID = try Int64.fetchOne(db, sql: "SELECT id FROM plan WHERE kind = 'day' AND first_date = ? ORDER BY id DESC LIMIT 1", arguments: [date.text])
        guard let weekPlan = try publishedPlan(db, week["id"]), let plan = try dayPlanID.map({ try publishedPlan(db, $0) }) ?? weekPlan
        else { throw StateError.unreadablePlan(dayPlanID ?? week["id"]) }
        // Workshops the published week still holds for each student later this week, by date.
        let later = Dictionary(uniqueKeysWithValues: days.filter { $0.index > day.index }.map { ($0.id, scenario.calendar.date(of: $0, weekOf: weekOf)) })
        var plannedLater: [StudentObjective: [SchoolDate]] = [:]
        for session in weekPlan.sessions {
            guard let when = later[session.day] else { continue }
            for student in session.students { plannedLater[StudentObjective(student, session.objective), default: []].append(when) }
        }
        let (onRoster, away) = scenario.withRoster(try Self.roster(db)).onRoster(dates: [(date, day)])
        let progress = try TermProgress(db, history: try history(db, scenario: onRoster), scenario: onRoster, before: date, weekOf: weekOf)
        let present = Set(onRoster.students.map(\.id))
        // The day's closed periods are not planned: the day is planned in its open blocks only.
        let closed = closedDates.closedBlocks([(date, day)], calendar: scenario.calendar)
        let goals = try Self.requestGoals(db, scenario: scenario, current: progress.current, dates: [(date, day.id)], asOf: requestsAsOf)
        var context = PlanningContext.day(
            onRoster.closing(closed), day, on: date, current: progress.current.filter { present.contains($0.key) },
            absences: try Self.absentBlocks(db, scenario: scenario, dates: [(date, day)]).merged(with: away),
            received: progress.receivedThisWeek, plannedLater: plannedLater, movedOn: progress.movedOn,
            waited: { progress.waited($0, until: date) }, behind: progress.weeksBehind, asked: goals)
        context.published = plan.sessions.filter { $0.day == day.id && closed[$0.block] == nil }
        context.publishedStudy = plan.study.map { $0.filter { $0.day == day.id && closed[$0.block] == nil } }
        context.closedPublished = plan.sessions.filter { $0.day == day.id && closed[$0.block] != nil }
        context.closedPublishedStudy = (plan.study ?? []).filter { $0.day == day.id && closed[$0.block] != nil }
        return context
    }

    /// What planning the week whose first day falls on `weekOf` starts from, when the scenario has
    /// a state: each student's current objective from the history (not students.csv, which is where
    /// the term started), the days they have waited since their last workshop on it and the weeks
    /// they are behind the target pace, per subject, and the absences recorded for the week's dates.
    /// Each student wants their objective's weekly count. The roster decides who is in it
    /// (`Scenario.onRoster`): a student who left before the week is not, one who leaves or joins
    /// during it is away on the days they are not on the roster, likewise a teacher.
    public func weekContext(_ scenario: Scenario, weekOf: SchoolDate) throws -> PlanningContext {
        try read { db in try weekContext(db, scenario: scenario, weekOf: weekOf) }
    }

    /// `weekContext(_:weekOf:)` read inside the caller's transaction.
    /// With `asOf`, the state as it stood when a plan with that mark was made: the checks and
    /// absences recorded up to it (a check withdrawn since stays withdrawn).
    func weekContext(_ db: Database, scenario: Scenario, weekOf: SchoolDate, asOf mark: PlanStateMark? = nil) throws -> PlanningContext {
        if let problem = scenario.calendar.weekStartProblem(weekOf) { throw StateError.notAWeekStart(problem) }
        let dates = scenario.calendar.dates(weekOf: weekOf)
        let days = dates.map { ($0.date, $0.day) }
        // A plan made before roster changes were kept was made from none of them.
        let (onRoster, away) = scenario.withRoster(try Self.roster(db, upTo: mark.map { $0.lastRoster ?? 0 })).onRoster(dates: days)
        let progress = try TermProgress(db, history: try history(db, scenario: onRoster, checksUpTo: mark?.lastCheck), scenario: onRoster, before: weekOf, weekOf: weekOf)
        // Closed dates and blocks (holidays, closures recorded up to the mark, days outside the
        // term) leave the week's calendar: nothing is planned in them, study included.
        let open = onRoster.closingWeek(of: weekOf, try Self.closedDates(db, scenario: scenario, upTo: mark.map { $0.lastClosure ?? 0 }))
        switch scenario.closedWeekProblem(weekOf: weekOf, open: open) {
        case let .outsideTerm(problem)?: throw StateError.outsideTerm(problem)
        case let .allClosed(problem)?: throw StateError.weekClosed(problem)
        case nil: break
        }
        let absent = try Self.absentBlocks(db, scenario: open, dates: days, upTo: mark?.lastAbsence).merged(with: away)
        var waited: [StudentID: [SubjectID: Int]] = [:]
        for (student, subjects) in progress.current {
            for (subject, objective) in subjects { waited[student, default: [:]][subject] = progress.waited(StudentObjective(student, objective), until: weekOf) }
        }
        var context = PlanningContext(scenario: open.withState(current: progress.current, absences: absent), waitedDays: waited,
                                      weeksBehind: progress.weeksBehind)
        // The requests live when the plan was made (none for a plan made before they were kept).
        // A request for a closed date asks nothing of this week's plan: its days are the open ones.
        let openDays = Set(open.calendar.days.map(\.id))
        context.requestGoals = context.meetable(try Self.requestGoals(db, scenario: scenario, current: progress.current,
                                                                dates: dates.filter { openDays.contains($0.day.id) }.map { ($0.date, $0.day.id) },
                                                                asOf: mark.map { $0.lastRequest ?? 0 }))
        return context
    }
}

/// Where the term stands before a date, from the state: each student's current objective per
/// subject, when they started it, their last workshop on each objective, what they received
/// since the week began, per student and objective, and how far behind the target pace they are
/// in each subject.
struct TermProgress {
    var current: [StudentID: [SubjectID: ObjectiveID]] = [:]
    var started: [StudentObjective: SchoolDate] = [:]
    var lastWorkshop: [StudentObjective: SchoolDate] = [:]
    var receivedThisWeek: [StudentObjective: Int] = [:]
    /// When each student moved on to each objective by a mastery check (the term's starting
    /// objectives are not in it).
    var movedOn: [StudentObjective: SchoolDate] = [:]
    /// Whole weeks each student is behind the target pace in each subject they are on, as of the
    /// date (`Need.weeksBehind`): the weeks since the term's first day against the objectives
    /// mastered in the subject since then (the mastery checks that moved them on), the target
    /// shared over the subjects the state has them in.
    var weeksBehind: [StudentID: [SubjectID: Int]] = [:]

    init(_ db: Database, history: ProgressHistory, scenario: Scenario, before date: SchoolDate, weekOf: SchoolDate) throws {
        let termStart = try StateStore.term(db)?.startedOn
        var mastered: [StudentSubject: Int] = [:], subjectsTaken: [StudentID: Int] = [:]
        for (key, track) in history.tracks {
            subjectsTaken[key.student, default: 0] += 1
            for advance in track.advances where advance.date < date {
                if let to = advance.to { movedOn[StudentObjective(key.student, to)] = advance.date }
                if let termStart, advance.date >= termStart { mastered[key, default: 0] += 1 }
            }
        }
        for standing in history.standings {
            guard let objective = standing.objective else { continue }
            current[standing.student, default: [:]][standing.subject] = objective
            started[StudentObjective(standing.student, objective)] = standing.startedOn
            if let termStart {
                // A student who joined during the term is held to the pace from the day they joined.
                let key = StudentSubject(standing.student, standing.subject)
                let since = max(termStart, history.tracks[key]?.entries.map(\.startedOn).min() ?? termStart)
                weeksBehind[standing.student, default: [:]][standing.subject] = Need.weeksBehind(
                    weeksElapsed: Double(max(0, since.days(to: date))) / 7, mastered: mastered[StudentSubject(standing.student, standing.subject)] ?? 0,
                    subjects: subjectsTaken[standing.student] ?? 0, targetPace: scenario.forecast.targetPace)
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT student, objective, date FROM attendance WHERE date < ?", arguments: [date.text]) {
            let key = StudentObjective(StudentID(rawValue: row["student"]), ObjectiveID(rawValue: row["objective"]))
            guard let when = SchoolDate(row["date"]) else { continue }
            if when >= weekOf { receivedThisWeek[key, default: 0] += 1 }
            if lastWorkshop[key].map({ when > $0 }) ?? true { lastWorkshop[key] = when }
        }
    }

    /// Days from the later of starting the objective and its last workshop, to `date`.
    func waited(_ key: StudentObjective, until date: SchoolDate) -> Int {
        // Nothing waited before a start after `date` (a student joining later in the week).
        max(0, (lastWorkshop[key].map { max($0, started[key] ?? $0) } ?? started[key] ?? date).days(to: date))
    }
}

extension StateStore {
    /// Counts one more regroup of `date` and returns the count (1 for the first): the day plan's
    /// revision, which calendars take as SEQUENCE so that each regroup replaces the one before.
    public func nextRevision(of date: SchoolDate) throws -> Int {
        try write { db in
            try db.execute(sql: """
                INSERT INTO day_revision (date, revision) VALUES (?, 1)
                ON CONFLICT (date) DO UPDATE SET revision = revision + 1
                """, arguments: [date.text])
            return try Int.fetchOne(db, sql: "SELECT revision FROM day_revision WHERE date = ?", arguments: [date.text]) ?? 1
        }
    }
}
