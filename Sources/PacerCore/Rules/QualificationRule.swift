/// **A teacher runs only objectives they can teach** (`teaches` in scenario.yaml: subjects,
/// objectives or prefixes, resolved when the scenario is read), **and only if they run workshops
/// at all** (`max_sessions_per_day: 0` lists a teacher for what they could teach, but gives them
/// no workshops).
///
/// The rule holds by construction: engines make no session with a teacher it does not permit. The
/// elastic model lets a teacher "teach it" at a cost, to say what would serve a blocked student.
/// `PlanVerifier` keeps its own check (`not-qualified`).
struct QualificationRule: PlanRule {
    static let name = RuleName("qualification")
    static let answers: RuleQuestions = .permitsTeacher
    private let school: SchoolIndex

    init?(school: SchoolIndex) { self.school = school }

    func refusal(of side: RuleSide, _ objective: Objective) -> String { "not qualified to teach it, or runs no workshops" }

    /// "Let them teach it", "let them run workshops", or both.
    func relaxations(teacher t: Int, running objective: Objective, in b: Int) -> [ElasticModel.Fact]? {
        let teacher = school.teachers[t]
        return (teacher.teaches(objective.id) ? [] : [.teach(teacher.id, objective.id)]) + (teacher.runsWorkshops ? [] : [.workshops(teacher.id)])
    }

    func permits(teacher t: Int, running objective: Objective, in b: Int) -> Bool {
        school.teachers[t].mayRun(objective.id)
    }
}

extension Teacher {
    /// Whether the teacher may run workshops on `objective`.
    func teaches(_ objective: ObjectiveID) -> Bool { canTeach.contains(objective) }

    /// Whether the teacher runs workshops at all.
    var runsWorkshops: Bool { maxSessionsPerDay > 0 }

    /// The rule: whether the teacher may run a workshop on `objective` in any block (they teach it
    /// and run workshops).
    func mayRun(_ objective: ObjectiveID) -> Bool { runsWorkshops && teaches(objective) }
}
