import Foundation
import GRDB
import Testing
@testable import PacerCore

/// The state records when the term started; checks dated before it (or before the date history
/// is back-filled from) are refused with the way to allow them.
@Suite struct TermTests {
    func write(_ csv: String, in folder: String) throws -> String {
        let path = folder + "/checks-\(UUID().uuidString).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCheckBeforeTheTermIsRefusedUntilHistoryFromAllowsIt() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: StateStore.path(for: scenario))
        #expect(try store.term() == nil, "nothing started yet")
        let term = try store.startTerm(on: SchoolDate("2026-11-23")!)
        #expect(term == StateStore.TermDates(startedOn: SchoolDate("2026-11-23")!, historyFrom: SchoolDate("2026-11-23")!))
        let path = try write("date,student,objective,result\n1999-11-22,S-01,MATH-7.RP.1,mastered\n2026-11-20,S-02,MATH-7.RP.1,mastered\n2026-11-23,S-03,MATH-7.RP.3,mastered\n", in: folder)
        let refused = MasteryChecksFile.read(path, scenario: scenario, today: SchoolDate("2026-11-27"), term: try store.term())
        #expect(refused.diagnostics.map(\.message) == [
            "1999-11-22 is before the term's first date (2026-11-23): fix the date, or allow earlier checks with pacer init SCENARIO --history-from 1999-11-22",
            "2026-11-20 is before the term's first date (2026-11-23): fix the date, or allow earlier checks with pacer init SCENARIO --history-from 2026-11-20",
        ])
        // Back-filled from 2026-11-16: the Friday before is taken, 1999 still is not.
        let backFilled = try store.startTerm(on: SchoolDate("2026-12-01")!, historyFrom: SchoolDate("2026-11-16")!)
        #expect(backFilled.startedOn == SchoolDate("2026-11-23")!, "a started term keeps its first date")
        let allowed = MasteryChecksFile.read(path, scenario: scenario, today: SchoolDate("2026-11-27"), term: backFilled)
        #expect(allowed.diagnostics.map(\.message) == [
            "1999-11-22 is before 2026-11-16, the first date history is back-filled from (the term started 2026-11-23): fix the date, or allow earlier checks with pacer init SCENARIO --history-from 1999-11-22",
        ])
        #expect(throws: StateError.historyAfterTermStart(historyFrom: SchoolDate("2026-11-24")!, termStart: SchoolDate("2026-11-23")!)) {
            try store.startTerm(on: SchoolDate("2026-11-23")!, historyFrom: SchoolDate("2026-11-24")!)
        }
        // The portal's one check is held to the same rule.
        let early = MasteryCheck(date: SchoolDate("2026-11-13")!, student: "S-01", objective: "MATH-7.RP.1", result: .mastered, note: "", source: "portal")
        #expect(early.problem(in: scenario, today: SchoolDate("2026-11-24")!, term: backFilled)?.hasPrefix("2026-11-13 is before 2026-11-16") == true)
    }

    /// A state made before v9 takes the earliest start in its history as the term's first date; one
    /// that no `pacer init` started (the first record made it) takes its history's first date too.
    @Test func anOlderStateTakesTheFirstDateOfItsHistory() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        _ = try StateStore(path: path, upTo: "v8")
        try startHistoriesTheOldWay(path, scenario, on: SchoolDate("2026-11-23")!)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE objective_history SET started_on = '2026-11-16' WHERE student = 'S-05'")
        }
        let upgraded = try StateStore(path: path)
        #expect(try upgraded.term() == StateStore.TermDates(startedOn: SchoolDate("2026-11-16")!, historyFrom: SchoolDate("2026-11-16")!))
        let row = try DatabaseQueue(path: path).read { try Row.fetchOne($0, sql: "SELECT started_on, history_from FROM term") }
        #expect(row?["started_on"] == "2026-11-16" && row?["history_from"] == "2026-11-16", "the migration wrote the row")

        let (other, otherScenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let recorded = try StateStore(path: StateStore.path(for: otherScenario))
        try Term(scenario: otherScenario, store: recorded).seed(on: SchoolDate("2026-11-24")!)
        #expect(try recorded.term()?.historyFrom == SchoolDate("2026-11-24")!)
    }
}
