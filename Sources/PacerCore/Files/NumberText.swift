import Foundation

/// How figures are written for people.
public enum NumberText {
    /// A whole number without decimals (`14125`), anything else with two (`12.50`); never traps,
    /// whatever the value (a huge or infinite one is written by `String(format:)`).
    public static func points(_ x: Double) -> String {
        if x.isFinite, abs(x) < 1e15, x == x.rounded() { return String(Int64(x)) }
        return String(format: "%.2f", x)
    }
}
