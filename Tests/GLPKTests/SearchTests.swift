import Foundation
import Synchronization
import Testing
@testable import GLPK

/// A multidimensional knapsack whose values are strongly correlated with its weights: GLPK finds
/// incumbents at once but cannot prove optimality in seconds (glpsol on the same data runs past a
/// 5-second limit). The data come from a fixed linear congruential sequence.
func hardKnapsack(items: Int = 60, dimensions: Int = 10) throws -> Problem {
    var state: UInt64 = 12345
    func next(_ range: ClosedRange<Int>) -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
    }
    let p = try Problem(name: "mknap")
    p.direction = .maximize
    let weights = (0..<dimensions).map { _ in (0..<items).map { _ in next(5...60) } }
    let x = try (0..<items).map { j in
        let value = (weights.map { $0[j] }.reduce(0, +) / Double(dimensions)).rounded(.down) + 20
        return try p.addColumn(name: "x\(j)", kind: .binary, objective: value)
    }
    for d in 0..<dimensions {
        try p.addRow(name: "dim\(d)", bounds: .upper((weights[d].reduce(0, +) / 2).rounded(.down)),
                     terms: Array(zip(x, weights[d])))
    }
    return p
}

/// Collects what a @Sendable callback reports.
final class Recorder<T: Sendable>: Sendable {
    private let items = Mutex<[T]>([])
    func append(_ item: T) { items.withLock { $0.append(item) } }
    var all: [T] { items.withLock { $0 } }
}

@Suite struct SearchTests {
    @Test func timeLimitReturnsTheIncumbentAndItsGap() throws {
        let p = try hardKnapsack()
        var options = MIPOptions()
        options.timeLimit = 0.5
        let s = try p.solveMIP(options)
        #expect(s.status == .feasible(.timeLimit))
        let objective = try #require(s.objective)
        let bound = try #require(s.bound)
        #expect(objective > 0)
        #expect(bound >= objective, "for a maximization the bound lies above the incumbent")
        #expect(try #require(s.gap) > 0)
        #expect(s.values.count == 60)
        // The incumbent's values reproduce its objective and respect the binaries.
        #expect(s.values.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(s.seconds < 30)
    }

    @Test func progressCallbackReportsIncumbentBoundAndGap() throws {
        let p = try hardKnapsack()
        let reports = Recorder<SearchProgress>()
        var options = MIPOptions()
        options.timeLimit = 0.6
        options.progressInterval = 0.05
        options.progress = { reports.append($0) }
        let s = try p.solveMIP(options)
        let all = reports.all
        #expect(all.count >= 2)
        #expect(all.contains { $0.improved })
        let last = try #require(all.last { $0.incumbent != nil })
        #expect(last.bound != nil && last.gap != nil)
        #expect(try #require(last.incumbent) <= s.objective ?? 0)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.elapsed <= $1.elapsed })
    }

    @Test func stopTokenEndsTheSearchWithTheBestSolution() throws {
        let p = try hardKnapsack()
        let token = StopToken()
        var options = MIPOptions()
        options.stopToken = token
        options.timeLimit = 20
        options.progress = { if $0.incumbent != nil { token.stop() } }
        let s = try p.solveMIP(options)
        #expect(s.status == .feasible(.stopped))
        #expect(s.objective != nil)
    }

    @Test func gapToleranceStopsEarly() throws {
        let p = try hardKnapsack()
        var options = MIPOptions()
        options.relativeGap = 0.05
        options.timeLimit = 20
        let s = try p.solveMIP(options)
        #expect(s.status == .feasible(.gapReached) || s.status == .optimal)
        #expect(try #require(s.gap) <= 0.05)
    }

    @Test func logHandlerReceivesGLPKsOutput() throws {
        let p = try Problem()
        let x = try p.addColumn(name: "x", kind: .integer, bounds: .range(0, 3), objective: -1)
        try p.addRow(name: "r", bounds: .upper(2.5), terms: [(x, 1)])
        let lines = Recorder<String>()
        var options = MIPOptions()
        options.messageLevel = .all
        options.log = { lines.append($0) }
        #expect(try p.solveMIP(options).objective == -2)
        #expect(lines.all.contains { $0.contains("INTEGER OPTIMAL SOLUTION FOUND") })
    }
}

@Suite struct StartAndNodeLimitTests {
    @Test func aSolveWithAStartHasAnIncumbentAfterOneNode() throws {
        let p = try hardKnapsack()
        // Taking nothing is feasible: objective 0.
        var options = MIPOptions()
        options.presolve = false
        options.start = Array(repeating: 0, count: p.numberOfColumns)
        options.nodeLimit = 1
        let reports = Recorder<SearchProgress>()
        options.progress = { reports.append($0) }
        options.progressInterval = 0
        let s = try p.solveMIP(options)
        #expect(s.status.hasSolution)
        #expect(reports.all.contains { $0.incumbent != nil })
    }

    @Test func aStartNeedsPresolveOffAndTheRightLength() throws {
        let p = try hardKnapsack()
        var options = MIPOptions()
        options.start = Array(repeating: 0, count: p.numberOfColumns)
        #expect(throws: GLPKError.self) { try p.solveMIP(options) }
        options.presolve = false
        options.start = [0]
        #expect(throws: GLPKError.self) { try p.solveMIP(options) }
    }

    @Test func aNodeLimitStopsAtTheSamePointEveryTime() throws {
        var options = MIPOptions()
        options.nodeLimit = 200
        let first = try hardKnapsack().solveMIP(options)
        let second = try hardKnapsack().solveMIP(options)
        #expect(first.status == .feasible(.nodeLimit))
        #expect(first.objective == second.objective && first.values == second.values)
        #expect(first.bound == second.bound)
    }

    @Test func anLPCountsItsIterationsAndStopsAtItsIterationLimit() throws {
        var options = LPOptions()
        options.presolve = false
        let whole = try hardKnapsack().solveLP(options)
        #expect(whole.status == .optimal)
        #expect(whole.iterations > 2)
        options.iterationLimit = 2
        let cut = try hardKnapsack().solveLP(options)
        #expect(cut.status == .feasible(.iterationLimit) || cut.status == .noSolutionFound(.iterationLimit))
        #expect(cut.iterations == 2)
        #expect(cut.bound == nil)
        options.iterationLimit = -1
        #expect(throws: GLPKError.self) { try hardKnapsack().solveLP(options) }
    }
}
