import GLPK

/// Writes the reference model of a scenario to a file, for other solvers.
public enum ReferenceModelWriter {
    public static func write(_ scenario: Scenario, to path: String) throws -> ModelSize {
        let demands = Demand.all(scenario)
        let model = try ReferenceModel(scenario: scenario, set: CandidateSet(scenario: scenario, demands: demands))
        if path.hasSuffix(".mps") { try model.problem.writeMPS(to: path) } else { try model.problem.writeLP(to: path) }
        return model.problem.size
    }
}
