import GRDB

public enum StateError: Error, CustomStringConvertible, Equatable {
    case noPublishedWeek(String)
    case unreadablePlan(Int64)
    case notASchoolDay(String)
    case contradiction(String)
    case unknownCheck(Int64)

    public var description: String {
        switch self {
        case let .noPublishedWeek(date): return "no published week plan covers \(date); run pacer publish first"
        case let .unreadablePlan(id): return "published plan \(id) cannot be read back"
        case let .notASchoolDay(text): return text
        case let .contradiction(text): return text + "; nothing of the file was recorded"
        case let .unknownCheck(id): return "no check \(id); pacer status --student ID lists a student's checks with their ids"
        }
    }
}

extension StateStore {
    /// What regrouping `date` starts from: the scenario cut to that day, with each student's
    /// current objective from the history; whether they want a workshop today (their objective's
    /// weekly count, less what they received this week and what the published week still holds for
    /// them on later days); the days they have waited; and the sessions published for the day (a
    /// published day plan replaces the week's).
    public func dayContext(_ scenario: Scenario, date: SchoolDate) throws -> PlanningContext {
        if let problem = scenario.calendar.schoolDayProblem(date) { throw StateError.notASchoolDay(problem) }
        return try queue.read { db in
            let weeks = try Row.fetchAll(db, sql: "SELECT id, first_date, plan_json FROM plan WHERE kind = 'week' AND first_date <= ? ORDER BY first_date DESC, id DESC", arguments: [date.text])
            let days = scenario.calendar.days
            guard let week = weeks.first(where: { SchoolDate($0["first_date"]).map { scenario.calendar.day(on: date, weekOf: $0) != nil } ?? false }),
                  let weekOf = SchoolDate(week["first_date"]), let day = scenario.calendar.day(on: date, weekOf: weekOf)
            else { throw StateError.noPublishedWeek(date.text) }
            let dayPlanJSON = try String.fetchOne(db, sql: "SELECT plan_json FROM plan WHERE kind = 'day' AND first_date = ? ORDER BY id DESC LIMIT 1", arguments: [date.text])
            let json: String = dayPlanJSON ?? week["plan_json"]
            guard let plan = try? PlanFile.decode(json), let weekPlan = try? PlanFile.decode(week["plan_json"])
            else { throw StateError.unreadablePlan(week["id"]) }
            // Workshops the published week still holds for each student later this week.
            let later = Set(days.filter { $0.index > day.index }.map(\.id))
            var plannedLater: [String: Int] = [:]
            for session in weekPlan.sessions where later.contains(session.day) {
                for student in session.students { plannedLater["\(student)|\(session.objective)", default: 0] += 1 }
            }

            var current: [StudentID: [SubjectID: ObjectiveID]] = [:]
            var started: [String: SchoolDate] = [:]
            for standing in try Self.standings(db) {
                guard let objective = standing.objective else { continue }
                current[standing.student, default: [:]][standing.subject] = objective
                started["\(standing.student)|\(objective)"] = standing.startedOn
            }
            var receivedThisWeek: [String: Int] = [:], lastWorkshop: [String: SchoolDate] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT student, objective, date FROM attendance WHERE date < ?", arguments: [date.text]) {
                let key = "\(row["student"] as String)|\(row["objective"] as String)"
                guard let when = SchoolDate(row["date"]) else { continue }
                if when >= weekOf { receivedThisWeek[key, default: 0] += 1 }
                if lastWorkshop[key].map({ when > $0 }) ?? true { lastWorkshop[key] = when }
            }

            // Today is wanted only for what this week's workshops and the rest of the published week do not give.
            var context = PlanningContext.day(
                scenario.day(day, current: current), current: current,
                covered: { (receivedThisWeek[$0] ?? 0) + (plannedLater[$0] ?? 0) },
                waited: { key in (lastWorkshop[key].map { max($0, started[key] ?? $0) } ?? started[key] ?? date).days(to: date) })
            context.published = plan.sessions.filter { $0.day == day.id }
            return context
        }
    }
}

extension StateStore {
    /// Counts one more regroup of `date` and returns the count (1 for the first): the day plan's
    /// revision, which calendars take as SEQUENCE so that each regroup replaces the one before.
    public func nextRevision(of date: SchoolDate) throws -> Int {
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO day_revision (date, revision) VALUES (?, 1)
                ON CONFLICT (date) DO UPDATE SET revision = revision + 1
                """, arguments: [date.text])
            return try Int.fetchOne(db, sql: "SELECT revision FROM day_revision WHERE date = ?", arguments: [date.text]) ?? 1
        }
    }
}
