import Foundation
import Testing
@testable import GLPK

/// LP and MPS files written by the wrapper are read back by `glpsol` (package glpk-utils) and solved
/// to the same optimum.
@Suite struct WriterTests {
    func transportModel() throws -> Problem {
        // Two plants (supply 30, 40) and three markets (demand 20, 25, 25), integer shipments.
        let cost = [[4.0, 6, 9], [5, 3, 8]]
        let supply = [30.0, 40], demand = [20.0, 25, 25]
        let p = try Problem(name: "transport")
        var ship: [[Column]] = []
        for i in 0..<2 {
            ship.append(try (0..<3).map { j in try p.addColumn(name: "ship(p\(i),m\(j))", kind: .integer, objective: cost[i][j]) })
        }
        for i in 0..<2 { try p.addRow(name: "supply(p\(i))", bounds: .upper(supply[i]), terms: ship[i].map { ($0, 1) }) }
        for j in 0..<3 { try p.addRow(name: "demand(m\(j))", bounds: .lower(demand[j]), terms: (0..<2).map { (ship[$0][j], 1) }) }
        return p
    }

    /// Solves `file` with glpsol and returns the objective from its solution report.
    func solveWithGlpsol(_ format: String, _ file: String) throws -> Double {
        let candidates = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"]
        let path = try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
            "glpsol is missing: install glpk-utils (scripts/setup does)")
        let report = file + ".sol"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--" + format, file, "--output", report]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("INTEGER OPTIMAL"), "glpsol proves the same model optimal")
        // The report has a line such as "Objective:  obj = 365 (MINimum)".
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(line.split(separator: "=").last?.split(separator: " ").first)
        return try #require(Double(value))
    }

    @Test(arguments: ["lp", "freemps"]) func writtenModelSolvesToTheSameOptimum(format: String) throws {
        let p = try transportModel()
        let ours = try p.solveMIP()
        #expect(ours.status == .optimal)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-glpk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("model.\(format == "lp" ? "lp" : "mps")").path
        if format == "lp" { try p.writeLP(to: file) } else { try p.writeMPS(to: file) }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("supply(p0)"), "row names survive in the file")
        #expect(try solveWithGlpsol(format, file) == ours.objective)
        // By hand: m0 ← 20 from p0 (80), m1 ← 25 from p1 (75), m2 ← 15 from p1 (120) and 10 from p0 (90).
        #expect(ours.objective == 365)
    }

    @Test func writingToAMissingFolderThrows() throws {
        let p = try transportModel()
        #expect(throws: GLPKError.writeFailed(path: "/nonexistent-folder/m.lp")) {
            try p.writeLP(to: "/nonexistent-folder/m.lp")
        }
    }
}
