import Foundation
import GRDB

extension Term {
    /// What recording checks, or withdrawing or correcting them, did.
    public struct RecordReport: Sendable {
        public var recorded = 0
        /// Checks recorded before, the note included, or re-sent without a note.
        public var duplicates = 0
        /// Checks recorded before, re-sent with another note, which now replaces the old one.
        public var notesUpdated = 0
        public var advances = 0
        /// Checks withdrawn before and sent again, left withdrawn (`record(_:source:today:again:)`).
        public var keptWithdrawn: [Int64] = []
        /// Checks withdrawn because their gradebook result was withdrawn at the source.
        public var withdrawn = 0
        /// Gradebook results withdrawn at the source that no standing check came from.
        public var resultsWithoutCheck = 0
        /// One line per check worth telling, in the order applied.
        public var lines: [String] = []

        /// "3 check(s) recorded, 1 already known, 2 student(s) moved on", with the notes updated when any were.
        public var summary: String {
            "\(recorded) check(s) recorded, \(duplicates) already known, \(advances) student(s) moved on"
                + (notesUpdated > 0 ? ", \(notesUpdated) note(s) updated" : "")
                + (keptWithdrawn.isEmpty ? "" : ", \(keptWithdrawn.count) withdrawn check(s) left withdrawn")
                + (withdrawn > 0 ? ", \(withdrawn) check(s) withdrawn with their gradebook result" : "")
                + (resultsWithoutCheck > 0 ? ", \(resultsWithoutCheck) deleted result(s) had given no check" : "")
        }
    }

    /// Checks the term cannot take, each with why; nothing of them was recorded.
    public struct RecordRefusal: Error, Equatable, CustomStringConvertible {
        public struct Problem: Equatable, Sendable {
            public let check: MasteryCheck
            public let reason: String
        }

        public let problems: [Problem]

        /// One line per check: where it came from, and why.
        public var description: String {
            problems.map { "\($0.check.location): \($0.reason)" }.joined(separator: "\n")
        }
    }

    /// Reads a checks file for this term (`MasteryChecksFile.read`): each row held to the rules
    /// `record` holds a check to, with the term's first date for checks and `today`.
    public func readChecks(_ path: String, today: SchoolDate) throws -> (checks: [MasteryCheck], diagnostics: [Diagnostic]) {
        MasteryChecksFile.read(path, scenario: scenario, today: today, term: try store.term())
    }

    /// Reads an uploaded checks file (its bytes, named `file` in the diagnostics) as `readChecks` reads a file.
    public func readChecks(bytes: [UInt8], file: String, today: SchoolDate) throws -> (checks: [MasteryCheck], diagnostics: [Diagnostic]) {
        MasteryChecksFile.parse(bytes: bytes, file: file, scenario: scenario, today: today, term: try store.term())
    }

    /// Why `check` cannot be recorded in this term on `today` (`MasteryCheck.problem` with the
    /// term's dates), or nil: what `record` would refuse it for.
    public func problem(of check: MasteryCheck, today: SchoolDate) throws -> String? {
        check.problem(in: scenario, today: today, term: try store.term())
    }

