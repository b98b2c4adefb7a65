/// A position in an input file. `line` and `column` are 1-based; for CSV the column is the
/// character column where the field starts on its line.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func start(of file: String) -> SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a scenario: an error (the scenario cannot be used), a warning (legal but
/// suspicious) or a note (how a file was read, e.g. "read as semicolon-separated").
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:column: error: message`, as compilers print it.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics while a scenario is read, so that all of them are reported at once.
final class DiagnosticLog {
    private(set) var all: [Diagnostic] = []

    func error(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.error, location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.warning, location, message))
    }

    /// How a file was read, said once: no problem, nothing to fix.
    func note(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.note, location, message))
    }

    var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file, line and column, errors before warnings at one place; duplicates removed.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message)
        }
    }
}

/// Why a scenario could not be loaded: every error found, with the warnings beside them.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
