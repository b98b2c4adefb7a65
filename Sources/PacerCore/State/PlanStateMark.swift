import GRDB

/// What state a week plan was made from (`PlanHeader.madeFrom`): the last mastery check and the
/// last absence recorded when it was planned, and a digest of what planning read from the state
/// (each student's current objectives and who is away in the week). `verify` rebuilds the state
/// from the checks and absences up to these, and `publish` compares the digest with the state of
/// the week as it is then: a plan is current while they agree.
public struct PlanStateMark: Codable, Sendable, Equatable {
    /// The id of the last mastery check recorded when the plan was made; 0 when there was none.
    public var lastCheck: Int64
    /// The id of the last absence recorded when the plan was made; 0 when there was none.
    public var lastAbsence: Int64
    /// The id of the last closure recorded (`pacer closed`) when the plan was made; 0 when there
    /// was none, nil in a plan made before closures were kept (taken as 0).
    public var lastClosure: Int64?
    /// SHA-256 of the current objectives and absences the plan was made from (`digest(of:)`).
    public var digest: String
    /// The id of the last roster change recorded when the plan was made (0 when there was none);
    /// nil in a plan made before roster changes were kept, which was made from none.
    public var lastRoster: Int64?
    /// The last event of the requests' sequence when the plan was made (0 when none), so that the
    /// plan is verified with the requests that were live then; nil in a plan made before requests
    /// were kept, which weighed none.
    public var lastRequest: Int64?

    private enum CodingKeys: String, CodingKey {
        case lastCheck, lastAbsence, lastClosure, digest, lastRoster, lastRequest
    }

    /// Read from plan.json: each mark is an id or the requests' sequence, 0 for none, so a
    /// negative one is refused (it would verify the plan against a state before anything was
    /// recorded, and `publish` would take it as current).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func mark(_ key: CodingKeys) throws -> Int64? {
            guard let value = try c.decodeIfPresent(Int64.self, forKey: key) else { return nil }
            guard value >= 0 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(value) is negative: a plan's mark is an id, or 0 for none")
            }
            return value
        }
        guard let lastCheck = try mark(.lastCheck) else { throw DecodingError.keyNotFound(CodingKeys.lastCheck, .init(codingPath: c.codingPath, debugDescription: "")) }
        guard let lastAbsence = try mark(.lastAbsence) else { throw DecodingError.keyNotFound(CodingKeys.lastAbsence, .init(codingPath: c.codingPath, debugDescription: "")) }
        self.init(lastCheck: lastCheck, lastAbsence: lastAbsence, lastClosure: try mark(.lastClosure), digest: try c.decode(String.self, forKey: .digest),
                  lastRoster: try mark(.lastRoster), lastRequest: try mark(.lastRequest))
    }

    public init(lastCheck: Int64, lastAbsence: Int64, lastClosure: Int64? = nil, digest: String, lastRoster: Int64? = nil, lastRequest: Int64? = nil) {
        self.lastCheck = lastCheck
        self.lastAbsence = lastAbsence
        self.lastClosure = lastClosure
        self.digest = digest
        self.lastRoster = lastRoster
        self.lastRequest = lastRequest
    }

    /// SHA-256 of what decides what a week plan may do from the state: every student's current
    /// objective per subject, the blocks each student, teacher and supervisor is away, the roster
    /// changes dated up to the week's end (who joined, left, teaches what), sorted, so the same
    /// state gives the same digest, and the week's closed blocks with why (roster changes and
    /// closures only when there are some, so a plan made before they were kept keeps its digest).
    /// Waits and pace only price the plan and are left out.
    public static func digest(of scenario: Scenario) -> String {
        var lines: [String] = []
        for s in scenario.students.sorted(by: { $0.id < $1.id }) {
            let current = s.current.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            lines.append("student \(s.id) \(current) away \(s.unavailable.map(\.rawValue).sorted().joined(separator: ","))")
        }
        for t in scenario.teachers.sorted(by: { $0.id < $1.id }) {
            lines.append("teacher \(t.id) away \(t.unavailable.map(\.rawValue).sorted().joined(separator: ","))")
        }
        for a in scenario.supervisors.sorted(by: { $0.id < $1.id }) {
            lines.append("supervisor \(a.id) away \(a.unavailable.map(\.rawValue).sorted().joined(separator: ","))")
        }
        // The roster changes dated up to the week's end (none: the digest is as it was before they were kept).
        for c in scenario.roster.changes {
            lines.append("roster \(c.date) \(c.kind.rawValue) \(c.person.description) \(c.objectives.map(\.rawValue).joined(separator: ","))")
        }
        for (block, closure) in scenario.calendar.closedBlocks.sorted(by: { $0.key < $1.key }) {
            lines.append("closed \(block) \(closure.text)")
        }
        var hasher = SHA256()
        hasher.update(Array(lines.joined(separator: "\n").utf8))
        return hasher.hex()
    }
}

extension StateStore {
    /// The mark of the state as the caller's transaction reads it, for a plan made from `context`.
    static func mark(_ db: Database, context: PlanningContext) throws -> PlanStateMark {
        PlanStateMark(lastCheck: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM mastery_check") ?? 0,
                      lastAbsence: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM absence") ?? 0,
                      lastClosure: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM closure") ?? 0,
                      digest: PlanStateMark.digest(of: context.scenario),
                      lastRoster: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM roster_change") ?? 0,
                      lastRequest: try lastRequestSeq(db))
    }

