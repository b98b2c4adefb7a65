import Foundation
import GRDB
import Testing
@testable import PacerCore

/// A copy of the tiny school in a temporary folder, so its state database is the test's own.
func tinySchoolCopy() throws -> (folder: String, scenario: Scenario) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-state-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: scenariosFolder + "/tiny-school", toPath: folder)
    return (folder, try ScenarioLoader.load(folder))
}

/// A copy of the tiny school with its state started on 2026-11-23.
func seededTinySchool() throws -> (folder: String, scenario: Scenario, store: StateStore) {
    let (folder, scenario) = try tinySchoolCopy()
    let store = try StateStore(path: StateStore.path(for: scenario))
    try Term(scenario: scenario, store: store).seed(on: SchoolDate("2026-11-23")!)
    return (folder, scenario, store)
}

/// The day the tests record their checks on (`Term.record` refuses a check dated after today).
let afterTheChecks = SchoolDate("2027-06-30")!

func checks(_ csv: String, _ scenario: Scenario, in folder: String) throws -> [MasteryCheck] {
    let path = folder + "/checks-\(UUID().uuidString).csv"
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    let (rows, diagnostics) = MasteryChecksFile.read(path, scenario: scenario)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return rows
}

@Suite struct StateStoreTests {
    @Test func masteryMovesStudentsOnAndIsRecordedOnce() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: StateStore.path(for: scenario))
        #expect(try Term(scenario: scenario, store: store).seed(on: SchoolDate("2026-11-23")!) == 30)
        #expect(try Term(scenario: scenario, store: store).seed(on: SchoolDate("2026-11-23")!) == 0, "seeding twice adds nothing")
        let rows = try checks("""
            date,student,objective,result,note
            2026-11-23,S-01,MATH-7.RP.1,mastered,4/4
            2026-11-23,S-02,MATH-7.RP.1,not-yet,
            2026-11-23,S-03,MATH-7.RP.3,mastered,ahead
            2026-11-24,S-03,MATH-7.RP.1,mastered,
            2026-11-24,S-03,MATH-7.RP.2,mastered,
            2026-11-24,S-29,MATH-7.SP.1,mastered,
            """, scenario, in: folder)
        let report = try Term(scenario: scenario, store: store).record(rows, source: "checks.csv", today: afterTheChecks)
        #expect(report.recorded == 6 && report.duplicates == 0 && report.advances == 4)
        let now = Dictionary(uniqueKeysWithValues: try store.standings(scenario).map { ($0.student.rawValue, $0.objective?.rawValue ?? "complete") })
        #expect(now["S-01"] == "MATH-7.RP.2")
        #expect(now["S-02"] == "MATH-7.RP.1")
        #expect(now["S-03"] == "MATH-7.NS.1", "RP.3 was shown mastered ahead, so it is skipped")
        #expect(now["S-29"] == "complete")
        #expect(report.lines.contains("S-03 2026-11-24 [check 5]: mastered MATH-7.RP.2, skipped MATH-7.RP.3 (mastery shown earlier); now on MATH-7.NS.1"))

        let again = try Term(scenario: scenario, store: store).record(rows, source: "checks.csv", today: afterTheChecks)
        #expect(again.recorded == 0 && again.duplicates == 6 && again.advances == 0)
        #expect(try derivedHistory(store, scenario).tracks.values.map(\.advances.count).reduce(0, +) == 4)
        #expect(try store.standings(scenario).map(\.objective) == (try store.standings(scenario).map(\.objective)))
    }

    /// Nobody is ever placed on an objective they already mastered.
    @Test func advancesNeverLandOnAMasteredObjective() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let math = scenario.subjects[0].objectives.map(\.id.rawValue)
        // S-01 masters everything in order, one a day.
        var csv = "date,student,objective,result\n"
        // One objective a school day (Monday to Friday) from 2026-11-23.
        var day = SchoolDate("2026-11-23")!
        for o in math {
            while !(2...6).contains(day.weekday) { day = day.adding(days: 1) }
            csv += "\(day),S-01,\(o),mastered\n"
            day = day.adding(days: 1)
        }
        let report = try Term(scenario: scenario, store: store).record(try checks(csv, scenario, in: folder), source: "all", today: afterTheChecks)
        #expect(report.advances == math.count)
        #expect(try store.standings(scenario).first { $0.student == "S-01" }?.objective == nil)
    }

    @Test func aDatabaseOfTheFirstSchemaOpensAndUpgrades() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        let old = try StateStore(path: path, upTo: "v1")
        #expect(try old.appliedMigrations() == ["v1"])
        try startHistoriesTheOldWay(path, scenario, on: SchoolDate("2026-11-23")!)
        let upgraded = try StateStore(path: path)
        #expect(try upgraded.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19"])
        #expect(try upgraded.count("progression_start") == 30, "data survives the upgrade")
        #expect(try upgraded.standings(scenario).map(\.objective) == scenario.students.map { $0.current["MATH"] })
        let indexes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_by_student'")
        }
        #expect(indexes.sorted() == ["attendance_by_student", "mastery_check_by_student"])
        #expect(try upgraded.integrityCheck() == "ok")
    }

    /// Checks recorded under v2 (identified by a hash) keep their advances after the upgrade, and
    /// the UNIQUE key still recognises them: recording the same file again adds nothing.
    @Test func checksOfTheSecondSchemaSurviveTheUpgradeToAUniqueKey() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        _ = try StateStore(path: path, upTo: "v2")
        try startHistoriesTheOldWay(path, scenario, on: SchoolDate("2026-11-23")!)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO mastery_check VALUES ('3f2a', '2026-11-23', 'S-01', 'MATH-7.RP.1', 'mastered', '4/4', 'old.csv', '2026-11-23T15:00:00Z');
                INSERT INTO advance (check_id, date, student, subject, from_objective, to_objective, explanation)
                    VALUES ('3f2a', '2026-11-23', 'S-01', 'MATH', 'MATH-7.RP.1', 'MATH-7.RP.2', 'mastered MATH-7.RP.1; now on MATH-7.RP.2');
                UPDATE objective_history SET mastered_on = '2026-11-23' WHERE student = 'S-01' AND objective = 'MATH-7.RP.1';
                INSERT INTO objective_history VALUES ('S-01', 'MATH', 'MATH-7.RP.2', '2026-11-23', NULL);
                """)
        }
        let upgraded = try StateStore(path: path)
        #expect(try upgraded.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19"])
        let advances = try #require(derivedHistory(upgraded, scenario).track("S-01", "MATH")?.advances)
        #expect(advances.map(\.to) == ["MATH-7.RP.2"])
        #expect(try upgraded.checks(of: "S-01").map { "\($0.id) \($0.note)" } == advances.map { "\($0.check) 4/4" }, "the check keeps its note and its advance")
        let again = try Term(scenario: scenario, store: upgraded).record(try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "again.csv", today: afterTheChecks)
        #expect(again.recorded == 0 && again.duplicates == 1 && again.advances == 0)
        #expect(try upgraded.integrityCheck() == "ok")
        let foreignKeys = try DatabaseQueue(path: path).read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(foreignKeys.isEmpty)
    }

    @Test func badChecksFilesReportEveryProblemWithItsPosition() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bad.csv"
        try "date,student,objective,result\n2026-02-30,S-99,MATH-7.X,maybe\n2026-11-23,S-01,MATH-7.RP.1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (rows, diagnostics) = MasteryChecksFile.read(path, scenario: scenario)
        #expect(rows.isEmpty)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "2:1 '2026-02-30' is not a date; write YYYY-MM-DD",
            "2:12 unknown student 'S-99'; did you mean S-09, S-19, S-29?",
            "2:17 unknown objective 'MATH-7.X'",
            "2:26 result must be 'mastered' or 'not-yet', got 'maybe'",
            "3:1 this row has 3 fields, the header has 4",
        ])
    }
}

@Suite struct PublishTests {
    /// A published plan's sessions count as workshops received, and status reports them.
    @Test func publishedSessionsCountAsWorkshops() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try Planner.plan(scenario, options: PlanOptions(timeLimit: 20, nodeLimit: 50)).plan
        try store.publish(plan, scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        let attendance = plan.sessions.reduce(0) { $0 + $1.students.count }
        #expect(try store.count("attendance") == attendance)
        let lines = try store.status(scenario, on: SchoolDate("2026-11-27")!)
        #expect(lines.reduce(0) { $0 + $1.workshopsOnIt } == attendance)
        // S-01's sessions, by the plan, and by status.
        let mine = plan.sessions.filter { $0.students.contains("S-01") }
        let line = try #require(lines.first { $0.student == "S-01" })
        #expect(line.workshopsOnIt == mine.count)
        let dayIndex = Dictionary(uniqueKeysWithValues: scenario.calendar.days.map { ($0.id, $0.index) })
        let lastDay = try #require(mine.compactMap { dayIndex[$0.day] }.max())
        #expect(line.daysSinceWorkshop == 4 - lastDay)
        // Publishing again for the same week replaces, not adds.
        try store.publish(plan, scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        #expect(try store.count("attendance") == attendance)
        #expect(try store.count("plan") == 2)
    }
}

@Suite struct ChecksFileHeaderTests {
    /// A checks file whose header row is missing gets one error that shows the header, not one per cell.
    @Test func aFileWithoutItsHeaderRowSaysSoOnce() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let (rows, diagnostics) = MasteryChecksFile.parse("2026-11-24,S-01,MATH-7.RP.1,mastered\n2026-11-24,S-02,MATH-7.RP.1,not-yet\n",
                                                         file: "checks.csv", scenario: scenario)
        #expect(rows.isEmpty)
        #expect(diagnostics.map(\.message) == ["the first row must be the header: date,student,objective,result[,note]; it reads '2026-11-24,S-01,MATH-7.RP.1,mastered'"])
        let (_, oneWrong) = MasteryChecksFile.parse("date,student,objective,outcome\n", file: "checks.csv", scenario: scenario)
        #expect(oneWrong.contains { $0.message.hasPrefix("unknown column 'outcome'") }, "a header with one wrong name keeps the usual errors")
    }
}

@Suite struct TextTableTests {
    @Test func eachFormatWritesTheSameRows() throws {
        let table = TextTable(header: ["student", "name", "days"], rows: [["S-1", "Ann\tLee", "12"], ["S-22", "=SUM(A1)", "-"]])
        #expect(table.render(.table) == "student  name      days\nS-1      Ann Lee     12\nS-22     =SUM(A1)     -\n")
        #expect(table.render(.tsv) == "student\tname\tdays\nS-1\tAnn Lee\t12\nS-22\t'=SUM(A1)\t-\n")
        #expect(table.render(.csv) == "student,name,days\r\nS-1,Ann\tLee,12\r\nS-22,'=SUM(A1),-\r\n")
        let json = try JSONSerialization.jsonObject(with: Data(table.render(.json).utf8)) as? [[String: String]]
        #expect(json == [["student": "S-1", "name": "Ann\tLee", "days": "12"], ["student": "S-22", "name": "=SUM(A1)", "days": "-"]])
    }

    /// What a person typed, or an old state holds, cannot run as a formula in a spreadsheet, forge
    /// a row, or reach a terminal as a control sequence, in any format.
    @Test func hostileCellsAreNeutralizedAndShownEscaped() throws {
        let table = TextTable(header: ["check", "note"], rows: [
            ["1", "=HYPERLINK(\"x\")"], ["2", "ok\r\n3\t2026-11-24\tforged"], ["3", "\u{1B}]0;owned\u{7}\u{1B}[2K"], ["4", "+1"], ["5", "@SUM(1)"],
        ])
        #expect(table.render(.tsv) == """
            check\tnote
            1\t'=HYPERLINK("x")
            2\tok 3 2026-11-24 forged
            3\t\\u{1b}]0;owned\\u{7}\\u{1b}[2K
            4\t'+1
            5\t'@SUM(1)

            """)
        let csv = table.render(.csv)
        #expect(csv.contains("\r\n1,\"'=HYPERLINK(\"\"x\"\")\"\r\n"), "\(csv)")
        #expect(csv.contains("\r\n2,\"ok\r\n3\t2026-11-24\tforged\"\r\n"), "a line break stays inside its quoted field")
        #expect(csv.contains("\r\n3,\\u{1b}]0;owned\\u{7}\\u{1b}[2K\r\n"))
        for format in [TextTable.Format.table, .tsv, .csv] {
            #expect(!table.render(format).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" }, "\(format)")
        }
        #expect(table.render(.table).split(separator: "\n").count == 6, "one line per row")
    }
}

/// A check sent again with another note: the note is what the teacher meant now.
@Suite struct ResentCheckTests {
    @Test func aCheckResentWithAnotherNoteUpdatesTheNoteAndSaysSo() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func send(_ note: String) throws -> Term.RecordReport {
            let check = MasteryCheck(date: SchoolDate("2026-11-24")!, student: "S-01", objective: "MATH-7.RP.1", result: .mastered, note: note, source: "test")
            return try Term(scenario: scenario, store: store).record([check], source: "test", today: afterTheChecks)
        }
        #expect(try send("3 of 4").recorded == 1)
        let updated = try send("4 of 4 after all")
        #expect((updated.recorded, updated.duplicates, updated.notesUpdated, updated.advances) == (0, 0, 1, 0))
        #expect(updated.lines.count == 1 && updated.lines[0].hasSuffix(": MATH-7.RP.1 mastered recorded before; note updated"), "\(updated.lines)")
        #expect(updated.summary == "0 check(s) recorded, 0 already known, 0 student(s) moved on, 1 note(s) updated")
        #expect(try store.checks(of: "S-01").map(\.note) == ["4 of 4 after all"])
        // The same note again, or none, is a check already known and leaves the note.
        for note in ["4 of 4 after all", ""] {
            let again = try send(note)
            #expect((again.duplicates, again.notesUpdated) == (1, 0))
        }
        #expect(try store.checks(of: "S-01").map(\.note) == ["4 of 4 after all"])
        #expect(try store.count("mastery_check") == 1 && derivedHistory(store, scenario).track("S-01", "MATH")?.advances.count == 1, "recorded and applied once")
    }
}
