import Foundation
import Testing
@testable import PacerCore

/// Local search prices moves with `CostLedger`; after any sequence of moves its running total must
/// be the cost `PlanEvaluator` computes from scratch.
@Suite struct CostLedgerTests {
    /// A generated school with the keep-apart rule priced (7 points a pair) and many pairs (each
    /// odd student with the next), so every term moves.
    func pricedSchool() throws -> Scenario {
        let files = SchoolGenerator.generate(.scaled(students: 90, seed: 3))
        var lines = files.studentsCSV.components(separatedBy: "\r\n")
        let column = try #require(lines[0].components(separatedBy: ",").firstIndex(of: "keep_apart"))
        for i in stride(from: 1, to: lines.count - 1, by: 2) where !lines[i + 1].isEmpty {
            var cells = lines[i].components(separatedBy: ",")
            guard cells.count > column, cells[column].isEmpty else { continue }
            cells[column] = lines[i + 1].components(separatedBy: ",")[0]
            lines[i] = cells.joined(separator: ",")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(files.scenarioYAML.contains("keep_apart: hard"))
        try files.scenarioYAML.replacingOccurrences(of: "keep_apart: hard", with: "keep_apart: 7")
            .write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try lines.joined(separator: "\r\n").write(to: dir.appendingPathComponent("students.csv"), atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(dir.path)
        _ = scenario.contentHash
        return scenario
    }

    /// 600 random joins, leaves, closes and reopenings, for a week plan and for a regrouped day
    /// (half the sessions published): the total matches the evaluator every 25 moves.
    @Test(arguments: [false, true])
    func runningTotalIsTheEvaluatorsCost(regroupedDay: Bool) throws {
        let scenario = try pricedSchool()
        #expect(scenario.students.filter { !$0.keepApart.isEmpty }.count > 30)
        // Requests to meet, for one demand in three: on one day or the whole week, some for one
        // flex block, so that moves meet them first, twice, and last.
        var context = PlanningContext(scenario: scenario)
        let days = scenario.calendar.days.map(\.id), flex = scenario.calendar.periods.filter(\.isFlex).map(\.id)
        context.requestGoals = Demand.all(scenario).enumerated().compactMap { i, d in
            guard i % 3 == 0 else { return nil }
            return RequestGoal(request: Int64(i), student: d.student, objective: d.objective, days: i % 2 == 0 ? days : [days[i % days.count]],
                               period: i % 5 == 0 ? flex[i % flex.count] : nil, weight: Double(5 + i % 40))
        }
        let demands = Demand.all(context)
        #expect(demands.contains { !$0.goals.isEmpty })
        let start = try Planner.plan(scenario, options: PlanOptions(timeLimit: 10, nodeLimit: 10)).plan.sessions
        let published = regroupedDay ? stride(from: 0, to: start.count, by: 2).map { start[$0] } : []
        var open = start, shut: [PlannedSession] = []
        var ledger = CostLedger(scenario: scenario, demands: demands, published: published, sessions: open)
        func expectAgrees() {
            let cost = PlanEvaluator.cost(of: open, demands: demands, scenario: scenario, published: published).total
            #expect(abs(ledger.total - cost) < 1e-6, "ledger \(ledger.total), evaluator \(cost)")
        }
        expectAgrees()
        let onObjective = Dictionary(grouping: demands, by: \.objective).mapValues { $0.map(\.student) }
        var random = SeededGenerator(seed: 17)
        for step in 1...600 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4 where !open.isEmpty:
                let i = Int.random(in: open.indices, using: &random)
                let maxGroup = scenario.objective(open[i].objective)?.maxGroup ?? 0
                let candidates = (onObjective[open[i].objective] ?? []).filter { !open[i].students.contains($0) }
                guard open[i].students.count < maxGroup, let student = candidates.randomElement(using: &random) else { break }
                ledger.join(student, open[i])
                open[i].students = (open[i].students + [student]).sorted()
            case 4..<7 where !open.isEmpty:
                let i = Int.random(in: open.indices, using: &random)
                guard let student = open[i].students.randomElement(using: &random) else { break }
                ledger.leave(student, open[i])
                open[i].students.removeAll { $0 == student }
            case 7..<9 where !open.isEmpty:
                let i = Int.random(in: open.indices, using: &random)
                for student in open[i].students {
                    ledger.leave(student, open[i])
                    open[i].students.removeAll { $0 == student }
                }
                ledger.close(open[i])
                shut.append(open.remove(at: i))
            default:
                guard !shut.isEmpty else { break }
                let session = shut.remove(at: Int.random(in: shut.indices, using: &random))
                ledger.open(session)
                open.append(session)
            }
            if step % 25 == 0 { expectAgrees() }
        }
    }

    /// Local search keeps the plan valid and never makes it worse.
    @Test func localSearchImprovesAndStaysValid() throws {
        let scenario = try generatedSchool(.scaled(students: 300, seed: 7))
        let demands = Demand.all(scenario)
        let greedy = GreedyPlanner(scenario: scenario, demands: demands, seed: 1).run(stop: nil, deadline: .now + .seconds(60)) { _ in }
        let before = PlanEvaluator.cost(of: greedy, demands: demands, scenario: scenario).total
        let improved = LocalSearch(scenario: scenario, demands: demands).improve(greedy)
        let after = PlanEvaluator.cost(of: improved, demands: demands, scenario: scenario).total
        #expect(after < before)
        let plan = Planner.assemble(scenario, demands: demands, sessions: improved, options: PlanOptions(), status: .feasible,
                                    method: "local search", bound: nil, size: nil, candidates: CandidateSet.counts(scenario: scenario, demands: demands))
        #expect(PlanVerifier(scenario: scenario).violations(of: plan) == [])
    }
}
