import Foundation
import Testing
@testable import PacerCore

/// The golden tiny-school plan with independent study added on Tuesday's first block: Ava Martin
/// and Liam Chen in the learning commons with Ms Park and Mr Chen (who runs no workshop then),
/// and Sofia Garcia with no place.
func tinyWithStudy() throws -> (Scenario, WeekPlan) {
    let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
    var plan = try PlanFile.read(golden + "/plan.json")
    plan.study = [StudyGroup(id: "Tue-F1/study/COMMONS", day: "Tue", block: "Tue-F1", start: "09:25", end: "10:05", room: "COMMONS",
                             adults: ["A-PARK", "T-CHEN"],
                             students: [StudyPlace(student: "S-01", objective: "MATH-7.RP.1"), StudyPlace(student: "S-02", objective: "MATH-7.RP.1")])]
    plan.unplaced = [UnplacedStudent(student: "S-03", block: "Tue-F1", reason: "no study seat left")]
    plan.days = plan.days.map { DayRoster(day: $0.day, sessions: $0.sessions, study: $0.day == "Tue" ? ["Tue-F1/study/COMMONS"] : []) }
    plan.header.placements = Placements(due: 12, inWorkshops: 9, inStudy: 2, noPlace: 1, supervisingAdults: 2, studySeatsUsed: 2)
    return (scenario, plan)
}

@Suite struct StudyExportTests {
    func export(_ exporter: PlanExporter, filter: ExportFilter? = nil, day: DayID? = nil) throws -> [String: String] {
        let (scenario, plan) = try tinyWithStudy()
        return try exporter.files(ExportContext(scenario: scenario, plan: plan, weekOf: SchoolDate("2026-11-23"), filter: filter, day: day))
    }

    @Test func csvListsStudyPlacesSupervisionAndStudentsWithNoPlace() throws {
        let files = try export(CSVExporter())
        let study = try #require(files["study.csv"])
        #expect(study.contains("Tue,2026-11-24,Tue-F1,09:25,10:05,Learning commons,Ms Park (learning coach) and Mr Chen,Liam Chen,7,Unit rates with fractions,COMMONS,A-PARK;T-CHEN,S-02,MATH-7.RP.1,Tue-F1/study/COMMONS\r\n"))
        #expect(study.split(separator: "\r\n").count == 3, "a header and one row per student in study")
        #expect(files["supervision/A-PARK.csv"]?.contains("Learning commons,Mr Chen,2,Ava Martin; Liam Chen") == true)
        #expect(files["supervision/T-CHEN.csv"]?.contains("Learning commons,Ms Park (learning coach),2,") == true)
        #expect(files["unplaced.csv"]?.contains("Tue,2026-11-24,Tue-F1,09:25,10:05,Sofia Garcia,7,no study seat left,S-03\r\n") == true)
    }

