import GRDB

extension StateStore {
    /// Where one student stands in one subject, as `pacer status` shows it.
    public struct StatusLine: Sendable, Equatable {
        public let student: StudentID
        public let name: String
        public let subject: SubjectID
        /// nil: progression complete.
        public let objective: ObjectiveID?
        public let daysOnIt: Int
        /// Workshops attended on the current objective (from published plans) since starting it.
        public let workshopsOnIt: Int
        /// Days since the last workshop on it, or nil if none yet.
        public let daysSinceWorkshop: Int?
    }

    public func status(_ scenario: Scenario, on date: SchoolDate, student: StudentID? = nil, objective: ObjectiveID? = nil) throws -> [StatusLine] {
        let names = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0.name) })
        return try read { db in
            let history = try self.history(db, scenario: scenario)
            let standings = history.standings
            if let first = history.firstDate, date < first {
                throw StateError.beforeRecords("\(date) is before the term's records begin (\(first))")
            }
            return try standings.compactMap { standing -> StatusLine? in
                if let student, standing.student != student { return nil }
                if let objective, standing.objective != objective { return nil }
                var count = 0
                var last: SchoolDate?
                if let current = standing.objective {
                    let dates = try String.fetchAll(db, sql: """
                        SELECT date FROM attendance WHERE student = ? AND objective = ? AND date >= ? AND date <= ? ORDER BY date
                        """, arguments: [standing.student.rawValue, current.rawValue, standing.startedOn.text, date.text])
                    count = dates.count
                    last = dates.last.flatMap(SchoolDate.init)
                }
                return StatusLine(student: standing.student, name: names[standing.student] ?? "", subject: standing.subject,
                                  objective: standing.objective, daysOnIt: standing.startedOn.days(to: date),
                                  workshopsOnIt: count, daysSinceWorkshop: last.map { $0.days(to: date) })
            }
        }
    }
}

extension StateStore {
    /// One recorded check, as `pacer status --student` lists it.
    public struct RecordedCheck: Sendable, Equatable {
        public let id: Int64
        public let date: SchoolDate
        public let objective: ObjectiveID
        public let result: String
        public let note: String
        public let source: String
        public let withdrawn: Bool
    }

    /// A student's checks, oldest first, withdrawn ones included.
    public func checks(of student: StudentID) throws -> [RecordedCheck] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, date, objective, result, note, source, withdrawn_at FROM mastery_check WHERE student = ? ORDER BY date, id
                """, arguments: [student.rawValue]).compactMap { row in
                guard let date = SchoolDate(row["date"]) else { return nil }
                return RecordedCheck(id: row["id"], date: date, objective: ObjectiveID(rawValue: row["objective"]), result: row["result"],
                                     note: row["note"], source: row["source"], withdrawn: (row["withdrawn_at"] as String?) != nil)
            }
        }
    }
}

extension StateStore {
    /// Every check that stands (withdrawn ones left out), each with its student, by date, then
    /// in the order recorded: the term's evidence, as `--format oneroster` exports it.
    public func standingChecks() throws -> [(student: StudentID, check: RecordedCheck)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, date, student, objective, result, note, source FROM mastery_check WHERE withdrawn_at IS NULL
                ORDER BY date, id
                """).compactMap { row in
                guard let date = SchoolDate(row["date"]) else { return nil }
                return (StudentID(rawValue: row["student"]),
                        RecordedCheck(id: row["id"], date: date, objective: ObjectiveID(rawValue: row["objective"]), result: row["result"],
                                      note: row["note"], source: row["source"], withdrawn: false))
            }
        }
    }
}

extension StateStore {
    /// The latest checks recorded, newest first, withdrawn ones left out, each with its student.
    public func recentChecks(limit: Int) throws -> [(student: StudentID, check: RecordedCheck)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, date, student, objective, result, note, source FROM mastery_check WHERE withdrawn_at IS NULL
                ORDER BY recorded_at DESC, id DESC LIMIT ?
                """, arguments: [max(0, limit)]).compactMap { row in
                guard let date = SchoolDate(row["date"]) else { return nil }
                return (StudentID(rawValue: row["student"]),
                        RecordedCheck(id: row["id"], date: date, objective: ObjectiveID(rawValue: row["objective"]), result: row["result"],
                                      note: row["note"], source: row["source"], withdrawn: false))
            }
        }
    }
}
