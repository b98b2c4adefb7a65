import Foundation

/// Lexical path handling: joins and `..` are resolved on the text, so diagnostics show the paths a
/// person would type, and the same scenario reached two ways has one name.
enum Paths {
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        return normalize(directory + "/" + path)
    }

    /// The absolute path with symbolic links resolved (for containment checks, not for messages).
    static func real(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether `path` lies inside the folder `tree` (both compared as real absolute paths).
    static func isInside(_ path: String, _ tree: String) -> Bool {
        let real = real(path)
        return tree == "/" || real == tree || real.hasPrefix(tree + "/")
    }
}
