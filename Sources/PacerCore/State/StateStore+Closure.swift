import Foundation
import GRDB

extension Closure {
    /// Why a closure decided mid-term (`pacer closed`) cannot be recorded for the scenario, or nil:
    /// its date must be a school day within the term, its periods the calendar's, its note given.
    public func problem(in scenario: Scenario) -> String? {
        if let problem = scenario.calendar.schoolDayProblem(date) { return problem }
        if let problem = scenario.calendar.term?.problem(date) { return problem }
        for period in periods where !scenario.calendar.periods.contains(where: { $0.id == period }) {
            return NearestNames.unknown("period", period.rawValue, among: scenario.calendar.periods.map(\.id.rawValue))
        }
        if note.trimmingCharacters(in: .whitespaces).isEmpty { return "say why the school is closed with --note (snow day, assembly)" }
        return nil
    }
}

extension StateStore {
    /// Records a closure decided mid-term (whole day, or its periods). A period already closed
    /// on that date keeps its first note. The attendance published for the closed periods is
    /// removed: nobody received those sessions. Returns how many rows were new (0 when all were known).
    @discardableResult
    public func recordClosure(_ closure: Closure, scenario: Scenario, today: SchoolDate = .today()) throws -> Int {
        let now = RecordedAt.now()
        return try write { db in
            // Within the plans' reach (`SchoolCalendar.recordDateProblem`), as an absence is.
            if let problem = scenario.calendar.recordDateProblem(closure.date, recordsFrom: try Self.term(db)?.historyFrom, today: today) {
                throw StateError.outOfReach("closure on \(closure.date): \(problem)")
            }
            var added = 0
            for period in closure.periods.isEmpty ? [""] : closure.periods.map(\.rawValue) {
                try db.execute(sql: """
                    INSERT INTO closure (date, period, note, recorded_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (date, period) DO NOTHING
                    """, arguments: [closure.date.text, period, closure.note, now])
                added += db.changesCount
            }
            for row in try Row.fetchAll(db, sql: "SELECT rowid, block FROM attendance WHERE date = ?", arguments: [closure.date.text]) {
                if let period = scenario.calendar.block(BlockID(rawValue: row["block"]))?.period, closure.covers(period) {
                    try db.execute(sql: "DELETE FROM attendance WHERE rowid = ?", arguments: [row["rowid"] as Int64])
                }
            }
            // The requests for the closed days are declined with it (`RequestObstacles`).
            if added > 0 { try settleRequests(db, scenario: scenario, today: nil) }
            return added
        }
    }

    /// Removes the closures recorded for `date` (a closure recorded by mistake): only those
    /// periods, or all of the date's without `periods`. Returns how many were removed. (The
    /// attendance the closure removed comes back when the date's plan is published again.)
    @discardableResult
    public func reopen(_ date: SchoolDate, periods: [PeriodID] = [], scenario: Scenario) throws -> Int {
        try write { db in
            var removed = 0
            if periods.isEmpty {
                try db.execute(sql: "DELETE FROM closure WHERE date = ?", arguments: [date.text])
                removed = db.changesCount
            } else {
                for p in periods {
                    try db.execute(sql: "DELETE FROM closure WHERE date = ? AND period = ?", arguments: [date.text, p.rawValue])
                    removed += db.changesCount
                }
            }
            // The requests it had declined ask again.
            if removed > 0 { try settleRequests(db, scenario: scenario, today: nil) }
            return removed
        }
    }

    /// The scenario's term and holidays with the closures recorded in the state.
    public func closedDates(_ scenario: Scenario) throws -> ClosedDates {
        try read { db in try Self.closedDates(db, scenario: scenario) }
    }

    /// `closedDates(_:)` inside the caller's transaction; with `upTo`, only the closures recorded
    /// up to that id (the state as a plan's mark has it).
    static func closedDates(_ db: Database, scenario: Scenario, upTo lastID: Int64? = nil) throws -> ClosedDates {
        ClosedDates(term: scenario.calendar.term, closures: scenario.calendar.holidays + (try recordedClosures(db, upTo: lastID)))
    }

    /// The closures recorded in the state, by date (periods of one date with one note together).
    static func recordedClosures(_ db: Database, upTo lastID: Int64? = nil) throws -> [Closure] {
        guard try db.tableExists("closure") else { return [] }
        var result: [Closure] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, date, period, note FROM closure WHERE id <= ? ORDER BY date, period", arguments: [lastID ?? Int64.max]) {
            guard let date = SchoolDate(row["date"]) else { continue }
            let period: String = row["period"], note: String = row["note"], id: Int64 = row["id"]
            if !period.isEmpty, let last = result.last, last.date == date, !last.periods.isEmpty, last.note == note {
                result[result.count - 1] = Closure(date: date, periods: last.periods + [PeriodID(rawValue: period)], note: note, source: last.source)
            } else {
                result.append(Closure(date: date, periods: period.isEmpty ? [] : [PeriodID(rawValue: period)], note: note, source: .state(id: id)))
            }
        }
        return result
    }

}

extension StateStore {
    /// What `pacer status --date` says of a date's closures: each closure with why, and the
    /// sessions of the plan in force it cancels (`2026-12-03 closed: snow day; 4 published
    /// sessions cancelled: Ms Okafor, Thu-F1 …`); outside the term, that. Empty for an open date.
    public func closureLines(_ scenario: Scenario, on date: SchoolDate) throws -> [String] {
        try read { db in
            if let problem = scenario.calendar.term?.problem(date) { return [problem + ": no school"] }
            let closures = try Self.closedDates(db, scenario: scenario).closures(on: date)
            guard !closures.isEmpty else { return [] }
            let sessions = try planInForce(db, scenario: scenario, on: date)?.sessions ?? []
            return closures.map { closure in
                let cancelled = sessions.filter { s in scenario.calendar.block(s.block).map { closure.covers($0.period) } ?? false }
                let names = cancelled.map { "\(scenario.teacherName($0.teacher)), \($0.block) (\(scenario.objectiveTitle($0.objective)))" }
                return closure.text + (cancelled.isEmpty ? "" : "; \(cancelled.count) published session\(cancelled.count == 1 ? "" : "s") cancelled: "
                                                                    + names.joined(separator: "; "))
            }
        }
    }
}
