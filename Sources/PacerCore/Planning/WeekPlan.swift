import GLPK

/// A week plan as written to `plan.json` (schema in docs/plan-format.md). Everything in it depends
/// only on the scenario and the options, so the same input gives the same file; how long the run
/// took is written beside it in `run.json`.
public struct WeekPlan: Codable, Sendable, Equatable {
    public static let schemaName = "pacer.plan/1"
    public var schema = WeekPlan.schemaName
    public var header: PlanHeader
    public var cost: PlanCost
    /// Sorted by block (chronologically), then teacher.
    public var sessions: [PlannedSession]
    /// Each day's sessions, in the order of `sessions`.
    public var days: [DayRoster]
    /// Every student who wanted more workshops than they got, with the reason.
    public var unserved: [UnservedStudent]
}

public struct PlanHeader: Codable, Sendable, Equatable {
    public var scenario: String
    /// SHA-256 of the scenario's input files, in the order read.
    public var scenarioHash: String
    public var pacerVersion: String
    public var glpkVersion: String
    public var options: PlanOptions
    /// `optimal` (proven by the reference model), `feasible` (not proven), `interrupted` or `time-limit`.
    public var status: String
    /// How the plan was made: `greedy+reference-mip` (small schools: the whole-week model) or
    /// `greedy+block-mip` (larger ones: one block model at a time).
    public var method: String
    public var objective: Double
    /// A proven lower bound on the best objective, when one was computed.
    public var lowerBound: Double?
    public var gap: Double?
    /// Candidate sessions (objective, teacher, room, block) and student placements in them: the
    /// binaries of the whole-week reference model.
    public var candidateSessions: Int
    public var candidatePlacements: Int
    /// The reference model's exact size, when it was built (small schools).
    public var referenceModel: ModelSize?
    public var students: Int
    public var workshopsWanted: Int
    public var workshopsServed: Int
}

public struct PlanOptions: Codable, Sendable, Equatable {
    /// Wall-clock seconds for the whole command.
    public var timeLimit: Double
    /// Relative gap at which the reference model's search may stop.
    public var gap: Double
    /// Varies tie-breaking among equally good choices.
    public var seed: UInt64
    /// Branch-and-bound nodes the reference model may use (keeps results reproducible).
    public var nodeLimit: Int

    public init(timeLimit: Double = 60, gap: Double = 0, seed: UInt64 = 1, nodeLimit: Int = 1_000) {
        self.timeLimit = timeLimit
        self.gap = gap
        self.seed = seed
        self.nodeLimit = nodeLimit
    }
}

/// The objective, term by term, in points (see docs/model.md). `total` is their sum.
public struct PlanCost: Codable, Sendable, Equatable {
    public var unmetWorkshops: Double
    public var sessions: Double
    public var emptySeats: Double
    public var teacherChanges: Double
    public var keepApart: Double
    public var total: Double
}

/// One workshop: a teacher with a group on one objective in one room in one block.
public struct PlannedSession: Codable, Sendable, Equatable {
    /// `BLOCK/TEACHER`, unique since a teacher is in one place per block.
    public var id: String
    public var day: DayID
    public var block: BlockID
    public var start: String
    public var end: String
    public var teacher: TeacherID
    public var room: RoomID
    public var subject: SubjectID
    public var objective: ObjectiveID
    /// Sorted.
    public var students: [StudentID]
}

public struct DayRoster: Codable, Sendable, Equatable {
    public var day: DayID
    public var sessions: [String]
}

public struct UnservedStudent: Codable, Sendable, Equatable {
    public var student: StudentID
    public var subject: SubjectID
    public var objective: ObjectiveID
    public var wanted: Int
    public var got: Int
    /// What a scheduler can act on.
    public var reason: String
}
