import GRDB

/// The words a request's status is set with where they are matched again (a check's meeting, a
/// day passed), in one place.
enum RequestStatusReasons {
    /// A request whose days passed without it being met.
    static let dayPassed = "the day passed without it"
    /// The same, for a request declined before with `cause` (kept, so that a scheduler reading the
    /// list later still sees why): "the day passed without it (Ms Okafor is recorded away …)".
    static func dayPassed(declinedFor cause: String) -> String { cause.isEmpty ? dayPassed : "\(dayPassed) (\(cause))" }
    /// The SQL LIKE pattern of `dayPassed(declinedFor:)` with a cause (the words hold no % or _).
    static let dayPassedWithCause = dayPassed + " (%"
    /// A request asked after the plan in force on its days was made, which did not weigh it.
    static let askedAfterPlan = "asked after the plan in force was made: the day's regroup, or the next plan, weighs it"

    /// How a check meets a check request: "checked on 2026-11-24 (check 12)".
    static func checked(on date: SchoolDate, check: Int64) -> String { "checked on \(date) (check \(check))" }
}

extension StateStore {
    /// Sets where each request still asking stands (docs/requests.md, *Where a request stands*),
    /// the one place that does, after anything that can change it (a request made or cancelled, a
    /// plan published, a check recorded or withdrawn, a closure or an absence recorded, a closure
    /// reopened, `request list`):
    ///
    /// 1. With `today`, a request whose last day is before it is closed: a workshop or teacher
    ///    request the attendance shows met is `met` ("had Mr Lee's workshop on … on 2026-11-24"),
    ///    else `declined` ("the day passed without it"); a check request the plan gave stays
    ///    `planned` until the check is recorded, one it did not is declined so.
    /// 2. Two requests for one block are settled (`RequestConflicts`): the loser is `declined`,
    ///    naming the winner.
    /// 3. The others are `planned` when the plan in force on a day of theirs gives it (a workshop
    ///    on the objective for the student, in the block when one is asked; for time with a
    ///    teacher, one of that teacher's sessions), `declined` with the plan's reason when every day
    ///    of theirs has a plan and none gives it, and `open` while a day of theirs has no plan yet.
    ///
    /// Only planned and declined move back and forth as plans change; met, cancelled and a
    /// request whose days passed never change here.
    ///
    /// It reads only the requests still asking, each published plan decoded once per store
    /// (`publishedPlan`), and the closures and roster once for all the requests it declines.
    func settleRequests(_ db: Database, scenario: Scenario, today: SchoolDate?) throws {
        let asking = try Self.requests(db, asking: true)
        guard !asking.isEmpty else { return }
        var plans = PlansInForce(scenario: scenario, decode: { try self.publishedPlan(db, $0) })
        var obstacles: RequestObstacles?
        var still: [StudentRequest] = []
        for request in asking {
            guard let today, request.when.last < today else {
                still.append(request)
                continue
            }
            if case .check = request.want, request.status == .planned { continue }
            if let attended = try Self.attended(request, db, scenario: scenario) {
                try Self.close(request.id, .met, attended, db)
            } else {
                let cause = request.status == .declined ? request.reason : ""
                try Self.close(request.id, .declined, RequestStatusReasons.dayPassed(declinedFor: cause), db)
            }
        }
        let histories = try self.histories(db, scenario: scenario, of: Set(still.map(\.student)))
        let losers = try Self.conflictLosers(still.filter { request in
            request.asksOfPlans(in: scenario) { histories[request.student]?.track(request.student, $0)?.current }
        }, db, scenario: scenario, obstacles: &obstacles)
        for request in still {
            var (status, reason): (StudentRequest.Status, String)
            if let why = losers[request.id] {
                (status, reason) = (.declined, why)
            } else {
                (status, reason) = try RequestAgainstPlans(request: request, scenario: scenario, history: histories[request.student]).status(&plans, db)
                // Declined because the student is away, or the school closed, says so rather than the
                // plan's words; one no plan covers yet says so too, rather than only "open"; and so
                // does one a plan gave on a day closed, or a student recorded away, since it was made.
                if status == .declined || status == .planned || reason == RequestStatusReasons.askedAfterPlan || (status == .open && reason.isEmpty) {
                    let found = try obstacles ?? RequestObstacles(db, scenario: scenario)
                    obstacles = found
                    if let why = try found.unservable(request, db) { (status, reason) = (.declined, why) }
                }
            }
            if status != request.status || reason != request.reason {
                try db.cachedStatement(sql: "UPDATE request SET status = ?, reason = ? WHERE id = ?").execute(arguments: [status.rawValue, reason, request.id])
            }
        }
    }

