import GRDB

/// A student's progress as the state stores it: where each student started each subject, and the
/// mastery checks. That is all that is stored of it; `ProgressHistory` derives the rest (where each
/// student has been and stands, the moves the checks made).
extension StateStore {
    /// Where a student's history in a subject begins: on `objective` (the current objective
    /// students.csv gave when the state first met them), on `on`.
    public struct Start: Sendable, Equatable {
        public let student: StudentID
        public let subject: SubjectID
        public let objective: ObjectiveID
        public let on: SchoolDate
    }

    /// One student's place in one subject, from the history.
    public struct Standing: Sendable, Equatable {
        public let student: StudentID
        public let subject: SubjectID
        /// nil when the student has mastered the whole progression.
        public let objective: ObjectiveID?
        public let startedOn: SchoolDate
    }

    /// A check that stands (not withdrawn), as the history reads it.
    struct StandingCheck: Equatable {
        let id: Int64
        let date: SchoolDate
        let student: StudentID
        let objective: ObjectiveID
        let result: MasteryCheck.Result

        init(id: Int64, date: SchoolDate, student: StudentID, objective: ObjectiveID, result: MasteryCheck.Result) {
            (self.id, self.date, self.student, self.objective, self.result) = (id, date, student, objective, result)
        }

        init(id: Int64, _ check: MasteryCheck) {
            self.init(id: id, date: check.date, student: check.student, objective: check.objective, result: check.result)
        }
    }

    /// Every student's place in each subject, sorted by student, then subject.
    public func standings(_ scenario: Scenario) throws -> [Standing] {
        try read { db in try history(db, scenario: scenario).standings }
    }

    /// The history derived from the starts and standing checks (one student's when given, and
    /// only the checks up to `last` when given). The school's whole history is kept once derived,
    /// and derived again only when the progress version (migration v19: every change to the
    /// starts or the checks moves it) or the subjects differ: a day's context, the standings and
    /// settling the requests all read it between two changes.
    func history(_ db: Database, scenario: Scenario, of student: StudentID? = nil, checksUpTo last: Int64? = nil) throws -> ProgressHistory {
        guard student == nil, last == nil, let version = try Self.progressVersion(db) else {
            return try Self.derivedHistory(db, scenario: scenario, of: student, checksUpTo: last)
        }
        return try keptHistory(at: version, scenario) ?? derivedAndKept(db, at: version, scenario)
    }

    /// The histories of `students`: the school's, shared, when it is kept at the current version or
    /// they are many (`schoolHistoryFrom`), else each one's own.
    func histories(_ db: Database, scenario: Scenario, of students: Set<StudentID>) throws -> [StudentID: ProgressHistory] {
        let version = try Self.progressVersion(db)
        let kept = version.flatMap { keptHistory(at: $0, scenario) }
        if let school = try kept ?? (students.count >= Self.schoolHistoryFrom ? history(db, scenario: scenario) : nil) {
            return Dictionary(uniqueKeysWithValues: students.map { ($0, school) })
        }
        return try Dictionary(uniqueKeysWithValues: students.map { ($0, try Self.derivedHistory(db, scenario: scenario, of: $0)) })
    }

    /// The school's history kept at `version` for `scenario`'s subjects, or nil.
    private func keptHistory(at version: Int64, _ scenario: Scenario) -> ProgressHistory? {
        schoolHistory.withLock { kept in kept.flatMap { $0.version == version && $0.subjects == scenario.subjects ? $0.history : nil } }
    }

    /// The school's history derived now, and kept at `version`.
    private func derivedAndKept(_ db: Database, at version: Int64, _ scenario: Scenario) throws -> ProgressHistory {
        let history = try Self.derivedHistory(db, scenario: scenario)
        schoolHistory.withLock { $0 = (version, scenario.subjects, history) }
        return history
    }

    /// From how many students `histories` derives the school's history rather than each one's.
    static let schoolHistoryFrom = 10

    /// The progress version (migration v19), or nil in a state older than it.
    static func progressVersion(_ db: Database) throws -> Int64? {
        guard try db.tableExists("progress_version") else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT number FROM progress_version WHERE id = 1"))
    }

