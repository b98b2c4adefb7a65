import Foundation
import Testing
@testable import PacerCore

/// A regrouped day with a teacher away (`AwayCover`, through `Term.regroup`): a free qualified
/// teacher covers; else the students join another session of the objective with room; else a
/// qualified teacher gives up their own group only when that is cheaper for students overall;
/// else the session is cancelled, and the change list says what was tried.
@Suite struct AwayCoverTests {
    let monday = SchoolDate("2026-11-23")!, tuesday = SchoolDate("2026-11-24")!
    let options = PlanOptions(timeLimit: 10, nodeLimit: 20)

    /// A school of two days with one flex block, three science teachers (`teaches`, YAML, per
    /// teacher), its state started on Monday and a hand-made week published in which Tuesday's
    /// F1 has `sessions` (teacher, room, objective, students); `away` are absent on Tuesday;
    /// `asking` ask (urgent) for a workshop on their objective on Tuesday.
    func regroup(students: [String: String], sessions: [(String, String, String, [String])], away: [String],
                 lee: String = "[SCI]", secondBlock: Bool = false, asking: [String] = []) throws -> (Scenario, WeekPlan, [String: [String]]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-cover-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let yaml = """
            name: Cover
            calendar:
              days: [Mon, Tue]
              periods:
                - {id: F1, start: "10:00", end: "10:40", flex: true}\(secondBlock ? "\n    - {id: F2, start: \"13:00\", end: \"13:40\", flex: true}" : "")
            subjects:
              - id: SCI
                defaults: {workshops_per_week: 2, min_group: 2, max_group: 6}
                objectives:
                  - {id: SCI-1, title: "Cells part 1"}
                  - {id: SCI-2, title: "Cells part 2"}
            teachers:
              - {id: T-HUGHES, name: "Mr Hughes", teaches: [SCI]}
              - {id: T-DIAZ, name: "Ms Diaz", teaches: [SCI]}
              - {id: T-LEE, name: "Ms Lee", teaches: \(lee)}
            rooms:
              - {id: R1, name: "Room 1", capacity: 10}
              - {id: R2, name: "Room 2", capacity: 10}
              - {id: R12, name: "Room 12", capacity: 10}

            """
        try withStudyHall(yaml).write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let rows = students.keys.sorted().map { "\($0),Student \($0.dropFirst(2)),8,\(students[$0]!)" }
        try (["id,name,grade,SCI"] + rows).joined(separator: "\n").appending("\n")
            .write(toFile: folder + "/students.csv", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(folder)
        let store = try StateStore(path: StateStore.path(for: scenario))
        let term = Term(scenario: scenario, store: store)
        try term.seed(on: monday)
        try store.publish(handMade(scenario, sessions.map { ("Tue-F1", $0.0, $0.1, $0.2, $0.3) }), scenario: scenario, weekOf: monday)
        try store.recordAbsences(away.map { Absence(date: tuesday, person: .teacher(TeacherID(rawValue: $0))) }, scenario: scenario)
        for student in asking {
            _ = try store.add(StudentRequest(askedBy: .scheduler, student: StudentID(rawValue: student), want: .workshop(ObjectiveID(rawValue: students[student]!)),
                                             when: .date(tuesday), priority: "urgent", askedOn: monday), scenario: scenario, today: monday)
        }
        let planned = try term.regroup(tuesday, options: options)
        #expect(planned.violations.isEmpty, "\(planned.violations)")
        let text = DayChangeText(planned.result.plan, scenario: scenario)
        return (scenario, planned.result.plan, Dictionary(uniqueKeysWithValues: text.adults.map { ($0.id.rawValue, $0.lines) }))
    }

    func ids(_ range: ClosedRange<Int>) -> [String] { range.map { String(format: "S-%02d", $0) } }
    func sids(_ range: ClosedRange<Int>) -> [StudentID] { ids(range).map { StudentID(rawValue: $0) } }

    @Test func aFreeQualifiedTeacherCoversTheGroupInItsRoom() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...3).map { ($0, "SCI-2") } + ids(13...15).map { ($0, "SCI-1") })
        let (_, plan, lines) = try regroup(students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...3)), ("T-LEE", "R2", "SCI-1", ids(13...15))],
                                           away: ["T-HUGHES"])
        let cover = try #require(plan.changes?.covers?.first)
        #expect(cover.outcome == .covered && cover.coveredBy == "T-DIAZ" && cover.room == "R1" && cover.gaveWay == nil)
        #expect(plan.sessions.contains { $0.teacher == "T-DIAZ" && $0.objective == "SCI-2" && $0.students == sids(1...3) })
        let line = try #require(lines["T-HUGHES"]?.first)
        #expect(line.hasPrefix("Tue-F1: away: Cells part 2 (SCI-2) covered by Ms Diaz (free, teaches it) in Room 1"), "\(line)")
    }

    @Test func withNoTeacherFreeTheStudentsJoinAnotherSessionOfItWithRoom() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...5).map { ($0, "SCI-2") } + ids(13...15).map { ($0, "SCI-1") })
        let (_, plan, lines) = try regroup(
            students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...3)), ("T-LEE", "R2", "SCI-2", ids(4...5)), ("T-DIAZ", "R12", "SCI-1", ids(13...15))],
            away: ["T-HUGHES"])
        let cover = try #require(plan.changes?.covers?.first)
        #expect(cover.outcome == .merged && cover.coveredBy == nil)
        #expect(cover.notFree.map(\.teacher) == ["T-DIAZ", "T-LEE"] && cover.notFree.map(\.running) == ["SCI-1", "SCI-2"])
        #expect(cover.others == [.init(teacher: "T-LEE", room: "R2", free: 4)])
        #expect(cover.joined == [.init(teacher: "T-LEE", students: 3)] && cover.left.isEmpty)
        #expect(plan.sessions.contains { $0.teacher == "T-LEE" && $0.students == sids(1...5) })
        #expect(plan.sessions.contains { $0.teacher == "T-DIAZ" && $0.students == sids(13...15) }, "Ms Diaz keeps her group")
        let line = try #require(lines["T-HUGHES"]?.first)
        #expect(line.hasPrefix("Tue-F1: away: Cells part 2 (SCI-2): no qualified teacher free (Ms Diaz runs Cells part 1 (SCI-1) then; "
            + "Ms Lee runs Cells part 2 (SCI-2) then); its 3 students join Ms Lee's session of it (room for 4)"), "\(line)")
    }

    /// Neither: Ms Lee's session is full and Ms Diaz's own group (4) needs more than Mr Hughes's
    /// (3), so she keeps it and the session is cancelled, with both tries named.
    @Test func withNeitherItIsCancelledNamingBothTries() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...9).map { ($0, "SCI-2") } + ids(13...16).map { ($0, "SCI-1") })
        let (scenario, plan, lines) = try regroup(
            students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...3)), ("T-LEE", "R2", "SCI-2", ids(4...9)), ("T-DIAZ", "R12", "SCI-1", ids(13...16))],
            away: ["T-HUGHES"])
        let cover = try #require(plan.changes?.covers?.first)
        #expect(cover.outcome == .cancelled && cover.coveredBy == nil && cover.joined == nil && cover.left == sids(1...3))
        #expect(cover.others == [.init(teacher: "T-LEE", room: "R2", free: 0)])
        #expect(plan.sessions.contains { $0.teacher == "T-DIAZ" && $0.objective == "SCI-1" && $0.students == sids(13...16) }, "Ms Diaz keeps her group")
        #expect(lines["T-DIAZ"] == nil, "nothing changes for Ms Diaz")
        let line = try #require(lines["T-HUGHES"]?.first)
        #expect(line.hasPrefix("Tue-F1: away: Cells part 2 (SCI-2): no qualified teacher free (Ms Diaz runs Cells part 1 (SCI-1) then; "
            + "Ms Lee runs Cells part 2 (SCI-2) then); cancelled: no other session of it with room (Ms Lee's is full); out: "), "\(line)")
        #expect(line.contains("to independent study in \(scenario.roomName("TEST-STUDY-HALL"))"), "\(line)")
    }

    /// The same, with a second flex block in the day: the regroup gives Mr Hughes's group the
    /// workshop there, and his line says so after "cancelled".
    @Test func aCancelledGroupThatGetsItInAnotherBlockIsToldSo() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...9).map { ($0, "SCI-2") } + ids(13...16).map { ($0, "SCI-1") })
        let (_, plan, lines) = try regroup(
            students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...3)), ("T-LEE", "R2", "SCI-2", ids(4...9)), ("T-DIAZ", "R12", "SCI-1", ids(13...16))],
            away: ["T-HUGHES"], secondBlock: true)
        let cover = try #require(plan.changes?.covers?.first { $0.block == "Tue-F1" })
        #expect(cover.outcome == .cancelled && cover.left == sids(1...3))
        let later = try #require(cover.laterOrEarlier, "\(plan.sessions.map { ($0.id, $0.objective, $0.students) })")
        #expect(later.allSatisfy { $0.block == "Tue-F2" } && later.reduce(0) { $0 + $1.students } == 3, "\(later)")
        let session = try #require(plan.sessions.first { $0.block == "Tue-F2" && $0.objective == "SCI-2" })
        let line = try #require(lines["T-HUGHES"]?.first)
        #expect(line.contains("cancelled: no other session of it with room (Ms Lee's is full); 3 students get it in Tue-F2 with "
            + "\(session.teacher == "T-LEE" ? "Ms Lee" : "Ms Diaz") instead"), "\(line)")
    }

    /// With Ms Lee away too, Ms Diaz gives up her group of 3 to cover Mr Hughes's 4: more need is
    /// served than lost, and both lines say so.
    @Test func aTeacherGivesUpTheirOwnGroupOnlyWhenThatIsCheaperForStudents() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...4).map { ($0, "SCI-2") } + ids(13...15).map { ($0, "SCI-1") })
        let (_, plan, lines) = try regroup(students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...4)), ("T-DIAZ", "R12", "SCI-1", ids(13...15))],
                                           away: ["T-HUGHES", "T-LEE"])
        let cover = try #require(plan.changes?.covers?.first)
        #expect(cover.outcome == .covered && cover.coveredBy == "T-DIAZ")
        let gave = try #require(cover.gaveWay)
        #expect(gave.objective == "SCI-1" && gave.students == 3 && gave.without.count == 3 && gave.needServed > gave.needLost)
        #expect(cover.notFree.contains { $0.teacher == "T-LEE" && $0.why == "unavailable" })
        let diaz = try #require(lines["T-DIAZ"]?.first)
        #expect(diaz.hasPrefix("Tue-F1: Cells part 1 (SCI-1) → Cells part 2 (SCI-2), covering Mr Hughes (away); gives up this group to cover: "
            + "cheaper for students overall (4 students served, need \(NumberText.points(gave.needServed)) points; 3 go without, need "
            + "\(NumberText.points(gave.needLost)))"), "\(diaz)")
        let hughes = try #require(lines["T-HUGHES"]?.first)
        #expect(hughes.contains("Ms Lee: unavailable") && hughes.contains("Ms Diaz gives up their own group on Cells part 1 (SCI-1) (3 students) to cover it"),
                "\(hughes)")
    }

    /// The same school, but Mr Hughes's group is the smaller: Ms Diaz keeps hers.
    @Test func aTeacherKeepsTheirOwnGroupWhenCoveringCostsStudentsMore() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...2).map { ($0, "SCI-2") } + ids(13...15).map { ($0, "SCI-1") })
        let (_, plan, lines) = try regroup(students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...2)), ("T-DIAZ", "R12", "SCI-1", ids(13...15))],
                                           away: ["T-HUGHES", "T-LEE"])
        let cover = try #require(plan.changes?.covers?.first)
        #expect(cover.outcome == .cancelled && cover.gaveWay == nil)
        #expect(plan.sessions.contains { $0.teacher == "T-DIAZ" && $0.objective == "SCI-1" && $0.students == sids(13...15) })
        #expect(lines["T-HUGHES"]?.first?.contains("cancelled: no other session of it then") == true, "\(lines)")
    }

    /// The same, but Mr Hughes's two students asked (urgently) for their workshop today: each
    /// request is worth its weight once met, so the day plan has Ms Diaz give up her group of 3 to
    /// cover them (the search finds it: `AwayCover`'s own step 3 weighs need alone, which is
    /// less on Mr Hughes's side).
    @Test func requestsForTodayCanMakeCoveringTheCheaperChange() throws {
        let on = Dictionary(uniqueKeysWithValues: ids(1...2).map { ($0, "SCI-2") } + ids(13...15).map { ($0, "SCI-1") })
        let (_, plan, _) = try regroup(students: on, sessions: [("T-HUGHES", "R1", "SCI-2", ids(1...2)), ("T-DIAZ", "R12", "SCI-1", ids(13...15))],
                                       away: ["T-HUGHES", "T-LEE"], asking: ids(1...2))
        let cover = try #require(plan.changes?.covers?.first)
        #expect(cover.outcome == .covered && cover.coveredBy == "T-DIAZ", "\(cover)")
        #expect(plan.sessions.contains { $0.teacher == "T-DIAZ" && $0.objective == "SCI-2" && $0.students == sids(1...2) })
        #expect(plan.cost.unmetRequests == 0)
    }
}

