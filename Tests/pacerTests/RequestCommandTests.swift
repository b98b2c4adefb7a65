import Foundation
import PacerCore
import Testing

/// `pacer request add|list|cancel` as a scheduler runs them.
@Suite struct RequestCommandTests {
    /// The "what" column says what was asked as every other place does (`RequestText.asked`):
    /// time a teacher asks for with a student is time with the student, not "time with" the teacher.
    @Test func theWhatColumnSaysTimeWithTheStudent() throws {
        let school = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: school) }
        let asked = try runPacerCapturing(["request", "add", school, "--student", "S-04", "--teacher", "T-RIVERA", "--on", "2026-11-25",
                                           "--by", "teacher:T-RIVERA", "--date", "2026-11-23"])
        #expect(asked.status == 0, "\(asked.errors)")
        #expect(try runPacerCapturing(["request", "add", school, "--student", "S-05", "--teacher", "T-CHEN", "--on", "2026-11-25",
                                       "--by", "family:S-05", "--date", "2026-11-23"]).status == 0)
        let rows = try runPacer(["request", "list", school, "--date", "2026-11-23"]).output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[6]) } == ["time with Noah Patel (S-04)", "time with Mr Chen (T-CHEN)"], "\(rows)")
    }

    @Test func askListMeetAndCancel() throws {
        let school = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: school) }
        let asked = try runPacerCapturing(["request", "add", school, "--student", "S-01", "--check", "MATH-7.RP.1", "--on", "2026-11-24",
                                           "--by", "teacher:T-OKAFOR", "--priority", "urgent", "--date", "2026-11-23"])
        #expect(asked.status == 0, "\(asked.errors)")
        #expect(asked.output == "request 1 recorded: Ms Okafor asks for a mastery check on Unit rates with fractions (MATH-7.RP.1) for Ava Martin (S-01), 2026-11-24, urgent\n")
        let again = try runPacerCapturing(["request", "add", school, "--student", "S-01", "--check", "MATH-7.RP.1", "--on", "2026-11-24",
                                           "--by", "teacher:T-OKAFOR", "--priority", "urgent", "--date", "2026-11-23"])
        #expect(again.output == "request 1 already asks this, at urgent; nothing new recorded\n")
        let family = try runPacerCapturing(["request", "add", school, "--student", "S-02", "--workshop", "MATH-7.RP.1", "--week-of", "2026-11-23",
                                            "--by", "family:S-02", "--note", "fractions at home", "--date", "2026-11-23"])
        #expect(family.status == 0 && family.output.hasPrefix("request 2 recorded: Liam Chen's family asks for a workshop"), "\(family.output)")
        let refused = try runPacerCapturing(["request", "add", school, "--student", "S-03", "--check", "MATH-7.RP.1", "--on", "2026-11-24", "--priority", "hgh"])
        #expect(refused.status != 0 && refused.errors.contains("request refused: unknown priority 'hgh'; did you mean high?"), "\(refused.errors)")
        let far = try runPacerCapturing(["request", "add", school, "--student", "S-03", "--check", "MATH-7.RP.1", "--on", "9999-12-31", "--date", "2026-11-23"])
        #expect(far.status != 0 && far.errors.contains("request refused: 9999-12-31 is 2912116 days after today (2026-11-23)"), "\(far.errors)")
        let twoLines = try runPacerCapturing(["request", "add", school, "--student", "S-03", "--check", "MATH-7.RP.1", "--on", "2026-11-24",
                                              "--note", "one\nforged line", "--date", "2026-11-23"])
        #expect(twoLines.status != 0 && twoLines.errors.contains("request refused: the note has a line break (U+000A) at character 4; it is one line"), "\(twoLines.errors)")
        // A single-valued option given twice is refused, not the last one kept.
        for (twice, name) in [(["--on", "2026-11-24", "--on=2026-11-25"], "--on"), (["--on", "2026-11-24", "--priority", "high", "--priority", "urgent"], "--priority"),
                              (["--on", "2026-11-24", "--period", "F1", "--period", "F2"], "--period"), (["--on", "2026-11-24", "--student", "S-04"], "--student")] {
            let refused = try runPacerCapturing(["request", "add", school, "--student", "S-03", "--check", "MATH-7.RP.1", "--date", "2026-11-23"] + twice)
            #expect(refused.status != 0 && refused.errors.contains("\(name) given twice: give it once"), "\(refused.errors)")
        }
        let usage = try runPacerCapturing(["request", "add", school, "--student", "S-03", "--check", "MATH-7.RP.1"])
        #expect(usage.status != 0 && usage.errors.contains("give --on DATE (with --period P for one block) or --week-of DATE"))

        // A listing as of a day to come would decline for good the requests whose days have not come.
        let ahead = try runPacerCapturing(["request", "list", school, "--date", "9999-12-31"])
        #expect(ahead.status != 0 && ahead.errors.contains("--date 9999-12-31 is after today"), "\(ahead.errors)")
        let list = try runPacer(["request", "list", school, "--date", "2026-11-24"]).output.split(separator: "\n")
        #expect(list.count == 3)
        #expect(list[1].hasPrefix("1\t2026-11-23\t1\tMs Okafor\tAva Martin\tS-01\ta mastery check on Unit rates with fractions (MATH-7.RP.1)\t2026-11-24\turgent\topen"))
        // For a program: csv and json, the same columns.
        let csv = try runPacer(["request", "list", school, "--date", "2026-11-24", "--format", "csv"]).output.split(whereSeparator: \.isNewline)
        #expect(csv.first == "id,asked,days waiting,by,name,student,what,when,priority,status,reason,note" && csv.count == 3, "\(csv)")
        let json = try JSONSerialization.jsonObject(with: Data(try runPacer(["request", "list", school, "--date", "2026-11-24", "--format", "json"]).output.utf8))
        let rows = try #require(json as? [[String: Any]])
        #expect(rows.count == 2 && rows.first?["student"] as? String == "S-01" && rows.first?["priority"] as? String == "urgent", "\(rows)")

        try "date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,mastered\n".write(toFile: school + "/c.csv", atomically: true, encoding: .utf8)
        let recorded = try runPacer(["record", school, "--checks", school + "/c.csv", "--date", "2026-11-25"]).output
        // Recorded a day late, after the day passed: the check still meets the request it answers.
        #expect(recorded.contains("S-01 2026-11-24 [check 1]: meets request 1 (a mastery check on Unit rates with fractions (MATH-7.RP.1))"), "\(recorded)")
        let reasonLines = try runPacerCapturing(["request", "cancel", school, "2", "--by", "family:S-02", "--reason", "sorted\nat home"])
        #expect(reasonLines.status != 0 && reasonLines.errors.contains("cancel refused: the reason has a line break (U+000A) at character 7; it is one line"), "\(reasonLines.errors)")
        // An id that is no request's gets the command's own refusal, `-1` as `-- -1`.
        for id in [["-1"], ["--", "-1"], ["0"], ["-1", "--by", "scheduler"]] {
            let refused = try runPacerCapturing(["request", "cancel", school] + id)
            #expect(refused.status != 0 && refused.errors.contains("request ids are whole numbers from 1; pacer request list shows them"), "\(id): \(refused.errors)")
        }
        let mistyped = try runPacerCapturing(["request", "cancel", school, "2", "--reson", "x"])
        #expect(mistyped.status != 0 && mistyped.errors.contains("unknown option '--reson'"), "\(mistyped.errors)")
        let byTwice = try runPacerCapturing(["request", "cancel", school, "2", "--by", "teacher:T-OKAFOR", "--by", "scheduler"])
        #expect(byTwice.status != 0 && byTwice.errors.contains("--by given twice: give it once"), "\(byTwice.errors)")
        let notYours = try runPacerCapturing(["request", "cancel", school, "2", "--by", "teacher:T-OKAFOR"])
        #expect(notYours.status != 0 && notYours.errors.contains("request 2 is not teacher:T-OKAFOR's"))
        #expect(try runPacer(["request", "cancel", school, "2", "--by", "family:S-02", "--reason", "sorted at home"]).output
            == "request 2 cancelled: Liam Chen's family asks for a workshop on Unit rates with fractions (MATH-7.RP.1) for Liam Chen (S-02), week of 2026-11-23, normal\n")
        #expect(try runPacer(["request", "list", school, "--date", "2026-11-25"]).output == "no open requests\n")
        #expect(try runPacer(["request", "list", school, "--date", "2026-11-25", "--format", "json"]).output.filter { !$0.isWhitespace } == "[]")
        let all = try runPacer(["request", "list", school, "--all", "--date", "2026-11-25"]).output
        #expect(all.contains("\tmet\tchecked on 2026-11-24 (check 1)\t") && all.contains("\tcancelled\tsorted at home\tfractions at home"))
        // A request on an objective the student has moved on from is taken, with a note that plans will not weigh it.
        let moved = try runPacerCapturing(["request", "add", school, "--student", "S-01", "--workshop", "MATH-7.RP.1", "--on", "2026-11-26", "--date", "2026-11-25"])
        #expect(moved.status == 0 && moved.errors.contains("note: Ava Martin is on Recognize proportional relationships (MATH-7.RP.2) now: plans weigh this request only while they are on MATH-7.RP.1"), "\(moved.errors)")
    }

    /// Ids typed on the command line are read as the scenario writes them: the flex period as the
    /// student, the objective and the priority are.
    @Test func aFlexPeriodIsReadAsTheScenarioWritesIt() throws {
        let school = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: school) }
        let asked = try runPacerCapturing(["request", "add", school, "--student", "s-01", "--check", "MATH-7.RP.1", "--on", "2026-11-24", "--period", "f1",
                                           "--priority", "Urgent", "--date", "2026-11-23"])
        #expect(asked.status == 0, "\(asked.errors)")
        #expect(asked.errors.contains("note: 'f1' read as F1") && asked.errors.contains("note: 'Urgent' read as urgent"), "\(asked.errors)")
        #expect(asked.output.hasSuffix("for Ava Martin (S-01), 2026-11-24 F1, urgent\n"), "\(asked.output)")
        let other = try runPacerCapturing(["request", "add", school, "--student", "S-01", "--check", "MATH-7.RP.1", "--on", "2026-11-24", "--period", "p1", "--date", "2026-11-23"])
        #expect(other.status != 0 && other.errors.contains("request refused: unknown flex period 'p1'"), "\(other.errors)")
    }
}
