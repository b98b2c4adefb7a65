extension ScenarioBuilder {
    /// scenario.yaml's `requests:` (`RequestPriorities`): `priorities`, most urgent first, each an
    /// id and the weight (0 to 10,000) a request at it costs a plan that could meet it and does
    /// not (`RequestGoal`); ids unique, weights not rising down the list.
    func buildRequestPriorities(_ node: SourceNode?) -> RequestPriorities {
        var priorities = RequestPriorities()
        guard let node, let fields = Fields(node, what: "requests", allowed: ["priorities"], log: log) else { return priorities }
        guard fields.has("priorities") else { return priorities }
        var levels: [RequestPriorities.Level] = []
        let items = fields.list("priorities", maximum: 20)
        for item in items {
            guard let level = Fields(item, what: "a request priority", allowed: ["id", "weight"], log: log),
                  let id = level.identifier("id", required: true), level.string("weight", required: true) != nil,
                  let weight = level.number("weight", minimum: 0, maximum: 10_000) else { continue }
            if levels.contains(where: { $0.id == id.value }) {
                log.error(id.location, "request priority \(id.value) is listed twice")
                continue
            }
            if let above = levels.last, weight.value > above.weight {
                log.error(weight.location, "request priority \(id.value) weighs \(NumberText.points(weight.value)), more than \(above.id) above it (\(NumberText.points(above.weight))): list the most urgent first")
            }
            levels.append(.init(id: id.value, weight: weight.value))
        }
        if items.isEmpty {
            log.error(fields.keyLocation("priorities"), "requests: priorities lists none; list at least one, most urgent first")
        } else if !levels.isEmpty {
            priorities.levels = levels
        }
        return priorities
    }
}
