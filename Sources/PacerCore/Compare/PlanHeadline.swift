import Foundation

/// A plan's outcome in school terms, for a principal: workshops given of those wanted, students who
/// get every workshop they need, sessions, and how close the plan is to the best possible. The
/// technical figures (objective, bound, gap, status) follow in a line of their own. The terminal
/// summary, the HTML export's index and `compare` all say it this way.
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
    }

    public var workshopsNotGiven: Int { max(0, workshopsWanted - workshopsServed) }
    public var studentsShort: Int { studentsWithDemand - studentsFullyServed }
    /// Workshops given of those wanted, and students fully served of those with demand (1 when none).
    public var workshopsShare: Double { workshopsWanted == 0 ? 1 : Double(workshopsServed) / Double(workshopsWanted) }
    public var fullyServedShare: Double { studentsWithDemand == 0 ? 1 : Double(studentsFullyServed) / Double(studentsWithDemand) }

    /// "1,662 of 1,752 wanted workshops given (90 not given)".
    public var workshopsGiven: String {
        "\(Self.count(workshopsServed)) of \(Self.count(workshopsWanted)) wanted workshops given"
            + (workshopsNotGiven > 0 ? " (\(Self.count(workshopsNotGiven)) not given)" : "")
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
    /// of the best possible".
    public var sentence: String {
        ([workshopsGiven, studentsServed] + [placed].compactMap { $0 } + ["\(Self.count(sessions)) sessions", quality]).joined(separator: "; ")
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
