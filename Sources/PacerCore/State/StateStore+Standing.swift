import GRDB

extension StateStore {
    /// Starts the history of every student and subject that has none yet, inside the caller's
    /// transaction (see `Term.seed`).
    static func seed(_ scenario: Scenario, on date: SchoolDate, _ db: Database) throws -> Int {
        var added = 0
        for student in scenario.students {
            for subject in scenario.subjects {
                guard let objective = student.current[subject.id] else { continue }
                let known = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM objective_history WHERE student = ? AND subject = ?",
                                             arguments: [student.id.rawValue, subject.id.rawValue]) ?? 0
                guard known == 0 else { continue }
                // The current objective is the first not yet mastered, so every objective before
                // it in the progression counts as mastered before the records began.
                for earlier in subject.objectives.prefix(while: { $0.id != objective }) {
                    try db.execute(sql: """
                        INSERT INTO objective_history (student, subject, objective, started_on, mastered_on) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [student.id.rawValue, subject.id.rawValue, earlier.id.rawValue, date.text, date.text])
                }
                try db.execute(sql: "INSERT INTO objective_history (student, subject, objective, started_on) VALUES (?, ?, ?, ?)",
                               arguments: [student.id.rawValue, subject.id.rawValue, objective.rawValue, date.text])
                added += 1
            }
        }
        return added
    }

    /// One student's place in one subject, from the history.
    public struct Standing: Sendable, Equatable {
        public let student: StudentID
        public let subject: SubjectID
        /// nil when the student has mastered the whole progression.
        public let objective: ObjectiveID?
        public let startedOn: SchoolDate
    }

    /// Every student's current objective per subject: the objective without a mastery date, or the
    /// end of the progression. Sorted by student, then subject.
    public func standings() throws -> [Standing] {
        try read { db in try Self.standings(db) }
    }

    static func standings(_ db: Database) throws -> [Standing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT student, subject, objective, started_on, mastered_on FROM objective_history
            ORDER BY student, subject, started_on, rowid
            """)
        var result: [StudentSubject: Standing] = [:]
        for row in rows {
            let student: String = row["student"], subject: String = row["subject"]
            let key = StudentSubject(StudentID(rawValue: student), SubjectID(rawValue: subject))
            let mastered: String? = row["mastered_on"]
            let started = SchoolDate(row["started_on"]) ?? SchoolDate("2000-01-01")!
            if mastered == nil {
                result[key] = Standing(student: StudentID(rawValue: student), subject: SubjectID(rawValue: subject),
                                       objective: ObjectiveID(rawValue: row["objective"]), startedOn: started)
            } else if result[key]?.objective == nil {
                // Finished so far; a later row without a mastery date replaces this.
                result[key] = Standing(student: StudentID(rawValue: student), subject: SubjectID(rawValue: subject),
                                       objective: nil, startedOn: SchoolDate(mastered ?? "") ?? started)
            }
        }
        return result.keys.sorted().compactMap { result[$0] }
    }
}
