import Foundation

/// The term's mastery checks as a OneRoster 1.2 gradebook export (bulk CSV): one line item per
/// objective checked, one result per standing check, each on its objective as a learning
/// objective (its CASE identifier with source `case` when it has one, else its id with source
/// `Pacer`), so a gradebook or student information system receives what teachers recorded.
/// `OneRosterGradebook.read` reads it back: recording the export into a fresh state gives the
/// same history. Columns: docs/exports.md.
public enum OneRosterGradebookWriter {
    /// The source a learning objective id has when it is a Pacer objective id, not a CASE item.
    static let pacerSource = "Pacer"
    static let category = "pacer-mastery-checks"

    /// The export's files (name → CSV text), from `checks` (each with its student) of `scenario`.
    /// The same checks give the same bytes.
    public static func files(_ checks: [(student: StudentID, check: StateStore.RecordedCheck)], scenario: Scenario) -> [String: String] {
        let checked = Set(checks.map(\.check.objective))
        let objectives = scenario.objectives.filter { checked.contains($0.id) }
        let dates = Dictionary(grouping: checks, by: \.check.objective).mapValues { group in
            (group.map(\.check.date).min(), group.map(\.check.date).max())
        }
        let subjectNames = Dictionary(scenario.subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

        var lineItems = CSVWriter.record(["sourcedId", "status", "dateLastModified", "title", "description", "assignDate", "dueDate",
                                          "classSourcedId", "categorySourcedId", "gradingPeriodSourcedId", "academicSessionSourcedId",
                                          "scoreScaleSourcedId", "resultValueMin", "resultValueMax", "schoolSourcedId"])
        var lineItemObjectives = CSVWriter.record(["lineItemSourcedId", "source", "learningObjectiveId"])
        for objective in objectives {
            let (first, last) = dates[objective.id] ?? (nil, nil)
            let subject = subjectNames[objective.subject] ?? objective.subject.rawValue
            lineItems += CSVWriter.record([
                lineItemID(objective.id), "", "", objective.title, "Mastery check: \(subject), \(objective.id)",
                first.map { dateTime($0, timeZone: scenario.calendar.timeZone) } ?? "", last.map { dateTime($0, timeZone: scenario.calendar.timeZone) } ?? "", classID(objective.subject), category, "", "", "", "0", "1", "",
            ])
            let (source, id) = learningObjective(objective)
            lineItemObjectives += CSVWriter.record([lineItemID(objective.id), source, id])
        }

        var results = CSVWriter.record(["sourcedId", "status", "dateLastModified", "lineItemSourcedId", "studentSourcedId", "classSourcedId",
                                        "scoreScaleSourcedId", "scoreStatus", "score", "textScore", "scoreDate", "comment",
                                        "inProgress", "incomplete", "late", "missing"])
        var resultObjectives = CSVWriter.record(["resultSourcedId", "source", "learningObjectiveId", "score", "textScore"])
        for (student, check) in checks {
            guard let objective = scenario.objective(check.objective) else { continue }
            let mastered = check.result == MasteryCheck.Result.mastered.rawValue
            // The school's own words for each result (gradebook:), so the export reads back as it was.
            let (score, text) = (mastered ? "1" : "0", mastered ? scenario.gradebook.masteredTexts.first ?? "mastered" : scenario.gradebook.notYetTexts.first ?? "not yet")
            results += CSVWriter.record([
                resultID(check.id), "", "", lineItemID(check.objective), student.rawValue, classID(objective.subject),
                "", "fully graded", score, text, check.date.text, check.note, "", "", "", "",
            ])
            let (source, id) = learningObjective(objective)
            resultObjectives += CSVWriter.record([resultID(check.id), source, id, score, text])
        }

        let categories = CSVWriter.record(["sourcedId", "status", "dateLastModified", "title", "weight"])
            + CSVWriter.record([category, "", "", "Mastery checks", ""])
        let files = ["categories.csv": categories, "lineItems.csv": lineItems, "results.csv": results,
                     "lineItemLearningObjectiveIds.csv": lineItemObjectives, "resultLearningObjectiveIds.csv": resultObjectives]
        return files.merging(["manifest.csv": manifest(bulk: Set(files.keys))], uniquingKeysWith: { first, _ in first })
    }

    /// Writes the export's files into `folder` and returns their names.
    public static func write(_ checks: [(student: StudentID, check: StateStore.RecordedCheck)], scenario: Scenario, to folder: String) throws -> [String] {
        try ExportFiles.write(files(checks, scenario: scenario), to: folder)
    }

    /// The learning objective an objective is: its CASE item when it has one, else its Pacer id.
    static func learningObjective(_ objective: Objective) -> (source: String, id: String) {
        objective.caseID.map { ("case", $0) } ?? (pacerSource, objective.id.rawValue)
    }

    static func lineItemID(_ objective: ObjectiveID) -> String { "pacer-objective-\(objective)" }
    static func resultID(_ check: Int64) -> String { "pacer-check-\(check)" }
    static func classID(_ subject: SubjectID) -> String { "pacer-subject-\(subject)" }
    /// The start of the school's day `date` in its time zone, with its offset
    /// (`2026-11-23T00:00:00-06:00`), so a gradebook showing local times shows that day.
    static func dateTime(_ date: SchoolDate, timeZone: String) -> String {
        guard let zone = TimeZone(identifier: timeZone), let midnight = date.start(in: zone) else { return date.text + "T00:00:00Z" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: midnight)
    }

    /// manifest.csv: OneRoster 1.2, the files written in bulk, every other file absent.
    static func manifest(bulk: Set<String>) -> String {
        let all = ["academicSessions", "categories", "classes", "classResources", "courses", "courseResources", "demographics",
                   "enrollments", "lineItemLearningObjectiveIds", "lineItems", "lineItemScoreScales", "orgs", "resources",
                   "resultLearningObjectiveIds", "results", "resultScoreScales", "roles", "scoreScales", "userProfiles",
                   "userResources", "users"]
        var text = CSVWriter.record(["propertyName", "value"])
        text += CSVWriter.record(["manifest.version", "1.0"]) + CSVWriter.record(["oneroster.version", "1.2"])
        for name in all { text += CSVWriter.record(["file.\(name)", bulk.contains(name + ".csv") ? "bulk" : "absent"]) }
        text += CSVWriter.record(["source.systemName", "Pacer"]) + CSVWriter.record(["source.systemCode", "pacer"])
        return text
    }
}
