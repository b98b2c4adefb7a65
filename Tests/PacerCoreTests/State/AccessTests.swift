import Foundation
import GRDB
import Testing
@testable import PacerCore

/// Sign-in links for the portal: random tokens kept only as hashes, roles, expiry and revocation.
@Suite struct AccessTests {
    @Test func aGrantedTokenSignsInItsRoleAndIsStoredOnlyAsAHash() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = SchoolDate("2026-11-24")!
        let (teacher, token) = try store.grantAccess(.teacher("T-OKAFOR"))
        let (_, other) = try store.grantAccess(.family("S-03"))
        #expect(token.text.count == 64 && token.text.allSatisfy(\.isHexDigit))
        #expect(token != other)
        #expect(try store.signIn(token: token.text, on: today) == teacher)
        #expect(try store.signIn(token: other.text, on: today)?.role == .family("S-03"))
        // Nothing in the database file holds the token itself.
        let stored = try DatabaseQueue(path: StateStore.path(for: scenario)).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access").map { $0.description }.joined()
        }
        #expect(!stored.contains(token.text) && stored.contains(token.hash))
    }

    /// A grant's calendar key opens its calendar and nothing else, lapses with the grant, and a
    /// grant made before keys existed (schema v7) gets its key at its next sign-in.
    @Test func theCalendarKeyOpensOnlyTheCalendarAndLapsesWithTheGrant() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let day = SchoolDate("2026-11-24")!
        let (grant, token) = try store.grantAccess(.family("S-03"), expires: SchoolDate("2026-11-30"))
        let key = token.calendarKey
        #expect(key != token && key.text.count == 64)
        #expect(try store.calendarGrant(key: key.text, on: day) == grant)
        #expect(try store.signIn(token: key.text, on: day) == nil, "the key signs nobody in")
        #expect(try store.calendarGrant(key: token.text, on: day) == nil, "the token is not a key")
        #expect(try store.calendarGrant(key: key.text, on: SchoolDate("2026-12-01")!) == nil, "expired with the grant")
        try store.revokeAccess(grant.id)
        #expect(try store.calendarGrant(key: key.text, on: day) == nil, "revoked with the grant")
        // A grant whose row has no key yet, as after the upgrade from v7.
        let (old, oldToken) = try store.grantAccess(.family("S-04"))
        try DatabaseQueue(path: StateStore.path(for: scenario)).write { try $0.execute(sql: "UPDATE access SET calendar_hash = NULL WHERE id = ?", arguments: [old.id]) }
        #expect(try store.calendarGrant(key: oldToken.calendarKey.text, on: day) == nil)
        #expect(try store.signIn(token: oldToken.text, on: day) == old)
        #expect(try store.calendarGrant(key: oldToken.calendarKey.text, on: day) == old)
    }

    @Test func expiredRevokedAndMalformedTokensSignNobodyIn() throws {
        let (folder, _, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (grant, token) = try store.grantAccess(.scheduler, expires: SchoolDate("2026-11-30"))
        #expect(try store.signIn(token: token.text, on: SchoolDate("2026-11-30")!) == grant, "the expiry date itself still works")
        #expect(try store.signIn(token: token.text, on: SchoolDate("2026-12-01")!) == nil)
        let (revoked, second) = try store.grantAccess(.teacher("T-CHEN"))
        try store.revokeAccess(revoked.id)
        #expect(try store.signIn(token: second.text, on: SchoolDate("2026-11-24")!) == nil)
        #expect(throws: AccessError.alreadyRevoked(revoked.id)) { try store.revokeAccess(revoked.id) }
        #expect(throws: AccessError.unknownGrant(999)) { try store.revokeAccess(999) }
        let day = SchoolDate("2026-11-24")!
        for bad in ["", token.text.uppercased(), String(token.text.dropLast()), token.text + "0", "' OR 1=1 --", token.hash.uppercased()] {
            #expect(try store.signIn(token: bad, on: day) == nil, "\(bad)")
        }
        #expect(try store.accessGrants().map(\.id) == [grant.id, revoked.id])
        #expect(try store.accessGrants().last?.revokedAt != nil)
    }

    @Test func rolesAreWrittenOneWayAndNameSomeoneInTheScenario() throws {
        let (folder, scenario, _) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(AccessRole("scheduler") == .scheduler)
        #expect(AccessRole("teacher:T-LEE") == .teacher("T-LEE"))
        #expect(AccessRole("family:S-03") == .family("S-03"))
        for bad in ["", "teacher", "teacher:", "family:", "admin", "scheduler:x", "Teacher:T-LEE"] {
            #expect(AccessRole(bad) == nil, "\(bad)")
        }
        #expect(AccessRole.teacher("T-OKAFOR").problem(in: scenario) == nil)
        #expect(AccessRole.family("S-99").problem(in: scenario)?.contains("unknown student") == true)
        #expect(AccessRole.teacher("T-NOBODY").problem(in: scenario)?.contains("unknown teacher") == true)
    }

    /// Two people granting at once through their own connections: both grants land, with their own ids.
    @Test func concurrentGrantsAreAllKept() async throws {
        let (folder, scenario, _) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for i in 0..<8 {
                group.addTask { try StateStore(path: path).grantAccess(.family(StudentID(rawValue: "S-0\(i + 1)"))).grant.id }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(ids).count == 8)
        #expect(try StateStore(path: path).accessGrants().count == 8)
    }
}
