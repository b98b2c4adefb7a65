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
    /// Independent study: every present student not in a workshop, by block and study space,
    /// with the adults supervising (absent from plans made before independent study).
    public var study: [StudyGroup]?
    /// Present students with no place in a block (too few adults or study seats), with the reason.
    public var unplaced: [UnplacedStudent]?
    /// A regrouped day: the published sessions it started from, and what changed.
    public var published: [PlannedSession]?
    /// A regrouped day: the published sessions and study groups in its periods closed since they
    /// were published, which the regroup does not plan; calendars send them cancelled, with why.
    /// Absent when none (and from plans made before this was kept).
    public var closedPublished: [PlannedSession]?
    public var closedPublishedStudy: [StudyGroup]?
    public var changes: DayChanges?
}

/// A plan of the whole week, or of one regrouped day.
public enum PlanKind: String, Codable, Sendable, CustomStringConvertible {
    case week, day
    public var description: String { rawValue }
}

/// How a plan's search ended.
public enum PlanStatus: String, Codable, Sendable, CustomStringConvertible {
    /// Proven best by the reference model.
    case optimal
    /// A plan that obeys every hard rule, not proven best.
    case feasible
    /// Stopped by Ctrl-C or a stop request: the best plan found so far.
    case interrupted
    /// Stopped by the time limit: the best plan found so far.
    case timeLimit = "time-limit"
    public var description: String { rawValue }
}

public struct PlanHeader: Codable, Sendable, Equatable {
    public var scenario: String
    public var kind: PlanKind
    /// The regrouped day's date; for a week plan made with `--week-of`, the date of its first day.
    public var date: String?
    /// Whether a week plan was made from the term's state (current objectives, waits and absences
    /// as recorded) rather than from students.csv; absent for plans from students.csv.
    public var fromState: Bool?
    /// For a week plan made from the state: the last check and absence recorded then and a digest of
    /// the current objectives and absences it read (`PlanStateMark`); absent from older plans.
    public var madeFrom: PlanStateMark? = nil
    /// For a regrouped day: how many times that date has been regrouped, this plan included
    /// (calendars take it as the events' SEQUENCE, so a later regroup replaces an earlier one).
    public var revision: Int?
    /// SHA-256 of the scenario's input files, in the order read.
    public var scenarioHash: String
    public var pacerVersion: String
    public var glpkVersion: String
    public var options: PlanOptions
    public var status: PlanStatus
    /// How the plan was made: `greedy` (its plan met the bound at once), `greedy+block-mip` (then
    /// neighbourhood models) or `greedy+block-mip+reference-mip` (small schools: then the whole-week model).
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
    /// Where the week's present students are, per student-block (absent from older plans).
    public var placements: Placements?
    /// What the search proved in school terms: the most workshops any plan could give, the fewest
    /// sessions that could give the plan's (absent from older plans, and when no bound was proved).
    public var proven: ProvenFigures? = nil
    /// How the search spent its budget and what ended it (absent from older plans).
    public var search: SearchSpending? = nil
}

/// Proven figures in school terms, from the counted model (`LowerBound`): no plan of the week gives
/// more than `workshopsAtMost` wanted workshops, none gives more than a subject's `bySubject` in
/// that subject, and none gives the plan's workshops with fewer than `sessionsAtLeast` sessions.
public struct ProvenFigures: Codable, Sendable, Equatable {
    public var workshopsAtMost: Int
    public var sessionsAtLeast: Int?
    /// Per subject with workshops wanted, in the scenario's order: the most wanted workshops any plan
    /// could give in it. Absent from older plans; a subject whose solve did not finish is left out.
    public var bySubject: [SubjectBound]?

    public init(workshopsAtMost: Int, sessionsAtLeast: Int?, bySubject: [SubjectBound]? = nil) {
        self.workshopsAtMost = workshopsAtMost
        self.sessionsAtLeast = sessionsAtLeast
        self.bySubject = bySubject
    }

