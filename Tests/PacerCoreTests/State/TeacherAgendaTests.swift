import Foundation
import Testing
@testable import PacerCore

/// The teacher's page and the portal's authorization, from the tiny school's published golden week.
@Suite struct TeacherAgendaTests {
    func published() throws -> (String, Scenario, StateStore) {
        let (folder, scenario, store) = try seededTinySchool()
        try store.publish(try PlanFile.read(golden + "/plan.json"), scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        return (folder, scenario, store)
    }

    @Test func theDayShowsGroupsInBlockOrderWithWhatTheTeacherNeeds() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try PlanFile.read(golden + "/plan.json")
        let tuesday = SchoolDate("2026-11-24")!
        let mine = plan.sessions.filter { $0.teacher == "T-OKAFOR" && $0.day == "Tue" }
        let day = try store.teacherAgenda(scenario, teacher: "T-OKAFOR", on: tuesday)
        #expect(day.groups.map(\.block) == mine.map(\.block))
        #expect(day.groups.map(\.room) == mine.map(\.room))
        #expect(day.groups.map { Set($0.members.map(\.student)) } == mine.map { Set($0.students) })
        let first = try #require(day.groups.first)
        #expect(first.title == scenario.objective(first.objective)?.title && !first.title.isEmpty)
        #expect(first.members.allSatisfy { $0.daysOnObjective == 1 && !$0.name.isEmpty })

        // A not-yet check with a note shows at the next session; a student seen by this teacher on
        // this objective before is no longer new.
        let member = first.members[0]
        let csv = "date,student,objective,result,note\n2026-11-24,\(member.student),\(first.objective),not-yet,redo the ratio table\n"
        let file = folder + "/checks.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let (rows, problems) = MasteryChecksFile.read(file, scenario: scenario, today: tuesday)
        #expect(problems.isEmpty)
        _ = try Term(scenario: scenario, store: store).record(rows, source: file, today: afterTheChecks)
        // The same group meets again on Wednesday (the golden week: Tue-F1 and Wed-F2 on MATH-7.NS.1).
        let later = try #require(plan.sessions.first { $0.teacher == "T-OKAFOR" && $0.objective == first.objective && $0.day == "Wed" })
        #expect(later.students.contains(member.student))
        let again = try store.teacherAgenda(scenario, teacher: "T-OKAFOR", on: SchoolDate("2026-11-25")!)
        let seen = try #require(again.groups.flatMap(\.members).first { $0.student == member.student })
        #expect(seen.lastCheck?.note == "redo the ratio table" && seen.lastCheck?.result == "not-yet")
        #expect(!seen.isNew)
        #expect(first.members.allSatisfy { $0.isNew }, "Tuesday is their first time with T-OKAFOR on it")
        #expect(try store.teacherAgenda(scenario, teacher: "T-NOBODY", on: tuesday).groups.isEmpty)
    }

    @Test func eachRoleActsOnlyForItsOwnStudents() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tuesday = SchoolDate("2026-11-24")!
        let day = try store.teacherAgenda(scenario, teacher: "T-OKAFOR", on: tuesday)
        let mine = Set(day.groups.flatMap(\.members).map(\.student))
        let others = scenario.students.map(\.id).filter { !mine.contains($0) }
        #expect(!mine.isEmpty && !others.isEmpty)
        for student in scenario.students.map(\.id) {
            #expect(try PortalAccess.may(.scheduler, actFor: student, on: tuesday, scenario: scenario, store: store))
            #expect(try PortalAccess.may(.teacher("T-OKAFOR"), actFor: student, on: tuesday, scenario: scenario, store: store) == mine.contains(student))
            #expect(try PortalAccess.may(.family("S-03"), actFor: student, on: tuesday, scenario: scenario, store: store) == (student == "S-03"))
        }
        #expect(try !PortalAccess.may(.scheduler, actFor: "S-99", on: tuesday, scenario: scenario, store: store))
        let group = try #require(day.groups.first)
        let student = try #require(group.members.first).student
        #expect(try PortalAccess.may(.teacher("T-OKAFOR"), record: group.objective, for: student, on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.teacher("T-OKAFOR"), record: "MATH-7.SP.1", for: student, on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.family(student), record: group.objective, for: student, on: tuesday, scenario: scenario, store: store))
        #expect(try PortalAccess.may(.scheduler, record: "MATH-7.SP.1", for: student, on: tuesday, scenario: scenario, store: store))
        #expect(PortalAccess.mayRunTheSchool(.scheduler))
        #expect(!PortalAccess.mayRunTheSchool(.teacher("T-OKAFOR")) && !PortalAccess.mayRunTheSchool(.family("S-03")))
    }
}
