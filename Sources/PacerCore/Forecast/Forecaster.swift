import Dispatch
import GLPK

/// Simulates the next weeks of a school: each school day is planned with the real planner, each
/// workshop a student attends brings mastery with the objective's `mastery_chance` times the
/// student's `pace`, students who master move on along their progression, and the loop goes on.
/// Runs differ only by their random draws; the same seed gives the same result.
public struct Forecaster: Sendable {
    public struct Options: Sendable {
        /// What a forecast may ask for (`pacer` refuses the rest).
        public static let weekRange = 1...52
        public static let runRange = 1...100
        public var weeks = 4
        public var runs = 3
        public var seed: UInt64 = 1
        /// Wall-clock seconds for the whole forecast, a safety net (nil: none). The weeks every run
        /// finished before it are reported, and the forecast says it stopped; planning itself is
        /// budgeted in counted work (`planning`), so the weeks reported do not depend on the clock.
        public var timeLimit: Double?
        /// Weeks of the first run also planned with `pacer plan`'s defaults, to measure what the
        /// forecast's quicker planning gives up (`PlanningCheck`); 0: none.
        public var checkedWeeks = 0
        public init() {}
    }

    /// How the forecast plans a week and regroups a day: the planner cut short in counted work
    /// (`PlanBudget`), with no clock in it. Measured on the shipped schools (docs/forecast.md,
    /// `scripts/bench`): the budget's plans against `pacer plan`'s defaults.
    public static func planning(seed: UInt64, neighbourhoodWork: Double) -> PlanOptions {
        var options = PlanOptions(timeLimit: PlanOptions.maximumTimeLimit, seed: seed, nodeLimit: 50)
        options.budget = PlanBudget(neighbourhoodWork: neighbourhoodWork)
        return options
    }

    /// Neighbourhood work for a week plan (about 0.3 s of GLPK on the 2-core machine) and for a
    /// regrouped day, which starts from the week's sessions and changes a few groups.
    public static let weekWork = 1e8
    public static let dayWork = 0.0

    /// Where a forecast starts.
    public enum Start: Sendable {
        /// students.csv, where the term started: a new term from the first week on or after 2027-01-04.
        case studentsCSV
        /// The running term's state, in the week whose first day is `weekOf`: each run works on a
        /// copy in memory, so the state itself is never changed.
        case state(StateStore, weekOf: SchoolDate)
    }

    /// The figures of one simulated week, over every student of every run.
    public struct Week: Sendable, Equatable {
        public var week: Int
        /// Objectives mastered per student so far: mean, 10th and 90th percentile.
        public var masteredMean: Double
        public var masteredP10: Double
        public var masteredP90: Double
        /// Students (mean per run) whose mastered count is below `target_pace × weeks`.
        public var behindTarget: Double
        /// The longest wait, in school days, since a student's last workshop on their current objective.
        public var longestWait: Int
        /// Sessions per teacher this week (mean over teachers and runs).
        public var teacherLoad: Double
        /// Check requests met this week (mean per run): the simulated students ask for a mastery
        /// check once they have had their objective's weekly workshops on it (docs/forecast.md).
        public var checkRequestsMet: Double = 0
        /// School days from the day a student first asked to be checked on an objective to the
        /// check, over the checks this week of every run: the mean, and the longest, counting
        /// those still waiting at the week's end (0 when nobody asked).
        public var checkWaitMean: Double = 0
        public var checkWaitLongest = 0
    }

    /// Why a forecast ended before its last week.
    public enum Stopped: Sendable, Equatable {
        /// The forecast's `--time-limit` (seconds) passed.
        case timeLimit(Double)
        /// Ctrl-C or SIGTERM.
        case interrupted
        /// The term (`calendar.term`) ends on this date: no week after it is planned.
        case termEnded(SchoolDate)
    }

    /// A plan's figures for comparing two ways of planning one week.
    public struct PlanFigures: Sendable, Equatable {
        public var objective: Double
        public var workshopsServed: Int
        public var workshopsWanted: Int
        public var seconds: Double
    }

    /// One week of the first run planned the forecast's way and with `pacer plan`'s defaults.
    public struct PlanningCheck: Sendable, Equatable {
        public var week: Int
        public var forecast: PlanFigures
        public var full: PlanFigures
    }

