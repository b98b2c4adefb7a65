import GLPK

/// Writes a scenario's counted model (`LowerBound`'s: students pooled, rooms classed, the rules'
/// counted rows) to a file, so that other solvers can be set beside Pacer's bound on schools whose
/// reference model is too large for them (scripts/bench --peers).
///
/// The counted model is a relaxation: its solutions are not plans, and what a solver proves on it,
/// its optimum included, is a lower bound on the cost of every plan, as `LowerBound`'s is.
public enum CountedModelWriter {
    /// Writes the model as LP or MPS (by the path's extension), for the week's demands as
    /// `ReferenceModelWriter` counts them. No size limit: pooling keeps it small (the 2,000-student
    /// school's is built for every plan).
    public static func write(_ scenario: Scenario, to path: String) throws -> ModelSize {
        let model = try LowerBound(scenario: scenario, demands: Demand.all(scenario)).countedModel()
        try model.problem.write(to: path)
        return model.problem.size
    }
}

extension Problem {
    /// Writes free MPS for a path ending in .mps, CPLEX LP otherwise.
    func write(to path: String) throws {
        if path.hasSuffix(".mps") { try writeMPS(to: path) } else { try writeLP(to: path) }
    }
}
