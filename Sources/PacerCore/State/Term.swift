import Foundation
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
        /// A week plan made from students.csv, where the term started, for a week whose state has
        /// moved on from it: what differs, in plain words. Only a plan from the state will do.
        case madeFromStudentsCSV(differences: [String], weekOf: SchoolDate)
        /// A week plan made from the state, which has changed since: what was recorded since, in
        /// plain words. Plan again, or publish with `despiteChanges`.
        case stateChanged(changes: [String], weekOf: SchoolDate)
        /// A week plan with sessions on dates or periods that are closed (a plan made without the
        /// closures, such as one from students.csv): the closures, in plain words.
        case onClosedDates(closures: [String], weekOf: SchoolDate)

        public var description: String {
            switch self {
            case let .breaksRules(violations): return "the plan breaks \(violations.count) rule(s); nothing published"
            case let .publishedSince(date):
                return "another plan was published for \(date) since this one was regrouped; regroup the day again, then publish"
            case let .otherWeek(given, planned):
                return "--week-of \(given) differs from the week the plan was planned for (\(planned)); leave --week-of out, or plan that week"
            case .noWeek: return "a week plan needs --week-of"
            case let .badDate(problem): return problem
            case let .madeFromStudentsCSV(differences, weekOf):
                return "this week plan was made from students.csv, where the term started, and the term has moved on since: "
                    + differences.joined(separator: "; ")
                    + ". Make the week's plan from the term's state: pacer plan SCENARIO --week-of \(weekOf); nothing published"
            case let .stateChanged(changes, weekOf):
                return "the term's state has changed since this plan was made: " + changes.joined(separator: "; ")
                    + ". Plan the week again (pacer plan SCENARIO --week-of \(weekOf)), or publish this plan as it is with "
                    + "--despite-changes and regroup the days it touches; nothing published"
            case let .onClosedDates(closures, weekOf):
                return "the plan has sessions on closed dates: " + closures.joined(separator: "; ")
                    + ". Plan the week again (pacer plan SCENARIO --week-of \(weekOf)), which plans nothing there, or publish it with "
                    + "--despite-changes (those sessions show as cancelled); nothing published"
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
    ///
    /// A week plan must be current: one made from students.csv is refused once the week's state
    /// differs from it (`madeFromStudentsCSV`), and one made from the state is refused when the
    /// state of its week has changed since it was made (`stateChanged`, naming the checks and
    /// absences recorded since) unless `despiteChanges`: then it is checked against the state it
    /// was made from and published as it is.
    public func publish(_ plan: WeekPlan, weekOf given: SchoolDate?, despiteChanges: Bool = false) throws -> (id: Int64, start: SchoolDate) {
        try publish(plan, weekOf: given, despiteChanges: despiteChanges, checked: {})
    }

    /// `publish(_:weekOf:)`, running `checked` once the plan is checked, before it is written, in
    /// the same transaction: a test's stand-in for another writer trying to come in between.
    func publish(_ plan: WeekPlan, weekOf given: SchoolDate?, despiteChanges: Bool = false,
                 checked: () throws -> Void) throws -> (id: Int64, start: SchoolDate) {
        let json = try PlanFile.encode(plan)
        return try store.write { db in
            let (verifier, inForce) = try Self.verifier(for: plan, scenario: scenario, store: store, db)
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
            if plan.header.kind == .week {
                switch try Self.currency(of: plan, weekOf: start, scenario: scenario, store: store, db) {
                case .current: break
                case let .fromStudentsCSV(differences): throw PublishRefusal.madeFromStudentsCSV(differences: differences, weekOf: start)
                case let .stateChanged(changes):
                    if !despiteChanges { throw PublishRefusal.stateChanged(changes: changes, weekOf: start) }
                }
                let closed = try StateStore.closedDates(db, scenario: scenario).closedBlocks(scenario.calendar.dates(weekOf: start), calendar: scenario.calendar)
                let closures = Set(plan.sessions.compactMap { closed[$0.block] })
                if !closures.isEmpty, !despiteChanges {
                    throw PublishRefusal.onClosedDates(closures: closures.sorted { $0.date < $1.date }.map(\.text), weekOf: start)
                }
            }
            try checked()
            try Self.seed(scenario, on: start, db)
            return (try store.publish(plan, json: json, scenario: scenario, weekOf: start, db), start)
        }
    }

    /// What `pacer verify` says of a plan: the rules it breaks against the state it was made for,
    /// that state in words, and what has changed since (nothing when it is still current).
    public struct Verification: Sendable, Equatable {
        public let violations: [PlanVerifier.Violation]
        /// `students.csv (where the term started), not the term's state`, `the term's state as of when this plan was made for the week of 2026-11-30 (checks up to 17, absences up to 3)`.
        public let against: String
        /// What differs now from what the plan was made from (for a week plan), in plain words.
        public let changes: [String]
    }

    /// Whether a week plan is still the plan of the week's state.
    enum Currency: Equatable {
        case current
        /// Made from students.csv, which the week's state no longer is: how they differ.
        case fromStudentsCSV([String])
        /// Made from the state, which has changed since: what was recorded since.
        case stateChanged([String])
    }

    /// Compares what a week plan was made from with the state of the week of `weekOf` as the
    /// caller's transaction reads it. A plan from students.csv is current while the students the
    /// state knows are on students.csv's objectives and nobody is away (a state not started, or a
    /// term's first week before any check, is students.csv). A plan from the state is current while
    /// the digest it carries is the week's (an older plan without one is taken as current).
    static func currency(of plan: WeekPlan, weekOf: SchoolDate, scenario: Scenario, store: StateStore, _ db: Database) throws -> Currency {
        let now = try store.weekContext(db, scenario: scenario, weekOf: weekOf).scenario
        guard plan.header.fromState == true else {
            let known = Set(try String.fetchAll(db, sql: "SELECT DISTINCT student FROM progression_start").map { StudentID(rawValue: $0) })
            let differences = StateStore.differences(of: scenario, from: now, known: known)
            return differences.isEmpty ? .current : .fromStudentsCSV(differences)
        }
        guard let mark = plan.header.madeFrom, mark.digest != PlanStateMark.digest(of: now) else { return .current }
        let changes = try StateStore.changes(since: mark, db, scenario: scenario, weekOf: weekOf)
        return .stateChanged(changes.isEmpty ? ["a check or absence recorded before it was made has been withdrawn or removed since"] : changes)
    }

    /// `pacer verify`: what `plan` breaks, checked against the state it was made for (a week plan
    /// from students.csv against the scenario; one planned from the state against the state as it
    /// stood then, rebuilt from the checks and absences recorded up to its mark; a regrouped day
    /// against the state of its date, from the sessions it started from), with that state named
    /// and, for a week plan, what changed since. The checks are the verifier's own.
    /// A plan from students.csv says no week: `weekOf` names the week whose state it is compared with.
    public static func verification(of plan: WeekPlan, scenario: Scenario, weekOf: SchoolDate? = nil) throws -> Verification {
        let path = StateStore.path(for: scenario)
        let hasState = FileManager.default.fileExists(atPath: path)
        guard plan.header.kind == .day || plan.header.fromState == true else {
            let violations = PlanVerifier(scenario: scenario).violations(of: plan)
            var changes: [String] = []
            if hasState, let week = weekOf ?? plan.header.date.flatMap(SchoolDate.init) {
                if let store = try? StateStore.existing(for: scenario),
                   case let .fromStudentsCSV(lines)? = try? store.read({ db in try currency(of: plan, weekOf: week, scenario: scenario, store: store, db) }) {
                    changes = lines
                }
            }
            return Verification(violations: violations, against: "students.csv (where the term started), not the term's state", changes: changes)
        }
        let store = try StateStore.existing(for: scenario)
        return try store.read { db in
            let violations = try verifier(for: plan, scenario: scenario, store: store, db).0.violations(of: plan)
            let date = plan.header.date ?? "?"
            guard plan.header.kind == .week else {
                return Verification(violations: violations, against: "the term's state for \(date) as it is now, from the sessions the regroup started from", changes: [])
            }
            guard let mark = plan.header.madeFrom, let week = SchoolDate(date) else {
                return Verification(violations: violations, against: "the term's state for the week of \(date) as it is now (the plan does not say what state it was made from)", changes: [])
            }
            let currency = try currency(of: plan, weekOf: week, scenario: scenario, store: store, db)
            let changes: [String] = if case let .stateChanged(lines) = currency { lines } else { [] }
            return Verification(violations: violations, against: "the term's state as of when this plan was made for the week of \(date) (\(Self.markText(mark)))", changes: changes)
        }
    }

    /// `checks up to 17, absences up to 3`, or `before any check or absence was recorded`: the
    /// state a plan with `mark` was made from.
    static func markText(_ mark: PlanStateMark) -> String {
        let closures = (mark.lastClosure ?? 0) == 0 ? "" : ", closures up to \(mark.lastClosure ?? 0)"
        let roster = (mark.lastRoster ?? 0) == 0 ? "" : ", roster changes up to \(mark.lastRoster ?? 0)"
        if mark.lastCheck == 0 && mark.lastAbsence == 0 && closures.isEmpty && roster.isEmpty { return "before any check or absence was recorded" }
        return "checks up to \(mark.lastCheck == 0 ? "none" : String(mark.lastCheck)), absences up to \(mark.lastAbsence == 0 ? "none" : String(mark.lastAbsence))" + closures + roster
    }

    /// What `plan` breaks, checked as `verification(of:scenario:)` checks it.
    public static func violations(of plan: WeekPlan, scenario: Scenario) throws -> [PlanVerifier.Violation] {
        try verification(of: plan, scenario: scenario).violations
    }

    /// The verifier of `plan` against the state it was made for, as the caller's transaction
    /// reads it: a week plan from students.csv against the scenario; a week planned from the state
    /// against the state as of its mark (the state now, for an older plan without one); a regrouped
    /// day against the state (the day as it stood when the plan was made: the plan says which
    /// published sessions it started from), and also the sessions published for its date now.
    static func verifier(for plan: WeekPlan, scenario: Scenario, store: StateStore, _ db: Database) throws -> (PlanVerifier, inForce: [PlannedSession]?) {
        if plan.header.kind == .week, plan.header.fromState == true, let weekOf = plan.header.date.flatMap(SchoolDate.init) {
            return (PlanVerifier(context: try store.weekContext(db, scenario: scenario, weekOf: weekOf, asOf: plan.header.madeFrom)), nil)
        }
        guard plan.header.kind == .day, let date = plan.header.date.flatMap(SchoolDate.init) else {
            return (PlanVerifier(scenario: scenario), nil)
        }
        // The requests live when the regroup was made (its mark), else, for an older plan, those live now.
        var context = try store.dayContext(db, scenario: scenario, date: date, requestsAsOf: plan.header.madeFrom.map { $0.lastRequest ?? 0 })
        let inForce = context.published
        if let published = plan.published { context.published = published }
        return (PlanVerifier(context: context), inForce)
    }
}
