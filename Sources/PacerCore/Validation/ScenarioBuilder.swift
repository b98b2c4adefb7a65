/// Turns a merged scenario tree and its students.csv into a validated `Scenario`, reporting every
/// problem to the log. Each section lives in its own file (CalendarSection, SubjectsSection, …);
/// the warnings for legal but suspicious scenarios live in ScenarioWarnings.
final class ScenarioBuilder {
    static let topKeys = ["name", "description", "students", "calendar", "subjects", "teachers", "supervisors", "rooms", "policy", "forecast", "gradebook", "requests"]

    let log: DiagnosticLog
    let sources: SourceFiles
    // Where each id was defined, for messages and warnings.
    var objectiveLocations: [ObjectiveID: SourceLocation] = [:]
    var roomLocations: [RoomID: SourceLocation] = [:]
    var teacherLocations: [TeacherID: SourceLocation] = [:]
    var studentLocations: [StudentID: SourceLocation] = [:]
    /// Whether some room says `study:`; if none does, every room is a study space.
    var roomsMarkStudy = false
    /// The students.csv cells that place a student on each objective.
    var studentsOnObjective: [ObjectiveID: [SourceLocation]] = [:]
    /// Every id claimed so far, by kind and case-folded form, with how and where it was written.
    var foldedIDs: [String: (String, SourceLocation)] = [:]
    /// Each objective's `case_id`, lower-cased, with the objective that has it.
    var caseIDOwners: [String: ObjectiveID] = [:]

    init(log: DiagnosticLog, sources: SourceFiles) {
        self.log = log
        self.sources = sources
    }

    func build(_ root: SourceNode) -> Scenario? {
        guard let fields = Fields(root, what: "the scenario", allowed: Self.topKeys, log: log) else { return nil }
        let name = fields.string("name", required: true)?.value ?? ""
        guard let (calendar, blocks) = buildCalendar(fields.node("calendar"), at: fields.location) else { return nil }
        let subjects = buildSubjects(fields.list("subjects", required: true, maximum: ScenarioLimits.subjects))
        var rooms = buildRooms(fields.list("rooms", required: true, maximum: ScenarioLimits.rooms), blocks: blocks)
        let flexPerDay = calendar.periods.filter(\.isFlex).count
        let teachers = buildTeachers(fields.list("teachers", required: true, maximum: ScenarioLimits.teachers), subjects: subjects, blocks: blocks, flexPerDay: flexPerDay)
        let supervisors = buildSupervisors(fields.list("supervisors", maximum: ScenarioLimits.teachers), blocks: blocks)
        let policy = buildPolicy(fields.node("policy"))
        var assumptions: [String] = []
        if !roomsMarkStudy {
            for i in rooms.indices { rooms[i].studySeats = rooms[i].capacity }
            assumptions.append("no room says 'study:', so every room may hold independent study, at its capacity")
        }
        if !fields.has("supervisors") {
            assumptions.append("no 'supervisors:' listed, so only teachers supervise independent study")
        }
        if policy.limit(IndependentStudyRule.studentsPerSupervisor) == nil {
            assumptions.append("no 'students_per_supervisor' in policy, so one adult supervises at most \(Scenario.defaultStudentsPerSupervisor) students")
        }
        var students: [Student] = []
        if let path = fields.string("students") {
            students = buildStudents(file: path.value, from: path.location, subjects: subjects, blocks: blocks,
                                     homeRooms: rooms.map(\.id), adults: teachers.map { AdultID(rawValue: $0.id.rawValue) } + supervisors.map { AdultID(rawValue: $0.id.rawValue) })
        }
        var scenario = Scenario(
            name: name, calendar: calendar, subjects: subjects, teachers: teachers, rooms: rooms,
            students: students, policy: policy, sourceFiles: sources.paths, contentHash: sources.contentHash)
        scenario.supervisors = supervisors
        scenario.assumptions = assumptions
        if let node = fields.node("forecast"),
           let forecast = Fields(node, what: "forecast", allowed: ["target_pace"], log: log),
           let pace = forecast.number("target_pace", minimum: 0, maximum: 100) {
            scenario.forecast.targetPace = pace.value
        }
        scenario.gradebook = buildGradebook(fields.node("gradebook"))
        scenario.requestPriorities = buildRequestPriorities(fields.node("requests"))
        // Warnings are judged on a scenario without errors: values that failed to read would
        // otherwise show up as suspicious defaults.
        if !log.hasErrors { warnAboutSuspiciousParts(of: scenario) }
        return scenario
    }

    /// Records where an id is defined; reports a second definition, or one that differs from an
    /// earlier id of the same kind only by case (`IdentifierRule.folded`), and returns false for it.
    func claim<ID: Hashable>(
        _ id: ID, _ text: Located<String>, kind: String, in locations: inout [ID: SourceLocation]
    ) -> Bool {
        if let first = locations[id] {
            log.error(text.location, "duplicate \(kind) id '\(printable(text.value))' (first at \(first))")
            return false
        }
        let folded = kind + "\u{0}" + IdentifierRule.folded(text.value)
        if let (firstText, first) = foldedIDs[folded] {
            log.error(text.location, "\(kind) id '\(printable(text.value))' differs from '\(firstText)' (at \(first)) only by case; exports name files after ids, and many disks do not tell them apart")
            return false
        }
        foldedIDs[folded] = (text.value, text.location)
        locations[id] = text.location
        return true
    }

    private func buildPolicy(_ node: SourceNode?) -> Policy {
        var policy = Policy()
        guard let node,
              let fields = Fields(node, what: "policy", allowed: Policy.fields.map(\.key) + ["keep_apart"] + RuleCatalogue.settings.map(\.key), log: log)
        else { return policy }
        for setting in RuleCatalogue.settings {
            if let value = fields.int(setting.key, range: setting.range) { policy.limits[setting] = value.value }
        }
        for (key, set) in Policy.fields {
            if let value = fields.number(key, minimum: 0, maximum: 1_000_000) { set(&policy, value.value) }
        }
        // keep_apart: `hard` (the default), or a number of points to allow it at that price.
        if let text = fields.string("keep_apart"), text.value.lowercased() != "hard",
           let price = fields.number("keep_apart", minimum: 0, maximum: 1_000_000) {
            policy.keepApart = .soft(points: price.value)
        }
        return policy
    }
}

/// Reads and validates scenarios.
public enum ScenarioLoader {
    /// The outcome of reading a scenario: the scenario when it has no errors, and every diagnostic.
    public struct Reading: Sendable {
        public let scenario: Scenario?
        /// Sorted by file and position.
        public let diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// Reads the scenario at `path` (a folder with scenario.yaml, or a variant's YAML file) and
    /// reports every problem at once.
    public static func read(_ path: String) -> Reading {
        let log = DiagnosticLog()
        guard let document = ScenarioDocument.load(path, log: log) else {
            return Reading(scenario: nil, diagnostics: log.sorted)
        }
        let scenario = ScenarioBuilder(log: log, sources: document.sources).build(document.root)
        return Reading(scenario: log.hasErrors ? nil : scenario, diagnostics: log.sorted)
    }

    /// Reads the scenario at `path`, throwing `ScenarioError` with every diagnostic if it has errors.
    public static func load(_ path: String) throws -> Scenario {
        let reading = read(path)
        guard let scenario = reading.scenario else { throw ScenarioError(diagnostics: reading.diagnostics) }
        return scenario
    }
}
