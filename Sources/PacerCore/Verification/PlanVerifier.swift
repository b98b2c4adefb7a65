/// Checks a plan against every hard rule and recomputes its objective, from the scenario and the
/// plan alone. It shares no code with the planner on purpose, and in particular does not use the
/// rule catalogue (`Sources/PacerCore/Rules/`) that every engine uses: it is the second opinion,
/// so a bug in a rule's shared check is caught here rather than repeated here.
public struct PlanVerifier {
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        /// Which of the verifier's checks failed.
        public let rule: Check
        public let message: String
        public var description: String { "\(rule.rawValue): \(message)" }
    }

    /// The verifier's checks, by the short names it reports them under (docs/model.md). They are
    /// its own, not the rule catalogue's `RuleName`s: the second opinion names what it checks.
    public enum Check: String, Sendable, CaseIterable {
        case unknownBlock = "unknown-block", notFlex = "not-flex", wrongDay = "wrong-day"
        case unknownTeacher = "unknown-teacher", unknownRoom = "unknown-room", unknownObjective = "unknown-objective"
        case unknownStudent = "unknown-student", wrongSubject = "wrong-subject", studentTwice = "student-twice"
        case teacherUnavailable = "teacher-unavailable", roomUnavailable = "room-unavailable", studentUnavailable = "student-unavailable"
        case notQualified = "not-qualified", roomFeatures = "room-features", notCurrentObjective = "not-current-objective"
        case groupTooSmall = "group-too-small", groupTooLarge = "group-too-large", roomCapacity = "room-capacity"
        case teacherBusy = "teacher-busy", roomBusy = "room-busy", studentBusy = "student-busy"
        case oncePerDay = "once-per-day", teacherDay = "teacher-day", teacherRun = "teacher-run"
        case workshopsPerDay = "workshops-per-day", keepApart = "keep-apart", tooMany = "too-many"
        case objective, lowerBound = "lower-bound", provenFigures = "proven-figures", searchWork = "search-work"
        case unservedList = "unserved-list"
        // Independent study (PlanVerifier+Study.swift).
        case noPlace = "no-place", unplacedList = "unplaced-list", twoPlaces = "two-places"
        case studySpace = "study-space", studySeats = "study-seats", studyRatio = "study-ratio"
        case unknownAdult = "unknown-adult", notSupervising = "not-supervising", adultUnavailable = "adult-unavailable"
        case adultBusy = "adult-busy", studyObjective = "study-objective", checkSlot = "check-slot"
    }

    /// Who is somewhere in a block, as the busy checks count them.
    private struct InBlock<Who: RawRepresentable & Hashable>: Hashable, Comparable where Who.RawValue == String {
        let who: Who, block: BlockID
        static func < (a: Self, b: Self) -> Bool { (a.who.rawValue, a.block.rawValue) < (b.who.rawValue, b.block.rawValue) }
        var text: String { "\(who.rawValue) in \(block)" }
    }

    /// A student's subject on a day, as the once-per-day check counts them.
    private struct StudentSubjectOnDay: Hashable, Comparable {
        let student: StudentID, subject: SubjectID, day: DayID
        static func < (a: Self, b: Self) -> Bool {
            (a.student.rawValue, a.subject.rawValue, a.day.rawValue) < (b.student.rawValue, b.subject.rawValue, b.day.rawValue)
        }
    }

    /// A student's day, as the workshops-per-day check counts them.
    private struct StudentOnDay: Hashable, Comparable {
        let student: StudentID, day: DayID
        static func < (a: Self, b: Self) -> Bool { (a.student.rawValue, a.day.rawValue) < (b.student.rawValue, b.day.rawValue) }
    }

    public let scenario: Scenario
    let context: PlanningContext
    public init(scenario: Scenario) { self.init(context: PlanningContext(scenario: scenario)) }
    /// For a regrouped day: the day's scenario, with what the term's state says.
    public init(context: PlanningContext) {
        self.context = context
        self.scenario = context.scenario
    }

    public func violations(of plan: WeekPlan) -> [Violation] {
        var found: [Violation] = []
        func report(_ rule: Check, _ message: String) { found.append(Violation(rule: rule, message: message)) }

        let blocks = Dictionary(uniqueKeysWithValues: scenario.calendar.blocks.map { ($0.id, $0) })
        let teachers = Dictionary(uniqueKeysWithValues: scenario.teachers.map { ($0.id, $0) })
        let rooms = Dictionary(uniqueKeysWithValues: scenario.rooms.map { ($0.id, $0) })
        let students = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0) })

        var teacherAt: [InBlock<TeacherID>: [String]] = [:], roomAt: [InBlock<RoomID>: [String]] = [:], studentAt: [InBlock<StudentID>: [String]] = [:]
        var teacherPerDay: [TeacherDay: Int] = [:], subjectPerDay: [StudentSubjectOnDay: [String]] = [:]
        var studentPerDay: [StudentOnDay: Int] = [:]
        var received: [StudentSubject: Int] = [:]
        var teacherBlocks: [TeacherID: Set<BlockID>] = [:]
        for s in plan.sessions {
            guard let block = blocks[s.block] else { report(.unknownBlock, "session \(s.id): block \(s.block) is not in the calendar"); continue }
            if !block.isFlex { report(.notFlex, "session \(s.id): \(s.block) is not a flex block") }
            if block.day != s.day { report(.wrongDay, "session \(s.id): \(s.block) is not on \(s.day)") }
            guard let teacher = teachers[s.teacher] else { report(.unknownTeacher, "session \(s.id): no teacher \(s.teacher)"); continue }
            guard let room = rooms[s.room] else { report(.unknownRoom, "session \(s.id): no room \(s.room)"); continue }
            guard let objective = scenario.objective(s.objective) else { report(.unknownObjective, "session \(s.id): no objective \(s.objective)"); continue }
            if objective.subject != s.subject {
                report(.wrongSubject, "session \(s.id): \(s.objective) belongs to \(objective.subject), not \(s.subject)")
            }
            teacherAt[InBlock(who: s.teacher, block: s.block), default: []].append(s.id)
            roomAt[InBlock(who: s.room, block: s.block), default: []].append(s.id)
            teacherPerDay[TeacherDay(s.teacher, s.day), default: 0] += 1
            teacherBlocks[s.teacher, default: []].insert(s.block)
            if teacher.unavailable.contains(s.block) { report(.teacherUnavailable, "\(s.teacher) is unavailable in \(s.block) (session \(s.id))") }
            if room.unavailable.contains(s.block) { report(.roomUnavailable, "room \(s.room) is unavailable in \(s.block) (session \(s.id))") }
            if !room.hostsWorkshops { report(.roomUnavailable, "room \(s.room) is kept for study and hosts no workshop (session \(s.id))") }
            if !teacher.canTeach.contains(s.objective) { report(.notQualified, "\(s.teacher) does not teach \(s.objective) (session \(s.id))") }
            let missing = objective.needs.filter { !room.features.contains($0) }
            if !missing.isEmpty {
                report(.roomFeatures, "room \(s.room) lacks \(missing.map(\.rawValue).joined(separator: ", ")) for \(s.objective) (session \(s.id))")
            }
            let size = s.students.count
            if size < objective.minGroup { report(.groupTooSmall, "session \(s.id) has \(size) students, \(s.objective) needs at least \(objective.minGroup)") }
            if size > objective.maxGroup { report(.groupTooLarge, "session \(s.id) has \(size) students, \(s.objective) allows at most \(objective.maxGroup)") }
            if size > room.capacity { report(.roomCapacity, "session \(s.id) has \(size) students, room \(s.room) seats \(room.capacity)") }
            if Set(s.students).count != size { report(.studentTwice, "session \(s.id) lists a student twice") }
            for id in s.students {
                guard let student = students[id] else { report(.unknownStudent, "session \(s.id): no student \(id)"); continue }
                studentAt[InBlock(who: id, block: s.block), default: []].append(s.id)
                if student.unavailable.contains(s.block) { report(.studentUnavailable, "\(id) is unavailable in \(s.block) (session \(s.id))") }
                if student.current[s.subject] != s.objective {
                    let current = student.current[s.subject].map(\.rawValue) ?? "none"
                    report(.notCurrentObjective, "\(id) is on \(current) in \(s.subject), not \(s.objective) (session \(s.id))")
                }
                subjectPerDay[StudentSubjectOnDay(student: id, subject: s.subject, day: s.day), default: []].append(s.id)
                studentPerDay[StudentOnDay(student: id, day: s.day), default: 0] += 1
                received[StudentSubject(id, s.subject), default: 0] += 1
            }
        }
        for (key, list) in teacherAt.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            report(.teacherBusy, "teacher \(key.text): \(list.joined(separator: ", "))")
        }
        for (key, list) in roomAt.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            report(.roomBusy, "room \(key.text): \(list.joined(separator: ", "))")
        }
        for (key, list) in studentAt.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            report(.studentBusy, "student \(key.text): \(list.joined(separator: ", "))")
        }
        for (key, list) in subjectPerDay.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            report(.oncePerDay, "\(key.student) has \(key.subject) twice on \(key.day): \(list.joined(separator: ", "))")
        }
        // The policy's most workshops a day for a student, when the scenario sets one (the setting
        // is the rule's; the count is the verifier's own).
        let perDay = scenario.policy.limit(WorkshopsPerDayRule.setting)
        for (key, count) in studentPerDay.sorted(by: { $0.key < $1.key }) {
            if let perDay, count > perDay {
                report(.workshopsPerDay, "\(key.student) has \(count) workshops on \(key.day), at most \(perDay) (max_workshops_per_day)")
            }
        }
        for (key, count) in teacherPerDay.sorted(by: { $0.key < $1.key }) {
            if let teacher = teachers[key.teacher], count > teacher.maxSessionsPerDay {
                report(.teacherDay, "\(key.teacher) runs \(count) sessions on \(key.day), at most \(teacher.maxSessionsPerDay)")
            }
        }
        found += checkRuns(teacherBlocks, teachers: teachers)
        let study = checkStudy(plan)
        found += study.violations
        found += checkCostAndUnserved(plan, received: received, noPlace: study.noPlace)
        return found
    }

    /// A teacher with `max_in_a_row` runs no more workshops than that in consecutive flex blocks of a day.
    private func checkRuns(_ teacherBlocks: [TeacherID: Set<BlockID>], teachers: [TeacherID: Teacher]) -> [Violation] {
        var found: [Violation] = []
        for (id, blocks) in teacherBlocks.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let limit = teachers[id]?.maxInARow else { continue }
            for day in scenario.calendar.days {
                var run: [BlockID] = []
                // The day's flex blocks in order, with an end marker that closes the last run.
                for block in scenario.calendar.blocks.filter({ $0.day == day.id && $0.isFlex }).map(Optional.some) + [nil] {
                    if let block, blocks.contains(block.id) { run.append(block.id); continue }
                    if run.count > limit {
                        let list = run.map(\.rawValue).joined(separator: ", ")
                        found.append(Violation(rule: .teacherRun, message: "\(id) runs \(run.count) workshops in a row on \(day.id) (\(list)), at most \(limit)"))
                    }
                    run = []
                }
            }
        }
        return found
    }

    /// The objective recomputed term by term (docs/model.md) and the unserved list checked.
    /// `noPlace` is the student-blocks with no place, nil for a plan made before independent study.
    private func checkCostAndUnserved(_ plan: WeekPlan, received: [StudentSubject: Int], noPlace: Int?) -> [Violation] {
        var found: [Violation] = []
        let p = scenario.policy
        var unmet = 0.0, changes = 0.0, unmetRequests = 0.0, requests = 0
        var expectedUnserved: [StudentSubject: (Int, Int)] = [:]
        var teachersMet: [StudentSubject: Set<TeacherID>] = [:]
        // Wanted workshops given, by subject (each student's up to those wanted), for the proven figures.
        var given: [SubjectID: Int] = [:]
        for s in plan.sessions { for id in s.students { teachersMet[StudentSubject(id, s.subject), default: []].insert(s.teacher) } }
        for student in scenario.students {
            // The current objectives the student wants workshops on, for requests for a teacher.
            var wanting: [ObjectiveID] = []
            for (subject, objectiveID) in student.current {
                guard let objective = scenario.objective(objectiveID) else { continue }
                // The student's need in the subject (docs/model.md): flag, days waited, weeks behind, stated need.
                let weight = p.unmetWorkshop * (student.flags.contains(.priority) ? p.priorityFactor : 1)
                    + p.waitingPerDay * Double(context.waitedDays[student.id]?[subject] ?? 0)
                    + p.behindPerWeek * Double(context.weeksBehind[student.id]?[subject] ?? 0)
                    + (student.statedNeeds.contains(subject) ? p.statedNeed : 0)
                let wanted = context.wanted.map { $0[student.id]?[subject] ?? 0 }
                    ?? min(objective.workshopsPerWeek, scenario.calendar.days.count)
                // A student who wants nothing is still checked: any workshop given is one too many.
                let key = StudentSubject(student.id, subject)
                let got = received[key] ?? 0
                if got > wanted {
                    found.append(Violation(rule: .tooMany, message: "\(student.id) gets \(got) workshops on \(objectiveID), it asks for \(wanted)"))
                }
                unmet += weight * Double(max(0, wanted - got))
                // Each request on the objective the plan could meet (the student wants workshops on
                // it) costs its weight once when no workshop of the student's on it falls on one of
                // its days, in its period when it names one.
                if wanted > 0 {
                    wanting.append(objectiveID)
                    for goal in context.requestGoals where goal.student == student.id && goal.objective == objectiveID {
                        requests += 1
                        func onItsDays(_ day: DayID, _ block: BlockID) -> Bool {
                            goal.days.contains(day) && (goal.period == nil || scenario.calendar.block(block)?.period == goal.period)
                        }
                        // A workshop on it, or for a check request a check slot on it (`check-slot` checks the slot).
                        let met = plan.sessions.contains { s in s.objective == objectiveID && s.students.contains(student.id) && onItsDays(s.day, s.block) }
                            || goal.isCheck && (plan.study ?? []).contains { g in
                                onItsDays(g.day, g.block) && g.students.contains { $0.student == student.id && $0.objective == objectiveID && $0.check != nil }
                            }
                        if !met { unmetRequests += goal.weight }
                    }
                }
                given[subject, default: 0] += min(wanted, got)
                changes += Double(max(0, (teachersMet[key]?.count ?? 0) - 1))
                if got < wanted { expectedUnserved[key] = (wanted, got) }
            }
            // Each request for time with a teacher the plan could meet (the student wants a workshop
            // on an objective the teacher teaches, and the teacher runs workshops) costs its weight
            // once when no workshop of the student's that teacher runs falls on one of its days, in
            // its period when it names one.
            for goal in context.requestGoals where goal.student == student.id {
                guard let id = goal.teacher, let teacher = scenario.teachers.first(where: { $0.id == id }), teacher.maxSessionsPerDay > 0,
                      wanting.contains(where: teacher.canTeach.contains) else { continue }
                requests += 1
                let met = plan.sessions.contains { s in
                    s.teacher == id && s.students.contains(student.id) && goal.days.contains(s.day)
                        && (goal.period == nil || scenario.calendar.block(s.block)?.period == goal.period)
                }
                if !met { unmetRequests += goal.weight }
            }
        }
        let empty = plan.sessions.reduce(0.0) { total, s in
            total + Double(max(0, (scenario.objective(s.objective)?.maxGroup ?? 0) - s.students.count))
        }
        // Students to keep apart: a violation when the rule is hard (the default), a price when soft.
        var pairs = 0.0
        let hardApart = p.keepApart == .hard
        for s in plan.sessions {
            let members = Set(s.students)
            for id in s.students {
                for other in scenario.students.first(where: { $0.id == id })?.keepApart ?? [] where members.contains(other) && id < other {
                    pairs += 1
                    if hardApart { found.append(Violation(rule: .keepApart, message: "\(id) and \(other) are to be kept apart but are both in session \(s.id)")) }
                }
            }
        }
        let apartCost: Double
        if case let .soft(points) = p.keepApart { apartCost = points * pairs } else { apartCost = 0 }
        // Changes against the published sessions: each published one not kept with the same block,
        // teacher, room and objective, and each session that was not published.
        func key(_ s: PlannedSession) -> String { [s.block.rawValue, s.teacher.rawValue, s.room.rawValue, s.objective.rawValue].joined(separator: "/") }
        let before = Set(context.published.map(key)), after = Set(plan.sessions.map(key))
        // (Without a published baseline, as for a week plan, there is nothing to change.)
        let edits = before.isEmpty ? 0 : Double(before.symmetricDifference(after).count)
        // Study changes: each study room a student has beyond their first.
        var studyRooms: [StudentID: Set<RoomID>] = [:]
        for group in plan.study ?? [] { for place in group.students { studyRooms[place.student, default: []].insert(group.room) } }
        let moves = studyRooms.values.reduce(0.0) { $0 + Double($1.count - 1) }
        let total = unmet + p.session * Double(plan.sessions.count) + p.emptySeat * empty + p.teacherChange * changes
            + apartCost + p.planChange * edits + p.noPlace * Double(noPlace ?? 0) + p.studyChange * moves + unmetRequests
        if abs(total - plan.cost.total) > 1e-6 * max(1, abs(total)) || abs(total - plan.header.objective) > 1e-6 * max(1, abs(total)) {
            found.append(Violation(rule: .objective, message: "the plan states \(plan.cost.total), recomputed \(total)"))
        }
        // A plan that could meet requests says what its unmet ones cost; one that could meet none says nothing.
        let stated = plan.cost.unmetRequests
        let agrees = requests == 0 ? stated == nil : stated.map { abs($0 - unmetRequests) <= 1e-6 * max(1, unmetRequests) } ?? false
        if !agrees {
            found.append(Violation(rule: .objective, message: "the plan states unmet requests of \(stated.map { "\($0)" } ?? "nothing"), recomputed \(unmetRequests)"))
        }
        // A lower bound holds for every plan, this one included.
        if let bound = plan.header.lowerBound, bound > total + 1e-6 * max(1, abs(total)) {
            found.append(Violation(rule: .lowerBound, message: "the plan states a lower bound of \(bound), above its own cost \(total)"))
        }
        found += checkProvenFigures(plan, given: given)
        let listed = Dictionary(plan.unserved.map { (StudentSubject($0.student, $0.subject), ($0.wanted, $0.got)) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in expectedUnserved.sorted(by: { $0.key < $1.key }) where listed[key].map({ $0 != value }) ?? true {
            found.append(Violation(rule: .unservedList, message: "\(key.student) in \(key.subject) got \(value.1) of \(value.0) but is not listed so"))
        }
        for key in listed.keys.sorted() where expectedUnserved[key] == nil {
            found.append(Violation(rule: .unservedList, message: "\(key.student) in \(key.subject) is listed unserved but got every workshop"))
        }
        return found
    }

    /// The proven figures hold for every plan, this one included: it gives no more workshops than
    /// the most possible, in all and in each subject (each of the school's subjects, once), and has
    /// at least the fewest sessions that could give its workshops; none is negative. The work
    /// figures are counts: never negative.
    private func checkProvenFigures(_ plan: WeekPlan, given: [SubjectID: Int]) -> [Violation] {
        var found: [Violation] = []
        let header = plan.header, sessionCount = plan.sessions.count
        let served = given.values.reduce(0, +)
        if let proven = header.proven {
            let figures = [proven.workshopsAtMost, proven.sessionsAtLeast ?? 0] + (proven.bySubject ?? []).map(\.workshopsAtMost)
            if figures.contains(where: { $0 < 0 }) {
                found.append(Violation(rule: .provenFigures, message: "the plan states a negative proven figure"))
            }
            var seen: Set<SubjectID> = []
            for bound in proven.bySubject ?? [] {
                if !scenario.subjects.contains(where: { $0.id == bound.subject }) {
                    found.append(Violation(rule: .provenFigures, message: "the plan states proven workshops for \(bound.subject), which is not a subject of the school"))
                }
                if !seen.insert(bound.subject).inserted {
                    found.append(Violation(rule: .provenFigures, message: "the plan states proven workshops for \(bound.subject) more than once"))
                }
            }
            if proven.workshopsAtMost < served {
                found.append(Violation(rule: .provenFigures, message: "the plan states at most \(proven.workshopsAtMost) workshops possible, but gives \(served)"))
            }
            for bound in proven.bySubject ?? [] where bound.workshopsAtMost < given[bound.subject] ?? 0 {
                found.append(Violation(rule: .provenFigures, message:
                    "the plan states at most \(bound.workshopsAtMost) workshops possible in \(bound.subject), but gives \(given[bound.subject] ?? 0)"))
            }
            if let fewest = proven.sessionsAtLeast, fewest > sessionCount {
                found.append(Violation(rule: .provenFigures, message: "the plan states at least \(fewest) sessions could give its workshops, but has \(sessionCount)"))
            }
        }
        if let search = header.search, [search.workLimit, search.planWork, search.boundWork].contains(where: { !($0 >= 0 && $0.isFinite) }) {
            found.append(Violation(rule: .searchWork, message: "the plan states work figures that are not counts (\(search.workLimit), \(search.planWork), \(search.boundWork))"))
        }
        return found
    }
}