    /// A forecast: its weeks, where it started and whether it ran to the end.
    public struct Forecast: Sendable {
        public var weeks: [Week]
        /// The weeks asked for (more than `weeks` when it stopped early).
        public var weeksAsked: Int
        public var runs: Int
        /// The first simulated week's first day.
        public var weekOf: SchoolDate
        /// The state it started from (nil: students.csv), and the checks recorded in it.
        public var fromState: StateStore.Recorded?
        public var stopped: Stopped?
        /// The weeks passed over because every flex block of them is closed (a holiday week), in
        /// words (`every flex block of the week of 2026-11-23 is closed (Thanksgiving break): …`);
        /// they are not counted among the weeks.
        public var skipped: [String] = []
        public var planningChecks: [PlanningCheck]
        public var seconds: Double
    }

    /// Where the forecast stands, told after each run's week.
    public struct Progress: Sendable {
        public var week: Int
        public var weeks: Int
        public var run: Int
        public var runs: Int
        public var elapsed: Double
        /// Run-weeks done and in all.
        public var done: Int { (week - 1) * runs + run }
        public var total: Int { weeks * runs }
        /// Seconds left at the pace so far.
        public var estimateLeft: Double { elapsed / Double(max(1, done)) * Double(total - done) }
    }

    /// Why a forecast cannot start from the state on a date.
    public enum StartProblem: Error, Equatable, CustomStringConvertible {
        case notAWeekStart(String)
        case beforeLastCheck(date: SchoolDate, lastCheck: SchoolDate, next: SchoolDate)
        case beforeTerm(date: SchoolDate, termStart: SchoolDate)
        case noTerm

        public var description: String {
            switch self {
            case let .notAWeekStart(problem): return "--date \(problem)"
            case let .beforeLastCheck(date, lastCheck, next):
                return "--date \(date) is not after the state's last mastery check (\(lastCheck)); a forecast from the state "
                    + "starts after what was recorded: the first week it can start is \(next)"
            case let .beforeTerm(date, termStart): return "--date \(date) is before the term's first date (\(termStart))"
            case .noTerm: return "the state has no term yet (pacer init starts it)"
            }
        }
    }

    public let scenario: Scenario
    public let options: Options

    public init(scenario: Scenario, options: Options) {
        self.scenario = scenario
        self.options = options
    }

    /// The date a forecast from students.csv starts on: a Monday when the calendar's days name
    /// weekdays (the first one on or after 2027-01-04), so that dates fall on the right days.
    static let termStart = SchoolDate("2027-01-04")!

    /// The first week's first day on or after `date`.
    func weekStart(onOrAfter date: SchoolDate) -> SchoolDate {
        date.adding(days: (0..<7).first { scenario.calendar.weekStartProblem(date.adding(days: $0)) == nil } ?? 0)
    }

    /// The forecast's start from `store` on `date`, or by default the first week after the last
    /// mastery check (the week the term started in, when nothing is recorded yet). Refused for a
    /// date that is no week's first day, before the term, or not after the last check (the
    /// forecast's own checks come after the state's).
    public func start(from store: StateStore, on date: SchoolDate?) throws -> Start {
        let recorded = try store.recorded()
        guard let term = try store.term() else { throw StartProblem.noTerm }
        let earliest = weekStart(onOrAfter: max(term.startedOn, recorded.lastCheck.map { $0.adding(days: 1) } ?? term.startedOn))
        guard let date else { return .state(store, weekOf: earliest) }
        if let problem = scenario.calendar.weekStartProblem(date) { throw StartProblem.notAWeekStart(problem) }
        if let last = recorded.lastCheck, date <= last { throw StartProblem.beforeLastCheck(date: date, lastCheck: last, next: earliest) }
        if date < term.startedOn { throw StartProblem.beforeTerm(date: date, termStart: term.startedOn) }
        return .state(store, weekOf: date)
    }

    /// One run's term: its own state in memory and its own random draws. Only the thread running
    /// the run's week touches it, one week at a time.
    private final class Run: @unchecked Sendable {
        let store: StateStore
        let term: Term
        var random: SeededGenerator
        var masteredCount: [StudentID: Int] = [:]
        var lastWorkshop: [StudentObjective: Int] = [:]  // school day number
        /// Workshops attended on each objective, and the school day each student's check
        /// request on an objective first asked for (until a check of it is recorded).
        var attended: [StudentObjective: Int] = [:]
        var askingSince: [StudentObjective: Int] = [:]
        var requestsMet = 0

        init(store: StateStore, term: Term, random: SeededGenerator) {
            self.store = store
            self.term = term
            self.random = random
        }
    }

