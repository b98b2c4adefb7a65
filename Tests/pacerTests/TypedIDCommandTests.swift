import Foundation
import Testing

/// Ids typed on the command line are read as the scenario writes them, as files and the portal's
/// forms read them: a difference of case or surrounding spaces is matched with a note, and an id
/// that names nobody gets the nearest known ones.
@Suite struct TypedIDCommandTests {
    @Test func absentStatusAndAccessMatchIdsDifferingInCase() throws {
        let school = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: school) }
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: school)
        #expect(try runPacerCapturing(["init", school, "--date", "2026-11-23"]).status == 0)

        let absent = try runPacerCapturing(["absent", school, "student:s-06", "teacher:t-chen ", "--date", "2026-11-24"])
        #expect(absent.status == 0, "\(absent)")
        #expect(absent.errors.contains("note: 'student:s-06' read as student:S-06"), "\(absent.errors)")
        #expect(absent.output.contains("absent: student:S-06 2026-11-24") && absent.output.contains("teacher:T-CHEN"), "\(absent.output)")

        let status = try runPacerCapturing(["status", school, "--student", "s-06", "--format", "tsv"])
        #expect(status.status == 0 && status.errors.contains("note: 's-06' read as S-06"), "\(status)")
        #expect(status.output.contains("S-06\tEthan Nguyen"), "\(status.output)")
        let byObjective = try runPacerCapturing(["status", school, "--objective", "math-7.rp.2", "--format", "tsv"])
        #expect(byObjective.status == 0 && byObjective.output.contains("MATH-7.RP.2"), "\(byObjective)")

        let grant = try runPacerCapturing(["access", "grant", school, "family:s-06"])
        #expect(grant.status == 0 && grant.output.contains("access 1 for family:S-06"), "\(grant)")

        // Nobody by that id, in any case: refused with the nearest.
        let unknown = try runPacerCapturing(["status", school, "--student", "s-99"])
        #expect(unknown.status != 0 && unknown.errors.contains("unknown student 's-99'; did you mean S-09"), "\(unknown)")
    }
}
