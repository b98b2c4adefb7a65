import Foundation

/// A command's hold on its `--out` folder while it works, so that two commands writing into one
/// folder (two `pacer plan` runs with the same `--out`) do not silently overwrite each other's
/// files: the second is refused at once, naming the folder. The hold is an advisory lock
/// (`flock`) on the hidden file `.pacer-writing` in the folder; the system releases it when the
/// process ends, however it ends, so a killed command never leaves the folder locked.
public final class OutputLock {
    public static let fileName = ".pacer-writing"
    private let descriptor: Int32

    /// Takes the folder (created if missing), or throws `OutputError.busy` when another command holds it.
    public init(_ folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            close(descriptor)
            throw busy ? OutputError.busy(folder) : OutputError.cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