    /// The requests that lose their block to another (`RequestConflicts`), with why. A request
    /// nothing can serve (`RequestObstacles.unservable`: a teacher who runs none of the student's
    /// objectives, a closed day, …) wins no block: it would switch off one that can be met. The
    /// obstacles are read only when there is a conflict.
    static func conflictLosers(_ asking: [StudentRequest], _ db: Database, scenario: Scenario, obstacles: inout RequestObstacles?) throws -> [Int64: String] {
        let losers = RequestConflicts.losers(asking, scenario: scenario)
        guard !losers.isEmpty else { return losers }
        let found = try obstacles ?? RequestObstacles(db, scenario: scenario)
        obstacles = found
        return RequestConflicts.losers(try asking.filter { try found.unservable($0, db) == nil }, scenario: scenario)
    }

    /// Sets where the requests stand as of `today` (`settleRequests`), in one transaction.
    public func settleRequests(_ scenario: Scenario, today: SchoolDate?) throws {
        try write { db in try settleRequests(db, scenario: scenario, today: today) }
    }

    /// Settles the requests as of `today` once a day, for a process that runs across days (the
    /// portal: a request whose day passed while nobody ran a command is shown as it stands). The
    /// first call on a date settles only if the state is free at once, never waiting behind a long
    /// write; a later call tries again when it was not. Returns whether it settled.
    @discardableResult
    public func settleRequestsOnce(on today: SchoolDate, scenario: Scenario) -> Bool {
        if requestsSettledOn.withLock({ $0 == today }) { return false }
        let settled = writeIfFree { db in
            try db.inTransaction(.immediate) {
                try settleRequests(db, scenario: scenario, today: today)
                return .commit
            }
        }
        if settled { requestsSettledOn.withLock { $0 = today } }
        return settled
    }

    private static func close(_ id: Int64, _ status: StudentRequest.Status, _ reason: String, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE request SET status = ?, reason = ?, closed_seq = ? WHERE id = ?")
            .execute(arguments: [status.rawValue, reason, try nextRequestSeq(db), id])
    }

    /// How the attendance shows a workshop or teacher request met in its days, in words ("had Mr
    /// Lee's workshop on Unit rates (MATH-7.RP.1), Tuesday 2026-11-24, 09:25–10:05 (F1)"), or nil.
    private static func attended(_ request: StudentRequest, _ db: Database, scenario: Scenario) throws -> String? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT date, block, teacher, objective FROM attendance WHERE student = ? AND date >= ? AND date <= ? ORDER BY date, block"),
                                    arguments: [request.student.rawValue, request.when.first.text, request.when.last.text])
        for row in rows {
            let block = BlockID(rawValue: row["block"]), teacher = TeacherID(rawValue: row["teacher"]), objective = ObjectiveID(rawValue: row["objective"])
            let period = scenario.calendar.block(block)?.period
            if let asked = request.when.period, asked != period { continue }
            let met: Bool = switch request.want {
            case let .workshop(id): id == objective
            case let .teacher(id): id == teacher
            case .check: false
            }
            if met { return "had " + RequestAgainstPlans.session(teacher: teacher, objective: objective, date: row["date"], period: period, scenario) }
        }
        return nil
    }
}

/// The plans in force on dates, looked up once each while requests are settled: the latest
/// publication covering the date (a regrouped day's plan, or the week's), decoded by `decode`.
struct PlansInForce {
    let scenario: Scenario
    let decode: (Int64) throws -> WeekPlan?
    private var byDate: [SchoolDate: (plan: WeekPlan, day: DayID, weekOf: SchoolDate)?] = [:]

    init(scenario: Scenario, decode: @escaping (Int64) throws -> WeekPlan?) {
        self.scenario = scenario
        self.decode = decode
    }

    mutating func plan(on date: SchoolDate, _ db: Database) throws -> (plan: WeekPlan, day: DayID, weekOf: SchoolDate)? {
        if let known = byDate[date] { return known }
        let found = try StateStore.publication(db, scenario: scenario, on: date, plan: decode).map { ($0.plan, $0.day, $0.weekOf) }
        byDate[date] = found
        return found
    }

    private var closed: ClosedDates?
    private var awayOn: [SchoolDate: Absences] = [:]

