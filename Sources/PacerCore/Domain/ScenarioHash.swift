import Crypto
import Foundation

extension Scenario {
    /// SHA-256 (hex) over the scenario's input files, each as its path's last two components and
    /// its bytes, in the order read: the stamp that ties a plan to the exact input it came from.
    public var contentHash: String {
        var hasher = SHA256()
        for file in sourceFiles {
            let label = URL(fileURLWithPath: file).pathComponents.suffix(2).joined(separator: "/")
            hasher.update(data: Data(label.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: FileManager.default.contents(atPath: file) ?? Data())
            hasher.update(data: Data([0]))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
