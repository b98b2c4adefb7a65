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

/// The same mutator over the import fixtures (FET, XHSTT, OneRoster): every mutant imports or
/// stops with an ImportError, never crashes, and what imports is written and validates.
@Suite struct ImportFuzzTests {
    @Test func mutatedImportsReadOrReportNeverCrash() throws {
        let iterations = ProcessInfo.processInfo.environment["PACER_FUZZ_ITERATIONS"].flatMap(Int.init).map { $0 / 3 } ?? 150
        let fet = try String(contentsOfFile: importFixtures + "/fet/small-timetable.fet", encoding: .utf8)
        let xhstt = try String(contentsOfFile: importFixtures + "/xhstt/broken-unknown-time.xml", encoding: .utf8)
            .replacingOccurrences(of: "Tu_9", with: "Mo_2")
        let users = try String(contentsOfFile: importFixtures + "/oneroster-1.1/users.csv", encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-import-fuzz-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: importFixtures + "/oneroster-1.1", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var random = SeededGenerator(seed: 77)
        let fuzz = FuzzTests()
        var read = 0, refused = 0, unwritable = 0
        let flexes = ["auto", "all", "1", "Monday/2", "/", "9", "Sunday/1", "1,,2", ""]
        for n in 0..<iterations {
            var school: ImportedSchool?
            do {
                switch n % 3 {
                case 0:
                    try fuzz.mutate(fet, &random).write(toFile: folder + "/x.fet", atomically: false, encoding: .utf8)
                    school = try FETImporter.read(folder + "/x.fet", flex: FlexSelection(argument: random.pick(flexes)), options: ImportOptions())
                case 1:
                    try fuzz.mutate(xhstt, &random).write(toFile: folder + "/x.xml", atomically: false, encoding: .utf8)
                    school = try XHSTTImporter.read(folder + "/x.xml", instance: nil, solution: nil, flex: .all, options: ImportOptions())
                default:
                    try fuzz.mutate(users, &random).write(toFile: folder + "/users.csv", atomically: false, encoding: .utf8)
                    school = try OneRosterImporter.read(folder, school: nil, current: nil, flexPeriods: 2, options: ImportOptions())
                }
            } catch is ImportError {
                refused += 1
            }
            if let school {
                read += 1
                let out = folder + "/out-\(n)"
                do {
                    try ImportedScenarioWriter.write(school, options: ImportOptions(), to: out)
                    #expect(ScenarioLoader.read(out).scenario != nil)
                } catch let error as ImportError {
                    // Writing refuses only with the validation's own errors (nothing is left behind).
                    #expect(error.message.contains("does not validate"))
                    #expect(!FileManager.default.fileExists(atPath: out))
                    unwritable += 1
                    print("import fuzz: \(error)")
                }
            }
        }
        print("import fuzz: \(iterations) mutants: \(read) imported (\(unwritable) of them not valid as a scenario, nothing written), \(refused) refused with an error, 0 crashes")
        #expect(read + refused == iterations)
    }
}