    /// Whether a place the plan in force gives `student` in `block` on `date` still stands: the
    /// school is not closed then (a closure recorded since), and neither the student nor `adult`
    /// (the workshop's teacher, or the check slot's) is recorded away in it. A regroup would drop
    /// it; until one is published, a request it held is no longer `planned` by it.
    mutating func stands(_ block: BlockID, on date: SchoolDate, student: StudentID, adult: TeacherID, _ db: Database) throws -> Bool {
        guard let day = scenario.calendar.day(on: date), let period = scenario.calendar.block(block)?.period else { return false }
        let closed = try self.closed ?? StateStore.closedDates(db, scenario: scenario)
        self.closed = closed
        if closed.closure(on: date, period: period) != nil { return false }
        let away = try awayOn[date] ?? StateStore.absentBlocks(db, scenario: scenario, dates: [(date, day)])
        awayOn[date] = away
        return away.students[student]?.contains(block) != true && away.teachers[adult]?.contains(block) != true
    }
}

/// One request against the plans in force on its days: planned, declined with the plan's reason,
/// or open while a day of it has no plan.
struct RequestAgainstPlans {
    let request: StudentRequest
    let scenario: Scenario
    let history: ProgressHistory?

    private var name: String { scenario.students.first { $0.id == request.student }?.name ?? request.student.rawValue }

    func status(_ plans: inout PlansInForce, _ db: Database) throws -> (StudentRequest.Status, String) {
        let schoolDays = request.when.dates.filter { scenario.calendar.day(on: $0) != nil }
        if case let .workshop(objective) = request.want, let problem = notOn(objective) { return (.declined, problem) }
        if case let .check(objective) = request.want, let problem = notOn(objective) { return (.declined, problem) }
        var uncovered = false
        var held: [(date: SchoolDate, session: PlannedSession, period: PeriodID?)] = []
        var unserved: UnservedReason?
        var teacherThere = false
        var madeBefore = false
        // The first place the plan gave it that no longer stands (`PlansInForce.stands`), in words.
        var dropped: String?
        for date in schoolDays {
            guard let (plan, day, _) = try plans.plan(on: date, db) else {
                uncovered = true
                continue
            }
            // A plan made before the request was asked did not weigh it: only what it gives counts.
            if (plan.header.madeFrom?.lastRequest ?? 0) < request.seq { madeBefore = true }
            for session in plan.sessions where session.day == day && session.students.contains(request.student) {
                let period = scenario.calendar.block(session.block)?.period
                guard try plans.stands(session.block, on: date, student: request.student, adult: session.teacher, db) else {
                    dropped = dropped ?? Self.session(teacher: session.teacher, objective: session.objective, date: date.text, period: period, scenario)
                    continue
                }
                let wanted: Bool = switch request.want {
                case let .workshop(id), let .check(id): session.objective == id
                case let .teacher(id): session.teacher == id
                }
                guard wanted else { continue }
                if request.when.period == nil || request.when.period == period {
                    return (.planned, Self.session(teacher: session.teacher, objective: session.objective, date: date.text, period: period, scenario))
                }
                held.append((date, session, period))
            }
            if case let .check(id) = request.want {
                for held in plan.checkSlots(of: request.student, on: id, day: day) {
                    let (group, teacher) = (held.group, held.teacher)
                    let period = scenario.calendar.block(group.block)?.period
                    guard try plans.stands(group.block, on: date, student: request.student, adult: teacher, db) else {
                        dropped = dropped ?? Self.checkSlot(teacher: teacher, objective: id, room: group.room, date: date.text, period: period, scenario)
                        continue
                    }
                    if request.when.period == nil || request.when.period == period {
                        return (.planned, Self.checkSlot(teacher: teacher, objective: id, room: group.room, date: date.text, period: period, scenario))
                    }
                }
            }
            if case let .teacher(id) = request.want {
                teacherThere = teacherThere || plan.sessions.contains { $0.day == day && $0.teacher == id
                    && (request.when.period == nil || scenario.calendar.block($0.block)?.period == request.when.period) }
            }
            if unserved == nil, let subject = request.want.objective.flatMap({ scenario.objective($0)?.subject }) {
                unserved = plan.unserved.first { $0.student == request.student && $0.subject == subject }?.reason
            }
        }
        if uncovered || schoolDays.isEmpty { return (.open, "") }
        if madeBefore { return (.open, RequestStatusReasons.askedAfterPlan) }
        if let dropped {
            return (.declined, "the plan's \(dropped) no longer stands (the school closed then, or \(name) or the teacher is recorded away): the day's regroup weighs the request again")
        }
        if let (date, session, period) = held.first {
            return (.declined, "the plan gives \(name) \(Self.session(teacher: session.teacher, objective: session.objective, date: date.text, period: period, scenario)), not one in \(request.when.period?.rawValue ?? "the block")")
        }
        // "on Tuesday 2026-11-24, 09:25–10:05 (F1)", "in the week of Monday 2026-11-23".
        let when = (request.when.period == nil && request.when.dates.count > 1 ? "in " : "on ") + RequestText.when(request.when, scenario)
        switch request.want {
        case let .workshop(id):
            if let unserved { return (.declined, "the plan could not give \(name) a workshop on \(title(id)): \(unserved.text)") }
            return (.declined, "the plan holds no workshop on \(title(id)) for \(name) \(when): they have had, or have on other days, the workshops their objective asks for this week")
        case let .check(id):
            // Nor a check slot (`CheckSlots`): no teacher who runs it was free to hold one while the student studied.
            let noSlot = "nor a check slot: no teacher who runs it is free to hold one while \(name) studies \(when) "
                + "(each runs a workshop then, is away, does not supervise study, or holds \(CheckSlots.perBlock) checks already)"
            if let unserved { return (.declined, "the plan could not give \(name) a workshop on \(title(id)) (\(unserved.text)), \(noSlot)") }
            return (.declined, "the plan holds no workshop on \(title(id)) for \(name) \(when), \(noSlot)")
        case let .teacher(id):
            let teacher = scenario.teachers.first { $0.id == id }?.name ?? id.rawValue
            if !teacherThere { return (.declined, "\(teacher) has no session \(when) in the plan") }
            return (.declined, "the plan puts \(name) in none of \(teacher)'s sessions \(when)")
        }
    }

