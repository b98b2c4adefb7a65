/// What an id may hold: the one home of the rule, used when scenarios are read, when importers
/// map foreign names onto ids, and (as a second, independent guard) by `FileName` when exports
/// name files after ids.
///
/// An id is 1 to 64 characters from the ASCII letters, the digits and `-`, `_`, `.`, and begins with
/// a letter or a digit. So an id is always a safe file name on every common disk: no `/` or `\`,
/// no leading dot (`.`, `..`, hidden files) or dash (read as an option), no spaces, quotes, NUL or
/// other control characters. Ids of one kind must also differ by more than case
/// (`IdentifierRule.folded`), since many disks do not tell `S-01.html` from `s-01.html`.
public enum IdentifierRule {
    public static let maximumLength = 64

    /// Characters an id may hold anywhere.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Why `text` cannot be an id, in words for the person who wrote it; nil when it can.
    public static func problem(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return "an id cannot be empty" }
        if scalars.count > maximumLength { return "an id has at most \(maximumLength) characters, this one has \(scalars.count)" }
        if scalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "an id cannot contain control characters"
        }
        if scalars.contains(where: { " ,;\"".unicodeScalars.contains($0) }) {
            return "an id cannot contain spaces, commas, semicolons or quotes"
        }
        if let bad = scalars.first(where: { !isAllowed($0) }) {
            return "an id holds only ASCII letters, digits, '-', '_' and '.'; '\(bad)' is not allowed (write names in the name or title field)"
        }
        if !isLetterOrDigit(first) { return "an id begins with a letter or a digit, not '\(first)'" }
        return nil
    }

    /// The form under which two ids of one kind count as the same (case folded).
    public static func folded(_ text: String) -> String { text.lowercased() }
}
