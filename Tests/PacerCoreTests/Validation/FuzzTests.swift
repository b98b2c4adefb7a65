import Foundation
import Testing
@testable import PacerCore

/// A seeded mutator over the shipped tiny school: each mutant must load into a scenario or into
/// diagnostics, never crash or hang; the mutants that load are planned too, so GLPK is never
/// handed data that makes it abort. `PACER_FUZZ_ITERATIONS` runs it longer (scripts/fuzz).
@Suite struct FuzzTests {
    static let tokens = ["&a ", "*a", "{", "}", "[", "]", ": ", "\"", "'", "\u{0}", "\u{FEFF}", "-", "\n", "\r\n", "\t",
                         "99999999999999999999", "-1", "nan", ".inf", "~", "null", "<<: *a", "!!binary", "%", "#", ",", ";",
                         "Mon-F1", "MATH-7.RP.1", "extends: ../tiny-school", "é", "\u{202E}", "0", "1e308"]

    func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<random.int(1...4) {
            guard !bytes.isEmpty else { break }
            let at = random.int(0...bytes.count - 1)
            switch random.int(0...5) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.int(0...255))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + random.int(1...40)))
            case 2: bytes.insert(contentsOf: Array(Self.tokens[random.int(0...Self.tokens.count - 1)].utf8), at: at)
            case 3:
                let end = min(bytes.count, at + random.int(1...200))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: random.int(1...8)), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mutatedScenariosLoadOrReportNeverCrash() throws {
        let iterations = ProcessInfo.processInfo.environment["PACER_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
        let yaml = try String(contentsOfFile: scenariosFolder + "/tiny-school/scenario.yaml", encoding: .utf8)
        let csv = try String(contentsOfFile: scenariosFolder + "/tiny-school/students.csv", encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var random = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["PACER_FUZZ_SEED"].flatMap(Int.init) ?? 2026))
        var loaded = 0, rejected = 0, planned = 0
        let started = Date()
        for _ in 0..<iterations {
            let mutateYAML = random.chance(0.6)
            try (mutateYAML ? mutate(yaml, &random) : yaml).write(toFile: folder + "/scenario.yaml", atomically: false, encoding: .utf8)
            try (mutateYAML ? csv : mutate(csv, &random)).write(toFile: folder + "/students.csv", atomically: false, encoding: .utf8)
            let reading = ScenarioLoader.read(folder)
            if let scenario = reading.scenario {
                loaded += 1
                if planned < 20 {
                    let plan = try Planner.plan(scenario, options: PlanOptions(timeLimit: 10, nodeLimit: 20)).plan
                    #expect(PlanVerifier(scenario: scenario).violations(of: plan) == [])
                    planned += 1
                }
            } else {
                rejected += 1
                #expect(!reading.errors.isEmpty, "a rejected scenario says why")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("fuzz: \(iterations) mutants in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", Double(iterations) / seconds))/s): \(loaded) loaded (\(planned) planned and verified), \(rejected) rejected with diagnostics, 0 crashes")
        #expect(loaded + rejected == iterations)
        #expect(loaded > 0 && rejected > 0, "the mutator exercises both paths")
    }
}
