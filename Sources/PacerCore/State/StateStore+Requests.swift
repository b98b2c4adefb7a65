import Foundation
import GRDB

/// Why a request cannot be made or changed.
public enum RequestError: Error, Equatable, CustomStringConvertible {
    case refused(String)
    /// A cancel refused for what was sent with it (its reason).
    case cancelRefused(String)
    case unknown(Int64)
    case notYours(Int64, StudentRequest.Asker)
    case notLive(Int64, StudentRequest.Status)

    public var description: String {
        switch self {
        case let .refused(problem): "request refused: \(problem)"
        case let .cancelRefused(problem): "cancel refused: \(problem)"
        case let .unknown(id): "no request \(id); pacer request list shows them"
        case let .notYours(id, asker): "request \(id) is not \(asker)'s: only who asked, or the scheduler, may cancel it"
        case let .notLive(id, status): "request \(id) is already \(status.rawValue)"
        }
    }
}

extension StateStore {
    /// Records a request (`StudentRequest.problem` first: refused with the reason; and not asked
    /// before the term's first date), or returns the id of the live request the same person
    /// already made for the same (same student, want and when): asked twice is asked once; another
    /// person asking the same is a request of their own. Returns the id and whether it is new.
    /// `settle: false` leaves the statuses for one `settleRequests` after a batch (the forecast
    /// adds hundreds a day, and settling reads every request still asking).
    public func add(_ request: StudentRequest, scenario: Scenario, today: SchoolDate, settle: Bool = true) throws -> (id: Int64, new: Bool) {
        if let problem = request.problem(in: scenario, today: today) { throw RequestError.refused(problem) }
        let row = Self.row(request)
        return try write { db in
            if let term = try Self.term(db), request.askedOn < term.startedOn {
                throw RequestError.refused("\(request.askedOn) is before the term's first date (\(term.startedOn)): give today's date with --date")
            }
            if let id = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM request WHERE asked_by = ? AND student = ? AND kind = ? AND IFNULL(objective, '') = ? AND IFNULL(teacher, '') = ?
                AND when_kind = ? AND first_date = ? AND IFNULL(period, '') = ? AND \(Self.stillAsking)
                """), arguments: [request.askedBy.description, row.student, row.kind, row.objective ?? "", row.teacher ?? "", row.whenKind, row.first, row.period ?? ""]) {
                return (id, false)
            }
            try db.cachedStatement(sql: """
                INSERT INTO request (asked_by, student, kind, objective, teacher, when_kind, first_date, period, priority, note, asked_on, recorded_at, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [request.askedBy.description, row.student, row.kind, row.objective, row.teacher, row.whenKind, row.first, row.period,
                                         request.priority, request.note, request.askedOn.text, RecordedAt.now(), try Self.nextRequestSeq(db)])
            let id = db.lastInsertedRowID
            if settle { try settleRequests(db, scenario: scenario, today: today) }
            return (id, true)
        }
    }

    /// The requests, oldest asked first; only those with a status in `statuses` when given.
    public func requests(_ statuses: Set<StudentRequest.Status>? = nil) throws -> [StudentRequest] {
        try read { db in try Self.requests(db).filter { statuses?.contains($0.status) ?? true } }
    }

    /// The requests still asking (open, planned, or declined by a plan or a conflict that may yet
    /// change), oldest asked first.
    public func askingRequests() throws -> [StudentRequest] {
        try read { db in try Self.requests(db, asking: true) }
    }

    /// `StudentRequest.isAsking` in SQL, for the queries that read only the requests still asking
    /// (found by the index `request_closed_seq`): not closed, and neither met nor cancelled.
    static let stillAsking = "closed_seq IS NULL AND status NOT IN ('met', 'cancelled')"

