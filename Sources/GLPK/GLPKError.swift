/// Every way the GLPK wrapper refuses a call or reports a solver failure.
///
/// The wrapper checks its arguments before they reach GLPK, because GLPK answers bad data with
/// `glp_error`, which aborts the whole process. A caller who passes bad data gets one of these instead.
public enum GLPKError: Error, Equatable, Sendable {
    /// A column index (0-based) that is not in the problem.
    case columnOutOfRange(index: Int, count: Int)
    /// A row index (0-based) that is not in the problem.
    case rowOutOfRange(index: Int, count: Int)
    /// A number that is NaN or infinite where GLPK needs a finite value.
    case notFinite(what: String, value: Double)
    /// Bounds whose lower value exceeds the upper value.
    case invertedBounds(what: String, lower: Double, upper: Double)
    /// The same column appears twice in one row.
    case duplicateEntry(row: String, column: Int)
    /// A name longer than GLPK's limit of 255 bytes, or with control characters.
    case invalidName(String, reason: String)
    /// A count that does not fit GLPK's 32-bit indices.
    case tooLarge(what: String, value: Int)
    /// More rows, columns or nonzeros than GLPK allows (its M_MAX, N_MAX and NNZ_MAX).
    case beyondGLPKLimit(what: String, limit: Int)
    /// A negative time limit or gap, or another option GLPK would reject.
    case invalidOption(name: String, reason: String)
    /// GLPK reported a failure it has no better status for (singular basis, numerical trouble).
    case solverFailed(routine: String, code: Int)
    /// GLPK could not write a model file.
    case writeFailed(path: String)

    public var message: String {
        switch self {
        case let .columnOutOfRange(index, count):
            return "column index \(index) is out of range (the problem has \(count) columns)"
        case let .rowOutOfRange(index, count):
            return "row index \(index) is out of range (the problem has \(count) rows)"
        case let .notFinite(what, value):
            return "\(what) must be a finite number, got \(value)"
        case let .invertedBounds(what, lower, upper):
            return "\(what): lower bound \(lower) is greater than upper bound \(upper)"
        case let .duplicateEntry(row, column):
            return "row '\(row)' names column \(column) more than once"
        case let .invalidName(name, reason):
            return "invalid name '\(name.prefix(40))': \(reason)"
        case let .tooLarge(what, value):
            return "\(what) \(value) exceeds GLPK's limit of \(Int32.max)"
        case let .beyondGLPKLimit(what, limit):
            return "a problem may have at most \(limit) \(what) in GLPK"
        case let .invalidOption(name, reason):
            return "invalid option \(name): \(reason)"
        case let .solverFailed(routine, code):
            return "\(routine) failed with GLPK code \(code) (\(glpkReturnCodeName(code)))"
        case let .writeFailed(path):
            return "GLPK could not write '\(path)'"
        }
    }
}

extension GLPKError: CustomStringConvertible {
    public var description: String { message }
}

/// The symbolic name of a GLPK routine's return code, for messages.
func glpkReturnCodeName(_ code: Int) -> String {
    let names = [
        0x01: "GLP_EBADB: invalid basis", 0x02: "GLP_ESING: singular matrix",
        0x03: "GLP_ECOND: ill-conditioned matrix", 0x04: "GLP_EBOUND: invalid bounds",
        0x05: "GLP_EFAIL: solver failed", 0x06: "GLP_EOBJLL: objective lower limit reached",
        0x07: "GLP_EOBJUL: objective upper limit reached", 0x08: "GLP_EITLIM: iteration limit exceeded",
        0x09: "GLP_ETMLIM: time limit exceeded", 0x0A: "GLP_ENOPFS: no primal feasible solution",
        0x0B: "GLP_ENODFS: no dual feasible solution", 0x0C: "GLP_EROOT: root LP optimum not provided",
        0x0D: "GLP_ESTOP: search terminated by application", 0x0E: "GLP_EMIPGAP: gap tolerance reached",
        0x0F: "GLP_ENOFEAS: no feasible solution", 0x10: "GLP_ENOCVG: no convergence",
        0x11: "GLP_EINSTAB: numerical instability", 0x12: "GLP_EDATA: invalid data",
        0x13: "GLP_ERANGE: result out of range",
    ]
    return names[code] ?? "unknown"
}
