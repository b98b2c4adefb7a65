import CGLPK

extension Problem {
    /// Solves the LP relaxation with the simplex method (integer kinds are ignored).
    public func solveLP(_ options: LPOptions = LPOptions()) throws -> Solution {
        try options.check()
        let clock = ContinuousClock()
        let start = clock.now
        let iterationsBefore = glp_get_it_cnt(handle)
        let code = TerminalCapture.run(log: options.log) {
            simplex(presolve: options.presolve, timeLimit: options.timeLimit, iterationLimit: options.iterationLimit,
                    messageLevel: options.messageLevel)
        }
        let iterations = Int(glp_get_it_cnt(handle) - iterationsBefore)
        let status: SolveStatus
        switch code {
        case 0:
            switch glp_get_status(handle) {
            case GLP_OPT: status = .optimal
            case GLP_NOFEAS: status = .infeasible
            case GLP_UNBND: status = .unbounded
            default: throw GLPKError.solverFailed(routine: "glp_simplex", code: 0)
            }
        case GLP_ENOPFS:
            status = .infeasible
        case GLP_ENODFS:
            status = TerminalCapture.run(log: nil) { relaxationStatusWithoutPresolve() }
        case GLP_ETMLIM:
            status = glp_get_prim_stat(handle) == GLP_FEAS ? .feasible(.timeLimit) : .noSolutionFound(.timeLimit)
        case GLP_EITLIM:
            status = glp_get_prim_stat(handle) == GLP_FEAS ? .feasible(.iterationLimit) : .noSolutionFound(.iterationLimit)
        default:
            throw GLPKError.solverFailed(routine: "glp_simplex", code: Int(code))
        }
        let seconds = (clock.now - start).seconds
        guard status.hasSolution else {
            return Solution(status: status, objective: nil, bound: nil, seconds: seconds, values: [], size: size, iterations: iterations)
        }
        let values = (0..<numberOfColumns).map { glp_get_col_prim(handle, Int32($0 + 1)) }
        let objective = glp_get_obj_val(handle)
        return Solution(
            status: status, objective: objective, bound: status == .optimal ? objective : nil,
            seconds: seconds, values: values, size: size, iterations: iterations)
    }

    /// Solves the mixed-integer program by branch and bound (`glp_intopt`).
    ///
    /// The time limit is checked in GLPK's callback against the wall clock, and also handed to GLPK;
    /// neither can interrupt the root LP, which GLPK solves before the search starts.
    public func solveMIP(_ options: MIPOptions = MIPOptions()) throws -> Solution {
        try options.check()
        if let start = options.start, start.count != numberOfColumns {
            throw GLPKError.invalidOption(
                name: "start", reason: "has \(start.count) values for \(numberOfColumns) columns")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let monitor = SearchMonitor(options: options, clock: clock, start: start, direction: direction)
        let code: Int32 = TerminalCapture.run(log: options.log) {
            if !options.presolve {
                // Without the presolver glp_intopt needs an optimal LP relaxation first.
                let lp = simplex(presolve: false, timeLimit: options.timeLimit, iterationLimit: nil, messageLevel: options.messageLevel)
                if lp != 0 { return lp }
                switch glp_get_status(handle) {
                case GLP_OPT: break
                case GLP_NOFEAS: return GLP_ENOPFS
                case GLP_UNBND: return GLP_ENODFS
                default: return GLP_EFAIL
                }
            }
            var parameters = glp_iocp()
            glp_init_iocp(&parameters)
            parameters.msg_lev = options.messageLevel.glpk
            parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
            parameters.mip_gap = options.relativeGap
            parameters.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
            // GLPK's cover cut generator aborts the process on a model without columns.
            if options.cuts, numberOfColumns > 0 {
                parameters.gmi_cuts = GLP_ON
                parameters.mir_cuts = GLP_ON
                parameters.cov_cuts = GLP_ON
                parameters.clq_cuts = GLP_ON
            }
            if let limit = options.timeLimit {
                parameters.tm_lim = Int32(min(limit * 1000, Double(Int32.max)).rounded(.up))
            }
            parameters.cb_func = searchCallback
            parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
            return withExtendedLifetime(monitor) { glp_intopt(handle, &parameters) }
        }
        let mipStatus = glp_mip_status(handle)
        let hasIncumbent = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let status: SolveStatus
        switch code {
        case 0:
            switch mipStatus {
            case GLP_OPT: status = .optimal
            case GLP_NOFEAS: status = .infeasible
            default: throw GLPKError.solverFailed(routine: "glp_intopt", code: 0)
            }
        case GLP_ENOPFS:
            status = .infeasible
        case GLP_ENODFS:
            status = TerminalCapture.run(log: nil) { relaxationStatusWithoutPresolve() }
        case GLP_ETMLIM:
            status = hasIncumbent ? .feasible(.timeLimit) : .noSolutionFound(.timeLimit)
        case GLP_EMIPGAP:
            status = .feasible(.gapReached)
        case GLP_ESTOP where monitor.reachedProvenBound && hasIncumbent:
            status = .optimal
        case GLP_ESTOP:
            let reason = monitor.stopReason ?? .stopped
            status = hasIncumbent ? .feasible(reason) : .noSolutionFound(reason)
        default:
            throw GLPKError.solverFailed(routine: "glp_intopt", code: Int(code))
        }
        let seconds = (clock.now - start).seconds
        guard status.hasSolution else {
            return Solution(
                status: status, objective: nil, bound: monitor.bound, seconds: seconds, values: [], size: size)
        }
        let objective = glp_mip_obj_val(handle)
        let values = (0..<numberOfColumns).map { glp_mip_col_val(handle, Int32($0 + 1)) }
        var bound = status == .optimal ? objective : monitor.bound
        // A bound past the incumbent means the search closed; report the incumbent itself.
        if let b = bound, direction == .minimize ? b > objective : b < objective { bound = objective }
        return Solution(status: status, objective: objective, bound: bound, seconds: seconds, values: values, size: size)
    }

    /// Runs glp_simplex and returns its code. Must run inside a TerminalCapture.
    private func simplex(presolve: Bool, timeLimit: Double?, iterationLimit: Int?, messageLevel: MessageLevel) -> Int32 {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel.glpk
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let limit = timeLimit {
            parameters.tm_lim = Int32(min(limit * 1000, Double(Int32.max)).rounded(.up))
        }
        if let limit = iterationLimit { parameters.it_lim = Int32(min(limit, Int(Int32.max))) }
        return glp_simplex(handle, &parameters)
    }

    /// The presolver says only "no dual feasible solution", which means unbounded or infeasible.
    /// The plain simplex tells which.
    private func relaxationStatusWithoutPresolve() -> SolveStatus {
        _ = simplex(presolve: false, timeLimit: nil, iterationLimit: nil, messageLevel: .off)
        return glp_get_prim_stat(handle) == GLP_NOFEAS ? .infeasible : .unbounded
    }
}

/// What the branch-and-bound callback keeps between calls: the bound, the time, why it stopped.
final class SearchMonitor {
    let options: MIPOptions
    let clock: ContinuousClock
    let start: ContinuousClock.Instant
    let direction: Direction
    var bound: Double?
    var stopReason: StopReason?
    /// The incumbent reached `MIPOptions.provenBound`: it is optimal.
    var reachedProvenBound = false
    private var lastReport: Double = -.infinity
    private var lastIncumbent: Double?
    private var startGiven = false