    /// The history derived now, from the state as the caller's transaction reads it.
    static func derivedHistory(_ db: Database, scenario: Scenario, of student: StudentID? = nil, checksUpTo last: Int64? = nil) throws -> ProgressHistory {
        ProgressHistory(scenario: scenario, starts: try starts(db, of: student),
                        checks: try standingChecks(db, of: student).filter { check in last.map { check.id <= $0 } ?? true })
    }

    /// The starts (one student's when given), by student then subject.
    static func starts(_ db: Database, of student: StudentID? = nil) throws -> [Start] {
        // One student's by the primary key; an OR of the two would read the whole table each time.
        let columns = "SELECT student, subject, objective, started_on FROM progression_start"
        let rows = try student.map { try Row.fetchAll(db.cachedStatement(sql: columns + " WHERE student = ? ORDER BY subject"), arguments: [$0.rawValue]) }
            ?? Row.fetchAll(db.cachedStatement(sql: columns + " ORDER BY student, subject"))
        return rows.compactMap { row in
            SchoolDate(row["started_on"]).map {
                Start(student: StudentID(rawValue: row["student"]), subject: SubjectID(rawValue: row["subject"]),
                      objective: ObjectiveID(rawValue: row["objective"]), on: $0)
            }
        }
    }

    /// Stores the starts of students' subjects that have none; a subject keeps its first start.
    /// Returns how many were added.
    @discardableResult
    static func addStarts(_ starts: [Start], _ db: Database) throws -> Int {
        var added = 0
        for start in starts {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO progression_start (student, subject, objective, started_on) VALUES (?, ?, ?, ?)")
                .execute(arguments: [start.student.rawValue, start.subject.rawValue, start.objective.rawValue, start.on.text])
            added += db.changesCount
        }
        return added
    }

    /// The checks that stand (one student's when given), in date order, then in the order recorded.
    static func standingChecks(_ db: Database, of student: StudentID? = nil) throws -> [StandingCheck] {
        // One student's by mastery_check_by_student (student, date).
        let columns = "SELECT id, date, student, objective, result FROM mastery_check WHERE withdrawn_at IS NULL"
        let rows = try student.map { try Row.fetchAll(db.cachedStatement(sql: columns + " AND student = ? ORDER BY date, id"), arguments: [$0.rawValue]) }
            ?? Row.fetchAll(db.cachedStatement(sql: columns + " ORDER BY date, id"))
        return rows.compactMap { row in
            guard let date = SchoolDate(row["date"]), let result = MasteryCheck.Result(rawValue: row["result"]) else { return nil }
            return StandingCheck(id: row["id"], date: date, student: StudentID(rawValue: row["student"]),
                                 objective: ObjectiveID(rawValue: row["objective"]), result: result)
        }
    }
}

extension StateStore {
    /// A stored check, as withdrawing and correcting read it.
    struct StoredCheck {
        let date: SchoolDate
        let student: StudentID
        let objective: ObjectiveID
        let result: MasteryCheck.Result
        /// When it was withdrawn (`recorded_at`'s form, the date first), or nil while it stands.
        let withdrawnAt: String?
        var withdrawn: Bool { withdrawnAt != nil }
    }

    /// What storing a check did.
    enum Stored: Equatable {
        /// Stored now, or a withdrawn one with the same date, student, objective and result reinstated.
        case new(Int64)
        /// Stored before; the note sent replaced another.
        case noteUpdated(Int64)
        /// Stored before, with the same note or none sent.
        case known
    }

