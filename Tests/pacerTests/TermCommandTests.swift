import Foundation
import GRDB
import Testing
@testable import PacerCore

/// `pacer init --date D` starts the term on D; checks dated before it are refused until
/// `--history-from` allows them.
@Suite(.serialized) struct TermCommandTests {
    @Test func checksBeforeTheTermAreRefusedAndAcceptedAfterHistoryFrom() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "date,student,objective,result\n2026-11-20,S-01,MATH-7.RP.1,mastered\n1999-01-04,S-02,MATH-7.RP.1,mastered\n"
            .write(toFile: folder + "/early.csv", atomically: true, encoding: .utf8)
        let refused = try runPacer(["record", folder, "--checks", folder + "/early.csv", "--date", "2026-11-24"])
        #expect(refused.status != 0)
        #expect(refused.output.contains(folder + "/early.csv:2:1: error: 2026-11-20 is before the term's first date (2026-11-23): fix the date, or allow earlier checks with pacer init SCENARIO --history-from 2026-11-20"), "\(refused.output)")
        #expect(refused.output.contains(folder + "/early.csv:3:1: error: 1999-01-04 is before the term's first date (2026-11-23)"), "\(refused.output)")
        let count = { try DatabaseQueue(path: folder + "/pacer-state.sqlite").read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM mastery_check") ?? -1 } }
        #expect(try count() == 0)

        #expect(try runPacerCapturing(["init", folder, "--date", "2026-11-23", "--history-from", "2026-11-24"]).errors
            .contains("--history-from 2026-11-24 is after --date 2026-11-23"))
        let allowed = try runPacer(["init", folder, "--history-from", "2026-11-16"])
        #expect(allowed.status == 0)
        #expect(allowed.output.contains("term started 2026-11-23; checks accepted from 2026-11-16"), "\(allowed.output)")
        let still = try runPacer(["record", folder, "--checks", folder + "/early.csv", "--date", "2026-11-24"])
        #expect(still.status != 0 && !still.output.contains("2026-11-20 is before"), "the Friday before is allowed, 1999 is not: \(still.output)")
        try "date,student,objective,result\n2026-11-20,S-01,MATH-7.RP.1,mastered\n".write(toFile: folder + "/friday.csv", atomically: true, encoding: .utf8)
        let recorded = try runPacer(["record", folder, "--checks", folder + "/friday.csv", "--date", "2026-11-24"])
        #expect(recorded.status == 0, "\(recorded.output)")
        #expect(recorded.output.contains("1 check(s) recorded"))
        #expect(try count() == 1)
    }

    /// `pacer record` on a scenario with no state yet makes it, as before, from the earliest check.
    @Test func recordWithoutInitStillStartsTheState() throws {
        let folder = temporaryFolder()
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,mastered\n".write(toFile: folder + "/checks.csv", atomically: true, encoding: .utf8)
        let first = try runPacer(["record", folder, "--checks", folder + "/checks.csv", "--date", "2026-11-24"])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("1 check(s) recorded, 0 already known, 1 student(s) moved on"))
        #expect(try StateStore(path: folder + "/pacer-state.sqlite").term()?.startedOn == SchoolDate("2026-11-24")!)
    }
}
