/// A dated change to who is on the school's roster, recorded with `pacer enroll`, `pacer leave` or
/// `pacer teaches` and kept in the state with its history (nothing is deleted: a student who left
/// keeps their checks and attendance, and comes back with another `enroll`).
public struct RosterChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Joins on the date: someone new (with their details), or someone who left coming back.
        case enroll
        /// Leaves on the date: not planned from that day on.
        case leave
        /// A teacher runs these objectives from the date on.
        case teaches
    }

    /// The state's id of the change (0 before it is recorded); later changes have larger ids.
    public var id: Int64 = 0
    public var date: SchoolDate
    /// A student or a teacher (a supervisor's roster is scenario.yaml's).
    public var person: Absence.Person
    public var kind: Kind
    /// Someone new: their name, and a student's grade; nil for someone already known.
    public var details: Details?
    /// A teacher's objectives from the date (`teaches`, or a new teacher's `enroll`); empty otherwise.
    public var objectives: [ObjectiveID]
    public var note: String

    /// What a new person brings: a student's name, grade and starting objective per subject; a
    /// teacher's name (their objectives are `objectives`).
    public struct Details: Sendable, Equatable {
        public var name: String
        public var grade: String
        public var starts: [SubjectID: ObjectiveID]

        public init(name: String, grade: String = "", starts: [SubjectID: ObjectiveID] = [:]) {
            self.name = name
            self.grade = grade
            self.starts = starts
        }
    }

    public init(date: SchoolDate, person: Absence.Person, kind: Kind, details: Details? = nil, objectives: [ObjectiveID] = [], note: String = "") {
        self.date = date
        self.person = person
        self.kind = kind
        self.details = details
        self.objectives = objectives
        self.note = note
    }

    /// `Ben Ortiz (S-10) left on 2026-12-09 (moved away)`, names as `scenario` has them.
    public func text(in scenario: Scenario) -> String {
        let what: String = switch kind {
        case .enroll: "joined on \(date)"
        case .leave: "left on \(date)"
        case .teaches: "teaches \(objectives.map { id in scenario.objective(id).map { "\($0.title) (\(id))" } ?? id.rawValue }.joined(separator: ", ")) from \(date)"
        }
        return "\(name(in: scenario)) \(what)" + (note.isEmpty ? "" : " (\(note))")
    }
}

/// Every roster change the state holds, oldest date first (then in the order recorded): the one
/// home of who is on the roster on a date and what a teacher teaches then.
///
/// Someone in the scenario's files is on the roster from the term's start until they leave;
/// someone enrolled with `pacer enroll` is on it from the date they joined. Each enroll or leave
/// holds until the person's next one.
public struct Roster: Sendable, Equatable {
    public private(set) var changes: [RosterChange]

    public init(_ changes: [RosterChange] = []) {
        self.changes = changes.enumerated().sorted { ($0.element.date, $0.element.id, $0.offset) < ($1.element.date, $1.element.id, $1.offset) }.map(\.element)
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The person's changes, oldest first.
    public func changes(of person: Absence.Person) -> [RosterChange] { changes.filter { $0.person == person } }

    /// The enroll or leave in force for the person on `date` (the latest on or before it).
    public func membership(of person: Absence.Person, on date: SchoolDate) -> RosterChange? {
        changes.last { $0.person == person && $0.kind != .teaches && $0.date <= date }
    }

    /// Whether the person is on the roster on `date`: after their latest enroll, or, without one,
    /// unless they are someone new who has not joined yet.
    public func isOn(_ person: Absence.Person, on date: SchoolDate) -> Bool {
        if let change = membership(of: person, on: date) { return change.kind == .enroll }
        return !joinsLater(person)
    }

    /// Someone who came in by `pacer enroll` (not the scenario's files): their first change is an
    /// enroll carrying their details.
    public func joinsLater(_ person: Absence.Person) -> Bool {
        guard let first = changes.first(where: { $0.person == person && $0.kind != .teaches }) else { return false }
        return first.kind == .enroll && first.details != nil
    }

    /// Someone new whose first day is after `date`.
    public func notJoinedYet(_ person: Absence.Person, on date: SchoolDate) -> Bool {
        membership(of: person, on: date) == nil && joinsLater(person)
    }

    /// The leave in force for the person on `date`, or nil when they are on the roster.
    public func leave(of person: Absence.Person, on date: SchoolDate) -> RosterChange? {
        membership(of: person, on: date).flatMap { $0.kind == .leave ? $0 : nil }
    }

    /// The objectives a teacher runs on `date` by the roster (their latest `teaches`, or a new
    /// teacher's enroll), or nil when scenario.yaml's hold.
    public func teaches(_ teacher: TeacherID, on date: SchoolDate) -> [ObjectiveID]? {
        changes.last { $0.person == .teacher(teacher) && !$0.objectives.isEmpty && $0.date <= date }?.objectives
    }

    /// The changes recorded up to the change with id `last` (all when nil).
    func recorded(upTo last: Int64?) -> Roster {
        guard let last else { return self }
        return Roster(changes.filter { $0.id <= last })
    }

    /// The changes dated on or before `date`.
    func dated(through date: SchoolDate) -> Roster { Roster(changes.filter { $0.date <= date }) }
}
