import Foundation
import Testing
@testable import PacerCore

/// Writes `school` into a new temporary folder and loads it back as a scenario.
func writtenAndLoaded(_ school: ImportedSchool, options: ImportOptions = ImportOptions()) throws -> (folder: String, scenario: Scenario) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-import-\(UUID().uuidString)").path
    try ImportedScenarioWriter.write(school, options: options, to: folder)
    return (folder, try ScenarioLoader.load(folder))
}

@Suite struct FETImportTests {
    let file = importFixtures + "/fet/small-timetable.fet"

    func block(_ school: ImportedSchool, _ day: String, _ period: String) throws -> ImportedSchool.Block {
        let d = try #require(school.days.firstIndex { $0.id == day })
        let p = try #require(school.periods.firstIndex { $0.id == period })
        return .init(day: d, period: p)
    }

    @Test func readsTheCalendarFromDaysAndClockHours() throws {
        let school = try FETImporter.read(file, flex: .auto, options: ImportOptions())
        #expect(school.name == "Ridge & Valley School")
        #expect(school.days.map(\.id) == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        #expect(school.periods.map(\.id) == ["08_00", "08_50", "09_40", "10_40"])
        #expect(school.periods.map(\.start) == [480, 530, 580, 640])
        #expect(school.periods.map(\.end) == [525, 575, 625, 685])
        // The break time is closed.
        let breakTime = try block(school, "Friday", "09_40")
        #expect(school.closed == [breakTime])
    }

    @Test func placedLessonsAndNotAvailableTimesBecomeCommitments() throws {
        let school = try FETImporter.read(file, flex: .auto, options: ImportOptions())
        let monday = [try block(school, "Monday", "08_00"), try block(school, "Monday", "08_50")]
        let tuesday = try block(school, "Tuesday", "09_40"), wednesday = try block(school, "Wednesday", "08_00")
        let thursday = [try block(school, "Thursday", "08_50"), try block(school, "Thursday", "10_40")]
        let friday = try block(school, "Friday", "10_40"), mondayLate = try block(school, "Monday", "10_40")
        let teacher = { (name: String) in school.teachers.first { $0.name == name }?.busy }
        let room = { (name: String) in school.rooms.first { $0.name == name }?.busy }
        let student = { (id: String) in school.students.first { $0.id == id }?.busy }
        // Ms Ortiz's two-hour lesson with 7A on Monday at 08:00, in R1.
        #expect(teacher("Ms Ortiz") == Set(monday))
        #expect(room("R1") == Set(monday))
        // Mr Baptiste: his placed lesson with all of year 7, and two not-available times.
        #expect(teacher("Mr Baptiste") == Set([tuesday] + thursday))
        // 7A's subgroups have the Monday lesson; 7A-2 and 7B have art on Wednesday; 7B is not
        // available on Friday at 10:40; year 8's lesson is unplaced (its preference is 95 %).
        #expect(student("7A-1-1") == Set(monday + [tuesday]))
        #expect(student("7A-2-3") == Set(monday + [tuesday, wednesday]))
        #expect(student("7B-4") == [tuesday, wednesday, friday])
        #expect(student("8-01") == [])
        // The studio's not-available time and the art lesson placed in it.
        #expect(room("Studio") == [mondayLate, wednesday])
    }

    @Test func readsPeopleRoomsAndWhoTakesWhat() throws {
        let school = try FETImporter.read(file, flex: .auto, options: ImportOptions())
        #expect(school.subjects.map(\.id) == ["Math", "English", "Art_Design"])
        // Qualified subjects, plus what they teach in lessons.
        #expect(school.teachers.map(\.subjects) == [["Math"], ["English"], ["Art_Design", "Math"]])
        // Subgroups of 3, a group of 4, and year 8 with no head count: 20 students.
        #expect(school.students.count == 3 + 3 + 4 + 20)
        #expect(school.students.first { $0.id == "7A-2-1" }?.subjects == ["Math", "English", "Art_Design"])
        #expect(school.students.first { $0.id == "7B-1" }?.subjects == ["English", "Art_Design"])
        #expect(school.students.first { $0.id == "8-20" }?.subjects == ["Math"])
        // The virtual room is left out; FET's "unlimited" capacity is cut to Pacer's limit.
        #expect(school.rooms.map(\.name) == ["R1", "Studio"])
        #expect(school.rooms.map(\.capacity) == [25, 10_000])
    }

