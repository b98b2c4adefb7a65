import Foundation
import Testing
@testable import PacerCore

/// The tiny school with CASE identifiers on its first two objectives (a variant beside a copy of
/// it) and `gradebook` lines added; returns the tree to remove and the scenario.
private func tinySchoolWithCASE(_ gradebook: String = "") throws -> (tree: String, scenario: Scenario) {
    let (tree, variant) = try tinySchoolVariant("""
        subjects:
          - id: MATH
            objectives:
              - {id: MATH-7.RP.1, case_id: 6B0F1076-AA12-450B-8F9D-B86BC071F85E}
              - {id: MATH-7.RP.2, case_id: 2c75d647-4ed4-56d8-965d-c3affe91643d}
        \(gradebook)
        """)
    return (tree, try ScenarioLoader.load(variant))
}

/// Writes `files` (name → text) into a new folder and returns it.
private func gradebookFolder(_ files: [String: String], in tree: String) throws -> String {
    let folder = tree + "/gradebook-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    return folder
}

private let resultsHeader = "sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,textScore,scoreDate,comment\n"

@Suite struct OneRosterGradebookTests {
    /// Each fully graded result on an objective Pacer plans becomes a check: matched by CASE
    /// identifier (case aside) through the line item or the result's own learning objectives,
    /// scored by the line item's range or the text lists, the student found through users.csv's
    /// identifier, a Saturday's score moved to Friday; the rest is counted and skipped, and a
    /// result withdrawn at the source is listed for its checks to be withdrawn. The results file
    /// has a byte order mark and CRLF line ends, as spreadsheets write them.
    @Test func fullyGradedResultsOnPlannedObjectivesBecomeChecks() throws {
        let (tree, scenario) = try tinySchoolWithCASE()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let results = "\u{FEFF}" + (resultsHeader + """
            R-1,,,LI-1,S-01,fully graded,9,,2026-11-24,Solid work
            R-2,,,LI-1,s-02,fully graded,7.5,,2026-11-24,
            R-3,,,LI-2,S-03,fully graded,,Mastered,2026-11-24,
            R-4,,,LI-3,U-07,fully graded,,Not-Yet,2026-11-28T15:00:00Z,
            R-5,,,LI-2,S-04,fully graded,,,2026-11-25,
            R-6,,,LI-1,S-05,submitted,,,2026-11-25,
            R-7,tobedeleted,,,,,,,,

            """).replacingOccurrences(of: "\n", with: "\r\n")
        let folder = try gradebookFolder([
            "results.csv": results,
            "lineItems.csv": "sourcedId,title,resultValueMin,resultValueMax\nLI-1,Quiz,0,10\nLI-2,Rubric,,\nLI-3,Exit ticket,,\n",
            "lineItemLearningObjectiveIds.csv": """
                lineItemSourcedId,source,learningObjectiveId
                LI-1,case,6b0f1076-aa12-450b-8f9d-b86bc071f85e
                LI-2,case,11111111-2222-3333-4444-555555555555
                LI-3,Pacer,MATH-7.RP.3

                """,
            "resultLearningObjectiveIds.csv": """
                resultSourcedId,source,learningObjectiveId,score,textScore
                R-5,case,http://example.org/uri/2C75D647-4ED4-56D8-965D-C3AFFE91643D,,Proficient
                R-5,case,99999999-2222-3333-4444-555555555555,,Mastered

                """,
            "users.csv": "sourcedId,identifier,givenName\nU-07,S-07,Mia\n",
        ], in: tree)
        let reading = OneRosterGradebook.read(folder, scenario: scenario)
        #expect(!reading.hasErrors, "\(reading.diagnostics)")
        let got = reading.checks.map { "\($0.gradebookResult ?? "") \($0.date) \($0.student) \($0.objective) \($0.result.rawValue) \($0.note)" }
        #expect(got == [
            "R-1 2026-11-24 S-01 MATH-7.RP.1 mastered Solid work",
            "R-2 2026-11-24 S-02 MATH-7.RP.1 not-yet ",
            "R-4 2026-11-27 S-07 MATH-7.RP.3 not-yet ",
            "R-5 2026-11-25 S-04 MATH-7.RP.2 mastered ",
        ])
        #expect(reading.withdrawnResults == ["R-7"])
        #expect(reading.lines.contains("skipped 1 result(s) not fully graded (scoreStatus submitted)"))
        #expect(reading.lines.contains { $0.hasPrefix("skipped 2 result(s) on 2 learning objective(s) Pacer does not plan") })
        #expect(reading.lines.contains { $0.hasPrefix("assumed: 1 result(s) scored on a day that is not a school day") })
    }

    /// Every problem is reported with its place, all at once: an unknown student with the nearest
    /// ids, a score that is no number, a text score in neither list, a date that is no date, a
    /// score on a line item with no range, a result twice; and with any error, no check comes out
    /// to be recorded (the command records nothing).
    @Test func everyBadRowIsReportedWithItsPlace() throws {
        let (tree, scenario) = try tinySchoolWithCASE()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let folder = try gradebookFolder([
            "results.csv": resultsHeader + """
                R-1,,,LI-1,S-1,fully graded,9,,2026-11-24,
                R-2,,,LI-1,S-02,fully graded,lots,,2026-11-24,
                R-3,,,LI-1,S-03,fully graded,,Maybe,2026-11-24,
                R-4,,,LI-1,S-04,fully graded,9,,24/11/2026,
                R-5,,,LI-2,S-05,fully graded,3,,2026-11-24,
                R-1,,,LI-1,S-06,fully graded,9,,2026-11-24,

                """,
            "lineItems.csv": "sourcedId,resultValueMax\nLI-1,10\nLI-2,\n",
            "lineItemLearningObjectiveIds.csv": "lineItemSourcedId,source,learningObjectiveId\nLI-1,Pacer,MATH-7.RP.1\nLI-2,Pacer,MATH-7.RP.2\n",
        ], in: tree)
        let reading = OneRosterGradebook.read(folder, scenario: scenario)
        let errors = reading.diagnostics.filter { $0.severity == .error }.map(\.description)
        func has(line: Int, _ words: String) -> Bool { errors.contains { $0.contains("results.csv:\(line):") && $0.contains(words) } }
        #expect(has(line: 2, "unknown student 'S-1'; did you mean S-01"), "\(errors)")
        #expect(has(line: 3, "score must be a number, got 'lots'"))
        #expect(has(line: 4, "text score 'Maybe' means neither result"))
        #expect(has(line: 5, "scoreDate '24/11/2026' is not a date"))
        #expect(has(line: 6, "gives no score range"))
        #expect(has(line: 7, "result R-1 is in results.csv twice"))
        #expect(errors.count == 6)
        #expect(reading.hasErrors)
    }

    /// The school's `gradebook:` settings decide: a fixed mastered score, its own text lists;
    /// giving both a share and a score, or one text in both lists, is an error.
    @Test func theScenarioSaysWhichScoresMeanMastered() throws {
        let (tree, scenario) = try tinySchoolWithCASE("""
            gradebook:
              mastered_score: 3
              mastered_text: [Secure]
              not_yet_text: [Emerging]
            """)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        #expect(scenario.gradebook.result(score: 3, minimum: 0, maximum: 4) == .mastered)
        #expect(scenario.gradebook.result(score: 2.9, minimum: 0, maximum: 100) == .notYet)
        #expect(scenario.gradebook.result(text: " secure ") == .mastered)
        #expect(scenario.gradebook.result(text: "Mastered") == nil, "the school's list replaces the default one")
        #expect(GradebookSettings().result(score: 8, minimum: 0, maximum: 10) == .mastered)
        #expect(GradebookSettings().result(score: 7.9, minimum: 0, maximum: 10) == .notYet)
        #expect(GradebookSettings().result(score: 1, minimum: nil, maximum: nil) == nil)

        let (badTree, variant) = try tinySchoolVariant("""
            gradebook:
              mastered_share: 0.5
              mastered_score: 3
              mastered_text: [Secure, Emerging]
              not_yet_text: [emerging]
            """)
        defer { try? FileManager.default.removeItem(atPath: badTree) }
        let messages = ScenarioLoader.read(variant).errors.map(\.message)
        #expect(messages.contains { $0.contains("give mastered_share or mastered_score, not both") }, "\(messages)")
        #expect(messages.contains { $0.contains("'Emerging' is in both mastered_text and not_yet_text") })

        let (zeroTree, zero) = try tinySchoolVariant("""
            gradebook:
              mastered_share: 0
            """)
        defer { try? FileManager.default.removeItem(atPath: zeroTree) }
        let loaded = ScenarioLoader.read(zero)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.warnings.map(\.message).contains { $0.contains("mastered_share 0 counts every fully graded result as mastered") }, "\(loaded.warnings)")
    }

    /// An export over the limit is refused before it is parsed, saying the limit (a million rows).
    @Test func aMillionResultsAreRefusedBeforeTheyAreRead() throws {
        let (tree, scenario) = try tinySchoolWithCASE()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        var rows = resultsHeader
        rows.reserveCapacity(1_000_000 * 40)
        for n in 0..<1_000_000 { rows += "R\(n),,,LI-1,S-01,fully graded,9,,2026-11-24,\n" }
        let folder = try gradebookFolder(["results.csv": rows,
                                          "lineItemLearningObjectiveIds.csv": "lineItemSourcedId,source,learningObjectiveId\nLI-1,Pacer,MATH-7.RP.1\n"], in: tree)
        let reading = OneRosterGradebook.read(folder, scenario: scenario)
        #expect(reading.checks.isEmpty)
        #expect(reading.diagnostics.map(\.message) == ["results.csv has 1000000 rows; Pacer reads at most 200000 results in one import: export them in parts (by date) and record each"])
    }

    /// The gradebook changing a result replaces its check; withdrawing it withdraws the check,
    /// and the student's history goes back; sending the same export twice records nothing twice.
    @Test func aChangedOrWithdrawnResultChangesItsCheck() throws {
        let (tree, scenario) = try tinySchoolWithCASE()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let store = try StateStore(path: StateStore.path(for: scenario))
        let term = Term(scenario: scenario, store: store)
        try term.seed(on: SchoolDate("2026-11-23")!)
        let objectives = "lineItemLearningObjectiveIds.csv"
        let lineItem = "lineItemSourcedId,source,learningObjectiveId\nLI-1,case,6B0F1076-AA12-450B-8F9D-B86BC071F85E\n"
        func record(_ rows: String) throws -> Term.RecordReport {
            let reading = OneRosterGradebook.read(try gradebookFolder(["results.csv": resultsHeader + rows, objectives: lineItem], in: tree), scenario: scenario)
            #expect(!reading.hasErrors, "\(reading.diagnostics)")
            return try term.record(reading.checks, source: "gradebook", today: afterTheChecks, withdrawingResults: reading.withdrawnResults)
        }
        func current() throws -> ObjectiveID? { try store.standings(scenario).first { $0.student == "S-01" }?.objective }

        #expect(try record("R-1,,,LI-1,S-01,fully graded,,Mastered,2026-11-24,\n").advances == 1)
        #expect(try current() == "MATH-7.RP.2")
        #expect(try record("R-1,,,LI-1,S-01,fully graded,,Mastered,2026-11-24,\n").duplicates == 1)
        let changed = try record("R-1,,,LI-1,S-01,fully graded,,Not yet,2026-11-24,\n")
        #expect(changed.lines.contains { $0.contains("gradebook result R-1 changed; check 1") }, "\(changed.lines)")
        #expect(try current() == "MATH-7.RP.1")
        #expect(try store.standingChecks().map(\.check.result) == ["not-yet"])
        let withdrawn = try record("R-1,tobedeleted,,,,,,,,\n")
        #expect(withdrawn.withdrawn == 1)
        #expect(try store.standingChecks().isEmpty)
        #expect(try record("R-9,tobedeleted,,,,,,,,\n").resultsWithoutCheck == 1)
    }

    /// Results back: the term's checks exported as a OneRoster 1.2 gradebook and recorded into a
    /// fresh state give the same history: the same checks (dates, students, objectives, results,
    /// notes) and every student on the same objective. An objective with a CASE identifier is
    /// exported as that CASE item.
    @Test func theExportRecordedIntoAFreshStateGivesTheSameHistory() throws {
        let (tree, scenario) = try tinySchoolWithCASE()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let store = try StateStore(path: StateStore.path(for: scenario))
        let term = Term(scenario: scenario, store: store)
        try term.seed(on: SchoolDate("2026-11-23")!)
        let sent = try checks("""
            date,student,objective,result,note
            2026-11-24,S-01,MATH-7.RP.1,mastered,"Explained it well, with a ""table"" of values"
            2026-11-25,S-01,MATH-7.RP.2,not-yet,
            2026-11-26,S-01,MATH-7.RP.2,mastered,
            2026-11-24,S-04,MATH-7.RP.2,mastered,
            2026-11-24,S-11,MATH-7.NS.1,not-yet,needs integers first
            2026-11-25,S-02,MATH-7.RP.1,mastered,
            """, scenario, in: tree)
        _ = try term.record(sent, source: "test", today: afterTheChecks)
        _ = try term.withdraw([try #require(store.checks(of: "S-02").first).id])  // S-02's check was a mistake
        let out = tree + "/export"
        _ = try OneRosterGradebookWriter.write(try store.standingChecks(), scenario: scenario, to: out)
        let lineItemObjectives = try String(contentsOfFile: out + "/lineItemLearningObjectiveIds.csv", encoding: .utf8)
        #expect(lineItemObjectives.contains("pacer-objective-MATH-7.RP.1,case,6B0F1076-AA12-450B-8F9D-B86BC071F85E\r\n"))
        #expect(lineItemObjectives.contains("pacer-objective-MATH-7.NS.1,Pacer,MATH-7.NS.1\r\n"))

        let results = try String(contentsOfFile: out + "/results.csv", encoding: .utf8)
        #expect(results.contains(",mastered,") && results.contains(",not yet,"))
        // A fresh state of the same school, from the same start.
        let fresh = tree + "/fresh"
        try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
        let freshStore = try StateStore(path: fresh + "/pacer-state.sqlite")
        let freshTerm = Term(scenario: scenario, store: freshStore)
        try freshTerm.seed(on: SchoolDate("2026-11-23")!)
        let reading = OneRosterGradebook.read(out, scenario: scenario)
        #expect(!reading.hasErrors, "\(reading.diagnostics)")
        let report = try freshTerm.record(reading.checks, source: "gradebook", today: afterTheChecks)
        #expect(report.recorded == 5)
        func history(_ store: StateStore) throws -> [String] {
            try store.standingChecks().map { "\($0.check.date) \($0.student) \($0.check.objective) \($0.check.result) \($0.check.note)" }
        }
        #expect(try history(freshStore) == history(store))
        #expect(try freshStore.standings(scenario) == store.standings(scenario))
        let s01 = try store.standings(scenario).filter { $0.student == "S-01" }.map(\.objective)
        #expect(s01 == ["MATH-7.RP.3"], "the students moved")
        // The same state exports the same bytes.
        let again = tree + "/export-again"
        _ = try OneRosterGradebookWriter.write(try store.standingChecks(), scenario: scenario, to: again)
        for name in try FileManager.default.contentsOfDirectory(atPath: out) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: again + "/" + name)), "\(name)")
        }
    }
}