    /// What was recorded since `mark` that bears on the week of `weekOf`, in plain words, names
    /// first: the checks that stand (`Chloe Kim (S-05) mastered Add and subtract rational numbers
    /// (MATH-7.NS.1) on 2026-11-24, check 17`) and the absences for the week's dates.
    static func changes(since mark: PlanStateMark, _ db: Database, scenario: Scenario, weekOf: SchoolDate) throws -> [String] {
        var lines: [String] = []
        let checks = try Row.fetchAll(db, sql: """
            SELECT id, date, student, objective, result FROM mastery_check WHERE withdrawn_at IS NULL AND id > ? ORDER BY id
            """, arguments: [mark.lastCheck])
        if !checks.isEmpty {
            let words = checks.map { row -> String in
                let student = StudentID(rawValue: row["student"]), objective = ObjectiveID(rawValue: row["objective"])
                let name = scenario.students.first { $0.id == student }?.name
                let title = scenario.objective(objective)?.title
                let result: String = row["result"] == "mastered" ? "mastered" : "not yet on"
                return "\(name.map { "\($0) (\(student))" } ?? student.rawValue) \(result) "
                    + "\(title.map { "\($0) (\(objective))" } ?? objective.rawValue) on \(row["date"] as String), check \(row["id"] as Int64)"
            }
            lines.append("\(checks.count) check\(checks.count == 1 ? "" : "s") recorded since this plan was made: " + words.joined(separator: "; "))
        }
        let days = scenario.calendar.days.map { scenario.calendar.date(of: $0, weekOf: weekOf) }
        if let first = days.min(), let last = days.max() {
            let absences = try Row.fetchAll(db, sql: """
                SELECT date, kind, person, period FROM absence WHERE id > ? AND date >= ? AND date <= ? ORDER BY date, kind, person, period
                """, arguments: [mark.lastAbsence, first.text, last.text])
            if !absences.isEmpty {
                let words = absences.map { row -> String in
                    let kind: String = row["kind"], person: String = row["person"], period: String = row["period"]
                    let name = kind == "student" ? scenario.students.first { $0.id.rawValue == person }?.name
                        : scenario.adultName(AdultID(rawValue: person))
                    let who = name.map { $0 == person ? person : "\($0) (\(person))" } ?? person
                    return "\(who) away on \(row["date"] as String)" + (period.isEmpty ? "" : " in period \(period)")
                }
                lines.append("\(absences.count) absence\(absences.count == 1 ? "" : "s") recorded since this plan was made: " + words.joined(separator: "; "))
            }
            let closures = try Row.fetchAll(db, sql: """
                SELECT date, period, note FROM closure WHERE id > ? AND date >= ? AND date <= ? ORDER BY date, period
                """, arguments: [mark.lastClosure ?? 0, first.text, last.text]).compactMap { row -> Closure? in
                let period: String = row["period"]
                return SchoolDate(row["date"]).map { Closure(date: $0, periods: period.isEmpty ? [] : [PeriodID(rawValue: period)], note: row["note"]) }
            }
            if !closures.isEmpty {
                lines.append("\(closures.count) closure\(closures.count == 1 ? "" : "s") recorded since this plan was made: "
                             + closures.map(\.text).joined(separator: "; "))
            }
        }
        if let last = days.max() {
            let all = try Self.roster(db), named = scenario.withRoster(all)
            let roster = all.dated(through: last).changes.filter { $0.id > mark.lastRoster ?? 0 }
            if !roster.isEmpty {
                lines.append("\(roster.count) roster change\(roster.count == 1 ? "" : "s") recorded since this plan was made: "
                             + roster.map { $0.text(in: named) }.joined(separator: "; "))
            }
        }
        return lines
    }

    /// Where students.csv, which a plan made without `--week-of` starts from, differs from the
    /// term's state for the week: students on another objective (names first), then absences.
    /// Only the students in `known` (those the state has started) are compared.
    static func differences(of fromFile: Scenario, from state: Scenario, known: Set<StudentID>) -> [String] {
        var moved: [String] = []
        let stateStudents = Dictionary(state.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in fromFile.students.sorted(by: { $0.id < $1.id }) where known.contains(s.id) {
            guard let now = stateStudents[s.id] else { continue }
            for (subject, objective) in s.current.sorted(by: { $0.key < $1.key }) where now.current[subject] != objective {
                let then = fromFile.objective(objective)?.title ?? objective.rawValue
                let there = now.current[subject].map { id in state.objective(id).map { "\($0.title) (\(id))" } ?? id.rawValue }
                moved.append("\(s.name) (\(s.id)) is on \(there ?? "no objective (finished the progression)") in \(subject), not \(then) (\(objective))")
            }
        }
        var lines: [String] = []
        if !moved.isEmpty {
            let shown = moved.prefix(5).joined(separator: "; ")
            lines.append("\(moved.count) student\(moved.count == 1 ? " has" : "s have") moved on since students.csv: \(shown)"
                         + (moved.count > 5 ? "; and \(moved.count - 5) more" : ""))
        }
        let awayNow = state.students.filter { s in known.contains(s.id) && Set(s.unavailable) != Set(fromFile.students.first { $0.id == s.id }?.unavailable ?? []) }.count
            + state.teachers.filter { t in Set(t.unavailable) != Set(fromFile.teachers.first { $0.id == t.id }?.unavailable ?? []) }.count
        if awayNow > 0 { lines.append("\(awayNow) \(awayNow == 1 ? "person is" : "people are") away in the week by the term's absences") }
        if !state.roster.isEmpty { lines.append("the roster has changed: " + state.roster.changes.map { $0.text(in: fromFile.withRoster(state.roster)) }.joined(separator: "; ")) }
        return lines
    }
}
