import CGLPK

extension Problem {
    /// Writes the model in CPLEX LP format, readable by eye and by most solvers.
    ///
    /// GLPK replaces names the format cannot hold with generated ones (`r_1`, `x_1`).
    public func writeLP(to path: String) throws {
        let code = TerminalCapture.run(log: nil) { glp_write_lp(handle, nil, path) }
        guard code == 0 else { throw GLPKError.writeFailed(path: path) }
    }

    /// Writes the model in free MPS format.
    public func writeMPS(to path: String) throws {
        let code = TerminalCapture.run(log: nil) { glp_write_mps(handle, GLP_MPS_FILE, nil, path) }
        guard code == 0 else { throw GLPKError.writeFailed(path: path) }
    }
}