    /// What one run's week gave: its week plan, the mastered count per student (in the
    /// scenario's order), the longest wait, sessions per teacher, the school days it had, and the
    /// week planned in full beside it when it was checked.
    private struct RunWeek {
        var plan: WeekPlan
        var mastered: [Double]
        var longestWait: Int
        var load: Double
        var days: Int
        var check: PlanningCheck?
        /// Check requests met this week, the waits of this week's checks that answered one, and
        /// the longest wait still open at its end.
        var requestsMet = 0
        var waits: [Int] = []
        var stillWaiting = 0
    }

    /// One run's week, the way the school runs it: the week planned from the run's state and
    /// published, each open day regrouped on top of it and published, each workshop attended
    /// recorded as a check, mastered with the objective's chance times the student's pace. Nil
    /// when the forecast was stopped part way (the week is not counted).
    private func simulate(_ run: Run, week: Int, weekOf: SchoolDate, firstDay: Int, closed: ClosedDates, weekPlanning: PlanOptions,
                          dayPlanning: PlanOptions, pace: [StudentID: Double], check: Bool, halt: StopToken) throws -> RunWeek? {
        let store = run.store
        let context = try store.weekContext(scenario, weekOf: weekOf)
        var weekPlan = try Planner.plan(context, options: weekPlanning, stop: halt)
        weekPlan.plan.header.date = weekOf.text
        if halt.isStopped { return nil }
        var checked: PlanningCheck?
        if check {
            let full = try Planner.plan(context, options: PlanOptions(seed: options.seed), stop: halt)
            if halt.isStopped { return nil }
            checked = PlanningCheck(week: week + 1, forecast: Self.figures(weekPlan), full: Self.figures(full))
        }
        // The requests are settled once a day, after the day's checks and requests (askForChecks):
        // nothing the forecast reads between depends on their statuses.
        try store.publish(weekPlan.plan, scenario: scenario, weekOf: weekOf, settle: false)
        var sessionsThisWeek = 0
        var waits: [Int] = []
        var day = firstDay
        for calendarDay in scenario.calendar.days {
            let date = scenario.calendar.date(of: calendarDay, weekOf: weekOf)
            if closed.isClosed(date) { continue }
            let plan = try Planner.plan(try store.dayContext(scenario, date: date), options: dayPlanning, date: date, stop: halt).plan
            if halt.isStopped { return nil }
            try store.publish(plan, scenario: scenario, weekOf: weekOf, settle: false)
            sessionsThisWeek += plan.sessions.count
            var recorded: [MasteryCheck] = []
            for session in plan.sessions {
                guard let objective = scenario.objective(session.objective) else { continue }
                for studentID in session.students {
                    run.lastWorkshop[StudentObjective(studentID, objective.id)] = day
                    run.attended[StudentObjective(studentID, objective.id), default: 0] += 1
                    let masters = Double.random(in: 0..<1, using: &run.random) < min(1, objective.masteryChance * (pace[studentID] ?? 1))
                    if masters { run.masteredCount[studentID, default: 0] += 1 }
                    recorded.append(MasteryCheck(date: date, student: studentID, objective: objective.id,
                                                 result: masters ? .mastered : .notYet, note: "", location: .start(of: "forecast")))
                }
            }
            _ = try run.term.record(recorded, source: "forecast", today: date, settle: false)
            // Each check answers the request of a student waiting to be checked on it.
            for check in recorded {
                if let since = run.askingSince.removeValue(forKey: StudentObjective(check.student, check.objective)) { waits.append(day - since) }
            }
            let standings = try store.standings(scenario)
            for standing in standings where standing.startedOn == date {
                if let objective = standing.objective { run.lastWorkshop[StudentObjective(standing.student, objective)] = day }
            }
            try askForChecks(run, standings: standings, on: date, schoolDay: day, closed: closed)
            day += 1
        }
        let met = try store.requests([.met]).count
        let metThisWeek = met - run.requestsMet
        run.requestsMet = met
        var longestWait = 0
        for standing in try store.standings(scenario) {
            guard let objective = standing.objective else { continue }
            longestWait = max(longestWait, day - (run.lastWorkshop[StudentObjective(standing.student, objective)] ?? 0))
        }
        return RunWeek(plan: weekPlan.plan, mastered: scenario.students.map { Double(run.masteredCount[$0.id] ?? 0) },
                       longestWait: longestWait, load: Double(sessionsThisWeek) / Double(max(1, scenario.teachers.count)),
                       days: day - firstDay, check: checked, requestsMet: metThisWeek, waits: waits,
                       stillWaiting: run.askingSince.values.map { day - $0 }.max() ?? 0)
    }

