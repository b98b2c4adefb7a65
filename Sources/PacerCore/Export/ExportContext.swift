/// Which part of a plan an export covers (`--for`).
public enum ExportFilter: Sendable, Equatable {
    case teacher(TeacherID)
    /// An aide or coach: their study groups only.
    case supervisor(SupervisorID)
    case room(RoomID)
    case student(StudentID)
    case grade(String)

    /// Parses `teacher:ID`, `supervisor:ID`, `room:ID`, `student:ID` or `grade:G`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "teacher": self = .teacher(TeacherID(rawValue: parts[1]))
        case "supervisor": self = .supervisor(SupervisorID(rawValue: parts[1]))
        case "room": self = .room(RoomID(rawValue: parts[1]))
        case "student": self = .student(StudentID(rawValue: parts[1]))
        case "grade": self = .grade(parts[1])
        default: return nil
        }
    }
}

/// A plan with what exporters need to show it to people: the scenario's names, titles and times,
/// the dates of its days when known, and an optional filter.
public struct ExportContext: Sendable {
    public let scenario: Scenario
    public let plan: WeekPlan
    /// The date of each day, when known (`--week-of`, or a day plan's own date).
    public let dates: [DayID: SchoolDate]
    public let filter: ExportFilter?
    public let day: DayID?
    /// The closed dates (the scenario's holidays and term, and the state's closures when there is
    /// a state): a session or study group on a closed date or period is shown as cancelled, with why.
    public let closedDates: ClosedDates
    private let studentsByID: [StudentID: Student]

    public init(scenario: Scenario, plan: WeekPlan, weekOf: SchoolDate?, filter: ExportFilter? = nil, day: DayID? = nil,
                closedDates: ClosedDates? = nil) {
        self.scenario = scenario
        self.closedDates = closedDates ?? scenario.calendar.closedDates
        self.plan = plan
        var dates: [DayID: SchoolDate] = [:]
        if plan.header.kind == .day, let date = plan.header.date.flatMap(SchoolDate.init) {
            for d in plan.days { dates[d.day] = date }
        } else if let weekOf = weekOf ?? plan.header.date.flatMap(SchoolDate.init) {
            for d in scenario.calendar.days { dates[d.id] = scenario.calendar.date(of: d, weekOf: weekOf) }
        }
        self.dates = dates
        self.filter = filter
        self.day = day
        self.studentsByID = Dictionary(uniqueKeysWithValues: scenario.students.map { ($0.id, $0) })
    }

    /// The sessions the export covers, in plan order, but for those on closed dates or periods
    /// (`closedSessions`).
    public var sessions: [PlannedSession] { plan.sessions.filter { covers($0) && closure(of: $0.day, $0.block) == nil } }

    /// The closure that takes `block` of `day` on its date, or nil when it is open (or the day has no date).
    public func closure(of day: DayID, _ block: BlockID) -> Closure? {
        guard let date = dates[day], let period = scenario.calendar.block(block)?.period else { return nil }
        return closedDates.closure(on: date, period: period)
    }

    /// The sessions the export covers that fall on a closed date or period, with the closure:
    /// cancelled, with why. For a regrouped day, the published sessions it dropped count too.
    public var closedSessions: [(session: PlannedSession, closure: Closure)] {
        let planned = Set(plan.sessions.map(\.teacherBlock))
        let dropped = (plan.published ?? []).filter { !planned.contains($0.teacherBlock) } + (plan.closedPublished ?? [])
        return (plan.sessions + dropped).filter(covers).compactMap { s in closure(of: s.day, s.block).map { (s, $0) } }
    }

    /// The study groups the export covers on a closed date or period, with the closure.
    public var closedStudyGroups: [(group: StudyGroup, closure: Closure)] {
        ((plan.study ?? []) + (plan.closedPublishedStudy ?? [])).filter(covers).compactMap { g in closure(of: g.day, g.block).map { (g, $0) } }
    }

    /// Whether the export covers a session (its day and `--for`).
    private func covers(_ s: PlannedSession) -> Bool {
        if let day, s.day != day { return false }
        switch filter {
        case nil: return true
        case let .teacher(id): return s.teacher == id
        case .supervisor: return false
        case let .room(id): return s.room == id
        case let .student(id): return s.students.contains(id)
        case let .grade(g): return s.students.contains { student($0)?.grade == g }
        }
    }

    /// For a regrouped day: the published sessions the export covers whose teacher has no session
    /// in that block any more (cancelled for the teacher).
    public var cancelledSessions: [PlannedSession] {
        let current = Set(plan.sessions.map(\.teacherBlock))
        return (plan.published ?? []).filter { covers($0) && !current.contains($0.teacherBlock) && closure(of: $0.day, $0.block) == nil }
    }

    /// For a regrouped day: each student the export covers with the published session they no
    /// longer attend in that block (their session was dropped, or they moved to another block).
    public var cancelledPlaces: [(student: StudentID, session: PlannedSession)] {
        var current = Set<StudentBlock>()
        for s in plan.sessions { for st in s.students { current.insert(StudentBlock(st, s.block)) } }
        return (plan.published ?? []).filter { covers($0) && closure(of: $0.day, $0.block) == nil }.flatMap { s in
            students(of: s).filter { !current.contains(StudentBlock($0, s.block)) }.map { (student: $0, session: s) }
        }
    }

    /// The SEQUENCE of a calendar event: 0 for a week plan, the day's revision for a regrouped
    /// day (1 for its first regroup, 2 for the second, …), so each regroup replaces the last.
    public var revision: Int { plan.header.kind == .day ? plan.header.revision ?? 1 : 0 }