    /// Cancels a request still asking for `by`: who asked it, or the scheduler; says why when it
    /// cannot. The requests are settled again (a request it won a block from asks again).
    public func cancelRequest(_ id: Int64, by asker: StudentRequest.Asker, reason typed: String = "", scenario: Scenario, today: SchoolDate? = nil) throws {
        // The reason is text people type, held to the rule for notes: one line, as typed; only
        // spaces is no reason.
        let reason: String
        switch PersonText.checked(typed, .reason, lineBreaks: .refused) {
        case let .success(kept): reason = kept
        case let .failure(problem): throw RequestError.cancelRefused(problem.description)
        }
        try write { db in
            guard let request = try Self.requests(db, id: id).first else { throw RequestError.unknown(id) }
            guard asker == .scheduler || asker == request.askedBy else { throw RequestError.notYours(id, asker) }
            guard request.isAsking else { throw RequestError.notLive(id, request.status) }
            let why = reason.isEmpty ? "cancelled by \(RequestText.asker(asker, scenario))" : reason
            try db.execute(sql: "UPDATE request SET status = 'cancelled', reason = ?, closed_seq = ? WHERE id = ?", arguments: [why, try Self.nextRequestSeq(db), id])
            try settleRequests(db, scenario: scenario, today: today)
        }
    }