    /// Records `checks` on `today` in one transaction. Each is held first to the rules of a check
    /// (`MasteryCheck.problem`: a school day from the term's first date for checks to `today`, a
    /// student and an objective of the scenario, a note people may type), against the term as it
    /// is in that transaction: any problem refuses them all with `RecordRefusal`. Students new to
    /// the state then start their history, on the earliest check's date (`seed`). Then each check,
    /// in date order, is stored once and moves its student along their progression
    /// (`ProgressHistory`): a check seen before (same date, student, objective, result) is not
    /// applied again, and one that was withdrawn stays withdrawn (a teacher sending a sheet again
    /// does not undo the scheduler's correction) and is reported, unless `again` asks to record
    /// such checks again on purpose. A check that contradicts a recorded
    /// one (the other result for the same student, objective and day) stops the whole call. A
    /// check dated before others of the student's subject has that subject's history derived
    /// again, once per student and subject however many of the checks are back-dated.
    ///
    /// `withdrawingResults` are gradebook results withdrawn at the source (OneRoster's
    /// `tobedeleted`): their checks are withdrawn first, in the same transaction. A check from a
    /// gradebook result replaces the standing check of the same result and objective when the
    /// result has changed (another date or result): the gradebook's correction.
    ///
    /// `presentResults` are the gradebook results the export holds (withdrawn ones aside): each
    /// takes back, after the checks are recorded, the checks it gave before that it no longer gives
    /// (re-graded below fully graded, moved to another objective or student), as `withdrawingResults` does.
    ///
    /// The requests are settled after it (`StateStore.settleRequests`) unless `settle` is false:
    /// the forecast settles once a day. A check still meets the check requests it answers.
    public func record(_ checks: [MasteryCheck], source: String, today: SchoolDate, again: Bool = false,
                       withdrawingResults: [String] = [], presentResults: [String] = [], settle: Bool = true) throws -> RecordReport {
        let ordered = checks.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        let known = Set(scenario.students.map(\.id))
        return try store.write { db in
            let dates = try StateStore.term(db)
            let problems = ordered.compactMap { check in
                check.problem(in: scenario, known: known, today: today, term: dates).map { RecordRefusal.Problem(check: check, reason: $0) }
            }
            guard problems.isEmpty else { throw RecordRefusal(problems: problems) }
            try Self.seed(scenario, on: ordered.first?.date ?? today, db)
            var recording = Recording(db: db, scenario: scenario)
            for result in withdrawingResults { try recording.withdraw(gradebookResult: result) }
            for check in ordered { try recording.record(check, source: source, again: again) }
            for result in presentResults { try recording.settle(gradebookResult: result) }
            let report = try recording.finish()
            if settle { try store.settleRequests(db, scenario: scenario, today: today) }
            return report
        }
    }

    /// Withdraws the checks with these ids (a wrong date, the wrong student) in one transaction:
    /// each is kept, marked withdrawn, and the student's history in that subject is derived again
    /// from the checks that remain. Unknown ids stop the whole call.
    public func withdraw(_ ids: [Int64]) throws -> RecordReport {
        try store.write { db in
            var recording = Recording(db: db, scenario: scenario)
            for id in ids { try recording.withdraw(id) }
            let report = try recording.finish()
            try store.settleRequests(db, scenario: scenario, today: nil)
            return report
        }
    }

    /// Corrects a check's result or note in one transaction: the check is withdrawn and the
    /// corrected one (same date, student and objective) recorded in its place, so a failure leaves
    /// the state as it was.
    public func correct(_ id: Int64, result: MasteryCheck.Result, note: String, source: String) throws -> RecordReport {
        try store.write { db in
            guard let stored = try StateStore.check(id, db) else { throw StateError.unknownCheck(id) }
            if let on = stored.withdrawnAt { throw StateError.withdrawnCheck(id, on: String(on.prefix(10))) }
            var recording = Recording(db: db, scenario: scenario)
            try recording.withdraw(id)
            try recording.record(MasteryCheck(date: stored.date, student: stored.student, objective: stored.objective,
                                              result: result, note: note, source: source), source: source, again: true)
            let report = try recording.finish()
            try store.settleRequests(db, scenario: scenario, today: nil)
            return report
        }
    }

    /// Starts the history of every student and subject that has none yet, at the current objective
    /// the scenario's students.csv gives, on `date`; the objectives before it count as mastered
    /// before the records began. Returns how many students' subjects were added; running it again
    /// adds nothing.
    @discardableResult
    public func seed(on date: SchoolDate) throws -> Int {
        try store.write { db in try Self.seed(scenario, on: date, db) }
    }

    @discardableResult
    static func seed(_ scenario: Scenario, on date: SchoolDate, _ db: Database) throws -> Int {
        let starts = scenario.students.flatMap { student in
            scenario.subjects.compactMap { subject in
                student.current[subject.id].map { StateStore.Start(student: student.id, subject: subject.id, objective: $0, on: date) }
            }
        }
        return try StateStore.addStarts(starts, db)
    }
}