    /// The students of a session the export shows (a grade filter shows only that grade's).
    public func students(of session: PlannedSession) -> [StudentID] {
        switch filter {
        case let .grade(g): return session.students.filter { student($0)?.grade == g }
        case let .student(id): return session.students.filter { $0 == id }
        default: return session.students
        }
    }

    /// The study groups the export covers, in plan order: those of its day, and for `--for` the
    /// groups a teacher supervises, held in a room, or that hold the student or the grade.
    public var studyGroups: [StudyGroup] { (plan.study ?? []).filter { covers($0) && closure(of: $0.day, $0.block) == nil } }

    /// Whether the export covers a study group (its day and `--for`).
    private func covers(_ g: StudyGroup) -> Bool {
        if let day, g.day != day { return false }
        switch filter {
        case nil: return true
        case let .teacher(id): return g.adults.contains { $0.rawValue == id.rawValue }
        case let .supervisor(id): return g.adults.contains { $0.rawValue == id.rawValue }
        case let .room(id): return g.room == id
        case let .student(id): return g.students.contains { $0.student == id }
        case let .grade(grade): return g.students.contains { student($0.student)?.grade == grade }
        }
    }

    /// The students of a study group the export shows (a grade or student filter shows only theirs).
    public func students(of group: StudyGroup) -> [StudyPlace] {
        switch filter {
        case let .grade(g): return group.students.filter { student($0.student)?.grade == g }
        case let .student(id): return group.students.filter { $0.student == id }
        default: return group.students
        }
    }

    /// The adults supervising the covered study groups, by name (a teacher filter: only that teacher).
    public var supervisingAdults: [AdultID] { adults(of: studyGroups) }

    /// The adults of `groups` the export shows, by name (a teacher or supervisor filter: only them).
    public func adults(of groups: [StudyGroup]) -> [AdultID] {
        var adults = Set(groups.flatMap(\.adults))
        switch filter {
        case let .teacher(id): adults = adults.filter { $0.rawValue == id.rawValue }
        case let .supervisor(id): adults = adults.filter { $0.rawValue == id.rawValue }
        default: break
        }
        return adults.sorted { (adultName($0), $0.rawValue) < (adultName($1), $1.rawValue) }
    }

    /// For a regrouped day: each adult the published study had in a block who now supervises no
    /// study and runs no session there (away, or no longer needed), as the study group they lost
    /// (its room and times, no students), so their calendar can cancel it.
    public var cancelledSupervision: [(adult: AdultID, group: StudyGroup)] {
        let running = Set(plan.sessions.map { AdultBlock(AdultID(rawValue: $0.teacher.rawValue), $0.block) })
        return (plan.changes?.supervision ?? []).compactMap { change in
            guard let room = change.roomBefore, change.roomAfter == nil, !running.contains(AdultBlock(change.adult, change.block)),
                  let block = scenario.calendar.block(change.block) else { return nil }
            if let day, block.day != day { return nil }
            switch filter {
            case nil: break
            case let .teacher(id): guard id.rawValue == change.adult.rawValue else { return nil }
            case let .supervisor(id): guard id.rawValue == change.adult.rawValue else { return nil }
            case let .room(id): guard id == room else { return nil }
            case .student, .grade: return nil
            }
            return (change.adult, StudyGroup(id: "\(block.id)/study/\(room)", day: block.day, block: block.id, start: clockText(block.start),
                                             end: clockText(block.end), room: room, adults: [change.adult], students: []))
        }
    }

    /// Each covered student's study group and place in each block, for a timetable's cells.
    var studyPlaces: [StudentBlock: (group: StudyGroup, place: StudyPlace)] {
        var places: [StudentBlock: (group: StudyGroup, place: StudyPlace)] = [:]
        for g in studyGroups { for p in students(of: g) { places[StudentBlock(p.student, g.block)] = (g, p) } }
        return places
    }

    /// The students with no place in a block that the export covers (its day; students, a grade or
    /// everyone), in plan order.
    public var unplaced: [UnplacedStudent] {
        (plan.unplaced ?? []).filter { u in
            if let day, scenario.calendar.block(u.block)?.day != day { return false }
            switch filter {
            case nil: return true
            case let .student(id): return u.student == id
            case let .grade(g): return student(u.student)?.grade == g
            case .teacher, .supervisor, .room: return false
            }
        }
    }

    /// The adults of a study group by name: `Ms Park and Mr Chen`.
    public func adultNames(_ adults: [AdultID]) -> String { scenario.adultNames(adults) }

    public func adultName(_ id: AdultID) -> String { scenario.adultName(id) }
    /// `Independent study` with the objective's title, or without one when the student has none left.
    public func studyWhat(_ place: StudyPlace) -> String {
        place.objective.map { "Independent study: " + objectiveTitle($0) } ?? "Independent study"
    }
    public func student(_ id: StudentID) -> Student? { studentsByID[id] }
    public func teacherName(_ id: TeacherID) -> String { scenario.teacherName(id) }
    public func roomName(_ id: RoomID) -> String { scenario.roomName(id) }
    public func objectiveTitle(_ id: ObjectiveID) -> String { scenario.objectiveTitle(id) }
    public func subjectName(_ id: SubjectID) -> String { scenario.subjects.first { $0.id == id }?.name ?? id.rawValue }
    public func date(_ day: DayID) -> String { dates[day]?.text ?? "" }
}

/// One output format: its files, by path relative to the output folder.
public protocol PlanExporter: Sendable {
    func files(_ context: ExportContext) throws -> [String: String]
}

extension PlanExporter {
    /// Writes the format's files into `folder` and returns their paths, relative to it.
    public func write(_ context: ExportContext, to folder: String) throws -> [String] {
        try ExportFiles.write(try files(context), to: folder)
    }
}