    /// Why plans do not weigh a request on `objective`: the student moved on from it, is not on it
    /// yet, or has left; nil when it is their current objective.
    private func notOn(_ objective: ObjectiveID) -> String? {
        guard let subject = scenario.objective(objective)?.subject else { return nil }
        guard let track = history?.tracks[StudentSubject(request.student, subject)] else {
            return "\(name) has no place in \(subject) in the term's state"
        }
        guard let current = track.current else { return "\(name) has mastered every \(subject) objective" }
        if current == objective { return nil }
        if track.entries.contains(where: { $0.objective == objective && $0.masteredOn != nil }) {
            return "\(name) moved on from \(title(objective)): now on \(title(current))"
        }
        return "\(name) is on \(title(current)), not yet on \(title(objective)): plans serve the objective a student is on"
    }

    private func title(_ id: ObjectiveID) -> String { "\(scenario.objective(id)?.title ?? id.rawValue) (\(id))" }

    /// "a mastery check with Mr Lee on Unit rates with fractions (MATH-7.RP.1) during independent
    /// study in the Library, Tuesday 2026-11-24, 09:25–10:05 (F1)" (a check slot, `CheckSlots`).
    static func checkSlot(teacher: TeacherID, objective: ObjectiveID, room: RoomID, date: String, period: PeriodID?, _ scenario: Scenario) -> String {
        let who = scenario.teachers.first { $0.id == teacher }?.name ?? teacher.rawValue
        let place = scenario.rooms.first { $0.id == room }?.name ?? room.rawValue
        return "a mastery check with \(who) on \(scenario.objective(objective)?.title ?? objective.rawValue) (\(objective)) during independent study in \(place), \(when(date, period, scenario))"
    }

    /// "Tuesday 2026-11-24, 09:25–10:05 (F1)", or the day alone without a period.
    private static func when(_ date: String, _ period: PeriodID?, _ scenario: Scenario) -> String {
        SchoolDate(date).map { day in RequestText.when(period.map { .block(day, $0) } ?? .date(day), scenario) } ?? date
    }

    /// "Mr Lee's workshop on Unit rates with fractions (MATH-7.RP.1), Tuesday 2026-11-24, 09:25–10:05 (F1)".
    static func session(teacher: TeacherID, objective: ObjectiveID, date: String, period: PeriodID?, _ scenario: Scenario) -> String {
        let who = scenario.teachers.first { $0.id == teacher }?.name ?? teacher.rawValue
        return "\(who)'s workshop on \(scenario.objective(objective)?.title ?? objective.rawValue) (\(objective)), \(when(date, period, scenario))"
    }
}

