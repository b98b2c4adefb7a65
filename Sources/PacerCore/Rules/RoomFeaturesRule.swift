/// **A session's room has every feature its objective needs** (a lab, a projector).
///
/// The rule holds by construction: engines make no session in a room it does not permit (the
/// neighbourhood models group rooms into classes of equal features and seats, so a class is suitable when
/// its features are). The elastic model lets a room without them be "equipped" at a cost, to say
/// what would serve a blocked student. `PlanVerifier` keeps its own check (`room-features`).
struct RoomFeaturesRule: PlanRule {
    static let name = RuleName("room-features")
    static let answers: RuleQuestions = .permitsRoom
    private let school: SchoolIndex

    init?(school: SchoolIndex) { self.school = school }

    func refusal(of side: RuleSide, _ objective: Objective) -> String {
        "lacks \(objective.needs.map(\.rawValue).joined(separator: " and "))"
    }

    func relaxations(room r: Int, hosting objective: Objective, in b: Int) -> [ElasticModel.Fact]? { [.equip(school.rooms[r].id, objective.id)] }

    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool { school.rooms[r].suits(objective) }

    /// Whether rooms with `features` suit `objective`.
    static func suits(_ features: [Feature], _ objective: Objective) -> Bool { objective.needs.allSatisfy(features.contains) }
}

extension Room {
    /// Whether this room has every feature `objective` needs.
    func suits(_ objective: Objective) -> Bool { RoomFeaturesRule.suits(features, objective) }
}