    /// Stores `check`, once: a check is identified by its date, student, objective and result (the
    /// table's UNIQUE key). A withdrawn one is reinstated with the note sent (`Recording` asks for
    /// that only on purpose: `withdrawnTwin`); one that stands keeps its note unless another,
    /// non-empty note is sent, which replaces it (with where and when it came from).
    static func store(_ check: MasteryCheck, source: String, at now: String, _ db: Database) throws -> Stored {
        let key: StatementArguments = [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue]
        try db.cachedStatement(sql: """
            INSERT INTO mastery_check (date, student, objective, result, note, source, recorded_at, from_gradebook)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (date, student, objective, result) DO UPDATE
                SET withdrawn_at = NULL, withdrawn_by_gradebook = 0, note = excluded.note, source = excluded.source,
                    recorded_at = excluded.recorded_at, from_gradebook = from_gradebook AND excluded.from_gradebook
                WHERE withdrawn_at IS NOT NULL
            """).execute(arguments: key + [check.note, source, now, check.gradebookResult != nil])
        let stored = db.changesCount == 1
        // A check a person records is theirs, whoever recorded it first: the gradebook no longer
        // withdraws it when its results go.
        if check.gradebookResult == nil {
            try db.cachedStatement(sql: "UPDATE mastery_check SET from_gradebook = 0 WHERE date = ? AND student = ? AND objective = ? AND result = ?")
                .execute(arguments: key)
        }
        if !stored {
            guard !check.note.isEmpty else { return .known }
            try db.cachedStatement(sql: """
                UPDATE mastery_check SET note = ?, source = ?, recorded_at = ?
                WHERE date = ? AND student = ? AND objective = ? AND result = ? AND withdrawn_at IS NULL AND note <> ?
                """).execute(arguments: [check.note, source, now] + key + [check.note])
            guard db.changesCount == 1 else { return .known }
        }
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM mastery_check WHERE date = ? AND student = ? AND objective = ? AND result = ?"),
                                          arguments: key)
        else { return .known }
        return stored ? .new(id) : .noteUpdated(id)
    }

    /// The withdrawn check with `check`'s date, student, objective and result, with when it was
    /// withdrawn (ISO 8601), or nil.
    static func withdrawnTwin(of check: MasteryCheck, _ db: Database) throws -> (id: Int64, withdrawnAt: String)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, withdrawn_at FROM mastery_check
            WHERE date = ? AND student = ? AND objective = ? AND result = ? AND withdrawn_at IS NOT NULL
            """), arguments: [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue]).map { ($0["id"], $0["withdrawn_at"]) }
    }

    /// The standing check that gives the other result for the same student, objective and day.
    static func contradicting(_ check: MasteryCheck, _ db: Database) throws -> (id: Int64, result: MasteryCheck.Result, source: String)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, result, source FROM mastery_check
            WHERE date = ? AND student = ? AND objective = ? AND result <> ? AND withdrawn_at IS NULL
            """), arguments: [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue]).flatMap { row in
            MasteryCheck.Result(rawValue: row["result"]).map { (row["id"], $0, row["source"]) }
        }
    }

    /// Whether the student has a standing check in `subject` dated after `check` (stored as `id`),
    /// or on the same day and recorded after it.
    static func hasLaterChecks(than check: MasteryCheck, id: Int64, in subject: Subject, _ db: Database) throws -> Bool {
        let objectives = Set(subject.objectives.map(\.id.rawValue))
        return try String.fetchAll(db.cachedStatement(sql: """
            SELECT objective FROM mastery_check WHERE student = ? AND withdrawn_at IS NULL AND (date > ? OR (date = ? AND id > ?))
            """), arguments: [check.student.rawValue, check.date.text, check.date.text, id]).contains(where: objectives.contains)
    }

    /// The check stored as `id`, withdrawn or not.
    static func check(_ id: Int64, _ db: Database) throws -> StoredCheck? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT date, student, objective, result, withdrawn_at FROM mastery_check WHERE id = ?"),
                         arguments: [id]).flatMap { row in
            guard let date = SchoolDate(row["date"]), let result = MasteryCheck.Result(rawValue: row["result"]) else { return nil }
            return StoredCheck(date: date, student: StudentID(rawValue: row["student"]), objective: ObjectiveID(rawValue: row["objective"]),
                               result: result, withdrawnAt: row["withdrawn_at"])
        }
    }

    /// The checks the gradebook result `result` (its sourcedId) gave, withdrawn or not, with what
    /// each says.
    static func checks(ofGradebookResult result: String, _ db: Database) throws -> [(id: Int64, check: StoredCheck)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.id, c.date, c.student, c.objective, c.result, c.withdrawn_at FROM gradebook_result g
            JOIN mastery_check c ON c.id = g.check_id WHERE g.result = ? ORDER BY c.date, c.id
            """), arguments: [result]).compactMap { row in
            guard let date = SchoolDate(row["date"]), let outcome = MasteryCheck.Result(rawValue: row["result"]) else { return nil }
            return (row["id"], StoredCheck(date: date, student: StudentID(rawValue: row["student"]), objective: ObjectiveID(rawValue: row["objective"]),
                                           result: outcome, withdrawnAt: row["withdrawn_at"]))
        }
    }

    /// The id of the check with `check`'s date, student, objective and result, withdrawn or not.
    static func checkID(of check: MasteryCheck, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM mastery_check WHERE date = ? AND student = ? AND objective = ? AND result = ?"),
                           arguments: [check.date.text, check.student.rawValue, check.objective.rawValue, check.result.rawValue])
    }

    /// Links the gradebook result `result` to the check stored as `id` (once).
    static func link(gradebookResult result: String, to id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO gradebook_result (result, check_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [result, id])
    }

    /// Unlinks the result from the check; returns whether the check was made by a gradebook
    /// import and no other gradebook result still gives it (so the gradebook no longer supports it).
    static func unlink(gradebookResult result: String, from id: Int64, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM gradebook_result WHERE result = ? AND check_id = ?").execute(arguments: [result, id])
        let others = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM gradebook_result WHERE check_id = ?"), arguments: [id]) ?? 0
        let fromGradebook = try Bool.fetchOne(db.cachedStatement(sql: "SELECT from_gradebook FROM mastery_check WHERE id = ?"), arguments: [id]) ?? false
        return others == 0 && fromGradebook
    }

    /// Whether the check stored as `id` was withdrawn by the gradebook (its results deleted or
    /// changed), not by a person.
    static func withdrawnByGradebook(_ id: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT withdrawn_by_gradebook FROM mastery_check WHERE id = ?"), arguments: [id]) ?? false
    }

    /// Marks the check stored as `id` withdrawn: kept, and no longer standing.
    static func markWithdrawn(_ id: Int64, at now: String, byGradebook: Bool = false, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE mastery_check SET withdrawn_at = ?, withdrawn_by_gradebook = ? WHERE id = ?").execute(arguments: [now, byGradebook, id])
    }

    /// Rows in one of the term's tables, for tests and reports.
    public func count(_ table: String) throws -> Int {
        let allowed = ["progression_start", "mastery_check", "plan", "attendance", "absence"]
        guard allowed.contains(table) else { return 0 }
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}

/// Which objectives students have moved on from, and when: the one home of "has this student
/// moved on from this objective", read by the family page, the teacher's roster, the scheduler's
/// page and the calendar feed. A session published on an objective a student has since mastered
/// is no longer theirs; it shows as "moved on: will be regrouped" until a regroup of its day places
/// them again (a regroup plans from the same history, so it never places them on it).
public struct MovedOn: Sendable, Equatable {
    /// The words the pages and calendars show on such a session.
    public static let words = "moved on: will be regrouped"

    /// The day each student mastered each objective, by the checks that stand.
    private let mastered: [StudentObjective: SchoolDate]

    init(_ history: ProgressHistory) {
        var mastered: [StudentObjective: SchoolDate] = [:]
        for (key, track) in history.tracks {
            for entry in track.entries {
                if let on = entry.masteredOn { mastered[StudentObjective(key.student, entry.objective)] = on }
            }
        }
        self.mastered = mastered
    }

    /// Whether `student` had mastered `objective` on a day before `date`: their session on it that
    /// day was published for where they stood before. (A session on the day of the check is not
    /// flagged: the check is often made in it.)
    public func hasMovedOn(_ student: StudentID, from objective: ObjectiveID, before date: SchoolDate) -> Bool {
        mastered[StudentObjective(student, objective)].map { $0 < date } ?? false
    }
}

extension StateStore {
    /// `MovedOn` as the caller's transaction reads the history (one student's when given).
    func movedOn(_ db: Database, scenario: Scenario, of student: StudentID? = nil) throws -> MovedOn {
        MovedOn(try history(db, scenario: scenario, of: student))
    }

    /// `MovedOn` from the state as it is now.
    public func movedOn(_ scenario: Scenario) throws -> MovedOn {
        try read { db in try movedOn(db, scenario: scenario) }
    }
}
