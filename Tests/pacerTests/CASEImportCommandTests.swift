import Foundation
import PacerTestSupport
import Testing

/// `pacer import case` end to end: a CASE fixture becomes a new subject of a variant of the tiny
/// school, which validates and plans; hostile packages write nothing.
@Suite(.serialized) struct CASEImportCommandTests {
    let fixtures = importFixtures + "/case"

    /// A folder holding a copy of the tiny school as `tiny-school`; the caller removes it.
    func schoolsFolder() throws -> String {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: try tinySchoolCopy(), toPath: folder + "/tiny-school")
        return folder
    }

    @Test func aNewSubjectWithTeachersValidatesAndPlans() throws {
        let folder = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/fractions"
        let imported = try runPacerCapturing([
            "import", "case", fixtures + "/fractions-1.1-wrapped.json", "--into", folder + "/tiny-school",
            "--subject", "FRAC", "--name", "Fractions", "--out", out, "--teachers", "T-OKAFOR,T-CHEN",
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.hasPrefix("imported CASE: Fractions, grade 4 (CASE 1.1)\nread: 6 CFItems, 9 CFAssociations, 4 objectives\n"), "\(imported.output)")
        #expect(imported.output.contains("wrote \(out)/scenario.yaml (a variant of \(folder)/tiny-school) and \(out)/students.csv: 4 objectives in FRAC"))

        let yaml = try String(contentsOfFile: out + "/scenario.yaml", encoding: .utf8)
        #expect(yaml.hasPrefix("# Made by `pacer import case` from fractions-1.1-wrapped.json"))
        #expect(yaml.contains("\nextends: \"../tiny-school\"\nname: \"Maple Grove Learning Studio, Fractions from Fractions, grade 4\"\nstudents: \"students.csv\"\n"), "\(yaml)")
        #expect(yaml.contains(#"{id: "FR.2a", title: "#))
        #expect(yaml.contains(#"case_id: "9a0e1c52-0000-4000-8000-000000000005", prerequisites: ["FR.10"]}"#), "\(yaml)")
        // A teaches list replaces the base's whole: the old entries are kept.
        #expect(yaml.contains(#"{id: "T-CHEN", teaches: ["MATH-7.RP.*", "MATH-7.NS.*", "FRAC"]}"#), "\(yaml)")

        // students.csv: the base's bytes with one more column, every student on the first objective.
        let base = try String(contentsOfFile: folder + "/tiny-school/students.csv", encoding: .utf8).split(separator: "\n")
        let made = try String(contentsOfFile: out + "/students.csv", encoding: .utf8).split(separator: "\n")
        #expect(made.count == base.count)
        #expect(made.first == base.first.map { $0 + ",FRAC" })
        #expect(zip(base.dropFirst(), made.dropFirst()).allSatisfy { $1 == $0 + ",FR.1" })

        #expect(try runPacer(["validate", out]).status == 0)
        let planned = try runPacerCapturing(["plan", out, "--out", folder + "/plan", "--work", "1", "--time-limit", "10", "--quiet"])
        #expect(planned.status == 0, "\(planned.errors)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/plan/plan.json"))) as? [String: Any]
        let sessions = plan?["sessions"] as? [[String: Any]] ?? []
        let fractions = sessions.filter { $0["subject"] as? String == "FRAC" }
        #expect(!fractions.isEmpty, "no FRAC workshop in \(sessions.count) sessions")
        #expect(fractions.allSatisfy { $0["objective"] as? String == "FR.1" && !(($0["students"] as? [String]) ?? []).isEmpty })
    }

    /// The issue's "done when": the shared sample imports into a scenario that validates and plans.
    /// Skipped in a clone with no shared folder beside it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: Checkout.root + "/../shared/data/case/what-standards-could-be-ratios.json"),
                   "the shared CASE sample is not at ../shared/data/case/ beside this checkout"))
    func theSharedSampleValidatesAndPlans() throws {
        let folder = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/ratios"
        let imported = try runPacerCapturing([
            "import", "case", Checkout.root + "/../shared/data/case/what-standards-could-be-ratios.json",
            "--into", folder + "/tiny-school", "--subject", "RATIO", "--name", "Ratios", "--out", out, "--teachers", "T-OKAFOR",
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("1 × precedes to or from an item not in the package"), "\(imported.output)")
        #expect(imported.output.contains("12 objectives in RATIO"), "\(imported.output)")
        #expect(try runPacer(["validate", out]).status == 0)
        let planned = try runPacerCapturing(["plan", out, "--out", folder + "/plan", "--work", "1", "--time-limit", "10", "--quiet"])
        #expect(planned.status == 0, "\(planned.errors)")
        let plan = try String(contentsOfFile: folder + "/plan/plan.json", encoding: .utf8)
        #expect(plan.contains("\"subject\" : \"RATIO\""), "no RATIO workshop")
    }

    @Test func anExistingSubjectGetsItsObjectivesAppended() throws {
        let folder = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/more-math"
        let imported = try runPacerCapturing([
            "import", "case", fixtures + "/counting-sequence-numbers.json", "--into", folder + "/tiny-school",
            "--subject", "MATH", "--out", out,
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("the new objectives are taught by those who teach all of MATH (T-OKAFOR)"), "\(imported.output)")
        #expect(!FileManager.default.fileExists(atPath: out + "/students.csv"))
        let validated = try runPacer(["validate", out])
        #expect(validated.status == 0)
        #expect(validated.output.contains("MATH 14"), "\(validated.output)")

        // A teacher named for an existing subject gets the new objectives, not the whole subject.
        let named = folder + "/more-math-chen"
        let withChen = try runPacerCapturing([
            "import", "case", fixtures + "/counting-sequence-numbers.json", "--into", folder + "/tiny-school",
            "--subject", "MATH", "--out", named, "--teachers", "T-CHEN",
        ])
        #expect(withChen.status == 0, "\(withChen.errors)")
        #expect(withChen.output.contains("the teachers named, who get them and nothing more of MATH (T-CHEN)"), "\(withChen.output)")
        let yaml = try String(contentsOfFile: named + "/scenario.yaml", encoding: .utf8)
        let chen = try #require(yaml.split(separator: "\n").first { $0.contains("\"T-CHEN\"") })
        #expect(chen.hasPrefix(#"- {id: "T-CHEN", teaches: ["MATH-7.RP.*", "MATH-7.NS.*", "#) && !chen.contains(#""MATH""#), "\(chen)")
    }

    @Test func aNewSubjectWithoutTeachersSaysSo() throws {
        let folder = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let imported = try runPacerCapturing([
            "import", "case", fixtures + "/no-coding-schemes.json", "--into", folder + "/tiny-school",
            "--subject", "ELA", "--out", folder + "/reading",
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("nobody teaches ELA yet: run again with --teachers T-A,T-B"), "\(imported.output)")
        // Without --name the subject takes the framework's title, which the scenario's name says once.
        let yaml = try String(contentsOfFile: folder + "/reading/scenario.yaml", encoding: .utf8)
        let title = try #require(yaml.split(separator: "\n").first { $0.hasPrefix("  name: ") }?.dropFirst("  name: ".count))
        #expect(yaml.contains("\nname: \"Maple Grove Learning Studio, \(title.dropFirst().dropLast()) (CASE)\"\n"), "\(yaml)")
        // A later version of the framework (same title, new items) imported into the variant: the name is not said twice.
        let later = try String(contentsOfFile: fixtures + "/no-coding-schemes.json", encoding: .utf8)
            .replacingOccurrences(of: "0b5c0de5-0000-4000-8000-0000000000", with: "0b5c0de5-0000-4000-8000-0000000001")
        try later.write(toFile: folder + "/later.json", atomically: true, encoding: .utf8)
        let chained = try runPacerCapturing([
            "import", "case", folder + "/later.json", "--into", folder + "/reading",
            "--subject", "ELA", "--out", folder + "/reading-again",
        ])
        #expect(chained.status == 0, "\(chained.errors)")
        let again = try String(contentsOfFile: folder + "/reading-again/scenario.yaml", encoding: .utf8)
        #expect(again.contains("\nname: \"Maple Grove Learning Studio, \(title.dropFirst().dropLast()) (CASE)\"\n"), "\(again)")
        // An --out that is a file is named as one.
        FileManager.default.createFile(atPath: folder + "/a-file", contents: Data())
        let onFile = try runPacerCapturing([
            "import", "case", fixtures + "/no-coding-schemes.json", "--into", folder + "/tiny-school",
            "--subject", "ELA", "--out", folder + "/a-file",
        ])
        #expect(onFile.status == 1 && onFile.errors.contains("a-file is a file, not a folder"), "\(onFile.errors)")
    }

    /// Hostile coding schemes, statements and titles: ids are made safe and reported, titles are
    /// one line without control characters, and from import to plan to every export nothing is
    /// written outside the sandbox's `out/`.
    @Test func hostileNamesStayInTheirFolder() throws {
        let sandbox = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let out = sandbox + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: sandbox + "/tiny-school", toPath: out + "/tiny-school")
        let package = #"""
            {"CFDocument": {"title": "Hostile <b>names</b>\u0007", "caseVersion": "1.1\nextends: /etc"},
             "CFItems": [
              {"identifier": "h1", "humanCodingScheme": "../../../../tmp/pacer-probe-PWNED", "fullStatement": "<script>x</script> \u202eevil\u001b[2J ring\r\nnext"},
              {"identifier": "h2", "humanCodingScheme": "/etc/passwd", "abbreviatedStatement": "\"quoted\", comma; semi\ttab"},
              {"identifier": "h3", "humanCodingScheme": ".hidden\\dr", "fullStatement": "=cmd|' /C calc'!A0"}]}
            """#
        try package.write(toFile: sandbox + "/hostile.json", atomically: true, encoding: .utf8)
        let imported = try runPacerCapturing(["import", "case", sandbox + "/hostile.json", "--into", out + "/tiny-school",
                                              "--subject", "H", "--out", out + "/school", "--teachers", "T-OKAFOR"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("'../../../../tmp/pacer-probe-PWNED' → tmp-pacer-probe-PWNED"), "\(imported.output)")
        let yaml = try String(contentsOfFile: out + "/school/scenario.yaml", encoding: .utf8)
        #expect(yaml.contains(#"title: "<script>x</script> evil[2J ring next""#), "\(yaml)")
        #expect(yaml.contains(#"(CASE 1.1, "Hostile <b>names</b>")"#) && !yaml.contains("/etc\"") && !yaml.contains("\\a"), "\(yaml)")
        #expect(try runPacer(["plan", out + "/school", "--out", out + "/plan", "--time-limit", "5", "--quiet"]).status == 0)
        for format in ["html", "csv", "json", "ics", "fet"] {
            let exported = try runPacerCapturing(["export", out + "/school", out + "/plan/plan.json", "--format", format,
                                                  "--week-of", "2026-11-23", "--out", out + "/" + format])
            #expect(exported.status == 0, "\(format): \(exported.errors)")
        }
        let stray = try FileManager.default.subpathsOfDirectory(atPath: sandbox).filter { $0 != "hostile.json" && $0 != "out" && !$0.hasPrefix("out/") }
        #expect(stray.isEmpty, "written outside out/: \(stray)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pacer-probe-PWNED"))
    }

    @Test(arguments: [
        ("precedes-cycle.json", "precedes makes a cycle: CY.A → CY.B → CY.C → CY.A"),
        ("wrong-type.json", "CFItems[1].identifier must be text, found a number"),
    ])
    func hostilePackagesWriteNothing(fixture: String, expected: String) throws {
        let folder = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/variant"
        let imported = try runPacerCapturing([
            "import", "case", fixtures + "/" + fixture, "--into", folder + "/tiny-school", "--subject", "X", "--out", out,
        ])
        #expect(imported.status == 1)
        #expect(imported.errors.contains(expected), "\(imported.errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["tiny-school"])
    }

    @Test func aBaseOutsideTheOutputsFolderIsRefused() throws {
        let folder = try schoolsFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/deeper/variant"
        let imported = try runPacerCapturing([
            "import", "case", fixtures + "/no-coding-schemes.json", "--into", folder + "/tiny-school", "--subject", "ELA", "--out", out,
        ])
        #expect(imported.status == 1)
        #expect(imported.errors.contains("is not inside \(folder)/deeper, the folder holding --out"), "\(imported.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/deeper/variant"))
    }
}
