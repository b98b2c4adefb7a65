/// A value and where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

/// Typed access to the keys of one YAML mapping, reporting every wrong type, unknown key and
/// missing required key to the log. `what` names the mapping in messages ("teacher T-LEE").
struct Fields {
    let entries: [SourceEntry]
    let location: SourceLocation
    let what: String
    let log: DiagnosticLog

    init?(_ node: SourceNode, what: String, allowed: [String], log: DiagnosticLog) {
        guard case let .mapping(entries, location) = node else {
            log.error(node.location, "\(what) must be a mapping of keys to values, found \(node.kindName)")
            return nil
        }
        self.entries = entries
        self.location = location
        self.what = what
        self.log = log
        for entry in entries where !allowed.contains(entry.key) {
            log.error(entry.keyLocation,
                      "unknown key '\(entry.key)' in \(what); expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    func node(_ key: String) -> SourceNode? {
        guard let value = entries.first(where: { $0.key == key })?.value else { return nil }
        if case .null = value { return nil }
        return value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        entries.first { $0.key == key }?.keyLocation ?? location
    }

    private func missing(_ key: String) {
        log.error(location, "\(what) is missing '\(key)'")
    }

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .scalar(text, location) = node else {
            log.error(node.location, "'\(key)' of \(what) must be a single value, found \(node.kindName)")
            return nil
        }
        return Located(value: text, location: location)
    }

    /// Text a person typed (a name), checked against `PersonText`'s rule and kept as one line;
    /// `owner` names whose it is in the message ("teacher T-LEE").
    func personText(_ key: String, _ kind: PersonText.Kind, of owner: String) -> Located<String>? {
        guard let text = string(key) else { return nil }
        return Fields.checkPersonText(text, kind, what: owner, log: log)
    }

    /// `text` as `PersonText` keeps it, or nil with an error at its place naming `what` it belongs to.
    static func checkPersonText(_ text: Located<String>, _ kind: PersonText.Kind, what: String, log: DiagnosticLog) -> Located<String>? {
        switch PersonText.checked(text.value, kind) {
        case let .success(kept): return Located(value: kept, location: text.location)
        case let .failure(problem):
            log.error(text.location, "\(what): \(problem)")
            return nil
        }
    }

    /// An identifier, checked against `IdentifierRule`.
    func identifier(_ key: String, required: Bool = false) -> Located<String>? {
        guard let text = string(key, required: required) else { return nil }
        guard Fields.checkIdentifier(text, log: log) else { return nil }
        return text
    }

    static func checkIdentifier(_ text: Located<String>, log: DiagnosticLog) -> Bool {
        if let problem = identifierProblem(text.value) {
            log.error(text.location, "invalid id '\(printable(text.value))': \(problem)")
            return false
        }
        return true
    }

    func int(_ key: String, range: ClosedRange<Int>, required: Bool = false) -> Located<Int>? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Int(text.value) else {
            log.error(text.location, "'\(key)' of \(what) must be a whole number, got '\(printable(text.value))'")
            return nil
        }
        guard range.contains(value) else {
            log.error(text.location, "'\(key)' of \(what) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return Located(value: value, location: text.location)
    }

    func number(_ key: String, minimum: Double, maximum: Double) -> Located<Double>? {
        guard let text = string(key) else { return nil }
        guard let value = Double(text.value), value.isFinite else {
            log.error(text.location, "'\(key)' of \(what) must be a finite number, got '\(printable(text.value))'")
            return nil
        }
        guard value >= minimum, value <= maximum else {
            log.error(text.location, "'\(key)' of \(what) must be between \(minimum) and \(maximum), got \(text.value)")
            return nil
        }
        return Located(value: value, location: text.location)
    }

    func bool(_ key: String) -> Located<Bool>? {
        guard let text = string(key) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes": return Located(value: true, location: text.location)
        case "false", "no": return Located(value: false, location: text.location)
        default:
            log.error(text.location, "'\(key)' of \(what) must be true or false, got '\(printable(text.value))'")
            return nil
        }
    }

    /// The items of a list; `[]` when the key is absent, or (with an error) when it holds something else.
    /// A list longer than `maximum` is an error at its first extra item, and is cut there.
    func list(_ key: String, required: Bool = false, maximum: Int = ScenarioLimits.listItems) -> [SourceNode] {
        guard let node = node(key) else {
            if required { missing(key) }
            return []
        }
        guard case let .sequence(items, _) = node else {
            log.error(node.location, "'\(key)' of \(what) must be a list, found \(node.kindName)")
            return []
        }
        if items.count > maximum {
            log.error(items[maximum].location, "'\(key)' of \(what) has \(items.count) items; Pacer reads at most \(maximum)")
            return Array(items.prefix(maximum))
        }
        return items
    }

    /// A list of single values.
    func strings(_ key: String, maximum: Int = ScenarioLimits.listItems) -> [Located<String>] {
        list(key, maximum: maximum).compactMap { item in
            guard case let .scalar(text, location) = item else {
                log.error(item.location, "each item of '\(key)' of \(what) must be a single value, found \(item.kindName)")
                return nil
            }
            return Located(value: text, location: location)
        }
    }

    /// Whether the key is present (even as null).
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }
}

/// Why a text cannot serve as an id, or nil when it can (`IdentifierRule`).
func identifierProblem(_ text: String) -> String? { IdentifierRule.problem(text) }

/// The largest scenario Pacer reads, so that a hostile or mistaken file is refused with a clear
/// error instead of exhausting the machine (docs/scenario-format.md, "Limits").
enum ScenarioLimits {
    static let days = 64
    static let periods = 48
    static let subjects = 2_000
    static let objectivesPerSubject = 2_000
    static let teachers = 5_000
    static let rooms = 5_000
    static let students = 100_000
    /// Any other list (`teaches`, `unavailable`, `needs`, …).
    static let listItems = 10_000
}

