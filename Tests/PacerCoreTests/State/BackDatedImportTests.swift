import Foundation
import Testing
@testable import PacerCore

/// A file of back-dated checks replays each student's subject once, and ends where recording the
/// same checks one at a time in date order ends.
@Suite struct BackDatedImportTests {
    /// Checks for S-01..S-09 on `days` school days from 2026-11-24: not-yet on the current
    /// objective, then mastered on the last day.
    func history(days: [String]) -> [String] {
        var rows: [String] = []
        for n in 1...9 {
            for (i, day) in days.enumerated() {
                let objective = n <= 3 ? "MATH-7.RP.1" : n <= 7 ? "MATH-7.RP.2" : "MATH-7.RP.3"
                rows.append("\(day),S-0\(n),\(objective),\(i == days.count - 1 ? "mastered" : "not-yet")")
            }
        }
        return rows
    }

    @Test func aFileOfBackDatedChecksReplaysEachStudentsSubjectOnce() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A later check for every student first: everything after it in the file is back-dated.
        let header = "date,student,objective,result\n"
        _ = try Term(scenario: scenario, store: store).record(try checks(header + (1...9).map { "2026-12-04,S-0\($0),MATH-7.SP.1,not-yet" }.joined(separator: "\n") + "\n", scenario, in: folder), source: "later.csv", today: afterTheChecks)
        let days = ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30"]
        let report = try Term(scenario: scenario, store: store).record(try checks(header + history(days: days).joined(separator: "\n") + "\n", scenario, in: folder), source: "back-filled.csv", today: afterTheChecks)
        #expect(report.recorded == 45)
        let replays = report.lines.filter { $0.contains("history replayed") }
        #expect(replays.count == 9, "one replay per student and subject, not one per row: \(replays.count)")

        // The same checks recorded one file per day, in date order, end in the same place.
        let (other, _, oneByOne) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: other) }
        for day in days {
            let rows = history(days: days).filter { $0.hasPrefix(day) }
            _ = try Term(scenario: scenario, store: oneByOne).record(try checks(header + rows.joined(separator: "\n") + "\n", scenario, in: other), source: day, today: afterTheChecks)
        }
        _ = try Term(scenario: scenario, store: oneByOne).record(try checks(header + (1...9).map { "2026-12-04,S-0\($0),MATH-7.SP.1,not-yet" }.joined(separator: "\n") + "\n", scenario, in: other), source: "later.csv", today: afterTheChecks)
        #expect(try store.standings(scenario) == oneByOne.standings(scenario))
        #expect(try store.standings(scenario).first { $0.student == "S-01" }?.objective == "MATH-7.RP.2")
    }

    @Test func withdrawingManyChecksOfOneStudentReplaysOnce() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let days = ["2026-11-24", "2026-11-25", "2026-11-26"]
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n" + history(days: days).joined(separator: "\n") + "\n", scenario, in: folder), source: "checks.csv", today: afterTheChecks)
        let ids = try store.checks(of: "S-01").map(\.id)
        #expect(ids.count == 3)
        let report = try Term(scenario: scenario, store: store).withdraw(ids)
        #expect(report.lines.filter { $0.contains("history replayed") }.count == 1)
        #expect(try store.standings(scenario).first { $0.student == "S-01" }?.objective == "MATH-7.RP.1")
    }
}
