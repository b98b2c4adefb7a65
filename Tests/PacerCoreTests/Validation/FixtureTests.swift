import Foundation
import Testing
@testable import PacerCore

/// Diagnostics as `pacer validate` prints them, with paths relative to the fixtures folder.
func printedDiagnostics(_ scenario: String) -> [String] {
    ScenarioLoader.read(fixtures + "/" + scenario).diagnostics.map {
        $0.description.replacingOccurrences(of: fixtures + "/", with: "")
    }
}

/// Every bad fixture: a folder with an `expected.txt` of the exact diagnostics it must produce.
let badFixtures: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
    return names.filter { FileManager.default.fileExists(atPath: "\(fixtures)/\($0)/expected.txt") }.sorted()
}()

@Suite struct FixtureTests {
    @Test func theFixturesAreThere() {
        #expect(badFixtures.count >= 20)
    }

    @Test func theBaseFixtureIsValid() throws {
        let reading = ScenarioLoader.read(fixtures + "/base")
        #expect(reading.diagnostics.isEmpty)
        let scenario = try #require(reading.scenario)
        #expect(scenario.students.count == 4)
    }

    @Test(arguments: badFixtures)
    func eachBadFixtureReportsExactlyItsProblems(name: String) throws {
        let expected = try String(contentsOfFile: "\(fixtures)/\(name)/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty, "a fixture must expect at least one diagnostic")
        let actual = printedDiagnostics(name)
        #expect(actual == expected)
        let reading = ScenarioLoader.read(fixtures + "/" + name)
        let expectsError = expected.contains { $0.contains(": error: ") }
        #expect((reading.scenario == nil) == expectsError, "a scenario is returned exactly when there is no error")
    }
}
