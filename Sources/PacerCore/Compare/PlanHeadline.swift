import Foundation

/// A plan's outcome in school terms, for a principal: workshops given of those wanted, students who
/// get every workshop they need, sessions, and how close the plan is to the best possible, with
/// what was proven in school terms (the most workshops any plan could give, the fewest sessions
/// that could give the plan's, the term the cost gap is mostly in) and whether the clock stopped
/// the search. The technical figures (objective, bound, gap, status) follow in a line of their own.
/// The terminal summary, the HTML export's index and `compare` all say it this way.
public struct PlanHeadline: Sendable, Equatable {
    public let workshopsWanted: Int
    public let workshopsServed: Int
    /// Students whose objectives ask for workshops this week, and those of them who get them all.
    public let studentsWithDemand: Int
    public let studentsFullyServed: Int
    public let sessions: Int
    /// Where the week's present students are, per student-block (nil for plans made before
    /// independent study).
    public let placements: Placements?
    public let status: PlanStatus
    public let objective: Double
    public let lowerBound: Double?
    public let gap: Double?
    /// What the search proved in school terms (nil when nothing was, and in older plans).
    public let proven: ProvenFigures?
    /// What ended the search (nil in older plans).
    public let searchEnd: SearchEnd?
    /// Where the cost gap can lie, term by term (nil without a lower bound).
    public let costGap: CostGap?

    public init(plan: WeekPlan, scenario: Scenario) {
        let h = plan.header
        workshopsWanted = h.workshopsWanted
        workshopsServed = h.workshopsServed
        let withDemand = Set(scenario.studentsWithDemand.map(\.id))
        studentsWithDemand = withDemand.count
        studentsFullyServed = withDemand.subtracting(plan.unserved.map(\.student)).count
        sessions = plan.sessions.count
        placements = h.placements
        status = h.status
        objective = h.objective
        lowerBound = h.lowerBound
        gap = h.gap
        proven = h.proven
        searchEnd = h.search?.end
        costGap = h.lowerBound.map {
            CostGap(cost: plan.cost, lowerBound: $0, workshopsWanted: h.workshopsWanted, sessions: plan.sessions.count,
                    proven: h.proven, policy: scenario.policy)
        }
    }

    public var workshopsNotGiven: Int { max(0, workshopsWanted - workshopsServed) }
    public var studentsShort: Int { studentsWithDemand - studentsFullyServed }
    /// Workshops given of those wanted, and students fully served of those with demand (1 when none).
    public var workshopsShare: Double { workshopsWanted == 0 ? 1 : Double(workshopsServed) / Double(workshopsWanted) }
    public var fullyServedShare: Double { studentsWithDemand == 0 ? 1 : Double(studentsFullyServed) / Double(studentsWithDemand) }

    /// "1,662 of 1,752 wanted workshops given (90 not given)"; with the proven most any plan could
    /// give, that comes first, since it is what the plan is measured against, and the wanted follow
    /// in brackets: "1,736 of at most 1,740 possible workshops given (1,752 wanted, 16 not given)",
    /// or "1,736 workshops given, the most possible (1,752 wanted, 16 not given)" when the plan
    /// gives them. A plan that gives every wanted workshop says so alone.
    public var workshopsGiven: String {
        let notGiven = workshopsNotGiven > 0 ? " (\(Self.count(workshopsNotGiven)) not given)" : ""
        guard let most = proven?.workshopsAtMost, workshopsNotGiven > 0 else {
            return "\(Self.count(workshopsServed)) of \(Self.count(workshopsWanted)) wanted workshops given" + notGiven
        }
        let wanted = " (\(Self.count(workshopsWanted)) wanted, \(Self.count(workshopsNotGiven)) not given)"
        if most <= workshopsServed { return "\(Self.count(workshopsServed)) workshops given, the most possible" + wanted }
        return "\(Self.count(workshopsServed)) of at most \(Self.count(most)) possible workshops given" + wanted
    }

