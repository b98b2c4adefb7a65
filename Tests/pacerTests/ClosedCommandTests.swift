import Foundation
import Testing
@testable import PacerCore

/// `pacer closed` records a snow day with its note, refuses what cannot be closed, and status,
/// plan and regroup say why a date is closed.
@Suite(.serialized) struct ClosedCommandTests {
    /// An absence or a closure is dated within the plans' reach: the term when the calendar names
    /// one, else from the state's first records to at most 366 days ahead, as a request asks.
    @Test func anAbsenceOrAClosureOutOfReachIsRefused() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = SchoolDate.today()
        let refusals: [([String], String)] = [
            (["absent", folder, "--date", "0001-01-01", "teacher:T-CHEN"],
             "absence teacher:T-CHEN on 0001-01-01: 0001-01-01 is before the state's records begin (2026-11-23, pacer init); nothing was recorded"),
            (["absent", folder, "--date", "9999-12-31", "student:S-01", "--note", "far"],
             "absence student:S-01 on 9999-12-31: 9999-12-31 is \(today.days(to: SchoolDate("9999-12-31")!)) days after today (\(today)); "
                + "the calendar names no term, so Pacer records at most 366 days ahead; nothing was recorded"),
            (["closed", folder, "9999-12-31", "--note", "far"], "closure on 9999-12-31: 9999-12-31 is "),
            (["closed", folder, "0001-01-01", "--note", "far"], "closure on 0001-01-01: 0001-01-01 is before the state's records begin (2026-11-23, pacer init)"),
        ]
        for (arguments, message) in refusals {
            let refused = try runPacerCapturing(arguments)
            #expect(refused.status != 0 && refused.errors.contains(message), "\(arguments): \(refused.errors)")
        }
        try "date,person,periods,note\n2026-11-24,teacher:T-CHEN,,sick\n9999-12-31,teacher:T-OKAFOR,,far\n".write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        let file = try runPacerCapturing(["absent", folder, "--file", folder + "/a.csv"])
        #expect(file.status != 0 && file.errors.contains("absence teacher:T-OKAFOR on 9999-12-31: 9999-12-31 is "), "\(file.errors)")
        #expect(try runPacer(["status", folder, "--date", "2026-11-24"]).output.contains("absent") == false, "nothing of the file was recorded")
        // With a term in the calendar, the term is the reach.
        var yaml = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "calendar:\n", with: "calendar:\n  term: {first_day: 2026-11-23, last_day: 2026-12-18}\n")
        try yaml.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let outside = try runPacerCapturing(["absent", folder, "--date", "2027-01-04", "teacher:T-CHEN"])
        #expect(outside.status != 0 && outside.errors.contains("absence teacher:T-CHEN on 2027-01-04: 2027-01-04 is after the term's last day (2026-12-18)"), "\(outside.errors)")
    }

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
