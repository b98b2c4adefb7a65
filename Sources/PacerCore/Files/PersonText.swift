import Foundation

/// Text a person typed: a check's note, an absence's note, the name of a student, a teacher or a
/// room. One rule holds it wherever it comes in (a file, the command line, a portal form):
///
/// - NUL and the other C0 control characters, DEL, the C1 controls and Unicode's bidirectional
///   overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused, naming the character
///   and its position: they can retitle a terminal, erase or forge its lines, cut the text short,
///   or make it read in another order than it is stored;
/// - tab, CR, LF (a CRLF too) and the Unicode line and paragraph separators become one space:
///   the text is one line, so it cannot forge a row of a TSV file or a line of a terminal; spaces
///   at either end are dropped. Where the person typed it into a field that says one line (a
///   request's note, a cancel's reason: `LineBreaks.refused`) they are refused instead, as the
///   other control characters are: the person can type it again, and nothing is kept otherwise
///   than typed;
/// - each kind has its length limit, in characters: a note 500, a name 200.
///
/// What is printed or written out is escaped again by `PersonText.visible` (a terminal, TSV) and
/// `CSVWriter` (CSV), since a state made before this rule, or a file a person edited by hand, may
/// hold anything.
public struct PersonText: Sendable, Hashable {
    public enum Kind: Sendable {
        /// A mastery check's note or an absence's note.
        case note
        /// Why something was cancelled (a request).
        case reason
        /// The name of a student, a teacher or a room.
        case name

        /// The most characters the text may have.
        public var limit: Int {
            switch self {
            case .note, .reason: return 500
            case .name: return 200
            }
        }

        var noun: String {
            switch self {
            case .note: return "note"
            case .reason: return "reason"
            case .name: return "name"
            }
        }
    }

    /// What a tab or a line break in the text does.
    public enum LineBreaks: Sendable {
        /// Becomes one space: text read from a file (a CSV cell may span lines), a gradebook, or
        /// typed where a break was always taken as a space.
        case folded
        /// Refused with its code point and position: text typed where the help says one line.
        case refused
    }

    /// Why a text was refused, in words a person can act on.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The text as kept: one line, no control characters, within its limit.
    public let text: String

    /// Checks `raw` against the rule for `kind` and keeps it as one line (a tab or a line break
    /// refused, with `lineBreaks: .refused`).
    public init(_ raw: String, _ kind: Kind, lineBreaks: LineBreaks = .folded) throws(Problem) {
        var text = ""
        for (offset, character) in raw.enumerated() {
            if Self.lineBreaks.contains(character) {
                if lineBreaks == .refused, let scalar = character.unicodeScalars.first {
                    let what = character == "\t" ? "a tab" : "a line break"
                    throw Problem(description: "the \(kind.noun) has \(what) (\(Self.codePoint(scalar))) at character \(offset + 1); it is one line")
                }
                text.append(" ")
                continue
            }
            for scalar in character.unicodeScalars where Self.isControl(scalar) {
                let what = Self.isBidiControl(scalar) ? "a bidirectional control" : "a control character"
                throw Problem(description: "the \(kind.noun) has \(what) (\(Self.codePoint(scalar))) at character \(offset + 1); Pacer refuses these in text people type")
            }
            text.append(character)
        }
        text = text.trimmingCharacters(in: .whitespaces)
        // Counted in code points, not in what a reader sees as characters: a letter followed by
        // 200,000 combining accents is one grapheme, and must not pass as one character.
        let length = text.unicodeScalars.count
        guard length <= kind.limit else {
            throw Problem(description: "the \(kind.noun) has \(length) characters; at most \(kind.limit)")
        }
        self.text = text
    }

    /// The text for `kind`, or the problem as a message.
    public static func checked(_ raw: String, _ kind: Kind, lineBreaks: LineBreaks = .folded) -> Result<String, Problem> {
        Result { () throws(Problem) in try PersonText(raw, kind, lineBreaks: lineBreaks).text }
    }

    // MARK: The characters, and how one is shown

    /// What becomes one space: a note or a name is one line.
    static let lineBreaks: Set<Character> = ["\t", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}"]

    /// A control character: C0 (tab, CR and LF included), DEL, C1, or a bidirectional override
    /// or isolate. Outside `lineBreaks`, each is refused in input and shown escaped in output.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || isBidiControl(scalar)
    }

    /// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// How a message names a character: `U+001B`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// How a control character is shown inside text: `\u{1b}`, as Swift writes it.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16))}"
    }

    /// `text` made safe to print on a terminal line or in a TSV cell: line breaks and tabs become
    /// spaces and every other control character is shown escaped (`\u{1b}`), whatever it came from.
    public static func visible(_ text: String) -> String {
        var out = ""
        for character in text {
            if lineBreaks.contains(character) {
                out.append(" ")
            } else if character.unicodeScalars.contains(where: isControl) {
                for scalar in character.unicodeScalars {
                    if isControl(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
                }
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// Text safe to echo in a one-line message: every control character (tab and line breaks too)
/// shown escaped, long text cut.
func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(80) {
        if PersonText.isControl(scalar) {
            out += PersonText.escaped(scalar)
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return text.unicodeScalars.count > 80 ? out + "…" : out
}
