import Testing
@testable import PacerCore

/// Independent study on the portal's pages: a supervising teacher's roster, a family's week.
@Suite struct StudyViewTests {
    let scenario: Scenario
    let tuesday = SchoolDate("2026-11-24")!

    init() throws { scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school") }

    @Test func aTeachersDayListsTheStudyGroupsTheySuperviseWithTheRosterMarks() {
        let study = TeacherAgenda.Study(id: "Tue-F1/study/COMMONS", block: "Tue-F1", start: "09:25", end: "10:05", room: "Learning commons",
                                        with: ["Ms Park (learning coach)"], members: [
            .init(student: "S-02", name: "Liam Chen", grade: "7", priority: true, title: "Unit rates with fractions", checkable: "MATH-7.RP.1", absent: false),
            .init(student: "S-03", name: "Sofia Garcia", grade: "7", priority: false, title: nil, checkable: nil, absent: true),
        ])
        let agenda = TeacherAgenda(adult: "T-CHEN", date: tuesday, groups: [], study: [study])
        let view = TeacherDayView(agenda, scenario: scenario)
        #expect(view.nothing == nil, "a teacher who supervises study has something that day")
        let shown = try! #require(view.study.first)
        #expect(shown.heading == "09:25–10:05 · Learning commons · independent study")
        #expect(shown.summary == "2 student(s), with Ms Park (learning coach)")
        #expect(shown.block == "Tue-F1")
        #expect(shown.students.map(\.name) == ["Liam Chen", "Sofia Garcia"])
        #expect(shown.students.map(\.about) == ["grade 7, working on Unit rates with fractions", "grade 7, no objective left"])
        #expect(shown.students.map(\.marks) == [[.priority], [.absent]])
        // Mr Chen teaches MATH-7.RP.1, so he may check Liam on it in study; Sofia has no objective left.
        #expect(shown.students.map(\.checks) == ["MATH-7.RP.1", nil])

        let week = TeacherWeekView(adult: "T-CHEN", days: [agenda], today: tuesday, scenario: scenario)
        #expect(week.days[0].sessions.contains(.init(when: "09:25–10:05, Learning commons", objective: nil,
                                                     about: "independent study, 2 student(s) (1 absent)")))
    }

    /// An aide's day is the same page: their name, the roster with each student's last check on
    /// the objective they study, no check form (they teach nothing), and a line saying who checks.
    @Test func anAidesDayIsTheSameRosterWithTheLastCheckAndNoCheckForm() {
        let last = StateStore.RecordedCheck(id: 7, date: SchoolDate("2026-11-23")!, objective: "MATH-7.RP.1", result: "not-yet",
                                            note: "ratios of fractions", source: "test", withdrawn: false)
        let study = TeacherAgenda.Study(id: "Tue-F1/study/COMMONS", block: "Tue-F1", start: "09:25", end: "10:05", room: "Learning commons",
                                        with: [], members: [
            .init(student: "S-02", name: "Liam Chen", grade: "7", priority: false, title: "Unit rates with fractions", checkable: nil,
                  absent: false, lastCheck: last),
        ])
        let view = TeacherDayView(TeacherAgenda(adult: "A-PARK", date: tuesday, groups: [], study: [study]), scenario: scenario)
        #expect(view.title == "Ms Park (learning coach): Tuesday 2026-11-24")
        #expect(view.study[0].summary == "1 student(s)")
        #expect(view.study[0].students[0].lastCheck == "last check 2026-11-23: not yet: ratios of fractions")
        #expect(view.study[0].students[0].checks == nil)
        #expect(view.studyNote?.contains("A teacher records mastery checks") == true)
        #expect(TeacherDayView(TeacherAgenda(adult: "T-CHEN", date: tuesday, groups: [], study: [study]), scenario: scenario).studyNote == nil)
        #expect(TeacherDayView(TeacherAgenda(adult: "A-PARK", date: tuesday, groups: [], study: []), scenario: scenario).nothing
            == "No study groups published for you on Tuesday 2026-11-24.")
    }

    /// Mr Chen supervises study at 09:25 and teaches at 11:45: his page lists them as the day runs,
    /// not every workshop first.
    @Test func aTeachersDayListsStudyAmongTheWorkshopsInBlockOrder() {
        let group = TeacherAgenda.Group(block: "Tue-F2", start: "11:45", end: "12:25", room: "R101", objective: "MATH-7.NS.1",
                                        title: "Add and subtract rational numbers", members: [])
        let study = TeacherAgenda.Study(id: "Tue-F1/study/COMMONS", block: "Tue-F1", start: "09:25", end: "10:05", room: "Learning commons",
                                        with: [], members: [])
        let view = TeacherDayView(TeacherAgenda(adult: "T-CHEN", date: tuesday, groups: [group], study: [study]), scenario: scenario)
        #expect(view.entries.map { entry -> String in
            switch entry {
            case let .workshop(g): return g.heading
            case let .study(g): return g.heading
            }
        } == ["09:25–10:05 · Learning commons · independent study", "11:45–12:25 · room R101"])
        // The week page lists the day the same way.
        let week = TeacherWeekView(adult: "T-CHEN", days: [TeacherAgenda(adult: "T-CHEN", date: tuesday, groups: [group], study: [study])],
                                   today: tuesday, scenario: scenario)
        #expect(week.days[0].sessions.map(\.when) == ["09:25–10:05, Learning commons", "11:45–12:25, room R101"])
    }

    @Test func aFamilysWeekListsStudyAmongTheWorkshopsInBlockOrder() {
        let workshop = StudentWorkshop(date: tuesday, block: "Tue-F2", start: "11:45", end: "12:25", objective: "MATH-7.RP.1",
                                       title: "Unit rates with fractions", teacher: "Mr Chen", room: "Room 101", absent: false)
        let study = StudentStudy(date: tuesday, block: "Tue-F1", start: "09:25", end: "10:05", title: "Unit rates with fractions",
                                 adults: ["Ms Park (learning coach)", "Mr Chen"], room: "Learning commons", absent: false)
        let view = FamilyView(student: "S-02", standing: [], week: [workshop], study: [study], checks: [], feed: "f", today: tuesday, scenario: scenario)
        #expect(view.workshops.map(\.what) == ["Independent study: Unit rates with fractions", "Unit rates with fractions"])
        #expect(view.workshops[0].with == "with Ms Park (learning coach) and Mr Chen, Learning commons")
        #expect(view.workshops[0].when == "Tuesday 11-24 (today), 09:25–10:05")
    }
}
