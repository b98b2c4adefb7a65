import Foundation
import Testing
@testable import PacerCore

/// A published session on an objective a student has mastered since shows as "moved on: will be
/// regrouped" to the family, the teacher and the scheduler, and in the student's calendar, until
/// a regroup of its day settles it.
@Suite struct MovedOnTests {
    let golden = scenariosFolder + "/../Tests/PacerCoreTests/Golden/tiny-school/plan.json"
    let tuesday = SchoolDate("2026-11-24")!, wednesday = SchoolDate("2026-11-25")!

    @Test func aSessionOnAnObjectiveMasteredSinceIsShownAsMovedOnUntilTheRegroup() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        let week = try PlanFile.read(golden)
        _ = try term.publish(week, weekOf: SchoolDate("2026-11-23"))
        let session = try #require(week.sessions.first { $0.day == "Wed" && !$0.students.isEmpty })
        let student = session.students[0]
        let name = scenario.studentName(student)
        #expect(try store.workshops(scenario, of: student, on: [wednesday]).allSatisfy { !$0.movedOn }, "nothing mastered yet")

        _ = try term.record(try checks("date,student,objective,result\n2026-11-24,\(student),\(session.objective),mastered\n", scenario, in: folder),
                            source: "tue.csv", today: afterTheChecks)
        let movedOn = try store.movedOn(scenario)
        #expect(movedOn.hasMovedOn(student, from: session.objective, before: wednesday))
        #expect(!movedOn.hasMovedOn(student, from: session.objective, before: tuesday), "not on the day of the check")

        // The family.
        let workshops = try store.workshops(scenario, of: student, on: [wednesday])
        let family = FamilyView(student: student, standing: [], week: workshops, checks: [], feed: "", today: tuesday, scenario: scenario)
        let shown = try #require(family.workshops.first { $0.what == scenario.objectiveTitle(session.objective) })
        #expect(shown.note == "moved on: will be regrouped")
        // The teacher.
        let agenda = try store.teacherAgenda(scenario, teacher: session.teacher, on: wednesday)
        let roster = TeacherDayView(agenda, scenario: scenario)
        let member = try #require(roster.groups.flatMap(\.students).first { $0.id == student })
        #expect(member.marks.contains(.movedOn))
        #expect(roster.groups.flatMap(\.students).filter { $0.marks.contains(.movedOn) }.count == 1, "only the student who moved on")
        // The scheduler, on Wednesday.
        let scheduler = SchedulerView(today: wednesday, scenario: scenario, standing: [], inForce: try store.planInForce(scenario, on: wednesday),
                                      absences: [], recentChecks: [], job: nil, movedOn: movedOn)
        #expect(scheduler.today?.movedOn.count == 1)
        #expect(scheduler.today?.movedOn.first?.hasPrefix("\(name), \(session.start)–\(session.end): ") == true)
        // The calendar.
        let feed = try store.calendarFeed(scenario, of: student, on: [wednesday])
        #expect(feed.contains("SUMMARY:Moved on: \(session.objective)"))
        #expect(feed.contains("moved on: will be regrouped"))

        // The regroup of Wednesday settles it.
        let day = try term.regroup(wednesday, options: PlanOptions(timeLimit: 20, nodeLimit: 20)).result.plan
        _ = try term.publish(day, weekOf: nil)
        #expect(try store.workshops(scenario, of: student, on: [wednesday]).allSatisfy { !$0.movedOn })
        #expect(try !store.calendarFeed(scenario, of: student, on: [wednesday]).contains("Moved on"))
        let after = TeacherDayView(try store.teacherAgenda(scenario, teacher: session.teacher, on: wednesday), scenario: scenario)
        #expect(after.groups.flatMap(\.students).allSatisfy { !$0.marks.contains(.movedOn) })
    }
}
