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

    /// A generated school has study spaces (library, commons, classrooms) and about one
    /// supervisor per 60 students, says all of it (nothing assumed), and is the same for a seed.
    @Test func generatedSchoolsHaveStudySpacesAndAides() throws {
        var spec = SchoolSpec.scaled(students: 150)
        spec.seed = 7
        let files = SchoolGenerator.generate(spec)
        #expect(files.scenarioYAML == SchoolGenerator.generate(spec).scenarioYAML)
        #expect(files.studentsCSV == SchoolGenerator.generate(spec).studentsCSV)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try files.scenarioYAML.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try files.studentsCSV.write(to: dir.appendingPathComponent("students.csv"), atomically: true, encoding: .utf8)
        let scenario = try #require(ScenarioLoader.read(dir.path).scenario)
        #expect(scenario.supervisors.count == 2)
        #expect(scenario.assumptions == [])
        let study = scenario.rooms.filter { $0.studySeats != nil }.map(\.id.rawValue)
        #expect(study.starts(with: ["LIBRARY", "COMMONS"]))
        #expect(study.dropFirst(2).allSatisfy { $0.hasPrefix("R") })
        #expect(scenario.students.allSatisfy { $0.homeRoom.map { study.contains($0.rawValue) } ?? false })
        // Seats for everyone at once, and adults for everyone when half the teachers are busy.
        let seats = scenario.rooms.compactMap(\.studySeats).reduce(0, +)
        #expect(seats >= scenario.students.count)
        #expect((scenario.supervisors.count + scenario.teachers.count / 2) * 30 >= scenario.students.count)
    }
}
