import Foundation

/// A request (docs/requests.md): someone asks something of the plans for one student: a workshop
/// on an objective, a mastery check on an objective, or time with a named teacher; on a date, in
/// one flex block of a date, or in a week; at a priority the scenario names (`RequestPriorities`).
public struct StudentRequest: Sendable, Equatable {
    /// Who asked.
    public enum Asker: Sendable, Hashable, CustomStringConvertible {
        case scheduler
        case teacher(TeacherID)
        /// The student's family (or the student), for that student only.
        case family(StudentID)

        /// `scheduler`, `teacher:T-OKAFOR` or `family:S-01`, as the state and the command line write it.
        public var description: String {
            switch self {
            case .scheduler: "scheduler"
            case let .teacher(id): "teacher:\(id)"
            case let .family(id): "family:\(id)"
            }
        }

        public init?(_ text: String) {
            if text == "scheduler" {
                self = .scheduler
                return
            }
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { return nil }
            switch parts[0] {
            case "teacher": self = .teacher(TeacherID(rawValue: parts[1]))
            case "family": self = .family(StudentID(rawValue: parts[1]))
            default: return nil
            }
        }
    }

    /// What is asked for.
    public enum Want: Sendable, Hashable {
        case workshop(ObjectiveID)
        case check(ObjectiveID)
        case teacher(TeacherID)

        /// `workshop`, `check` or `teacher`, as the state writes it.
        public var kind: String {
            switch self {
            case .workshop: "workshop"
            case .check: "check"
            case .teacher: "teacher"
            }
        }

        /// The objective asked about, for a workshop or a check.
        public var objective: ObjectiveID? {
            switch self {
            case let .workshop(id), let .check(id): id
            case .teacher: nil
            }
        }
    }

    /// When: a school day, one flex block of a school day, or the week that starts on a date.
    public enum When: Sendable, Hashable, CustomStringConvertible {
        case date(SchoolDate)
        case block(SchoolDate, PeriodID)
        case week(SchoolDate)

        public var description: String {
            switch self {
            case let .date(date): date.text
            case let .block(date, period): "\(date) \(period)"
            case let .week(first): "week of \(first)"
            }
        }

        /// The first date it covers.
        public var first: SchoolDate {
            switch self {
            case let .date(date), let .block(date, _), let .week(date): date
            }
        }

        /// The dates it covers: its day, or the seven dates from a week's first (the school days
        /// among them are the week's).
        public var dates: [SchoolDate] {
            switch self {
            case let .date(date), let .block(date, _): [date]
            case let .week(first): (0..<7).map { first.adding(days: $0) }
            }
        }

        /// The last date it covers.
        public var last: SchoolDate { dates.last ?? first }

        /// The flex period it asks for, for a block.
        public var period: PeriodID? {
            if case let .block(_, period) = self { period } else { nil }
        }
    }

    /// Where a request stands.
    public enum Status: String, Sendable, CaseIterable {
        case open, planned, met, declined, cancelled

        /// Whether the request is open or planned (one declined by a plan or a conflict may still
        /// ask: `StudentRequest.isAsking`).
        public var isLive: Bool { self == .open || self == .planned }
    }

    public var id: Int64 = 0
    public let askedBy: Asker
    public let student: StudentID
    public let want: Want
    public let when: When
    public let priority: String
    public var status: Status = .open
    /// Why it was declined or cancelled, or how it was met; "" while it asks.
    public var reason = ""
    public let note: String
    /// The school day it was asked on.
    public let askedOn: SchoolDate
    /// Its place in the requests' sequence of events when it was made, and when it was closed
    /// (met, cancelled, or declined for good because its days passed); 0 and nil until stored.
    public internal(set) var seq: Int64 = 0
    public internal(set) var closedSeq: Int64?

    /// Whether it asks anything of the plans for a student whose current objective in each subject
    /// is `current`'s: time with a teacher, or a workshop or check on the current objective of the
    /// objective's subject. One on another objective (the student moved on, is not there yet, or
    /// the objective is no longer the scenario's) asks nothing, and takes no part in a conflict.
    /// The one rule: the planning context's goals and settling both read it.
    public func asksOfPlans(in scenario: Scenario, current: (SubjectID) -> ObjectiveID?) -> Bool {
        guard let objective = want.objective else { return true }
        guard let subject = scenario.objective(objective)?.subject else { return false }
        return current(subject) == objective
    }

    /// Whether it still asks something of the plans: open, planned, or declined by a plan or a
    /// conflict that a later plan, or the winner's cancelling, may change. Met, cancelled and a
    /// request whose days passed without it ask no more.
    public var isAsking: Bool { closedSeq == nil && status != .met && status != .cancelled }

    public init(askedBy: Asker, student: StudentID, want: Want, when: When, priority: String, note: String = "", askedOn: SchoolDate) {
        self.askedBy = askedBy
        self.student = student
        self.want = want
        self.when = when
        self.priority = priority
        // The note as `PersonText` keeps it (one line, trimmed: only spaces is no note); one it
        // refuses stays as typed, for `problem` to refuse with its reason.
        self.note = (try? PersonText(note, .note, lineBreaks: .refused).text) ?? note
        self.askedOn = askedOn
    }

