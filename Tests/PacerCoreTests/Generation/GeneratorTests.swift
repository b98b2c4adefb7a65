import Foundation
import Testing
@testable import PacerCore

@Suite struct GeneratorTests {
    /// The shipped generated schools are exactly what the generator makes, so they can be remade.
    @Test(arguments: [("middle-school", SchoolSpec.middleSchool), ("high-school", SchoolSpec.highSchool)])
    func shippedSchoolsMatchTheGenerator(name: String, spec: SchoolSpec) throws {
        let files = SchoolGenerator.generate(spec)
        #expect(files.scenarioYAML == (try String(contentsOfFile: "\(scenariosFolder)/\(name)/scenario.yaml", encoding: .utf8)))
        #expect(files.studentsCSV == (try String(contentsOfFile: "\(scenariosFolder)/\(name)/students.csv", encoding: .utf8)))
    }

    @Test func differentSeedsGiveDifferentSchools() {
        var other = SchoolSpec.middleSchool
        other.seed = 99
        #expect(SchoolGenerator.generate(other).studentsCSV != SchoolGenerator.generate(.middleSchool).studentsCSV)
    }

    @Test(arguments: [150, 600, 2000])
    func scaledSchoolsAreValid(students: Int) throws {
        let files = SchoolGenerator.generate(.scaled(students: students))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try files.scenarioYAML.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try files.studentsCSV.write(to: dir.appendingPathComponent("students.csv"), atomically: true, encoding: .utf8)
        let reading = ScenarioLoader.read(dir.path)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics.prefix(3))")
        #expect(reading.scenario?.students.count == students)
    }
}
