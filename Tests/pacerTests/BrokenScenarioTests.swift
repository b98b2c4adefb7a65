import Foundation
import Testing

/// The shipped broken schools: `validate --deep` and `plan` explain who cannot be served, why, and
/// the smallest changes that would serve them; `plan` still plans everyone else.
@Suite(.serialized) struct BrokenScenarioTests {
    static let expected: [(school: String, lines: [String])] = [
        ("teacher-never-free", [
            "2 students cannot be served under the hard rules; the smallest changes that would serve them:",
            "  no teacher who can run SCI-6.1 is free when the student is (T-LEE: unavailable): S-05, S-06",
            "    smallest change: free Mr Lee (T-LEE) in Mon-F2",
            "    or: free S-05, S-06 in Mon-F1",
        ]),
        ("lab-too-small", [
            "9 students cannot be served under the hard rules; the smallest changes that would serve them:",
            "  no room can host CHEM-2 in any flex block (kept for study; lacks lab; seats fewer than its minimum group of 8): S-01, S-02, S-03, S-04, S-05, S-06, S-07, S-08, … (9 in all)",
            "    smallest change: equip room R20 (Room 20) with lab (for CHEM-2)",
            "    or: allow groups of 4 for CHEM-2 (its min_group is 8)",
        ]),
        ("nobody-teaches", [
            "5 students cannot be served under the hard rules; the smallest changes that would serve them:",
            "  no teacher can run SPAN-3 in any flex block (not qualified to teach it, or runs no workshops): S-05, S-06, S-07",
            "    smallest change: let Ms Ortiz (T-ORTIZ) teach SPAN-3",
            "  no teacher can run SPAN-4 in any flex block (not qualified to teach it, or runs no workshops): S-08, S-09",
            "    smallest change: let Mr Vega (T-VEGA) run workshops (max_sessions_per_day is 0)",
            "    or: let Ms Ortiz (T-ORTIZ) teach SPAN-4",
        ]),
    ]

    /// The explanation block of a command's output.
    func explanation(_ output: String) -> [String] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("cannot be served under the hard rules") }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty && !$0.hasPrefix("wrote ") })
    }

    @Test(arguments: expected.map(\.school))
    func validateDeepExplains(school: String) throws {
        let run = try runPacer(["validate", "--deep", "scenarios/broken/\(school)"])
        #expect(run.status == 0)
        #expect(explanation(run.output) == Self.expected.first { $0.school == school }!.lines)
    }

    @Test(arguments: expected.map(\.school))
    func planExplainsAndStillPlansEveryoneElse(school: String) throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPacer(["plan", "scenarios/broken/\(school)", "--out", out, "--time-limit", "20"])
        #expect(run.status == 0)
        #expect(explanation(run.output) == Self.expected.first { $0.school == school }!.lines)
        let verified = try runPacer(["verify", "scenarios/broken/\(school)", out + "/plan.json"])
        #expect(verified.status == 0)
        // Only the students the explanation counts are unserved: everyone else is planned.
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/plan.json"))) as? [String: Any]
        let unserved = Set((plan?["unserved"] as? [[String: Any]] ?? []).compactMap { $0["student"] as? String })
        let first = Self.expected.first { $0.school == school }!.lines[0]
        #expect(unserved.count == Int(first.prefix { $0.isNumber }))
        let named = Set(Self.expected.first { $0.school == school }!.lines.joined().matches(of: /S-\d\d/).map { String($0.output) })
        #expect(named.isSubset(of: unserved))
    }

    @Test func aSchoolWithoutBlockedStudentsSaysSo() throws {
        let run = try runPacer(["validate", "--deep", "scenarios/tiny-school"])
        #expect(run.status == 0)
        #expect(run.output.contains("deep check: every student's objective can be served under the hard rules"))
    }
}
