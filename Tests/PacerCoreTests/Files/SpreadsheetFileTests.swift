import Foundation
import Testing
@testable import PacerCore

/// Files as spreadsheets save them: separated by commas, semicolons or tabs, with a byte order mark
/// and CRLF line ends; results and ids as people type them.
@Suite struct SpreadsheetFileTests {
    func parse(_ text: String) -> (CSVTable?, [Diagnostic]) {
        let log = DiagnosticLog()
        let table = CSVTable.parse(text, file: "t.csv", log: log)
        return (table, log.sorted)
    }

    @Test func theSeparatorIsTheOneTheHeaderRowUses() throws {
        // Semicolons, a quoted field holding one, CRLF and a byte order mark left in the text.
        let (semicolons, notes) = parse("\u{FEFF}date;student;note\r\n2026-11-24;S-01;\"ratios; all correct\"\r\n")
        let t = try #require(semicolons)
        #expect(t.header.fields.map(\.value) == ["date", "student", "note"])
        #expect(t.records.map { $0.fields.map(\.value) } == [["2026-11-24", "S-01", "ratios; all correct"]])
        #expect(notes.map(\.description) == ["t.csv:1:1: note: read as semicolon-separated (from the header row)"])
        #expect(t.header.fields[0].location.column == 1, "the byte order mark takes no column")
        let (tabs, tabNotes) = parse("date\tstudent\n2026-11-24\tS-01\n")
        #expect(tabs?.records.first?.fields.map(\.value) == ["2026-11-24", "S-01"])
        #expect(tabNotes.map(\.message) == ["read as tab-separated (from the header row)"])
        // Commas stay commas, whatever the cells hold (students.csv lists blocks with semicolons).
        let (commas, commaNotes) = parse("id,unavailable\nS-01,Mon-F1;Tue-F1\n")
        #expect(commas?.records.first?.fields.map(\.value) == ["S-01", "Mon-F1;Tue-F1"])
        #expect(commaNotes.isEmpty)
        #expect(commas?.separator == .comma)
    }

    @Test(arguments: ["mastered", "Mastered", " MASTERED "]) func masteredAsPeopleWriteIt(_ word: String) {
        #expect(MasteryCheck.Result(word: word) == .mastered)
    }

    @Test(arguments: ["not-yet", "Not yet", "not yet", "NOT-YET", "not_yet", " Not  yet "]) func notYetAsPeopleWriteIt(_ word: String) {
        #expect(MasteryCheck.Result(word: word) == .notYet)
    }

    @Test func aResultNearOneSaysWhichItMayBe() {
        #expect(MasteryCheck.Result(word: "notyet") == nil)
        #expect(MasteryCheck.Result.wordProblem("notyet") == "result must be 'mastered' or 'not-yet', got 'notyet'; did you mean not-yet?")
        #expect(MasteryCheck.Result.wordProblem("maybe") == "result must be 'mastered' or 'not-yet', got 'maybe'")
    }

    @Test func idsDifferingOnlyInCaseOrSpacesAreMatched() {
        let known = KnownIDs(["S-05", "T-CHEN", "X-1", "x-1"])
        #expect(known.match("S-05") == "S-05")
        #expect(known.match("s-05") == "S-05")
        #expect(known.match("T-CHEN ") == "T-CHEN")
        #expect(known.match(" t-chen") == "T-CHEN")
        #expect(known.match("X-1") == "X-1" && known.match("x-1") == "x-1")
        #expect(known.match("x-1 ") == "x-1", "two ids differing in case: matched exactly only")
        #expect(known.match("S-5") == nil)
    }

    /// A checks file saved by a spreadsheet: semicolons, a byte order mark, CRLF, `Not yet`, an id
    /// in lower case (read, with a warning naming both) and one mistyped (did you mean, as the
    /// command line says it).
    @Test func aChecksFileFromASpreadsheetIsRead() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/checks.csv"
        let text = "date;student;objective;result;note\r\n2026-11-24;s-05;math-7.rp.1;Not yet;\"first try; close\"\r\n2026-11-24;S-01;MATH-7.RP.1;Mastered;\r\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        let (rows, diagnostics) = MasteryChecksFile.read(path, scenario: scenario)
        #expect(diagnostics.map(\.description) == [
            "\(path):1:1: note: read as semicolon-separated (from the header row)",
            "\(path):2:12: warning: 's-05' read as S-05",
            "\(path):2:17: warning: 'math-7.rp.1' read as MATH-7.RP.1",
        ])
        #expect(rows.map { "\($0.student) \($0.objective) \($0.result.rawValue) \($0.note)" } == [
            "S-05 MATH-7.RP.1 not-yet first try; close", "S-01 MATH-7.RP.1 mastered ",
        ])
        try "date;student;objective;result\n2026-11-24;S-5;MATH-7.RP.1;Not yet\n".write(toFile: path, atomically: true, encoding: .utf8)
        let unknown = MasteryChecksFile.read(path, scenario: scenario).diagnostics.filter { $0.severity == .error }
        #expect(unknown.map(\.description) == ["\(path):2:12: error: " + scenario.unknownIDProblem(student: "S-5")!])
        #expect(unknown.first?.message.contains("did you mean S-05") == true, "\(unknown)")
    }

    @Test func anAbsencesFileFromASpreadsheetIsRead() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/absences.csv"
        try "\u{FEFF}date\tperson\tperiods\tnote\r\n2026-11-24\tteacher:t-chen \tf1;F2\tdentist\r\n2026-11-24\tsupervisor:a-park\t\t\r\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (absences, diagnostics) = AbsencesFile.read(path, scenario: scenario)
        #expect(diagnostics.map(\.message) == [
            "read as tab-separated (from the header row)", "'teacher:t-chen' read as teacher:T-CHEN", "'f1' read as F1",
            "'supervisor:a-park' read as supervisor:A-PARK",
        ])
        #expect(absences.map(\.text) == ["teacher:T-CHEN 2026-11-24 (F1, F2): dentist", "supervisor:A-PARK 2026-11-24 (all day)"])
    }

    @Test func studentsCSVFromASpreadsheetIsRead() throws {
        let (folder, _) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = try String(contentsOfFile: folder + "/students.csv", encoding: .utf8)
        // Semicolon-separated as Excel saves it where the decimal mark is a comma: the lists quoted.
        var lines = csv.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0.contains(";") ? "\"\($0)\"" : String($0) }.joined(separator: ";")
        }
        lines[1] = lines[1].replacingOccurrences(of: "MATH-7.RP.1", with: "math-7.rp.1").replacingOccurrences(of: "A-PARK", with: "a-park ")
        try Data([0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)).write(to: URL(fileURLWithPath: folder + "/students.csv"))
        let reading = ScenarioLoader.read(folder)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        let mine = reading.diagnostics.filter { $0.location.file.hasSuffix("students.csv") }.map(\.message)
        #expect(mine == ["read as semicolon-separated (from the header row)", "'math-7.rp.1' read as MATH-7.RP.1", "'a-park' read as A-PARK"], "\(mine)")
        let student = try #require(reading.scenario?.students.first { $0.id == "S-01" })
        #expect(student.current["MATH"] == "MATH-7.RP.1" && student.homeAdult == "A-PARK")
        #expect(reading.scenario?.students.count == 30)
    }
}
