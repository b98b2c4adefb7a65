/// The figures a principal compares scenarios by, computed from a plan and its scenario.
public struct PlanMetrics: Sendable, Equatable {
    public var scenario: String
    public var students: Int
    /// Students with demand who got at least one workshop on their current objective.
    public var studentsServed: Int
    public var studentsWithDemand: Int
    public var servedShare: Double
    /// Workshops per student with demand this week: mean and 10th percentile.
    public var workshopsMean: Double
    public var workshopsP10: Double
    /// Each subject's workshops given and not given, and its unserved by kind of reason, by name.
    public var subjects: [SubjectWorkshops]
    /// Unserved student-subjects by short reason, sorted by reason.
    public var unservedByReason: [(reason: String, count: Int)]
    /// Sessions per teacher in the week.
    public var teacherLoadMin: Int
    public var teacherLoadMean: Double
    public var teacherLoadMax: Int
    /// Share of room × flex block slots used.
    public var roomUse: Double
    public var meanGroupSize: Double
    public var sessions: Int
    /// Independent study, from the plan's placements (nil for plans made before it): student-blocks
    /// due and placed, adults supervising and study seats used, each summed over the flex blocks.
    public var studentBlocksDue: Int?
    public var studentBlocksPlaced: Int?
    public var studentBlocksNoPlace: Int?
    public var supervisingAdults: Int?
    public var studySeatsUsed: Int?
    public var status: String
    public var gap: Double?
    /// The proven lower bound on the objective: no plan of this scenario costs less.
    public var lowerBound: Double?
    public var objective: Double
    /// The plan in school terms: workshops given of wanted, students fully served, how close to the best.
    public var headline: PlanHeadline

    public init(plan: WeekPlan, scenario: Scenario) {
        self.scenario = scenario.name
        headline = PlanHeadline(plan: plan, scenario: scenario)
        students = scenario.students.count
        var workshops: [StudentID: Int] = [:]
        for s in plan.sessions { for st in s.students { workshops[st, default: 0] += 1 } }
        let withDemand = scenario.studentsWithDemand
        studentsWithDemand = withDemand.count
        studentsServed = withDemand.filter { (workshops[$0.id] ?? 0) > 0 }.count
        servedShare = withDemand.isEmpty ? 1 : Double(studentsServed) / Double(withDemand.count)
        let counts = withDemand.map { Double(workshops[$0.id] ?? 0) }.sorted()
        workshopsMean = counts.isEmpty ? 0 : counts.reduce(0, +) / Double(counts.count)
        workshopsP10 = percentile(counts, 0.1)
        var reasons: [String: Int] = [:]
        for u in plan.unserved { reasons[u.reason.kind.rawValue, default: 0] += 1 }
        unservedByReason = reasons.keys.sorted().map { ($0, reasons[$0] ?? 0) }
        subjects = SubjectWorkshops.all(plan: plan, scenario: scenario)
        var load: [TeacherID: Int] = Dictionary(uniqueKeysWithValues: scenario.teachers.map { ($0.id, 0) })
        for s in plan.sessions { load[s.teacher, default: 0] += 1 }
        teacherLoadMin = load.values.min() ?? 0
        teacherLoadMax = load.values.max() ?? 0
        teacherLoadMean = load.isEmpty ? 0 : Double(load.values.reduce(0, +)) / Double(load.count)
        let slots = scenario.rooms.count * scenario.calendar.flexBlocks.count
        roomUse = slots == 0 ? 0 : Double(plan.sessions.count) / Double(slots)
        meanGroupSize = plan.sessions.isEmpty ? 0 : Double(plan.sessions.map(\.students.count).reduce(0, +)) / Double(plan.sessions.count)
        sessions = plan.sessions.count
        let placements = plan.header.placements
        studentBlocksDue = placements?.due
        studentBlocksPlaced = placements.map { $0.inWorkshops + $0.inStudy }
        studentBlocksNoPlace = placements?.noPlace
        supervisingAdults = placements?.supervisingAdults
        studySeatsUsed = placements?.studySeatsUsed
        status = plan.header.status.rawValue
        gap = plan.header.gap
        lowerBound = plan.header.lowerBound
        objective = plan.cost.total
    }

    public static func == (a: PlanMetrics, b: PlanMetrics) -> Bool {
        a.scenario == b.scenario && a.studentsServed == b.studentsServed && a.sessions == b.sessions && a.objective == b.objective
    }
}

/// The value below which a share `p` of the sorted values lie (nearest rank).
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(sorted.count - 1, max(0, rank))]
}

extension Scenario {
    /// The students whose current objectives ask for workshops each week.
    var studentsWithDemand: [Student] {
        students.filter { student in student.current.contains { (objective($0.value)?.workshopsPerWeek ?? 0) > 0 } }
    }
}