extension StateStore {
    /// Why `request` may not be served though it is taken (docs/requests.md): the school is
    /// closed on every flex block it asks for, the student is off the roster then (left, or not
    /// yet joined), or not free in any of them (unavailable in students.csv, or recorded away),
    /// or, for time with a teacher, the teacher is off the roster or not free in any of them
    /// (unavailable in scenario.yaml, or recorded away), the two are free in no block together,
    /// or the teacher runs none of the student's current objectives. Empty when nothing stands in
    /// its way.
    public func warnings(for request: StudentRequest, scenario: Scenario) throws -> [String] {
        try read { db in try RequestObstacles(db, scenario: scenario).unservable(request, db).map { [$0] } ?? [] }
    }
}

/// What can stand in the way of any request (the closures, the roster), read once for all the
/// requests a settling looks at.
final class RequestObstacles {
    let scenario: Scenario
    let closed: ClosedDates
    let roster: Roster
    /// Who is away on the dates a request asks for, read once per set of dates.
    private var away: [[SchoolDate]: Absences] = [:]
    /// The rules over the scenario with those absences, made once per set of dates.
    private var rules: [[SchoolDate]: RuleCatalogue] = [:]

    init(_ db: Database, scenario: Scenario) throws {
        self.scenario = scenario
        closed = try StateStore.closedDates(db, scenario: scenario)
        roster = try StateStore.roster(db)
    }

    /// Why nothing can serve `request` (`StateStore.warnings(for:scenario:)`), or nil: the one
    /// home of these causes, which `request add` warns with and a settling declines with (in
    /// place of the plan's words, which would blame the plan for what no plan could do).
    func unservable(_ request: StudentRequest, _ db: Database) throws -> String? {
        let (scenario, closed, roster) = (scenario, closed, roster)
        let name = scenario.students.first { $0.id == request.student }?.name ?? request.student.rawValue
        let then = if case .week = request.when { "in the \(request.when)" } else { "on \(request.when)" }
        let dated = request.when.dates.compactMap { date in scenario.calendar.day(on: date).map { (date, $0) } }
        func asked(_ day: Day) -> [Block] {
            scenario.calendar.flexBlocks.filter { block in
                block.day == day.id && (request.when.period.map { $0 == block.period } ?? true)
            }
        }
        let open = dated.filter { date, day in asked(day).contains { closed.closure(on: date, period: $0.period) == nil } }
        if open.isEmpty {
            let why = dated.lazy.compactMap { date, day in asked(day).lazy.compactMap { closed.closure(on: date, period: $0.period) }.first }.first
            return "the school is closed \(then)" + (why.map { " (\($0.text))" } ?? "") + ": no plan will serve it"
        }
        if open.allSatisfy({ !roster.isOn(.student(request.student), on: $0.0) }) {
            return "\(name) is not on the roster \(then) (left, or not yet joined): no plan will serve it"
        }
        let dates = open.map(\.0)
        if self.away[dates] == nil { self.away[dates] = try StateStore.absentBlocks(db, scenario: scenario, dates: open) }
        let away = self.away[dates] ?? Absences()
        // The open blocks it asks for, each a block of the week (`Mon-F1`): whom it needs must be free in one.
        let blocks = open.flatMap { date, day in asked(day).filter { closed.closure(on: date, period: $0.period) == nil }.map(\.id) }
        let standing = scenario.students.first { $0.id == request.student }?.unavailable ?? []
        if let why = Self.notFree(name, in: blocks, standing: Set(standing), file: "students.csv", away: away.students[request.student] ?? [], then) {
            return why
        }
        guard case let .teacher(id) = request.want else {
            guard let objective = request.want.objective.flatMap(scenario.objective) else { return nil }
            return try noPlanServes(request.student, objective, in: blocks, days: open, then)
        }
        let teacher = scenario.teachers.first { $0.id == id }
        let who = teacher?.name ?? id.rawValue
        if open.allSatisfy({ !roster.isOn(.teacher(id), on: $0.0) }) {
            return "\(who) is not on the roster \(then) (left, or not yet joined): no plan will serve it"
        }
        if let why = Self.notFree(who, in: blocks, standing: Set(teacher?.unavailable ?? []), file: "scenario.yaml", away: away.teachers[id] ?? [], then) {
            return why
        }
        // Each is free in some block, but maybe never in the same one.
        let studentOff = Set(standing).union(away.students[request.student] ?? []), teacherOff = Set(teacher?.unavailable ?? []).union(away.teachers[id] ?? [])
        guard blocks.contains(where: { !studentOff.contains($0) && !teacherOff.contains($0) }) else {
            return "\(name) and \(who) are free in no block together \(then) (unavailable or recorded away): no plan will serve it"
        }
        return try noWorkshopWith(id, who, for: request.student, name, in: blocks, days: open, db, then)
    }