    /// The most wanted workshops any plan could give in `subject`, when proven.
    public func workshopsAtMost(in subject: SubjectID) -> Int? {
        bySubject?.first { $0.subject == subject }?.workshopsAtMost
    }

    /// One subject's proven most workshops.
    public struct SubjectBound: Codable, Sendable, Equatable {
        public var subject: SubjectID
        public var workshopsAtMost: Int

        public init(subject: SubjectID, workshopsAtMost: Int) {
            self.subject = subject
            self.workshopsAtMost = workshopsAtMost
        }
    }
}

/// What ended a plan's search.
public enum SearchEnd: String, Codable, Sendable, CustomStringConvertible {
    /// The plan met its bound: it is the best possible.
    case metBound = "met-bound"
    /// Every search stage ran to its end within the work budget.
    case finished
    /// The work budget was spent: the same input gives the same plan on any machine.
    case work
    /// The wall clock ran out before the work did: the plan may differ from run to run.
    case clock
    /// Ctrl-C or a stop request.
    case interrupted
    public var description: String { rawValue }
}

/// The search's work, counted in deterministic units (about 4 ns of GLPK each on the
/// 2-core machine), split between improving the plan and improving the bound.
public struct SearchSpending: Codable, Sendable, Equatable {
    /// The budget: `--time-limit` × units per second, unless `--work` says otherwise.
    public var workLimit: Double
    public var planWork: Double
    public var boundWork: Double
    public var end: SearchEnd

    public init(workLimit: Double, planWork: Double, boundWork: Double, end: SearchEnd) {
        self.workLimit = workLimit
        self.planWork = planWork
        self.boundWork = boundWork
        self.end = end
    }
}

/// Student-blocks of a plan: those due (a present student in a flex block) and where they are.
public struct Placements: Codable, Sendable, Equatable {
    public var due: Int
    public var inWorkshops: Int
    public var inStudy: Int
    public var noPlace: Int
    /// Adults supervising study, summed over the flex blocks.
    public var supervisingAdults: Int
    /// Study seats in use, summed over the flex blocks.
    public var studySeatsUsed: Int
}

/// Independent study in one study space in one flex block: the adults supervising it and the
/// students there, each working on a named objective.
public struct StudyGroup: Codable, Sendable, Equatable {
    /// `BLOCK/study/ROOM`, unique since a room holds one group per block.
    public var id: String
    public var day: DayID
    public var block: BlockID
    public var start: String
    public var end: String
    public var room: RoomID
    /// Teachers running no workshop then, or supervisors; sorted.
    public var adults: [AdultID]
    /// Sorted by student.
    public var students: [StudyPlace]
}

/// A student in independent study and the objective they work on: the current objective that most
/// needs time (`StudyPlacer`), nil for a student with no current objective left.
public struct StudyPlace: Codable, Sendable, Equatable {
    public var student: StudentID
    public var objective: ObjectiveID?
    /// A check slot (`CheckSlots`): the teacher supervising the group who holds the mastery check
    /// the student asked for, on `objective`; nil for study alone.
    public var check: TeacherID? = nil
}

public struct UnplacedStudent: Codable, Sendable, Equatable {
    public var student: StudentID
    public var block: BlockID
    public var reason: String
}

public struct PlanOptions: Codable, Sendable, Equatable {
    /// The longest time limit Pacer takes, in seconds (a week); `pacer` refuses more.
    public static let maximumTimeLimit: Double = 7 * 24 * 3600
    /// The most branch-and-bound nodes Pacer takes; `pacer` refuses more.
    public static let maximumNodeLimit = 1_000_000_000
    /// Wall-clock seconds for the whole command.
    public var timeLimit: Double
    /// Relative gap at which the reference model's search may stop.
    public var gap: Double
    /// Varies tie-breaking among equally good choices.
    public var seed: UInt64
    /// Branch-and-bound nodes the reference model may use (keeps results reproducible).
    public var nodeLimit: Int
    /// A quicker search for plans nobody reads (the forecast's); nil: the full search.
    public var budget: PlanBudget?
    /// The search's work, in seconds of the reference machine (`workPerSecond`); nil: `timeLimit`.
    /// The same work gives the same plan on any machine, `timeLimit` then being only a safety net.
    public var work: Double?

