/// The `forecast:` part of scenario.yaml.
public struct ForecastSettings: Sendable, Equatable {
    /// Chance that one workshop brings a student of pace 1 to mastery, when an objective or its
    /// subject's defaults do not say (`mastery_chance`).
    public static let defaultMasteryChance = 0.3
    /// Objectives a student should master per week, across subjects; students below it are "behind".
    public var targetPace = 1.0
    public init() {}
}
