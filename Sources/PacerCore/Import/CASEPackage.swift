import Foundation

/// A 1EdTech CASE (Competencies and Academic Standards Exchange) package, 1.0 or 1.1, as far as
/// `pacer import case` reads it: the document's title, the items (`CFItems`) and the associations
/// between them (`CFAssociations`). docs/imports.md lists every field read.
///
/// The package may stand at the top level of the JSON or be wrapped as `{"CFPackage": {...}}`.
/// Identifiers (usually UUIDs) are compared case-insensitively, as `CASEIdentifier`s.
public struct CASEPackage: Sendable {
    /// Most items and associations a package may hold, so that a huge or hostile file is refused.
    public static let maximumItems = 50_000
    public static let maximumAssociations = 500_000

    public struct Item: Sendable {
        /// The identifier as written (kept as the objective's `case_id`).
        public var identifier: String
        public var key: CASEIdentifier { CASEIdentifier(identifier) }
        public var fullStatement: String?
        public var abbreviatedStatement: String?
        public var humanCodingScheme: String?
        public var listEnumeration: String?
        /// `CFItemType` (1.0 and 1.1), and the title of `CFItemTypeURI`.
        public var itemType: String?
        public var itemTypeTitle: String?

        /// How a message names the item: its coding scheme, else its identifier.
        public var label: String { humanCodingScheme.map(printable) ?? printable(identifier) }

        /// Whether the item is of `type`, matched against `CFItemType` or `CFItemTypeURI`'s title, case aside.
        func isOfType(_ type: String) -> Bool {
            let wanted = type.lowercased()
            return itemType?.lowercased() == wanted || itemTypeTitle?.lowercased() == wanted
        }
    }

    public enum AssociationType: Hashable, Sendable {
        case isChildOf
        case precedes
        /// Any other type (`exactMatchOf`, `isRelatedTo`, `exemplar`, …): counted, not used.
        case other(String)

        init(_ text: String) {
            switch text.lowercased() {
            case "ischildof": self = .isChildOf
            case "precedes": self = .precedes
            default: self = .other(text)
            }
        }
    }

    public struct Association: Sendable {
        public var type: AssociationType
        public var origin: CASEIdentifier
        public var destination: CASEIdentifier
        public var sequenceNumber: Int?
    }

    public var title: String
    /// "1.0" or "1.1" (from `CFDocument.caseVersion`, which 1.1 adds).
    public var version: String
    public var items: [Item]
    /// Where the items are in the file, for messages: `CFItems`, or `CFPackage.CFItems`.
    public var itemsPath = "CFItems"
    public var associations: [Association]
}

/// A CASE identifier compared case aside (UUIDs are written in either case).
public struct CASEIdentifier: Hashable, Sendable, CustomStringConvertible {
    public let folded: String
    public init(_ text: String) { folded = text.lowercased() }
    public var description: String { folded }
}

extension CASEPackage {
    /// Reads the CASE JSON file at `path`, or throws an `ImportError` naming the file and what is wrong.
    public static func read(_ path: String) throws -> CASEPackage {
        let start = SourceLocation.start(of: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError(start, "no such file: \(path)")
        }
        guard !isFolder.boolValue else { throw ImportError(start, "\(path) is a folder, expected a CASE package (.json)") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > TextFile.maximumBytes {
            throw ImportError(start, "file is larger than the limit of \(TextFile.maximumBytes / 1024 / 1024) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(start, "cannot read \(path)") }
        guard data.count <= TextFile.maximumBytes else {
            throw ImportError(start, "file is larger than the limit of \(TextFile.maximumBytes / 1024 / 1024) MiB")
        }
        return try decode(data, file: path)
    }

    /// The package in `data` (the bytes of a JSON file; a byte order mark is dropped).
    static func decode(_ data: Data, file: String) throws -> CASEPackage {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ImportError(TextFile.firstInvalidByte(bytes, file: file), "file is not UTF-8 text; save it as UTF-8")
        }
        do {
            let wrapper = try JSONDecoder().decode(CASEFileShape.self, from: Data(bytes))
            return wrapper.package
        } catch let problem as CASEShapeProblem {
            // JSONDecoder reads a string's escapes only when it is asked for it: text that is not
            // JSON there (a raw tab, a bad escape) is a syntax error, said as such.
            if (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil {
                throw syntaxError(bytes, file: file)
            }
            throw ImportError(.start(of: file), problem.message)
        } catch DecodingError.dataCorrupted {
            throw syntaxError(bytes, file: file)
        } catch {
            throw ImportError(.start(of: file), "not a CASE package: \(error)")
        }
    }
}

extension CASEPackage {
    /// Where and why `bytes` are not JSON. JSONDecoder keeps only "not valid JSON"; JSONSerialization
    /// says "Invalid value around character 14.", which becomes a line and column.
    static func syntaxError(_ bytes: [UInt8], file: String) -> ImportError {
        var detail = "the text is not valid JSON"
        var location = SourceLocation.start(of: file)
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            if let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                detail = printable(said)
                if let range = said.range(of: #"character \d+"#, options: .regularExpression),
                   let offset = Int(said[range].dropFirst("character ".count)), offset >= 0, offset <= bytes.count {
                    let before = bytes[..<offset]
                    let line = before.filter { $0 == 0x0A }.count + 1
                    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    location = SourceLocation(file: file, line: line, column: offset - lineStart + 1)
                }
            }
        }
        return ImportError(location, "not JSON: \(detail)")
    }
}

// MARK: - Decoding with JSON paths in messages

/// A wrong shape, with the JSON path where it was found (`CFItems[3].identifier must be text, found a number`).
struct CASEShapeProblem: Error {
    let message: String
}

struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(index: intValue) }
    init(index: Int) { intValue = index; stringValue = String(index) }
}