    @Test func reportsWhatItDidNotUse() throws {
        let report = try FETImporter.read(file, flex: .auto, options: ImportOptions()).report
        #expect(report.skipped["ConstraintMinDaysBetweenActivities"]?.count == 1)
        #expect(report.skipped["ConstraintActivityPreferredStartingTime (below 100 %)"]?.count == 1)
        #expect(report.skipped["activity without a fixed time"]?.count == 1)
        #expect(report.skipped["inactive activity"]?.count == 1)
        #expect(report.skipped["virtual room"]?.count == 1)
        #expect(report.assumptions.contains { $0.contains("no head count: 20 students") })
        #expect(report.assumptions.contains { $0.hasPrefix("no study spaces or supervisors in the source: every room may hold independent study") })
        #expect(report.read.first { $0.what == "placed activities" }?.count == 3)
    }

    @Test func autoFlexTakesBlocksFreeForMostStudents() throws {
        // With year 8 as one student (--students-per-group 1), 11 students: Monday's first two
        // hours (7A, 6 students) and Tuesday's English (year 7, 10) are taken for most and closed.
        var options = ImportOptions()
        options.studentsPerGroup = 1
        let school = try FETImporter.read(file, flex: .auto, options: options)
        #expect(school.students.count == 11)
        let taken = [try block(school, "Monday", "08_00"), try block(school, "Monday", "08_50"), try block(school, "Tuesday", "09_40")]
        let friday = try block(school, "Friday", "10_40")  // 7B: 4 of 11 busy
        let allTakenClosed = taken.allSatisfy { school.closed.contains($0) }
        let everyPeriodFlex = school.periods.allSatisfy { $0.flex }
        #expect(allTakenClosed)
        #expect(!school.closed.contains(friday))
        #expect(everyPeriodFlex)
    }

    @Test func namedFlexBlocksMakeTheOtherBlocksOfTheirPeriodsClosed() throws {
        let school = try FETImporter.read(file, flex: FlexSelection(argument: "4, Monday/1"), options: ImportOptions())
        #expect(school.periods.map(\.flex) == [true, false, false, true])
        // Period 1 is flex on Monday only; period 4 every day.
        #expect(school.closed.filter { $0.period == 0 }.count == 4)
        #expect(school.closed.filter { $0.period == 3 }.isEmpty)
        #expect(throws: ImportError.self) { try FETImporter.read(file, flex: .blocks(["9"]), options: ImportOptions()) }
        #expect(throws: ImportError.self) { try FETImporter.read(file, flex: .blocks(["Sunday/1"]), options: ImportOptions()) }
        // The scenario's own spelling (DAY-PERIOD, and a period id) names the same blocks.
        let same = try FETImporter.read(file, flex: FlexSelection(argument: "10_40, Monday-08_00"), options: ImportOptions())
        #expect(same.periods.map(\.flex) == school.periods.map(\.flex) && same.closed == school.closed)
        let error = try #require(throws: ImportError.self) { try FETImporter.read(file, flex: .blocks(["Sunday-08_00"]), options: ImportOptions()) }
        #expect(error.message.contains("such as Monday-08_00"))
    }

    @Test func autoFlexNeedsATimetable() throws {
        let unplaced = importFixtures + "/fet/unplaced.fet"
        let error = try #require(throws: ImportError.self) { try FETImporter.read(unplaced, flex: .auto, options: ImportOptions()) }
        #expect(error.message.contains("places only 0 of its 4 lessons"))
        #expect(error.message.contains("--flex"))
        let school = try FETImporter.read(unplaced, flex: .blocks(["10:40-11:25"]), options: ImportOptions())
        #expect(school.periods.map(\.flex) == [false, false, false, true])
    }

