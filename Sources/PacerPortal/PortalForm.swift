import Foundation
import PacerCore

/// A posted form's fields, each sent once (`repeated` names one sent twice, which
/// `FormMiddleware` refuses: the portal's forms send each field once): urlencoded, or multipart
/// with an uploaded file. Each field keeps its bytes as sent, so that an uploaded file is judged by the same
/// decoding as a file read from disk (`MasteryChecksFile.parse(bytes:)`), not turned into text here.
struct Form {
    private var fields: [String: [UInt8]] = [:]
    /// The fields that carry an uploaded file (multipart parts with a filename): bytes, not text.
    private var files: Set<String> = []
    /// Whether a field that is not a file is not UTF-8 (or its percent-encoding is broken): the
    /// form is refused whole rather than a field silently changed.
    private(set) var hasBadText = false
    /// The first field's name the form sent more than once, or nil: its fields are single-valued,
    /// so a second value would be dropped (or another reader take the other).
    private(set) var repeated: String?

    init(body: [UInt8], contentType: String?) {
        if let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
           let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
               .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count) {
            (fields, files, repeated) = Self.multipart(body, boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        } else {
            for pair in body.split(separator: UInt8(ascii: "&")) {
                let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false).map(Self.percentDecoded)
                guard let rawName = parts.first, let nameBytes = rawName else { hasBadText = true; continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                guard fields[name] == nil else { repeated = repeated ?? name; continue }
                guard let value = parts.count > 1 ? parts[1] : [] else { hasBadText = true; continue }
                fields[name] = value
            }
        }
        hasBadText = hasBadText || fields.contains { !files.contains($0.key) && String(validating: $0.value, as: UTF8.self) == nil }
    }

    /// A field as text, as a person typed it into the form; nil when missing or not UTF-8.
    subscript(_ name: String) -> String? { fields[name].flatMap { String(validating: $0, as: UTF8.self) } }

    /// application/x-www-form-urlencoded's decoding of one name or value into bytes: `+` is a
    /// space and `%XX` a byte; nil for a `%` not followed by two hexadecimal digits.
    private static func percentDecoded(_ raw: ArraySlice<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = [], i = raw.startIndex
        while i < raw.endIndex {
            switch raw[i] {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " ")); i += 1
            case UInt8(ascii: "%"):
                guard raw.distance(from: i, to: raw.endIndex) >= 3, let high = hexValue(raw[i + 1]), let low = hexValue(raw[i + 2]) else { return nil }
                bytes.append(high << 4 | low)
                i += 3
            default: bytes.append(raw[i]); i += 1
            }
        }
        return bytes
    }

    /// A field's bytes as sent: an uploaded file.
    func bytes(_ name: String) -> [UInt8]? { fields[name] }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// multipart/form-data (RFC 7578): each part's name from its Content-Disposition, its body's bytes.
    private static func multipart(_ body: [UInt8], boundary: String) -> (fields: [String: [UInt8]], files: Set<String>, repeated: String?) {
        var fields: [String: [UInt8]] = [:], files: Set<String> = [], repeated: String?
        let delimiter = Array(("--" + boundary).utf8), crlf: [UInt8] = [13, 10]
        for part in body.split(separator: delimiter, omittingEmptySubsequences: false).dropFirst() {
            guard let split = part.firstRange(of: crlf + crlf) else { continue }
            let head = String(decoding: part[..<split.lowerBound], as: UTF8.self)
            var value = part[split.upperBound...]
            guard let disposition = head.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                  let nameRange = disposition.range(of: #"name="([^"]*)""#, options: .regularExpression) else { continue }
            let name = String(disposition[nameRange].dropFirst(6).dropLast())
            guard fields[name] == nil else { repeated = repeated ?? name; continue }
            if value.suffix(2).elementsEqual(crlf) { value = value.dropLast(2) }  // the line break before the next delimiter
            fields[name] = Array(value)
            if disposition.range(of: #"filename="#, options: .regularExpression) != nil { files.insert(name) }
        }
        return (fields, files, repeated)
    }
}
