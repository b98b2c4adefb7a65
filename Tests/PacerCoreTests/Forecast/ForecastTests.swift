import Foundation
import Testing
@testable import PacerCore

@Suite struct ForecastTests {
    func forecast(seed: UInt64, weeks: Int = 2) throws -> [Forecaster.Week] {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var options = Forecaster.Options()
        options.weeks = weeks
        options.runs = 2
        options.seed = seed
        return try Forecaster(scenario: scenario, options: options).run()
    }

    @Test func theSameSeedGivesTheSameForecast() throws {
        #expect(try forecast(seed: 7) == (try forecast(seed: 7)))
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
        let week = try #require(try Forecaster(scenario: scenario, options: options).run().first)
        #expect(week.behindTarget == 0)
        #expect(week.masteredMean >= 1, "everyone who attends a workshop masters")
    }
}
