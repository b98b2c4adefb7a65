extension ScenarioBuilder {
    static let gradebookKeys = ["mastered_share", "mastered_score", "mastered_text", "not_yet_text"]

    /// scenario.yaml's `gradebook:` (`GradebookSettings`): a share or a score from which a result
    /// means mastered, not both, and the text scores for each result, none in both lists.
    func buildGradebook(_ node: SourceNode?) -> GradebookSettings {
        var settings = GradebookSettings()
        guard let node, let fields = Fields(node, what: "gradebook", allowed: Self.gradebookKeys, log: log) else { return settings }
        let share = fields.number("mastered_share", minimum: 0, maximum: 1)
        let score = fields.number("mastered_score", minimum: -1e12, maximum: 1e12)
        if let share, score != nil {
            log.error(share.location, "gradebook: give mastered_share or mastered_score, not both (mastered_score applies to every line item whatever its range)")
        }
        if let share, share.value == 0 {
            log.warning(share.location, "gradebook: mastered_share 0 counts every fully graded result as mastered, even a score of nothing")
        }
        if let share { settings.masteredShare = share.value }
        settings.masteredScore = score?.value
        func texts(_ key: String) -> [Located<String>]? {
            guard fields.has(key) else { return nil }
            let items = fields.strings(key)
            for item in items where GradebookSettings.folded(item.value).isEmpty {
                log.error(item.location, "gradebook: an item of \(key) is empty")
            }
            return items
        }
        let mastered = texts("mastered_text"), notYet = texts("not_yet_text")
        if let mastered { settings.masteredTexts = mastered.map(\.value) }
        if let notYet { settings.notYetTexts = notYet.map(\.value) }
        // Reported once, where the school wrote it (the mastered list when it wrote both).
        let masteredWords = Set(settings.masteredTexts.map(GradebookSettings.folded))
        let notYetWords = Set(settings.notYetTexts.map(GradebookSettings.folded))
        for text in mastered ?? notYet ?? [] {
            let word = GradebookSettings.folded(text.value)
            if masteredWords.contains(word), notYetWords.contains(word) {
                log.error(text.location, "gradebook: '\(printable(text.value))' is in both mastered_text and not_yet_text")
            }
        }
        return settings
    }
}
