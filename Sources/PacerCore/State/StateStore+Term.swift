import GRDB

extension StateStore {
    /// When the term started (`pacer init --date`), and the first date a check may carry: the
    /// same day, or earlier when the school back-fills history (`pacer init --history-from`).
    public struct TermDates: Sendable, Equatable {
        public let startedOn: SchoolDate
        public let historyFrom: SchoolDate
    }

    /// The term, or nil while nothing has started it. A state that `pacer init` did not start (the
    /// first `pacer record` or `publish` made it) started on the first date of its history.
    public func term() throws -> TermDates? {
        try read { db in try Self.term(db) }
    }

    static func term(_ db: Database) throws -> TermDates? {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT started_on, history_from FROM term WHERE id = 1")),
           let startedOn = SchoolDate(row["started_on"]), let historyFrom = SchoolDate(row["history_from"]) {
            return TermDates(startedOn: startedOn, historyFrom: historyFrom)
        }
        return try String.fetchOne(db.cachedStatement(sql: "SELECT MIN(started_on) FROM progression_start")).flatMap(SchoolDate.init)
            .map { TermDates(startedOn: $0, historyFrom: $0) }
    }

    /// Starts the term on `date` unless it has started already (a started term keeps its first
    /// date). `historyFrom`, when given, becomes the first date a check may carry; it may not be
    /// after the term's first date.
    @discardableResult
    public func startTerm(on date: SchoolDate, historyFrom: SchoolDate? = nil) throws -> TermDates {
        try write { db in
            let startedOn = try Self.term(db)?.startedOn ?? date
            if let historyFrom, historyFrom > startedOn {
                throw StateError.historyAfterTermStart(historyFrom: historyFrom, termStart: startedOn)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO term (id, started_on, history_from) VALUES (1, ?, ?)", arguments: [startedOn.text, startedOn.text])
            if let historyFrom {
                try db.execute(sql: "UPDATE term SET history_from = ? WHERE id = 1", arguments: [historyFrom.text])
            }
            return try Self.term(db) ?? TermDates(startedOn: startedOn, historyFrom: historyFrom ?? startedOn)
        }
    }
}
