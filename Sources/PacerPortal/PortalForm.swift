import Foundation
import PacerCore

/// A posted form's fields (the first value of each): urlencoded, or multipart with an uploaded
/// file. Each field keeps its bytes as sent, so that an uploaded file is judged by the same
/// decoding as a file read from disk (`MasteryChecksFile.parse(bytes:)`), not turned into text here.
struct Form {
    private var fields: [String: [UInt8]] = [:]

    init(body: [UInt8], contentType: String?) {
        if let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
           let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
               .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count) {
            fields = Self.multipart(body, boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        } else {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
                guard let name = parts.first, fields[name] == nil else { continue }
                fields[name] = Array((parts.count > 1 ? parts[1] : "").utf8)
            }
        }
    }

    /// A field as text, as a person typed it into the form (bytes that are not UTF-8 become U+FFFD).
    subscript(_ name: String) -> String? { fields[name].map { String(decoding: $0, as: UTF8.self) } }

    /// A field's bytes as sent: an uploaded file.
    func bytes(_ name: String) -> [UInt8]? { fields[name] }

    /// multipart/form-data (RFC 7578): each part's name from its Content-Disposition, its body's bytes.
    private static func multipart(_ body: [UInt8], boundary: String) -> [String: [UInt8]] {
        var fields: [String: [UInt8]] = [:]
        let delimiter = Array(("--" + boundary).utf8), crlf: [UInt8] = [13, 10]
        for part in body.split(separator: delimiter, omittingEmptySubsequences: false).dropFirst() {
            guard let split = part.firstRange(of: crlf + crlf) else { continue }
            let head = String(decoding: part[..<split.lowerBound], as: UTF8.self)
            var value = part[split.upperBound...]
            guard let disposition = head.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                  let nameRange = disposition.range(of: #"name="([^"]*)""#, options: .regularExpression) else { continue }
            let name = String(disposition[nameRange].dropFirst(6).dropLast())
            guard fields[name] == nil else { continue }
            if value.suffix(2).elementsEqual(crlf) { value = value.dropLast(2) }  // the line break before the next delimiter
            fields[name] = Array(value)
        }
        return fields
    }
}
