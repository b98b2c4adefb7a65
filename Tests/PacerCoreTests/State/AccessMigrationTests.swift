import Foundation
import GRDB
import Testing
@testable import PacerCore

/// v13 widens the grants' kinds to supervisors by copying the access table: grants and their
/// sessions made before keep working, and a supervisor may then be granted.
@Suite struct AccessMigrationTests {
    let tuesday = SchoolDate("2026-11-24")!

    @Test func grantsOfSchemaV12SurviveTheUpgradeThatLetsSupervisorsIn() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = StateStore.path(for: scenario)
        let old = try StateStore(path: path, upTo: "v12")
        let (teacher, token) = try old.grantAccess(.teacher("T-OKAFOR"), expires: SchoolDate("2026-12-31"))
        let (family, _) = try old.grantAccess(.family("S-03"))
        try old.revokeAccess(family.id)
        let session = try old.openSession(for: teacher, calendarKey: token.calendarKey.text)
        #expect(throws: (any Error).self, "v12 has no supervisors") { try old.grantAccess(.supervisor("A-PARK")) }

        let upgraded = try StateStore(path: path)
        #expect(try upgraded.appliedMigrations().last == "v19")
        let grants = try upgraded.accessGrants()
        #expect(grants.map(\.role) == [.teacher("T-OKAFOR"), .family("S-03")])
        #expect(grants.map(\.expires) == [SchoolDate("2026-12-31"), nil] && grants[1].revokedAt != nil)
        #expect(try upgraded.signIn(token: token.text, on: tuesday)?.id == teacher.id, "the old link still signs in")
        #expect(try upgraded.calendarGrant(key: token.calendarKey.text, on: tuesday)?.id == teacher.id, "and its calendar key opens")
        #expect(try upgraded.session(session.id, on: tuesday)?.grant.id == teacher.id, "whoever was signed in stays signed in")

        let (aide, aideToken) = try upgraded.grantAccess(.supervisor("A-PARK"))
        #expect(aide.id > family.id, "ids are not reused")
        #expect(try upgraded.signIn(token: aideToken.text, on: tuesday)?.role == .supervisor("A-PARK"))
        #expect(try upgraded.integrityCheck() == "ok")
        let foreignKeys = try DatabaseQueue(path: path).read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(foreignKeys.isEmpty)
    }

    @Test func aSupervisorRoleIsReadAndNamedLikeATeachers() {
        #expect(AccessRole("supervisor:A-PARK") == .supervisor("A-PARK"))
        #expect(AccessRole("supervisor:") == nil)
        #expect(AccessRole.supervisor("A-PARK").description == "supervisor:A-PARK")
        #expect(AccessRole.supervisor("A-PARK").adult == "A-PARK" && AccessRole.teacher("T-LEE").adult == "T-LEE" && AccessRole.scheduler.adult == nil)
    }

    @Test func aTeachersIDIsNotASupervisors() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        #expect(AccessRole.supervisor("A-PARK").problem(in: scenario) == nil)
        #expect(AccessRole.supervisor("A-PAKR").problem(in: scenario)?.contains("did you mean A-PARK?") == true)
        let teacher = try #require(AccessRole.supervisor("T-OKAFOR").problem(in: scenario))
        #expect(teacher.hasSuffix("is a teacher, not a supervisor; name them as teacher:T-OKAFOR"))
        #expect(!teacher.hasPrefix("T-OKAFOR"), "the name comes first")
        #expect(AccessRole.teacher("A-PARK").problem(in: scenario)?.hasSuffix("name them as supervisor:A-PARK") == true)
    }
}
