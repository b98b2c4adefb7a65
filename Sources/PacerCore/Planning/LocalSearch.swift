import GLPK

/// Improves a plan move by move, each priced by what it changes (`CostLedger`) rather than by
/// recomputing the plan:
/// - **close** a session by moving each of its students into another session of the same
///   objective that has a free seat and fits their week (saves the session and its empty seats);
/// - **seat** a student who is short of workshops in a session of their objective with a free seat;
/// - **move** a student to another session of their objective (to a teacher they already meet,
///   or one that leaves a small group behind);
/// - **swap** two students of one objective between sessions, when it spares one of them a
///   second teacher.
///
/// Opening and re-timing sessions is left to the GLPK neighbourhoods that follow
/// (NeighbourhoodImprover: a teacher's week re-times that teacher's sessions exactly).
///
/// The acceptance rule is threshold accepting: a first round takes moves that cost less than
/// `climb` (worse plans too, to leave a local optimum), a last round only moves that lower the
/// cost, and the best plan seen is returned. Sessions, students and targets are visited in a fixed
/// order, so the result depends only on the input.
struct LocalSearch {
    let scenario: Scenario
    let demands: [Demand]
    /// A regrouped day's published sessions: changes to them cost `plan_change`.
    var published: [PlannedSession] = []

    /// Rounds of passes: the threshold a move's price must stay under in each (the last is 0:
    /// improvements only), and the most passes each may make.
    private var rounds: [(threshold: Double, passes: Int)] {
        [(scenario.policy.teacherChange, 2), (0, 50)]
    }

    func improve(_ start: [PlannedSession], stop: StopToken? = nil, deadline: ContinuousClock.Instant? = nil) -> [PlannedSession] {
        var state = SearchState(scenario: scenario, demands: demands, published: published, sessions: start)
        var best = start, bestCost = state.ledger.total
        func late() -> Bool { stop?.isStopped == true || (deadline.map { ContinuousClock.now >= $0 } ?? false) }
        for round in rounds {
            var passes = 0, accepted = true
            while accepted && passes < round.passes && !late() {
                passes += 1
                accepted = false
                func settle(_ change: Double, undo: [SearchState.Step]) -> Bool {
                    let keep = round.threshold > 0 ? change < round.threshold - 1e-9 : change < -1e-9
                    if keep {
                        accepted = accepted || change != 0 || round.threshold == 0
                        if state.ledger.total < bestCost - 1e-9 { bestCost = state.ledger.total; best = state.plan }
                    } else {
                        state.undo(undo)
                    }
                    return keep
                }
                for i in state.smallestFirst() where !late() {
                    let (change, undo) = state.closeSession(i)
                    if let change { _ = settle(change, undo: undo) } else { state.undo(undo) }
                }
                for demand in demands where !late() && state.ledger.received(demand.student, demand.subject) < demand.wanted {
                    if let (change, undo) = state.seat(demand.student, on: demand.objective) { _ = settle(change, undo: undo) }
                }
                for i in state.sessions.indices where !late() && !state.closed.contains(i) {
                    for student in state.sessions[i].students {
                        if let (change, undo) = state.move(student, from: i) { _ = settle(change, undo: undo) }
                    }
                }
                for i in state.sessions.indices where !late() && !state.closed.contains(i) {
                    for student in state.sessions[i].students where state.ledger.teachers(of: student, in: state.sessions[i].subject).count > 1 {
                        guard state.sessions[i].students.contains(student) else { continue }
                        if let (change, undo) = state.swap(student, from: i) { _ = settle(change, undo: undo) }
                    }
                }
            }
        }
        return best
    }
}

/// The plan as local search changes it: sessions (closed ones stay in place, empty, so that
/// indices hold), who is where (`Occupancy`) and the running cost (`CostLedger`). Every change is
/// logged so that a move can be taken back exactly.
private struct SearchState {
    enum Step {
        case joined(StudentID, Int)
        case left(StudentID, Int)
        case closed(Int)
    }

    let scenario: Scenario
    let rules: RuleCatalogue
    var sessions: [PlannedSession]
    var closed = Set<Int>()
    var occupancy: Occupancy
    var ledger: CostLedger
    /// Sessions by objective, in plan order.
    let sessionsOn: [ObjectiveID: [Int]]
    private let seats: [Int]

    init(scenario: Scenario, demands: [Demand], published: [PlannedSession], sessions: [PlannedSession]) {
        self.scenario = scenario
        rules = RuleCatalogue(scenario)
        self.sessions = sessions
        occupancy = Occupancy(rules.school, sessions: sessions)
        ledger = CostLedger(scenario: scenario, demands: demands, published: published, sessions: sessions)
        var on: [ObjectiveID: [Int]] = [:]
        for (i, s) in sessions.enumerated() { on[s.objective, default: []].append(i) }
        sessionsOn = on
        let capacity = Dictionary(scenario.rooms.map { ($0.id, $0.capacity) }, uniquingKeysWith: { first, _ in first })
        seats = sessions.map { min(scenario.objective($0.objective)?.maxGroup ?? 0, capacity[$0.room] ?? 0) }
    }

    /// The plan without the closed sessions.
    var plan: [PlannedSession] { sessions.indices.filter { !closed.contains($0) }.map { sessions[$0] } }

