import GLPK

/// Simulates the next weeks of a school: each school day is planned with the real planner, each
/// workshop a student attends brings mastery with the objective's `mastery_chance` times the
/// student's `pace`, students who master move on along their progression, and the loop goes on.
/// Runs differ only by their random draws; the same seed gives the same result.
public struct Forecaster {
    public struct Options: Sendable {
        /// What a forecast may ask for (`pacer` refuses the rest).
        public static let weekRange = 1...52
        public static let runRange = 1...100
        public var weeks = 4
        public var runs = 3
        public var seed: UInt64 = 1
        /// Exact-search nodes per day plan (kept small: a forecast plans many days).
        public var nodeLimit = 50
        public var timeLimitPerDay = 30.0
        public init() {}
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
    }

    public let scenario: Scenario
    public let options: Options

    public init(scenario: Scenario, options: Options) {
        self.scenario = scenario
        self.options = options
    }

    /// The date the simulated term starts on: a Monday when the calendar's days name weekdays
    /// (the first one on or after 2027-01-04), so that dates fall on the right days.
    static let termStart = SchoolDate("2027-01-04")!

    /// `progress` is told (run, week) as each simulated week ends.
    ///
    /// Each run goes the way a school runs its term, on a state of its own (in memory): each week is
    /// planned from the state and published, each day is regrouped on top of it and published, and
    /// each workshop attended is recorded as a check, mastered with the objective's chance times
    /// the student's pace. So a forecast and a real term take the same path.
    public func run(stop: StopToken? = nil, progress: ((Int, Int) -> Void)? = nil) throws -> [Week] {
        var mastered = Array(repeating: [Double](), count: options.weeks)
        var behind = Array(repeating: 0.0, count: options.weeks)
        var waits = Array(repeating: 0, count: options.weeks)
        var loads = Array(repeating: 0.0, count: options.weeks)
        let planOptions = PlanOptions(timeLimit: options.timeLimitPerDay, seed: options.seed, nodeLimit: options.nodeLimit)
        let start = Self.termStart.adding(days: (0..<7).first { scenario.calendar.weekStartProblem(Self.termStart.adding(days: $0)) == nil } ?? 0)
        for run in 0..<options.runs {
            var random = SeededGenerator(seed: options.seed &* 1_000_003 &+ UInt64(run))
            let store = try StateStore(inMemory: ())
            let term = Term(scenario: scenario, store: store)
            try term.seed(on: start)
            var masteredCount: [StudentID: Int] = [:]
            var lastWorkshop: [StudentObjective: Int] = [:]  // school day number
            var schoolDay = 0
            for week in 0..<options.weeks {
                if stop?.isStopped == true { break }
                let weekOf = start.adding(days: 7 * week)
                let weekPlan = try Planner.plan(try store.weekContext(scenario, weekOf: weekOf), options: planOptions, stop: stop).plan
                try store.publish(weekPlan, scenario: scenario, weekOf: weekOf)
                var sessionsThisWeek = 0
                for day in scenario.calendar.days {
                    let date = scenario.calendar.date(of: day, weekOf: weekOf)
                    let plan = try Planner.plan(try store.dayContext(scenario, date: date), options: planOptions, date: date, stop: stop).plan
                    try store.publish(plan, scenario: scenario, weekOf: weekOf)
                    sessionsThisWeek += plan.sessions.count
                    var checks: [MasteryCheck] = []
                    for session in plan.sessions {
                        guard let objective = scenario.objective(session.objective) else { continue }
                        for studentID in session.students {
                            lastWorkshop[StudentObjective(studentID, objective.id)] = schoolDay
                            let pace = scenario.students.first { $0.id == studentID }?.pace ?? 1
                            let masters = Double.random(in: 0..<1, using: &random) < min(1, objective.masteryChance * pace)
                            if masters { masteredCount[studentID, default: 0] += 1 }
                            checks.append(MasteryCheck(date: date, student: studentID, objective: objective.id,
                                                       result: masters ? .mastered : .notYet, note: "", location: .start(of: "forecast")))
                        }
                    }
                    _ = try term.record(checks, source: "forecast", today: date)
                    for standing in try store.standings(scenario) where standing.startedOn == date {
                        if let objective = standing.objective { lastWorkshop[StudentObjective(standing.student, objective)] = schoolDay }
                    }
                    schoolDay += 1
                }
                let counts = scenario.students.map { Double(masteredCount[$0.id] ?? 0) }
                mastered[week] += counts
                behind[week] += Double(counts.filter { $0 < scenario.forecast.targetPace * Double(week + 1) }.count)
                var longest = 0
                for standing in try store.standings(scenario) {
                    guard let objective = standing.objective else { continue }
                    longest = max(longest, schoolDay - (lastWorkshop[StudentObjective(standing.student, objective)] ?? 0))
                }
                waits[week] = max(waits[week], longest)
                loads[week] += Double(sessionsThisWeek) / Double(max(1, scenario.teachers.count))
                progress?(run + 1, week + 1)
            }
        }
        let runs = Double(max(1, options.runs))
        return (0..<options.weeks).map { w in
            let sorted = mastered[w].sorted()
            return Week(week: w + 1, masteredMean: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count),
                        masteredP10: percentile(sorted, 0.1), masteredP90: percentile(sorted, 0.9),
                        behindTarget: behind[w] / runs, longestWait: waits[w], teacherLoad: loads[w] / runs)
        }
    }
}
