import Foundation
import Testing
@testable import PacerCore

/// Recording has one path (`Term.record`), which `pacer record` and the portal's check and upload
/// all take: the rules a check is held to, the start of new students' histories and the checks
/// themselves in one transaction.
@Suite struct TermRecordTests {
    /// One check the term cannot take refuses the whole call with every problem, and nothing is
    /// recorded: a date after today, before the term's first date, on no school day; a student or
    /// objective the scenario does not have; a note that breaks the rule for text people type.
    @Test func oneBadCheckRefusesThemAll() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        func check(_ date: String, _ student: StudentID, _ objective: ObjectiveID, note: String = "") -> MasteryCheck {
            MasteryCheck(date: SchoolDate(date)!, student: student, objective: objective, result: .mastered, note: note, source: "test")
        }
        let sent = [check("2026-11-24", "S-01", "MATH-7.RP.1"), check("2026-11-26", "S-02", "MATH-7.RP.1"),
                    check("2026-11-20", "S-03", "MATH-7.RP.1"), check("2026-11-28", "S-04", "MATH-7.RP.2"),
                    check("2026-11-24", "S-99", "MATH-7.RP.1"), check("2026-11-24", "S-05", "MATH-9.X"),
                    check("2026-11-24", "S-06", "MATH-7.RP.2", note: "bell \u{7}")]
        #expect {
            _ = try term.record(sent, source: "test", today: SchoolDate("2026-11-25")!)
        } throws: { error in
            guard let refusal = error as? Term.RecordRefusal else { return false }
            let reasons = Dictionary(uniqueKeysWithValues: refusal.problems.map { ($0.check.student, $0.reason) })
            return reasons.count == 6
                && reasons["S-02"]?.contains("is after today") == true && reasons["S-03"]?.contains("before the term's first date") == true
                && reasons["S-04"] != nil && reasons["S-99"]?.contains("unknown student") == true
                && reasons["S-05"]?.contains("unknown objective") == true && reasons["S-06"]?.contains("control character") == true
        }
        #expect(try store.count("mastery_check") == 0, "nothing of the call was recorded")
        // Each reason is the one a checks file's row gets.
        for bad in sent.dropFirst() {
            #expect(try term.problem(of: bad, today: SchoolDate("2026-11-25")!) != nil, "\(bad.student)")
        }
        #expect(try term.problem(of: sent[0], today: SchoolDate("2026-11-25")!) == nil)
        #expect(try term.record([sent[0]], source: "test", today: SchoolDate("2026-11-25")!).recorded == 1)
    }

    /// A student the state has not met yet starts their history in the transaction of their first
    /// check, on its date, whoever records it (the portal's one check did not start it before).
    @Test func aStudentNewToTheStateStartsWithTheirFirstCheck() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: StateStore.path(for: scenario))
        let term = Term(scenario: scenario, store: store)
        let check = MasteryCheck(date: SchoolDate("2026-11-24")!, student: "S-01", objective: "MATH-7.RP.1", result: .mastered, note: "", source: "portal teacher")
        let report = try term.record([check], source: "portal teacher", today: SchoolDate("2026-11-24")!)
        #expect(report.advances == 1)
        let standings = try store.standings(scenario)
        #expect(standings.count == 30, "every student of the scenario started")
        #expect(standings.first { $0.student == "S-01" }?.objective == "MATH-7.RP.2")
        #expect(try store.term()?.startedOn == SchoolDate("2026-11-24")!)
    }
}
