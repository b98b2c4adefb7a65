import Foundation

/// Every file a scenario is read from, in the order read, and the SHA-256 over exactly the bytes
/// that were read: each file as its path's last two components, a zero byte, its bytes, a zero
/// byte. The hash is the stamp that ties a plan to the input it came from, so it is taken while
/// reading, never by reading the files again later (they may have changed meanwhile).
final class SourceFiles {
    private(set) var paths: [String] = []
    private var hasher = SHA256()

    func add(_ path: String, bytes: [UInt8]) {
        paths.append(path)
        let label = URL(fileURLWithPath: path).pathComponents.suffix(2).joined(separator: "/")
        hasher.update(Array(label.utf8) + [0])
        hasher.update(bytes)
        hasher.update([0])
    }

    var contentHash: String { hasher.hex() }
}
