import Foundation
import Testing
@testable import PacerCore

/// What `pacer validate` says of a valid scenario: its study spaces and adults, and one
/// "assumed: …" line for each default Pacer took.
@Suite struct ScenarioSummaryTests {
    @Test func aSchoolThatSaysNothingOfStudyIsToldWhatWasAssumed() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1}]}]
            teachers: [{id: T, teaches: [A1]}, {id: U, teaches: [A1], supervises: false}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 12}]
            # independent study left to the defaults
            """, students: "id,name,A\nS1,Ann,A1\n")
        let summary = ScenarioSummary(s)
        #expect(summary.lines.contains("  independent study: 2 study spaces (17 study seats); 0 supervisors and 1 supervising teachers, at most 30 students each"))
        #expect(summary.assumed == [
            "  assumed: no room says 'study:', so every room may hold independent study, at its capacity",
            "  assumed: no 'supervisors:' listed, so only teachers supervise independent study",
            "  assumed: no 'students_per_supervisor' in policy, so one adult supervises at most 30 students",
        ])
    }

    @Test func aSchoolThatSaysEverythingAssumesNothing() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1}]}]
            teachers: [{id: T, teaches: [A1]}]
            supervisors: [{id: AIDE, name: Ada}]
            rooms: [{id: R1, capacity: 5, study: false}, {id: LIB, capacity: 40, study: 25}]
            policy: {students_per_supervisor: 20}

            """, students: "id,name,A\nS1,Ann,A1\n")
        let summary = ScenarioSummary(s)
        #expect(summary.lines.contains("  independent study: 1 study spaces (25 study seats); 1 supervisors and 1 supervising teachers, at most 20 students each"))
        #expect(summary.assumed == [])
    }

    /// A home base that can never apply is legal but a likely mistake: a home_room that is no study
    /// space, a home_adult who is a teacher that does not supervise.
    @Test func aHomeBaseThatCanNeverApplyIsWarnedAbout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-home-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: scenariosFolder + "/tiny-school", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
            .replacingOccurrences(of: "    unavailable: [Fri]\n", with: "    unavailable: [Fri]\n    supervises: false\n")
        try yaml.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        var lines = try String(contentsOfFile: folder + "/students.csv", encoding: .utf8).components(separatedBy: "\n")
        lines[0] += ",home_room"
        lines[1] = lines[1].replacingOccurrences(of: ",A-PARK", with: ",T-RIVERA") + ",R101"   // S-01: neither can apply
        lines[2] += ",COMMONS"                                                                  // S-02: the commons is a study space
        for i in 3..<lines.count where !lines[i].isEmpty { lines[i] += "," }
        try lines.joined(separator: "\n").write(toFile: folder + "/students.csv", atomically: true, encoding: .utf8)
        let reading = ScenarioLoader.read(folder)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        #expect(reading.warnings.map(\.message) == [  // in column order
            "student S-01: home_adult T-RIVERA is a teacher with 'supervises: false', so it is never used",
            "student S-01: home_room R101 is not a study space (no 'study:' seats), so it is never used",
        ])
    }

    /// A school whose study can hold nobody (its one study space closed to study) validates with a
    /// warning, not "valid, 0 warnings": every plan would leave students with no place.
    @Test func studyThatCannotHoldEveryoneIsWarnedAbout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-nostudy-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: scenariosFolder + "/tiny-school", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
        let yaml = original.replacingOccurrences(of: "capacity: 30, study: true, workshops: false}", with: "capacity: 30, study: false}")
        #expect(yaml != original)
        try yaml.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let reading = ScenarioLoader.read(folder)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        let warning = try #require(reading.warnings.first { $0.message.hasPrefix("independent study cannot hold every present student") })
        #expect(warning.message.contains("in 10 flex block(s)") && warning.message.contains("pacer validate --deep"), "\(warning.message)")
        #expect(ScenarioLoader.read(scenariosFolder + "/tiny-school").warnings.isEmpty)
    }
}