    /// Mr Chen supervises study on Tuesday's F1 and teaches its students' objective: his check
    /// sheet lists them after his groups, and filled in it comes back as checks dated that day.
    @Test func aTeachersCheckSheetListsTheStudyStudentsTheyCanCheck() throws {
        let files = try export(CSVExporter())
        let sheet = try #require(files["check-sheets/T-CHEN.csv"])
        let rows = sheet.components(separatedBy: "\r\n").filter { $0.contains("(independent study)") }
        #expect(rows == ["2026-11-24,Tue,09:25,10:05,Learning commons (independent study),MATH-7.RP.1,Unit rates with fractions,S-01,Ava Martin,,",
                         "2026-11-24,Tue,09:25,10:05,Learning commons (independent study),MATH-7.RP.1,Unit rates with fractions,S-02,Liam Chen,,"],
                "\(sheet)")
        #expect(sheet.components(separatedBy: "\r\n").last { !$0.isEmpty } == rows.last, "after his groups")
        #expect(files["check-sheets/A-PARK.csv"] == nil, "a supervisor who is no teacher checks nobody")
        let filled = sheet.replacingOccurrences(of: rows[0], with: rows[0].dropLast(2) + ",mastered,brought her work")
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let (checks, problems) = MasteryChecksFile.parse(filled, file: "T-CHEN.csv", scenario: scenario, today: SchoolDate("2026-11-27"))
        #expect(problems.isEmpty, "\(problems)")
        #expect(checks.map { "\($0.date) \($0.student) \($0.objective) \($0.result.rawValue)" } == ["2026-11-24 S-01 MATH-7.RP.1 mastered"])
    }

    @Test func csvOfAPlanBeforeIndependentStudyHasNoStudyFiles() throws {
        let (folder, files) = try exportTiny(CSVExporter())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!files.contains("study.csv") && !files.contains("unplaced.csv"))
    }

    @Test func aStudentsTimetableShowsStudyAndNoPlaceInsteadOfAnEmptyCell() throws {
        let files = try export(HTMLExporter())
        let liam = try #require(files["student-S-02.html"])
        #expect(liam.contains("Independent study: Unit rates with fractions, with Ms Park (learning coach) and Mr Chen in Learning commons"))
        #expect(liam.contains("Learning commons, with Ms Park (learning coach) and Mr Chen"))
        let sofia = try #require(files["student-S-03.html"])
        #expect(sofia.contains("No place this block: no study seat left"))
        let park = try #require(files["supervision-A-PARK.html"])
        #expect(park.contains("Ms Park (learning coach): independent study") && park.contains("Ava Martin") && park.contains("Liam Chen"))
        #expect(park.contains("2 students, with Mr Chen"))
        #expect(files["teacher-T-CHEN.html"]?.contains("href=\"supervision-T-CHEN.html\"") == true)
        #expect(files["index.html"]?.contains("12 student-blocks due: 9 in workshops, 2 in independent study, 1 with no place.") == true)
        #expect(files["index.html"]?.contains("Sofia Garcia, Tue-F1: no study seat left") == true)
    }

    @Test func calendarsHoldStudyForStudentsAndSupervisionForAdults() throws {
        let files = try export(ICalendarExporter())
        let liam = try #require(files["students/S-02.ics"])
        #expect(liam.contains("UID:2026-11-24.Tue-F1.S-02@pacer\r\n"))
        #expect(liam.contains("SUMMARY:Independent study with Ms Park (learning coach) and Mr Chen\r\nLOCATION:Learning commons\r\n"))
        let park = try #require(files["supervisors/A-PARK.ics"])
        #expect(park.contains("UID:2026-11-24.Tue-F1.A-PARK@pacer\r\n") && park.contains("SUMMARY:Independent study\\, 2 students"))
        #expect(files["teachers/T-CHEN.ics"]?.contains("UID:2026-11-24.Tue-F1.T-CHEN@pacer\r\n") == true)
    }

    @Test func jsonKeepsStudyGroupsAndDaysConsistentUnderADayOrFilter() throws {
        let monday = try PlanFile.decode(try #require(try export(JSONExporter(), day: "Mon")["plan.json"]))
        #expect(monday.study == [] && monday.unplaced == [])
        #expect(monday.days.allSatisfy { $0.study == [] })
        let tuesday = try PlanFile.decode(try #require(try export(JSONExporter(), day: "Tue")["plan.json"]))
        #expect(tuesday.study?.map(\.id) == ["Tue-F1/study/COMMONS"] && tuesday.unplaced?.count == 1)
        #expect(tuesday.days.first { $0.day == "Tue" }?.study == ["Tue-F1/study/COMMONS"])
        let chen = try PlanFile.decode(try #require(try export(JSONExporter(), filter: .teacher("T-CHEN"))["plan.json"]))
        #expect(chen.study?.count == 1 && chen.unplaced == [])
        let okafor = try PlanFile.decode(try #require(try export(JSONExporter(), filter: .teacher("T-OKAFOR"))["plan.json"]))
        #expect(okafor.study == [] && okafor.days.allSatisfy { $0.study == [] })
    }

    /// `--for supervisor:A-PARK`: an aide's own export holds her study groups and no workshop.
    @Test func anAidesExportHoldsHerSupervisionAlone() throws {
        #expect(ExportFilter("supervisor:A-PARK") == .supervisor("A-PARK"))
        let (scenario, _) = try tinyWithStudy()
        #expect(ExportFilter.supervisor("A-PRK").problem(in: scenario) == "unknown supervisor 'A-PRK'; did you mean A-PARK?")
        let park = try PlanFile.decode(try #require(try export(JSONExporter(), filter: .supervisor("A-PARK"))["plan.json"]))
        #expect(park.sessions.isEmpty && park.study?.map(\.id) == ["Tue-F1/study/COMMONS"])
        let csv = try export(CSVExporter(), filter: .supervisor("A-PARK"))
        #expect(csv["supervision/A-PARK.csv"] != nil && csv["supervision/T-CHEN.csv"] == nil)
        let ics = try export(ICalendarExporter(), filter: .supervisor("A-PARK"))
        #expect(ics["supervisors/A-PARK.ics"]?.contains("SUMMARY:Independent study\\, 2 students") == true)
        #expect(!ics.keys.contains { $0.hasPrefix("teachers/") })
    }
}
