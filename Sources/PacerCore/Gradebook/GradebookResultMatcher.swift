import Foundation

/// Turns a OneRoster gradebook's rows into checks (`OneRosterGradebook.read`): which student, which
/// of the scenario's objectives, which date and which result each fully graded result means, and
/// counts of what it skipped, for the report.
struct ResultMatcher {
    let scenario: Scenario
    let log: DiagnosticLog
    private let students: KnownIDs
    private let objectiveIDs: KnownIDs
    /// Objectives by their CASE identifier, lower-cased.
    private let byCaseID: [String: ObjectiveID]

    /// A learning objective a result or line item names: `source` (`case` or another) and its id.
    struct LearningObjective: Hashable {
        let source: String
        let id: String
        /// The per-objective score and text score (resultLearningObjectiveIds), when given.
        var score = ""
        var textScore = ""
    }

    /// A line item's score range.
    private var ranges: [String: (minimum: Double?, maximum: Double?)] = [:]
    private var lineItemObjectives: [String: [LearningObjective]] = [:]
    private var resultObjectives: [String: [LearningObjective]] = [:]
    /// users.csv: a user's sourcedId → their identifier.
    private var identifiers: [String: String] = [:]
    /// Results already read, by sourcedId, with their line.
    private var seen: [String: Int] = [:]

    // What the report counts.
    private var skippedByStatus: [String: Int] = [:]
    /// Results on no learning objective, by line item.
    private var withoutObjective: [String: Int] = [:]
    /// Each check read so far, by date, student and objective, with its result, line and result id:
    /// two results that contradict each other are refused where they are.
    private var decided: [String: (result: MasteryCheck.Result, line: Int, id: String)] = [:]
    /// Learning objectives Pacer does not plan, with how many results named each.
    private var unplanned: [String: Int] = [:]
    private var unplannedNear: [String: String] = [:]
    private var movedToSchoolDay = 0

    init(scenario: Scenario, log: DiagnosticLog) {
        self.scenario = scenario
        self.log = log
        students = KnownIDs(scenario.students.map(\.id.rawValue))
        objectiveIDs = KnownIDs(scenario.objectives.map(\.id.rawValue))
        byCaseID = Dictionary(scenario.objectives.compactMap { objective in objective.caseID.map { ($0.lowercased(), objective.id) } },
                              uniquingKeysWith: { first, _ in first })
    }

    // MARK: The tables around results.csv

    mutating func addLineItem(_ row: OneRosterTable.Row) {
        let id = row["sourcedId"]
        guard !id.isEmpty, row.isActive else { return }
        let range = (minimum: number(row, "resultValueMin"), maximum: number(row, "resultValueMax"))
        if let maximum = range.maximum, maximum <= range.minimum ?? 0 {
            log.error(row.location("resultValueMax"), "line item \(id): resultValueMax \(NumberText.points(maximum)) is not above resultValueMin \(NumberText.points(range.minimum ?? 0))")
        }
        ranges[id] = range
    }

    mutating func addLineItemObjective(_ row: OneRosterTable.Row) {
        guard let objective = learningObjective(row) else { return }
        lineItemObjectives[row["lineItemSourcedId"], default: []].append(objective)
    }

    mutating func addResultObjective(_ row: OneRosterTable.Row) {
        guard var objective = learningObjective(row) else { return }
        objective.score = row["score"]
        objective.textScore = row["textScore"]
        resultObjectives[row["resultSourcedId"], default: []].append(objective)
    }

    mutating func addUser(_ row: OneRosterTable.Row) {
        let identifier = row["identifier"]
        if !identifier.isEmpty { identifiers[row["sourcedId"]] = identifier }
    }

    private func learningObjective(_ row: OneRosterTable.Row) -> LearningObjective? {
        let id = row["learningObjectiveId"]
        if id.isEmpty {
            log.error(row.location("learningObjectiveId"), "learningObjectiveId is empty")
            return nil
        }
        return LearningObjective(source: row["source"].lowercased(), id: id)
    }

    /// A number column: nil when empty; an error when it is not a finite number.
    private func number(_ row: OneRosterTable.Row, _ column: String) -> Double? {
        let text = row[column]
        guard !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite else {
            log.error(row.location(column), "\(column) must be a number, got '\(printable(text))'")
            return nil
        }
        return value
    }

    // MARK: One result

