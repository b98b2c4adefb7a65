import Foundation
import Testing
@testable import PacerCore

/// FuzzTests' mutator (Validation/FuzzTests.swift) over the import fixtures (FET, XHSTT,
/// OneRoster): every mutant imports or stops with an ImportError, never crashes, and what imports
/// is written and validates.
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
