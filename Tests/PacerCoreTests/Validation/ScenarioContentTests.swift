import Foundation
import Testing
@testable import PacerCore

@Suite struct ScenarioContentTests {
    @Test func theTinySchoolReadsAsWritten() throws {
        let s = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        #expect(s.calendar.days.map(\.id.rawValue) == ["Mon", "Tue", "Wed", "Thu", "Fri"])
        #expect(s.calendar.blocks.count == 30)
        #expect(s.calendar.flexBlocks.map(\.id.rawValue).prefix(3) == ["Mon-F1", "Mon-F2", "Tue-F1"])
        #expect(s.calendar.timeZone == "America/New_York")
        let math = try #require(s.subjects.first)
        #expect(math.objectives.count == 10)
        // Without `prerequisites`, an objective follows the one before it.
        #expect(s.objective("MATH-7.RP.2")?.prerequisites == ["MATH-7.RP.1"])
        #expect(s.objective("MATH-7.RP.1")?.prerequisites == [])
        #expect(s.objective("MATH-7.G.2")?.prerequisites == ["MATH-7.G.1", "MATH-7.EE.2"])
        #expect(s.objective("MATH-7.G.2")?.needs == ["projector"])
        #expect(s.objective("MATH-7.SP.1")?.workshopsPerWeek == 1)
        #expect(s.objective("MATH-7.RP.1")?.maxGroup == 6)
        let chen = try #require(s.teachers.first { $0.id == "T-CHEN" })
        #expect(chen.canTeach.map(\.rawValue) == ["MATH-7.NS.1", "MATH-7.NS.2", "MATH-7.RP.1", "MATH-7.RP.2", "MATH-7.RP.3"])
        #expect(chen.unavailable == ["Wed-F2"])
        #expect(chen.maxSessionsPerDay == 1)
        // A day name stands for every block of that day.
        let rivera = try #require(s.teachers.first { $0.id == "T-RIVERA" })
        #expect(rivera.unavailable.count == 6 && rivera.unavailable.allSatisfy { $0.rawValue.hasPrefix("Fri-") })
        #expect(rivera.maxSessionsPerDay == 2, "defaults to the number of flex periods")
        let s06 = try #require(s.students.first { $0.id == "S-06" })
        #expect(s06.keepApart == ["S-07"])
        #expect(s.students.first { $0.id == "S-07" }?.keepApart == ["S-06"], "keep-apart is symmetric")
        #expect(s.students.first { $0.id == "S-13" }?.unavailable == ["Mon-F1", "Wed-F1"])
        #expect(s.students.filter { $0.flags.contains(.priority) }.count == 3)
        #expect(s.students.first { $0.id == "S-24" }?.name == "Tomás Alvarez")
        #expect(s.policy.unmetWorkshop == 100 && s.policy.session == 20 && s.policy.keepApart == .hard)
    }

    @Test(arguments: ["tiny-school", "middle-school", "high-school", "middle-school-extra-teacher", "middle-school-small-groups"])
    func everyShippedScenarioValidatesWithoutErrors(name: String) {
        let reading = ScenarioLoader.read(scenariosFolder + "/" + name)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        #expect(reading.scenario != nil)
    }

    @Test func theShippedGeneratedSchoolsHaveTheAskedSizes() throws {
        let middle = try ScenarioLoader.load(scenariosFolder + "/middle-school")
        #expect(middle.students.count == 300 && middle.teachers.count == 20 && middle.rooms.count == 17)
        #expect(middle.subjects.count == 3 && middle.subjects.allSatisfy { $0.objectives.count >= 20 })
        #expect(middle.calendar.days.count == 5 && middle.calendar.flexBlocks.count == 15)
        let high = try ScenarioLoader.load(scenariosFolder + "/high-school")
        #expect(high.students.count == 1500)
    }
}
