/// One subject's workshops in a plan: given and not given of those wanted, and the students unserved
/// in it by the kind of reason, so that `compare` shows where the bottleneck is (on the middle
/// school most of the unserved are science students with no suitable room free).
public struct SubjectWorkshops: Sendable, Equatable {
    public var subject: SubjectID
    /// The subject's name, as the scenario gives it (what a principal reads).
    public var name: String
    /// Wanted workshops given: per student, at most as many as they want (as `PlanHeader.workshopsServed` counts).
    public var given: Int
    public var notGiven: Int
    /// Student-subjects unserved in this subject, by `UnservedReason.Kind`, in the kinds' order.
    public var unserved: [UnservedReason.Kind: Int]

    /// Every subject with workshops wanted this week, by name (then id). The wanted are the week's
    /// demands from the scenario (`Demand.all`), as the plan was made in `compare`.
    public static func all(plan: WeekPlan, scenario: Scenario) -> [SubjectWorkshops] {
        var got: [StudentSubject: Int] = [:]
        for s in plan.sessions { for st in s.students { got[StudentSubject(st, s.subject), default: 0] += 1 } }
        var given: [SubjectID: Int] = [:], wanted: [SubjectID: Int] = [:]
        for demand in Demand.all(scenario) {
            wanted[demand.subject, default: 0] += demand.wanted
            given[demand.subject, default: 0] += min(demand.wanted, got[StudentSubject(demand.student, demand.subject)] ?? 0)
        }
        var unserved: [SubjectID: [UnservedReason.Kind: Int]] = [:]
        for u in plan.unserved { unserved[u.subject, default: [:]][u.reason.kind, default: 0] += 1 }
        return scenario.subjects.filter { wanted[$0.id] != nil }
            .sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
            .map { subject in
                let given = given[subject.id] ?? 0
                return SubjectWorkshops(subject: subject.id, name: subject.name, given: given, notGiven: (wanted[subject.id] ?? 0) - given,
                                        unserved: unserved[subject.id] ?? [:])
            }
    }
}
