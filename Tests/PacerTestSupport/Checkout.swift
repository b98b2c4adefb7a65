import Foundation

/// The repository's own files that tests read, found from this file's place in the checkout
/// (Tests/PacerTestSupport/Checkout.swift): every test target asks here, so the paths hold
/// wherever the repository is cloned, and a test file can move to another folder without them.
public enum Checkout {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/PacerTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent().path
    /// The shipped example schools.
    public static let scenarios = root + "/scenarios"
    /// The importers' input files (FET, OneRoster, XHSTT), read by the importer tests and by the
    /// `pacer import` tests.
    public static let importFixtures = root + "/Tests/PacerCoreTests/ImportFixtures"
}

/// Whether `path` is a folder (a file, or nothing there, is not).
public func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
}
