/// The known names closest to one that was mistyped, for "did you mean" in error messages.
public enum NearestNames {
    /// Up to `limit` of `known` within a few edits of `text` (case ignored), closest first.
    public static func to(_ text: String, among known: [String], limit: Int = 3) -> [String] {
        let wanted = Array(text.lowercased())
        let allowed = max(2, wanted.count / 3)
        let scored = known.compactMap { name -> (Int, String)? in
            let d = distance(wanted, Array(name.lowercased()), cap: allowed)
            return d <= allowed ? (d, name) : nil
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    /// `unknown teacher 'T-OKAFR'; did you mean T-OKAFOR?` (or the known ones, when few).
    public static func unknown(_ kind: String, _ text: String, among known: [String]) -> String {
        let near = to(text, among: known)
        if !near.isEmpty { return "unknown \(kind) '\(printable(text))'; did you mean \(near.joined(separator: ", "))?" }
        if known.isEmpty { return "unknown \(kind) '\(printable(text))': the scenario has none" }
        if known.count <= 8 { return "unknown \(kind) '\(printable(text))'; known: \(known.joined(separator: ", "))" }
        return "unknown \(kind) '\(printable(text))'"
    }

    /// Levenshtein distance, giving up (returning `cap + 1`) once every path exceeds `cap`.
    static func distance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if (current.min() ?? 0) > cap { return cap + 1 }
            previous = current
        }
        return previous[b.count]
    }
}

/// The ids a person may name in a file or a form, to find which one they meant: exactly, or the
/// one id it equals once surrounding spaces and case are set aside (`s-05 ` is S-05). Two known ids
/// that differ only in case are matched exactly only.
public struct KnownIDs: Sendable {
    public let all: [String]
    private let exact: Set<String>
    /// Lowercased id → the id; nil when two ids share it.
    private let folded: [String: String?]

    public init(_ ids: [String]) {
        all = ids
        exact = Set(ids)
        var folded: [String: String?] = [:]
        for id in ids {
            let key = id.lowercased()
            folded[key] = folded[key] == nil ? id : .some(nil)
        }
        self.folded = folded
    }

    /// The known id `text` names, or nil when it names none.
    public func match(_ text: String) -> String? {
        if exact.contains(text) { return text }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if exact.contains(trimmed) { return trimmed }
        return folded[trimmed.lowercased()] ?? nil
    }

    /// `unknown student 's-5'; did you mean S-05?`
    public func unknown(_ kind: String, _ text: String) -> String {
        NearestNames.unknown(kind, text.trimmingCharacters(in: .whitespaces), among: all)
    }
}

extension DiagnosticLog {
    /// The known id a file's `cell` names: itself, or the one it equals with case aside, with a
    /// warning naming both (`'s-05' read as S-05`); nil when it names none (the caller says so).
    func match(_ cell: Located<String>, in known: KnownIDs) -> String? {
        guard let id = known.match(cell.value) else { return nil }
        if id != cell.value.trimmingCharacters(in: .whitespaces) { warning(cell.location, "'\(printable(cell.value))' read as \(id)") }
        return id
    }
}

extension Scenario {
    /// The id a person typed into a form, as the scenario knows it (`KnownIDs.match`: surrounding
    /// spaces and case aside); the text trimmed when it names none, for `unknownIDProblem` to report.
    public func studentID(_ text: String) -> StudentID {
        StudentID(rawValue: KnownIDs(students.map(\.id.rawValue)).match(text) ?? text.trimmingCharacters(in: .whitespaces))
    }

    public func objectiveID(_ text: String) -> ObjectiveID {
        ObjectiveID(rawValue: KnownIDs(objectives.map(\.id.rawValue)).match(text) ?? text.trimmingCharacters(in: .whitespaces))
    }

    /// Why an id named on the command line is not in the scenario (with the nearest known ones),
    /// or nil when it is.
    public func unknownIDProblem(student: StudentID) -> String? {
        students.contains { $0.id == student } ? nil : NearestNames.unknown("student", student.rawValue, among: students.map(\.id.rawValue))
    }

    public func unknownIDProblem(teacher: TeacherID) -> String? {
        teachers.contains { $0.id == teacher } ? nil : NearestNames.unknown("teacher", teacher.rawValue, among: teachers.map(\.id.rawValue))
    }

    /// A teacher's id is not a supervisor's (they share one namespace): naming a teacher as a
    /// supervisor says so, with the way to name them.
    public func unknownIDProblem(supervisor: SupervisorID) -> String? {
        if supervisors.contains(where: { $0.id == supervisor }) { return nil }
        if let teacher = teachers.first(where: { $0.id.rawValue == supervisor.rawValue }) {
            return "\(teacher.name), id \(teacher.id), is a teacher, not a supervisor; name them as teacher:\(teacher.id)"
        }
        return NearestNames.unknown("supervisor", supervisor.rawValue, among: supervisors.map(\.id.rawValue))
    }

    public func unknownIDProblem(room: RoomID) -> String? {
        rooms.contains { $0.id == room } ? nil : NearestNames.unknown("room", room.rawValue, among: rooms.map(\.id.rawValue))
    }

    public func unknownIDProblem(objective: ObjectiveID) -> String? {
        self.objective(objective) != nil ? nil : NearestNames.unknown("objective", objective.rawValue, among: objectives.map(\.id.rawValue))
    }

    public func unknownIDProblem(grade: String) -> String? {
        let grades = Set(students.map(\.grade)).sorted()
        return grades.contains(grade) ? nil : "unknown grade '\(printable(grade))'; the students' grades are \(grades.joined(separator: ", "))"
    }
}

extension ExportFilter {
    /// Why the filter names nobody in the scenario, or nil.
    public func problem(in scenario: Scenario) -> String? {
        switch self {
        case let .teacher(id): return scenario.unknownIDProblem(teacher: id)
        case let .supervisor(id): return scenario.unknownIDProblem(supervisor: id)
        case let .room(id): return scenario.unknownIDProblem(room: id)
        case let .student(id): return scenario.unknownIDProblem(student: id)
        case let .grade(g): return scenario.unknownIDProblem(grade: g)
        }
    }
}
