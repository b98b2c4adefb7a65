/// The one place where Swift's `Int` crosses into GLPK's `Int32`.
///
/// GLPK indices are 1-based `int`s; the wrapper's public indices are 0-based `Int`s.
enum CheckedInt {
    /// Converts a count or a 1-based GLPK index to `Int32`, throwing instead of trapping on overflow.
    static func int32(_ value: Int, _ what: String) throws -> Int32 {
        guard let converted = Int32(exactly: value) else { throw GLPKError.tooLarge(what: what, value: value) }
        return converted
    }
}