    /// Why the request cannot be made in `scenario` on `today`, or nil: the one home of what a
    /// request must be, whoever makes it. The student, the objective and the teachers must be the
    /// scenario's; a family asks for its own student only; the objective must be of a subject the
    /// student takes; the date must be a school day from `today` on and within the calendar's
    /// term (`whenProblem`), the block's period a flex period, a week's date its first day; the
    /// priority one the scenario names; the note one line people may type, typed as one line (a
    /// line break refused).
    public func problem(in scenario: Scenario, today: SchoolDate) -> String? {
        if let problem = Self.whomProblem(askedBy, for: student, in: scenario) { return problem }
        switch want {
        case let .workshop(id), let .check(id):
            if let problem = scenario.unknownIDProblem(objective: id) { return problem }
            if let subject = scenario.objective(id)?.subject, let pupil = scenario.students.first(where: { $0.id == student }),
               pupil.current[subject] == nil {
                return "\(pupil.name) (\(student)) does not take \(subject), the subject of \(id)"
            }
        case let .teacher(id):
            if let problem = scenario.unknownIDProblem(teacher: id) { return problem }
        }
        if scenario.requestPriorities.weight(of: priority) == nil {
            return NearestNames.unknown("priority", priority, among: scenario.requestPriorities.levels.map(\.id))
        }
        if when.first < today { return "\(when.first) is before today (\(today)): a request asks of the plans to come" }
        if let problem = Self.whenProblem(when, in: scenario.calendar, today: today) { return problem }
        switch when {
        case let .date(date):
            if let problem = scenario.calendar.schoolDayProblem(date) { return problem }
        case let .block(date, period):
            if let problem = scenario.calendar.schoolDayProblem(date) { return problem }
            guard scenario.calendar.periods.contains(where: { $0.id == period && $0.isFlex }) else {
                return NearestNames.unknown("flex period", period.rawValue, among: scenario.calendar.periods.filter(\.isFlex).map(\.id.rawValue))
            }
        case let .week(first):
            if let problem = scenario.calendar.weekStartProblem(first) { return problem }
        }
        if case let .failure(problem) = PersonText.checked(note, .note, lineBreaks: .refused) { return problem.description }
        return nil
    }
}

extension StudentRequest {
    /// The most days after today a request may ask for when the calendar names no term.
    public static let daysAheadWithoutTerm = 366

    /// Why `when` is too far from the plans to come, or nil: with a term in the calendar, a day or
    /// a block must be one of its dates and a week must have a school day in it (as `pacer plan
    /// --week-of` plans the days of a week within the term); without one, no school day it asks
    /// for may be more than `daysAheadWithoutTerm` days after `today`.
    static func whenProblem(_ when: When, in calendar: SchoolCalendar, today: SchoolDate) -> String? {
        let dates: [SchoolDate] = switch when {
        case let .date(date), let .block(date, _): [date]
        case let .week(first): calendar.dates(weekOf: first).map(\.date)
        }
        if let term = calendar.term {
            if case let .week(first) = when {
                return dates.contains(where: term.contains) ? nil : "the week of \(first) is outside the term (\(term.firstDay) to \(term.lastDay))"
            }
            return dates.lazy.compactMap(term.problem).first
        }
        guard let last = dates.max(), today.days(to: last) > daysAheadWithoutTerm else { return nil }
        let what = if case let .week(first) = when { "the week of \(first) ends \(last), \(today.days(to: last)) days after today" } else { "\(last) is \(today.days(to: last)) days after today" }
        return "\(what) (\(today)); the calendar names no term, so a request asks at most \(daysAheadWithoutTerm) days ahead"
    }

    /// Why `asker` may not ask for `student` at all (`problem`'s first checks): an asker or a
    /// student the scenario does not know, or a family asking for another student, or nil.
    public static func whomProblem(_ asker: Asker, for student: StudentID, in scenario: Scenario) -> String? {
        if let problem = askerProblem(asker, in: scenario) { return problem }
        if student.rawValue.trimmingCharacters(in: .whitespaces).isEmpty { return "the request names no student" }
        // Before the student is looked up: a family learns nothing of another student's id.
        if case let .family(id) = asker, id != student { return "a family asks for its own student only (\(id), not \(student))" }
        return scenario.unknownIDProblem(student: student)
    }

    /// Why `asker` names nobody of the scenario (an unknown teacher, or a family's unknown
    /// student, with the nearest ids), or nil.
    public static func askerProblem(_ asker: Asker, in scenario: Scenario) -> String? {
        switch asker {
        case .scheduler: nil
        case let .teacher(id): scenario.unknownIDProblem(teacher: id)
        case let .family(id): scenario.unknownIDProblem(student: id)
        }
    }
}

/// The request priorities a scenario names (`requests: priorities:`), most urgent first, each with
/// the weight a request at it costs, once, a plan that could meet it and does not (`RequestGoal`).
public struct RequestPriorities: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public let id: String
        public let weight: Double
    }

    public var levels = [Level(id: "urgent", weight: 100), Level(id: "high", weight: 60), Level(id: "normal", weight: 30)]

    /// The priority a request gets when none is given: the least urgent.
    public var standard: String { levels.last?.id ?? "normal" }

    public func weight(of priority: String) -> Double? { levels.first { $0.id == priority }?.weight }
}
