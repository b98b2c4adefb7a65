import Tagged

/// One thing to master, such as `MATH-7.RP.2`.
public struct Objective: Hashable, Sendable {
    public let id: ObjectiveID
    public let subject: SubjectID
    public let title: String
    /// How many workshops a week a student on this objective should get.
    public let workshopsPerWeek: Int
    /// Smallest and largest group a session on this objective may have.
    public let minGroup: Int
    public let maxGroup: Int
    /// Room features a session on this objective needs, sorted.
    public let needs: [Feature]
    /// For forecasts: the chance that one workshop brings a student (of pace 1) to mastery.
    public var masteryChance: Double = ForecastSettings.defaultMasteryChance
    /// Objectives of the same subject that must be mastered first, in file order.
    public internal(set) var prerequisites: [ObjectiveID]
    /// The identifier of the competency framework's item this objective is (1EdTech CASE's
    /// `CFItem.identifier`, scenario.yaml's `case_id`), so gradebook results on it find it; nil
    /// for an objective typed by hand. Unique across objectives, case aside.
    public var caseID: String? = nil
}

extension Objective {
    /// What a `case_id` may be: 1 to 255 characters without spaces or control characters (checked
    /// when scenarios are read, and by `pacer import case` before it writes one).
    static func isValidCaseID(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return (1...255).contains(scalars.count)
            && !scalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control })
    }
}

/// A subject and its progression: the ordered objectives, with prerequisites (a chain or a small DAG).
public struct Subject: Hashable, Sendable {
    public let id: SubjectID
    public let name: String
    /// The progression, in the order the file gives (which is also a valid order to master them in).
    public let objectives: [Objective]
}

extension Subject {
    /// What a teacher's `teaches` entry names, in scenario.yaml or `pacer teaches`: a subject id (all
    /// its objectives), an objective id, or an objective id prefix ending in `*` (`MATH-7.RP.*`).
    static func objectives(matching pattern: String, in subjects: [Subject]) -> [ObjectiveID] {
        if let subject = subjects.first(where: { $0.id.rawValue == pattern }) { return subject.objectives.map(\.id) }
        let all = subjects.flatMap(\.objectives).map(\.id)
        if pattern.hasSuffix("*"), pattern.count > 1 {
            let prefix = pattern.dropLast()
            return all.filter { $0.rawValue.hasPrefix(prefix) }
        }
        return all.filter { $0.rawValue == pattern }
    }
}
