import Foundation

/// A school as an importer understood it, before it is written as a scenario: the calendar, the
/// staff, rooms and students with the blocks their fixed commitments take, and a report of what
/// the source held that Pacer does not use.
///
/// Every importer fills one of these; `ImportedScenarioWriter` turns it into `scenario.yaml` and
/// `students.csv`, so the three formats share one way of writing, naming and checking.
public struct ImportedSchool: Sendable {
    /// One day and period of the week, by position in `days` and `periods`.
    public struct Block: Hashable, Comparable, Sendable {
        public var day: Int
        public var period: Int
        public static func < (a: Block, b: Block) -> Bool { (a.day, a.period) < (b.day, b.period) }
    }

    public struct Period: Sendable {
        public var id: String
        /// The name the source gave it (written as a comment when it differs from the id).
        public var label: String
        public var start: Int
        public var end: Int
        public var flex = false
    }

    public struct Named: Sendable {
        public var id: String
        public var name: String
    }

    public struct Person: Sendable {
        public var id: String
        public var name: String
        /// Subject ids, for teachers: what they may run.
        public var subjects: [String] = []
        /// Blocks taken by fixed commitments (classes, duties, not-available times).
        public var busy: Set<Block> = []
        /// For students: their grade, year or class.
        public var grade = ""
        /// A student's home base for independent study (a room id, an adult's id), when the source has one.
        public var homeRoom: String?
        public var homeAdult: String?
        /// For students: the 0-based step of the progression they stand on, per subject id (the
        /// first step when absent).
        public var steps: [String: Int] = [:]
    }

    public struct Room: Sendable {
        public var id: String
        public var name: String
        public var capacity: Int
        public var busy: Set<Block> = []
    }

    public var name: String
    /// Where it came from, for the scenario's description.
    public var source: String
    /// The file or folder read, for messages.
    public var file: String
    public var days: [Named] = []
    public var periods: [Period] = []
    /// Blocks that do not exist (breaks, times a day does not have).
    public var closed: Set<Block> = []
    public var subjects: [Named] = []
    public var teachers: [Person] = []
    public var rooms: [Room] = []
    public var students: [Person] = []
    public var report = ImportReport()

    public init(name: String, source: String, file: String) {
        self.name = name
        self.source = source
        self.file = file
    }

    /// Gives every teacher a room of their own when the source has no rooms, since workshops need one.
    /// Every importer calls it last, so it also says what independent study will assume: the
    /// written scenario marks no room `study:` and lists no `supervisors:` (none of the formats has
    /// them), so every room is a study space at its capacity and only teachers supervise.
    mutating func ensureRooms(capacity: Int) {
        defer {
            report.assume("no study spaces or supervisors in the source: every room may hold independent study at its capacity, "
                          + "and only teachers supervise it (mark rooms 'study:' and list 'supervisors:' to say otherwise)")
        }
        guard rooms.isEmpty else { return }
        var ids = IdentifierMaker()
        rooms = teachers.map { teacher in
            Room(id: ids.id(for: "R-" + teacher.id, fallback: "R"), name: "Room of \(teacher.name)", capacity: capacity)
        }
        report.assume("no rooms in the source: one room of \(capacity) seats per teacher (R-<teacher id>)")
    }

    /// Students whose fixed timetable fills every open flex block.
    public var studentsWithoutFreeFlexBlock: Int {
        let flexBlocks = allBlocks.filter { periods[$0.period].flex && !closed.contains($0) }
        return students.filter { student in flexBlocks.allSatisfy(student.busy.contains) }.count
    }

    public var allBlocks: [Block] {
        days.indices.flatMap { day in periods.indices.map { Block(day: day, period: $0) } }
    }
}

/// What an import took in and what it left out, with reasons, so nothing is dropped silently.
public struct ImportReport: Sendable {
    /// Counts of what came in, in the order they were added (`teachers: 42`).
    public private(set) var read: [(what: String, count: Int)] = []
    /// What was not used, with a reason, keyed by kind (`ConstraintMinDaysBetweenActivities`).
    public private(set) var skipped: [String: (count: Int, reason: String)] = [:]
    /// Assumptions made where the source was silent (`no room capacities: 30 seats assumed`).
    public private(set) var assumptions: [String] = []
    /// Names that had to change to become ids (`IdentifierRule`), by kind.
    public private(set) var renamedIDs: [(kind: String, changes: [(from: String, to: String)])] = []

