/// A whole-number limit a hard rule reads from the scenario's `policy:` (such as
/// `max_workshops_per_day`). A rule declares its own (`PlanRule.settings`); the scenario reader
/// accepts and checks every setting the catalogue's rules declare, so a rule with a setting is
/// still one file.
public struct RuleSetting: Hashable, Sendable {
    /// The key under `policy:` in scenario.yaml.
    public let key: String
    /// The values allowed; anything else is an error when the scenario is read.
    public let range: ClosedRange<Int>

    init(_ key: String, range: ClosedRange<Int>) {
        self.key = key
        self.range = range
    }
}

extension Policy {
    /// The value the scenario gives `setting`, nil when it gives none (the rule then does not bind).
    public func limit(_ setting: RuleSetting) -> Int? { limits[setting] }
}

extension RuleCatalogue {
    /// Every setting the catalogue's rules declare, in the catalogue's order.
    static var settings: [RuleSetting] { families.flatMap { $0.settings } }
}
