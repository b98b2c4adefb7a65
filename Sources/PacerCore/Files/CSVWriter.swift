import Foundation

/// Writes CSV per RFC 4180: fields holding a comma, quote, CR or LF are quoted, quotes doubled,
/// records end with CRLF.
enum CSVWriter {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
