import Foundation
import Testing
@testable import pacer

func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("pacer-plan-\(UUID().uuidString)").path
}

@Suite(.serialized) struct PlanCommandTests {
    /// `pacer plan` then `pacer verify` on every shipped scenario.
    @Test(arguments: ["tiny-school", "middle-school", "middle-school-extra-teacher", "middle-school-small-groups", "high-school"])
    func planAndVerifyEachShippedScenario(name: String) throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // The high school's block models run until the limit in a debug build; 40 s is enough to test.
        let (status, output) = try runPacer(["plan", "scenarios/\(name)", "--out", out, "--time-limit", "40", "--node-limit", "200"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("sessions: "))
        #expect(output.contains("workshops: "))
        #expect(FileManager.default.fileExists(atPath: out + "/run.json"))
        let (verifyStatus, verifyOutput) = try runPacer(["verify", "scenarios/\(name)", out + "/plan.json"])
        #expect(verifyStatus == 0, "\(verifyOutput)")
        #expect(verifyOutput.contains("no violation"))
    }

    @Test func twoRunsWriteByteIdenticalPlans() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        for out in [a, b] {
            #expect(try runPacer(["plan", "scenarios/tiny-school", "--out", out, "--node-limit", "100", "--quiet"]).status == 0)
        }
        let first = try Data(contentsOf: URL(fileURLWithPath: a + "/plan.json"))
        let second = try Data(contentsOf: URL(fileURLWithPath: b + "/plan.json"))
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("\"scenarioHash\""))
    }

    @Test func verifyNamesTheBrokenRuleAndFails() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try runPacer(["plan", "scenarios/tiny-school", "--out", out, "--node-limit", "50", "--quiet"]).status == 0)
        // Put a student into a second session in the same block: breaks student-busy (and more).
        var text = try String(contentsOfFile: out + "/plan.json", encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Mon-F1\"", with: "\"Mon-P1\"")
        try text.write(toFile: out + "/plan.json", atomically: true, encoding: .utf8)
        let (status, output) = try runPacer(["verify", "scenarios/tiny-school", out + "/plan.json"])
        #expect(status == 1)
        #expect(output.contains("violation: unknown-block: ") || output.contains("violation: not-flex: "))
    }

    @Test func theTimeLimitHoldsForTheWholeCommand() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let started = Date()
        let (status, _) = try runPacer(["plan", "scenarios/tiny-school", "--out", out, "--time-limit", "1", "--node-limit", "10000000", "--quiet"])
        #expect(status == 0)
        // Generous: the point is that a ten-million-node search was cut off by the clock.
        #expect(Date().timeIntervalSince(started) < 15)
        let plan = try String(contentsOfFile: out + "/plan.json", encoding: .utf8)
        #expect(plan.contains("\"status\" : \"time-limit\""))
    }

    @Test func theOutputFolderCannotBeTheScenario() throws {
        let (status, _) = try runPacer(["plan", "scenarios/tiny-school", "--out", "scenarios/tiny-school"])
        #expect(status != 0)
    }

    @Test func modelWritesAnLPFileGlpsolReads() throws {
        let out = temporaryFolder()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, output) = try runPacer(["model", "scenarios/tiny-school", "--out", out])
        #expect(status == 0)
        #expect(output.contains("columns"))
        let text = try String(contentsOfFile: out + "/model.lp", encoding: .utf8)
        #expect(text.contains("teacherBusy(T_OKAFOR,Mon_F1)"))
        #expect(text.contains("allWanted"))
        #expect(try runPacer(["model", "scenarios/tiny-school", "--out", out, "--format", "mps"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/model.mps"))
        #expect(try runPacer(["model", "scenarios/tiny-school"]).status != 0, "where to write is asked for")
        #expect(try runPacer(["model", "scenarios/tiny-school", "--out", "scenarios/tiny-school"]).status != 0, "never into the scenario")
    }

    /// The spellings this release replaced still work, with a note on what to write instead.
    @Test func deprecatedSpellingsStillWorkWithANote() throws {
        let out = temporaryFolder()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let model = try runPacerCapturing(["model", "scenarios/tiny-school", "--write", out + "/tiny.lp"])
        #expect(model.status == 0 && FileManager.default.fileExists(atPath: out + "/tiny.lp"))
        #expect(model.errors.contains("note: --write FILE is deprecated") && model.errors.contains("--out DIR --format lp"))
        #expect(try runPacer(["model", "scenarios/tiny-school", "--write", out + "/tiny.txt"]).status != 0)
        let plan = "Tests/PacerCoreTests/Golden/tiny-school/plan.json"
        let old = try runPacerCapturing(["export", plan, "--scenario", "scenarios/tiny-school", "--format", "csv", "--out", out + "/csv",
                                         "--allow-changed-scenario"])
        #expect(old.status == 0 && FileManager.default.fileExists(atPath: out + "/csv/timetable.csv"))
        #expect(old.errors.contains("note: pacer export PLAN --scenario SCENARIO is deprecated") && old.errors.contains("pacer export scenarios/tiny-school \(plan)"))
        let fet = try runPacerCapturing(["export", "scenarios/tiny-school", plan, "--format", "fet", "--out", out + "/tiny.fet", "--allow-changed-scenario"])
        #expect(fet.status == 0 && FileManager.default.fileExists(atPath: out + "/tiny.fet") && fet.errors.contains("--out FILE.fet is deprecated"))
        #expect(try runPacer(["export", plan, "--format", "csv", "--out", out + "/x"]).status == 64, "the scenario is needed")
    }
}
