import Foundation
import GRDB
import Testing
@testable import PacerCore

@Suite struct AbsenceTests {
    /// The tiny school with its state started and the golden week published for 2026-11-23.
    func published() throws -> (String, Scenario, StateStore) {
        let (folder, scenario, store) = try seededTinySchool()
        try store.publish(try PlanFile.read(golden + "/plan.json"), scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        return (folder, scenario, store)
    }

    @Test func aStudentsMissedSessionIsNotReceived() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tuesday = SchoolDate("2026-11-24")!
        func attended(_ student: String) throws -> Int {
            try DatabaseQueue(path: StateStore.path(for: scenario)).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE date = ? AND student = ?", arguments: [tuesday.text, student]) ?? -1
            }
        }
        #expect(try attended("S-11") == 1)
        #expect(try store.recordAbsences([Absence(date: tuesday, person: .student("S-11"), periods: ["F1"])], scenario: scenario) == 1)
        #expect(try attended("S-11") == 0, "the F1 session S-11 missed no longer counts")
        #expect(try store.recordAbsences([Absence(date: tuesday, person: .student("S-11"), periods: ["F1"])], scenario: scenario) == 0, "kept once")
        // Publishing the week again leaves the absent student out of that session.
        try store.publish(try PlanFile.read(golden + "/plan.json"), scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        #expect(try attended("S-11") == 0)
        #expect(try store.absences(from: tuesday, to: tuesday).map(\.text) == ["student:S-11 2026-11-24 (F1)"])
    }

    @Test func anAbsentTeachersSessionsAreNotKeptOnTheDay() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tuesday = SchoolDate("2026-11-24")!
        try store.recordAbsences([Absence(date: tuesday, person: .teacher("T-OKAFOR"), note: "sick")], scenario: scenario)
        let context = try store.dayContext(scenario, date: tuesday)
        #expect(context.scenario.teachers.first { $0.id == "T-OKAFOR" }?.unavailable.contains("Tue-F1") == true)
        let day = try Planner.plan(context, options: PlanOptions(timeLimit: 10, nodeLimit: 20), date: tuesday).plan
        #expect(!day.sessions.contains { $0.teacher == "T-OKAFOR" })
        #expect(PlanVerifier(context: context).violations(of: day).isEmpty)
        #expect(day.changes?.teachers.contains { $0.teacher == "T-OKAFOR" && $0.after == nil } == true)
    }

    /// The tiny school's only aide is away: a teacher supervises the commons instead, and every
    /// present student still has one place in each block of the day.
    @Test func anAbsentSupervisorsStudentsArePlacedAgain() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tuesday = SchoolDate("2026-11-24")!
        #expect(Absence.Person("supervisor:A-PARK") == .supervisor("A-PARK"))
        #expect(try store.recordAbsences([Absence(date: tuesday, person: .supervisor("A-PARK"), note: "training")], scenario: scenario) == 1)
        #expect(try store.absences(from: tuesday, to: tuesday).map(\.text).first?.hasPrefix("supervisor:A-PARK 2026-11-24") == true)
        let context = try store.dayContext(scenario, date: tuesday)
        #expect(context.scenario.supervisors.first.map { Set(["Tue-F1", "Tue-F2"]).isSubset(of: $0.unavailable) } == true)
        let day = try Planner.plan(context, options: PlanOptions(timeLimit: 10, nodeLimit: 20), date: tuesday).plan
        #expect(PlanVerifier(context: context).violations(of: day).isEmpty)
        let study = try #require(day.study)
        #expect(!study.isEmpty && study.allSatisfy { !$0.adults.contains("A-PARK") && !$0.adults.isEmpty })
        #expect(day.header.placements?.noPlace == 0)
        #expect(Absence(date: tuesday, person: .supervisor("A-PRK")).problem(in: scenario) == "unknown supervisor 'A-PRK'; did you mean A-PARK?")
    }

    @Test func absencesNameKnownPeopleAndPeriods() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let tuesday = SchoolDate("2026-11-24")!
        #expect(Absence(date: tuesday, person: .teacher("T-CHN")).problem(in: scenario) == "unknown teacher 'T-CHN'; did you mean T-CHEN?")
        #expect(Absence(date: tuesday, person: .student("S-01"), periods: ["F9"]).problem(in: scenario)?.hasPrefix("unknown period 'F9'") == true)
        #expect(Absence(date: SchoolDate("2026-11-28")!, person: .student("S-01")).problem(in: scenario)?.contains("not a school day") == true)
        #expect(Absence.Person("room:R101") == nil && Absence.Person("student:") == nil)
    }

    /// A week planned from the state follows the recorded mastery, not students.csv.
    @Test func aWeekPlannedFromTheStateFollowsTheRecordedMastery() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "mon.csv", today: afterTheChecks)
        let monday = SchoolDate("2026-11-30")!
        let context = try store.weekContext(scenario, weekOf: monday)
        #expect(context.scenario.students.first { $0.id == "S-01" }?.current["MATH"] == "MATH-7.RP.2")
        var plan = try Planner.plan(context, options: PlanOptions(timeLimit: 10, nodeLimit: 20)).plan
        #expect(!plan.sessions.contains { $0.objective == "MATH-7.RP.1" && $0.students.contains("S-01") })
        // Exports say the plan follows the state, not students.csv.
        plan.header.date = monday.text
        plan.header.fromState = true
        let html = folder + "/html"
        _ = try HTMLExporter().write(ExportContext(scenario: scenario, plan: plan, weekOf: nil), to: html)
        #expect(try String(contentsOfFile: html + "/index.html", encoding: .utf8)
            .contains("planned from the term&#39;s state (students.csv is where the term started)") || String(contentsOfFile: html + "/index.html", encoding: .utf8)
            .contains("planned from the term's state (students.csv is where the term started)"))
        #expect(PlanVerifier(context: context).violations(of: plan).isEmpty)
        #expect(throws: StateError.self) { _ = try store.weekContext(scenario, weekOf: SchoolDate("2026-12-02")!) }
    }
}

@Suite struct FirstWorkshopTests {
    /// S-01 masters RP.1 on Monday; the published week holds RP.2 for S-01 only on Thursday and
    /// Friday. Within two school days (until Wednesday) those do not count, so Tuesday's regroup
    /// wants S-01 on RP.2; on Thursday they count again.
    @Test func aStudentWhoMovedOnIsWantedWithinTwoSchoolDays() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var week = try PlanFile.read(golden + "/plan.json")
        for i in week.sessions.indices where ["Thu", "Fri"].contains(week.sessions[i].day.rawValue) {
            week.sessions[i].objective = "MATH-7.RP.2"
            week.sessions[i].students = (week.sessions[i].students.filter { $0 != "S-01" } + ["S-01"]).sorted()
        }
        try store.publish(week, scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "mon.csv", today: afterTheChecks)
        func wanted(_ date: String) throws -> Int {
            try store.dayContext(scenario, date: SchoolDate(date)!).wanted?["S-01"]?["MATH"] ?? -1
        }
        #expect(try wanted("2026-11-24") == 1, "Tuesday: within two school days of moving on")
        #expect(try wanted("2026-11-26") == 0, "Thursday: the week's own RP.2 workshops count again")
        #expect(scenario.calendar.schoolDay(after: SchoolDate("2026-11-27")!, count: 2) == SchoolDate("2026-12-01"), "Friday + 2 is Tuesday")
    }
}
