import Tagged

/// One thing to master, such as `MATH-7.RP.2`.
public struct Objective: Hashable, Sendable {
    public let id: ObjectiveID
    public let subject: SubjectID
    public let title: String
    /// How many workshops a week a student on this objective should get.
    public let workshopsPerWeek: Int
    /// Smallest and largest group a session on this objective may have.
    public let minGroup: Int
    public let maxGroup: Int
    /// Room features a session on this objective needs, sorted.
    public let needs: [Feature]
    /// For forecasts: the chance that one workshop brings a student (of pace 1) to mastery.
    public var masteryChance: Double = ForecastSettings.defaultMasteryChance
    /// Objectives of the same subject that must be mastered first, in file order.
    public internal(set) var prerequisites: [ObjectiveID]
}

/// A subject and its progression: the ordered objectives, with prerequisites (a chain or a small DAG).
public struct Subject: Hashable, Sendable {
    public let id: SubjectID
    public let name: String
    /// The progression, in the order the file gives (which is also a valid order to master them in).
    public let objectives: [Objective]
}
