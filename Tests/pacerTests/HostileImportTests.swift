import Foundation
import PacerTestSupport
import Testing

/// Hostile names in every importer's input: the import maps them onto safe ids and says so, and
/// from import to plan to every export nothing is written outside the folders named with --out.
@Suite(.serialized) struct HostileImportTests {
    /// Copies a fixture (file or folder) into a new sandbox with text replaced, runs `body` with the
    /// copy's path and the sandbox, and then checks that everything in the sandbox lies in the copy
    /// or under `out/`.
    func inSandbox(_ fixture: String, replacing: [(String, String)], _ body: (String, String) throws -> Void) throws {
        let sandbox = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let input = sandbox + "/input/" + URL(fileURLWithPath: fixture).lastPathComponent
        try FileManager.default.createDirectory(atPath: sandbox + "/input", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: input)
        let files = (FileManager.default.subpaths(atPath: input) ?? []).map { input + "/" + $0 } + [input]
        for file in files where !isFolder(file) {
            var text = try String(contentsOfFile: file, encoding: .utf8)
            for (from, to) in replacing { text = text.replacingOccurrences(of: from, with: to) }
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try body(input, sandbox)
        let stray = (try FileManager.default.subpathsOfDirectory(atPath: sandbox))
            .filter { !$0.hasPrefix("input") && !$0.hasPrefix("out/") && $0 != "out" }
        #expect(stray.isEmpty, "written outside --out: \(stray)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pacer-probe-PWNED"))
    }

    /// Imports, then plans and exports every format into the sandbox's `out/`.
    func importPlanAndExport(_ arguments: [String], sandbox: String, expectRenamed: String) throws {
        let out = sandbox + "/out"
        let imported = try runPacerCapturing(arguments + ["--out", out + "/school"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("ids changed to fit Pacer's id rules"), "\(imported.output)")
        #expect(imported.output.contains(expectRenamed), "\(imported.output)")
        #expect(try runPacer(["plan", out + "/school", "--out", out + "/plan", "--time-limit", "5", "--node-limit", "20", "--quiet"]).status == 0)
        for format in ["html", "csv", "json", "ics", "fet"] {
            let exported = try runPacerCapturing(["export", out + "/school", out + "/plan/plan.json", "--format", format,
                                                  "--week-of", "2026-11-23", "--out", out + "/" + format])
            #expect(exported.status == 0, "\(format): \(exported.errors)")
        }
    }

    @Test func fet() throws {
        try inSandbox(importFixtures + "/fet/small-timetable.fet", replacing: [
            ("Ms Ortiz", "../../../../tmp/pacer-probe-PWNED"), ("Mr Baptiste", "/etc/passwd"), ("Dr Chen", ".hidden\\dr"),
            ("<Name>R1</Name>", "<Name>../R1</Name>"), ("<Room>R1</Room>", "<Room>../R1</Room>"),
        ]) { input, sandbox in
            try importPlanAndExport(["import", "fet", input, "--flex", "auto"], sandbox: sandbox,
                                    expectRenamed: "'../../../../tmp/pacer-probe-PWNED' → tmp_pacer-probe-PWNED")
        }
    }

    @Test func oneRoster() throws {
        try inSandbox(importFixtures + "/oneroster-1.2", replacing: [
            (",T-1001,", ",../../../../tmp/pacer-probe-PWNED,"), (",100231,", ",/etc/passwd,"), (",100232,", ",.ssh,"),
        ]) { input, sandbox in
            try importPlanAndExport(["import", "oneroster", input, "--school", "org-ms"], sandbox: sandbox,
                                    expectRenamed: "'/etc/passwd' → etc_passwd")
        }
    }

    @Test func xhstt() throws {
        try inSandbox(importFixtures + "/xhstt/BR-SA-00.xml", replacing: [
            ("<Name>T1</Name>", "<Name>../../../../tmp/pacer-probe-PWNED</Name>"), ("<Name>T2</Name>", "<Name>t1/../..</Name>"),
        ]) { input, sandbox in
            try importPlanAndExport(["import", "xhstt", input], sandbox: sandbox,
                                    expectRenamed: "'../../../../tmp/pacer-probe-PWNED' → tmp_pacer-probe-PWNED")
        }
    }
}
