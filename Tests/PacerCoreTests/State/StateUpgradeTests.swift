import Foundation
import GRDB
import Testing
@testable import PacerCore

/// Starts every student's history as Pacer did before v11, in a state of an older schema: rows of
/// objective_history, the objectives before the current one mastered on `date`.
func startHistoriesTheOldWay(_ path: String, _ scenario: Scenario, on date: SchoolDate) throws {
    try DatabaseQueue(path: path).write { db in
        for student in scenario.students {
            for subject in scenario.subjects {
                guard let objective = student.current[subject.id] else { continue }
                for earlier in subject.objectives.prefix(while: { $0.id != objective }) {
                    try db.execute(sql: "INSERT INTO objective_history VALUES (?, ?, ?, ?, ?)",
                                   arguments: [student.id.rawValue, subject.id.rawValue, earlier.id.rawValue, date.text, date.text])
                }
                try db.execute(sql: "INSERT INTO objective_history (student, subject, objective, started_on) VALUES (?, ?, ?, ?)",
                               arguments: [student.id.rawValue, subject.id.rawValue, objective.rawValue, date.text])
            }
        }
    }
}

/// The history the state's checks make, as `ProgressHistory` derives it.
func derivedHistory(_ store: StateStore, _ scenario: Scenario) throws -> ProgressHistory {
    try store.read { db in try StateStore.derivedHistory(db, scenario: scenario) }
}

@Suite struct StateUpgradeTests {
    /// A state made by Pacer before v11, which stored a student's progress three ways (the checks,
    /// objective_history and advance), through its commands on the tiny school
    /// (Fixtures/state-v10, see its make.sh). Upgraded in place, nothing is lost: the other tables
    /// keep every row, and the history and advances derived from the checks are the ones the old
    /// tables held, row for row and in the same order.
    @Test func aStateOfSchemaV10UpgradesInPlaceWithTheSameProgress() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        let dump = try String(contentsOfFile: fixtures + "/state-v10/pacer-state.sql", encoding: .utf8)
        try DatabaseQueue(path: path).inDatabase { db in try db.execute(sql: dump) }
        let kept = ["mastery_check", "plan", "attendance", "absence", "term", "day_revision", "access", "portal_session"]
        func counts(_ db: Database) throws -> [Int] { try kept.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 } }
        let (history, advances, before) = try DatabaseQueue(path: path).read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM objective_history ORDER BY student, subject, started_on, rowid").map { row in
                "\(row["student"] as String) \(row["subject"] as String) \(row["objective"] as String) \(row["started_on"] as String) \(row["mastered_on"] as String? ?? "-")"
            },
             try Row.fetchAll(db, sql: "SELECT * FROM advance ORDER BY student, subject, id").map { row in
                "\(row["student"] as String) \(row["subject"] as String) \(row["check_id"] as Int64) \(row["date"] as String) \(row["from_objective"] as String) \(row["to_objective"] as String? ?? "-") \(row["explanation"] as String)"
            },
             try counts(db))
        }
        #expect(history.count == 164 && advances.count == 12, "the fixture holds the old tables")

        let store = try StateStore(path: path)
        #expect(try store.appliedMigrations().last == "v19")
        let derived = try derivedHistory(store, scenario)
        var entries: [String] = [], moves: [String] = []
        for key in derived.tracks.keys.sorted() {
            let track = try #require(derived.tracks[key])
            let ordered = track.entries.enumerated().sorted { ($0.element.startedOn, $0.offset) < ($1.element.startedOn, $1.offset) }
            entries += ordered.map { "\(key.student) \(key.subject) \($0.element.objective) \($0.element.startedOn) \($0.element.masteredOn?.text ?? "-")" }
            moves += track.advances.map { "\(key.student) \(key.subject) \($0.check) \($0.date) \($0.from) \($0.to?.rawValue ?? "-") \($0.explanation)" }
        }
        #expect(entries == history)
        #expect(moves == advances)
        #expect(try store.read { try counts($0) } == before, "every other row is kept")
        let tables = try store.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("objective_history") && !tables.contains("advance") && tables.contains("progression_start"))
        #expect(try store.term() == StateStore.TermDates(startedOn: SchoolDate("2026-11-23")!, historyFrom: SchoolDate("2026-11-16")!))
        #expect(try StateFileCheck.check(path).students == 30)

        // The upgraded state goes on as before: a back-dated check replays from the same start.
        let report = try Term(scenario: scenario, store: store).record(
            [MasteryCheck(date: SchoolDate("2026-11-17")!, student: "S-04", objective: "MATH-7.RP.2", result: .mastered, note: "", source: "test")],
            source: "test", today: SchoolDate("2026-11-26")!)
        #expect(report.lines == ["S-04 2026-11-17 [check 22]: mastered MATH-7.RP.2; now on MATH-7.RP.3"], "\(report.lines)")
    }
}
