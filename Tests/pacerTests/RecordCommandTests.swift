import Foundation
import GRDB
import PacerCore
import Testing

/// A copy of the tiny school with its state started on 2026-11-23 through `pacer init`.
func tinySchoolWithState() throws -> String {
    let folder = temporaryFolder()
    try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: folder)
    #expect(try runPacer(["init", folder, "--date", "2026-11-23"]).status == 0)
    return folder
}

/// Not-yet checks on MATH-7.RP.1 for `students` on `count` school days (Monday to Friday) from 2026-11-24.
func notYetChecks(students: ClosedRange<Int>, schoolDays count: Int) -> String {
    var csv = "", day = SchoolDate("2026-11-24")!, done = 0
    while done < count {
        if (2...6).contains(day.weekday) {
            for n in students { csv += "\(day),S-\(String(format: "%02d", n)),MATH-7.RP.1,not-yet\n" }
            done += 1
        }
        day = day.adding(days: 1)
    }
    return csv
}

/// Starts `pacer record` on `checks` in the background, its output discarded.
func startRecord(_ folder: String, checks: String) throws -> Process {
    let process = Process()
    process.executableURL = try pacerExecutable()
    process.arguments = ["record", folder, "--checks", checks, "--date", "2030-01-01"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite(.serialized) struct RecordCommandTests {
    /// Killing `pacer record` from outside at many moments of its run, again and again, leaves the
    /// database either as it was before or with the whole file in (the state is in WAL mode, so
    /// there is no rollback journal to wait for: the kills are spread over the time a whole run
    /// takes); the same file then records completely, and a second import changes nothing.
    @Test func aKilledRecordLeavesTheDatabaseAsBefore() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let firsts = ["MATH-7.RP.1", "MATH-7.RP.1", "MATH-7.RP.1", "MATH-7.RP.2", "MATH-7.RP.2", "MATH-7.RP.2", "MATH-7.RP.2", "MATH-7.RP.3", "MATH-7.RP.3"]
        var csv = "date,student,objective,result\n"
        for n in 1...9 { csv += "2026-11-23,S-0\(n),\(firsts[n - 1]),mastered\n" }
        // Many not-yet checks after them make the transaction long enough to be caught in the
        // middle (400 school days; --date below makes them all past).
        csv += notYetChecks(students: 10...30, schoolDays: 400)
        try csv.write(toFile: folder + "/checks.csv", atomically: true, encoding: .utf8)
        func snapshot(_ folder: String) throws -> [String] {
            try DatabaseQueue(path: folder + "/pacer-state.sqlite").read { db in
                // Where students started and the checks: all the state stores of their progress.
                try String.fetchAll(db, sql: "SELECT student || objective || started_on FROM progression_start ORDER BY 1")
                    + String.fetchAll(db, sql: "SELECT date || student || objective || result FROM mastery_check ORDER BY id")
            }
        }
        let before = try snapshot(folder)
        // A whole run on a copy: what "everything in" looks like, and how long a run takes.
        let copy = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        let started = Date()
        let first = try runPacer(["record", copy, "--checks", folder + "/checks.csv", "--date", "2030-01-01"])
        #expect(first.status == 0)
        #expect(first.output.contains("8409 check(s) recorded, 0 already known, 9 student(s) moved on"), "\(first.output.suffix(300))")
        let whole = Date().timeIntervalSince(started)
        let complete = try snapshot(copy)
        #expect(complete != before)
        var caught = 0
        for fraction in [0.3, 0.5, 0.6, 0.7, 0.8, 0.9] {
            let process = try startRecord(folder, checks: folder + "/checks.csv")
            usleep(useconds_t(whole * fraction * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                caught += 1
            }
            process.waitUntilExit()
            let now = try snapshot(folder)
            #expect(now == before || now == complete, "killed at \(fraction) of a run: all of the file or none of it")
            let integrity = try DatabaseQueue(path: folder + "/pacer-state.sqlite").read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
            if now == complete { break }
        }
        #expect(caught > 0, "the record was killed while running at least once")
        _ = try runPacer(["record", folder, "--checks", folder + "/checks.csv", "--date", "2030-01-01"])
        let after = try snapshot(folder)
        #expect(after == complete)
        #expect(try runPacer(["record", folder, "--checks", folder + "/checks.csv", "--date", "2030-01-01"]).output.contains("0 check(s) recorded, 8409 already known, 0 student(s) moved on"))
        #expect(try snapshot(folder) == after)
        let status2 = try runPacer(["status", folder, "--date", "2026-11-25", "--student", "S-01"])
        #expect(status2.output.contains("S-01\tAva Martin\tMATH\tMATH-7.RP.2\t2\t0\t-\tMATH-7.RP.1"), "status shows where students.csv started")
    }
}

@Suite(.serialized) struct ConcurrentRecordTests {
    /// Two teachers recording at the same moment: the second waits for the first's transaction
    /// instead of failing with "database is locked", and both files are in.
    @Test func twoRecordsAtOnceBothLand() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, students) in [("a", 10...30), ("b", 1...9)] {
            try ("date,student,objective,result\n" + notYetChecks(students: students, schoolDays: 200))
                .write(toFile: folder + "/\(name).csv", atomically: true, encoding: .utf8)
        }
        let processes = try ["a", "b"].map { try startRecord(folder, checks: folder + "/\($0).csv") }
        for p in processes { p.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let total = try DatabaseQueue(path: folder + "/pacer-state.sqlite").read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM mastery_check") }
        #expect(total == 200 * 30)
    }
}

@Suite(.serialized) struct DayLoopCommandTests {
    /// The README's day-by-day loop, end to end: init, plan, publish, record, regroup, verify, publish.
    @Test func theDayByDayLoop() throws {
        let folder = temporaryFolder()
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: folder)
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: out) }
        #expect(try runPacer(["init", folder, "--date", "2026-11-23"]).status == 0)
        #expect(try runPacer(["plan", folder, "--out", out + "/week", "--node-limit", "100", "--quiet"]).status == 0)
        #expect(try runPacer(["publish", folder, out + "/week/plan.json"]).status != 0, "a week plan needs --week-of")
        #expect(try runPacer(["publish", folder, out + "/week/plan.json", "--week-of", "2026-11-23"]).status == 0)
        try "date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n".write(toFile: folder + "/mon.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", folder, "--checks", folder + "/mon.csv", "--date", "2026-11-23"]).status == 0)
        let (status, output) = try runPacer(["regroup", folder, "--date", "2026-11-24", "--out", out + "/tue"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("published unchanged"))
        let verified = try runPacer(["verify", folder, out + "/tue/plan.json"])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(try runPacer(["publish", folder, out + "/tue/plan.json"]).output.contains("(day of 2026-11-24)"))
        let day = try String(contentsOfFile: out + "/tue/plan.json", encoding: .utf8)
        #expect(day.contains("\"kind\" : \"day\"") && day.contains("\"changes\"") && day.contains("\"revision\" : 1"))
        // Regrouping the same day again gives revision 2, and calendars carry it as SEQUENCE.
        let again = try runPacer(["regroup", folder, "--date", "2026-11-24", "--out", out + "/tue2"])
        #expect(again.output.hasPrefix("2026-11-24 (regroup 2): "), "\(again.output)")
        #expect(try runPacer(["export", folder, out + "/tue2/plan.json", "--format", "ics", "--out", out + "/ics"]).status == 0)
        let calendar = try String(contentsOfFile: out + "/ics/teachers/T-CHEN.ics", encoding: .utf8)
        #expect(calendar.contains("SEQUENCE:2") && !calendar.contains("SEQUENCE:1"))
        #expect(try runPacer(["regroup", folder, "--date", "2026-12-24", "--out", out + "/none"]).status != 0, "no published week covers it")

        // The plan from students.csv is no plan for the next week: S-01 has moved on.
        let stale = try runPacerCapturing(["publish", folder, out + "/week/plan.json", "--week-of", "2026-11-30"])
        #expect(stale.status != 0)
        #expect(stale.errors.contains("Ava Martin (S-01) is on"), "\(stale.errors)")
        #expect(stale.errors.contains("make the week's plan from the term's state: pacer plan \(folder) --week-of 2026-11-30"), "\(stale.errors)")
        // Planned from the state, then a check recorded: named, and published only when told.
        #expect(try runPacer(["plan", folder, "--week-of", "2026-11-30", "--out", out + "/next", "--node-limit", "100", "--quiet"]).status == 0)
        try "date,student,objective,result\n2026-11-27,S-02,MATH-7.RP.1,mastered\n".write(toFile: folder + "/fri.csv", atomically: true, encoding: .utf8)
        #expect(try runPacer(["record", folder, "--checks", folder + "/fri.csv", "--date", "2026-11-27"]).status == 0)
        let verifiedNext = try runPacer(["verify", folder, out + "/next/plan.json"])
        #expect(verifiedNext.output.contains("verified against the term's state as of when this plan was made for the week of 2026-11-30 (checks up to 1, absences up to none)"), "\(verifiedNext.output)")
        #expect(verifiedNext.output.contains("changed since: 1 check recorded since this plan was made: Liam Chen (S-02) mastered"), "\(verifiedNext.output)")
        let refused = try runPacerCapturing(["publish", folder, out + "/next/plan.json"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("changed: 1 check recorded since this plan was made: Liam Chen (S-02) mastered"), "\(refused.errors)")
        #expect(refused.errors.contains("--despite-changes"))
        #expect(try runPacer(["publish", folder, out + "/next/plan.json", "--despite-changes"]).output.contains("(week of 2026-11-30)"))
    }
}

