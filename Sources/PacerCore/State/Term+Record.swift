import Foundation
import GRDB

extension Term {
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
    /// in date order, moves its student along their progression: a student who mastered their
    /// current objective goes to the next objective whose prerequisites are all mastered, skipping
    /// objectives already shown mastered ahead of time. A check seen before (same date, student,
    /// objective, result) is not applied again; one that was withdrawn is reinstated. A check that
    /// contradicts a recorded one (the other result for the same student, objective and day) stops
    /// the whole call. A check dated before checks already recorded for the student's subject
    /// replays that subject's history in date order, once per student and subject however many of
    /// the checks are back-dated.
    public func record(_ checks: [MasteryCheck], source: String, today: SchoolDate) throws -> StateStore.RecordReport {
        let ordered = checks.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        let known = Set(scenario.students.map(\.id))
        let now = ISO8601DateFormatter().string(from: Date())
        return try store.write { db in
            let dates = try StateStore.term(db)
            let problems = ordered.compactMap { check in
                check.problem(in: scenario, known: known, today: today, term: dates).map { RecordRefusal.Problem(check: check, reason: $0) }
            }
            guard problems.isEmpty else { throw RecordRefusal(problems: problems) }
            _ = try StateStore.seed(scenario, on: ordered.first?.date ?? today, db)
            var report = StateStore.RecordReport()
            var replays = StateStore.PendingReplays()
            for check in ordered {
                try StateStore.record(check, db: db, scenario: scenario, source: source, at: now, report: &report, replays: &replays)
            }
            try replays.run(db: db, scenario: scenario, report: &report)
            return report
        }
    }

    /// Withdraws the checks with these ids (a wrong date, the wrong student) in one transaction:
    /// each is kept, marked withdrawn, and the student's history in that subject is replayed from
    /// the checks that remain. Unknown ids stop the whole call.
    public func withdraw(_ ids: [Int64]) throws -> StateStore.RecordReport {
        let now = ISO8601DateFormatter().string(from: Date())
        return try store.write { db in
            var report = StateStore.RecordReport()
            var replays = StateStore.PendingReplays()
            for id in ids { try StateStore.withdraw(id, db: db, scenario: scenario, at: now, report: &report, replays: &replays) }
            try replays.run(db: db, scenario: scenario, report: &report)
            return report
        }
    }

    /// Corrects a check's result or note in one transaction: the check is withdrawn and the
    /// corrected one (same date, student and objective) recorded in its place, so a failure leaves
    /// the state as it was.
    public func correct(_ id: Int64, result: MasteryCheck.Result, note: String, source: String) throws -> StateStore.RecordReport {
        let now = ISO8601DateFormatter().string(from: Date())
        return try store.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT date, student, objective FROM mastery_check WHERE id = ? AND withdrawn_at IS NULL"), arguments: [id]),
                  let date = SchoolDate(row["date"]) else {
                throw StateError.unknownCheck(id)
            }
            var report = StateStore.RecordReport()
            var replays = StateStore.PendingReplays()
            try StateStore.withdraw(id, db: db, scenario: scenario, at: now, report: &report, replays: &replays)
            let check = MasteryCheck(date: date, student: StudentID(rawValue: row["student"]), objective: ObjectiveID(rawValue: row["objective"]),
                                     result: result, note: note, source: source)
            try StateStore.record(check, db: db, scenario: scenario, source: source, at: now, report: &report, replays: &replays)
            try replays.run(db: db, scenario: scenario, report: &report)
            return report
        }
    }

    /// Starts the history of every student and subject that has none yet, at the current objective
    /// the scenario's students.csv gives, on `date`; the objectives before it count as mastered
    /// before the records began. Returns how many students' subjects were added; running it again
    /// adds nothing.
    @discardableResult
    public func seed(on date: SchoolDate) throws -> Int {
        try store.write { db in try StateStore.seed(scenario, on: date, db) }
    }
}
