import Foundation
import GLPK

/// What the planner reports while it works.
public struct PlanProgress: Sendable {
    public var phase: String
    public var elapsed: Double
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
}

/// A plan and how the run went.
public struct PlanResult: Sendable {
    public var plan: WeekPlan
    public var seconds: Double
    public var interrupted: Bool
}

/// Plans a week: a greedy construction (GreedyPlanner) and local search; a proven lower bound from
/// the counted model (LowerBound); GLPK's neighbourhood models (NeighbourhoodImprover); then, when
/// the whole-week reference model is small enough, GLPK solves it from the plan so far as a start. A
/// plan that meets the bound is optimal and ends the search.
public enum Planner {
    /// Largest reference model (in binary columns) the planner hands to GLPK whole. Its root LP
    /// grows steeply with size (measured on generated schools: 3,700 columns 0.7 s, 6,300 columns
    /// 2 s and 7 s for the whole plan, 13,700 columns 16 s), and beyond this the neighbourhood
    /// models and the counted bound do nearly as well far sooner (80 students: 28,281 with a gap
    /// of 0.4 % in 1.6 s, against the optimum 28,180 in 7 s).
    public static let referenceColumnLimit = 5_000

    public static func plan(
        _ scenario: Scenario, options: PlanOptions = PlanOptions(), waitedDays: [StudentID: [SubjectID: Int]] = [:],
        stop: StopToken? = nil, progress: (@Sendable (PlanProgress) -> Void)? = nil,
        log: (@Sendable (String) -> Void)? = nil, startedAt: ContinuousClock.Instant? = nil
    ) throws -> PlanResult {
        try plan(PlanningContext(scenario: scenario, waitedDays: waitedDays), options: options, stop: stop,
                 progress: progress, log: log, startedAt: startedAt)
    }

    /// Plans for a context: a week from the scenario, or a regrouped day (`published` not empty),
    /// which starts from the published sessions that still hold. The time limit counts from
    /// `startedAt` (a command's start, so that reading a large school counts), else from now.
    public static func plan(
        _ context: PlanningContext, options: PlanOptions = PlanOptions(), date: SchoolDate? = nil,
        stop: StopToken? = nil, progress: (@Sendable (PlanProgress) -> Void)? = nil,
        log: (@Sendable (String) -> Void)? = nil, startedAt: ContinuousClock.Instant? = nil
    ) throws -> PlanResult {
        var search = PlanSearch(context, options: options, stop: stop, progress: progress, startedAt: startedAt)
        search.constructAndImproveLocally()
        if options.budget == nil { try search.proveLowerBound() }
        if !search.meetsBound, !search.isStopped, options.budget.map({ $0.neighbourhoodWork > 0 }) ?? true {
            try search.improvePlanAndBound()
        }
        if search.meetsBound {
            search.status = .optimal
        } else if options.budget == nil, search.wholeWeekModelFits, !search.isStopped, search.searchDeadline.secondsLeft > 0.05 {
            try search.solveWholeWeekModel(log: log)
        }
        if options.budget == nil, !search.isStopped {
            // Budgeted in work like the opening bound, within the search's time (their LPs are as
            // large as the bound's: the middle school's takes about 2 s).
            try search.proveSchoolFigures()
        }
        search.settleStatus()
        return search.result(date: date)
    }

    /// The wanted workshops `sessions` give: per demand, the workshops in its subject up to those wanted.
    static func workshopsServed(by sessions: [PlannedSession], demands: [Demand]) -> Int {
        workshopsServed(workshopsReceived(sessions), demands: demands)
    }

    /// Per student and subject, the workshops `sessions` give them.
    private static func workshopsReceived(_ sessions: [PlannedSession]) -> [StudentSubject: Int] {
        var got: [StudentSubject: Int] = [:]
        for s in sessions { for student in s.students { got[StudentSubject(student, s.subject), default: 0] += 1 } }
        return got
    }

    private static func workshopsServed(_ got: [StudentSubject: Int], demands: [Demand]) -> Int {
        demands.reduce(0) { $0 + min($1.wanted, got[StudentSubject($1.student, $1.subject)] ?? 0) }
    }

