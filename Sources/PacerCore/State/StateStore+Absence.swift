import Foundation
import GRDB

/// A student, teacher or supervisor away on a date: the whole day, or some periods.
public struct Absence: Sendable, Equatable {
    public enum Person: Sendable, Equatable, Hashable {
        case student(StudentID)
        case teacher(TeacherID)
        /// An adult who supervises independent study: their students are placed again.
        case supervisor(SupervisorID)

        /// `student:S-03`, `teacher:T-LEE` or `supervisor:A-01`, written as `--for` writes them.
        public init?(_ written: String) {
            let text = written.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("supervisor:"), text.count > "supervisor:".count {
                self = .supervisor(SupervisorID(rawValue: String(text.dropFirst("supervisor:".count))))
                return
            }
            switch ExportFilter(text) {
            case let .student(id)?: self = .student(id)
            case let .teacher(id)?: self = .teacher(id)
            default: return nil
            }
        }

        var kind: String {
            switch self {
            case .student: return "student"
            case .teacher: return "teacher"
            case .supervisor: return "supervisor"
            }
        }
        var id: String {
            switch self {
            case let .student(id): return id.rawValue
            case let .teacher(id): return id.rawValue
            case let .supervisor(id): return id.rawValue
            }
        }
        public var description: String { "\(kind):\(id)" }

        /// The same person with their id as the scenario writes it (`KnownIDs.match`: `teacher:T-CHEN `
        /// and `teacher:t-chen` are T-CHEN); unchanged when it names nobody known.
        public func matched(in scenario: Scenario) -> Person {
            switch self {
            case let .student(id): return .student(StudentID(rawValue: KnownIDs(scenario.students.map(\.id.rawValue)).match(id.rawValue) ?? id.rawValue))
            case let .teacher(id): return .teacher(TeacherID(rawValue: KnownIDs(scenario.teachers.map(\.id.rawValue)).match(id.rawValue) ?? id.rawValue))
            case let .supervisor(id):
                return .supervisor(SupervisorID(rawValue: KnownIDs(scenario.supervisors.map(\.id.rawValue)).match(id.rawValue) ?? id.rawValue))
            }
        }

        /// Why the person is not in the scenario (with the nearest known), or nil.
        public func problem(in scenario: Scenario) -> String? {
            switch self {
            case let .student(id): return scenario.unknownIDProblem(student: id)
            case let .teacher(id): return scenario.unknownIDProblem(teacher: id)
            case let .supervisor(id): return scenario.unknownIDProblem(supervisor: id)
            }
        }
    }

    public var date: SchoolDate
    public var person: Person
    /// The periods missed; empty for the whole day.
    public var periods: [PeriodID]
    public var note: String

    public init(date: SchoolDate, person: Person, periods: [PeriodID] = [], note: String = "") {
        self.date = date
        self.person = person
        self.periods = periods
        self.note = note
    }

    /// Why the absence cannot be recorded for the scenario, or nil.
    public func problem(in scenario: Scenario) -> String? {
        if let problem = person.problem(in: scenario) { return problem }
        if let problem = scenario.calendar.schoolDayProblem(date) { return problem }
        for period in periods where !scenario.calendar.periods.contains(where: { $0.id == period }) {
            return NearestNames.unknown("period", period.rawValue, among: scenario.calendar.periods.map(\.id.rawValue))
        }
        return nil
    }

    /// Whether the absence takes `period` (a whole-day absence takes every period).
    func covers(_ period: PeriodID) -> Bool { periods.isEmpty || periods.contains(period) }

    /// `teacher:T-LEE 2026-11-24 (all day)` or `student:S-03 2026-11-24 (F1, F2)`.
    public var text: String {
        "\(person.description) \(date) (\(periods.isEmpty ? "all day" : periods.map(\.rawValue).joined(separator: ", ")))"
            + (note.isEmpty ? "" : ": \(note)")
    }
}

