import Synchronization

/// How much of its own log GLPK writes (to the `log` handler of the options; never to the terminal directly).
public enum MessageLevel: Sendable, Equatable {
    case off, errors, normal, all
}

/// Progress of a MIP search, reported while it runs.
public struct SearchProgress: Sendable, Equatable {
    /// Seconds since the solve started.
    public var elapsed: Double
    /// The objective of the best integer solution so far.
    public var incumbent: Double?
    /// The best bound on the optimum proven so far.
    public var bound: Double?
    /// The relative gap between incumbent and bound, as GLPK defines it: |incumbent − bound| / (|incumbent| + ε).
    public var gap: Double?
    /// Branch-and-bound nodes still open.
    public var activeNodes: Int
    /// Whether the incumbent changed since the previous report.
    public var improved: Bool
}

/// A flag another thread (or a signal handler's task) sets to stop a running search.
/// The search then ends with its best solution, reported as `.stopped`.
public final class StopToken: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func stop() { flag.store(true, ordering: .relaxed) }
    public var isStopped: Bool { flag.load(ordering: .relaxed) }
}

/// Options for `Problem.solveLP`.
public struct LPOptions: Sendable {
    /// Use GLPK's LP presolver.
    public var presolve = true
    /// Seconds GLPK may spend; `nil` for no limit.
    public var timeLimit: Double?
    /// Simplex iterations GLPK may make; `nil` for no limit. Unlike the time limit, the same model
    /// stops at the same point on every machine.
    public var iterationLimit: Int?
    public var messageLevel: MessageLevel = .off
    /// Receives GLPK's log lines when `messageLevel` is not `.off`.
    public var log: (@Sendable (String) -> Void)?
    public init() {}

    func check() throws {
        try checkTimeLimit(timeLimit)
        if let limit = iterationLimit, limit < 0 {
            throw GLPKError.invalidOption(name: "iterationLimit", reason: "must not be negative")
        }
    }
}

/// A time limit must be a finite, non-negative number of seconds.
func checkTimeLimit(_ limit: Double?) throws {
    if let limit, !(limit >= 0 && limit.isFinite) {
        throw GLPKError.invalidOption(name: "timeLimit", reason: "must be a non-negative number of seconds")
    }
}

/// Options for `Problem.solveMIP`.
public struct MIPOptions: Sendable {
    /// Use GLPK's MIP presolver (without it, the LP relaxation is solved by `glp_simplex` first).
    public var presolve = true
    /// Wall-clock seconds for the search after the root LP (GLPK cannot stop during the root LP).
    public var timeLimit: Double?
    /// Stop when the relative gap falls to this fraction (0 proves optimality).
    public var relativeGap = 0.0
    /// Gomory, MIR, cover and clique cuts.
    public var cuts = false
    /// GLPK's feasibility pump heuristic (binary columns only).
    public var feasibilityPump = false
    public var messageLevel: MessageLevel = .off
    /// Receives GLPK's log lines when `messageLevel` is not `.off`.
    public var log: (@Sendable (String) -> Void)?
    /// Called during the search, at most every `progressInterval` seconds and at each better solution.
    public var progress: (@Sendable (SearchProgress) -> Void)?
    public var progressInterval = 0.25
    /// Set from elsewhere to end the search early with the best solution found.
    public var stopToken: StopToken?
    /// Stop once the search has made more than this many branch-and-bound nodes. Unlike a time limit, the same model stops at the
    /// same point on every machine, so results stay reproducible.
    public var nodeLimit: Int?
    /// A known feasible solution (one value per column) handed to GLPK as its first incumbent.
    /// Needs `presolve = false`: GLPK takes a start only for the problem as given.
    public var start: [Double]?
    /// A lower bound (for a minimization; upper for a maximization) proved by other means: the
    /// search stops, with status optimal, as soon as an incumbent reaches it.
    public var provenBound: Double?
    public init() {}

    func check() throws {
        try checkTimeLimit(timeLimit)
        guard relativeGap >= 0, relativeGap.isFinite else {
            throw GLPKError.invalidOption(name: "relativeGap", reason: "must be a non-negative fraction")
        }
        guard progressInterval >= 0, progressInterval.isFinite else {
            throw GLPKError.invalidOption(name: "progressInterval", reason: "must be non-negative")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw GLPKError.invalidOption(name: "nodeLimit", reason: "must be at least 1")
        }
        if let start {
            guard !presolve else {
                throw GLPKError.invalidOption(name: "start", reason: "a start needs presolve off")
            }
            guard start.allSatisfy(\.isFinite) else {
                throw GLPKError.invalidOption(name: "start", reason: "values must be finite")
            }
        }
        if let provenBound, !provenBound.isFinite {
            throw GLPKError.invalidOption(name: "provenBound", reason: "must be finite")
        }
    }
}
