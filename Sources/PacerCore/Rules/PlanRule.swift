/// One hard rule of the rule catalogue, with what every engine needs from it. A rule answers only
/// the questions it has something to say about; the others default to "allowed" and "no rows".
///
/// - `permits…`: whether a teacher, room or student may take part in a session of an objective in
///   a flex block in any plan (availability, qualification, room features). Engines ask these once
///   to build their candidates.
/// - `allows…`: the same in a plan as it stands (`Occupancy`): one place per block, a teacher's
///   day, a subject once a day. Construction, local search, the published sessions that still hold
///   on a regrouped day and the unserved reasons ask these.
/// - `allows(student:joining:)`: whether a student may be in one group with these students.
/// - `addRows(to:)`: the rows the rule adds to a GLPK model over candidate sessions (`RuleModel`),
///   written once for the reference model, the neighbourhood models and every later model. A rule that
///   holds "by construction" adds none: the model has no column that breaks it, because the
///   engine asked `permits…` and `allows…` before making the column.
/// - `name` and `refusal(of:_:)`: the rule's name and, when it keeps a teacher, a room or a
///   student out of a session, why in a few words of its own. The unserved reasons ask the
///   catalogue which rules refused (`RuleCatalogue.refusals`) and say it in these words.
/// - `addCountedRows(to:)`: what the rule says about counts of students and rooms (`CountedModel`),
///   for the lower bound. Saying nothing is allowed: the bound stays valid, only weaker.
///
/// Positions (`t`, `r`, `s`, `b`) index `SchoolIndex`'s teachers, rooms, students and flex blocks.
/// `pacer verify` does not use the catalogue: it is the second opinion (see PlanVerifier.swift).
protocol PlanRule: Sendable {
    /// The rule for one school, or nil when it cannot bind there (no pair to keep apart, no limit set).
    init?(school: SchoolIndex)

    /// The rule's name in plan files and explanations (`subject-once-per-day`).
    static var name: RuleName { get }

    /// The limits the rule reads from `policy:` (none by default).
    static var settings: [RuleSetting] { get }

    /// Why the rule keeps `side` out of a session of `objective`, in a few words that complete
    /// "cannot join in any flex block: …" ("already has MATH that day"). Asked only for a side
    /// whose questions the rule answers.
    func refusal(of side: RuleSide, _ objective: Objective) -> String

    /// For a rule that refuses in `permits…`: the changes that would lift its refusal of the
    /// teacher (room) for a session of `objective` in block `b`, which the elastic explanation
    /// prices; `[]` when the elastic model's own rows cover it (the group sizes), nil when nothing
    /// can (the elastic model then makes no such session). Asked only when the rule refuses.
    func relaxations(teacher t: Int, running objective: Objective, in b: Int) -> [ElasticModel.Fact]?
    func relaxations(room r: Int, hosting objective: Objective, in b: Int) -> [ElasticModel.Fact]?

    /// The questions this rule answers; the catalogue asks it only those. The default is all of
    /// them, which is always correct: naming fewer only saves time in the engines' inner loops.
    static var answers: RuleQuestions { get }

    func permits(teacher t: Int, running objective: Objective, in b: Int) -> Bool
    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool
    func permits(student s: Int, attending objective: Objective, in b: Int) -> Bool

    func allows(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool
    func allows(room r: Int, hosting objective: Objective, in b: Int, _ plan: Occupancy) -> Bool
    func allows(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool
    func allows(student s: Int, joining members: [Int]) -> Bool

    func addRows(to model: inout RuleModel) throws
    func addCountedRows(to model: CountedModel) throws
}

/// The per-plan questions a rule may answer (`PlanRule.answers`).
struct RuleQuestions: OptionSet, Sendable {
    let rawValue: Int
    static let permitsTeacher = RuleQuestions(rawValue: 1 << 0)
    static let permitsRoom = RuleQuestions(rawValue: 1 << 1)
    static let permitsStudent = RuleQuestions(rawValue: 1 << 2)
    static let allowsTeacher = RuleQuestions(rawValue: 1 << 3)
    static let allowsRoom = RuleQuestions(rawValue: 1 << 4)
    static let allowsStudent = RuleQuestions(rawValue: 1 << 5)
    static let allowsJoining = RuleQuestions(rawValue: 1 << 6)
    static let all: RuleQuestions = [.permitsTeacher, .permitsRoom, .permitsStudent, .allowsTeacher, .allowsRoom, .allowsStudent, .allowsJoining]
}

extension PlanRule {
    static var answers: RuleQuestions { .all }
    static var settings: [RuleSetting] { [] }
    func refusal(of side: RuleSide, _ objective: Objective) -> String { "refused by \(Self.name)" }
    func relaxations(teacher t: Int, running objective: Objective, in b: Int) -> [ElasticModel.Fact]? { nil }
    func relaxations(room r: Int, hosting objective: Objective, in b: Int) -> [ElasticModel.Fact]? { nil }
    func permits(teacher t: Int, running objective: Objective, in b: Int) -> Bool { true }
    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool { true }
    func permits(student s: Int, attending objective: Objective, in b: Int) -> Bool { true }
    func allows(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool { true }
    func allows(room r: Int, hosting objective: Objective, in b: Int, _ plan: Occupancy) -> Bool { true }
    func allows(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool { true }
    func allows(student s: Int, joining members: [Int]) -> Bool { true }
    func addRows(to model: inout RuleModel) throws {}
    func addCountedRows(to model: CountedModel) throws {}
}
