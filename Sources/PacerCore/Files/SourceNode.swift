import Yams

/// A YAML value with the file and position it came from. Scenario files and the variants that
/// extend them are merged as trees of these, so every value keeps the place a person typed it.
indirect enum SourceNode {
    case scalar(String, SourceLocation)
    case mapping([SourceEntry], SourceLocation)
    case sequence([SourceNode], SourceLocation)
    /// An explicit or empty null (`~`, `null`, or nothing after the colon).
    case null(SourceLocation)

    var location: SourceLocation {
        switch self {
        case let .scalar(_, l), let .mapping(_, l), let .sequence(_, l), let .null(l): return l
        }
    }

    /// What a person would call this kind of value, for messages.
    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }

    func entry(_ key: String) -> SourceEntry? {
        if case let .mapping(entries, _) = self { return entries.first { $0.key == key } }
        return nil
    }
}

struct SourceEntry {
    var key: String
    var keyLocation: SourceLocation
    var value: SourceNode
}

/// Limits that keep a hostile file from taking unbounded time or memory.
enum ReadingLimits {
    /// Nodes in one YAML document after aliases are expanded (an "alias bomb" multiplies them).
    static let maximumNodes = 2_000_000
    /// Nesting depth of one YAML document.
    static let maximumDepth = 64
}

enum YAMLReading {
    /// Parses `text` (the content of `file`) into a located tree, reporting problems to `log`.
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> SourceNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (location, message) = describe(error, file: file)
            log.error(location, message)
            return nil
        } catch {
            log.error(.start(of: file), "cannot read YAML: \(error)")
            return nil
        }
        guard let root else { return .null(.start(of: file)) }
        var budget = ReadingLimits.maximumNodes
        do {
            return try convert(root, file: file, depth: 0, budget: &budget)
        } catch let failure as ConversionFailure {
            log.error(failure.location, failure.message)
            return nil
        } catch {
            return nil
        }
    }

    private struct ConversionFailure: Error {
        let location: SourceLocation
        let message: String
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        guard let mark else { return .start(of: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    private static func convert(_ node: Node, file: String, depth: Int, budget: inout Int) throws -> SourceNode {
        budget -= 1
        let here = location(node.mark, file)
        guard budget >= 0 else {
            throw ConversionFailure(
                location: here,
                message: "the document expands to more than \(ReadingLimits.maximumNodes) values (too many aliases?)")
        }
        guard depth <= ReadingLimits.maximumDepth else {
            throw ConversionFailure(
                location: here, message: "the document nests deeper than \(ReadingLimits.maximumDepth) levels")
        }
        switch node {
        case let .scalar(scalar):
            let isPlain = scalar.style == .plain || scalar.style == .any
            if isPlain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null(here) }
            return .scalar(scalar.string, here)
        case let .mapping(mapping):
            var entries: [SourceEntry] = []
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    throw ConversionFailure(location: location(key.mark, file), message: "a key must be a single value")
                }
                entries.append(SourceEntry(
                    key: keyScalar.string, keyLocation: location(key.mark, file),
                    value: try convert(value, file: file, depth: depth + 1, budget: &budget)))
            }
            return .mapping(entries, here)
        case let .sequence(sequence):
            return .sequence(
                try sequence.map { try convert($0, file: file, depth: depth + 1, budget: &budget) }, here)
        case let .alias(alias):
            // Yams resolves aliases to their anchored node while composing; one left here is unexpected.
            throw ConversionFailure(location: location(alias.mark, file), message: "unresolved alias")
        }
    }

    private static func describe(_ error: YamlError, file: String) -> (SourceLocation, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " \(context.text) that starts at line \(context.mark.line), column \(context.mark.column)"
            }
            return (location(mark, file), message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (location(context.mark, file), "duplicate key \(keys) in one mapping")
        case let .reader(problem, offset, _, yaml):
            var l = SourceLocation.start(of: file)
            if let offset, offset <= yaml.utf8.count {
                let prefix = yaml.utf8.prefix(offset)
                l.line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
                l.column = prefix.reversed().prefix { $0 != UInt8(ascii: "\n") }.count + 1
            }
            return (l, "cannot read YAML: \(problem)")
        default:
            return (.start(of: file), "cannot read YAML: \(error)")
        }
    }
}
