/// Why a search ended before proving optimality.
public enum StopReason: String, Sendable, Equatable, Codable {
    /// The time limit ran out.
    case timeLimit = "time-limit"
    /// The relative gap reached the requested tolerance.
    case gapReached = "gap-reached"
    /// The caller stopped it (a `StopToken`).
    case stopped
    /// The node limit was reached.
    case nodeLimit = "node-limit"
    /// The simplex iteration limit (`LPOptions.iterationLimit`) was reached.
    case iterationLimit = "iteration-limit"
}

/// The outcome of a solve.
public enum SolveStatus: Sendable, Equatable {
    /// Proven optimal.
    case optimal
    /// A feasible solution, not proven optimal.
    case feasible(StopReason)
    /// No feasible solution exists.
    case infeasible
    /// The objective can improve without limit (for a MIP: its LP relaxation is unbounded).
    case unbounded
    /// The search ended without finding a feasible solution.
    case noSolutionFound(StopReason)

    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: return true
        case .infeasible, .unbounded, .noSolutionFound: return false
        }
    }

    /// A short stable name: `optimal`, `feasible (time-limit)`, `infeasible`, …
    public var name: String {
        switch self {
        case .optimal: return "optimal"
        case let .feasible(reason): return "feasible (\(reason.rawValue))"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case let .noSolutionFound(reason): return "no solution found (\(reason.rawValue))"
        }
    }
}

/// What a solve produced.
public struct Solution: Sendable {
    public var status: SolveStatus
    /// The objective at the solution, when there is one.
    public var objective: Double?
    /// The best proven bound on the optimum (equal to `objective` when optimal), when known.
    public var bound: Double?
    /// Wall-clock seconds of the solve.
    public var seconds: Double
    /// The value of every column, by 0-based index; empty when there is no solution.
    public var values: [Double]
    public var size: ModelSize
    /// Simplex iterations an LP solve made (`solveLP`; 0 for a MIP): unlike its seconds, the same
    /// on every machine.
    public var iterations = 0

    /// The relative gap |objective − bound| / (|objective| + ε), GLPK's definition; 0 when optimal.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return relativeGap(objective, bound)
    }

    public func value(_ column: Column) -> Double? {
        values.indices.contains(column.index) ? values[column.index] : nil
    }
}

/// The relative gap |incumbent − bound| / (|incumbent| + ε), GLPK's definition.
public func relativeGap(_ incumbent: Double, _ bound: Double) -> Double {
    abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
}
