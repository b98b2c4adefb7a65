import Foundation

/// File names made from ids and other text that cannot climb out of the folder they are written
/// into. Ids already follow `IdentifierRule` and come out unchanged; this is the second guard, so
/// that a file name is safe even if an id ever slipped past the first.
public enum FileName {
    /// Longest name `encode` returns, in bytes (well under every common file system's 255).
    static let maximumLength = 120

    /// ASCII letters, digits, `-` and `_` stay, and so does `.` except as the first character; every
    /// other byte of the UTF-8 text is written `~HH` (so `/` is `~2F`, a leading `.` is `~2E`, `~` is
    /// `~7E`). The same text always gives the same name, different texts different names; a name
    /// longer than `maximumLength` is cut and ends in `~` and 16 hex digits of its SHA-256.
    public static func encode(_ text: String) -> String {
        var out = ""
        for (offset, byte) in text.utf8.enumerated() {
            let scalar = Unicode.Scalar(byte)
            if IdentifierRule.isLetterOrDigit(scalar) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || (byte == UInt8(ascii: ".") && offset > 0) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "~" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if out.isEmpty { return "~" }
        guard out.utf8.count > maximumLength else { return out }
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return String(out.prefix(maximumLength - 17)) + "~" + hasher.hex().prefix(16)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Why a file was not written.
public enum OutputError: Error, CustomStringConvertible, Equatable {
    case unsafeName(String)
    case outside(path: String, folder: String)
    case sameName(String, String)
    case notAFolder(String)
    case cannotWrite(String, reason: String)
    /// Another command is writing into the folder (`OutputLock`).
    case busy(String)

    public var description: String {
        switch self {
        case let .unsafeName(name):
            return "refused to write a file named '\(printable(name))': a name must not be empty, '.', '..' or hold '/', '\\' or NUL"
        case let .outside(path, folder):
            return "refused to write \(path): it would land outside \(folder) (through a symbolic link?)"
        case let .sameName(first, second) where first == second:
            return "refused to write \(first) twice in one run: two outputs share that name"
        case let .sameName(first, second):
            return "refused to write both \(first) and \(second): their names differ only by case, and many disks do not tell them apart"
        case let .notAFolder(path):
            return "\(path) is a file, not a folder; name a folder for --out"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        case let .busy(path):
            return "another pacer command is writing into \(path) now; wait for it to finish, or give another --out"
        }
    }
}

/// The folder a command writes into (`--out`). Every file goes through `write`, which checks that
/// each part of the relative path is a plain name, that the place it resolves to (symbolic links
/// followed) is inside the folder, and that no two files of one run differ only by case. Each
/// file is written whole (a temporary file renamed into place).
public final class OutputFolder {
    /// The folder as the user named it, for messages.
    public let path: String
    private let real: String
    private var written: [String: String] = [:]

    /// Creates the folder if it is missing.
    public init(_ path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError.notAFolder(path)
        }
        try Self.attempt(path) { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        real = Paths.real(path)
    }

    /// Runs a file operation, turning Foundation's error into one a person can read.
    private static func attempt(_ path: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
            let code = underlying?.domain == NSPOSIXErrorDomain ? Int32(truncatingIfNeeded: underlying?.code ?? 0) : 0
            throw OutputError.cannotWrite(path, reason: code != 0 ? String(cString: strerror(code)) : error.localizedDescription)
        }
    }

    /// Writes `text` to `relative` (`teachers/T-LEE.ics`), creating the folders on the way.
    public func write(_ text: String, to relative: String) throws {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts where part.isEmpty || part == "." || part == ".." || part.contains("\\") || part.contains("\u{0}") {
            throw OutputError.unsafeName(relative)
        }
        let folded = IdentifierRule.folded(relative)
        if let first = written[folded] { throw OutputError.sameName(first, relative) }
        let target = path + "/" + relative
        let parent = Paths.directory(of: target)
        guard Paths.isInside(parent, real) else { throw OutputError.outside(path: target, folder: path) }
        try Self.attempt(parent) { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        // Checked again once the folders exist: a link among them, or the file itself being a
        // link, must not lead out of the folder.
        guard Paths.isInside(parent, real), Paths.isInside(target, real) else {
            throw OutputError.outside(path: target, folder: path)
        }
        try Self.attempt(target) { try OutputFile.write(text, to: target) }
        written[folded] = relative
    }
}

/// Writes a set of files (relative path → text) into a folder through `OutputFolder`, in path
/// order; returns the paths.
enum ExportFiles {
    static func write(_ files: [String: String], to folder: String) throws -> [String] {
        let out = try OutputFolder(folder)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try out.write(text, to: path) }
        return files.keys.sorted()
    }
}
