import Foundation
import Testing
@testable import PacerCore

/// Students and teachers who join, leave or change what they teach during the term: dated roster
/// changes in the state, which week plans, regroups, status and publish all read.
@Suite struct RosterTests {
    let options = PlanOptions(timeLimit: 20, nodeLimit: 30)
    let monday = SchoolDate("2026-11-23")!, wednesday = SchoolDate("2026-11-25")!
    let nextMonday = SchoolDate("2026-11-30")!, nextWednesday = SchoolDate("2026-12-02")!

    /// The tiny school with its state started and the golden week published for 2026-11-23.
    func published() throws -> (String, Scenario, Term) {
        let (folder, scenario, store) = try seededTinySchool()
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden + "/plan.json"), weekOf: monday)
        return (folder, scenario, term)
    }

    let ana = RosterChange.Details(name: "Ana Ruiz", grade: "7", starts: ["MATH": "MATH-7.RP.1"])

    @Test func aNewStudentIsPlannedFromTheirFirstDayOnTheirStartingObjective() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stored = try term.record(RosterChange(date: nextWednesday, person: .student("S-40"), kind: .enroll, details: ana))
        #expect(stored.id > 0)
        #expect(stored.text(in: scenario.withRoster(try term.store.roster())) == "Ana Ruiz (S-40) joined on 2026-12-02")
        // In the week she joins, she is there from Wednesday.
        let week = try term.store.weekContext(scenario, weekOf: nextMonday).scenario
        let s40 = try #require(week.students.first { $0.id == "S-40" })
        #expect(s40.name == "Ana Ruiz" && s40.current == ["MATH": "MATH-7.RP.1"])
        #expect(s40.unavailable.contains("Mon-F1") && s40.unavailable.contains("Tue-F2") && !s40.unavailable.contains("Wed-F1"))
        // The week after, she is placed on her starting objective.
        let later = SchoolDate("2026-12-07")!
        let plan = try term.planWeek(weekOf: later, options: options).result.plan
        #expect(plan.sessions.contains { $0.students.contains("S-40") && $0.objective == "MATH-7.RP.1" })
        // Her history starts the day she joined; status finds her.
        let status = try term.store.status(scenario.withRoster(try term.store.roster()), on: later, student: "S-40")
        #expect(status.map(\.name) == ["Ana Ruiz"] && status.first?.objective == "MATH-7.RP.1" && status.first?.daysOnIt == 5)
    }

    @Test func aStudentWhoLeftIsInNoLaterPlanAndKeepsTheirHistory() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try term.record(try checks("date,student,objective,result\n2026-11-24,S-10,MATH-7.RP.3,mastered\n", scenario, in: folder),
                            source: "tue.csv", today: afterTheChecks)
        try term.record(RosterChange(date: nextMonday, person: .student("S-10"), kind: .leave, note: "moved away"))
        let merged = scenario.withRoster(try term.store.roster())
        #expect(merged.roster.leave(of: .student("S-10"), on: nextMonday)?.text(in: merged) == "Mateo Diaz (S-10) left on 2026-11-30 (moved away)")
        #expect(!(try term.store.weekContext(scenario, weekOf: nextMonday).scenario.students.contains { $0.id == "S-10" }))
        #expect(try term.store.weekContext(scenario, weekOf: monday).scenario.students.contains { $0.id == "S-10" }, "the week before, still there")
        let plan = try term.planWeek(weekOf: nextMonday, options: options).result.plan
        #expect(!plan.sessions.contains { $0.students.contains("S-10") })
        #expect(!(plan.study ?? []).contains { $0.students.contains { $0.student == "S-10" } })
        // Their history stands: they moved on to NS.1 before leaving.
        let status = try term.store.status(merged, on: nextMonday, student: "S-10")
        #expect(status.first?.objective == "MATH-7.NS.1" && status.first?.name == "Mateo Diaz")
    }

    @Test func aStudentLeavingMidWeekIsDroppedFromThatDaysRegroup() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let golden = try PlanFile.read(golden + "/plan.json")
        let placedWednesday = try #require(golden.sessions.first { $0.day == "Wed" && !$0.students.isEmpty }?.students.first)
        try term.record(RosterChange(date: wednesday, person: .student(placedWednesday), kind: .leave))
        #expect(try term.store.dayContext(scenario, date: SchoolDate("2026-11-24")!).scenario.students.contains { $0.id == placedWednesday })
        let context = try term.store.dayContext(scenario, date: wednesday)
        #expect(!context.scenario.students.contains { $0.id == placedWednesday })
        let day = try term.regroup(wednesday, options: options).result.plan
        #expect(!day.sessions.contains { $0.students.contains(placedWednesday) })
        #expect(PlanVerifier(context: context).violations(of: day).isEmpty)
        // The week's own context has them away from Wednesday.
        let week = try term.store.weekContext(scenario, weekOf: monday).scenario
        let away = try #require(week.students.first { $0.id == placedWednesday }?.unavailable)
        #expect(away.contains("Wed-F1") && away.contains("Fri-F2") && !away.contains("Tue-F1"))
    }

    @Test func theTeachersAndFamilysPagesMarkAStudentWhoLeftUntilTheRegroup() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try #require(try PlanFile.read(golden + "/plan.json").sessions.first { $0.day == "Wed" && !$0.students.isEmpty })
        let student = session.students[0]
        try term.record(RosterChange(date: wednesday, person: .student(student), kind: .leave))
        let merged = scenario.withRoster(try term.store.roster())
        let page = TeacherDayView(try term.store.teacherAgenda(merged, teacher: session.teacher, on: wednesday), scenario: merged)
        let marked = page.groups.flatMap(\.students).filter { $0.marks.contains(.left) }
        #expect(marked.map(\.id) == [student])
        #expect(TeacherDayView.Mark.left.rawValue == "left: will be regrouped")
        let tuesday = TeacherDayView(try term.store.teacherAgenda(merged, teacher: session.teacher, on: SchoolDate("2026-11-24")!), scenario: merged)
        #expect(!tuesday.groups.flatMap(\.students).contains { $0.marks.contains(.left) }, "not before the day they leave")
        // The family's page too, on the day they leave and not before.
        let workshops = try term.store.workshops(merged, of: student, on: [SchoolDate("2026-11-24")!, wednesday])
        let family = FamilyView(student: student, standing: [], week: workshops, checks: [], feed: "", today: wednesday, scenario: merged)
        let notes = family.workshops.map { $0.note ?? "" }
        #expect(notes.contains("left the school on \(wednesday): will be regrouped"), "\(notes)")
        #expect(notes.filter { $0.hasPrefix("left") }.count == workshops.filter { $0.date == wednesday }.count, "\(notes)")
    }

    /// The family's calendar feed sends the events from the day a student leaves cancelled, with
    /// why, under the UIDs they had; the days before stand.
    @Test func theFamilysFeedCancelsTheDaysFromTheLeave() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sessions = try PlanFile.read(golden + "/plan.json").sessions
        let student = try #require(scenario.students.map(\.id).first { id in
            sessions.contains { $0.day == "Tue" && $0.students.contains(id) } && sessions.contains { $0.day == "Wed" && $0.students.contains(id) }
        })
        try term.record(RosterChange(date: wednesday, person: .student(student), kind: .leave, note: "moved away"))
        let merged = scenario.withRoster(try term.store.roster())
        let days = ["2026-11-23", "2026-11-24", "2026-11-25"].compactMap(SchoolDate.init)
        let feed = try term.store.calendarFeed(merged, of: student, on: days).replacingOccurrences(of: "\r\n ", with: "")
        let events = feed.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let onWednesday = events.filter { $0.contains("UID:2026-11-25.") }, before = events.filter { !$0.contains("UID:2026-11-25.") }
        let wednesdays = sessions.filter { $0.day == "Wed" && $0.students.contains(student) }
        #expect(onWednesday.count == wednesdays.count, "\(onWednesday)")
        #expect(onWednesday.allSatisfy { $0.contains("STATUS:CANCELLED") && $0.contains("DESCRIPTION:left the school on 2026-11-25 (moved away)") },
                "\(onWednesday)")
        #expect(wednesdays.allSatisfy { s in onWednesday.contains { $0.contains("SUMMARY:Cancelled: \(s.objective) with") } }, "\(onWednesday)")
        let earlier = sessions.filter { ["Mon", "Tue"].contains($0.day) && $0.students.contains(student) }
        #expect(before.count == earlier.count && before.allSatisfy { !$0.contains("STATUS:CANCELLED") }, "\(before)")
    }

    @Test func aPlanMadeBeforeALeaveIsNamedAsChanged() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try term.planWeek(weekOf: nextMonday, options: options).result.plan
        #expect(planned.header.madeFrom?.lastRoster == 0)
        try term.record(RosterChange(date: nextWednesday, person: .student("S-10"), kind: .leave, note: "moved away"))
        #expect {
            _ = try term.publish(planned, weekOf: nil)
        } throws: { error in
            guard case let Term.PublishRefusal.stateChanged(changes, _)? = error as? Term.PublishRefusal else { return false }
            return changes.joined().contains("1 roster change recorded since this plan was made: Mateo Diaz (S-10) left on 2026-12-02 (moved away)")
        }
        let again = try term.planWeek(weekOf: nextMonday, options: options).result.plan
        #expect(again.header.madeFrom?.lastRoster == 1)
        #expect(!again.sessions.contains { $0.students.contains("S-10") && ["Wed", "Thu", "Fri"].contains($0.day.rawValue) })
        _ = try term.publish(again, weekOf: nil)
        // A leave dated in a later week leaves this week's plan current.
        try term.record(RosterChange(date: SchoolDate("2026-12-09")!, person: .student("S-11"), kind: .leave))
        #expect(try Term.verification(of: again, scenario: scenario).changes.isEmpty)
    }

    @Test func aPlanIsVerifiedAgainstTheRosterAsItWasWhenItWasMade() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try term.planWeek(weekOf: nextMonday, options: options).result.plan
        let student = try #require(planned.sessions.first { $0.day == "Mon" && !$0.students.isEmpty }?.students.first)
        try term.record(RosterChange(date: nextMonday, person: .student(student), kind: .leave))
        // The scenario as every command reads it has the roster merged; the plan predates the leave.
        let verification = try Term.verification(of: planned, scenario: scenario.withRoster(try term.store.roster()))
        #expect(verification.violations.isEmpty, "\(verification.violations)")
        #expect(verification.changes.joined().contains("left on 2026-11-30"))
    }

    @Test func someoneWhoLeftComesBackWithEnroll() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try term.record(RosterChange(date: wednesday, person: .student("S-10"), kind: .leave))
        #expect(!(try term.store.weekContext(scenario, weekOf: nextMonday).scenario.students.contains { $0.id == "S-10" }))
        try term.record(RosterChange(date: nextMonday, person: .student("S-10"), kind: .enroll))
        let back = try #require(try term.store.weekContext(scenario, weekOf: nextMonday).scenario.students.first { $0.id == "S-10" })
        #expect(back.current == ["MATH": "MATH-7.RP.3"] && back.unavailable.isEmpty)
        #expect(try term.store.roster().changes(of: .student("S-10")).map(\.kind) == [.leave, .enroll])
    }

    @Test func aTeacherWhoLeavesRunsNothingFromThatDay() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let golden = try PlanFile.read(golden + "/plan.json")
        let teacher = try #require(golden.sessions.first { $0.day == "Wed" }?.teacher)
        try term.record(RosterChange(date: wednesday, person: .teacher(teacher), kind: .leave, note: "parental leave"))
        let context = try term.store.dayContext(scenario, date: wednesday)
        #expect(context.scenario.teachers.first { $0.id == teacher }.map { Set(["Wed-F1", "Wed-F2"]).isSubset(of: $0.unavailable) } == true)
        let day = try term.regroup(wednesday, options: options).result.plan
        #expect(!day.sessions.contains { $0.teacher == teacher })
        let dropped = day.changes?.teachers.contains { $0.teacher == teacher && $0.after == nil }
        #expect(dropped == true)
        #expect(PlanVerifier(context: context).violations(of: day).isEmpty)
        let week = try term.planWeek(weekOf: nextMonday, options: options).result.plan
        #expect(!week.sessions.contains { $0.teacher == teacher })
    }

    @Test func aTeachersObjectivesChangeFromTheDate() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try term.record(RosterChange(date: nextMonday, person: .teacher("T-CHEN"), kind: .teaches, objectives: ["MATH-7.EE.1", "MATH-7.EE.2"]))
        let before = try term.store.weekContext(scenario, weekOf: monday).scenario.teachers.first { $0.id == "T-CHEN" }
        #expect(before?.canTeach.contains("MATH-7.RP.1") == true)
        let after = try term.store.weekContext(scenario, weekOf: nextMonday).scenario.teachers.first { $0.id == "T-CHEN" }
        #expect(after?.canTeach == ["MATH-7.EE.1", "MATH-7.EE.2"])
        let plan = try term.planWeek(weekOf: nextMonday, options: options).result.plan
        #expect(plan.sessions.filter { $0.teacher == "T-CHEN" }.allSatisfy { ["MATH-7.EE.1", "MATH-7.EE.2"].contains($0.objective) })
        // The same objectives again on a later date change nothing and are refused.
        #expect(throws: RosterRefusal.self) {
            try term.record(RosterChange(date: nextWednesday, person: .teacher("T-CHEN"), kind: .teaches, objectives: ["MATH-7.EE.2", "MATH-7.EE.1"]))
        }
    }

    @Test func whatATeacherTeachesIsWrittenAsInScenarioYAML() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        #expect(scenario.objectives(teaching: ["MATH-7.EE.*", "MATH-7.RP.1"]).objectives == ["MATH-7.EE.1", "MATH-7.EE.2", "MATH-7.RP.1"])
        #expect(scenario.objectives(teaching: ["MATH"]).objectives.count == 10)
        #expect(scenario.objectives(teaching: ["MATH-7.RP.1", "MATH-7.EX.1"]).problem?.contains("did you mean MATH-7.EE.1") == true)
    }

    @Test func aNewTeacherJoinsWithTheirObjectives() throws {
        let (folder, scenario, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try term.record(RosterChange(date: nextMonday, person: .teacher("T-NEW"), kind: .enroll,
                                     details: .init(name: "Ms Rivera"), objectives: ["MATH-7.RP.1", "MATH-7.RP.2"]))
        let merged = scenario.withRoster(try term.store.roster())
        #expect(merged.teachers.first { $0.id == "T-NEW" }?.name == "Ms Rivera")
        let earlier = try term.store.weekContext(scenario, weekOf: monday).scenario.teachers.first { $0.id == "T-NEW" }
        #expect(earlier?.unavailable.count == scenario.calendar.blocks.count, "not there before joining")
        let week = try term.store.weekContext(scenario, weekOf: nextMonday).scenario.teachers.first { $0.id == "T-NEW" }
        #expect(week?.unavailable.isEmpty == true && week?.canTeach == ["MATH-7.RP.1", "MATH-7.RP.2"])
    }

    @Test(arguments: [
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-1O"), kind: .leave), "did you mean S-10"),
        (RosterChange(date: SchoolDate("2026-11-28")!, person: .student("S-10"), kind: .leave), "not a school day"),
        (RosterChange(date: SchoolDate("2026-11-16")!, person: .student("S-10"), kind: .leave), "before the term's first day"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-10"), kind: .enroll), "on the roster on 2026-11-25 already"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-41"), kind: .enroll), "needs --name, --grade and --objective"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("s-10"), kind: .enroll, details: .init(name: "X", grade: "7", starts: ["MATH": "MATH-7.RP.1"])),
         "only in case"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-41"), kind: .enroll, details: .init(name: "X", grade: "9", starts: ["MATH": "MATH-7.RP.1"])),
         "unknown grade '9'"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-41"), kind: .enroll, details: .init(name: "X", grade: "7", starts: ["MATH": "MATH-7.RP.9"])),
         "did you mean"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-41"), kind: .enroll, details: .init(name: "X", grade: "7", starts: ["MATHS": "MATH-7.RP.1"])),
         "unknown subject 'MATHS'; did you mean MATH"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-41"), kind: .enroll, details: .init(name: "X", grade: "7")), "starting objective"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S 41"), kind: .enroll, details: .init(name: "X", grade: "7", starts: ["MATH": "MATH-7.RP.1"])),
         "cannot contain spaces"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .teacher("T-NEW"), kind: .enroll, details: .init(name: "Ms New")), "--teaches"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .supervisor("A-PARK"), kind: .leave), "scenario.yaml's"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .teacher("T-CHEN"), kind: .teaches, objectives: ["MATH-7.XX.1"]), "unknown objective"),
        (RosterChange(date: SchoolDate("2026-11-25")!, person: .student("S-10"), kind: .teaches, objectives: ["MATH-7.RP.1"]), "only a teacher teaches"),
        (RosterChange(date: SchoolDate("2028-11-27")!, person: .student("S-10"), kind: .leave), "more than a year after the term's first day"),
    ])
    func hostileChangesAreRefusedWithTheirReason(change: RosterChange, reason: String) throws {
        let (folder, _, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try term.record(change)
        } throws: { error in
            (error as? RosterRefusal)?.description.contains(reason) == true
        }
        #expect(try term.store.roster().isEmpty, "nothing recorded")
    }

    @Test func repeatsAreRefused() throws {
        let (folder, _, term) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try term.record(RosterChange(date: wednesday, person: .student("S-10"), kind: .leave))
        #expect { try term.record(RosterChange(date: SchoolDate("2026-11-27")!, person: .student("S-10"), kind: .leave)) } throws: { error in
            (error as? RosterRefusal)?.description == "Mateo Diaz (S-10) left on 2026-11-25 already; nothing to do"
        }
        #expect { try term.record(RosterChange(date: SchoolDate("2026-11-24")!, person: .student("S-10"), kind: .enroll)) } throws: { error in
            (error as? RosterRefusal)?.description.contains("a later change must be dated after it") == true
        }
        try term.record(RosterChange(date: nextMonday, person: .student("S-40"), kind: .enroll, details: ana))
        #expect { try term.record(RosterChange(date: nextWednesday, person: .student("S-40"), kind: .enroll, details: ana)) } throws: { error in
            (error as? RosterRefusal)?.description.contains("known already") == true
        }
        #expect { try term.record(RosterChange(date: monday, person: .student("S-40"), kind: .leave)) } throws: { error in
            (error as? RosterRefusal)?.description == "Ana Ruiz (S-40) already joined on 2026-11-30; a later change must be dated after it"
        }
        #expect(try term.store.roster().changes.count == 2)
    }
}