    /// Reads one row of results.csv: a withdrawal, a skipped result (not fully graded, on no
    /// objective Pacer plans), or one check per objective it is on.
    mutating func read(_ row: OneRosterTable.Row, into reading: inout OneRosterGradebook.Reading) {
        let id = row["sourcedId"]
        guard !id.isEmpty else {
            log.error(row.location("sourcedId"), "a result needs its sourcedId")
            return
        }
        if let line = seen[id] {
            log.error(row.location("sourcedId"), "result \(id) is in results.csv twice (line \(line) too); keep one row")
            return
        }
        seen[id] = row.record.location.line
        switch row["status"].lowercased() {
        case "tobedeleted":
            reading.withdrawnResults.append(id)
            return
        case "", "active":
            reading.presentResults.append(id)
        default:
            log.error(row.location("status"), "status '\(printable(row["status"]))' is none of OneRoster's: active (or empty) records the result, tobedeleted withdraws it")
            return
        }
        let status = row["scoreStatus"].lowercased()
        guard status == "fully graded" else {
            skippedByStatus[status.isEmpty ? "(no scoreStatus)" : status, default: 0] += 1
            return
        }
        let named = resultObjectives[id] ?? lineItemObjectives[row["lineItemSourcedId"]] ?? []
        guard !named.isEmpty else {
            let lineItem = row["lineItemSourcedId"]
            withoutObjective[lineItem.isEmpty ? "(no lineItemSourcedId)" : lineItem, default: 0] += 1
            return
        }
        var planned: [(ObjectiveID, LearningObjective)] = []
        for objective in named {
            if let match = self.objective(objective) {
                planned.append((match, objective))
            } else {
                // The nearest id is looked for once per learning objective, not once per result.
                if unplanned[objective.id] == nil, objective.source != "case",
                   let near = NearestNames.to(objective.id, among: objectiveIDs.all, limit: 1).first {
                    unplannedNear[objective.id] = near
                }
                unplanned[objective.id, default: 0] += 1
            }
        }
        guard !planned.isEmpty, let student = student(row), let date = date(row) else { return }
        var note = ""
        switch PersonText.checked(row["comment"], .note) {
        case let .success(text): note = text
        case let .failure(problem): log.error(row.location("comment"), "comment: \(problem.description)")
        }
        let range = ranges[row["lineItemSourcedId"]]
        for (_, named) in planned where !(named.textScore.isEmpty && named.score.isEmpty)
            && ((!row["textScore"].isEmpty && named.textScore != row["textScore"]) || (!row["score"].isEmpty && named.score != row["score"])) {
            log.warning(row.record.location, "result \(id) scores \([row["score"], row["textScore"]].filter { !$0.isEmpty }.joined(separator: " ")) here, and \([named.score, named.textScore].filter { !$0.isEmpty }.joined(separator: " ")) on \(named.id) in resultLearningObjectiveIds.csv, which Pacer reads")
        }
        for (objective, named) in planned {
            let text = named.textScore.isEmpty && named.score.isEmpty ? row["textScore"] : named.textScore
            let score = named.textScore.isEmpty && named.score.isEmpty ? row["score"] : named.score
            guard let result = result(text: text, score: score, range: range, row: row) else { continue }
            let key = "\(date) \(student) \(objective)"
            if let other = decided[key], other.result != result {
                log.error(row.record.location, "results \(other.id) (line \(other.line)) and \(id) say \(other.result == .mastered ? "mastered" : "not yet") and \(result == .mastered ? "mastered" : "not yet") for \(student) on \(objective) on \(date): fix one in the gradebook")
                continue
            }
            decided[key] = (result, row.record.location.line, id)
            var check = MasteryCheck(date: date, student: student, objective: objective, result: result, note: note,
                                     location: row.record.location)
            check.gradebookResult = id
            reading.checks.append(check)
        }
    }

    /// The scenario's objective a learning objective names: by `case_id` (also the last part of
    /// a CASE URI), else by objective id, case aside.
    private func objective(_ named: LearningObjective) -> ObjectiveID? {
        let id = named.id.lowercased()
        if let match = byCaseID[id] ?? byCaseID[String(id.split(separator: "/").last ?? "")] { return match }
        return objectiveIDs.match(named.id).map { ObjectiveID(rawValue: $0) }
    }

    /// The student a result is for: a student id of the scenario, else the identifier users.csv
    /// gives that sourcedId; an error with the nearest ids otherwise.
    private func student(_ row: OneRosterTable.Row) -> StudentID? {
        let text = row["studentSourcedId"]
        if let id = students.match(text) ?? identifiers[text].flatMap(students.match) { return StudentID(rawValue: id) }
        log.error(row.location("studentSourcedId"), students.unknown("student", text)
            + (identifiers[text].map { " (users.csv gives identifier \($0))" } ?? ""))
        return nil
    }

