extension WeekPlan {
    /// Whether this plan was made from `scenario`: the same school (its name) and the same files
    /// (the content hash it is stamped with).
    public enum Provenance: Equatable, Sendable {
        case matches
        /// The plan names another school.
        case otherSchool(plan: String, scenario: String)
        /// The same school, but its files changed since the plan was made.
        case changedFiles(planHash: String, filesHash: String)
    }

    public func provenance(for scenario: Scenario) -> Provenance {
        if header.scenario != scenario.name { return .otherSchool(plan: header.scenario, scenario: scenario.name) }
        if header.scenarioHash != scenario.contentHash {
            return .changedFiles(planHash: header.scenarioHash, filesHash: scenario.contentHash)
        }
        return .matches
    }

    /// Why the plan at `planPath` cannot be used with the scenario at `scenarioPath`, naming both
    /// and saying how to go on; nil when it can. A plan of another school is always refused; one
    /// made from earlier versions of the same school's files only without `allowChangedFiles`.
    public func provenanceProblem(scenario: Scenario, planPath: String, scenarioPath: String, allowChangedFiles: Bool) -> String? {
        switch provenance(for: scenario) {
        case .matches:
            return nil
        case let .otherSchool(plan, school):
            return "\(planPath) is a plan of '\(plan)', but \(scenarioPath) is '\(school)'; name the scenario the plan was made for, or plan this one with `pacer plan \(scenarioPath) --out DIR`"
        case let .changedFiles(planHash, filesHash):
            if allowChangedFiles { return nil }
            return "\(planPath) was made from other versions of \(scenarioPath)'s files (plan stamped \(planHash.prefix(12)), files now \(filesHash.prefix(12))); plan again with `pacer plan \(scenarioPath) --out DIR`, or add --allow-changed-scenario to use this plan anyway"
        }
    }
}