    /// The forecast's model of check requests (docs/forecast.md): a student who has had their
    /// objective's weekly count of workshops on it (`workshops_per_week`), and is not waiting to
    /// be checked on it already, asks for a mastery check on it for the next open school day, at
    /// the scenario's least urgent priority, as their family. The check recorded at their next
    /// workshop on it meets the request (a not-yet check, and they ask again).
    private func askForChecks(_ run: Run, standings: [StateStore.Standing], on date: SchoolDate, schoolDay: Int, closed: ClosedDates) throws {
        var next = date
        for _ in 0..<14 {
            next = next.adding(days: 1)
            if scenario.calendar.day(on: next) != nil, !closed.isClosed(next) { break }
        }
        guard scenario.calendar.day(on: next) != nil, !closed.isClosed(next), scenario.calendar.term?.problem(next) == nil else { return }
        for standing in standings {
            guard let objective = standing.objective, let perWeek = scenario.objective(objective)?.workshopsPerWeek else { continue }
            let key = StudentObjective(standing.student, objective)
            guard run.askingSince[key] == nil, (run.attended[key] ?? 0) >= max(1, perWeek) else { continue }
            let request = StudentRequest(askedBy: .family(standing.student), student: standing.student, want: .check(objective), when: .date(next),
                                         priority: scenario.requestPriorities.standard, askedOn: date)
            guard (try? run.store.add(request, scenario: scenario, today: date, settle: false)) != nil else { continue }
            run.askingSince[key] = schoolDay + 1
        }
        // Settled once for the day's requests, not once each.
        try run.store.settleRequests(scenario, today: date)
    }