    /// Closes the check requests on `objective` for `student` asked for a date on or before the
    /// check's, still asking or declined because their days passed (a check recorded late still
    /// meets it): the check meets them. Returns their ids.
    static func meetCheckRequests(student: StudentID, objective: ObjectiveID, on date: SchoolDate, check: Int64, _ db: Database) throws -> [Int64] {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM request WHERE student = ? AND kind = 'check' AND objective = ? AND first_date <= ?
            AND ((\(stillAsking)) OR (status = 'declined' AND (reason = ? OR reason LIKE ?)))
            """), arguments: [student.rawValue, objective.rawValue, date.text, RequestStatusReasons.dayPassed, RequestStatusReasons.dayPassedWithCause])
        for id in ids {
            try db.cachedStatement(sql: "UPDATE request SET status = 'met', reason = ?, closed_seq = ? WHERE id = ?")
                .execute(arguments: [RequestStatusReasons.checked(on: date, check: check), try Self.nextRequestSeq(db), id])
        }
        return ids
    }

    /// The check requests that check `check` (of `student` on `objective`, dated `date`) met,
    /// opened again: the check is withdrawn. Each asks again (the settling that follows declines
    /// one whose days have passed). Returns their ids.
    static func reopenCheckRequests(student: StudentID, objective: ObjectiveID, on date: SchoolDate, check: Int64, _ db: Database) throws -> [Int64] {
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM request WHERE student = ? AND kind = 'check' AND objective = ? AND status = 'met' AND reason = ?
            """, arguments: [student.rawValue, objective.rawValue, RequestStatusReasons.checked(on: date, check: check)])
        for id in ids {
            try db.execute(sql: "UPDATE request SET status = 'open', reason = '', closed_seq = NULL WHERE id = ?", arguments: [id])
        }
        return ids
    }

    /// The next number of the requests' sequence of events (made, closed).
    static func nextRequestSeq(_ db: Database) throws -> Int64 {
        // Two single MAXes, each read from its index (request_seq, request_closed_seq), not one scan of the table.
        1 + (try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT MAX(IFNULL((SELECT MAX(seq) FROM request), 0), IFNULL((SELECT MAX(closed_seq) FROM request), 0))
            """)) ?? 0)
    }

    /// The last event of the requests' sequence (0 when none), for a plan's mark.
    static func lastRequestSeq(_ db: Database) throws -> Int64 { try nextRequestSeq(db) - 1 }

    /// The requests still asking that a plan of `dates` (each with its calendar day) could meet,
    /// as goals (`RequestGoal`, the **unmet requests** term): workshop and check requests on the
    /// student's current objective, and requests for time with a teacher (met by a workshop the
    /// teacher runs), whose day, block's day or week falls on one of `dates`, but
    /// for those that lose a block to another request (`RequestConflicts`); each with the days of
    /// `dates` it asks for, its flex period when it asks for one block, and its priority's weight
    /// (none at a priority of weight 0). As the state stands, or, with `asOf`, as it stood at that event of the sequence (a plan's
    /// mark). In request id order.
    static func requestGoals(_ db: Database, scenario: Scenario, current: [StudentID: [SubjectID: ObjectiveID]],
                             dates: [(date: SchoolDate, day: DayID)], asOf: Int64? = nil) throws -> [RequestGoal] {
        var asking = try requests(db, asking: asOf == nil)
        if let asOf {
            // Asking at the mark: made by then and not closed by then (a status set since does not count).
            asking = asking.filter { $0.seq <= asOf && ($0.closedSeq.map { $0 > asOf } ?? ($0.status != .met && $0.status != .cancelled)) }
                .map { var r = $0; r.closedSeq = nil; r.status = .open; return r }
        }
        asking = asking.filter { request in request.asksOfPlans(in: scenario) { current[request.student]?[$0] } }
        var obstacles: RequestObstacles?
        let losers = try conflictLosers(asking, db, scenario: scenario, obstacles: &obstacles)
        var goals: [RequestGoal] = []
        for request in asking where losers[request.id] == nil {
            // The filter above kept time with a teacher, and workshop and check requests on current objectives.
            guard let weight = scenario.requestPriorities.weight(of: request.priority),
                  weight > 0 // a priority weighed at nothing asks nothing of the plans, as before requests were goals
            else { continue }
            let metBy: RequestGoal.MetBy = switch request.want {
            case let .workshop(id): .objective(id)
            case let .check(id): .check(id)
            case let .teacher(id): .teacher(id)
            }
            let asked = Set(request.when.dates)
            let days = dates.filter { asked.contains($0.date) }.map(\.day)
            guard !days.isEmpty else { continue }
            // A workshop or teacher request its earlier days already gave (a week's request met on
            // Monday, for Tuesday's regroup) asks nothing more: the attendance shows it met.
            let given: (column: String, id: String)? = switch request.want {
            case let .workshop(id): ("objective", id.rawValue)
            case let .teacher(id): ("teacher", id.rawValue)
            case .check: nil
            }
            if let given, let first = dates.map(\.date).min(), request.when.first < first,
               try Int64.fetchOne(db.cachedStatement(sql: """
                   SELECT 1 FROM attendance WHERE student = ? AND \(given.column) = ? AND date >= ? AND date < ? LIMIT 1
                   """), arguments: [request.student.rawValue, given.id, request.when.first.text, first.text]) != nil {
                continue
            }
            goals.append(RequestGoal(request: request.id, student: request.student, metBy: metBy, days: days,
                                     period: request.when.period, weight: weight))
        }
        return goals.sorted { $0.request < $1.request }
    }

    /// The request stored as `id`, or nil.
    public func request(_ id: Int64) throws -> StudentRequest? {
        try read { db in try Self.requests(db, id: id).first }
    }

    /// The requests (only the one stored as `id`, when given; only those still asking, with
    /// `asking`), oldest asked first.
    static func requests(_ db: Database, id: Int64? = nil, asking: Bool = false) throws -> [StudentRequest] {
        let rows = try id.map { try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM request WHERE id = ?"), arguments: [$0]) }
            ?? Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM request\(asking ? " WHERE " + stillAsking : "") ORDER BY asked_on, id"))
        return rows.compactMap { row in
            guard let asker = StudentRequest.Asker(row["asked_by"]), let first = SchoolDate(row["first_date"]),
                  let askedOn = SchoolDate(row["asked_on"]), let status = StudentRequest.Status(rawValue: row["status"]) else { return nil }
            let want: StudentRequest.Want
            switch row["kind"] as String {
            case "workshop": want = .workshop(ObjectiveID(rawValue: row["objective"] ?? ""))
            case "check": want = .check(ObjectiveID(rawValue: row["objective"] ?? ""))
            default: want = .teacher(TeacherID(rawValue: row["teacher"] ?? ""))
            }
            let when: StudentRequest.When
            switch row["when_kind"] as String {
            case "block": when = .block(first, PeriodID(rawValue: row["period"] ?? ""))
            case "week": when = .week(first)
            default: when = .date(first)
            }
            var request = StudentRequest(askedBy: asker, student: StudentID(rawValue: row["student"]), want: want, when: when,
                                  priority: row["priority"], note: row["note"], askedOn: askedOn)
            request.id = row["id"]
            request.status = status
            request.reason = row["reason"]
            request.seq = row["seq"]
            request.closedSeq = row["closed_seq"]
            return request
        }
    }

    private static func row(_ request: StudentRequest) -> (student: String, kind: String, objective: String?, teacher: String?, whenKind: String, first: String, period: String?) {
        let teacher: String? = if case let .teacher(id) = request.want { id.rawValue } else { nil }
        let (whenKind, period): (String, String?) = switch request.when {
        case .date: ("date", nil)
        case let .block(_, p): ("block", p.rawValue)
        case .week: ("week", nil)
        }
        return (request.student.rawValue, request.want.kind, request.want.objective?.rawValue, teacher, whenKind, request.when.first.text, period)
    }
}
