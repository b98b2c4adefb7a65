import ArgumentParser
import PacerCore

/// The one place the numeric options of every command are checked, so each gets the same clear
/// error instead of a trap, a hang or a silent cap: the commands' `validate()` call these.
/// Whole numbers beyond Int's range (2^63 and up) and negative seeds are refused by the parser.
enum NumericOption {
    /// A time limit: a positive, finite number of seconds, at most a week.
    static func seconds(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0, value <= PlanOptions.maximumTimeLimit else {
            throw ValidationError("\(name) must be a number of seconds above 0 and at most \(Int(PlanOptions.maximumTimeLimit)) (a week), got \(value)")
        }
    }

    /// A node limit: 1 to a billion branch-and-bound nodes.
    static func nodes(_ value: Int, _ name: String = "--node-limit") throws {
        try count(value, name, 1...PlanOptions.maximumNodeLimit)
    }

    /// A fraction from 0 to 1 (a gap).
    static func fraction(_ value: Double, _ name: String) throws {
        guard value.isFinite, (0...1).contains(value) else {
            throw ValidationError("\(name) must be a fraction from 0 to 1, got \(value)")
        }
    }

    /// A number as people write it in decimal (`60`, `2.5`, `-1`, `1e3`), read for the options that
    /// take seconds or fractions: Swift's own reading also takes hexadecimal (`0x10` is 16) and
    /// `nan` or `inf`, which nobody means. The range is each option's `validate()`'s to check.
    static func decimal(_ text: String) throws -> Double {
        let decimal = /[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/
        guard (try? decimal.wholeMatch(in: text)) != nil, let value = Double(text) else {
            throw ValidationError("'\(text)' is not a number: write it in decimal, such as 60 or 2.5")
        }
        return value
    }

    /// A whole number in `range`.
    static func count(_ value: Int, _ name: String, _ range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }
}

/// Help shared by the commands that plan.
enum SearchHelp {
    static let work = ArgumentHelp(
        "The search's work, in seconds of the reference 2-core machine (default: the time limit).",
        discussion: "The search is counted in work, not in seconds, so the same input and work give the same plan on any machine, busy or not. --time-limit stays as a safety net: a plan it cut short says 'stopped by the clock'. On a slower machine, or beside other work, give a longer --time-limit with the same --work to get the same plan. The lower bound's opening search comes on top (about 5 s), and large schools' bounds take more of the work (the high school's, half a minute's).")
}
