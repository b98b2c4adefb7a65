import Foundation
import GRDB
import PacerCore
import Testing

/// `pacer export --format oneroster` and `pacer record --from oneroster`: the term's checks out to a
/// gradebook and back, through the commands a scheduler runs.
@Suite struct GradebookCommandTests {
    /// A term's checks exported as a OneRoster gradebook and recorded into a fresh term of the same
    /// school move the same students to the same objectives; sent again, nothing changes.
    @Test func theTermsChecksGoOutAndComeBack() throws {
        let school = try tinySchoolWithState(), fresh = try tinySchoolWithState()
        defer { for folder in [school, fresh] { try? FileManager.default.removeItem(atPath: folder) } }
        try """
            date,student,objective,result,note
            2026-11-24,S-01,MATH-7.RP.1,mastered,"Ratios table, explained"
            2026-11-24,S-04,MATH-7.RP.2,not-yet,
            2026-11-25,S-04,MATH-7.RP.2,mastered,
            """.write(toFile: school + "/checks.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", school, "--checks", school + "/checks.csv", "--date", "2026-11-27"]).status == 0)
        let out = school + "-gradebook"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let export = try runPacerCapturing(["export", school, "--format", "oneroster", "--out", out])
        #expect(export.status == 0, "\(export.errors)")
        #expect(export.output.contains("wrote 6 files to \(out): 3 results on 2 objectives (OneRoster 1.2 gradebook)"))

        let recorded = try runPacerCapturing(["record", fresh, "--from", "oneroster", out, "--date", "2026-11-27"])
        #expect(recorded.status == 0, "\(recorded.output) \(recorded.errors)")
        #expect(recorded.output.contains("\(out): 3 check(s) recorded, 0 already known, 2 student(s) moved on"), "\(recorded.output)")
        let status = try runPacer(["status", school, "--date", "2026-11-27", "--format", "csv"]).output
        #expect(status.contains("S-01,Ava Martin,MATH,MATH-7.RP.2"))
        #expect(try runPacer(["status", fresh, "--date", "2026-11-27", "--format", "csv"]).output == status)
        let again = try runPacerCapturing(["record", fresh, "--from", "oneroster", out, "--date", "2026-11-27"])
        #expect(again.output.contains("0 check(s) recorded, 3 already known"), "\(again.output)")
    }

    /// A gradebook with one bad row records nothing and says where; the usage mistakes are named.
    @Test func aBadGradebookRecordsNothing() throws {
        let school = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: school) }
        let folder = school + "/gradebook"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            sourcedId,lineItemSourcedId,studentSourcedId,scoreStatus,score,textScore,scoreDate
            R-1,LI-1,S-01,fully graded,,mastered,2026-11-24
            R-2,LI-1,S-99,fully graded,,mastered,2026-11-24
            """.write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        try "lineItemSourcedId,source,learningObjectiveId\nLI-1,Pacer,MATH-7.RP.1\n"
            .write(toFile: folder + "/lineItemLearningObjectiveIds.csv", atomically: true, encoding: .utf8)
        let run = try runPacerCapturing(["record", school, "--from", "oneroster", folder, "--date", "2026-11-27"])
        #expect(run.status == 1)
        #expect(run.output.contains("results.csv:3:"), "\(run.output)")
        #expect(run.output.contains("unknown student 'S-99'"))
        #expect(run.output.contains("\(folder): nothing recorded"))
        let checks = try DatabaseQueue(path: school + "/pacer-state.sqlite").read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mastery_check") }
        #expect(checks == 0)

        let noFormat = try runPacerCapturing(["record", school, folder])
        #expect(noFormat.status != 0 && noFormat.errors.contains("say what the folder holds"))
        let withPlan = try runPacerCapturing(["export", school, "plan.json", "--format", "oneroster", "--out", school + "/x"])
        #expect(withPlan.status != 0 && withPlan.errors.contains("exports the term's checks, not a plan"))
    }
}