    /// Work units the search may spend per second of `work` (else `timeLimit`). The search is
    /// budgeted in counted work (GLPK models' columns² × nodes, an LP's simplex iterations ×
    /// `LowerBound.iterationWork`), not in seconds, so that the same
    /// input gives the same plan on a busy machine too; the time limit stays as a safety net, and
    /// the default minute's work must end well before it. Measured on the 2-core machine, quiet:
    /// the neighbourhood models spend about 2.5 × 10⁸ units a second (the middle school with an
    /// extra teacher, 1.3 × 10¹⁰ in the 52 s they had before the clock stopped them at 57 s); with
    /// 3 × 10⁸ a second, the middle-school variants ran into the clock even alone, and two plans
    /// made side by side differed. At 1.8 × 10⁸ the default's work ends near 50 s, with the
    /// construction and the bound before it, leaving a margin for a machine running another plan.
    public static let workPerSecond = 180_000_000.0

    /// The search's work budget: `work` (else the time limit) at `workPerSecond`, with the opening
    /// bound's on top (`LowerBound.work`); a forecast's planning, its neighbourhood work alone.
    public var workLimit: Double {
        if let budget { return budget.neighbourhoodWork }
        return min(work ?? timeLimit, PlanOptions.maximumTimeLimit) * Self.workPerSecond + LowerBound.work
    }

    /// The time limit every command that plans takes unless told otherwise, in seconds.
    public static let defaultTimeLimit: Double = 60

    public init(timeLimit: Double = PlanOptions.defaultTimeLimit, gap: Double = 0, seed: UInt64 = 1, nodeLimit: Int = 1_000, work: Double? = nil) {
        self.timeLimit = timeLimit
        self.work = work
        self.gap = gap
        self.seed = seed
        self.nodeLimit = nodeLimit
    }
}

/// A search cut short in counted work, never by the clock, so that the same seed gives the same
/// plan on a busy machine: greedy and local search, then neighbourhood models until `neighbourhoodWork`
/// (`NeighbourhoodImprover`'s units) is spent; no lower bound and no whole-week model. For the
/// forecast, which plans hundreds of weeks and days and shows none of their bounds.
public struct PlanBudget: Codable, Sendable, Equatable {
    /// Work the neighbourhood models may spend, in `NeighbourhoodImprover`'s units (0: none).
    public var neighbourhoodWork: Double

    public init(neighbourhoodWork: Double) {
        self.neighbourhoodWork = neighbourhoodWork
    }
}

/// The objective, term by term, in points (see docs/model.md). `total` is their sum.
public struct PlanCost: Codable, Sendable, Equatable {
    public var unmetWorkshops: Double
    public var sessions: Double
    public var emptySeats: Double
    public var teacherChanges: Double
    public var keepApart: Double
    /// Changes to the published plan (regrouped days only).
    public var planChanges: Double?
    /// Student-blocks with no place (absent from plans made before independent study).
    public var noPlace: Double?
    /// Students moved from one study room to another within the plan (absent from plans made
    /// before independent study).
    public var studyChanges: Double?
    /// The requests the plan could meet and does not, each at its priority's weight (absent when
    /// the plan had no request to meet, and from plans made before requests were goals).
    public var unmetRequests: Double? = nil
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
    /// The day's study groups (absent from plans made before independent study).
    public var study: [String]?
}

public struct UnservedStudent: Codable, Sendable, Equatable {
    public var student: StudentID
    public var subject: SubjectID
    public var objective: ObjectiveID
    public var wanted: Int
    public var got: Int
    /// What a scheduler can act on, with its kind and the rules behind it.
    public var reason: UnservedReason
}