/// `CFItems[3].identifier`, from a decoder's coding path.
func jsonPath(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
        if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
    }
    return out.isEmpty ? "the file" : out
}

extension KeyedDecodingContainer where Key == JSONKey {
    /// What the value at `key` is, in words.
    func kind(_ key: JSONKey) -> String {
        if (try? decodeNil(forKey: key)) == true { return "null" }
        if (try? decode(Bool.self, forKey: key)) != nil { return "true or false" }
        if (try? decode(Double.self, forKey: key)) != nil { return "a number" }
        if (try? decode(String.self, forKey: key)) != nil { return "text" }
        if (try? nestedUnkeyedContainer(forKey: key)) != nil { return "a list" }
        if (try? nestedContainer(keyedBy: JSONKey.self, forKey: key)) != nil { return "an object" }
        return "a value that cannot be read (a number too large?)"
    }

    func wrong(_ key: JSONKey, _ expected: String) -> CASEShapeProblem {
        CASEShapeProblem(message: "\(jsonPath(codingPath + [key])) must be \(expected), found \(kind(key))")
    }

    /// Text at `name`; nil when absent or null.
    func text(_ name: String) throws -> String? {
        let key = JSONKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        guard let value = try? decode(String.self, forKey: key) else { throw wrong(key, "text") }
        return value
    }

    func requiredText(_ name: String) throws -> String {
        guard let value = try text(name) else {
            throw CASEShapeProblem(message: "\(jsonPath(codingPath + [JSONKey(name)])) is missing; it must be text")
        }
        return value
    }

    /// A whole number (or text holding one) at `name`; nil when absent or null.
    func integer(_ name: String) throws -> Int? {
        let key = JSONKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Double.self, forKey: key), number.rounded() == number, abs(number) < 1e15 {
            return Int(number)
        }
        if let text = try? decode(String.self, forKey: key), let number = Int(text.trimmingCharacters(in: .whitespaces)) {
            return number
        }
        throw wrong(key, "a whole number (at most 15 digits)")
    }

    func object(_ name: String) throws -> KeyedDecodingContainer<JSONKey>? {
        let key = JSONKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        guard let value = try? nestedContainer(keyedBy: JSONKey.self, forKey: key) else { throw wrong(key, "an object") }
        return value
    }

    func list(_ name: String) throws -> UnkeyedDecodingContainer? {
        let key = JSONKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        guard let value = try? nestedUnkeyedContainer(forKey: key) else { throw wrong(key, "a list") }
        return value
    }
}

extension UnkeyedDecodingContainer {
    /// The next element as an object, or a message naming its place.
    mutating func nextObject() throws -> KeyedDecodingContainer<JSONKey> {
        let path = codingPath + [JSONKey(index: currentIndex)]
        if let object = try? nestedContainer(keyedBy: JSONKey.self) { return object }
        let found: String
        if (try? decodeNil()) == true {
            found = "null"
        } else if (try? decode(Bool.self)) != nil {
            found = "true or false"
        } else if (try? decode(Double.self)) != nil {
            found = "a number"
        } else if (try? decode(String.self)) != nil {
            found = "text"
        } else {
            found = "a list"
        }
        throw CASEShapeProblem(message: "\(jsonPath(path)) must be an object, found \(found)")
    }
}

/// The file's top level: the package itself, or `{"CFPackage": {...}}`.
private struct CASEFileShape: Decodable {
    let package: CASEPackage

