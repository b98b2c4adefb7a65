import Foundation
import Testing

/// Input that does not fit together is refused with both names and a way on, instead of going
/// through silently; errors found after the arguments are read print no usage line.
@Suite(.serialized) struct MismatchedInputTests {
    /// A tiny-school plan, made once for the suite's tests.
    static let planned: (folder: String, plan: String) = {
        let folder = temporaryFolder()
        try? FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: folder)
        _ = try? runPacer(["plan", folder, "--out", folder + "-out", "--node-limit", "50", "--quiet"])
        return (folder, folder + "-out/plan.json")
    }()

    @Test func aPlanOfAnotherSchoolIsNotExported() throws {
        let out = temporaryFolder()
        let (status, _, errors) = try runPacerCapturing(["export", "scenarios/middle-school", Self.planned.plan, "--format", "html", "--out", out])
        #expect(status == 1)
        #expect(errors.contains("is a plan of 'Maple Grove Learning Studio', but scenarios/middle-school is 'Riverside Middle School'"), "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
        let published = try runPacerCapturing(["publish", "scenarios/middle-school", Self.planned.plan, "--week-of", "2026-11-23"])
        #expect(published.status == 1 && published.errors.contains("is a plan of"))
        #expect(!FileManager.default.fileExists(atPath: repository + "/scenarios/middle-school/pacer-state.sqlite"))
    }

    @Test func aPlanOfChangedFilesNeedsToBeAllowed() throws {
        let folder = temporaryFolder(), out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.copyItem(atPath: Self.planned.folder, toPath: folder)
        let csv = try String(contentsOfFile: folder + "/students.csv", encoding: .utf8)
        try csv.replacingOccurrences(of: "Ava Martin", with: "Ava Martín").write(toFile: folder + "/students.csv", atomically: true, encoding: .utf8)
        let refused = try runPacerCapturing(["export", folder, Self.planned.plan, "--format", "csv", "--out", out])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("was made from other versions of") && refused.errors.contains("--allow-changed-scenario"), "\(refused.errors)")
        let allowed = try runPacerCapturing(["export", folder, Self.planned.plan, "--format", "csv", "--out", out, "--allow-changed-scenario"])
        #expect(allowed.status == 0, "\(allowed.errors)")
    }

    @Test func unknownIdsAreErrorsThatSuggestTheNearest() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let teacher = try runPacerCapturing(["export", Self.planned.folder, Self.planned.plan, "--format", "ics",
                                            "--out", out, "--week-of", "2026-11-23", "--for", "teacher:T-CHN"])
        #expect(teacher.status == 1)
        #expect(teacher.errors.contains("unknown teacher 'T-CHN'; did you mean T-CHEN?"), "\(teacher.errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try runPacer(["init", Self.planned.folder, "--date", "2026-11-23"]).status == 0)
        let student = try runPacerCapturing(["status", Self.planned.folder, "--student", "S-99"])
        #expect(student.status == 1)
        #expect(student.errors.contains("unknown student 'S-99'; did you mean S-09, S-19, S-29?"), "\(student.errors)")
        #expect(student.output.isEmpty, "no empty table")
        let grade = try runPacerCapturing(["export", Self.planned.folder, Self.planned.plan, "--format", "csv", "--out", out, "--for", "grade:9"])
        #expect(grade.errors.contains("unknown grade '9'; the students' grades are 7"), "\(grade.errors)")
    }

    @Test func errorsAfterTheArgumentsPrintNoRootUsage() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: folder)
        for arguments in [["status", folder], ["regroup", folder, "--date", "2026-11-24", "--out", folder + "-x"]] {
            let (status, _, errors) = try runPacerCapturing(arguments)
            #expect(status == 1)
            #expect(errors.contains("Error: no state database yet"), "\(errors)")
            #expect(!errors.contains("Usage: pacer <subcommand>"), "\(errors)")
        }
    }
}

@Suite(.serialized) struct CompareOutputTests {
    /// Two scenarios whose folders share a name each keep their plan (school, school-2).
    @Test func scenariosWithOneFolderNameKeepBothPlans() throws {
        let root = temporaryFolder(), out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: out) }
        for side in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + side, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: root + "/\(side)/school")
        }
        let (status, _, errors) = try runPacerCapturing(["compare", root + "/a/school", root + "/b/school", "--out", out, "--node-limit", "20", "--time-limit", "10"])
        #expect(status == 0, "\(errors)")
        #expect(FileManager.default.fileExists(atPath: out + "/school/plan.json") && FileManager.default.fileExists(atPath: out + "/school-2/plan.json"))
    }
}
