import Foundation
import Testing
@testable import PacerCore

/// `pacer closed` records a snow day with its note, refuses what cannot be closed, and status,
/// plan and regroup say why a date is closed.
@Suite(.serialized) struct ClosedCommandTests {
    @Test func aSnowDayIsRecordedSaidByStatusAndSkippedByPlanAndRegroup() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refusals: [([String], String)] = [
            (["closed", folder, "2026-11-28", "--note", "x"], "2026-11-28 is a Saturday, not a school day"),
            (["closed", folder, "2026-11-26", "--periods", "F9", "--note", "x"], "unknown period 'F9'"),
            (["closed", folder, "2026-11-26"], "say why the school is closed with --note"),
            (["closed", folder, "26/11/2026", "--note", "x"], "the date must be written YYYY-MM-DD"),
            (["closed", folder, "2026-11-27", "--reopen"], "no closure recorded for 2026-11-27; nothing changed"),
        ]
        for (arguments, message) in refusals {
            let refused = try runPacerCapturing(arguments)
            #expect(refused.status != 0 && refused.errors.contains(message), "\(arguments): \(refused.errors)")
        }
        let periods = try runPacer(["closed", folder, "2026-11-25", "--periods", "F1,,F1", "--note", "assembly"])
        #expect(periods.output.contains("recorded: 2026-11-25 (F1) closed: assembly"), "a period named twice is closed once: \(periods.output)")
        let recorded = try runPacer(["closed", folder, "2026-11-26", "--note", "snow day"])
        #expect(recorded.status == 0 && recorded.output.contains("recorded: 2026-11-26 closed: snow day"), "\(recorded.output)")
        let status = try runPacer(["status", folder, "--date", "2026-11-26"])
        #expect(status.output.contains("2026-11-26 closed: snow day"), "\(status.output)")

        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let plan = try runPacer(["plan", folder, "--week-of", "2026-11-23", "--out", out, "--time-limit", "30", "--quiet"])
        #expect(plan.status == 0 && plan.output.contains("closed: 2026-11-26 (Thu) closed: snow day"), "\(plan.output)")
        let planned = try PlanFile.read(out + "/plan.json")
        #expect(!planned.sessions.contains { $0.day == "Thu" })
        #expect(try runPacer(["publish", folder, out + "/plan.json"]).status == 0)
        let regroup = try runPacerCapturing(["regroup", folder, "--date", "2026-11-26", "--out", out + "/thu"])
        #expect(regroup.status != 0 && regroup.errors.contains("2026-11-26 closed: snow day: the school is closed all day"), "\(regroup.errors)")

        let reopened = try runPacer(["closed", folder, "2026-11-26", "--reopen"])
        #expect(reopened.status == 0 && reopened.output.contains("reopened 2026-11-26: 1 closure removed"), "\(reopened.output)")
    }
}
