import Foundation
import Testing
@testable import PacerCore

/// What a plan from the term's state knows of each student's need, per subject (`TermProgress`).
@Suite struct TermProgressTests {
    /// The tiny school (one subject, MATH; target pace 1) starts on Monday 2026-11-23. A week later
    /// a student who has mastered nothing is a week behind; S-01, who mastered RP.1 on the first
    /// day, is not. In the term's first week nobody is behind.
    @Test func weeksBehindTheTargetPaceComeFromTheState() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Term(scenario: scenario, store: store).record(
            try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "mon.csv", today: afterTheChecks)
        let first = try store.weekContext(scenario, weekOf: SchoolDate("2026-11-23")!)
        #expect(first.weeksBehind.values.allSatisfy { $0.values.allSatisfy { $0 == 0 } })
        let second = try store.weekContext(scenario, weekOf: SchoolDate("2026-11-30")!)
        #expect(second.weeksBehind["S-01"]?["MATH"] == 0)
        #expect(second.weeksBehind["S-02"]?["MATH"] == 1)
        let demands = Demand.all(second)
        #expect(demands.first { $0.student == "S-03" }?.need == Need(waitedDays: 7, weeksBehind: 1))
        let plan = try Planner.plan(second, options: PlanOptions(timeLimit: 10, nodeLimit: 20)).plan
        #expect(PlanVerifier(context: second).violations(of: plan) == [])
    }
}
