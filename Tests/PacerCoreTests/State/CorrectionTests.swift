import Foundation
import GRDB
import Testing
@testable import PacerCore

/// Wrong checks are refused or can be taken back, and dates say plainly when they are no school day.
@Suite struct CorrectionTests {
    func store() throws -> (String, Scenario, StateStore) { try seededTinySchool() }

    func read(_ csv: String, _ scenario: Scenario, in folder: String, today: String) throws -> [Diagnostic] {
        let path = folder + "/c-\(UUID().uuidString).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return MasteryChecksFile.read(path, scenario: scenario, today: SchoolDate(today)).diagnostics
    }

    func current(_ store: StateStore, _ scenario: Scenario, _ student: String) throws -> String? {
        try store.standings(scenario).first { $0.student.rawValue == student }?.objective?.rawValue
    }

    @Test func checksAfterTodayOrOnNoSchoolDayAreRefused() throws {
        let (folder, scenario, _) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let messages = try read("""
            date,student,objective,result
            2026-12-24,S-01,MATH-7.RP.1,mastered
            2026-11-22,S-02,MATH-7.RP.1,mastered
            2026-11-24,S-03,MATH-7.RP.1,mastered
            """, scenario, in: folder, today: "2026-11-24").map(\.message)
        #expect(messages == [
            "2026-12-24 is after today (2026-11-24): a check records what was seen; fix the date, or give --date",
            "2026-11-22 is a Sunday, not a school day (the calendar's days are Mon, Tue, Wed, Thu, Fri); fix the date",
        ])
    }

    @Test func aNotYetThatContradictsAMasteredIsAnErrorNamingBoth() throws {
        let (folder, scenario, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inFile = try read("""
            date,student,objective,result
            2026-11-24,S-01,MATH-7.RP.1,mastered
            2026-11-24,S-01,MATH-7.RP.1,not-yet
            """, scenario, in: folder, today: "2026-11-24")
        #expect(inFile.map(\.description).contains { $0.contains(":3:") && $0.contains("not-yet contradicts mastered for S-01 on MATH-7.RP.1 the same day (line 2)") }, "\(inFile)")
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "a.csv", today: afterTheChecks)
        let refusal = #expect(throws: StateError.self) {
            _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,not-yet\n", scenario, in: folder), source: "b.csv", today: afterTheChecks)
        }
        // Said so that a teacher in the portal, who cannot run a command, knows who can withdraw it.
        let text = refusal.map { "\($0)" } ?? ""
        #expect(text.contains("(S-01) not-yet on MATH-7.RP.1 2026-11-24 contradicts check 1") && text.contains("the scheduler withdraws one first")
                && text.contains("pacer record --withdraw 1"), "\(text)")
        #expect(try store.count("mastery_check") == 1, "nothing of the second file went in")
    }

    @Test func aWithdrawnCheckIsReplayedAwayStaysWithdrawnWhenSentAgainAndCanBeRecordedAgainOnPurpose() throws {
        let (folder, scenario, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try Term(scenario: scenario, store: store).record(try checks("""
            date,student,objective,result
            2026-11-23,S-01,MATH-7.RP.1,mastered
            2026-11-24,S-01,MATH-7.RP.2,mastered
            """, scenario, in: folder), source: "a.csv", today: afterTheChecks)
        #expect(first.advances == 2)
        #expect(try current(store, scenario, "S-01") == "MATH-7.RP.3")
        let ids = try store.checks(of: "S-01").map(\.id)
        // Withdrawing the first mastery: RP.2's check becomes evidence shown ahead, RP.1 is current again.
        let report = try Term(scenario: scenario, store: store).withdraw([ids[0]])
        #expect(try current(store, scenario, "S-01") == "MATH-7.RP.1")
        #expect(report.lines.last == "S-01 MATH: history replayed (check \(ids[0]) was withdrawn); now on MATH-7.RP.1 (was MATH-7.RP.3)", "\(report.lines)")
        #expect(try store.checks(of: "S-01").map(\.withdrawn) == [true, false])
        #expect(throws: StateError.self) { _ = try Term(scenario: scenario, store: store).withdraw([9_999]) }
        // The same row sent again (a sheet uploaded again) leaves it withdrawn, and says so row by row.
        let resent = try checks("date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder)
        let kept = try Term(scenario: scenario, store: store).record(resent, source: "c.csv", today: afterTheChecks)
        #expect(kept.recorded == 0 && kept.keptWithdrawn == [ids[0]])
        let name = try #require(scenario.students.first { $0.id == "S-01" }).name
        let withdrawnOn = ISO8601DateFormatter().string(from: Date()).prefix(10)
        #expect(kept.lines == ["\(resent[0].location): check \(ids[0]) of 2026-11-23 (\(name), MATH-7.RP.1, mastered) was withdrawn on \(withdrawnOn); not recorded again"])
        #expect(kept.summary.hasSuffix(", 1 withdrawn check(s) left withdrawn"))
        #expect(try current(store, scenario, "S-01") == "MATH-7.RP.1")
        #expect(try store.checks(of: "S-01").map(\.withdrawn) == [true, false])
        // Recording it again on purpose reinstates it, and the history is as before.
        let again = try Term(scenario: scenario, store: store).record(resent, source: "c.csv", today: afterTheChecks, again: true)
        #expect(again.recorded == 1 && again.keptWithdrawn.isEmpty)
        #expect(try current(store, scenario, "S-01") == "MATH-7.RP.3")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aCheckDatedBeforeRecordedOnesReplaysInDateOrder() throws {
        let (folder, scenario, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-25,S-01,MATH-7.RP.2,mastered\n", scenario, in: folder), source: "wed.csv", today: afterTheChecks)
        #expect(try current(store, scenario, "S-01") == "MATH-7.RP.1", "RP.2 shown ahead is evidence")
        let late = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result\n2026-11-24,S-01,MATH-7.RP.1,mastered\n", scenario, in: folder), source: "tue.csv", today: afterTheChecks)
        #expect(try current(store, scenario, "S-01") == "MATH-7.RP.3", "RP.1 mastered on Tuesday, RP.2 on Wednesday")
        #expect(late.lines.contains { $0.contains("history replayed") })
    }

    @Test func datesFallOnTheCalendarsWeekdays() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let calendar = scenario.calendar
        #expect(calendar.knowsWeekdays)
        #expect(calendar.schoolDayProblem(SchoolDate("2026-11-28")!) == "2026-11-28 is a Saturday, not a school day (the calendar's days are Mon, Tue, Wed, Thu, Fri)")
        #expect(calendar.schoolDayProblem(SchoolDate("2026-11-27")!) == nil)
        #expect(calendar.weekStartProblem(SchoolDate("2026-11-25")!) == "2026-11-25 is a Wednesday; the week starts on the calendar's first day (Mon): that week's is 2026-11-23")
        #expect(calendar.weekStartProblem(SchoolDate("2026-11-23")!) == nil)
        let friday = try #require(calendar.days.last)
        #expect(calendar.date(of: friday, weekOf: SchoolDate("2026-11-23")!) == SchoolDate("2026-11-27"))
        #expect(SchoolCalendar.weekday(of: "Wednesday") == 4 && SchoolCalendar.weekday(of: "D1") == nil)
    }

    @Test func regroupingANonSchoolDaySaysSo() throws {
        let (folder, scenario, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StateError.notASchoolDay("2026-11-29 is a Sunday, not a school day (the calendar's days are Mon, Tue, Wed, Thu, Fri)")) {
            _ = try store.dayContext(scenario, date: SchoolDate("2026-11-29")!)
        }
    }
}

@Suite struct StatusDateTests {
    @Test func aDateBeforeTheRecordsIsSaidPlainly() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StateError.beforeRecords("2026-11-01 is before the term's records begin (2026-11-23)")) {
            _ = try store.status(scenario, on: SchoolDate("2026-11-01")!)
        }
        #expect(try store.status(scenario, on: SchoolDate("2026-11-23")!).count == 30)
    }
}
