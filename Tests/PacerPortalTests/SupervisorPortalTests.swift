import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

/// An aide in the portal: Ms Park (A-PARK, a supervisor) supervises Liam Chen (S-02) in
/// independent study in Tue-F1 on Tuesday 2026-11-24 (`tinyPortal(study:)`).
@Suite struct SupervisorPortalTests {
    let tuesday = SchoolDate("2026-11-24")!

    @Test func anAideSeesTheirStudyRosterByNameWithTheLastCheckAndNoCheckForm() async throws {
        let (folder, portal, store) = try tinyPortal(study: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A teacher checked Liam on the objective he studies the day before.
        let check = MasteryCheck(date: SchoolDate("2026-11-23")!, student: "S-02", objective: "MATH-7.RP.1", result: .notYet,
                                 note: "ratios of fractions", source: "test")
        _ = try Term(scenario: portal.scenario, store: store).record([check], source: "test", today: tuesday)
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let cookie = try await signIn(client, store, .supervisor("A-PARK"))
            let page = try await get(client, "/", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("Ms Park (learning coach): Tuesday 2026-11-24"))
            #expect(page.body.contains("09:25–10:05 · Learning commons · independent study"))
            #expect(page.body.contains("<b>Liam Chen</b> (grade 7, working on Unit rates with fractions)"))
            #expect(page.body.contains("last check 2026-11-23: not yet: ratios of fractions"))
            #expect(page.body.contains("A teacher records mastery checks"))
            #expect(page.body.contains("Mark absent"))
            #expect(page.body.contains("id=\"student-S-02-Tue-F1\""), "the row's anchor names its block")
            #expect(!page.body.contains("action=\"/check\""), "an aide gets no check form")
            #expect(!page.body.contains("A-PARK"), "people read names, not ids")
            let week = try await get(client, "/week", cookie: cookie)
            #expect(week.status == .ok)
            #expect(week.body.contains("Ms Park (learning coach): week of 2026-11-23"))
            #expect(week.body.contains("09:25–10:05, Learning commons: independent study, 1 student(s)"))
        }
    }

    @Test func anAideMarksTheirStudentAbsentAndTheAbsenceIsRecorded() async throws {
        let (folder, portal, store) = try tinyPortal(study: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signInForForms(client, store, .supervisor("A-PARK"))
            let marked = try await post(client, "/absent", cookie: cookie, form: "csrf=\(csrf)&student=S-02&block=Tue-F1")
            #expect(marked.status == .seeOther && marked.location == "/#student-S-02-Tue-F1")
            #expect(try store.absences(from: tuesday, to: tuesday).map(\.text) == ["student:S-02 2026-11-24 (F1): marked by supervisor:A-PARK in the portal"])
            let member = try store.teacherAgenda(portal.scenario, adult: "A-PARK", on: tuesday).study.first?.members.first
            #expect(member?.student == "S-02" && member?.absent == true)
            let page = try await get(client, "/", cookie: cookie).body
            #expect(page.contains("absent</span>") && !page.contains("Mark absent"), "marked, with no second button")
            // Not his student in that block, nor a student of a workshop: refused and not recorded.
            #expect(try await post(client, "/absent", cookie: cookie, form: "csrf=\(csrf)&student=S-12&block=Tue-F1").status == .forbidden)
            #expect(try store.absences(from: tuesday, to: tuesday).count == 1)
            // No check, even on the objective the student studies.
            let check = try await post(client, "/check", cookie: cookie, form: "csrf=\(csrf)&student=S-02&objective=MATH-7.RP.1&result=mastered")
            #expect(check.status == .forbidden)
            #expect(try store.checks(of: "S-02").isEmpty)
        }
    }

    @Test func anAideWithNoStudyThatDaySaysSo() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let page = try await get(client, "/", cookie: try await signIn(client, store, .supervisor("A-PARK"))).body
            #expect(page.contains("No study groups published for you on Tuesday 2026-11-24."))
        }
    }
}
