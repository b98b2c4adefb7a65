import Foundation

/// Writes CSV per RFC 4180: fields holding a comma, quote, CR or LF are quoted, quotes doubled,
/// records end with CRLF. Control characters other than tab, CR and LF are shown escaped
/// (`\u{1b}`, as `PersonText.visible` shows them), so no field can drive a terminal it is printed on.
enum CSVWriter {
    static func field(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.contains(where: shownEscaped) {
            var shown = ""
            for scalar in text.unicodeScalars {
                if shownEscaped(scalar) { shown += PersonText.escaped(scalar) } else { shown.unicodeScalars.append(scalar) }
            }
            text = shown
        }
        // Scalars, not Characters: a CRLF is one Character, equal to neither CR nor LF.
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Tab, CR and LF are CSV's own (quoted); every other control character is shown escaped.
    private static func shownEscaped(_ scalar: Unicode.Scalar) -> Bool {
        PersonText.isControl(scalar) && scalar != "\t" && scalar != "\r" && scalar != "\n"
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A record for people to open in a spreadsheet: each cell `neutralized`.
    static func spreadsheetRecord(_ fields: [String]) -> String {
        record(fields.map(neutralized))
    }

    /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
    /// CR), made plain text with a leading apostrophe, as OWASP's advice on CSV injection says.
    /// A lone `-` (Pacer's "none") is left as it is: it is no formula. This is the one rule for
    /// every CSV and TSV file Pacer writes for people (exports, `status --format csv|tsv`).
    static func neutralized(_ cell: String) -> String {
        guard cell != "-", let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }
}
