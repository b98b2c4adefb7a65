import CGLPK

/// The bounds of a column or a row: `lower ≤ x ≤ upper`, with either side possibly absent.
public enum Bounds: Equatable, Sendable {
    /// No bound on either side.
    case free
    /// `x ≥ lower`.
    case lower(Double)
    /// `x ≤ upper`.
    case upper(Double)
    /// `lower ≤ x ≤ upper`; equal values make it `fixed`.
    case range(Double, Double)
    /// `x = value`.
    case fixed(Double)

    /// The lower bound, or `nil` when there is none.
    public var lowerValue: Double? {
        switch self {
        case .free, .upper: return nil
        case let .lower(l), let .range(l, _), let .fixed(l): return l
        }
    }

    /// The upper bound, or `nil` when there is none.
    public var upperValue: Double? {
        switch self {
        case .free, .lower: return nil
        case let .upper(u), let .range(_, u), let .fixed(u): return u
        }
    }

    /// Checks the bounds and returns GLPK's type code and the two values to pass.
    func glpk(_ what: String) throws -> (type: Int32, lower: Double, upper: Double) {
        func finite(_ v: Double, _ side: String) throws -> Double {
            guard v.isFinite else { throw GLPKError.notFinite(what: "\(what) \(side) bound", value: v) }
            return v
        }
        switch self {
        case .free:
            return (GLP_FR, 0, 0)
        case let .lower(l):
            return (GLP_LO, try finite(l, "lower"), 0)
        case let .upper(u):
            return (GLP_UP, 0, try finite(u, "upper"))
        case let .fixed(v):
            let v = try finite(v, "fixed")
            return (GLP_FX, v, v)
        case let .range(l, u):
            let l = try finite(l, "lower"), u = try finite(u, "upper")
            guard l <= u else { throw GLPKError.invertedBounds(what: what, lower: l, upper: u) }
            return l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
        }
    }
}
