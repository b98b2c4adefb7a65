/// **A room kept for study hosts no workshop** (`workshops: false` on a library or a commons).
///
/// The rule holds by construction: engines make no session in such a room. Nothing the elastic
/// explanation may change lifts it (the school chose it), so it names no relaxation. `PlanVerifier`
/// keeps its own check (`room-unavailable`, "kept for study").
struct StudyRoomRule: PlanRule {
    static let name = RuleName("kept-for-study")
    static let answers: RuleQuestions = .permitsRoom
    private let kept: [Bool]

    init?(school: SchoolIndex) {
        kept = school.rooms.map { !$0.hostsWorkshops }
        guard kept.contains(true) else { return nil }
    }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "kept for study" }

    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool { !kept[r] }
}