    /// Why `teacher` (named `who`) could run no workshop `student` (named `name`) may attend in
    /// any of `blocks` (blocks of the week, on `days`): a workshop on one of the student's
    /// current objectives (the term's state) that the rule catalogue permits the student, that
    /// teacher and a room in (`RuleCatalogue.servingObstacle`, with the teacher), or nil.
    private func noWorkshopWith(_ teacher: TeacherID, _ who: String, for student: StudentID, _ name: String, in blocks: [BlockID],
                                days: [(SchoolDate, Day)], _ db: Database, _ then: String) throws -> String? {
        let rules = catalogue(days)
        guard let s = rules.school.studentAt[student], let t = rules.school.teacherAt[teacher] else { return nil }
        let history = try StateStore.derivedHistory(db, scenario: scenario, of: student)
        let current = scenario.subjects.compactMap { history.track(student, $0.id)?.current.flatMap(scenario.objective) }
        let titles = current.map { "\($0.title) (\($0.id))" }.joined(separator: ", ")
        guard !current.isEmpty else { return "\(name) is on no objective now: no plan will serve it" }
        let at = blocks.compactMap { rules.school.blockAt[$0] }
        let obstacles = current.map { rules.servingObstacle(student: s, attending: $0, in: at, by: t) }
        if obstacles.contains(where: { $0 == nil }) { return nil }
        if obstacles.allSatisfy({ $0 == .teacher }) {
            return "\(who) runs none of \(name)'s current objectives (\(titles)) \(then): no plan will serve it"
        }
        return "no room that suits a workshop of \(who)'s on \(name)'s current objectives (\(titles)) is free \(then): no plan will serve it"
    }

    /// The rules over the scenario as the planning context has it for `days`: by the roster
    /// (`Scenario.onRoster`: a teacher who left, or has not joined, is away on the days they are off
    /// it; one who joined is there; each teaches what the roster says), with the absences recorded;
    /// made once per set of dates.
    private func catalogue(_ days: [(SchoolDate, Day)]) -> RuleCatalogue {
        let dates = days.map(\.0)
        if let known = rules[dates] { return known }
        let (onRoster, off) = scenario.withRoster(roster).onRoster(dates: days)
        let made = RuleCatalogue(onRoster.withState(current: [:], absences: (away[dates] ?? Absences()).merged(with: off)))
        rules[dates] = made
        return made
    }

    /// Why no teacher or no room could take `student` on `objective` in any of `blocks` (blocks of
    /// the week, on `days`), by the rule catalogue (`RuleCatalogue.servingObstacle`) over the
    /// scenario as the planning context has it for those days (`catalogue`), or nil.
    private func noPlanServes(_ student: StudentID, _ objective: Objective, in blocks: [BlockID], days: [(SchoolDate, Day)], _ then: String) throws -> String? {
        let rules = catalogue(days)
        guard let s = rules.school.studentAt[student] else { return nil }
        let title = "\(objective.title) (\(objective.id))"
        switch rules.servingObstacle(student: s, attending: objective, in: blocks.compactMap { rules.school.blockAt[$0] }) {
        case .teacher?: return "no teacher who runs \(title) is there \(then) (away, unavailable, or not teaching it): no plan will serve it"
        case .room?: return "no room that suits \(title) is free \(then): no plan will serve it"
        case .student?, nil: return nil
        }
    }

    /// Why `who` is free in none of `blocks`, each unavailable in `file` (`standing`) or recorded
    /// away (`away`), or nil: "Ava Martin is unavailable on 2026-11-24 F1 (students.csv)", "… is
    /// recorded away …" (the absence can be withdrawn), or both.
    private static func notFree(_ who: String, in blocks: [BlockID], standing: Set<BlockID>, file: String, away: Set<BlockID>, _ then: String) -> String? {
        guard !blocks.isEmpty, blocks.allSatisfy({ standing.contains($0) || away.contains($0) }) else { return nil }
        if blocks.allSatisfy(away.contains) { return "\(who) is recorded away \(then): no plan will serve it unless the absence is withdrawn" }
        if blocks.allSatisfy(standing.contains) { return "\(who) is unavailable \(then) (\(file)): no plan will serve it" }
        return "\(who) is unavailable (\(file)) or recorded away in every block \(then): no plan will serve it"
    }
}
