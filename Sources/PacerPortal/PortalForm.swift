import Foundation
import PacerCore

/// A posted form's fields (the first value of each): urlencoded, or multipart with an uploaded file.
struct Form {
    private var fields: [String: String] = [:]

    init(body: String, contentType: String?) {
        if let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
           let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
               .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count) {
            fields = Self.multipart(body, boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        } else {
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
                guard let name = parts.first, fields[name] == nil else { continue }
                fields[name] = parts.count > 1 ? parts[1] : ""
            }
        }
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// multipart/form-data (RFC 7578): each part's name from its Content-Disposition, its body as text.
    private static func multipart(_ body: String, boundary: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in body.components(separatedBy: "--" + boundary).dropFirst() {
            guard let split = part.range(of: "\r\n\r\n") else { continue }
            let head = part[..<split.lowerBound], value = part[split.upperBound...]
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                  let nameRange = disposition.range(of: #"name="([^"]*)""#, options: .regularExpression) else { continue }
            let name = String(disposition[nameRange].dropFirst(6).dropLast())
            guard fields[name] == nil else { continue }
            fields[name] = value.hasSuffix("\r\n") ? String(value.dropLast()) : String(value)  // "\r\n" is one Character
        }
        return fields
    }
}
