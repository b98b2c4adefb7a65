/// The registry of hard rules: every engine walks this list, so a rule added here (its own file,
/// conforming to `PlanRule`, and its line below) is obeyed by the greedy construction, local search,
/// the still-holding sessions of a regrouped day, the unserved reasons, the reference model and
/// the neighbourhood models without touching any of them. docs/model.md ("How to add a rule") walks
/// through one.
struct RuleCatalogue: Sendable {
    static let families: [any PlanRule.Type] = [
        AvailabilityRule.self,
        StudyRoomRule.self,
        QualificationRule.self,
        RoomFeaturesRule.self,
        GroupSizeRule.self,
        OnePlacePerBlockRule.self,
        SubjectOncePerDayRule.self,
        TeacherDayRule.self,
        TeacherRunRule.self,
        KeepApartRule.self,
        WorkshopsPerDayRule.self,
        IndependentStudyRule.self,
    ]

    let school: SchoolIndex
    let rules: [any PlanRule]
    /// The rules that answer each question, so the engines' inner loops ask only those.
    private let permitsTeacher: [any PlanRule], permitsRoom: [any PlanRule], permitsStudent: [any PlanRule]
    private let allowsTeacher: [any PlanRule], allowsRoom: [any PlanRule], allowsStudent: [any PlanRule], allowsJoining: [any PlanRule]

    init(_ scenario: Scenario) { self.init(SchoolIndex(scenario)) }

    init(_ school: SchoolIndex) {
        self.school = school
        let rules = Self.families.compactMap { $0.init(school: school) }
        self.rules = rules
        func answering(_ question: RuleQuestions) -> [any PlanRule] { rules.filter { type(of: $0).answers.contains(question) } }
        permitsTeacher = answering(.permitsTeacher)
        permitsRoom = answering(.permitsRoom)
        permitsStudent = answering(.permitsStudent)
        allowsTeacher = answering(.allowsTeacher)
        allowsRoom = answering(.allowsRoom)
        allowsStudent = answering(.allowsStudent)
        allowsJoining = answering(.allowsJoining)
    }

    /// An empty plan of this school.
    var emptyPlan: Occupancy { Occupancy(school) }

    func permits(teacher t: Int, running objective: Objective, in b: Int) -> Bool {
        permitsTeacher.allSatisfy { $0.permits(teacher: t, running: objective, in: b) }
    }

    func permits(room r: Int, hosting objective: Objective, in b: Int) -> Bool {
        permitsRoom.allSatisfy { $0.permits(room: r, hosting: objective, in: b) }
    }

    func permits(student s: Int, attending objective: Objective, in b: Int) -> Bool {
        permitsStudent.allSatisfy { $0.permits(student: s, attending: objective, in: b) }
    }

    /// Only the rules that depend on the plan: engines that asked `permits` already.
    func allows(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        allowsTeacher.allSatisfy { $0.allows(teacher: t, running: objective, in: b, plan) }
    }

    func allows(room r: Int, hosting objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        allowsRoom.allSatisfy { $0.allows(room: r, hosting: objective, in: b, plan) }
    }

    func allows(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        allowsStudent.allSatisfy { $0.allows(student: s, attending: objective, in: b, plan) }
    }

    func allows(student s: Int, joining members: [Int]) -> Bool {
        allowsJoining.allSatisfy { $0.allows(student: s, joining: members) }
    }

    /// `permits` and `allows` together: whether the teacher may run the objective in the block of this plan.
    func admits(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        permits(teacher: t, running: objective, in: b) && allows(teacher: t, running: objective, in: b, plan)
    }

    func admits(room r: Int, hosting objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        permits(room: r, hosting: objective, in: b) && allows(room: r, hosting: objective, in: b, plan)
    }

    func admits(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Bool {
        permits(student: s, attending: objective, in: b) && allows(student: s, attending: objective, in: b, plan)
    }

    /// Every rule's rows, in the catalogue's order.
    func addRows(to model: inout RuleModel) throws {
        for rule in rules { try rule.addRows(to: &model) }
    }

    /// Every rule's rows over counts (the lower bound's model), in the catalogue's order.
    func addCountedRows(to model: CountedModel) throws {
        for rule in rules { try rule.addCountedRows(to: model) }
    }
}