    init(from decoder: any Decoder) throws {
        guard let top = try? decoder.container(keyedBy: JSONKey.self) else {
            throw CASEShapeProblem(message: "the file must hold a JSON object (a CASE package with CFDocument and CFItems)")
        }
        let body = try top.object("CFPackage") ?? top
        package = try CASEPackage(body)
    }
}

extension CASEPackage {
    fileprivate init(_ body: KeyedDecodingContainer<JSONKey>) throws {
        let document = try body.object("CFDocument")
        title = try document?.text("title") ?? "CASE package"
        let caseVersion = try document?.text("caseVersion")
        let frameworkType = try document?.text("frameworkType")
        // Only digits and dots are kept: the version is written into a comment of scenario.yaml.
        let stated = String((caseVersion ?? "").unicodeScalars.filter { ("0"..."9").contains($0) || $0 == "." }.prefix(10))
        version = !stated.isEmpty ? stated : (caseVersion != nil || frameworkType != nil ? "1.1" : "1.0")

        itemsPath = jsonPath(body.codingPath + [JSONKey("CFItems")])
        guard var list = try body.list("CFItems") else {
            throw CASEShapeProblem(message: "\(jsonPath(body.codingPath + [JSONKey("CFItems")])) is missing: the package has no items")
        }
        let count = list.count ?? 0
        guard count <= Self.maximumItems else {
            throw CASEShapeProblem(message: "CFItems has \(count) items; at most \(Self.maximumItems) are read")
        }
        var items: [Item] = []
        items.reserveCapacity(count)
        while !list.isAtEnd {
            let item = try list.nextObject()
            let typeURI = try item.object("CFItemTypeURI")
            try Self.checkEducationLevel(item)
            let identifier = try item.requiredText("identifier")
            guard Objective.isValidCaseID(identifier) else {
                throw CASEShapeProblem(message: "\(jsonPath(item.codingPath + [JSONKey("identifier")])) must be 1 to 255 characters without spaces or control characters, found '\(printable(identifier))'")
            }
            items.append(Item(
                identifier: identifier,
                fullStatement: try item.text("fullStatement"),
                abbreviatedStatement: try item.text("abbreviatedStatement"),
                humanCodingScheme: try item.text("humanCodingScheme"),
                listEnumeration: try item.text("listEnumeration"),
                itemType: try item.text("CFItemType"),
                itemTypeTitle: try typeURI?.text("title")))
        }
        self.items = items

        var associations: [Association] = []
        if var list = try body.list("CFAssociations") {
            let count = list.count ?? 0
            guard count <= Self.maximumAssociations else {
                throw CASEShapeProblem(message: "CFAssociations has \(count) associations; at most \(Self.maximumAssociations) are read")
            }
            associations.reserveCapacity(count)
            while !list.isAtEnd {
                let association = try list.nextObject()
                associations.append(Association(
                    type: AssociationType(try association.requiredText("associationType")),
                    origin: try Self.node(association, "originNodeURI"),
                    destination: try Self.node(association, "destinationNodeURI"),
                    sequenceNumber: try association.integer("sequenceNumber")))
            }
        }
        self.associations = associations
    }

    /// A link's end: `{identifier, uri, title}`; the identifier, else the last part of the uri.
    private static func node(_ association: KeyedDecodingContainer<JSONKey>, _ name: String) throws -> CASEIdentifier {
        guard let node = try association.object(name) else {
            throw CASEShapeProblem(message: "\(jsonPath(association.codingPath + [JSONKey(name)])) is missing; it must be an object with an identifier")
        }
        if let identifier = try node.text("identifier"), !identifier.isEmpty { return CASEIdentifier(identifier) }
        if let uri = try node.text("uri"), let last = uri.split(separator: "/").last { return CASEIdentifier(String(last)) }
        throw CASEShapeProblem(message: "\(jsonPath(node.codingPath)) has neither an identifier nor a uri")
    }

    /// `educationLevel` (CASE) or `educationalLevel` (as some exporters write it): text or a list of
    /// text. Not used, but a wrong type is still the file's mistake to report.
    private static func checkEducationLevel(_ item: KeyedDecodingContainer<JSONKey>) throws {
        for name in ["educationLevel", "educationalLevel"] {
            let key = JSONKey(name)
            guard item.contains(key), try !item.decodeNil(forKey: key) else { continue }
            if (try? item.decode(String.self, forKey: key)) != nil || (try? item.decode([String].self, forKey: key)) != nil { continue }
            throw item.wrong(key, "text or a list of text")
        }
    }
}