    public init() {}

    mutating func count(_ what: String, _ count: Int) { read.append((what, count)) }

    mutating func skip(_ kind: String, reason: String, count: Int = 1) {
        let previous = skipped[kind]?.count ?? 0
        skipped[kind] = (previous + count, reason)
    }

    mutating func renamed(_ kind: String, _ maker: IdentifierMaker) {
        renamed(kind, changes: maker.changes)
    }

    mutating func renamed(_ kind: String, changes: [(from: String, to: String)]) {
        if !changes.isEmpty { renamedIDs.append((kind, changes)) }
    }

    mutating func assume(_ text: String) {
        if !assumptions.contains(text) { assumptions.append(text) }
    }

    /// The lines `pacer import` prints.
    public var lines: [String] {
        var lines = ["read: " + read.map { "\($0.count) \($0.what)" }.joined(separator: ", ")]
        if !assumptions.isEmpty {
            lines.append("assumed:")
            lines += assumptions.map { "  - \($0)" }
        }
        if !renamedIDs.isEmpty {
            lines.append("ids changed to fit Pacer's id rules (letters, digits, - _ . only; docs/scenario-format.md):")
            for (kind, changes) in renamedIDs {
                let shown = changes.prefix(3).map { "'\(printable($0.from))' → \($0.to)" }.joined(separator: ", ")
                lines.append("  - \(kind) (\(changes.count)): \(shown)\(changes.count > 3 ? ", …" : "")")
            }
        }
        if !skipped.isEmpty {
            lines.append("not used (\(skipped.values.map(\.count).reduce(0, +)) items):")
            for (kind, entry) in skipped.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
                lines.append("  - \(entry.count) × \(kind): \(entry.reason)")
            }
        }
        return lines
    }
}

/// Maps names written anywhere onto ids Pacer accepts (`IdentifierRule`), the same for the same
/// input: accents are dropped (`Müller` → `Muller`), any other character outside the rule becomes
/// `_`, a leading character that is not a letter or digit is dropped, long names are cut, and an id
/// already given (ignoring case) gets `_2`, `_3`, …. Every name that did not stay as it was is kept
/// in `changes`, for the import's report.
struct IdentifierMaker {
    private var used: Set<String> = []
    private var given: [String: String] = [:]
    /// Whether `-` is also replaced (day and period ids cannot hold it).
    var dashAllowed = true
    /// Names whose id differs from them, in the order first seen.
    private(set) var changes: [(from: String, to: String)] = []

    init(dashAllowed: Bool = true) { self.dashAllowed = dashAllowed }

    /// Keeps `id` for itself (a reserved word); it is never given to a name.
    mutating func reserve(_ id: String) { used.insert(IdentifierRule.folded(id)) }

    /// The id for `name`; the same name always gets the same id.
    mutating func id(for name: String, fallback: String) -> String {
        if let id = given[name] { return id }
        var cleaned = ""
        let plain = name.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        for scalar in plain.unicodeScalars {
            if IdentifierRule.isAllowed(scalar) && (dashAllowed || scalar != "-") {
                cleaned.unicodeScalars.append(scalar)
            } else if !cleaned.hasSuffix("_") {
                cleaned += "_"
            }
        }
        cleaned = String(String(cleaned.unicodeScalars.drop { !IdentifierRule.isLetterOrDigit($0) }).trimmingUnderscores.prefix(56))
        if cleaned.isEmpty { cleaned = fallback }
        var candidate = cleaned, n = 2
        while used.contains(IdentifierRule.folded(candidate)) {
            candidate = "\(cleaned)_\(n)"
            n += 1
        }
        used.insert(IdentifierRule.folded(candidate))
        given[name] = candidate
        if candidate != name { changes.append((name, candidate)) }
        return candidate
    }
}

extension String {
    fileprivate var trimmingUnderscores: String {
        var text = Substring(self)
        while text.first == "_" { text = text.dropFirst() }
        while text.last == "_" { text = text.dropLast() }
        return String(text)
    }
}
