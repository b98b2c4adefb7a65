import Foundation

/// A OneRoster 1.2 gradebook export (CSV) read as mastery checks: `pacer record --from oneroster
/// DIR`. Each fully graded result on a learning objective that is one of the scenario's objectives
/// (by its `case_id`, else by its id) becomes a check of that objective, its result decided by the
/// scenario's `gradebook:` settings. Results withdrawn at the source (`status` `tobedeleted`) are
/// listed for their checks to be withdrawn. Fields read: docs/imports.md.
///
/// Every problem is a diagnostic with its file, line and column, all of them reported at once;
/// any error means nothing of the export may be applied.
public enum OneRosterGradebook {
    /// Results read in one import at most: a bigger export is refused before it is parsed.
    public static let maximumResults = 200_000

    /// What an export holds for Pacer.
    public struct Reading: Sendable {
        public var checks: [MasteryCheck] = []
        /// Results withdrawn at the source (their sourcedIds), in file order.
        public var withdrawnResults: [String] = []
        /// Every other result the export holds (its sourcedId), checks or not: a result that no
        /// longer gives a check it gave before (re-graded, moved to another objective or student)
        /// takes that check back (`Term.record`'s `presentResults`).
        public var presentResults: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// What was read, assumed and skipped, one line each, for people.
        public var lines: [String] = []
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads the export in `folder` for `scenario`: results.csv, with the learning objectives of
    /// resultLearningObjectiveIds.csv or of the line items (lineItemLearningObjectiveIds.csv),
    /// the line items' score ranges (lineItems.csv), and users.csv to match students by
    /// `identifier` when their sourcedId is not a student id of the scenario.
    public static func read(_ folder: String, scenario: Scenario) -> Reading {
        let log = DiagnosticLog()
        var reading = read(folder, scenario: scenario, log: log)
        reading.diagnostics = log.sorted
        return reading
    }

    private static func read(_ folder: String, scenario: Scenario, log: DiagnosticLog) -> Reading {
        var reading = Reading()
        func table(_ name: String, required: [String], mandatory: Bool = false, maximumRows: Int? = nil) -> OneRosterTable? {
            do {
                return try OneRosterTable.read(folder, name, required: required, mandatory: mandatory, maximumRows: maximumRows)
            } catch let error as ImportError {
                log.error(error.location, error.message)
            } catch {
                log.error(.start(of: folder + "/" + name), "cannot read \(name): \(error.localizedDescription)")
            }
            return nil
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            log.error(.start(of: folder), "\(folder) is not a folder; give the folder of the OneRoster export (with results.csv)")
            return reading
        }
        let results = table("results.csv", required: ["sourcedId", "lineItemSourcedId", "studentSourcedId", "scoreStatus", "scoreDate"],
                            mandatory: true, maximumRows: maximumResults)
        let lineItems = table("lineItems.csv", required: ["sourcedId"])
        let lineItemObjectives = table("lineItemLearningObjectiveIds.csv", required: ["lineItemSourcedId", "source", "learningObjectiveId"],
                                       maximumRows: maximumResults)
        let resultObjectives = table("resultLearningObjectiveIds.csv", required: ["resultSourcedId", "source", "learningObjectiveId"],
                                     maximumRows: maximumResults)
        let users = table("users.csv", required: ["sourcedId"])
        guard let results, !log.hasErrors else { return reading }
        if lineItemObjectives == nil, resultObjectives == nil {
            log.error(.start(of: folder), "neither lineItemLearningObjectiveIds.csv nor resultLearningObjectiveIds.csv is in \(folder): Pacer knows which objective a result is on only from its learning objective ids (OneRoster 1.2)")
            return reading
        }
        var matcher = ResultMatcher(scenario: scenario, log: log)
        for row in lineItems?.rows ?? [] { matcher.addLineItem(row) }
        for row in lineItemObjectives?.rows ?? [] { matcher.addLineItemObjective(row) }
        for row in resultObjectives?.rows ?? [] { matcher.addResultObjective(row) }
        for row in users?.rows ?? [] { matcher.addUser(row) }
        for row in results.rows { matcher.read(row, into: &reading) }
        reading.lines = matcher.summary(results: results.rows.count, withdrawn: reading.withdrawnResults.count)
        return reading
    }
}
