import Tagged

/// Everything one school plans with. Built only by `ScenarioLoader`, which validates it; code
/// downstream can rely on every id it holds being defined.
public struct Scenario: Sendable {
    public let name: String
    public let calendar: SchoolCalendar
    public let subjects: [Subject]
    public let teachers: [Teacher]
    public let rooms: [Room]
    public let students: [Student]
    public let policy: Policy
    /// What forecasts assume and aim for.
    public internal(set) var forecast = ForecastSettings()
    /// Which gradebook results mean mastered and not yet (`gradebook:`).
    public internal(set) var gradebook = GradebookSettings()
    /// The priorities a request may have, most urgent first (`requests: priorities:`).
    public internal(set) var requestPriorities = RequestPriorities()
    /// Adults who supervise independent study and run no workshops (`supervisors:`).
    public internal(set) var supervisors: [Supervisor] = []
    /// What the scenario left to a default and Pacer assumed (`validate` says it).
    public internal(set) var assumptions: [String] = []
    /// Who joined, left or changed what they teach during the term, from the state
    /// (`withRoster`); empty for a scenario read from its files alone.
    public internal(set) var roster = Roster()
    /// Every file read to make this scenario, in the order read (variants before their bases).
    public let sourceFiles: [String]
    /// SHA-256 (hex) over the bytes of `sourceFiles` as they were read (`SourceFiles`): the stamp
    /// that ties a plan to the exact input it came from.
    public let contentHash: String

    private let objectivesByID: [ObjectiveID: Objective]

    init(
        name: String, calendar: SchoolCalendar, subjects: [Subject], teachers: [Teacher], rooms: [Room],
        students: [Student], policy: Policy, sourceFiles: [String], contentHash: String
    ) {
        self.name = name
        self.calendar = calendar
        self.subjects = subjects
        self.teachers = teachers
        self.rooms = rooms
        self.students = students
        self.policy = policy
        self.sourceFiles = sourceFiles
        self.contentHash = contentHash
        var objectives: [ObjectiveID: Objective] = [:]
        for subject in subjects { for objective in subject.objectives { objectives[objective.id] = objective } }
        self.objectivesByID = objectives
    }

    public func objective(_ id: ObjectiveID) -> Objective? { objectivesByID[id] }

    public var objectives: [Objective] { subjects.flatMap(\.objectives) }
}
