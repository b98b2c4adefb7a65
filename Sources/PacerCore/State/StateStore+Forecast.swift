import GRDB

extension StateStore {
    /// Where a forecast from the state may start: the date of the last mastery check that counts
    /// (a forecast records its own checks after it) and how many checks count.
    public struct Recorded: Sendable, Equatable {
        public var lastCheck: SchoolDate?
        public var checks: Int
    }

    public func recorded() throws -> Recorded {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT MAX(date) AS last, COUNT(*) AS n FROM mastery_check WHERE withdrawn_at IS NULL")
            return Recorded(lastCheck: (row?["last"] as String?).flatMap(SchoolDate.init), checks: row?["n"] ?? 0)
        }
    }
}