/// The tiny school's Mr Chen (one session a day, qualified for ratios and rational numbers) and
/// Ms Okafor, with its golden week published: whether he gives up his own group to cover hers
/// depends on whose students need it more.
@Suite struct TinySchoolCoverTests {
    let monday = SchoolDate("2026-11-23")!
    let options = PlanOptions(timeLimit: 10, nodeLimit: 20)

    func regroup(_ date: String, okaforAwayIn period: PeriodID) throws -> (Scenario, WeekPlan) {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let week = try PlanFile.decode(String(contentsOfFile: golden + "/plan.json", encoding: .utf8))
        try store.publish(week, scenario: scenario, weekOf: monday)
        let day = SchoolDate(date)!
        try store.recordAbsences([Absence(date: day, person: .teacher("T-OKAFOR"), periods: [period])], scenario: scenario)
        let planned = try Term(scenario: scenario, store: store).regroup(day, options: options)
        #expect(planned.violations.isEmpty, "\(planned.violations)")
        return (scenario, planned.result.plan)
    }

    /// Wednesday's F1: his Unit rates with fractions (three students, one a priority) beside her
    /// Recognize proportional relationships (two): covering her group costs students more.
    @Test func mrChenKeepsHisGroupWhenCoveringMsOkaforsCostsStudentsMore() throws {
        let (scenario, day) = try regroup("2026-11-25", okaforAwayIn: "F1")
        #expect(day.sessions.contains { $0.id == "Wed-F1/T-CHEN" && $0.objective == "MATH-7.RP.1" && $0.students == ["S-01", "S-02", "S-03"] })
        let cover = try #require(day.changes?.covers?.first { $0.teacher == "T-OKAFOR" && $0.block == "Wed-F1" })
        #expect(cover.students == ["S-05", "S-06"] && cover.outcome == .cancelled && cover.gaveWay == nil)
        #expect(cover.notFree == [.init(teacher: "T-CHEN", running: "MATH-7.RP.1", why: nil)])
        let text = DayChangeText(day, scenario: scenario)
        #expect(text.adults.first { $0.id == "T-CHEN" } == nil, "nothing changes for Mr Chen")
        let line = try #require(text.adults.first { $0.id == "T-OKAFOR" }?.lines.first)
        #expect(line.hasPrefix("Wed-F1: away: Recognize proportional relationships (MATH-7.RP.2): no qualified teacher free "
            + "(Mr Chen runs Unit rates with fractions (MATH-7.RP.1) then); cancelled: no other session of it then; out: "), "\(line)")
    }

    /// Tuesday's F2: his Recognize proportional relationships (two students, who had a workshop
    /// on Monday) beside her Multiply and divide rational numbers (three, none yet this week):
    /// he covers hers, and both lines say why that was cheaper.
    @Test func whenMrChenGivesUpHisGroupTheChangeListSaysWhyItWasCheaper() throws {
        let (scenario, day) = try regroup("2026-11-24", okaforAwayIn: "F2")
        let cover = try #require(day.changes?.covers?.first { $0.teacher == "T-OKAFOR" && $0.block == "Tue-F2" })
        let gave = try #require(cover.gaveWay, "\(cover)")
        #expect(cover.outcome == .covered && cover.coveredBy == "T-CHEN")
        #expect(gave.objective == "MATH-7.RP.2" && gave.students == 2 && gave.without == ["S-04", "S-07"] && gave.needServed > gave.needLost)
        #expect(day.sessions.contains { $0.id == "Tue-F2/T-CHEN" && $0.objective == "MATH-7.NS.2" && $0.students == ["S-15", "S-16", "S-17"] })
        let text = DayChangeText(day, scenario: scenario)
        let why = "cheaper for students overall (3 students served, need \(NumberText.points(gave.needServed)) points; "
            + "2 go without, need \(NumberText.points(gave.needLost)))"
        let his = try #require(text.adults.first { $0.id == "T-CHEN" }?.lines.first)
        #expect(his.hasPrefix("Tue-F2: Recognize proportional relationships (MATH-7.RP.2) → Multiply and divide rational numbers (MATH-7.NS.2), "
            + "covering Ms Okafor (away)") && his.contains("; gives up this group to cover: " + why), "\(his)")
        let hers = try #require(text.adults.first { $0.id == "T-OKAFOR" }?.lines.first)
        #expect(hers.hasPrefix("Tue-F2: away: Multiply and divide rational numbers (MATH-7.NS.2): no qualified teacher free (Mr Chen runs "
            + "Recognize proportional relationships (MATH-7.RP.2) then); Mr Chen gives up their own group on Recognize proportional "
            + "relationships (MATH-7.RP.2) (2 students) to cover it"), "\(hers)")
        #expect(hers.contains(why), "\(hers)")
    }
}
