extension ScenarioBuilder {
    static let subjectKeys = ["id", "name", "defaults", "objectives"]
    static let defaultsKeys = ["workshops_per_week", "min_group", "max_group", "needs", "mastery_chance"]
    static let objectiveKeys = ["id", "title", "workshops_per_week", "min_group", "max_group", "needs", "prerequisites", "mastery_chance", "case_id"]

    /// The settings an objective inherits from its subject's `defaults`, then from Pacer's.
    struct ObjectiveDefaults {
        var workshopsPerWeek = 2
        var minGroup = 1
        var maxGroup = 12
        var needs: [Feature] = []
        var masteryChance = ForecastSettings.defaultMasteryChance
    }

    func buildSubjects(_ items: [SourceNode]) -> [Subject] {
        var subjects: [Subject] = []
        var subjectLocations: [SubjectID: SourceLocation] = [:]
        for item in items {
            guard let fields = Fields(item, what: "subject", allowed: Self.subjectKeys, log: log),
                  let id = fields.identifier("id", required: true) else { continue }
            let subjectID = SubjectID(rawValue: id.value)
            guard claim(subjectID, id, kind: "subject", in: &subjectLocations) else { continue }
            if Self.reservedColumns.contains(id.value) {
                log.error(id.location, "subject id '\(id.value)' is a reserved column of students.csv; choose another")
                continue
            }
            var defaults = ObjectiveDefaults()
            if let node = fields.node("defaults"),
               let d = Fields(node, what: "defaults of subject \(id.value)", allowed: Self.defaultsKeys, log: log) {
                defaults.workshopsPerWeek = d.int("workshops_per_week", range: 0...50)?.value ?? defaults.workshopsPerWeek
                defaults.minGroup = d.int("min_group", range: 1...10_000)?.value ?? defaults.minGroup
                defaults.maxGroup = d.int("max_group", range: 1...10_000)?.value ?? defaults.maxGroup
                if d.has("needs") { defaults.needs = features(d.strings("needs")) }
                defaults.masteryChance = d.number("mastery_chance", minimum: 0, maximum: 1)?.value ?? defaults.masteryChance
            }
            let objectives = buildObjectives(fields.list("objectives", required: true, maximum: ScenarioLimits.objectivesPerSubject), subject: subjectID, defaults: defaults)
            if objectives.isEmpty, fields.node("objectives") != nil {
                log.error(fields.keyLocation("objectives"), "subject \(id.value) has no objectives")
            }
            subjects.append(Subject(id: subjectID, name: fields.string("name")?.value ?? id.value, objectives: objectives))
        }
        return subjects
    }

    private func buildObjectives(_ items: [SourceNode], subject: SubjectID, defaults: ObjectiveDefaults) -> [Objective] {
        var objectives: [Objective] = []
        var prerequisiteRefs: [(index: Int, refs: [Located<String>])] = []
        var localIDs: [ObjectiveID: Int] = [:]
        for item in items {
            guard let fields = Fields(item, what: "objective", allowed: Self.objectiveKeys, log: log),
                  let id = fields.identifier("id", required: true) else { continue }
            let objectiveID = ObjectiveID(rawValue: id.value)
            let what = "objective \(id.value)"
            guard claim(objectiveID, id, kind: "objective", in: &objectiveLocations) else { continue }
            let workshops = fields.int("workshops_per_week", range: 0...50)?.value ?? defaults.workshopsPerWeek
            let minGroup = fields.int("min_group", range: 1...10_000)
            let maxGroup = fields.int("max_group", range: 1...10_000)
            let lower = minGroup?.value ?? defaults.minGroup, upper = maxGroup?.value ?? defaults.maxGroup
            if lower > upper {
                log.error(minGroup?.location ?? maxGroup?.location ?? fields.location,
                          "\(what): min_group \(lower) is larger than max_group \(upper)")
            }
            let needs = fields.has("needs") ? features(fields.strings("needs")) : defaults.needs
            // Without `prerequisites`, an objective follows the one before it in the list.
            if fields.has("prerequisites") {
                prerequisiteRefs.append((objectives.count, fields.strings("prerequisites")))
            } else if let previous = objectives.last {
                prerequisiteRefs.append((objectives.count, [Located(value: previous.id.rawValue, location: id.location)]))
            }
            localIDs[objectiveID] = objectives.count
            objectives.append(Objective(
                id: objectiveID, subject: subject, title: fields.string("title")?.value ?? id.value,
                workshopsPerWeek: workshops, minGroup: lower, maxGroup: max(lower, upper), needs: needs,
                masteryChance: fields.number("mastery_chance", minimum: 0, maximum: 1)?.value ?? defaults.masteryChance,
                prerequisites: [], caseID: caseID(fields, of: objectiveID)))
        }
        for (index, refs) in prerequisiteRefs {
            for ref in refs {
                let target = ObjectiveID(rawValue: ref.value)
                guard localIDs[target] != nil else {
                    let hint = objectiveLocations[target] != nil ? " (prerequisites must be in the same subject)" : ""
                    log.error(ref.location, "unknown objective '\(printable(ref.value))' in prerequisites of \(objectives[index].id) in subject \(subject)\(hint)")
                    continue
                }
                if target == objectives[index].id {
                    log.error(ref.location, "objective \(target) cannot be its own prerequisite")
                } else if !objectives[index].prerequisites.contains(target) {
                    objectives[index].prerequisites.append(target)
                }
            }
        }
        reportCycles(objectives, localIDs)
        return objectives
    }

    /// Reports each prerequisite cycle once, at the objective of the cycle written first.
    private func reportCycles(_ objectives: [Objective], _ index: [ObjectiveID: Int]) {
        var state = Array(repeating: 0, count: objectives.count)  // 0 new, 1 on the path, 2 done
        var path: [Int] = []
        func visit(_ i: Int) {
            state[i] = 1
            path.append(i)
            for p in objectives[i].prerequisites {
                guard let j = index[p] else { continue }
                if state[j] == 1, let start = path.firstIndex(of: j) {
                    let cycle = Array(path[start...])
                    let first = cycle.min() ?? j
                    let rotated = cycle.drop { $0 != first } + cycle.prefix { $0 != first } + [first]
                    let names = rotated.map { objectives[$0].id.rawValue }.joined(separator: " → ")
                    log.error(objectiveLocations[objectives[first].id] ?? .start(of: ""),
                              "prerequisites form a cycle: \(names) (each needs the next one mastered first)")
                } else if state[j] == 0 {
                    visit(j)
                }
            }
            path.removeLast()
            state[i] = 2
        }
        for i in objectives.indices where state[i] == 0 { visit(i) }
    }

    /// The objective's `case_id`, checked: 1 to 255 characters without spaces or control
    /// characters, and no other objective's (case aside, as CASE identifiers are UUIDs).
    private func caseID(_ fields: Fields, of objective: ObjectiveID) -> String? {
        guard let text = fields.string("case_id") else { return nil }
        guard Objective.isValidCaseID(text.value) else {
            log.error(text.location, "case_id of objective \(objective) must be 1 to 255 characters without spaces or control characters, got '\(printable(text.value))'")
            return nil
        }
        if let other = caseIDOwners[text.value.lowercased()] {
            log.error(text.location, "case_id \(text.value) of objective \(objective) is already objective \(other)'s; each framework item is one objective")
            return nil
        }
        caseIDOwners[text.value.lowercased()] = objective
        return text.value
    }

    private func features(_ items: [Located<String>]) -> [Feature] {
        Array(Set(items.filter { Fields.checkIdentifier($0, log: log) }.map { Feature(rawValue: $0.value) })).sorted()
    }
}
