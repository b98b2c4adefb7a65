import Foundation
import GRDB
import Testing
@testable import PacerCore

/// A store keeps the school's progress history once derived (`StateStore.history`) and derives it
/// again when the progress version moves: whoever changed the checks, and however.
@Suite struct SchoolHistoryCacheTests {
    private func objective(of student: StudentID, _ store: StateStore, _ scenario: Scenario) throws -> ObjectiveID? {
        try store.standings(scenario).first { $0.student == student }?.objective
    }

    /// A check recorded through another store on the same file (another process: the portal beside
    /// a command) moves the student on in this store's standings, and withdrawing it moves them back.
    @Test func anotherStoresCheckAndItsWithdrawalAreSeen() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try objective(of: "S-01", store, scenario) == "MATH-7.RP.1")
        let other = try StateStore(path: store.path)
        _ = try Term(scenario: scenario, store: other).record(
            try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "a.csv", today: afterTheChecks)
        let moved = try objective(of: "S-01", store, scenario)
        #expect(moved != nil && moved != "MATH-7.RP.1")
        try other.write { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM mastery_check WHERE student = 'S-01'"))
            try StateStore.markWithdrawn(id, at: RecordedAt.now(), db)
        }
        #expect(try objective(of: "S-01", store, scenario) == "MATH-7.RP.1")
    }

    /// A history read inside a write that rolls back is of a check never kept, at a progress
    /// version the next change gives again: the store forgets it, so the next change is seen.
    @Test func aHistoryReadInAWriteThatRolledBackIsForgotten() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        struct Undo: Error {}
        let kept = try #require(try checks("date,student,objective,result\n2026-11-23,S-02,MATH-7.RP.1,mastered\n", scenario, in: folder).first)
        let dropped = try #require(try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder).first)
        #expect(throws: Undo.self) {
            try store.write { db in
                _ = try StateStore.store(dropped, source: "dropped.csv", at: RecordedAt.now(), db)
                #expect(try store.history(db, scenario: scenario).track("S-01", "MATH")?.current != "MATH-7.RP.1")
                throw Undo()
            }
        }
        try store.write { db in _ = try StateStore.store(kept, source: "kept.csv", at: RecordedAt.now(), db) }
        #expect(try objective(of: "S-01", store, scenario) == "MATH-7.RP.1")
        #expect(try objective(of: "S-02", store, scenario) != "MATH-7.RP.1")
    }

    /// The kept history is the one derived afresh, after each of a run of changes.
    @Test func theKeptHistoryIsTheDerivedOne() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        for (day, student) in [("2026-11-23", "S-01"), ("2026-11-24", "S-02"), ("2026-11-24", "S-01")] {
            _ = try term.record(try checks("date,student,objective,result\n\(day),\(student),\(try #require(try objective(of: StudentID(rawValue: student), store, scenario))),mastered\n",
                                           scenario, in: folder), source: "\(day).csv", today: afterTheChecks)
            let fresh = try store.read { db in try StateStore.derivedHistory(db, scenario: scenario) }
            #expect(try store.standings(scenario) == fresh.standings)
        }
    }
}
