import Foundation

/// Text a person typed: a check's note, an absence's note, the name of a student, a teacher or a
/// room. One rule holds it wherever it comes in (a file, the command line, a portal form):
///
/// - NUL and the other C0 control characters, DEL, the C1 controls and Unicode's bidirectional
///   overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused, naming the character
///   and its position: they can retitle a terminal, erase or forge its lines, cut the text short,
///   or make it read in another order than it is stored;
/// - so are the other invisible format characters (Unicode's category Cf: a zero-width space
///   U+200B, a byte order mark U+FEFF inside the text, a soft hyphen, the directional marks),
///   which make two texts that read the same differ, or hide text; except the joiners that
///   writing needs, kept where they join: a zero-width joiner or non-joiner (U+200D, U+200C)
///   between two visible characters (the family emoji 👨‍👩‍👧‍👦, a Persian word), and the tags of a
///   flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿) inside it;
/// - tab, CR, LF (a CRLF too) and the Unicode line and paragraph separators become one space:
///   the text is one line, so it cannot forge a row of a TSV file or a line of a terminal; spaces
///   at either end are dropped. Where the person typed it into a field that says one line (a
///   request's note, a cancel's reason: `LineBreaks.refused`) they are refused instead, as the
///   other control characters are: the person can type it again, and nothing is kept otherwise
///   than typed;
/// - text of only spaces is no text: kept as empty, which every home of a note or a reason
///   reads as none given;
/// - each kind has its length limit, in characters as a reader sees and counts them (Swift's
///   `Character`, a grapheme cluster: 👨‍👩‍👧‍👦 is one, though seven code points): a note 500, a
///   name 200; and a character may be built of at most 32 code points, so a letter with marks
///   piled on it (which draws over the lines around it) is refused rather than counted as one.
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
        let characters = Array(raw)
        for (offset, character) in characters.enumerated() {
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
            let next = offset + 1 < characters.count ? characters[offset + 1].unicodeScalars.first : nil
            if let scalar = Self.refusedFormat(in: character, before: next) {
                let name = scalar.properties.name.map { ", \($0.lowercased())" } ?? ""
                throw Problem(description: "the \(kind.noun) has an invisible character (\(Self.codePoint(scalar))\(name)) at character \(offset + 1); Pacer refuses these in text people type")
            }
            let scalars = character.unicodeScalars.count
            if scalars > Self.scalarsPerCharacter {
                throw Problem(description: "the \(kind.noun) has a character of \(scalars) code points at character \(offset + 1) (marks piled on one letter); at most \(Self.scalarsPerCharacter) in one")
            }
            text.append(character)
        }
        text = text.trimmingCharacters(in: .whitespaces)
        // Counted as a reader counts: in `Character`s (grapheme clusters), so 100 family emoji
        // are 100 characters. A letter with 600 combining accents is one too, which is why no
        // character may hold more than `scalarsPerCharacter` code points (above).
        let length = text.count
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

    /// The most code points one character may be built of: Unicode's stream-safe text allows 30
    /// marks on a letter; the longest emoji (a family of four with skin tones) has 11.
    static let scalarsPerCharacter = 32

    /// The first invisible format character (category Cf, outside the bidirectional controls that
    /// `isControl` names) in `character` that is not a joiner where it joins, or nil. `next` is
    /// the first code point of the character after it: a joiner (U+200C, U+200D) is kept between
    /// two visible code points, and a tag (U+E0020–U+E007F) inside a flag's character (U+1F3F4).
    static func refusedFormat(in character: Character, before next: Unicode.Scalar?) -> Unicode.Scalar? {
        let scalars = Array(character.unicodeScalars)
        func visible(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format && !isControl(scalar)
        }
        for (index, scalar) in scalars.enumerated() where scalar.properties.generalCategory == .format && !isBidiControl(scalar) {
            switch scalar.value {
            case 0x200C, 0x200D:
                let before = index > 0 ? scalars[index - 1] : nil
                let after = index + 1 < scalars.count ? scalars[index + 1] : next
                if visible(before) && visible(after) { continue }
            case 0xE0020...0xE007F:
                if scalars.first?.value == 0x1F3F4 { continue }
            default:
                break
            }
            return scalar
        }
        return nil
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
