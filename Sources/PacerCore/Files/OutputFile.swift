import Foundation

/// Writes output files whole: to a temporary file in the same folder, then renamed into place, so
/// an interrupted run leaves the previous file intact.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
