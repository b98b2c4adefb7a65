import Foundation
import Testing
@testable import PacerCore

/// A regrouped day's changes as people read them (`DayChangeText`, `pacer regroup` and the portal's
/// regroup page): names and titles, why a group was cancelled, where its students went and who
/// supervises study now.
@Suite struct RegroupChangeTextTests {
    let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!

    /// The tiny school's state started, its week of 2026-11-23 planned from the state and published.
    func publishedWeek() throws -> (String, Scenario, StateStore, Term, WeekPlan) {
        let (folder, scenario, store) = try seededTinySchool()
        let term = Term(scenario: scenario, store: store)
        let week = try term.planWeek(weekOf: monday, options: PlanOptions(timeLimit: 10, nodeLimit: 20)).result.plan
        _ = try term.publish(week, weekOf: monday)
        return (folder, scenario, store, term, week)
    }

    @Test func anAbsentTeacherAndAnAbsentAideAreToldByNameWithWhereTheirStudentsWent() throws {
        let (folder, scenario, store, term, week) = try publishedWeek()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let okafor = try #require(week.sessions.first { $0.teacher == "T-OKAFOR" && $0.block == "Tue-F1" })
        #expect(week.study?.contains { $0.block == "Tue-F1" && $0.adults.contains("A-PARK") } == true)
        try store.recordAbsences([Absence(date: tuesday, person: .teacher("T-OKAFOR"), periods: ["F1"]),
                                  Absence(date: tuesday, person: .supervisor("A-PARK"), periods: ["F1"])], scenario: scenario)
        let day = try term.regroup(tuesday, options: PlanOptions(timeLimit: 10, nodeLimit: 20)).result.plan
        let changes = try #require(day.changes)
        #expect(changes.supervision?.contains { $0.adult == "A-PARK" && $0.block == "Tue-F1" && $0.away && $0.roomAfter == nil } == true)
        let cancelled = try #require(changes.teachers.first { $0.teacher == "T-OKAFOR" && $0.block == "Tue-F1" })
        #expect(cancelled.away == true && cancelled.objectiveAfter == nil)

        let text = DayChangeText(day, scenario: scenario)
        let ms = try #require(text.adults.first { $0.id == "T-OKAFOR" })
        #expect(ms.name == "Ms Okafor")
        // What became of her group and what was tried (AwayCoverTests has each outcome).
        let line = try #require(ms.lines.first { $0.hasPrefix("Tue-F1: away: \(scenario.objectiveTitle(okafor.objective)) (\(okafor.objective))") },
                                "\(ms.lines)")
        // Her students are named, with the study space and adult they went to.
        let first = scenario.studentName(okafor.students[0])
        #expect(line.contains("out: ") && line.contains(first) && line.contains("to independent study in "), "\(line)")
        #expect(!line.contains("S-"), "names, not ids: \(line)")
        let park = try #require(text.adults.first { $0.id == "A-PARK" })
        #expect(park.lines == ["Tue-F1: away: no longer supervises independent study in Learning commons; those students are placed again"])
        // Whoever supervises the commons now is told so, or their cancelled session says it.
        let commons = try #require(day.study?.first { $0.block == "Tue-F1" && $0.room == "COMMONS" })
        for adult in commons.adults where adult != "A-PARK" {
            let lines = text.adults.first { $0.id == adult }?.lines ?? []
            #expect(lines.contains { $0.hasPrefix("Tue-F1: now supervises independent study in Learning commons")
                || $0.contains("supervises independent study in Learning commons instead") }, "\(adult): \(lines)")
        }
    }

    /// An aide away on a regrouped day gets her study cancelled in her calendar (same UID as the
    /// published event), though she supervises nothing that day.
    @Test func anAbsentAidesStudyIsCancelledInHerCalendar() throws {
        let (folder, scenario, store, term, week) = try publishedWeek()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let published = try ICalendarExporter().files(ExportContext(scenario: scenario, plan: week, weekOf: monday))
        let uid = "UID:2026-11-24.Tue-F1.A-PARK@pacer"
        #expect(published["supervisors/A-PARK.ics"]?.contains(uid) == true)
        try store.recordAbsences([Absence(date: tuesday, person: .supervisor("A-PARK"))], scenario: scenario)
        let day = try term.regroup(tuesday, options: PlanOptions(timeLimit: 10, nodeLimit: 20)).result.plan
        #expect(!(day.study ?? []).contains { $0.adults.contains("A-PARK") })
        let files = try ICalendarExporter().files(ExportContext(scenario: scenario, plan: day, weekOf: nil))
        let park = try #require(files["supervisors/A-PARK.ics"], "the absent aide still gets a file")
        let event = try #require(park.components(separatedBy: "BEGIN:VEVENT").first { $0.contains(uid) })
        #expect(event.contains("STATUS:CANCELLED") && event.contains("SUMMARY:Cancelled: independent study"), "\(event)")
    }
}
