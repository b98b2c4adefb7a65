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

    /// `progress` is told (run, week) as each simulated week ends.
    public func run(stop: StopToken? = nil, progress: ((Int, Int) -> Void)? = nil) throws -> [Week] {
        var mastered = Array(repeating: [Double](), count: options.weeks)
        var behind = Array(repeating: 0.0, count: options.weeks)
        var waits = Array(repeating: 0, count: options.weeks)
        var loads = Array(repeating: 0.0, count: options.weeks)
        for run in 0..<options.runs {
            var random = SeededGenerator(seed: options.seed &* 1_000_003 &+ UInt64(run))
            var current: [StudentID: [SubjectID: ObjectiveID]] = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0.current) })
            var masteredSet: [StudentID: Set<ObjectiveID>] = [:]
            for student in scenario.students {
                for subject in scenario.subjects {
                    guard let objective = student.current[subject.id] else { continue }
                    // Objectives before the current one count as mastered already.
                    masteredSet[student.id, default: []].formUnion(subject.objectives.prefix { $0.id != objective }.map(\.id))
                }
            }
            var masteredCount: [StudentID: Int] = [:]
            var lastWorkshop: [String: Int] = [:]  // student|objective → school day number
            var schoolDay = 0
            for week in 0..<options.weeks {
                if stop?.isStopped == true { break }
                var received: [String: Int] = [:]
                var sessionsThisWeek = 0
                for day in scenario.calendar.days {
                    let context = PlanningContext.day(
                        scenario.day(day, current: current), current: current,
                        covered: { received[$0] ?? 0 }, waited: { schoolDay - (lastWorkshop[$0] ?? 0) })
                    let plan = try Planner.plan(context, options: PlanOptions(timeLimit: options.timeLimitPerDay, seed: options.seed,
                                                                              nodeLimit: options.nodeLimit), stop: stop).plan
                    sessionsThisWeek += plan.sessions.count
                    for session in plan.sessions {
                        guard let objective = scenario.objective(session.objective),
                              let subject = scenario.subjects.first(where: { $0.id == objective.subject }) else { continue }
                        for studentID in session.students {
                            let key = "\(studentID)|\(objective.id)"
                            received[key, default: 0] += 1
                            lastWorkshop[key] = schoolDay
                            let pace = scenario.students.first { $0.id == studentID }?.pace ?? 1
                            guard Double.random(in: 0..<1, using: &random) < min(1, objective.masteryChance * pace) else { continue }
                            masteredSet[studentID, default: []].insert(objective.id)
                            masteredCount[studentID, default: 0] += 1
                            let next = Progression.next(in: subject, mastered: masteredSet[studentID] ?? [])
                            current[studentID]?[subject.id] = next
                            if let next { lastWorkshop["\(studentID)|\(next)"] = schoolDay }
                        }
                    }
                    schoolDay += 1
                }
                let counts = scenario.students.map { Double(masteredCount[$0.id] ?? 0) }
                mastered[week] += counts
                behind[week] += Double(counts.filter { $0 < scenario.forecast.targetPace * Double(week + 1) }.count)
                var longest = 0
                for (student, subjects) in current {
                    for (_, objective) in subjects { longest = max(longest, schoolDay - (lastWorkshop["\(student)|\(objective)"] ?? 0)) }
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
