import Foundation
import Testing

/// The same input gives the same output in separate processes, although Swift seeds its hashing
/// differently in each, so nothing may depend on a Dictionary's or Set's order.
@Suite(.serialized) struct DeterminismTests {
    static let schools = ["scenarios/broken/teacher-never-free", "scenarios/broken/lab-too-small", "scenarios/broken/nobody-teaches", "scenarios/tiny-school"]

    @Test(arguments: schools)
    func validateDeepPrintsTheSameInTwoProcesses(school: String) throws {
        let first = try runPacer(["validate", "--deep", school])
        let second = try runPacer(["validate", "--deep", school])
        #expect(first.output == second.output)
        #expect(first.output.contains("valid"))
    }

    @Test(arguments: schools)
    func planWritesTheSameInTwoProcesses(school: String) throws {
        var outputs: [String] = [], plans: [Data] = []
        let out = temporaryFolder()  // one folder for both runs, since the output names it
        defer { try? FileManager.default.removeItem(atPath: out) }
        for _ in 0..<2 {
            try? FileManager.default.removeItem(atPath: out)
            let (status, output) = try runPacer(["plan", school, "--out", out, "--node-limit", "200"])
            #expect(status == 0)
            // The first line ends with how long the run took; everything else must match.
            outputs.append(output.split(separator: "\n").dropFirst().joined(separator: "\n"))
            plans.append(try Data(contentsOf: URL(fileURLWithPath: out + "/plan.json")))
        }
        #expect(outputs[0] == outputs[1])
        #expect(plans[0] == plans[1])
    }
}
