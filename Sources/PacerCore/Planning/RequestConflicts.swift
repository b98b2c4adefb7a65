/// Two requests for one student in one flex block that cannot both be met: the one home of how
/// they are settled (docs/requests.md, *Conflicts*). Used wherever requests are weighed (a week
/// plan, a regroup, `pacer verify` through the same weights) and where their status is set.
///
/// **The rule, in words:** a student sits in one place per block, so two requests still asking
/// for the same student in the same flex block of the same date conflict unless one place meets
/// both: a workshop and a check on the same objective (a check is met in a workshop on it), or
/// time with the same teacher. The more urgent request wins (the scenario's priorities, most
/// urgent first); at the same priority, the one asked first (the lower id). The loser is declined
/// with a reason that names the winner, and plans do not weigh it. Requests for a whole day or week
/// conflict with nothing: another block can meet them.
///
/// Settling is a pure function of the requests still asking, so a plan verified with the requests
/// live when it was made settles them as it did; when the winner is cancelled or met, the loser
/// asks again.
public enum RequestConflicts {
    /// The losers among `requests` (those still asking are looked at; the others are passed over),
    /// by id, each with the reason in words: "Ms Okafor's urgent request for the same block comes
    /// first (request 4, more urgent than normal)".
    public static func losers(_ requests: [StudentRequest], scenario: Scenario) -> [Int64: String] {
        let rank = Dictionary(scenario.requestPriorities.levels.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        func order(_ r: StudentRequest) -> (Int, Int64) { (rank[r.priority] ?? Int.max, r.id) }
        var blocks: [BlockKey: [StudentRequest]] = [:]
        for request in requests where request.isAsking {
            guard case let .block(date, period) = request.when else { continue }
            blocks[BlockKey(student: request.student, date: date, period: period), default: []].append(request)
        }
        var losers: [Int64: String] = [:]
        for group in blocks.values where group.count > 1 {
            var kept: [StudentRequest] = []
            for request in group.sorted(by: { order($0) < order($1) }) {
                if let winner = kept.first(where: { !metTogether($0.want, request.want) }) {
                    losers[request.id] = reason(winner: winner, loser: request, rank: rank, scenario: scenario)
                } else {
                    kept.append(request)
                }
            }
        }
        return losers
    }

    /// Whether one place in one block can meet both: the same objective, or the same teacher.
    static func metTogether(_ a: StudentRequest.Want, _ b: StudentRequest.Want) -> Bool {
        switch (a, b) {
        case let (.teacher(x), .teacher(y)): x == y
        default: a.objective != nil && a.objective == b.objective
        }
    }

    /// "Ms Okafor's urgent request for the same block comes first (request 4, more urgent than
    /// normal)", or, at the same priority, "… came first (request 4, asked before this one)".
    static func reason(winner: StudentRequest, loser: StudentRequest, rank: [String: Int], scenario: Scenario) -> String {
        let who = RequestText.asker(winner.askedBy, scenario)
        let more = (rank[winner.priority] ?? Int.max) < (rank[loser.priority] ?? Int.max)
        // A priority taken out of scenario.yaml since the request was made ranks last.
        let than = rank[loser.priority] == nil ? "\(loser.priority), which is no longer one of the school's priorities" : "more urgent than \(loser.priority)"
        return "\(who)'s \(winner.priority) request for the same block "
            + (more ? "comes first (request \(winner.id), \(than))" : "came first (request \(winner.id), asked before this one)")
    }

    private struct BlockKey: Hashable {
        let student: StudentID
        let date: SchoolDate
        let period: PeriodID
    }
}
