import Foundation
import PacerTestSupport
import Testing
@testable import PacerCore

@Suite struct ForecastTests {
    func forecast(seed: UInt64, weeks: Int = 2) throws -> [Forecaster.Week] {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var options = Forecaster.Options()
        options.weeks = weeks
        options.runs = 2
        options.seed = seed
        return try Forecaster(scenario: scenario, options: options).run().weeks
    }

    /// Two runs of the same seed give the same figures and publish the same plans, week and day:
    /// the forecast's planning is budgeted in work, never by the clock.
    @Test func theSameSeedGivesTheSameForecast() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var options = Forecaster.Options()
        options.weeks = 2
        options.runs = 2
        options.seed = 7
        func run() throws -> (weeks: [Forecaster.Week], plans: [[PlannedSession]]) {
            var plans: [[PlannedSession]] = []
            let result = try Forecaster(scenario: scenario, options: options).run { _, plan in plans.append(plan.sessions) }
            return (result.weeks, plans)
        }
        let (first, second) = (try run(), try run())
        #expect(first.weeks == second.weeks)
        #expect(first.plans == second.plans)
        #expect(first.plans.count == 4, "2 weeks × 2 runs")
        #expect(try forecast(seed: 8) != first.weeks, "another seed draws otherwise")
    }

    /// The tiny school's state: the term started on Monday 2026-11-23, and S-01 mastered
    /// MATH-7.RP.1 and MATH-7.RP.2 on the Tuesday.
    func tinyStateWithChecks() throws -> (Scenario, StateStore) {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let store = try StateStore(inMemory: ())
        try store.startTerm(on: SchoolDate("2026-11-23")!)
        let tuesday = SchoolDate("2026-11-24")!
        _ = try Term(scenario: scenario, store: store).record([
            MasteryCheck(date: tuesday, student: "S-01", objective: "MATH-7.RP.1", result: .mastered, note: "", source: "test"),
            MasteryCheck(date: tuesday, student: "S-01", objective: "MATH-7.RP.2", result: .mastered, note: "", source: "test"),
        ], source: "test", today: tuesday)
        return (scenario, store)
    }

    /// From a state, the forecast starts in the week after the last check, with each student where
    /// the state has them (S-01 past both objectives students.csv and the Tuesday's checks name),
    /// and leaves the state as it was.
    @Test func fromAStateStudentsStartWhereTheStateHasThem() throws {
        let (scenario, store) = try tinyStateWithChecks()
        let now = try #require(try store.standings(scenario).first { $0.student == "S-01" }?.objective)
        #expect(!["MATH-7.RP.1", "MATH-7.RP.2"].contains(now))
        var options = Forecaster.Options()
        options.weeks = 1
        options.runs = 1
        let forecaster = Forecaster(scenario: scenario, options: options)
        let start = try forecaster.start(from: store, on: nil)
        var plans: [WeekPlan] = []
        let result = try forecaster.run(from: start) { _, plan in plans.append(plan) }
        #expect(result.weekOf == SchoolDate("2026-11-30")!, "the Monday after the last check")
        #expect(result.fromState == StateStore.Recorded(lastCheck: SchoolDate("2026-11-24")!, checks: 2))
        let hers = try #require(plans.first).sessions.filter { $0.students.contains("S-01") }.map(\.objective)
        #expect(!hers.isEmpty && hers.allSatisfy { $0 == now }, "\(hers)")
        #expect(ForecastReport.start(result).contains("Started from the term's state, in the week of 2026-11-30 (2 mastery checks recorded, the last on 2026-11-24)"))
        #expect(try store.recorded().checks == 2, "the forecast works on a copy")
        #expect(try store.standings(scenario).first { $0.student == "S-01" }?.objective == now)

        let fresh = try Forecaster(scenario: scenario, options: options).run()
        #expect(fresh.fromState == nil)
        #expect(ForecastReport.start(fresh).hasPrefix("Started from students.csv"))
    }

    /// A date for a forecast from the state must be a week's first day, in the term, after the last check.
    @Test func aStartDateTheStateCannotTakeIsRefused() throws {
        let (scenario, store) = try tinyStateWithChecks()
        let forecaster = Forecaster(scenario: scenario, options: Forecaster.Options())
        #expect(throws: Forecaster.StartProblem.beforeLastCheck(date: SchoolDate("2026-11-23")!, lastCheck: SchoolDate("2026-11-24")!, next: SchoolDate("2026-11-30")!)) {
            _ = try forecaster.start(from: store, on: SchoolDate("2026-11-23")!)
        }
        #expect {
            _ = try forecaster.start(from: store, on: SchoolDate("2026-12-01")!)
        } throws: { "\($0)".contains("2026-12-01 is a Tuesday") }
        guard case let .state(_, weekOf) = try forecaster.start(from: store, on: SchoolDate("2026-12-14")!) else {
            Issue.record("a later Monday starts from the state")
            return
        }
        #expect(weekOf == SchoolDate("2026-12-14")!)
        let empty = try StateStore(inMemory: ())
        #expect(throws: Forecaster.StartProblem.noTerm) { _ = try forecaster.start(from: empty, on: nil) }
    }

    /// `timeLimit` stops the forecast: it reports the whole weeks done before it, the same figures
    /// as a forecast without a limit, and says it stopped.
    @Test func theTimeLimitStopsTheForecastAndSaysSo() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var options = Forecaster.Options()
        options.weeks = Forecaster.Options.weekRange.upperBound
        options.runs = 2
        options.timeLimit = 0.3
        let stopped = try Forecaster(scenario: scenario, options: options).run()
        #expect(stopped.stopped == .timeLimit(0.3))
        #expect(stopped.weeks.count < options.weeks)
        #expect(stopped.weeks.map(\.week) == Array((0..<stopped.weeks.count).map { $0 + 1 }))
        let said = try #require(ForecastReport.stopped(stopped))
        #expect(said.hasPrefix("Stopped by --time-limit 0.3 s after \(stopped.weeks.count) of the 52 weeks asked for"), "\(said)")
        #expect(ForecastReport.about(stopped).contains(said))
        options.weeks = 2
        options.timeLimit = nil
        let whole = try Forecaster(scenario: scenario, options: options).run()
        #expect(whole.stopped == nil && ForecastReport.stopped(whole) == nil)
        #expect(zip(stopped.weeks, whole.weeks).allSatisfy { $0 == $1 })
    }

    /// The planning check plans the first weeks of the first run both ways and reports both.
    @Test func checkedPlanningReportsBothWays() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var options = Forecaster.Options()
        options.weeks = 1
        options.runs = 1
        options.checkedWeeks = 1
        let result = try Forecaster(scenario: scenario, options: options).run()
        let check = try #require(result.planningChecks.first)
        #expect(result.planningChecks.count == 1 && check.week == 1)
        #expect(check.full.workshopsWanted == check.forecast.workshopsWanted && check.full.workshopsWanted > 0)
        #expect(check.full.objective <= check.forecast.objective + 1e-6, "pacer plan's search finds the tiny school's best plan")
        #expect(ForecastReport.planning(result).contains("Checked on the first run (lower objective is better): week 1: objective"))
    }

    @Test func figuresAreConsistent() throws {
        let weeks = try forecast(seed: 3, weeks: 3)
        #expect(weeks.map(\.week) == [1, 2, 3])
        for w in weeks {
            #expect(w.masteredP10 <= w.masteredMean && w.masteredMean <= w.masteredP90)
            #expect(w.behindTarget >= 0 && w.behindTarget <= 30)
            #expect(w.teacherLoad > 0)
        }
        #expect(zip(weeks, weeks.dropFirst()).allSatisfy { $0.masteredMean <= $1.masteredMean }, "mastery only grows")
        #expect(weeks.last!.masteredMean > 0)
    }

    /// With mastery certain, every workshop masters its objective: the mastered count equals the
    /// workshops attended, which the plan gives.
    @Test func certainMasteryCountsEveryWorkshop() throws {
        let (tree, folder) = try tinySchoolVariant("subjects:\n  - {id: MATH, defaults: {mastery_chance: 1}}\nforecast: {target_pace: 0}\n")
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let scenario = try ScenarioLoader.load(folder)
        #expect(scenario.objectives.allSatisfy { $0.masteryChance == 1 })
        #expect(scenario.forecast.targetPace == 0)
        var options = Forecaster.Options()
        options.weeks = 1
        options.runs = 1
        let week = try #require(try Forecaster(scenario: scenario, options: options).run().weeks.first)
        #expect(week.behindTarget == 0)
        #expect(week.masteredMean >= 1, "everyone who attends a workshop masters")
    }

    /// A forecast skips what the term skips: it starts in the scenario's term, passes over a
    /// holiday week without counting it, plans nothing on a holiday, and stops when the term ends.
    @Test func theForecastSkipsHolidaysAndStopsWhenTheTermEnds() throws {
        let folder = try tinySchoolCopy(calendar: """
              term: {first_day: 2026-11-16, last_day: 2026-12-11}
              holidays:
                - {from: 2026-11-23, to: 2026-11-27, note: Thanksgiving break}
                - {date: 2026-12-02, note: Staff training}

            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try ScenarioLoader.load(folder)
        var options = Forecaster.Options()
        options.weeks = 5
        options.runs = 1
        var plans: [WeekPlan] = []
        let result = try Forecaster(scenario: scenario, options: options).run { _, plan in plans.append(plan) }
        #expect(result.weekOf == SchoolDate("2026-11-16"))
        #expect(plans.map { $0.header.date ?? "" } == ["2026-11-16", "2026-11-30", "2026-12-07"])
        #expect(result.weeks.count == 3)
        #expect(result.skipped.count == 1 && result.skipped[0].contains("week of 2026-11-23") && result.skipped[0].contains("Thanksgiving break"))
        #expect(result.stopped == .termEnded(SchoolDate("2026-12-11")!))
        #expect(!plans[1].sessions.contains { $0.day == "Wed" }, "nothing on the staff training day")
        #expect(plans[1].sessions.contains { $0.day == "Thu" })
        let sentences = ForecastReport.about(result).joined(separator: " ")
        #expect(sentences.contains("The term ends on 2026-12-11") && sentences.contains("Passed over"), "\(sentences)")
    }
}
