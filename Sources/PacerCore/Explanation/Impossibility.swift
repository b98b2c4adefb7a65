/// Students a hard rule keeps from any workshop on their objective, in the school's words, with the
/// smallest changes that would let them be served.
public struct Impossibility: Sendable, Equatable, Codable {
    public var objective: ObjectiveID
    /// Which rule blocks them, such as "no teacher can teach MATH-7.4".
    public var rule: String
    public var students: [StudentID]
    /// The smallest set of changes found (all together), such as "open room B12 in Tue-F2".
    public var changes: [String]
    /// A different set of changes that also works, when the search found one.
    public var alternative: [String]
    /// Whether `changes` are the least (GLPK's answer to the elastic model); otherwise they come from
    /// a quick search, each group on its own, and are only *a* way to serve them.
    public var smallest: Bool

    /// `MATH-7.4: no teacher can teach MATH-7.4 (S-01, S-02)` and the changes below it.
    public var lines: [String] {
        let shown = students.prefix(8).map(\.rawValue).joined(separator: ", ") + (students.count > 8 ? ", … (\(students.count) in all)" : "")
        var lines = ["\(rule): \(shown)"]
        if changes.isEmpty {
            lines.append("  no change within the rules Pacer can relax serves them")
        } else {
            lines.append((smallest ? "  smallest change: " : "  a change that would serve them: ") + changes.joined(separator: "; "))
            if !alternative.isEmpty { lines.append("  or: " + alternative.joined(separator: "; ")) }
        }
        return lines
    }
}