    /// `progress` is told where the forecast stands as each run's week ends; `planned` hears each
    /// run's week plans (run from 1) as they are published.
    ///
    /// Each run goes the way a school runs its term, on a state of its own (in memory): each week is
    /// planned from the state and published, each day is regrouped on top of it and published, and
    /// each workshop attended is recorded as a check, mastered with the objective's chance times
    /// the student's pace. So a forecast and a real term take the same path. The runs go week by
    /// week side by side, so that a forecast stopped early has whole weeks over every run.
    public func run(from start: Start = .studentsCSV, stop: StopToken? = nil, planned: ((Int, WeekPlan) -> Void)? = nil,
                    progress: ((Progress) -> Void)? = nil) throws -> Forecast {
        let clock = ContinuousClock()
        let began = clock.now
        func elapsed() -> Double { (clock.now - began).seconds }
        // The planner hears one stop: Ctrl-C or the forecast's time limit, whichever comes first.
        let halt = StopToken()
        let limit = options.timeLimit
        func mustStop() -> Bool { stop?.isStopped == true || limit.map({ (clock.now - began).seconds >= $0 }) == true }
        let watch = DispatchSource.makeTimerSource(queue: .global())
        watch.schedule(deadline: .now(), repeating: .milliseconds(50))
        watch.setEventHandler {
            if mustStop() { halt.stop() }
        }
        watch.resume()
        defer { watch.cancel() }

        let weekPlanning = Self.planning(seed: options.seed, neighbourhoodWork: Self.weekWork)
        let dayPlanning = Self.planning(seed: options.seed, neighbourhoodWork: Self.dayWork)
        let pace = Dictionary(scenario.students.map { ($0.id, $0.pace) }, uniquingKeysWith: { a, _ in a })
        let first: SchoolDate
        var fromState: StateStore.Recorded?
        var runs: [Run] = []
        switch start {
        case .studentsCSV:
            // The scenario's term, when it names one, else a simulated term.
            first = scenario.calendar.term.map { scenario.calendar.weekStart(containing: $0.firstDay) } ?? weekStart(onOrAfter: Self.termStart)
        case let .state(source, weekOf):
            first = weekOf
            fromState = try source.recorded()
        }
        for run in 0..<options.runs {
            let store: StateStore
            let term: Term
            if case let .state(source, _) = start {
                store = try StateStore(memoryCopyOf: source)
                term = Term(scenario: scenario, store: store)
            } else {
                store = try StateStore(inMemory: ())
                term = Term(scenario: scenario, store: store)
                try term.seed(on: first)
            }
            runs.append(Run(store: store, term: term, random: SeededGenerator(seed: options.seed &* 1_000_003 &+ UInt64(run))))
        }

        var weeks: [Week] = []
        var checks: [PlanningCheck] = []
        var schoolDay = 0
        var skipped: [String] = []
        var termEnded: SchoolDate?
        // Holidays and closures (the scenario's, and the state's when it started from one) are
        // skipped as the term skips them: a week closed in every flex block is passed over and not
        // counted, a day closed all day is not regrouped, and a partly closed day is regrouped in
        // its open blocks (`dayContext`).
        let closed = try runs.first?.store.closedDates(scenario) ?? scenario.calendar.closedDates
        var calendarWeek = 0
        weekLoop: while weeks.count < options.weeks {
            // The timer may wait for a thread while the runs keep every core busy (a loaded
            // machine kept it waiting for all of a 30 s forecast): the clock is read here too.
            if mustStop() { halt.stop() }
            if halt.isStopped { break weekLoop }
            let week = weeks.count
            let weekOf = first.adding(days: 7 * calendarWeek)
            calendarWeek += 1
            switch scenario.closedWeekProblem(weekOf: weekOf, open: scenario.closingWeek(of: weekOf, closed)) {
            case .outsideTerm?:
                termEnded = scenario.calendar.term?.lastDay
                break weekLoop
            case let .allClosed(problem)?:
                skipped.append(problem)
                continue weekLoop
            case nil: break
            }
            // The runs' weeks side by side, one run per core (GLPK keeps its state per thread), each
            // on its own state and draws: what each run does does not depend on the others or on
            // the clock, so the figures are the same however the threads fall. They are gathered,
            // and `planned` and `progress` told, in run order.
            let outcomes = Locked([Result<RunWeek?, Error>?](repeating: nil, count: runs.count))
            let (everyRun, firstDay) = (runs, schoolDay)
            DispatchQueue.concurrentPerform(iterations: everyRun.count) { r in
                let outcome = Result {
                    try simulate(everyRun[r], week: week, weekOf: weekOf, firstDay: firstDay, closed: closed,
                                 weekPlanning: weekPlanning, dayPlanning: dayPlanning, pace: pace, check: r == 0 && week < options.checkedWeeks,
                                 halt: halt)
                }
                outcomes.update { $0[r] = outcome }
            }
            var done: [RunWeek] = []
            for outcome in outcomes.value {
                guard let runWeek = try outcome?.get() else { break weekLoop }
                done.append(runWeek)
            }
            var mastered: [Double] = [], behind = 0.0, longestWait = 0, load = 0.0, met = 0.0, waits: [Int] = [], checkWaitLongest = 0
            for (r, runWeek) in done.enumerated() {
                if let check = runWeek.check { checks.append(check) }
                planned?(r + 1, runWeek.plan)
                mastered += runWeek.mastered
                behind += Double(runWeek.mastered.filter { $0 < scenario.forecast.targetPace * Double(week + 1) }.count)
                longestWait = max(longestWait, runWeek.longestWait)
                load += runWeek.load
                met += Double(runWeek.requestsMet)
                waits += runWeek.waits
                checkWaitLongest = max(checkWaitLongest, runWeek.stillWaiting, runWeek.waits.max() ?? 0)
                progress?(Progress(week: week + 1, weeks: options.weeks, run: r + 1, runs: options.runs, elapsed: elapsed()))
            }
            let daysThisWeek = done.first?.days ?? 0
            schoolDay += daysThisWeek
            let sorted = mastered.sorted()
            let n = Double(max(1, options.runs))
            weeks.append(Week(week: week + 1, masteredMean: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count),
                              masteredP10: percentile(sorted, 0.1), masteredP90: percentile(sorted, 0.9),
                              behindTarget: behind / n, longestWait: longestWait, teacherLoad: load / n,
                              checkRequestsMet: met / n, checkWaitMean: waits.isEmpty ? 0 : Double(waits.reduce(0, +)) / Double(waits.count),
                              checkWaitLongest: checkWaitLongest))
        }
        var stopped: Stopped?
        if weeks.count < options.weeks {
            stopped = termEnded.map { .termEnded($0) } ?? (stop?.isStopped == true ? .interrupted : .timeLimit(limit ?? 0))
        }
        return Forecast(weeks: weeks, weeksAsked: options.weeks, runs: options.runs, weekOf: first, fromState: fromState, stopped: stopped,
                        skipped: skipped, planningChecks: checks, seconds: elapsed())
    }

    static func figures(_ result: PlanResult) -> PlanFigures {
        PlanFigures(objective: result.plan.cost.total, workshopsServed: result.plan.header.workshopsServed,
                    workshopsWanted: result.plan.header.workshopsWanted, seconds: result.seconds)
    }
}