    @Test func theWrittenScenarioValidatesPlansAndKeepsCommitments() throws {
        let school = try FETImporter.read(file, flex: .auto, options: ImportOptions())
        let (folder, scenario) = try writtenAndLoaded(school)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(scenario.teachers.first { $0.name == "Mr Baptiste" }?.unavailable.map(\.rawValue).sorted()
            == ["Thursday-08_50", "Thursday-10_40", "Tuesday-09_40"])
        let plan = try Planner.plan(scenario, options: PlanOptions(timeLimit: 3)).plan
        #expect(!plan.sessions.isEmpty)
        // FET lists no aides, so in a few blocks too few teachers are free to supervise everyone
        // not in a workshop: those students have no place, the plan lists them, and verify says
        // so. Nothing else is wrong.
        let violations = PlanVerifier(scenario: scenario).violations(of: plan)
        #expect(violations.allSatisfy { $0.rule == .noPlace && $0.message.hasSuffix("(listed unplaced)") }, "\(violations)")
        #expect(violations.count == plan.unplaced?.count)
    }

    @Test func malformedFilesAreRefusedWithTheirLine() throws {
        let truncated = try #require(throws: ImportError.self) {
            try FETImporter.read(importFixtures + "/fet/broken-truncated.fet", flex: .auto, options: ImportOptions())
        }
        #expect(truncated.message.contains("not well-formed XML"))
        #expect(truncated.location.line >= 40)
        let unknown = try #require(throws: ImportError.self) {
            try FETImporter.read(importFixtures + "/fet/broken-unknown-teacher.fet", flex: .auto, options: ImportOptions())
        }
        #expect(unknown.location.line == 70)
        #expect(unknown.message == "activity 2: unknown teacher Mr Baptist")
        let notFET = try #require(throws: ImportError.self) {
            try FETImporter.read(importFixtures + "/xhstt/broken-unknown-time.xml", flex: .auto, options: ImportOptions())
        }
        #expect(notFET.message.contains("not a FET file"))
        #expect(throws: ImportError.self) { try FETImporter.read(importFixtures + "/fet/missing.fet", flex: .auto, options: ImportOptions()) }
    }

    @Test func namesKeepTheirSpacesAndBecomeValidIds() throws {
        var ids = IdentifierMaker(dashAllowed: false)
        #expect(ids.id(for: "MAIR 13 ", fallback: "X") == "MAIR_13")
        #expect(ids.id(for: " MAIR 13", fallback: "X") == "MAIR_13_2")
        #expect(ids.id(for: "MAIR 13 ", fallback: "X") == "MAIR_13")
        #expect(ids.id(for: "8:00-8:45", fallback: "X") == "8_00_8_45")
        #expect(ids.id(for: "\"; ,", fallback: "X") == "X")
        #expect(ids.id(for: String(repeating: "é", count: 100), fallback: "X") == String(repeating: "e", count: 56))
    }

    /// Hostile names from any importer become ids that pass `IdentifierRule`, and the report says
    /// what changed.
    @Test func hostileNamesBecomeSafeIdsAndAreReported() throws {
        var ids = IdentifierMaker()
        let hostile = ["../../../../tmp/probe/PWNED", "/etc/passwd", "..", ".hidden", "a\u{0}b", "C:\\Users\\x", "-rf",
                       String(repeating: "x", count: 10_000), "Müller", "S-01", "s-01", "名前", "~", ""]
        var made: [String] = []
        for name in hostile {
            let id = ids.id(for: name, fallback: "P\(made.count + 1)")
            #expect(IdentifierRule.problem(id) == nil, "\(name.prefix(40)) → \(id)")
            made.append(id)
        }
        #expect(Set(made.map { $0.lowercased() }).count == made.count, "ids differ by more than case: \(made)")
        #expect(made[0] == "tmp_probe_PWNED" && made[8] == "Muller" && made[9] == "S-01" && made[10] == "s-01_2")
        var report = ImportReport()
        report.renamed("students", ids)
        #expect(report.lines.contains { $0.hasPrefix("  - students (13): '../../../../tmp/probe/PWNED' → tmp_probe_PWNED") }, "\(report.lines)")
    }
}