extension StateStore {
    /// Records absences in one transaction (an absence already known is kept once). A student's
    /// attendance of the missed periods is removed, so a missed workshop does not count as
    /// received; later publications of those dates leave them out too. Returns how many were new.
    /// Each must be dated within the plans' reach (`SchoolCalendar.recordDateProblem`, `today`
    /// the clock's unless given), or none is recorded.
    @discardableResult
    public func recordAbsences(_ absences: [Absence], scenario: Scenario, today: SchoolDate = .today()) throws -> Int {
        let now = RecordedAt.now()
        return try write { db in
            let recordsFrom = try Self.term(db)?.historyFrom
            for a in absences {
                if let problem = scenario.calendar.recordDateProblem(a.date, recordsFrom: recordsFrom, today: today) {
                    throw StateError.outOfReach("absence \(a.person.description) on \(a.date): \(problem)")
                }
            }
            var added = 0
            for a in absences {
                for period in a.periods.isEmpty ? [""] : a.periods.map(\.rawValue) {
                    try db.execute(sql: """
                        INSERT INTO absence (date, kind, person, period, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (date, kind, person, period) DO NOTHING
                        """, arguments: [a.date.text, a.person.kind, a.person.id, period, a.note, now])
                    added += db.changesCount
                }
                if case let .student(id) = a.person {
                    for row in try Row.fetchAll(db, sql: "SELECT rowid, block FROM attendance WHERE date = ? AND student = ?", arguments: [a.date.text, id.rawValue]) {
                        let block = BlockID(rawValue: row["block"])
                        if let period = scenario.calendar.block(block)?.period, a.covers(period) {
                            try db.execute(sql: "DELETE FROM attendance WHERE rowid = ?", arguments: [row["rowid"] as Int64])
                        }
                    }
                }
            }
            // A request nobody can serve now (the student away, or every teacher of it) is declined with why.
            if added > 0 { try settleRequests(db, scenario: scenario, today: nil) }
            return added
        }
    }

    /// The absences recorded for dates from `first` to `last`, oldest first.
    public func absences(from first: SchoolDate, to last: SchoolDate) throws -> [Absence] {
        try read { db in try Self.absences(db, from: first, to: last) }
    }

    static func absences(_ db: Database, from first: SchoolDate, to last: SchoolDate, upTo lastID: Int64? = nil) throws -> [Absence] {
        struct DatedPerson: Hashable { let date: SchoolDate, person: Absence.Person }
        var grouped: [DatedPerson: (absence: Absence, wholeDay: Bool)] = [:]
        var order: [DatedPerson] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT date, kind, person, period, note FROM absence WHERE date >= ? AND date <= ? AND id <= ? ORDER BY date, kind, person, period
            """, arguments: [first.text, last.text, lastID ?? Int64.max]) {
            guard let date = SchoolDate(row["date"]),
                  let person = Absence.Person("\(row["kind"] as String):\(row["person"] as String)") else { continue }
            let key = DatedPerson(date: date, person: person)
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = (Absence(date: date, person: person, note: row["note"]), false)
            }
            let period: String = row["period"]
            if period.isEmpty { grouped[key]?.wholeDay = true } else { grouped[key]?.absence.periods.append(PeriodID(rawValue: period)) }
        }
        // A whole-day absence covers any periods recorded for the same day.
        return order.compactMap { key in
            guard var entry = grouped[key] else { return nil }
            if entry.wholeDay { entry.absence.periods = [] }
            return entry.absence
        }
    }

    /// The blocks people are away on the given dates (each with its day of the calendar), as the
    /// planner takes them.
    static func absentBlocks(_ db: Database, scenario: Scenario, dates: [(SchoolDate, Day)], upTo lastID: Int64? = nil) throws -> Absences {
        var result = Absences()
        guard let first = dates.map(\.0).min(), let last = dates.map(\.0).max() else { return result }
        let dayOf = Dictionary(dates.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        for a in try absences(db, from: first, to: last, upTo: lastID) {
            guard let day = dayOf[a.date] else { continue }
            let blocks = scenario.calendar.blocks.filter { $0.day == day.id && a.covers($0.period) }.map(\.id)
            switch a.person {
            case let .student(id): result.students[id, default: []].formUnion(blocks)
            case let .teacher(id): result.teachers[id, default: []].formUnion(blocks)
            case let .supervisor(id): result.supervisors[id, default: []].formUnion(blocks)
            }
        }
        return result
    }
}