/// One transaction's recording, withdrawing or correcting: each check stored as it comes and
/// applied to its student's history in memory, and the subjects whose history must be derived
/// again (a back-dated or withdrawn check) derived once each at the end.
struct Recording {
    let db: Database
    let scenario: Scenario
    /// When this transaction records, as `recorded_at` and `withdrawn_at` say.
    let at = RecordedAt.now()
    private var report = Term.RecordReport()
    /// Each student's history as this transaction has it, read before it first changed their checks.
    private var histories: [StudentID: ProgressHistory] = [:]
    /// The checks each gradebook result gives in this transaction.
    private var given: [String: Set<Int64>] = [:]
    /// The students' subjects to derive again, with why; each once, however many checks asked.
    private var rederive: [StudentSubject: [String]] = [:]

    init(db: Database, scenario: Scenario) {
        self.db = db
        self.scenario = scenario
    }

    /// The student's history, read from the state the first time.
    private mutating func history(of student: StudentID) throws -> ProgressHistory {
        if let known = histories[student] { return known }
        let history = try StateStore.derivedHistory(db, scenario: scenario, of: student)
        histories[student] = history
        return history
    }

    /// Stores one check and applies it, or leaves it to `finish` when it is dated before others of
    /// its student's subject (or the subject is waiting there already). A check recorded before and
    /// re-sent with another, non-empty note changes nothing but its note, and says so; one withdrawn
    /// before stays withdrawn, and says so, unless `again`.
    mutating func record(_ check: MasteryCheck, source: String, again: Bool = false) throws {
        // A row sent again after its check was withdrawn (or corrected) leaves the correction
        // standing; a gradebook result brings back a check only the gradebook had withdrawn.
        if !again, let (id, on) = try StateStore.withdrawnTwin(of: check, db),
           try !(check.gradebookResult != nil && StateStore.withdrawnByGradebook(id, db)) {
            report.keptWithdrawn.append(id)
            let name = scenario.students.first { $0.id == check.student }?.name ?? check.student.rawValue
            report.lines.append("\(check.location): check \(id) of \(check.date) (\(name), \(check.objective), \(check.result.rawValue)) was withdrawn on \(on.prefix(10)); not recorded again")
            return
        }
        if let result = check.gradebookResult {
            // The gradebook changed this result: its earlier check of the objective gives way,
            // unless another result still gives it.
            for (id, stored) in try StateStore.checks(ofGradebookResult: result, db)
            where stored.objective == check.objective && (stored.date != check.date || stored.result != check.result) {
                guard try StateStore.unlink(gradebookResult: result, from: id, db), !stored.withdrawn else { continue }
                report.lines.append("\(check.location): gradebook result \(result) changed; check \(id) (\(stored.date) \(stored.student) \(stored.objective) \(stored.result.rawValue)) gives way to it")
                try withdraw(id, byGradebook: true)
            }
        }
        if let other = try StateStore.contradicting(check, db) {
            let name = scenario.students.first { $0.id == check.student }?.name ?? check.student.rawValue
            throw StateError.contradiction(
                "\(check.location): \(name) (\(check.student)) \(check.result.rawValue) on \(check.objective) \(check.date) contradicts check \(other.id) "
                    + "(\(other.result.rawValue), from \(other.source)); the scheduler withdraws one first "
                    + "(Withdraw on the scheduler's portal page, or pacer record --withdraw \(other.id))")
        }
        var history = try history(of: check.student)
        let stored = try StateStore.store(check, source: source, at: at, db)
        if let result = check.gradebookResult, let id = try StateStore.checkID(of: check, db) {
            try StateStore.link(gradebookResult: result, to: id, db)
            given[result, default: []].insert(id)
        }
        switch stored {
        case .known:
            report.duplicates += 1
        case let .noteUpdated(id):
            report.notesUpdated += 1
            report.lines.append("\(check.student) \(check.date) [check \(id)]: \(check.objective) \(check.result.rawValue) recorded before; note updated")
        case let .new(id):
            report.recorded += 1
            // The check meets the requests for a check of this objective (docs/requests.md).
            for request in try StateStore.meetCheckRequests(student: check.student, objective: check.objective, on: check.date, check: id, db) {
                report.lines.append("\(check.student) \(check.date) [check \(id)]: meets request \(request) (\(RequestText.want(.check(check.objective), scenario)))")
            }
            guard let subject = history.subject(of: check.objective) else { return }
            let key = StudentSubject(check.student, subject.id)
            if rederive[key] != nil {
                // Derived again at the end with the rest of the subject's history.
            } else if try StateStore.hasLaterChecks(than: check, id: id, in: subject, db) {
                rederive[key] = ["check \(id) is dated before others"]
            } else if let applied = history.apply(StateStore.StandingCheck(id: id, check)) {
                histories[check.student] = history
                report.lines.append(applied.line)
                if applied.advanced { report.advances += 1 }
            }
        }
    }

