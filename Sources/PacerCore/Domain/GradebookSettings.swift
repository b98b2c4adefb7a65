/// The `gradebook:` part of scenario.yaml: which gradebook results mean *mastered* and which *not
/// yet*, set once for the school (`pacer record --from oneroster`). The one place a score or a text
/// score becomes a check's result.
public struct GradebookSettings: Sendable, Equatable {
    /// A score at or above this share of its line item's range (`resultValueMin` to
    /// `resultValueMax`) means mastered (`mastered_share`).
    public var masteredShare = 0.8
    /// A score at or above this means mastered, whatever the line item's range (`mastered_score`);
    /// nil to use `masteredShare`.
    public var masteredScore: Double?
    /// Text scores that mean mastered (`mastered_text`), as `folded` compares them.
    public var masteredTexts = ["mastered", "mastery", "proficient", "meets", "exceeds"]
    /// Text scores that mean not yet (`not_yet_text`).
    public var notYetTexts = ["not yet", "not mastered", "developing", "beginning", "approaching", "below"]

    public init() {}

    /// A text score as the lists compare it: case, surrounding spaces, and what joins words
    /// (space, `-`, `_`) set aside, so "Not-Yet" is "not yet".
    static func folded(_ text: String) -> String {
        MasteryCheck.Result.words(text).joined(separator: " ")
    }

    /// The result a text score means, or nil when it is in neither list.
    public func result(text: String) -> MasteryCheck.Result? {
        let word = Self.folded(text)
        if masteredTexts.contains(where: { Self.folded($0) == word }) { return .mastered }
        if notYetTexts.contains(where: { Self.folded($0) == word }) { return .notYet }
        return nil
    }

    /// The result a score means on a line item whose scores run from `minimum` to `maximum`, or
    /// nil when the settings cannot tell (no `mastered_score` and no range).
    public func result(score: Double, minimum: Double?, maximum: Double?) -> MasteryCheck.Result? {
        let threshold: Double
        if let masteredScore {
            threshold = masteredScore
        } else if let maximum {
            let low = minimum ?? 0
            guard maximum > low else { return nil }
            threshold = low + masteredShare * (maximum - low)
        } else {
            return nil
        }
        return score >= threshold ? .mastered : .notYet
    }

    /// In words, for messages: "a score of 80 % of the line item's range, or mastered, mastery, …".
    var summary: String {
        let score = masteredScore.map { "a score of at least \(NumberText.points($0))" }
            ?? "a score of at least \(Int((masteredShare * 100).rounded())) % of the line item's range"
        return "mastered: \(score), or a text score of \(masteredTexts.joined(separator: ", ")); not yet: a lower score, or \(notYetTexts.joined(separator: ", "))"
    }
}
