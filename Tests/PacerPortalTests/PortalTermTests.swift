import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

/// The portal's upload takes checks from the term's first date, as `pacer record` does.
@Suite struct PortalTermTests {
    @Test func anUploadedCheckBeforeTheTermIsRefusedUntilHistoryFromAllowsIt() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            let early = multipart(csrf: csrf, file: "date,student,objective,result\n2026-11-20,S-01,MATH-7.RP.1,mastered\n")
            let refused = try await post(client, "/checks", cookie: scheduler, form: early.body, contentType: early.contentType)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("uploaded file:2:1: error: 2026-11-20 is before the term's first date (2026-11-23)"), "\(refused.body)")
            #expect(try store.checks(of: "S-01").isEmpty)
            try store.startTerm(on: SchoolDate("2026-11-23")!, historyFrom: SchoolDate("2026-11-16")!)
            #expect(try await post(client, "/checks", cookie: scheduler, form: early.body, contentType: early.contentType).status == .ok)
            #expect(try store.checks(of: "S-01").count == 1)
        }
    }

    /// Someone enrolled from the command line while the portal runs is on its pages by name,
    /// without a restart (the portal reads the roster as the state has it).
    @Test func aStudentEnrolledWhileThePortalRunsIsOnItsPages() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Term(scenario: portal.scenario, store: store).record(RosterChange(
            date: SchoolDate("2026-11-24")!, person: .student("S-40"), kind: .enroll,
            details: .init(name: "Ana Ruiz", grade: "7", starts: ["MATH": "MATH-7.RP.1"])))
        #expect(portal.scenario.students.contains { $0.id == "S-40" && $0.name == "Ana Ruiz" })
        try await Application(router: portal.router()).test(.router) { client in
            let family = try await signIn(client, store, .family("S-40"))
            let page = try await get(client, "/", cookie: family)
            #expect(page.status == .ok)
            #expect(page.body.contains("Ana Ruiz") && page.body.contains("Unit rates with fractions"), "\(page.body)")
        }
    }
}
