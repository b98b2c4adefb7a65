import Testing
@testable import PacerCore

/// Who wants a workshop is one rule (`PlanningContext.wanted(perWeek:covered:days:)`) for a week
/// planned and for a day regrouped; `PlanningContext.day` says what covers a student's weekly count.
@Suite struct WantedTests {
    @Test(arguments: [
        (perWeek: 2, covered: 0, days: 5, wanted: 2),
        (perWeek: 7, covered: 0, days: 5, wanted: 5),
        (perWeek: 2, covered: 1, days: 1, wanted: 1),
        (perWeek: 2, covered: 2, days: 1, wanted: 0),
        (perWeek: 1, covered: 3, days: 1, wanted: 0),
        (perWeek: 0, covered: 0, days: 5, wanted: 0),
    ])
    func theWeeklyCountBeyondWhatCoversItAtMostOneADay(_ c: (perWeek: Int, covered: Int, days: Int, wanted: Int)) {
        #expect(PlanningContext.wanted(perWeek: c.perWeek, covered: c.covered, days: c.days) == c.wanted)
    }

    /// The tiny school asks for two workshops a week on MATH-7.RP.1; its week is Monday to Friday
    /// from 2026-11-23.
    @Test func aWeekWantsTheWeeklyCountAndADayWhatIsNotCovered() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let week = PlanningContext(scenario: scenario)
        let rp1 = try #require(scenario.objective("MATH-7.RP.1"))
        #expect(week.wanted("S-01", "MATH", objective: rp1) == 2, "a week: the weekly count, at most one a day")

        let tuesday = try #require(scenario.calendar.days.first { $0.id == "Tue" })
        let current: [StudentID: [SubjectID: ObjectiveID]] = ["S-01": ["MATH": "MATH-7.RP.1"], "S-02": ["MATH": "MATH-7.RP.1"],
                                                              "S-03": ["MATH": "MATH-7.RP.1"]]
        let key = { (s: StudentID) in StudentObjective(s, "MATH-7.RP.1") }
        let day = PlanningContext.day(
            scenario, tuesday, on: SchoolDate("2026-11-24")!, current: current, absences: Absences(),
            received: [key("S-02"): 1, key("S-03"): 1],
            plannedLater: [key("S-02"): [SchoolDate("2026-11-26")!], key("S-03"): [SchoolDate("2026-11-27")!]],
            movedOn: [key("S-03"): SchoolDate("2026-11-23")!],
            waited: { $0 == key("S-01") ? 4 : 0 })
        #expect(day.wanted?["S-01"]?["MATH"] == 1, "nothing received or planned: one today")
        #expect(day.wanted?["S-02"]?["MATH"] == 0, "one received and one still planned cover two")
        #expect(day.wanted?["S-03"]?["MATH"] == 1, "moved on Monday: Friday's workshop is after Wednesday, so it does not count yet")
        #expect(day.waitedDays["S-01"]?["MATH"] == 4, "waiting is kept per subject")
        #expect(day.scenario.calendar.days.map(\.id) == ["Tue"], "the scenario is cut to the day")
    }

    /// A request for today makes its student want a workshop today, covered or not, but only a
    /// request the day could meet: one for a block the student is unavailable in (students.csv)
    /// or recorded away from asks nothing of the day, as it prices nothing (`meetable`).
    @Test func aDayWantsWhatItsMeetableRequestsAsk() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let tuesday = try #require(scenario.calendar.days.first { $0.id == "Tue" })
        let current: [StudentID: [SubjectID: ObjectiveID]] = ["S-02": ["MATH": "MATH-7.RP.1"], "S-04": ["MATH": "MATH-7.RP.2"], "S-05": ["MATH": "MATH-7.RP.2"]]
        let covered: [StudentObjective: Int] = [StudentObjective("S-02", "MATH-7.RP.1"): 2, StudentObjective("S-04", "MATH-7.RP.2"): 2,
                                                StudentObjective("S-05", "MATH-7.RP.2"): 2]
        var away = Absences()
        away.students["S-04"] = ["Tue-F1", "Tue-F2"]
        let asked = [
            RequestGoal(request: 1, student: "S-02", objective: "MATH-7.RP.1", days: ["Tue"], weight: 100),
            RequestGoal(request: 2, student: "S-04", objective: "MATH-7.RP.2", days: ["Tue"], weight: 100),            // recorded away all day
            RequestGoal(request: 3, student: "S-05", objective: "MATH-7.RP.2", days: ["Tue"], period: "F1", weight: 100), // unavailable in Tue-F1
        ]
        let day = PlanningContext.day(scenario, tuesday, on: SchoolDate("2026-11-24")!, current: current, absences: away,
                                      received: covered, plannedLater: [:], movedOn: [:], waited: { _ in 0 }, asked: asked)
        #expect(day.requestGoals.map(\.request) == [1])
        #expect(day.wanted?["S-02"]?["MATH"] == 1, "asked for today: wanted though the week is covered")
        #expect(day.wanted?["S-04"]?["MATH"] == 0 && day.wanted?["S-05"]?["MATH"] == 0, "asked for what the day cannot give: nothing wanted")
    }
}
