import Foundation

/// A copy of the shipped tiny school in a new temporary folder, with `calendar` (YAML lines
/// indented as keys of `calendar:`, such as a term and holidays) added to its calendar: the school
/// year's tests plan a real term on it. Returns the folder; the caller removes it.
public func tinySchoolCopy(calendar: String = "") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-tiny-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Checkout.scenarios + "/tiny-school", toPath: folder)
    let path = folder + "/scenario.yaml"
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
    guard yaml.contains("calendar:\n") else { throw CocoaError(.fileReadCorruptFile) }
    try yaml.replacingOccurrences(of: "calendar:\n", with: "calendar:\n" + calendar).write(toFile: path, atomically: true, encoding: .utf8)
    return folder
}