    /// Marks one check withdrawn (`byGradebook`: because the gradebook deleted or changed the
    /// results that gave it); its student's subject is derived again at the end.
    mutating func withdraw(_ id: Int64, byGradebook: Bool = false) throws {
        guard let stored = try StateStore.check(id, db) else { throw StateError.unknownCheck(id) }
        let what = "check \(id) (\(stored.date) \(stored.student) \(stored.objective) \(stored.result.rawValue))"
        if stored.withdrawn {
            report.lines.append("\(what) was already withdrawn")
            return
        }
        let history = try history(of: stored.student)
        try StateStore.markWithdrawn(id, at: at, byGradebook: byGradebook, db)
        report.lines.append("\(what) withdrawn")
        // The requests it met ask again (docs/requests.md).
        for request in try StateStore.reopenCheckRequests(student: stored.student, objective: stored.objective, on: stored.date, check: id, db) {
            report.lines.append("\(what): request \(request) it met asks again")
        }
        guard let subject = history.subject(of: stored.objective) else { return }
        rederive[StudentSubject(stored.student, subject.id), default: []].append("check \(id) was withdrawn")
    }

    /// Unlinks the gradebook result `result` (withdrawn at the source) from its checks, and
    /// withdraws each that no other result gives and that a gradebook import made (a check a
    /// person recorded stands); a result that gave no check is reported and changes nothing.
    mutating func withdraw(gradebookResult result: String) throws {
        let checks = try StateStore.checks(ofGradebookResult: result, db)
        if checks.isEmpty {
            report.lines.append("gradebook result \(result) is withdrawn at the source; no check came from it")
            report.resultsWithoutCheck += 1
        }
        for (id, stored) in checks {
            guard try StateStore.unlink(gradebookResult: result, from: id, db), !stored.withdrawn else { continue }
            try withdraw(id, byGradebook: true)
            report.withdrawn += 1
        }
    }

    /// Takes back from the gradebook result `result` the checks it gave before and no longer gives
    /// in this transaction's export; each that no other result gives, and that a gradebook import
    /// made, is withdrawn.
    mutating func settle(gradebookResult result: String) throws {
        for (id, stored) in try StateStore.checks(ofGradebookResult: result, db) where !(given[result]?.contains(id) ?? false) {
            guard try StateStore.unlink(gradebookResult: result, from: id, db), !stored.withdrawn else { continue }
            report.lines.append("gradebook result \(result) no longer gives check \(id) (\(stored.date) \(stored.student) \(stored.objective) \(stored.result.rawValue))")
            try withdraw(id, byGradebook: true)
            report.withdrawn += 1
        }
    }

    /// Derives again each subject left for the end, in student and subject order, reports where
    /// its student stood before and stands now, and returns the report.
    mutating func finish() throws -> Term.RecordReport {
        var derived: [StudentID: ProgressHistory] = [:]
        for key in rederive.keys.sorted() {
            guard let why = rederive[key], let before = try history(of: key.student).track(key.student, key.subject), !before.entries.isEmpty
            else { continue }
            let history = try derived[key.student] ?? StateStore.derivedHistory(db, scenario: scenario, of: key.student)
            derived[key.student] = history
            let after = history.track(key.student, key.subject)
            report.advances += after?.advances.count ?? 0
            let because = why.count == 1 ? why[0] : "\(why[0]) and \(why.count - 1) more"
            let (was, now) = (before.current, after?.current)
            let head = "\(key.student) \(key.subject): history replayed (\(because)); "
            if was == now {
                report.lines.append(head + "still on \(now?.rawValue ?? "nothing: progression complete")")
            } else {
                report.lines.append(head + "now on \(now?.rawValue ?? "nothing: progression complete") (was \(was?.rawValue ?? "complete"))")
            }
        }
        return report
    }
}