    /// The result's date: `scoreDate` (a date, or the school's date at a date-time: a time with
    /// an offset or `Z` is read in the scenario's time zone), moved back to the school day before
    /// when it falls on a day that is not one (a result graded on a Saturday is Friday's check).
    private mutating func date(_ row: OneRosterTable.Row) -> SchoolDate? {
        let text = row["scoreDate"]
        guard var date = Self.schoolDate(text, timeZone: scenario.calendar.timeZone) else {
            log.error(row.location("scoreDate"), "scoreDate '\(printable(text))' is not a date; OneRoster writes YYYY-MM-DD, or a date and time such as 2026-11-24T15:00:00Z")
            return nil
        }
        var back = 0
        while scenario.calendar.schoolDayProblem(date) != nil, back < 7 {
            date = date.adding(days: -1)
            back += 1
        }
        if back > 0 { movedToSchoolDay += 1 }
        return date
    }

    /// The school's date of a `scoreDate`: `YYYY-MM-DD`, or a date-time (`T` or a space before the
    /// time) whose offset or `Z` is turned into the time zone's date; a time without an offset is
    /// the school's own. Nil when it is neither.
    static func schoolDate(_ text: String, timeZone: String) -> SchoolDate? {
        guard let day = SchoolDate(String(text.prefix(10))) else { return nil }
        if text.count == 10 { return day }
        guard ["T", " "].contains(text.dropFirst(10).first) else { return nil }
        let time = String(text.dropFirst(11))
        let hasOffset = time.hasSuffix("Z") || time.dropFirst(5).contains("+") || time.dropFirst(5).contains("-")
        guard hasOffset else { return day }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = time.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        guard let instant = formatter.date(from: text.prefix(10) + "T" + time), let zone = TimeZone(identifier: timeZone) else { return nil }
        return SchoolDate(instant, in: zone)
    }

    /// What a text score or a score means by the scenario's `gradebook:` settings; an error when
    /// it means neither, or there is neither.
    private func result(text: String, score: String, range: (minimum: Double?, maximum: Double?)?, row: OneRosterTable.Row) -> MasteryCheck.Result? {
        let settings = scenario.gradebook
        if !text.isEmpty {
            if let result = settings.result(text: text) { return result }
            log.error(row.location("textScore"), "text score '\(printable(text))' means neither result; by the scenario's gradebook settings \(settings.summary) (set gradebook: mastered_text or not_yet_text in scenario.yaml)")
            return nil
        }
        guard !score.isEmpty else {
            log.error(row.record.location, "a fully graded result needs a score or a textScore")
            return nil
        }
        guard let value = Double(score), value.isFinite else {
            log.error(row.location("score"), "score must be a number, got '\(printable(score))'")
            return nil
        }
        if let range, value < (range.minimum ?? 0) || range.maximum.map({ value > $0 }) == true {
            log.error(row.location("score"), "score \(score) is outside line item \(row["lineItemSourcedId"])'s range, \(NumberText.points(range.minimum ?? 0)) to \(range.maximum.map(NumberText.points) ?? "no maximum")")
            return nil
        }
        if let result = settings.result(score: value, minimum: range?.minimum, maximum: range?.maximum) { return result }
        log.error(row.location("score"), "score \(score) on line item \(row["lineItemSourcedId"]), which gives no score range (resultValueMax in lineItems.csv): set gradebook: mastered_score in scenario.yaml to say which scores mean mastered")
        return nil
    }

    // MARK: The report

    /// What was read and skipped, for people.
    func summary(results: Int, withdrawn: Int) -> [String] {
        var lines = ["read \(results) result(s)" + (withdrawn > 0 ? ", \(withdrawn) of them withdrawn at the source (status tobedeleted)" : "")]
        for (status, count) in skippedByStatus.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped \(count) result(s) not fully graded (scoreStatus \(status))")
        }
        if !withoutObjective.isEmpty {
            let shown = withoutObjective.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map { "\($0.key) (\($0.value))" }
            lines.append("skipped \(withoutObjective.values.reduce(0, +)) result(s) on line items with no learning objective (lineItemLearningObjectiveIds.csv names none): \(shown.joined(separator: ", "))\(withoutObjective.count > 5 ? ", …" : "")")
        }
        if !unplanned.isEmpty {
            let total = unplanned.values.reduce(0, +)
            let shown = unplanned.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map { id, count in
                "\(id) (\(count)\(unplannedNear[id].map { "; did you mean \($0)?" } ?? ""))"
            }
            lines.append("skipped \(total) result(s) on \(unplanned.count) learning objective(s) Pacer does not plan: \(shown.joined(separator: ", "))\(unplanned.count > 5 ? ", …" : "")")
        }
        if movedToSchoolDay > 0 {
            lines.append("assumed: \(movedToSchoolDay) result(s) scored on a day that is not a school day count as checks of the school day before")
        }
        return lines
    }
}
