import Foundation
import GRDB

extension StateStore {
    /// Records `plan` as published for the week starting on `weekOf` (the date of the calendar's
    /// first day), or, for a regrouped day plan, for its own date: its sessions become the attendance
    /// of those dates (but for closed dates and periods), replacing what earlier publications said about the same dates. One
    /// transaction. Returns the plan's id. The requests are settled after it (`settleRequests`)
    /// unless `settle` is false: the forecast settles once a day, after the day's checks.
    @discardableResult
    public func publish(_ plan: WeekPlan, scenario: Scenario, weekOf: SchoolDate, settle: Bool = true) throws -> Int64 {
        let json = try PlanFile.encode(plan)
        return try write { db in try publish(plan, json: json, scenario: scenario, weekOf: weekOf, settle: settle, db) }
    }

    /// `publish(_:scenario:weekOf:settle:)` inside the caller's transaction, the plan encoded as `json`.
    func publish(_ plan: WeekPlan, json: String, scenario: Scenario, weekOf: SchoolDate, settle: Bool = true, _ db: Database) throws -> Int64 {
        let isDay = plan.header.kind == .day
        let dayDate = plan.header.date.flatMap(SchoolDate.init)
        let dayDates = Dictionary(uniqueKeysWithValues: scenario.calendar.days.map {
            ($0.id, isDay ? (dayDate ?? weekOf) : scenario.calendar.date(of: $0, weekOf: weekOf))
        })
        let covered = Set(plan.days.compactMap { dayDates[$0.day]?.text })
        let now = RecordedAt.now()
        try db.execute(sql: """
            INSERT INTO plan (kind, first_date, scenario_hash, published_at, plan_json) VALUES (?, ?, ?, ?, ?)
            """, arguments: [plan.header.kind.rawValue, (isDay ? (dayDate ?? weekOf) : weekOf).text, plan.header.scenarioHash, now, json])
        let id = db.lastInsertedRowID
        for date in covered.sorted() {
            try db.execute(sql: "DELETE FROM attendance WHERE date = ?", arguments: [date])
        }
        // Students recorded absent in a session's block did not receive it.
        let dated = plan.days.compactMap { roster in
            scenario.calendar.days.first { $0.id == roster.day }.flatMap { day in dayDates[day.id].map { ($0, day) } }
        }
        let absent = try Self.absentBlocks(db, scenario: scenario, dates: dated).students
        // Nor did anyone receive a session on a closed date or period.
        let closed = try Self.closedDates(db, scenario: scenario)
        for session in plan.sessions {
            guard let date = dayDates[session.day] else { continue }
            if let period = scenario.calendar.block(session.block)?.period, closed.closure(on: date, period: period) != nil { continue }
            for student in session.students where absent[student]?.contains(session.block) != true {
                try db.cachedStatement(sql: """
                    INSERT INTO attendance (plan_id, session_id, date, block, teacher, objective, student) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [id, session.id, date.text, session.block.rawValue, session.teacher.rawValue,
                                             session.objective.rawValue, student.rawValue])
            }
        }
        // The requests on its dates are planned or declined by it (docs/requests.md).
        if settle { try settleRequests(db, scenario: scenario, today: nil) }
        return id
    }
}