    func smallestFirst() -> [Int] {
        sessions.indices.filter { !closed.contains($0) }
            .sorted { (sessions[$0].students.count, sessions[$0].id) < (sessions[$1].students.count, sessions[$1].id) }
    }

    /// Whether `student` may join session `j` as the plan stands (the rule catalogue admits it).
    func fits(_ student: StudentID, _ j: Int) -> Bool {
        let target = sessions[j]
        guard !closed.contains(j), target.students.count < seats[j], !target.students.contains(student),
              let s = rules.school.studentAt[student], let b = rules.school.blockAt[target.block],
              let objective = scenario.objective(target.objective),
              rules.admits(student: s, attending: objective, in: b, occupancy) else { return false }
        return rules.allows(student: s, joining: target.students.compactMap { rules.school.studentAt[$0] })
    }

    /// The session on the same objective, other than `except`, that `student` fits best (the
    /// lowest price), if any.
    func bestTarget(for student: StudentID, on objective: ObjectiveID, except: Int? = nil) -> (index: Int, price: Double)? {
        var best: (index: Int, price: Double)?
        for j in sessionsOn[objective] ?? [] where j != except && fits(student, j) {
            let price = ledger.joining(student, sessions[j])
            if best.map({ price < $0.price - 1e-9 }) ?? true { best = (j, price) }
        }
        return best
    }

    mutating func add(_ student: StudentID, to j: Int, _ log: inout [Step]) {
        ledger.join(student, sessions[j])
        occupancy.add(student, to: sessions[j])
        let at = sessions[j].students.firstIndex { $0.rawValue > student.rawValue } ?? sessions[j].students.count
        sessions[j].students.insert(student, at: at)
        log.append(.joined(student, j))
    }

    mutating func remove(_ student: StudentID, from i: Int, _ log: inout [Step]) {
        ledger.leave(student, sessions[i])
        occupancy.remove(student, from: sessions[i])
        sessions[i].students.removeAll { $0 == student }
        log.append(.left(student, i))
    }

    mutating func undo(_ log: [Step]) {
        var ignored: [Step] = []
        for step in log.reversed() {
            switch step {
            case let .joined(student, j): remove(student, from: j, &ignored)
            case let .left(student, i): add(student, to: i, &ignored)
            case let .closed(i):
                closed.remove(i)
                ledger.open(sessions[i])
                occupancy.add(sessions[i])
            }
        }
    }

    /// Closes session `i`, each student going to their best other session; nil price when one
    /// of them fits nowhere (the log then undoes what was done).
    mutating func closeSession(_ i: Int) -> (Double?, [Step]) {
        let before = ledger.total
        var log: [Step] = []
        let members = sessions[i].students, objective = sessions[i].objective
        for student in members { remove(student, from: i, &log) }
        ledger.close(sessions[i])
        occupancy.remove(sessions[i])
        closed.insert(i)
        log.append(.closed(i))
        // A student no other session takes goes to independent study: the ledger prices the
        // workshop they lose, and the adult and room the session gives back to study.
        for student in members {
            guard let target = bestTarget(for: student, on: objective, except: i) else { continue }
            add(student, to: target.index, &log)
        }
        return (ledger.total - before, log)
    }

    /// Seats a student who is short of workshops in their best session on the objective.
    mutating func seat(_ student: StudentID, on objective: ObjectiveID) -> (Double, [Step])? {
        guard let target = bestTarget(for: student, on: objective) else { return nil }
        let before = ledger.total
        var log: [Step] = []
        add(student, to: target.index, &log)
        return (ledger.total - before, log)
    }

    /// Moves a student from session `i` to their best other session on the objective, keeping
    /// session `i` at its minimum group.
    mutating func move(_ student: StudentID, from i: Int) -> (Double, [Step])? {
        guard let objective = scenario.objective(sessions[i].objective),
              GroupSizeRule.isEnough(sessions[i].students.count - 1, for: objective) else { return nil }
        let before = ledger.total
        var log: [Step] = []
        remove(student, from: i, &log)
        guard let target = bestTarget(for: student, on: objective.id, except: i) else {
            undo(log)
            return nil
        }
        add(student, to: target.index, &log)
        return (ledger.total - before, log)
    }

    /// Swaps a student who meets more than one teacher in the subject, out of session `i`, with a
    /// student of a session on the same objective whose teacher they already meet.
    mutating func swap(_ student: StudentID, from i: Int) -> (Double, [Step])? {
        let session = sessions[i]
        let others = ledger.teachers(of: student, in: session.subject).keys.filter { $0 != session.teacher }
        for j in sessionsOn[session.objective] ?? [] where j != i && !closed.contains(j) && others.contains(sessions[j].teacher) {
            for partner in sessions[j].students {
                let before = ledger.total
                var log: [Step] = []
                remove(student, from: i, &log)
                remove(partner, from: j, &log)
                guard fits(student, j), fits(partner, i) else {
                    undo(log)
                    continue
                }
                add(student, to: j, &log)
                add(partner, to: i, &log)
                let change = ledger.total - before
                if change < -1e-9 { return (change, log) }
                undo(log)
            }
        }
        return nil
    }
}
