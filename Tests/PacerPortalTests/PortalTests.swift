import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

@Suite struct PortalTests {
    @Test func aTeacherSeesOnlyTheirGroupsAndRecordsACheckOnce() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let cookie = try await signIn(client, store, .teacher("T-OKAFOR"))
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            // Tuesday: T-OKAFOR has S-11…S-17; nobody else's students appear.
            let mine = Set(["S-11", "S-12", "S-13", "S-14", "S-15", "S-16", "S-17"])
            for student in portal.scenario.students where mine.contains(student.id.rawValue) {
                #expect(page.contains(">\(student.name)<"), "\(student.name) is in T-OKAFOR's Tuesday groups")
            }
            for student in portal.scenario.students where !mine.contains(student.id.rawValue) {
                #expect(!page.contains(">\(student.name)<"), "\(student.name) is not T-OKAFOR's on Tuesday")
            }
            let token = try #require(csrf(in: page))
            let form = "csrf=\(token)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=solved+all+four"
            for _ in 0..<2 {
                try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: form)) { #expect($0.status == .seeOther) }
            }
            #expect(try store.checks(of: "S-11").count == 1, "the same check sent twice is one check")
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-24")!, student: "S-11").first?.objective == "MATH-7.NS.2")
            // Another teacher's student, a missing CSRF token, a family: refused.
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "csrf=\(token)&student=S-01&objective=MATH-7.RP.1&result=mastered")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "student=S-12&objective=MATH-7.NS.1&result=mastered")) { #expect($0.status == .forbidden) }
            // Their own student, but an objective other than the group's.
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "csrf=\(token)&student=S-12&objective=MATH-7.SP.1&result=mastered")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "csrf=\(token)&student=S-12&result=maybe")) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "csrf=\(token)&note=" + String(repeating: "x", count: 70_000))) { #expect($0.status == .contentTooLarge) }
        }
        #expect(try store.checks(of: "S-01").isEmpty && store.checks(of: "S-12").isEmpty)
    }

    @Test func familiesSeeTheirChildAndCannotRecord() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let cookie = try await signIn(client, store, .family("S-03"))
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let own = try #require(portal.scenario.students.first { $0.id == "S-03" })
            #expect(page.contains(own.name))
            for other in portal.scenario.students where other.id != own.id { #expect(!page.contains(other.name)) }
            try await client.execute(uri: "/check", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "csrf=\(csrf(in: page) ?? "x")&student=S-03&objective=MATH-7.RP.1&result=mastered")) {
                #expect($0.status == .forbidden)
            }
        }
        #expect(try store.checks(of: "S-03").isEmpty)
    }

    @Test func badLinksRevokedGrantsAndUnknownRoutes() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/signin?token=" + String(repeating: "0", count: 64), method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/signin", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "pacer_session=forged"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/nowhere", method: .get) { #expect($0.status == .notFound) }
            let cookie = try await signIn(client, store, .scheduler)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            try store.revokeAccess(try #require(store.accessGrants().last).id)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .unauthorized) }
        }
    }
}
