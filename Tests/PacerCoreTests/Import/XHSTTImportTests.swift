import Foundation
import Testing
@testable import PacerCore

@Suite struct XHSTTImportTests {
    func path(_ name: String) -> String { importFixtures + "/xhstt/\(name).xml" }

    func read(_ name: String, solution: String? = nil, options: ImportOptions = ImportOptions()) throws -> ImportedSchool {
        var options = options
        if options.syntheticSeed == nil { options.syntheticSeed = 1 }
        return try XHSTTImporter.read(path(name), instance: nil, solution: solution, flex: .all, options: options)
    }

    @Test func theBrazilianInstanceKeepsItsSolutionAsCommitments() throws {
        let school = try read("BR-SA-00")
        #expect(school.days.map(\.id) == ["Mo", "Tu", "We", "Th", "Fr"])
        #expect(school.periods.map(\.id) == ["P1", "P2", "P3", "P4", "P5"])
        #expect(school.teachers.count == 14)
        #expect(school.students.count == 6 * 20)
        // The first solution places event T1-S1 (teacher T1, class S1) at Mo_5, We_5 and Th_3 for two times.
        let t1 = try #require(school.teachers.first { $0.id == "T1" })
        for block in [ImportedSchool.Block(day: 0, period: 4), .init(day: 2, period: 4), .init(day: 3, period: 2), .init(day: 3, period: 3)] {
            #expect(t1.busy.contains(block))
            #expect(school.students.filter { $0.grade == "S1" }.allSatisfy { $0.busy.contains(block) })
        }
        // Each class's timetable fills all 25 times.
        #expect(school.students.allSatisfy { $0.busy.count == 25 })
        #expect(school.report.skipped["SpreadEventsConstraint"]?.count == 1)
        // No rooms in the instance: one per teacher.
        #expect(school.rooms.count == 14)
    }

    @Test func everyShippedInstanceImportsPlansAndKeepsItsCommitments() throws {
        for name in ["BR-SA-00", "FI-WP-06", "DK-VG-09"] {
            let school = try read(name)
            let (folder, scenario) = try writtenAndLoaded(school, options: { var o = ImportOptions(); o.syntheticSeed = 1; return o }())
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(scenario.students.count == school.students.count)
            // The written unavailable blocks are exactly the solution's busy times.
            for (student, imported) in zip(scenario.students, school.students) {
                let written = Set(student.unavailable.map(\.rawValue))
                let expected = Set(imported.busy.map { "\(school.days[$0.day].id)-\(school.periods[$0.period].id)" })
                #expect(written == expected, "\(name) \(student.id)")
            }
            let plan = try planned(scenario, options: PlanOptions(timeLimit: 5))
            if name == "BR-SA-00" { #expect(plan.sessions.isEmpty) } else { #expect(!plan.sessions.isEmpty) }
        }
    }

    @Test func theDanishInstanceHasStudentsRoomsAndATwoWeekCycle() throws {
        let school = try read("DK-VG-09")
        #expect(school.days.count == 10)
        #expect(school.periods.count == 6)
        #expect(school.students.count == 163)
        #expect(school.rooms.count == 53)
        #expect(school.students.allSatisfy { $0.grade.isEmpty && $0.subjects == ["MATH", "ELA", "SCI"] })
        #expect(school.report.skipped["solution event without a time"]?.count == 2)
    }

    @Test func solutionsAreChosenByNumberOrGroup() throws {
        let first = try read("DK-VG-09")
        let byGroup = try read("DK-VG-09", solution: "LectioALNS")
        let second = try read("DK-VG-09", solution: "2")
        #expect(first.teachers.map(\.busy) == byGroup.teachers.map(\.busy))
        #expect(first.teachers.map(\.busy) != second.teachers.map(\.busy))
        let missing = try #require(throws: ImportError.self) { try read("DK-VG-09", solution: "9") }
        #expect(missing.message.contains("there are 1 (LectioALNS), 2 (KHE14-2014-08-22)"))
        let wrongInstance = try #require(throws: ImportError.self) {
            try XHSTTImporter.read(path("FI-WP-06"), instance: "XX", solution: nil, flex: .all, options: ImportOptions())
        }
        #expect(wrongInstance.message == "no instance XX; the archive holds FI-WP-06")
    }

    @Test func syntheticObjectivesAreSeededAndDocumented() throws {
        var options = ImportOptions()
        options.syntheticSeed = 7
        let a = try ImportedScenarioWriter.files(try read("FI-WP-06"), options: options)
        let b = try ImportedScenarioWriter.files(try read("FI-WP-06"), options: options)
        options.syntheticSeed = 8
        let c = try ImportedScenarioWriter.files(try read("FI-WP-06"), options: options)
        #expect(a.studentsCSV == b.studentsCSV)
        #expect(a.studentsCSV != c.studentsCSV)
        // 1 + Binomial(7, 0.25): the mean step is 2.75.
        var school = try read("FI-WP-06")
        ObjectiveSynthesis.apply(seed: 3, steps: 8, to: &school)
        let steps = school.students.flatMap { $0.steps.values }.map { Double($0 + 1) }
        let mean = steps.reduce(0, +) / Double(steps.count)
        #expect(abs(mean - 2.75) < 0.25)
        #expect(steps.allSatisfy { (1...8).contains($0) })
    }

    @Test func brokenArchivesAreRefusedWithTheirLine() throws {
        let unknownTime = try #require(throws: ImportError.self) { try read("broken-unknown-time") }
        #expect(unknownTime.location.line == 26)
        #expect(unknownTime.message == "event E1: unknown time Tu_9")
        let notAnArchive = try #require(throws: ImportError.self) {
            try XHSTTImporter.read(importFixtures + "/fet/small-timetable.fet", instance: nil, solution: nil, flex: .all, options: ImportOptions())
        }
        #expect(notAnArchive.message.contains("not an XHSTT archive"))
    }
}
