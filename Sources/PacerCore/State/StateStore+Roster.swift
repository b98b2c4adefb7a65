import Foundation
import GRDB

extension StateStore {
    /// Every roster change recorded (`pacer enroll`, `leave`, `teaches`).
    public func roster() throws -> Roster {
        try read { db in try Self.roster(db) }
    }

    /// The roster as the caller's transaction reads it: the changes recorded up to the change with
    /// id `last` (all when nil).
    static func roster(_ db: Database, upTo last: Int64? = nil) throws -> Roster {
        Roster(try Row.fetchAll(db, sql: """
            SELECT id, date, kind, person, change, name, grade, starts, objectives, note FROM roster_change WHERE id <= ? ORDER BY date, id
            """, arguments: [last ?? Int64.max]).compactMap { row in
            guard let date = SchoolDate(row["date"]), let kind = RosterChange.Kind(rawValue: row["change"]),
                  let person = Absence.Person("\(row["kind"] as String):\(row["person"] as String)") else { return nil }
            let details = (row["name"] as String?).map { name in
                RosterChange.Details(name: name, grade: row["grade"], starts: Dictionary(
                    (row["starts"] as String).split(separator: ",").compactMap { pair -> (SubjectID, ObjectiveID)? in
                        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                        return parts.count == 2 ? (SubjectID(rawValue: parts[0]), ObjectiveID(rawValue: parts[1])) : nil
                    }, uniquingKeysWith: { a, _ in a }))
            }
            var change = RosterChange(date: date, person: person, kind: kind, details: details,
                                      objectives: (row["objectives"] as String).split(separator: ",").map { ObjectiveID(rawValue: String($0)) },
                                      note: row["note"])
            change.id = row["id"]
            return change
        })
    }

    /// The roster of the state beside `scenario`, read without changing the file: empty when there
    /// is no state, or one made before roster changes were kept. A state that cannot be opened
    /// gives an empty roster here; the command that opens it says why.
    /// `scenario` (as read from its files) with the roster as the state has it now: what a
    /// long-running `pacer serve` reads on each request, so that someone enrolled or who left from
    /// the command line while it runs is known, by name, on its pages. Merged again only when the
    /// roster has changed since the last call (one small read otherwise).
    public func withCurrentRoster(_ scenario: Scenario) throws -> Scenario {
        let key = try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MAX(id) AS last FROM roster_change")
            return "\(scenario.contentHash) \(row?["n"] as Int64? ?? 0) \(row?["last"] as Int64? ?? 0)"
        }
        if let cached = currentRoster.withLock({ $0 }), cached.key == key { return cached.scenario }
        let merged = scenario.withRoster(try roster())
        currentRoster.withLock { $0 = (key, merged) }
        return merged
    }

    public static func roster(besides scenario: Scenario) -> Roster {
        let path = Self.path(for: scenario)
        guard FileManager.default.fileExists(atPath: path) else { return Roster() }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return Roster() }
        return (try? queue.read { db in try db.tableExists("roster_change") ? try Self.roster(db) : Roster() }) ?? Roster()
    }
}

/// Why a roster change was not recorded, in words the person can act on.
public struct RosterRefusal: Error, Equatable, CustomStringConvertible {
    public let description: String
}

extension Term {
    /// Records one roster change in one transaction: checked against the roster as the
    /// transaction reads it (`RosterChange.problem`), stored, and for a new student their history
    /// started on their starting objectives on the date they join. Returns the change as stored
    /// (with its id).
    @discardableResult
    public func record(_ change: RosterChange) throws -> RosterChange {
        try store.write { db in
            let roster = try StateStore.roster(db)
            let term = try StateStore.term(db)
            if let problem = change.problem(in: scenario.withRoster(roster), termStart: term?.startedOn) { throw RosterRefusal(description: problem) }
            let starts = change.details?.starts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") ?? ""
            try db.execute(sql: """
                INSERT INTO roster_change (date, kind, person, change, name, grade, starts, objectives, note, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [change.date.text, change.person.kind, change.person.id, change.kind.rawValue, change.details?.name,
                                 change.details?.grade ?? "", starts, change.objectives.map(\.rawValue).joined(separator: ","), change.note,
                                 RecordedAt.now()])
            var stored = change
            stored.id = db.lastInsertedRowID
            if case let .student(id) = change.person, let details = change.details {
                try StateStore.addStarts(details.starts.sorted { $0.key < $1.key }.map {
                    StateStore.Start(student: id, subject: $0.key, objective: $0.value, on: change.date)
                }, db)
            }
            return stored
        }
    }
}