/// What the first hostile trial found: results that share a check, a result changed back, results
/// that contradict each other, times in other zones, values OneRoster does not have.
@Suite struct GradebookEdgeTests {
    private let objectives = "lineItemSourcedId,source,learningObjectiveId\nLI-1,Pacer,MATH-7.RP.1\n"

    private func seeded() throws -> (tree: String, scenario: Scenario, store: StateStore, term: Term) {
        let (tree, variant) = try tinySchoolVariant("name: Edges\n")
        let scenario = try ScenarioLoader.load(variant)
        let store = try StateStore(path: StateStore.path(for: scenario))
        let term = Term(scenario: scenario, store: store)
        try term.seed(on: SchoolDate("2026-11-23")!)
        return (tree, scenario, store, term)
    }

    private func read(_ rows: String, _ scenario: Scenario, in tree: String, extra: [String: String] = [:]) throws -> OneRosterGradebook.Reading {
        let folder = tree + "/gb-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (resultsHeader + rows).write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        try objectives.write(toFile: folder + "/lineItemLearningObjectiveIds.csv", atomically: true, encoding: .utf8)
        for (name, text) in extra { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return OneRosterGradebook.read(folder, scenario: scenario)
    }

    /// Two results giving the same check: deleting one leaves the check the other still gives.
    @Test func aCheckStandsWhileAResultStillGivesIt() throws {
        let (tree, scenario, store, term) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        func record(_ rows: String) throws -> Term.RecordReport {
            let reading = try read(rows, scenario, in: tree)
            #expect(!reading.hasErrors, "\(reading.diagnostics)")
            return try term.record(reading.checks, source: "gradebook", today: afterTheChecks, withdrawingResults: reading.withdrawnResults)
        }
        let both = "r1,,,LI-1,S-01,fully graded,,mastered,2026-11-24,first\nr2,,,LI-1,S-01,fully graded,,mastered,2026-11-24,second\n"
        #expect(try record(both).recorded == 1)
        let oneGone = try record("r1,tobedeleted,,,,,,,,\nr2,,,LI-1,S-01,fully graded,,mastered,2026-11-24,second\n")
        #expect(oneGone.withdrawn == 0 && oneGone.keptWithdrawn.isEmpty, "\(oneGone.lines)")
        #expect(try store.standingChecks().count == 1)
        #expect(try record("r2,tobedeleted,,,,,,,,\n").withdrawn == 1)
        #expect(try store.standingChecks().isEmpty)
        // A check a person recorded is not the gradebook's to withdraw.
        _ = try term.record([MasteryCheck(date: SchoolDate("2026-11-25")!, student: "S-02", objective: "MATH-7.RP.1", result: .mastered, note: "", source: "portal")],
                            source: "portal", today: afterTheChecks)
        _ = try record("r3,,,LI-1,S-02,fully graded,,mastered,2026-11-25,\n")
        #expect(try record("r3,tobedeleted,,,,,,,,\n").withdrawn == 0)
        #expect(try store.standingChecks().map(\.student) == ["S-02"])
    }

    /// A result changed and changed back: the check the gradebook withdrew comes back, and the one
    /// it had replaced it with goes; a check a person withdrew stays withdrawn.
    @Test func aResultChangedBackBringsItsCheckBack() throws {
        let (tree, scenario, store, term) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        func record(_ rows: String) throws -> Term.RecordReport {
            let reading = try read(rows, scenario, in: tree)
            return try term.record(reading.checks, source: "gradebook", today: afterTheChecks, withdrawingResults: reading.withdrawnResults)
        }
        func standing() throws -> [String] { try store.standingChecks().map(\.check.result) }
        _ = try record("r1,,,LI-1,S-01,fully graded,,not yet,2026-11-24,\n")
        _ = try record("r1,,,LI-1,S-01,fully graded,,mastered,2026-11-24,\n")
        #expect(try standing() == ["mastered"])
        let back = try record("r1,,,LI-1,S-01,fully graded,,not yet,2026-11-24,\n")
        #expect(back.keptWithdrawn.isEmpty, "\(back.lines)")
        #expect(try standing() == ["not-yet"])
        // The scheduler withdraws it by hand: the gradebook sending it again does not undo that.
        _ = try term.withdraw([try #require(store.standingChecks().first).check.id])
        #expect(try record("r1,,,LI-1,S-01,fully graded,,not yet,2026-11-24,\n").keptWithdrawn.count == 1)
    }

    /// A check a teacher also recorded is theirs, whichever came first; a result re-graded below
    /// fully graded, or moved to another objective, takes back the check it gave.
    @Test func aResultThatNoLongerGivesACheckTakesItBack() throws {
        let (tree, scenario, store, term) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        func record(_ rows: String, objectives: String? = nil) throws -> Term.RecordReport {
            let reading = try read(rows, scenario, in: tree, extra: objectives.map { ["lineItemLearningObjectiveIds.csv": $0] } ?? [:])
            #expect(!reading.hasErrors, "\(reading.diagnostics)")
            return try term.record(reading.checks, source: "gradebook", today: afterTheChecks,
                                   withdrawingResults: reading.withdrawnResults, presentResults: reading.presentResults)
        }
        _ = try record("r1,,,LI-1,S-01,fully graded,,mastered,2026-11-24,\n")
        _ = try term.record([MasteryCheck(date: SchoolDate("2026-11-24")!, student: "S-01", objective: "MATH-7.RP.1", result: .mastered, note: "", source: "portal")],
                            source: "portal", today: afterTheChecks)
        #expect(try record("r1,tobedeleted,,,,,,,,\n").withdrawn == 0, "the teacher's check stands")
        #expect(try store.standingChecks().count == 1)

        _ = try record("r2,,,LI-1,S-02,fully graded,,mastered,2026-11-24,\n")
        let regraded = try record("r2,,,LI-1,S-02,partially graded,,,2026-11-24,\n")
        #expect(regraded.withdrawn == 1 && regraded.lines.contains { $0.contains("gradebook result r2 no longer gives check") }, "\(regraded.lines)")
        _ = try record("r3,,,LI-1,S-03,fully graded,,mastered,2026-11-24,\n")
        let moved = try record("r3,,,LI-1,S-03,fully graded,,mastered,2026-11-24,\n", objectives: "lineItemSourcedId,source,learningObjectiveId\nLI-1,Pacer,MATH-7.RP.2\n")
        #expect(moved.withdrawn == 1 && moved.recorded == 1)
        #expect(try store.standingChecks().map { "\($0.student) \($0.check.objective)" } == ["S-01 MATH-7.RP.1", "S-03 MATH-7.RP.2"])
    }

    /// Two results in one export that contradict each other are refused where they are, naming both.
    @Test func contradictingResultsAreRefusedInTheFile() throws {
        let (tree, scenario, _, _) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let reading = try read("r1,,,LI-1,S-01,fully graded,,mastered,2026-11-24,\nr2,,,LI-1,S-01,fully graded,,not yet,2026-11-24,\n", scenario, in: tree)
        #expect(reading.diagnostics.map(\.description).contains { $0.contains("results.csv:3:") && $0.contains("results r1 (line 2) and r2 say mastered and not yet for S-01 on MATH-7.RP.1 on 2026-11-24: fix one in the gradebook") },
                "\(reading.diagnostics)")
    }

    /// Values OneRoster does not have, and scores outside their line item's range, are errors; a
    /// header naming a column twice is refused; a line item with no objective is named.
    @Test func valuesOutsideOneRosterAreRefused() throws {
        let (tree, scenario, _, _) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let reading = try read("r1,deleted,,LI-1,S-01,fully graded,,mastered,2026-11-24,\nr2,,,LI-1,S-02,fully graded,5,,2026-11-24,\nr3,,,LI-9,S-03,fully graded,1,,2026-11-24,\n",
                               scenario, in: tree, extra: ["lineItems.csv": "sourcedId,resultValueMin,resultValueMax\nLI-1,0,1\nLI-2,5,1\n"])
        let messages = reading.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("status 'deleted' is none of OneRoster's") }, "\(messages)")
        #expect(messages.contains("score 5 is outside line item LI-1's range, 0 to 1"))
        #expect(messages.contains("line item LI-2: resultValueMax 1 is not above resultValueMin 5"))
        #expect(reading.lines.contains { $0.contains("line items with no learning objective") && $0.contains("LI-9 (1)") })
        let twice = try read("", scenario, in: tree, extra: ["results.csv": "sourcedId,lineItemSourcedId,studentSourcedId,scoreStatus,scoreDate,score,score\n"])
        #expect(twice.diagnostics.map(\.message).contains("the header names column score twice"), "\(twice.diagnostics)")
    }

