import Foundation
import GRDB
import Testing
@testable import PacerCore

/// What people type reaches the state only through `PersonText`'s rule, and what comes back out of
/// the state is escaped on the terminal and in TSV.
@Suite(.serialized) struct PersonTextCommandTests {
    func checksCount(_ folder: String) throws -> Int {
        try DatabaseQueue(path: folder + "/pacer-state.sqlite").read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM mastery_check") ?? -1 }
    }

    @Test func recordRefusesAFileWithAnEscapeOrANulNoteAndRecordsNothing() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = "date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,mastered,fine\n"
            + "2026-11-24,S-02,MATH-7.RP.1,not-yet,\u{1B}]0;owned\u{7}\u{1B}[2K\n2026-11-24,S-03,MATH-7.RP.3,mastered,cut\u{0}here\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/checks.csv"))
        let (status, output) = try runPacer(["record", folder, "--checks", folder + "/checks.csv", "--date", "2026-11-24"])
        #expect(status != 0)
        #expect(output.contains(folder + "/checks.csv:3:37: error: the note has a control character (U+001B) at character 1"), "\(output)")
        #expect(output.contains(folder + "/checks.csv:4:38: error: the note has a control character (U+0000) at character 4"), "\(output)")
        #expect(output.contains("nothing recorded"))
        #expect(!output.utf8.contains(0x1B) && !output.utf8.contains(0), "the diagnostics echo no control character")
        #expect(try checksCount(folder) == 0)
    }

    @Test func recordRefusesANoteOverFiveHundredCharacters() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,mastered,\(String(repeating: "x", count: 501))\n"
            .write(toFile: folder + "/checks.csv", atomically: true, encoding: .utf8)
        let (status, output) = try runPacer(["record", folder, "--checks", folder + "/checks.csv", "--date", "2026-11-24"])
        #expect(status != 0)
        #expect(output.contains(folder + "/checks.csv:2:38: error: the note has 501 characters; at most 500"), "\(output)")
        #expect(try checksCount(folder) == 0)
    }

    @Test func absentRefusesANoteWithAControlCharacter() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try runPacerCapturing(["absent", folder, "teacher:T-CHEN", "--date", "2026-11-24", "--note", "sick\u{1B}[2K"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--note: the note has a control character (U+001B) at character 5"), "\(refused.errors)")
        let kept = try runPacer(["absent", folder, "teacher:T-CHEN", "--date", "2026-11-24", "--note", "sick\r\nall week"])
        #expect(kept.status == 0)
        #expect(kept.output.contains("absent: teacher:T-CHEN 2026-11-24 (all day): sick all week"), "\(kept.output)")
    }

    /// A note written straight into the database (a state older than the rule, or edited by hand)
    /// reaches neither the terminal as an escape sequence nor a TSV reader as a forged row.
    @Test func statusAndRecordShowWhatAnOldStateHoldsEscaped() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,not-yet,fine\n".write(toFile: folder + "/checks.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", folder, "--checks", folder + "/checks.csv", "--date", "2026-11-24"]).status == 0)
        let hostile = "\u{1B}]0;owned\u{7}\u{1B}[2K\r\n99\t2026-11-24\tMATH-7.RP.1\tmastered\t=HYPERLINK(\"x\")\tforged"
        try DatabaseQueue(path: folder + "/pacer-state.sqlite").write { db in
            try db.execute(sql: "UPDATE mastery_check SET note = ?, objective = objective || ? WHERE student = 'S-01'", arguments: [hostile, "\u{1B}[31m"])
        }
        for format in ["tsv", "table"] {
            let (status, output) = try runPacer(["status", folder, "--student", "S-01", "--date", "2026-11-24", "--format", format])
            #expect(status == 0)
            #expect(!output.utf8.contains(0x1B) && !output.utf8.contains(0x07) && !output.utf8.contains(0x0D), "\(format): \(output)")
            let checks = output.components(separatedBy: "\n\n").last ?? ""
            #expect(checks.split(separator: "\n").count == 2, "\(format): a header and one check, no forged row: \(checks)")
            if format == "tsv" {
                #expect(checks.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 }, "\(checks)")
                #expect(checks.contains("\\u{1b}]0;owned\\u{7}\\u{1b}[2K 99 2026-11-24 MATH-7.RP.1 mastered =HYPERLINK(\"x\") forged"), "\(checks)")
            }
        }
        // The lines pacer record prints quote the state too.
        let id = try DatabaseQueue(path: folder + "/pacer-state.sqlite").read { try Int64.fetchOne($0, sql: "SELECT id FROM mastery_check") ?? -1 }
        let withdrawn = try runPacer(["record", folder, "--withdraw", "\(id)"])
        #expect(withdrawn.status == 0)
        #expect(withdrawn.output.contains("MATH-7.RP.1\\u{1b}[31m not-yet) withdrawn"), "\(withdrawn.output)")
        #expect(!withdrawn.output.utf8.contains(0x1B))
    }
}
