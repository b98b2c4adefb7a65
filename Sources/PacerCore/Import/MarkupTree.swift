import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of an XML document read whole, with the line and column where it starts, so that
/// importers can say where a value they cannot use was written.
///
/// Built on Foundation's `XMLParser` (libxml2) rather than a package from the mirror: the XML
/// packages there (SWXMLHash, XMLCoder) drop positions, and errors here must name the line.
final class MarkupElement {
    let name: String
    let attributes: [String: String]
    let location: SourceLocation
    fileprivate(set) var children: [MarkupElement] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String], location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    /// The first child element called `name`.
    func child(_ name: String) -> MarkupElement? { children.first { $0.name == name } }

    /// Every child element called `name`, in document order.
    func children(_ name: String) -> [MarkupElement] { children.filter { $0.name == name } }

    /// The trimmed text of the first child called `name`; nil when there is none or it is empty.
    func text(of name: String) -> String? {
        guard let text = child(name)?.trimmedText, !text.isEmpty else { return nil }
        return text
    }

    /// The exact text of the first child called `name` (FET names keep their spaces: `MAIR 13 ` and
    /// ` MAIR 13` are two subjects); nil when there is none or it is empty.
    func exactText(of name: String) -> String? {
        guard let text = child(name)?.text, !text.isEmpty else { return nil }
        return text
    }

    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Every descendant called `name`, depth first in document order.
    func descendants(_ name: String) -> [MarkupElement] {
        var found: [MarkupElement] = []
        var stack = Array(children.reversed())
        while let element = stack.popLast() {
            if element.name == name { found.append(element) }
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }
}

/// Why an import could not go on: where (file, line, column) and what, in the words of the format.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}

enum MarkupTree {
    /// Most elements a document may hold, so that a huge or hostile file is refused, not read.
    static let maximumElements = 5_000_000
    /// Deepest nesting accepted.
    static let maximumDepth = 64

    /// Reads the XML file at `path` (at most `TextFile.maximumBytes`) into its root element.
    static func read(_ path: String) throws -> MarkupElement {
        let start = SourceLocation.start(of: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError(start, "no such file: \(path)")
        }
        guard !isFolder.boolValue else { throw ImportError(start, "\(path) is a folder, expected an XML file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > TextFile.maximumBytes {
            throw ImportError(start, "file is larger than the limit of \(TextFile.maximumBytes / 1024 / 1024) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(start, "cannot read \(path)") }
        return try parse(data, file: path)
    }

    static func parse(_ data: Data, file: String) throws -> MarkupElement {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder(file: file, parser: parser)
        parser.delegate = builder
        let finished = parser.parse()
        if let problem = builder.problem { throw problem }
        if !finished || parser.parserError != nil || builder.root == nil || !builder.open.isEmpty {
            let location = builder.errorLocation
                ?? SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            throw ImportError(location, "not well-formed XML here (a tag left open, a stray `<` or `&`, or a truncated file)")
        }
        return builder.root!
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    let file: String
    unowned let parser: XMLParser
    var root: MarkupElement?
    var open: [MarkupElement] = []
    var count = 0
    var problem: ImportError?
    var errorLocation: SourceLocation?

    init(file: String, parser: XMLParser) {
        self.file = file
        self.parser = parser
    }

    private var here: SourceLocation {
        SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
    }

    private func stop(_ message: String) {
        guard problem == nil else { return }
        problem = ImportError(here, message)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard problem == nil else { return }
        count += 1
        if count > MarkupTree.maximumElements {
            return stop("more than \(MarkupTree.maximumElements) elements; Pacer reads files up to that size")
        }
        if open.count >= MarkupTree.maximumDepth {
            return stop("elements nested deeper than \(MarkupTree.maximumDepth) levels")
        }
        let element = MarkupElement(name: elementName, attributes: attributes, location: here)
        if let parent = open.last {
            parent.children.append(element)
        } else if root == nil {
            root = element
        }
        open.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard problem == nil else { return }
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard problem == nil, let element = open.last else { return }
        element.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard problem == nil, let element = open.last else { return }
        element.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLocation == nil { errorLocation = here }
    }
}
