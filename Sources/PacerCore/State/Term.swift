/// The term's workflows that change its state, one path each, used as they are by the command
/// line and the portal: a rule for publishing lives here and in no front end.
public struct Term: Sendable {
    public let scenario: Scenario
    public let store: StateStore

    public init(scenario: Scenario, store: StateStore) {
        self.scenario = scenario
        self.store = store
    }

    /// Why a plan was not published; each front end words `breaksRules` for its reader.
    public enum PublishRefusal: Error, Equatable, CustomStringConvertible {
        /// Against the state as it is now, the plan breaks these rules (checks or absences recorded
        /// since it was made, or a plan that was never sound).
        case breaksRules([PlanVerifier.Violation])
        /// A week plan made for one week, given another.
        case otherWeek(given: SchoolDate, planned: String)
        /// A week plan that says no week, and none given.
        case noWeek
        /// The date is no school day (a day plan) or no week's first day (a week plan).
        case badDate(String)

        public var description: String {
            switch self {
            case let .breaksRules(violations): return "the plan breaks \(violations.count) rule(s); nothing published"
            case let .otherWeek(given, planned):
                return "--week-of \(given) differs from the week the plan was planned for (\(planned)); leave --week-of out, or plan that week"
            case .noWeek: return "a week plan needs --week-of"
            case let .badDate(problem): return problem
            }
        }
    }

    /// Publishes `plan`: checked first against the state as it is now (it must break no rule),
    /// dated (a day plan carries its own date; a week plan is published for the week it was
    /// planned for, or `weekOf` when it says none), the history of students new to the state
    /// started, then stored with its attendance. Returns the plan's id and its first date.
    public func publish(_ plan: WeekPlan, weekOf given: SchoolDate?) throws -> (id: Int64, start: SchoolDate) {
        let violations = try PlanVerifier.checking(plan, scenario: scenario).violations(of: plan)
        guard violations.isEmpty else { throw PublishRefusal.breaksRules(violations) }
        if plan.header.kind == .week, let given, let own = plan.header.date, given.text != own {
            throw PublishRefusal.otherWeek(given: given, planned: own)
        }
        guard let start = given ?? plan.header.date.flatMap(SchoolDate.init) else { throw PublishRefusal.noWeek }
        if plan.header.kind == .day {
            if let problem = scenario.calendar.schoolDayProblem(start) { throw PublishRefusal.badDate(problem) }
        } else if let problem = scenario.calendar.weekStartProblem(start) {
            throw PublishRefusal.badDate("--week-of " + problem)
        }
        try seed(on: start)
        return (try store.publish(plan, scenario: scenario, weekOf: start), start)
    }
}
