import Foundation
import Testing
@testable import PacerCore

@Suite struct OneRosterImportTests {
    let v11 = importFixtures + "/oneroster-1.1"
    let v12 = importFixtures + "/oneroster-1.2"

    /// A copy of the 1.1 fixture with `file` replaced by `text`.
    func brokenCopy(_ file: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-oneroster-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: v11, toPath: folder)
        try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func readsPeopleSubjectsAndRooms() throws {
        let school = try OneRosterImporter.read(v11, school: nil, current: nil, flexPeriods: 3, options: ImportOptions())
        #expect(school.name == "Harbor Middle School")
        // Class subjects, else the course's, else the course title; the homeroom is no subject.
        #expect(school.subjects.map(\.name) == ["Mathematics", "English", "Life Science"])
        #expect(school.teachers.map(\.id) == ["T-1001", "T-1002"])
        #expect(school.teachers.map(\.name) == ["Karen Ortiz", "Jean Baptiste"])
        #expect(school.teachers[1].subjects == ["English", "Life_Science"])
        // Students by identifier; the one marked tobedeleted and the parent are left out.
        #expect(school.students.map(\.id) == ["100231", "100232", "100233", "100234"])
        #expect(school.students[1].name == "Gabriel O'Brien")
        #expect(school.students[0].subjects == ["Mathematics", "English"])
        #expect(school.rooms.map(\.name) == ["Room 101", "Room 12, upstairs", "Lab"])
        // The homeroom (Room 101, Karen Ortiz) is the home base of the student enrolled in it.
        #expect(school.students[0].homeRoom == school.rooms[0].id && school.students[0].homeAdult == "T-1001")
        #expect(school.students[1].homeRoom == nil && school.students[1].homeAdult == nil)
        #expect(school.report.assumptions.contains { $0.hasPrefix("homerooms: their location is their students' home_room") })
        #expect(school.periods.map(\.id) == ["F1", "F2", "F3"])
        #expect(school.report.skipped["homeroom class"]?.count == 1)
        #expect(school.report.skipped["enrollment of another role"]?.count == 1)
        #expect(school.report.skipped["class periods"]?.count == 4)
    }

    @Test func currentObjectivesComeFromTheirFile() throws {
        let school = try OneRosterImporter.read(v11, school: nil, current: v11 + "/current.csv", flexPeriods: 3, options: ImportOptions())
        let (folder, scenario) = try writtenAndLoaded(school)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let current = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id.rawValue, $0.current) })
        #expect(current["100231"]?[SubjectID(rawValue: "Mathematics")]?.rawValue == "Mathematics.3")
        #expect(current["100232"]?[SubjectID(rawValue: "Mathematics")]?.rawValue == "Mathematics.2")
        #expect(current["100234"]?[SubjectID(rawValue: "English")]?.rawValue == "English.4")
        #expect(current["100233"]?[SubjectID(rawValue: "English")]?.rawValue == "English.1")
        _ = try planned(scenario, options: PlanOptions(timeLimit: 3))
    }

    @Test func version12ReadsTheChosenSchool() throws {
        let several = try #require(throws: ImportError.self) {
            try OneRosterImporter.read(v12, school: nil, current: nil, flexPeriods: 2, options: ImportOptions())
        }
        #expect(several.message.contains("holds 2 schools; choose one with --school: org-ms (Harbor Middle School), org-hs (Harbor High School)"))
        let school = try OneRosterImporter.read(v12, school: "HHS", current: nil, flexPeriods: 2, options: ImportOptions())
        #expect(school.name == "Harbor High School")
        #expect(school.source.hasPrefix("OneRoster 1.2"))
        #expect(school.students.map(\.name) == ["Rosa Diaz"])
        #expect(school.teachers.map(\.name) == ["Hana Lee"])
        #expect(school.rooms.map(\.name) == ["B12"])
        // Preferred names win.
        let middle = try OneRosterImporter.read(v12, school: "org-ms", current: nil, flexPeriods: 2, options: ImportOptions())
        #expect(middle.students.map(\.name) == ["Avi Martin", "Gabriel O'Brien"])
    }

    @Test func brokenExportsAreRefusedWithTheirPosition() throws {
        let cases: [(file: String, text: String, message: String, line: Int)] = [
            ("users.csv", "sourcedId,givenName\nu-1,Ann\n", "the header has no column familyName (it has sourcedId, givenName)", 1),
            ("enrollments.csv", "classSourcedId,userSourcedId,role\nclass-m7a,u-s1,student\nclass-m7a,u-zz,student\n", "enrollment of unknown user u-zz", 3),
            ("classes.csv", "sourcedId,title,courseSourcedId\nc1,Math,course-m7\nc2,Art,course-xx\n", "class c2 names unknown course course-xx", 3),
            ("courses.csv", "sourcedId,title\nc1,Math\nc2,\"Art\n", "a quoted field is never closed", 3),
            // A semicolon-separated file is read as such; its error, not the note saying so, is reported.
            ("courses.csv", "sourcedId;title\nc1;Math\nc2;\"Art\n", "a quoted field is never closed", 3),
            ("users.csv", "sourcedId,givenName,familyName\nu-1,Ann\n", "this row has 2 fields, the header 3", 2),
            ("manifest.csv", "propertyName,value\noneroster.version,1.1\nfile.users,delta\n", "users.csv is a delta (changes since an earlier export); export in bulk", 3),
            ("manifest.csv", "propertyName,value\noneroster.version,2.0\n", "OneRoster version 2.0 is not read; Pacer reads 1.1 and 1.2", 2),
        ]
        for entry in cases {
            let folder = try brokenCopy(entry.file, entry.text)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let error = try #require(throws: ImportError.self) {
                try OneRosterImporter.read(folder, school: nil, current: nil, flexPeriods: 3, options: ImportOptions())
            }
            #expect(error.message == entry.message)
            #expect(error.location.line == entry.line, "\(entry.message)")
            #expect(error.location.file.hasSuffix(entry.file))
        }
        let missing = try brokenCopy("users.csv", "")
        try FileManager.default.removeItem(atPath: missing + "/users.csv")
        let error = try #require(throws: ImportError.self) {
            try OneRosterImporter.read(missing, school: nil, current: nil, flexPeriods: 3, options: ImportOptions())
        }
        #expect(error.message == "users.csv is missing; a OneRoster export needs it")
    }

    @Test func badCurrentObjectivesAreRefused() throws {
        let cases: [(text: String, message: String)] = [
            ("student,subject,objective\n100231,Mathematics,9\n", "objective 9 is not Mathematics.1 to Mathematics.8 or a step from 1 to 8"),
            ("student,subject,objective\n999,Mathematics,2\n", "unknown student 999 (not enrolled as a student in the export)"),
            ("student,subject,objective\n100231,Art,2\n", "unknown subject Art; subjects: Mathematics, English, Life Science"),
            ("student,subject,objective\n100233,Life Science,2\n", "student 100233 is enrolled in no Life Science class"),
            ("id,objective\n", "the header must be student,subject,objective"),
        ]
        for entry in cases {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("current-\(UUID().uuidString).csv").path
            try entry.text.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let error = try #require(throws: ImportError.self) {
                try OneRosterImporter.read(v11, school: nil, current: file, flexPeriods: 3, options: ImportOptions())
            }
            #expect(error.message == entry.message)
        }
    }
}
