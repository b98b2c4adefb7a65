import Foundation

enum TextFile {
    /// Largest input file Pacer reads, in bytes.
    static let maximumBytes = 64 * 1024 * 1024

    /// Reads a UTF-8 text file (a leading byte order mark is dropped), or reports why it cannot.
    /// With `sources`, a file read whole is added to them (its path and original bytes).
    static func read(_ path: String, log: DiagnosticLog, missing: SourceLocation? = nil, sources: SourceFiles? = nil) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            log.error(missing ?? .start(of: path), "no such file: \(path)")
            return nil
        }
        guard !isFolder.boolValue else {
            log.error(missing ?? .start(of: path), "\(path) is a folder, expected a file")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(missing ?? .start(of: path), "cannot read \(path)")
            return nil
        }
        guard data.count <= maximumBytes else {
            log.error(.start(of: path), "file is larger than the limit of \(maximumBytes / 1024 / 1024) MiB")
            return nil
        }
        let bytes = [UInt8](data)
        guard let text = decode(bytes, file: path, log: log) else { return nil }
        sources?.add(path, bytes: bytes)
        return text
    }

    /// The text of a file's or an upload's bytes: UTF-8, a leading byte order mark dropped. Bytes
    /// that are not UTF-8 are refused at the first that breaks it, never replaced by U+FFFD.
    /// Every text Pacer reads from a file or an upload goes through here.
    static func decode(_ bytes: [UInt8], file: String, log: DiagnosticLog) -> String? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            log.error(firstInvalidByte(Array(body), file: file), "file is not UTF-8 text; save it as UTF-8")
            return nil
        }
        return text
    }

    /// The line and (byte) column of the first byte that breaks UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, lineStart = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                let width = UTF8.width(scalar)
                if scalar == "\n" { line += 1; lineStart = offset + 1 }
                offset += width
            case .emptyInput:
                return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
            case .error:
                return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
            }
        }
    }
}
