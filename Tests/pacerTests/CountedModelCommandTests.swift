import Foundation
import Testing
@testable import PacerCore

/// `pacer model --counted` writes the model `LowerBound` proves its bound on, for other solvers
/// (scripts/bench --peers on schools whose reference model is too large for them).
@Suite struct CountedModelCommandTests {
    /// glpsol's report of reading `file` (its "N rows, M columns, K non-zeros" line) and, solved to
    /// optimality, the objective it finds (nil with `solve` false: glpsol only reads and checks it;
    /// the tiny school's reference model takes glpsol more than half an hour).
    func readAndSolveWithGlpsol(_ file: String, solve: Bool = true) throws -> (columns: Int, objective: Double?) {
        let glpsol = try #require(["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "glpsol is missing: install glpk-utils (scripts/setup does)")
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = ["--freemps", file] + (solve ? ["--output", file + ".sol"] : ["--check"])
        process.standardOutput = pipe
        try process.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log)")
        let read = try #require(log.split(separator: "\n").first { $0.contains(" columns, ") }, "\(log)")
        let columns = try #require(read.split(separator: ",").first { $0.hasSuffix(" columns") }?.split(separator: " ").first.flatMap { Int($0) })
        guard solve else { return (columns, nil) }
        let report = try String(contentsOfFile: file + ".sol", encoding: .utf8)
        #expect(report.contains("INTEGER OPTIMAL"))
        // "Objective:  obj = 488 (MINimum)"
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        return (columns, try #require(line.split(separator: "=").last?.split(separator: " ").first.flatMap { Double($0) }))
    }

    /// The tiny school's counted model as MPS: glpsol reads as many columns as `LowerBound` solves,
    /// and its optimum is the tiny school's proven bound (488, which its plan meets), so the
    /// objective's constant is written too.
    @Test func countedModelIsTheBoundsModelAndGlpsolReadsIt() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let written = try runPacerCapturing(["model", "scenarios/tiny-school", "--counted", "--format", "mps", "--out", out])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output.contains("the counted model (a relaxation: its optimum is a lower bound, not a plan)"))
        let scenario = try ScenarioLoader.load(repository + "/scenarios/tiny-school")
        let bound = try #require(try LowerBound(scenario: scenario, demands: Demand.all(scenario))
            .solve(deadline: .now.adding(seconds: 60), stop: nil).outcome)
        #expect(written.output.contains("\(bound.size.rows) rows, \(bound.size.columns) columns"))
        let glpsol = try readAndSolveWithGlpsol(out + "/model.mps")
        #expect(glpsol.columns == bound.size.columns)
        #expect(glpsol.objective == bound.value && bound.value == 488)

        // The reference model is another, larger model: --counted is what chose this one.
        let reference = try runPacerCapturing(["model", "scenarios/tiny-school", "--format", "mps", "--out", out + "/reference"])
        #expect(reference.status == 0 && reference.output.contains("the reference model: "))
        #expect(try readAndSolveWithGlpsol(out + "/reference/model.mps", solve: false).columns > bound.size.columns)
    }

    /// A scenario that is not there, one with an error, and writing into the scenario: each a
    /// clear error naming what is wrong, and no model written.
    @Test func badInputIsAClearError() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let missing = try runPacerCapturing(["model", "scenarios/no-such-school", "--counted", "--out", out])
        #expect(missing.status != 0 && missing.errors.contains("no-such-school"), "\(missing.errors)")
        let broken = out + "/broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        try "subjects: [{id: A, objectives: [{id: A1, min_group: 5, max_group: 2}]}]\n"
            .write(toFile: broken + "/scenario.yaml", atomically: true, encoding: .utf8)
        let invalid = try runPacerCapturing(["model", broken, "--counted", "--out", out + "/model"])
        #expect(invalid.status != 0 && invalid.errors.contains("scenario.yaml"), "\(invalid.errors)")
        let inside = try runPacerCapturing(["model", "scenarios/tiny-school", "--counted", "--out", "scenarios/tiny-school"])
        #expect(inside.status != 0 && !inside.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out + "/model") && !FileManager.default.fileExists(atPath: "\(repository)/scenarios/tiny-school/model.lp"))
    }
}
