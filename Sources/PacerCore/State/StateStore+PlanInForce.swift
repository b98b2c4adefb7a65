import GRDB

/// The published plan that holds for one date: the latest publication that covers it (a
/// regrouped day plan replaces the week's plan for its own date).
public struct PlanInForce: Sendable {
    public let id: Int64
    public let plan: WeekPlan
    /// The calendar's day the date falls on in that plan.
    public let day: DayID
    /// The date the plan was published for: the week's first day, or the day plan's date.
    public let weekOf: SchoolDate
    /// The date asked for.
    public let date: SchoolDate
    /// The scenario's holidays and the state's closures, as the plan's sessions are shown with.
    public let closedDates: ClosedDates

    /// `date` defaults to `weekOf` and `closedDates` to none: a plan in force with no closure.
    init(id: Int64, plan: WeekPlan, day: DayID, weekOf: SchoolDate, date: SchoolDate? = nil,
         closedDates: ClosedDates = ClosedDates(term: nil, closures: [])) {
        self.id = id
        self.plan = plan
        self.day = day
        self.weekOf = weekOf
        self.date = date ?? weekOf
        self.closedDates = closedDates
    }

    /// The plan's sessions on the date, cancelled ones (on a closed date or period) included.
    public var sessions: [PlannedSession] { plan.sessions.filter { $0.day == day } }

    /// The closure that cancels what the plan holds in `block` on the date, or nil.
    public func closure(_ block: BlockID, in scenario: Scenario) -> Closure? {
        guard let period = scenario.calendar.block(block)?.period else { return nil }
        return closedDates.closure(on: date, period: period)
    }

    /// What the exports take: the whole published plan, or only the date's day.
    public func exportContext(_ scenario: Scenario, onlyTheDay: Bool, filter: ExportFilter? = nil) -> ExportContext {
        ExportContext(scenario: scenario, plan: plan, weekOf: weekOf, filter: filter, day: onlyTheDay ? day : nil, closedDates: closedDates)
    }
}

extension StateStore {
    /// The plan in force on `date`, or nil when nothing published covers it.
    public func planInForce(_ scenario: Scenario, on date: SchoolDate) throws -> PlanInForce? {
        try read { db in try planInForce(db, scenario: scenario, on: date) }
    }

    func planInForce(_ db: Database, scenario: Scenario, on date: SchoolDate) throws -> PlanInForce? {
        guard let found = try Self.publication(db, scenario: scenario, on: date, plan: { try publishedPlan(db, $0) }) else { return nil }
        return PlanInForce(id: found.id, plan: found.plan, day: found.day, weekOf: found.weekOf, date: date,
                           closedDates: try Self.closedDates(db, scenario: scenario))
    }

    /// The one home of which publication is in force on `date`: the latest one covering it (a
    /// regrouped day's plan, or the week's), with the day it plans and its week's first date.
    /// `plan` decodes a publication by id (each caller keeps its own cache).
    static func publication(_ db: Database, scenario: Scenario, on date: SchoolDate, plan: (Int64) throws -> WeekPlan?) throws
        -> (id: Int64, plan: WeekPlan, day: DayID, weekOf: SchoolDate)? {
        let rows = try Row.fetchAll(db, sql: "SELECT id, kind, first_date FROM plan WHERE first_date <= ? ORDER BY id DESC",
                                    arguments: [date.text])
        for row in rows {
            guard let first = SchoolDate(row["first_date"]) else { continue }
            let id: Int64 = row["id"]
            if row["kind"] as String == PlanKind.day.rawValue {
                guard first == date, let found = try plan(id), let day = found.days.first?.day else { continue }
                return (id, found, day, date)
            }
            guard let day = scenario.calendar.day(on: date, weekOf: first) else { continue }
            guard let found = try plan(id), found.days.contains(where: { $0.day == day.id }) else { continue }
            return (id, found, day.id, first)
        }
        return nil
    }

    /// Who is recorded away in which blocks on `date`, the plan in force's day.
    func absentBlocks(_ db: Database, scenario: Scenario, in inForce: PlanInForce, on date: SchoolDate) throws -> Absences {
        try Self.absentBlocks(db, scenario: scenario, dates: scenario.calendar.days.filter { $0.id == inForce.day }.map { (date, $0) })
    }

    /// A published plan by id, decoded once per store while it is among the latest decoded: a term
    /// (or a forecast) publishes hundreds, and only the latest are in force (a high school's plan
    /// decoded takes a few megabytes).
    func publishedPlan(_ db: Database, _ id: Int64) throws -> WeekPlan? {
        if let cached = publishedPlans.withLock({ $0[id] }) { return cached }
        guard let json = try String.fetchOne(db, sql: "SELECT plan_json FROM plan WHERE id = ?", arguments: [id]),
              let plan = try? PlanFile.decode(json) else { return nil }
        publishedPlans.withLock { plans in
            if plans.count >= Self.decodedPlansKept {
                for old in plans.keys.sorted().prefix(Self.decodedPlansKept / 2) { plans[old] = nil }
            }
            plans[id] = plan
        }
        return plan
    }

    /// How many decoded plans a store keeps at most (the older half goes when it is full).
    static let decodedPlansKept = 12
}
