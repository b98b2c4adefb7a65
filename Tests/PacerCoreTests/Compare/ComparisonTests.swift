import Foundation
import Testing
@testable import PacerCore

@Suite struct ComparisonTests {
    /// The report's figures, recomputed here from the plans themselves.
    @Test func figuresMatchThePlans() throws {
        let base = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let comparison = try ScenarioComparison.run([("tiny", base), ("tiny again", base)], options: PlanOptions(timeLimit: 30, nodeLimit: 100))
        #expect(comparison.entries.count == 2)
        for entry in comparison.entries {
            let plan = entry.plan, m = entry.metrics
            var got: [StudentID: Int] = [:]
            for s in plan.sessions { for st in s.students { got[st, default: 0] += 1 } }
            #expect(m.studentsServed == base.students.filter { (got[$0.id] ?? 0) > 0 }.count)
            #expect(abs(m.workshopsMean - Double(got.values.reduce(0, +)) / Double(base.students.count)) < 1e-9)
            #expect(m.sessions == plan.sessions.count)
            let sizes = plan.sessions.map(\.students.count)
            #expect(abs(m.meanGroupSize - Double(sizes.reduce(0, +)) / Double(sizes.count)) < 1e-9)
            let load = base.teachers.map { t in plan.sessions.filter { $0.teacher == t.id }.count }
            #expect(m.teacherLoadMin == load.min() && m.teacherLoadMax == load.max())
            #expect(abs(m.roomUse - Double(plan.sessions.count) / Double(base.rooms.count * base.calendar.flexBlocks.count)) < 1e-9)
            #expect(m.unservedByReason.map(\.count).reduce(0, +) == plan.unserved.count)
            let short = Set(plan.unserved.map(\.student))
            #expect(m.headline.studentsFullyServed == base.students.filter { !short.contains($0.id) }.count)
            #expect(m.headline.workshopsNotGiven == plan.unserved.map { $0.wanted - $0.got }.reduce(0, +))
        }
        let report = ComparisonReport(comparison)
        #expect(report.csv.hasPrefix("figure,Maple Grove Learning Studio (tiny),Maple Grove Learning Studio (tiny again),delta Maple Grove Learning Studio (tiny again),proven delta Maple Grove Learning Studio (tiny again)\r\n"))
        #expect(report.html.contains("<svg") && report.html.contains("workshops given (share of wanted)"))
        #expect(report.html.contains("Maple Grove Learning Studio (tiny)"), "the scenario's name, with its folder where two share it")
        #expect(report.html.contains("(the base)") && !report.html.contains("forecast.html"))
        #expect(report.html(forecast: "forecast.html").contains("<a href=\"forecast.html\">"))
        let headline = comparison.entries[0].metrics.headline
        #expect(report.headlines[0].hasPrefix("Maple Grove Learning Studio (tiny): \(headline.workshopsServed) of \(headline.workshopsWanted) wanted workshops given"))
        #expect(report.table.contains("sessions opened"))
    }

    /// The headline in school terms: thousands grouped, the gap as "within N %", a proven plan as such.
    @Test func theHeadlineSaysItInSchoolTerms() throws {
        #expect(PlanHeadline.count(1752) == "1,752" && PlanHeadline.count(90) == "90" && PlanHeadline.count(1_234_567) == "1,234,567")
        #expect(PlanHeadline.percent(0.092) == "9 %" && PlanHeadline.percent(0.004) == "0.4 %")
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var plan = try PlanFile.read(golden + "/plan.json")
        plan.header.status = .feasible
        plan.header.gap = 0.3645
        let headline = PlanHeadline(plan: plan, scenario: scenario)
        #expect(headline.quality == "plan within 36 % of the best possible")
        #expect(headline.sentence.hasSuffix("; \(plan.sessions.count) sessions; plan within 36 % of the best possible"))
        plan.header.gap = nil
        #expect(PlanHeadline(plan: plan, scenario: scenario).quality == "how close to the best possible is not known")
        plan.header.status = .optimal
        #expect(PlanHeadline(plan: plan, scenario: scenario).quality == "the best possible plan (proven)")
    }

    /// A variant that adds a teacher never serves fewer students than its base.
    @Test func anExtraTeacherNeverServesFewer() throws {
        let (tree, folder) = try tinySchoolVariant("""
            teachers:
              - {id: T-EXTRA, name: "Mr Extra", teaches: [MATH]}
            """)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let base = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let more = try ScenarioLoader.load(folder)
        let comparison = try ScenarioComparison.run([("base", base), ("more", more)], options: PlanOptions(timeLimit: 30, nodeLimit: 1_000))
        let (a, b) = (comparison.entries[0].metrics, comparison.entries[1].metrics)
        #expect(b.studentsServed >= a.studentsServed)
        #expect(b.workshopsMean >= a.workshopsMean)
    }
}