    /// A date-time is the school's date in its time zone: Sunday 10 pm in New York is 03:00 on
    /// Monday in UTC, and a Sunday's result is Friday's check. The export writes the school's
    /// midnight with its offset.
    @Test func datesAreTheSchoolsInItsTimeZone() {
        #expect(ResultMatcher.schoolDate("2026-11-30T03:00:00Z", timeZone: "America/New_York") == SchoolDate("2026-11-29"))
        #expect(ResultMatcher.schoolDate("2026-11-30T03:00:00.250+00:00", timeZone: "America/New_York") == SchoolDate("2026-11-29"))
        #expect(ResultMatcher.schoolDate("2026-11-30T03:00:00", timeZone: "America/New_York") == SchoolDate("2026-11-30"), "no offset: the school's own time")
        #expect(ResultMatcher.schoolDate("2026-11-30 23:30:00-05:00", timeZone: "Europe/Paris") == SchoolDate("2026-12-01"))
        #expect(ResultMatcher.schoolDate("2026-11-30X", timeZone: "UTC") == nil)
        #expect(OneRosterGradebookWriter.dateTime(SchoolDate("2026-11-23")!, timeZone: "America/New_York") == "2026-11-23T00:00:00-05:00")
    }
}

/// A school with its own words for the results exports them, and its export reads back.
@Suite struct GradebookOwnWordsTests {
    @Test func theExportUsesTheSchoolsWordsAndReadsBack() throws {
        let (tree, variant) = try tinySchoolVariant("gradebook: {mastered_text: [Proficient], not_yet_text: [Developing]}\n")
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let scenario = try ScenarioLoader.load(variant)
        let store = try StateStore(path: StateStore.path(for: scenario))
        let term = Term(scenario: scenario, store: store)
        try term.seed(on: SchoolDate("2026-11-23")!)
        _ = try term.record([MasteryCheck(date: SchoolDate("2026-11-24")!, student: "S-01", objective: "MATH-7.RP.1", result: .mastered, note: "", source: "t"),
                             MasteryCheck(date: SchoolDate("2026-11-24")!, student: "S-02", objective: "MATH-7.RP.1", result: .notYet, note: "", source: "t")],
                            source: "t", today: afterTheChecks)
        let out = tree + "/export"
        _ = try OneRosterGradebookWriter.write(try store.standingChecks(), scenario: scenario, to: out)
        let results = try String(contentsOfFile: out + "/results.csv", encoding: .utf8)
        #expect(results.contains(",Proficient,") && results.contains(",Developing,"), "\(results)")
        let reading = OneRosterGradebook.read(out, scenario: scenario)
        #expect(!reading.hasErrors, "\(reading.diagnostics)")
        #expect(reading.checks.map(\.result) == [.mastered, .notYet])
    }
}