@Suite struct SentAgainCommandTests {
    /// A withdrawn check stays withdrawn when its file is recorded again: the row is named with
    /// the check's id, and the way to record it again on purpose (`--again`) is printed and works.
    @Test func aWithdrawnCheckStaysWithdrawnUntilRecordedAgainOnPurpose() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let checks = folder + "/checks.csv"
        try "date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,mastered\n".write(toFile: checks, atomically: true, encoding: .utf8)
        let first = try runPacer(["record", folder, "--checks", checks, "--date", "2026-11-24"])
        #expect(first.status == 0 && first.output.contains("1 check(s) recorded"), "\(first.output)")
        #expect(try runPacer(["record", folder, "--withdraw", "1"]).output.contains("withdrawn"))
        let resent = try runPacer(["record", folder, "--checks", checks, "--date", "2026-11-24"])
        #expect(resent.status == 0)
        #expect(resent.output.contains("\(checks):2:1: check 1 of 2026-11-24 ("), "\(resent.output)")
        #expect(resent.output.contains("MATH-7.RP.1, mastered) was withdrawn on "), "\(resent.output)")
        #expect(resent.output.contains("0 check(s) recorded, 0 already known, 0 student(s) moved on, 1 withdrawn check(s) left withdrawn"), "\(resent.output)")
        #expect(resent.output.contains("pacer record \(folder) --checks \(checks) --date 2026-11-24 --again"), "\(resent.output)")
        let again = try runPacer(["record", folder, "--checks", checks, "--date", "2026-11-24", "--again"])
        #expect(again.output.contains("1 check(s) recorded, 0 already known, 1 student(s) moved on"), "\(again.output)")
        #expect(try runPacer(["status", folder, "--student", "S-01", "--date", "2026-11-24"]).output.contains("MATH-7.RP.2"))
    }
}