    init(options: MIPOptions, clock: ContinuousClock, start: ContinuousClock.Instant, direction: Direction) {
        self.options = options
        self.clock = clock
        self.start = start
        self.direction = direction
    }

    func visit(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, !startGiven, let start = options.start {
            startGiven = true
            // GLPK reads the array from position 1; it checks feasibility itself and ignores a bad start.
            _ = ([0] + start).withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
        }
        guard reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IHEUR || reason == GLP_IPREPRO
        else { return }
        let elapsed = (clock.now - start).seconds
        let best = glp_ios_best_node(tree)
        if best != 0 {
            let nodeBound = glp_ios_node_bound(tree, best)
            // GLPK reports ±DBL_MAX for a node whose bound is not known yet.
            if abs(nodeBound) < 1e100 { bound = nodeBound }
        }
        if stopReason == nil, !reachedProvenBound, let proven = options.provenBound {
            let problem = glp_ios_get_prob(tree)
            let status = glp_mip_status(problem)
            if status == GLP_FEAS || status == GLP_OPT {
                let incumbent = glp_mip_obj_val(problem)
                if direction == .minimize ? incumbent <= proven + 1e-9 : incumbent >= proven - 1e-9 {
                    reachedProvenBound = true
                    glp_ios_terminate(tree)
                }
            }
        }
        if stopReason == nil, !reachedProvenBound {
            if let token = options.stopToken, token.isStopped {
                stopReason = .stopped
            } else if let limit = options.timeLimit, elapsed >= limit {
                stopReason = .timeLimit
            } else if let limit = options.nodeLimit {
                var total: Int32 = 0
                glp_ios_tree_size(tree, nil, nil, &total)
                if Int(total) > limit { stopReason = .nodeLimit }
            }
            if stopReason != nil { glp_ios_terminate(tree) }
        }
        guard let progress = options.progress else { return }
        // GLPK's rounding heuristic records incumbents without a GLP_IBINGO call, so compare instead.
        let problem = glp_ios_get_prob(tree)
        let status = glp_mip_status(problem)
        let incumbent = (status == GLP_FEAS || status == GLP_OPT) ? glp_mip_obj_val(problem) : nil
        let improved = incumbent != nil && incumbent != lastIncumbent
        guard improved || elapsed - lastReport >= options.progressInterval else { return }
        lastReport = elapsed
        lastIncumbent = incumbent
        var active: Int32 = 0
        glp_ios_tree_size(tree, &active, nil, nil)
        let gap = incumbent.flatMap { i in bound.map { relativeGap(i, $0) } }
        progress(SearchProgress(
            elapsed: elapsed, incumbent: incumbent, bound: bound, gap: gap,
            activeNodes: Int(active), improved: improved))
    }
}

private func searchCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    Unmanaged<SearchMonitor>.fromOpaque(info).takeUnretainedValue().visit(tree)
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