    /// "192 sessions", with the proven fewest that could give the plan's workshops: "192 sessions
    /// (at least 181 could give these workshops)", or "181 sessions, the fewest that could give
    /// these workshops".
    public var sessionsOpened: String {
        "\(Self.count(sessions)) sessions" + (sessionsProven.map { $0.hasPrefix("the fewest") ? ", " + $0 : " (\($0))" } ?? "")
    }

    /// What was proven of the sessions: "at least 181 could give these workshops", "the fewest that
    /// could give these workshops"; nil when nothing was.
    public var sessionsProven: String? {
        guard let least = proven?.sessionsAtLeast else { return nil }
        return least >= sessions ? "the fewest that could give these workshops" : "at least \(Self.count(least)) could give these workshops"
    }

    /// "229 of 300 students get every workshop they need".
    public var studentsServed: String {
        "\(Self.count(studentsFullyServed)) of \(Self.count(studentsWithDemand)) students get every workshop they need"
    }

    /// "4,448 of 4,448 student-blocks placed (1,736 in workshops, 2,712 in study)", with how many
    /// have no place; nil for plans made before independent study.
    public var placed: String? {
        guard let p = placements else { return nil }
        return "\(Self.count(p.inWorkshops + p.inStudy)) of \(Self.count(p.due)) student-blocks placed "
            + "(\(Self.count(p.inWorkshops)) in workshops, \(Self.count(p.inStudy)) in study"
            + (p.noPlace > 0 ? ", \(Self.count(p.noPlace)) with no place)" : ")")
    }

    /// Student-blocks placed of those due (1 when none are due or the plan predates study).
    public var placedShare: Double {
        guard let p = placements, p.due > 0 else { return 1 }
        return Double(p.inWorkshops + p.inStudy) / Double(p.due)
    }

    /// "1,662 of 1,752 wanted workshops given (90 not given); 229 of 300 students get every
    /// workshop they need; 4,448 of 4,448 student-blocks placed (…); 186 sessions; plan within 9 %
    /// of the best possible", and what was proven and how the search ended (`verdict`).
    public var sentence: String {
        ([workshopsGiven, studentsServed] + [placed].compactMap { $0 } + [sessionsOpened, verdict]).joined(separator: "; ")
    }

    /// How close the plan is to the best possible, the term the gap is mostly in, and whether the
    /// clock stopped the search: "plan within 9 % of the best possible; the gap is mostly in
    /// sessions; stopped by the clock: the result may differ from run to run".
    public var verdict: String {
        ([quality] + [gapTerm, stoppedByClock].compactMap { $0 }).joined(separator: "; ")
    }

    /// "the gap is mostly in sessions", when `CostGap.mostly` names a term (never for a plan proven best).
    public var gapTerm: String? {
        guard status != .optimal, gap != 0, let term = costGap?.mostly else { return nil }
        return "the gap is mostly in \(term.rawValue)"
    }

    /// Said when the wall clock ended the search before its work budget did: the plan is then not
    /// the same from run to run (`SearchEnd.clock`).
    public var stoppedByClock: String? {
        searchEnd == .clock ? "stopped by the clock: the result may differ from run to run" : nil
    }

    /// How close the plan is to the best possible, in words.
    public var quality: String {
        if status == .optimal || gap == 0 { return "the best possible plan (proven)" }
        let stopped = status == .interrupted ? " (stopped early)" : ""
        guard let gap else { return "how close to the best possible is not known" + stopped }
        return "plan within \(Self.percent(gap)) of the best possible" + stopped
    }

    /// The figures behind the words, for the technical reader.
    public var technical: String {
        var text = "objective \(NumberText.points(objective))"
        if let lowerBound { text += ", lower bound \(NumberText.points(lowerBound))" }
        if let gap { text += ", gap \(String(format: "%.2f", gap * 100)) %" }
        return text + ", status \(status)"
    }

    /// 0.092 → "9 %", 0.004 → "0.4 %": whole percents, a decimal under one.
    static func percent(_ share: Double) -> String {
        let p = share * 100
        return (p < 1 ? String(format: "%.1f", p) : String(format: "%.0f", p)) + " %"
    }

    /// 1752 → "1,752".
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(c)
        }
        return (n < 0 ? "-" : "") + grouped
    }
}
