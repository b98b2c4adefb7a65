/// A hard rule's name, as plan files, unserved reasons and explanations carry it
/// (`subject-once-per-day`). Each rule's file declares its own (`PlanRule.name`).
public struct RuleName: RawRepresentable, Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: RuleName, b: RuleName) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Who a rule keeps out of a session: its teacher, its room or a student.
public enum RuleSide: Sendable {
    case teacher, room, student
}

/// The rules that kept one side out of the sessions a student could have had, with the words each
/// rule's own file writes (`PlanRule.refusal(of:_:)`), in the catalogue's order.
struct RuleRefusals: Sendable {
    let names: [RuleName]
    let words: [String]

    static let none = RuleRefusals(names: [], words: [])

    /// "unavailable; already placed", or "" when no rule refused.
    var phrase: String { words.joined(separator: "; ") }
}
