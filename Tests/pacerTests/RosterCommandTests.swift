import Foundation
import Testing

/// `pacer enroll`, `leave` and `teaches` from the command line, and what status and regroup then say.
@Suite struct RosterCommandTests {
    @Test func enrollLeaveAndTeachesAreRecordedAndShown() throws {
        let school = temporaryFolder(), out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: school); try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: school)
        let studentsCSV = try Data(contentsOf: URL(fileURLWithPath: school + "/students.csv"))
        func pacer(_ arguments: [String]) throws -> String {
            let (status, output, errors) = try runPacerCapturing(arguments)
            #expect(status == 0, "pacer \(arguments.joined(separator: " ")): \(errors) \(output.suffix(400))")
            return output
        }
        _ = try pacer(["init", school, "--date", "2026-11-23"])
        _ = try pacer(["plan", school, "--week-of", "2026-11-23", "--out", out + "/w1", "--node-limit", "20", "--time-limit", "20"])
        _ = try pacer(["publish", school, out + "/w1/plan.json"])

        #expect(try pacer(["enroll", school, "student:S-40", "--date", "2026-11-30", "--name", "Ana Ruiz", "--grade", "7", "--objective", "MATH=MATH-7.RP.1"])
                == "Ana Ruiz (S-40) joined on 2026-11-30\n")
        #expect(try pacer(["leave", school, "student:S-10", "--date", "2026-11-25", "--note", "moved away"])
                == "Mateo Diaz (S-10) left on 2026-11-25 (moved away)\n")
        #expect(try pacer(["teaches", school, "teacher:T-CHEN", "--date", "2026-11-30", "--objectives", "MATH-7.RP.1, MATH-7.RP.2"]).hasPrefix(
            "Mr Chen (T-CHEN) teaches Unit rates with fractions (MATH-7.RP.1), Recognize proportional relationships (MATH-7.RP.2) from 2026-11-30"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: school + "/students.csv")) == studentsCSV, "students.csv is not edited")

        // The student who left keeps their history, with the day they left.
        let status = try pacer(["status", school, "--student", "S-10", "--date", "2026-11-30", "--format", "tsv"])
        #expect(status.contains("S-10\tMateo Diaz\tMATH\tMATH-7.RP.3"))
        #expect(status.contains("roster: Mateo Diaz (S-10) left on 2026-11-25 (moved away)"))
        let newcomer = try pacer(["status", school, "--student", "S-40", "--date", "2026-12-01", "--format", "tsv"])
        #expect(newcomer.contains("S-40\tAna Ruiz\tMATH\tMATH-7.RP.1\t1\t0\t-\t-"))
        // The day's regroup drops them from the published day, and says so.
        let thursday = try pacer(["regroup", school, "--date", "2026-11-26", "--out", out + "/thu", "--node-limit", "20", "--time-limit", "20"])
        #expect(thursday.contains("off the roster, dropped from the day: Mateo Diaz (S-10) left on 2026-11-25 (moved away)"))
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/thu/plan.json"))) as? [String: Any]
        let sessions = try #require(plan?["sessions"] as? [[String: Any]])
        #expect(!sessions.isEmpty && !sessions.contains { ($0["students"] as? [String])?.contains("S-10") == true })

        // Repeats and mistakes are refused, with nothing recorded.
        let again = try runPacerCapturing(["leave", school, "student:S-10", "--date", "2026-11-27"])
        #expect(again.status == 1 && again.errors.contains("Mateo Diaz (S-10) left on 2026-11-25 already; nothing to do; nothing recorded"))
        let typo = try runPacerCapturing(["leave", school, "student:S-1O", "--date", "2026-11-27"])
        #expect(typo.status == 1 && typo.errors.contains("did you mean S-10"))
        let saturday = try runPacerCapturing(["enroll", school, "student:S-10", "--date", "2026-11-28"])
        #expect(saturday.status == 1 && saturday.errors.contains("is a Saturday, not a school day"))
        let half = try runPacerCapturing(["enroll", school, "student:S-41", "--date", "2026-11-30", "--grade", "7"])
        #expect(half.status == 1 && half.errors.contains("needs --name too"))
        let aide = try runPacerCapturing(["leave", school, "supervisor:A-PARK", "--date", "2026-11-30"])
        #expect(aide.status == 1 && aide.errors.contains("student:ID or teacher:ID"))
        let badDate = try runPacerCapturing(["leave", school, "student:S-11", "--date", "2026-02-30"])
        #expect(badDate.status != 0 && badDate.errors.contains("YYYY-MM-DD"))
        // Back with enroll.
        #expect(try pacer(["enroll", school, "student:s-10", "--date", "2026-12-07"]) == "Mateo Diaz (S-10) joined on 2026-12-07\n")
    }
}
