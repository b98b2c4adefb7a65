import Foundation
import PacerCore
import Testing

/// `pacer status` lists the requests still asking after where students stand, oldest first.
@Suite struct StatusRequestsCommandTests {
    @Test func statusListsOpenRequestsOldestFirstAndNothingWhenThereAreNone() throws {
        let school = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: school) }
        let before = try runPacer(["status", school, "--date", "2026-11-25"]).output
        #expect(!before.contains("open requests"), "nothing when there are none")
        _ = try runPacer(["request", "add", school, "--student", "S-02", "--workshop", "MATH-7.RP.1", "--on", "2026-11-26",
                          "--by", "family:S-02", "--date", "2026-11-24"])
        _ = try runPacer(["request", "add", school, "--student", "S-01", "--check", "MATH-7.RP.1", "--on", "2026-11-25",
                          "--by", "teacher:T-OKAFOR", "--priority", "urgent", "--date", "2026-11-23"])
        _ = try runPacer(["request", "add", school, "--student", "S-03", "--check", "MATH-7.RP.1", "--on", "2026-11-25", "--date", "2026-11-25"])
        // Dated as the others: today's date would find every request's day past.
        _ = try runPacer(["request", "cancel", school, "3", "--date", "2026-11-25"])
        let output = try runPacer(["status", school, "--date", "2026-11-25"]).output
        let tail = try #require(output.range(of: "\nrequests still asking, oldest first:\n")).upperBound
        #expect(output[tail...].split(separator: "\n") == [
            "  2 days waiting: Ms Okafor asks for a mastery check on Unit rates with fractions (MATH-7.RP.1) for Ava Martin (S-01), 2026-11-25, urgent [request 2]",
            "  1 day waiting: Liam Chen's family asks for a workshop on Unit rates with fractions (MATH-7.RP.1) for Liam Chen (S-02), 2026-11-26, normal [request 1]",
        ], "oldest first, the cancelled one left out, after the standing table")
        #expect(output.hasPrefix("student\t"), "the standing table comes first")
        // One student's status lists that student's requests only, after their checks.
        let one = try runPacer(["status", school, "--student", "S-02", "--date", "2026-11-25"]).output
        #expect(one.contains("no checks recorded for S-02\n\nrequests still asking, oldest first:\n  1 day waiting: Liam Chen's family"))
        #expect(!one.contains("Ava Martin (S-01)"))
    }
}
