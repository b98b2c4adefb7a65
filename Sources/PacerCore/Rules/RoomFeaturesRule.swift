/// **A session's room has every feature its objective needs** (a lab, a projector).
///
/// The rule enters the models by construction: only suitable rooms make candidate sessions (the
/// block models group rooms into classes of equal features and seats, and a class is suitable
/// when its features are). The elastic model lets a room without them be "equipped" at a cost, to
/// say what would serve a blocked student. `PlanVerifier` keeps its own check (`room-features`).
enum RoomFeaturesRule {
    /// Whether rooms with `features` suit `objective`.
    static func suits(_ features: [Feature], _ objective: Objective) -> Bool { objective.needs.allSatisfy(features.contains) }
}

extension Room {
    /// Whether this room has every feature `objective` needs.
    func suits(_ objective: Objective) -> Bool { RoomFeaturesRule.suits(features, objective) }
}
