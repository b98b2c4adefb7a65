import Foundation
import GRDB

extension StateStore {
    /// What recording a checks file did.
    public struct RecordReport: Sendable {
        public var recorded = 0
        /// Checks recorded before, the note included, or re-sent without a note.
        public var duplicates = 0
        /// Checks recorded before, re-sent with another note, which now replaces the old one.
        public var notesUpdated = 0
        public var advances = 0
        /// One line per check worth telling, in the order applied.
        public var lines: [String] = []

        /// "3 check(s) recorded, 1 already known, 2 student(s) moved on", with the notes updated when any were.
        public var summary: String {
            "\(recorded) check(s) recorded, \(duplicates) already known, \(advances) student(s) moved on"
                + (notesUpdated > 0 ? ", \(notesUpdated) note(s) updated" : "")
        }
    }

    /// Records one check inside the caller's transaction (see `Term.record`). A
    /// check recorded before and re-sent with another, non-empty note changes nothing but its
    /// note (and where and when that came from), and says so; an empty note leaves the old one. A
    /// check dated before others of the student's subject, or one of a subject already waiting for
    /// its replay, is left to `replays`, which the caller runs once at the end of its transaction.
    static func record(_ check: MasteryCheck, db: Database, scenario: Scenario, source: String, at now: String,
                       report: inout RecordReport, replays: inout PendingReplays) throws {
        if let other = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, result, source FROM mastery_check
            WHERE date = ? AND student = ? AND objective = ? AND result <> ? AND withdrawn_at IS NULL
            """), arguments: [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue]) {
            throw StateError.contradiction(
                "\(check.location): \(check.student) \(check.result.rawValue) on \(check.objective) \(check.date) contradicts check \(other["id"] as Int64) (\(other["result"] as String), from \(other["source"] as String)); withdraw one with pacer record --withdraw ID")
        }
        try db.cachedStatement(sql: """
            INSERT INTO mastery_check (date, student, objective, result, note, source, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (date, student, objective, result) DO UPDATE
                SET withdrawn_at = NULL, note = excluded.note, source = excluded.source, recorded_at = excluded.recorded_at
                WHERE withdrawn_at IS NOT NULL
            """).execute(arguments: [check.date.text, check.student.rawValue, check.objective.rawValue,
                             check.result.rawValue, check.note, source, now])
        guard db.changesCount == 1 else {
            // Sent before: only another, non-empty note changes anything.
            var updated = false
            if !check.note.isEmpty {
                try db.cachedStatement(sql: """
                    UPDATE mastery_check SET note = ?, source = ?, recorded_at = ?
                    WHERE date = ? AND student = ? AND objective = ? AND result = ? AND withdrawn_at IS NULL AND note <> ?
                    """).execute(arguments: [check.note, source, now, check.date.text, check.student.rawValue, check.objective.rawValue,
                                     check.result.rawValue, check.note])
                updated = db.changesCount == 1
            }
            guard updated, let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM mastery_check WHERE date = ? AND student = ? AND objective = ? AND result = ?"),
                                                        arguments: [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue])
            else {
                report.duplicates += 1
                return
            }
            report.notesUpdated += 1
            report.lines.append("\(check.student) \(check.date) [check \(id)]: \(check.objective) \(check.result.rawValue) recorded before; note updated")
            return
        }
        report.recorded += 1
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM mastery_check WHERE date = ? AND student = ? AND objective = ? AND result = ?"),
                                          arguments: [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue]),
              let subject = scenario.objective(check.objective).flatMap({ o in scenario.subjects.first { $0.id == o.subject } })
        else { return }
        if replays.contains(check.student, subject) {
            // The replay applies it with the rest of the subject's history.
        } else if try Self.hasLaterChecks(than: check, id: id, subject: subject, db: db) {
            replays.add(check.student, subject, because: "check \(id) is dated before others")
        } else {
            try Self.apply(check, id: id, db: db, scenario: scenario, report: &report)
        }
    }

    /// Whether the student has a standing check in the subject dated after `check`.
    static func hasLaterChecks(than check: MasteryCheck, id: Int64, subject: Subject, db: Database) throws -> Bool {
        let objectives = Set(subject.objectives.map(\.id.rawValue))
        return try String.fetchAll(db.cachedStatement(sql: """
            SELECT objective FROM mastery_check WHERE student = ? AND withdrawn_at IS NULL AND (date > ? OR (date = ? AND id > ?))
            """), arguments: [check.student.rawValue, check.date.text, check.date.text, id]).contains(where: objectives.contains)
    }

    static func apply(_ check: MasteryCheck, id: Int64, db: Database, scenario: Scenario, report: inout RecordReport) throws {
        guard let objective = scenario.objective(check.objective),
              let subject = scenario.subjects.first(where: { $0.id == objective.subject }) else { return }
        let who = "\(check.student) \(check.date) [check \(id)]"
        let current = try String.fetchOne(db.cachedStatement(sql: """
            SELECT objective FROM objective_history WHERE student = ? AND subject = ? AND mastered_on IS NULL
            """), arguments: [check.student.rawValue, subject.id.rawValue]).map { ObjectiveID(rawValue: $0) }
        let masteredInHistory = Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT objective FROM objective_history WHERE student = ? AND subject = ? AND mastered_on IS NOT NULL
            """), arguments: [check.student.rawValue, subject.id.rawValue]).map { ObjectiveID(rawValue: $0) })
        guard check.result == .mastered else {
            if current == check.objective {
                report.lines.append("\(who): \(check.objective) not yet mastered; stays on it")
            } else {
                report.lines.append("\(who): not-yet on \(check.objective) recorded as evidence (current: \(current?.rawValue ?? "none"))")
            }
            return
        }
        guard current == check.objective else {
            if masteredInHistory.contains(check.objective) {
                report.lines.append("\(who): \(check.objective) was already mastered; recorded as evidence")
            } else if let current {
                report.lines.append("\(who): mastery of \(check.objective) shown ahead of the progression (current: \(current)); kept as evidence, skipped when the student gets there")
            } else {
                report.lines.append("\(who): \(check.objective) recorded; the student has no current objective in \(subject.id)")
            }
            return
        }
        try db.cachedStatement(sql: "UPDATE objective_history SET mastered_on = ? WHERE student = ? AND subject = ? AND objective = ?").execute(arguments: [check.date.text, check.student.rawValue, subject.id.rawValue, check.objective.rawValue])
        var mastered = masteredInHistory.union([check.objective])
        // Mastery shown ahead of time by standing checks up to this one (a replay sees the same).
        let shownAhead = Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT objective FROM mastery_check WHERE student = ? AND result = 'mastered' AND withdrawn_at IS NULL
            AND (date < ? OR (date = ? AND id <= ?))
            """), arguments: [check.student.rawValue, check.date.text, check.date.text, id]).map { ObjectiveID(rawValue: $0) })
        let from = check.objective
        var explanation = "mastered \(check.objective)"
        while true {
            guard let next = Progression.next(in: subject, mastered: mastered) else {
                try insertAdvance(db, check, id: id, subject: subject.id, from: from, to: nil, explanation: explanation + "; progression complete")
                report.lines.append("\(who): \(explanation); \(subject.id) progression complete")
                report.advances += 1
                return
            }
            if shownAhead.contains(next) {
                // Mastery was shown ahead of time: pass over it, keeping the record.
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO objective_history (student, subject, objective, started_on, mastered_on) VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [check.student.rawValue, subject.id.rawValue, next.rawValue, check.date.text, check.date.text])
                mastered.insert(next)
                explanation += ", skipped \(next) (mastery shown earlier)"
                continue
            }
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO objective_history (student, subject, objective, started_on, mastered_on) VALUES (?, ?, ?, ?, NULL)
                """).execute(arguments: [check.student.rawValue, subject.id.rawValue, next.rawValue, check.date.text])
            try insertAdvance(db, check, id: id, subject: subject.id, from: from, to: next, explanation: explanation + "; now on \(next)")
            report.lines.append("\(who): \(explanation); now on \(next)")
            report.advances += 1
            return
        }
    }

    private static func insertAdvance(_ db: Database, _ check: MasteryCheck, id: Int64, subject: SubjectID, from: ObjectiveID, to: ObjectiveID?, explanation: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO advance (check_id, date, student, subject, from_objective, to_objective, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, check.date.text, check.student.rawValue, subject.rawValue, from.rawValue, to?.rawValue, explanation])
    }

    /// Counts, for tests and reports.
    public func count(_ table: String) throws -> Int {
        let allowed = ["objective_history", "mastery_check", "advance", "plan", "attendance", "absence"]
        guard allowed.contains(table) else { return 0 }
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
