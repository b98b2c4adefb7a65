import Foundation
import Testing
@testable import PacerCore

/// The merging rules of `extends` (docs/scenario-format.md, "Variants").
@Suite struct VariantTests {
    @Test func aVariantAddsATeacherAndKeepsEverythingElse() throws {
        let base = try ScenarioLoader.load(scenariosFolder + "/middle-school")
        let variant = try ScenarioLoader.load(scenariosFolder + "/middle-school-extra-teacher")
        #expect(variant.teachers.count == base.teachers.count + 1)
        #expect(variant.teachers.last?.id == "T-NEWHIRE")
        #expect(variant.teachers.dropLast() == base.teachers[...])
        #expect(variant.students == base.students, "students.csv is inherited from the base")
        #expect(variant.rooms == base.rooms)
        #expect(variant.name != base.name)
        #expect(variant.sourceFiles.first?.hasSuffix("middle-school-extra-teacher/scenario.yaml") == true)
        #expect(variant.sourceFiles.contains { $0.hasSuffix("middle-school/students.csv") })
    }

    @Test func aVariantMergesListItemsByID() throws {
        let base = try ScenarioLoader.load(scenariosFolder + "/middle-school")
        let variant = try ScenarioLoader.load(scenariosFolder + "/middle-school-small-groups")
        // subjects are merged by id: only `defaults.max_group` changed.
        #expect(variant.objectives.count == base.objectives.count)
        #expect(variant.objectives.allSatisfy { $0.maxGroup == 8 })
        #expect(zip(variant.objectives, base.objectives).allSatisfy { $0.id == $1.id && $0.needs == $1.needs })
        // periods are merged by id: F4 is appended.
        #expect(variant.calendar.periods.count == base.calendar.periods.count + 1)
        #expect(variant.calendar.flexBlocks.count == 20)
    }

    func write(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-variant-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    @Test func removeDeletesAnItemAndOtherListsAreReplaced() throws {
        let dir = try write([
            "base/scenario.yaml": try String(contentsOfFile: fixtures + "/base/scenario.yaml", encoding: .utf8),
            "base/students.csv": try String(contentsOfFile: fixtures + "/base/students.csv", encoding: .utf8),
            "v/variant.yaml": """
                extends: ../base
                calendar:
                  days: [Tue]
                teachers:
                  - {id: T-B, remove: true}
                rooms:
                  - {id: R2, capacity: 7, features: [whiteboard]}
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try ScenarioLoader.load(dir + "/v/variant.yaml")
        #expect(s.teachers.map(\.id) == ["T-A"])
        #expect(s.calendar.days.map(\.id) == ["Tue"], "a list of plain values is replaced whole")
        let r2 = try #require(s.rooms.first { $0.id == "R2" })
        #expect(r2.capacity == 7 && r2.features == ["whiteboard"])
        #expect(s.students.count == 4)
    }

    @Test func removingAnUnknownItemIsAnError() throws {
        let dir = try write([
            "base/scenario.yaml": try String(contentsOfFile: fixtures + "/base/scenario.yaml", encoding: .utf8),
            "base/students.csv": try String(contentsOfFile: fixtures + "/base/students.csv", encoding: .utf8),
            "v/scenario.yaml": "extends: ../base\nrooms:\n  - {id: R7, remove: true}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reading = ScenarioLoader.read(dir + "/v")
        #expect(reading.errors.map(\.message) == ["cannot remove 'R7': the base has no item with that id"])
        #expect(reading.errors.first?.location.line == 3)
    }
}
