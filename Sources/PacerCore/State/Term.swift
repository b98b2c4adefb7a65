import GRDB

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
        /// A regrouped day whose date had another plan published since it was regrouped: it
        /// starts from sessions that are no longer the day's.
        case publishedSince(SchoolDate)
        /// A week plan made for one week, given another.
        case otherWeek(given: SchoolDate, planned: String)
        /// A week plan that says no week, and none given.
        case noWeek
        /// The date is no school day (a day plan) or no week's first day (a week plan).
        case badDate(String)

        public var description: String {
            switch self {
            case let .breaksRules(violations): return "the plan breaks \(violations.count) rule(s); nothing published"
            case let .publishedSince(date):
                return "another plan was published for \(date) since this one was regrouped; regroup the day again, then publish"
            case let .otherWeek(given, planned):
                return "--week-of \(given) differs from the week the plan was planned for (\(planned)); leave --week-of out, or plan that week"
            case .noWeek: return "a week plan needs --week-of"
            case let .badDate(problem): return problem
            }
        }
    }

    /// Publishes `plan`, in one transaction: checked first against the state as it is in that
    /// transaction (a regrouped day must start from the sessions published for its date now,
    /// unless it is what is published there, and it must break no rule), dated (a day plan carries its
    /// own date; a week plan is published for the week it was planned for, or `weekOf` when it
    /// says none), the history of students new to the state started, then stored with its
    /// attendance. A check recorded or another plan published meanwhile waits for the transaction,
    /// so what was checked is what is published on. Returns the plan's id and its first date.
    public func publish(_ plan: WeekPlan, weekOf given: SchoolDate?) throws -> (id: Int64, start: SchoolDate) {
        try publish(plan, weekOf: given, checked: {})
    }

    /// `publish(_:weekOf:)`, running `checked` once the plan is checked, before it is written, in
    /// the same transaction: a test's stand-in for another writer trying to come in between.
    func publish(_ plan: WeekPlan, weekOf given: SchoolDate?, checked: () throws -> Void) throws -> (id: Int64, start: SchoolDate) {
        let json = try PlanFile.encode(plan)
        return try store.write { db in
            let (verifier, inForce) = try Self.verifier(for: plan, scenario: scenario, db)
            // A day regrouped from sessions no longer the day's is refused whatever its rules.
            if let from = plan.published, let inForce, let date = plan.header.date.flatMap(SchoolDate.init),
               inForce != from, inForce != plan.sessions {
                throw PublishRefusal.publishedSince(date)
            }
            let violations = verifier.violations(of: plan)
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
            try checked()
            try Self.seed(scenario, on: start, db)
            return (try StateStore.publish(plan, json: json, scenario: scenario, weekOf: start, db), start)
        }
    }

    /// The verifier of `plan` against the state as the caller's transaction reads it: a week plan
    /// from students.csv against the scenario; a week planned from the state, and a regrouped day,
    /// against the state (the day as it stood when the plan was made: the plan says which published
    /// sessions it started from). `publish` reads them where the plan is then written, and
    /// `pacer verify` through `violations(of:scenario:)`. For a regrouped day, also the sessions
    /// published for its date now.
    /// `pacer verify`: what `plan` breaks, checked as `publish` checks it (a week plan from
    /// students.csv needs no state; one planned from the state, and a regrouped day, are checked
    /// against the scenario's state). The checks are the verifier's own.
    public static func violations(of plan: WeekPlan, scenario: Scenario) throws -> [PlanVerifier.Violation] {
        guard plan.header.kind == .day || plan.header.fromState == true else { return PlanVerifier(scenario: scenario).violations(of: plan) }
        return try StateStore.existing(for: scenario).read { db in try verifier(for: plan, scenario: scenario, db).0.violations(of: plan) }
    }

    static func verifier(for plan: WeekPlan, scenario: Scenario, _ db: Database) throws -> (PlanVerifier, inForce: [PlannedSession]?) {
        if plan.header.kind == .week, plan.header.fromState == true, let weekOf = plan.header.date.flatMap(SchoolDate.init) {
            return (PlanVerifier(context: try StateStore.weekContext(db, scenario: scenario, weekOf: weekOf)), nil)
        }
        guard plan.header.kind == .day, let date = plan.header.date.flatMap(SchoolDate.init) else {
            return (PlanVerifier(scenario: scenario), nil)
        }
        var context = try StateStore.dayContext(db, scenario: scenario, date: date)
        let inForce = context.published
        if let published = plan.published { context.published = published }
        return (PlanVerifier(context: context), inForce)
    }
}
