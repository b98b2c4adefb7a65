import Foundation
import Testing
import PacerCore

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

    /// Two plans of a school too large for the whole-week model, made at the same time (each slows
    /// the other down), are byte-identical: the search is budgeted in counted work, and the clock,
    /// far away here, stopped neither. The plan says what ended it and how the work was spent.
    @Test func twoPlansSideBySideWriteTheSamePlan() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runPacer(["generate", "--students", "90", "--seed", "5", "--out", folder + "/school"]).status == 0)
        let outs = [folder + "/a", folder + "/b"]
        let statuses = Array(repeating: Int32(-1), count: 2)
        nonisolated(unsafe) var results = statuses
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            results[i] = (try? runPacer(["plan", folder + "/school", "--out", outs[i], "--quiet", "--work", "2", "--time-limit", "600"]).status) ?? -1
        }
        #expect(results == [0, 0])
        let a = try Data(contentsOf: URL(fileURLWithPath: outs[0] + "/plan.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: outs[1] + "/plan.json"))
        #expect(a == b)
        let header = try #require(try JSONSerialization.jsonObject(with: a) as? [String: Any])["header"] as? [String: Any]
        let search = try #require(header?["search"] as? [String: Any])
        #expect(["work", "finished", "met-bound"].contains(search["end"] as? String), "\(search)")
        #expect((search["workLimit"] as? NSNumber)?.doubleValue == 2 * PlanOptions.workPerSecond + 1_000_000_000)
        #expect(((search["planWork"] as? NSNumber)?.doubleValue ?? 0) > 0)
    }

    /// A search the clock stops before its work is done says so, in plan.json and on the terminal.
    @Test func aPlanTheClockCutShortSaysSo() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPacer(["plan", "scenarios/middle-school", "--out", out, "--work", "3600", "--time-limit", "4"])
        #expect(run.status == 0)
        #expect(run.output.contains("stopped by the clock: the result may differ from run to run"), "\(run.output)")
        let plan = try Data(contentsOf: URL(fileURLWithPath: out + "/plan.json"))
        let header = try #require(try JSONSerialization.jsonObject(with: plan) as? [String: Any])["header"] as? [String: Any]
        #expect((header?["search"] as? [String: Any])?["end"] as? String == "clock")
        #expect(header?["status"] as? String == "time-limit")
    }
}