    static func assemble(
        _ scenario: Scenario, demands: [Demand], sessions unsorted: [PlannedSession], options: PlanOptions,
        status: PlanStatus, method: String, bound: Double?, size: ModelSize?, candidates: (sessions: Int, placements: Int),
        proven: ProvenFigures? = nil, published: [PlannedSession] = [], publishedStudy: [StudyGroup] = []
    ) -> WeekPlan {
        let order = scenario.calendar.blockOrder
        let sessions = unsorted.sorted { (order[$0.block] ?? 0, $0.teacher.rawValue) < (order[$1.block] ?? 0, $1.teacher.rawValue) }
        var study = StudyPlacer(scenario: scenario, demands: demands, published: publishedStudy).place(sessions)
        CheckSlots(scenario: scenario, goals: demands.flatMap(\.goals)).place(in: &study, sessions: sessions)
        let cost = PlanEvaluator.cost(of: sessions, demands: demands, scenario: scenario, published: published, study: study.groups)
        let got = workshopsReceived(sessions)
        let reasons = UnservedReasonFinder(scenario: scenario, sessions: sessions, demands: demands,
                                           searchStopped: status == .timeLimit || status == .interrupted)
        var unserved: [UnservedStudent] = []
        for demand in demands {
            let received = got[StudentSubject(demand.student, demand.subject)] ?? 0
            guard received < demand.wanted else { continue }
            unserved.append(UnservedStudent(
                student: demand.student, subject: demand.subject, objective: demand.objective,
                wanted: demand.wanted, got: received, reason: reasons.reason(for: demand)))
        }
        let days = scenario.calendar.days.map { day in
            DayRoster(day: day.id, sessions: sessions.filter { $0.day == day.id }.map(\.id),
                      study: study.groups.filter { $0.day == day.id }.map(\.id))
        }
        // Rounded to 1e-6 so that float noise in the last bits cannot change the file.
        func tidy(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
        var total = cost
        total.total = tidy(cost.total)
        // A bound above the plan's cost would be a bug (`pacer verify` says so); within float noise
        // of it, the plan is optimal and the bound is its cost.
        let lower = bound.map { b -> Double in
            let t = tidy(b)
            return t > total.total && t - total.total <= 1e-6 * max(1, abs(total.total)) ? total.total : t
        }
        // The search proves the workshops' terms; study changes come after it, so a plan with some
        // is no longer proven best.
        let status = status == .optimal && lower.map({ total.total > $0 }) == true ? .feasible : status
        let gap = lower.map { total.total == 0 ? 0 : tidy(abs(total.total - $0) / max(abs(total.total), 1e-9)) }
        let header = PlanHeader(
            scenario: scenario.name, kind: .week, date: nil, fromState: nil, revision: nil, scenarioHash: scenario.contentHash, pacerVersion: Pacer.version,
            glpkVersion: Problem.libraryVersion, options: options, status: status, method: method,
            objective: total.total, lowerBound: lower, gap: gap, candidateSessions: candidates.sessions,
            candidatePlacements: candidates.placements, referenceModel: size,
            students: scenario.students.count, workshopsWanted: demands.reduce(0) { $0 + $1.wanted },
            workshopsServed: workshopsServed(got, demands: demands),
            placements: study.placements, proven: proven)
        return WeekPlan(header: header, cost: total, sessions: sessions, days: days, unserved: unserved,
                        study: study.groups, unplaced: study.unplaced)
    }
}

/// The published sessions that still hold on a regrouped day: each keeps the students still on its
/// objective and still wanting it whom the rule catalogue admits beside the sessions kept before
/// it, and is dropped when fewer than the minimum remain or the catalogue no longer admits its
/// teacher or room (an absence, a new limit).
func stillHolding(_ published: [PlannedSession], demands: [Demand], scenario: Scenario) -> [PlannedSession] {
    let wanting = Set(demands.filter { $0.wanted > 0 }.map { StudentObjective($0.student, $0.objective) })
    let rules = RuleCatalogue(scenario)
    let school = rules.school
    var plan = rules.emptyPlan
    return published.compactMap { session in
        guard let b = school.blockAt[session.block], let objective = scenario.objective(session.objective),
              let t = school.teacherAt[session.teacher], rules.admits(teacher: t, running: objective, in: b, plan),
              let r = school.roomAt[session.room], rules.admits(room: r, hosting: objective, in: b, plan)
        else { return nil }
        var kept = session
        kept.students = []
        var members: [Int] = []
        for student in session.students where wanting.contains(StudentObjective(student, session.objective)) {
            // A pair published together (under a soft rule, or by hand) is parted: the first listed stays.
            guard let s = school.studentAt[student], rules.admits(student: s, attending: objective, in: b, plan),
                  rules.allows(student: s, joining: members) else { continue }
            kept.students.append(student)
            members.append(s)
        }
        guard GroupSizeRule.isEnough(kept.students.count, for: objective) else { return nil }
        plan.add(kept)
        return kept
    }
}

public enum PlannerError: Error, CustomStringConvertible {
    case referenceModelDisagrees(String)

    public var description: String {
        switch self {
        case let .referenceModelDisagrees(status):
            return "internal error: the reference model is \(status) although the greedy plan satisfies it; please report this scenario"
        }
    }
}
