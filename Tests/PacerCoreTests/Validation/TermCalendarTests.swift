import Foundation
import Testing
@testable import PacerCore

/// `calendar.term` and `calendar.holidays` in scenario.yaml: read as written, and every mistake
/// reported at its place.
@Suite struct TermCalendarTests {
    /// The tiny school's diagnostics with `lines` added under `calendar:`, and the scenario when it loads.
    private func read(_ lines: String) throws -> (diagnostics: [Diagnostic], scenario: Scenario?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-term-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: scenariosFolder + "/tiny-school", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/scenario.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "calendar:\n", with: "calendar:\n" + lines)
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let reading = ScenarioLoader.read(folder)
        return (reading.diagnostics, reading.scenario)
    }

    @Test func aTermAndItsHolidaysReadAsWritten() throws {
        let (diagnostics, scenario) = try read("""
              term: {first_day: 2026-08-24, last_day: 2026-12-18}
              holidays:
                - {date: 2026-11-26, note: Thanksgiving}
                - {from: 2026-11-20, to: 2026-11-24, note: Thanksgiving break}
                - {date: 2026-12-03, periods: [F1, F2], note: Assembly}

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let calendar = try #require(scenario?.calendar)
        #expect(calendar.term == TermDates(firstDay: SchoolDate("2026-08-24")!, lastDay: SchoolDate("2026-12-18")!))
        // The range takes its school days only: Friday, Monday and Tuesday.
        #expect(calendar.holidays.map(\.date.text) == ["2026-11-20", "2026-11-23", "2026-11-24", "2026-11-26", "2026-12-03"])
        let closed = calendar.closedDates
        #expect(closed.wholeDay(SchoolDate("2026-11-26")!)?.note == "Thanksgiving")
        #expect(!closed.isClosed(SchoolDate("2026-12-03")!))
        #expect(closed.closure(on: SchoolDate("2026-12-03")!, period: "F2")?.note == "Assembly")
        #expect(closed.closure(on: SchoolDate("2026-12-03")!, period: "P1") == nil)
        #expect(closed.closure(on: SchoolDate("2026-11-25")!, period: "F1") == nil)
        // validate says them.
        let summary = ScenarioSummary(try #require(scenario)).lines
        #expect(summary.contains("  term: 2026-08-24 to 2026-12-18"))
        #expect(summary.contains("  holidays: 5 dated closure(s), 4 whole school day(s) (2026-11-20 closed: Thanksgiving break; 2026-11-23 closed: Thanksgiving break; 2026-11-24 closed: Thanksgiving break; …)"), "\(summary)")
    }

    @Test(arguments: [
        ("  term: {first_day: 2026-13-01, last_day: 2026-12-18}\n", "first_day of the term: '2026-13-01' is not a date; write YYYY-MM-DD"),
        ("  term: {first_day: 2026-12-18, last_day: 2026-08-24}\n", "the term's last_day (2026-08-24) is before its first_day (2026-12-18)"),
        ("  term: {first_day: 2026-08-24}\n", "calendar 'term' is missing 'last_day'"),
        ("  holidays: [{date: 2026-11-31, note: x}]\n", "date of the holiday: '2026-11-31' is not a date"),
        ("  holidays: [{from: 2026-11-27, to: 2026-11-23, note: x}]\n", "the holiday's 'to' (2026-11-23) is before its 'from' (2026-11-27)"),
        ("  holidays: [{from: 2026-11-23, note: x}]\n", "a holiday range needs both 'from' and 'to'"),
        ("  holidays: [{from: 2000-01-03, to: 2030-01-04, note: x}]\n", "spans more than 366 days"),
        ("  holidays: [{date: 2026-11-26}]\n", "holiday is missing 'note'"),
        ("  holidays: [{date: 2026-11-26, to: 2026-11-27, note: x}]\n", "a holiday has either 'date' or 'from' and 'to', not both"),
        ("  holidays: [{date: 2026-11-26, periods: [F3], note: x}]\n", "unknown period 'F3'; did you mean"),
        ("  holidays: [{date: 2026-11-26, note: x, reason: y}]\n", "unknown key 'reason' in holiday"),
        ("  term: {first_day: 2026-08-24, last_day: 2026-12-18}\n  holidays: [{date: 2027-01-04, note: x}]\n",
         "holiday 2027-01-04 is after the term's last day (2026-12-18)"),
    ])
    func aMistakeIsAnErrorAtItsPlace(lines: String, message: String) throws {
        let (diagnostics, scenario) = try read(lines)
        #expect(scenario == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(message) && $0.location.file.hasSuffix("scenario.yaml") && $0.location.line > 0 }, "\(diagnostics)")
    }

    @Test func aHolidayOnANonSchoolDayIsAWarning() throws {
        let (diagnostics, scenario) = try read("  holidays: [{date: 2026-11-28, note: x}]\n")
        #expect(scenario != nil)
        #expect(diagnostics.map(\.message) == ["holiday 2026-11-28 is a Saturday, not a school day (the calendar's days are Mon, Tue, Wed, Thu, Fri); it changes nothing"])
        #expect(diagnostics.first?.severity == .warning)
    }
}
