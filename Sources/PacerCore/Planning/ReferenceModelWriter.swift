import GLPK

/// Writes the reference model of a scenario to a file, for other solvers.
public enum ReferenceModelWriter {
    /// The largest reference model Pacer builds to write, in columns. GLPK itself stops at
    /// 100,000,000 (and aborts the process past it); well before that, a model of this kind needs
    /// more memory than a school's computer has (about 200 bytes a column with its name).
    public static let maximumColumns = 20_000_000

    /// The model's size, counted without building it: a few seconds even for a large school.
    public struct Estimate: Sendable, Equatable {
        public var sessions: Int
        public var placements: Int
        public var columns: Int { sessions + placements }
    }

    public enum SizeError: Error, CustomStringConvertible, Equatable {
        case tooLarge(scenario: String, estimate: Estimate, students: Int)

        public var description: String {
            switch self {
            case let .tooLarge(scenario, estimate, students):
                return """
                    the reference model of \(scenario) would have \(grouped(estimate.columns)) columns \
                    (\(grouped(estimate.sessions)) candidate sessions and \(grouped(estimate.placements)) student placements \
                    for \(grouped(students)) students); Pacer writes at most \(grouped(maximumColumns)) \
                    (GLPK itself stops at 100,000,000). Write the model of a smaller school or of one grade \
                    (a variant with fewer students, objectives or flex blocks); `pacer plan` plans this school \
                    with block models instead of the whole-week model
                    """
            }
        }
    }

    public static func estimate(_ scenario: Scenario) -> Estimate {
        let counts = CandidateSet.counts(scenario: scenario, demands: Demand.all(scenario))
        return Estimate(sessions: counts.sessions, placements: counts.placements)
    }

    /// Writes the model, after refusing one beyond `maximumColumns` without building it.
    public static func write(_ scenario: Scenario, to path: String) throws -> ModelSize {
        let size = estimate(scenario)
        guard size.columns <= maximumColumns else {
            throw SizeError.tooLarge(scenario: scenario.name, estimate: size, students: scenario.students.count)
        }
        let demands = Demand.all(scenario)
        let model = try ReferenceModel(scenario: scenario, set: CandidateSet(scenario: scenario, demands: demands))
        try model.problem.write(to: path)
        return model.problem.size
    }

    /// 197000000 as 197,000,000.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }
}
