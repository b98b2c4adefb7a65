import Foundation
import PacerCore
import Testing

/// `pacer access`: a link is printed once, listed without its token, and revoked for good.
@Suite struct AccessCommandTests {
    @Test func grantListRevoke() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let granted = try runPacer(["access", "grant", folder, "teacher:T-OKAFOR", "--expires", "2026-12-31", "--url", "https://pacer.example.org/"])
        #expect(granted.status == 0)
        let link = try #require(granted.output.split(separator: "\n").first { $0.hasPrefix("https://pacer.example.org/signin?token=") })
        let token = String(link.split(separator: "=").last ?? "")
        #expect(token.count == 64)
        let store = try StateStore(path: folder + "/" + StateStore.fileName)
        #expect(try store.signIn(token: token, on: SchoolDate("2026-11-24")!)?.role == .teacher("T-OKAFOR"))

        let listed = try runPacer(["access", "list", folder, "--date", "2026-11-24"])
        #expect(listed.status == 0 && listed.output.contains("teacher:T-OKAFOR\tactive") && !listed.output.contains(token))
        #expect(try runPacer(["access", "list", folder, "--date", "2027-01-04"]).output.contains("teacher:T-OKAFOR\texpired"))

        #expect(try runPacer(["access", "revoke", folder, "1"]).status == 0)
        #expect(try store.signIn(token: token, on: SchoolDate("2026-11-24")!) == nil)
        #expect(try runPacer(["access", "revoke", folder, "1"]).status == 1, "already revoked")
        #expect(try runPacer(["access", "revoke", folder, "7"]).status == 1, "unknown id")
    }

    @Test func badRolesAndDatesAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runPacer(["access", "grant", folder, "teacher"]).status == 64)
        #expect(try runPacer(["access", "grant", folder, "principal"]).status == 64)
        #expect(try runPacer(["access", "grant", folder, "scheduler", "--expires", "2026-02-30"]).status == 64)
        #expect(try runPacer(["access", "grant", folder, "scheduler", "--url", "ftp://x"]).status == 64)
        #expect(try runPacer(["access", "grant", folder, "family:S-99"]).status == 1, "unknown student")
        #expect(try StateStore(path: folder + "/" + StateStore.fileName).accessGrants().isEmpty)
    }

    /// An aide's grant works like a teacher's; a mistyped id gets the nearest one, and a teacher's
    /// id named as a supervisor (or an aide's as a teacher) is refused with the way to name them.
    @Test func aSupervisorIsGrantedAndATeacherIsNotOne() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let granted = try runPacer(["access", "grant", folder, "supervisor:A-PARK"])
        #expect(granted.status == 0 && granted.output.contains("access 1 for supervisor:A-PARK"))
        let link = try #require(granted.output.split(separator: "\n").first { $0.contains("/signin?token=") })
        let store = try StateStore(path: folder + "/" + StateStore.fileName)
        #expect(try store.signIn(token: String(link.split(separator: "=").last ?? ""), on: SchoolDate("2026-11-24")!)?.role == .supervisor("A-PARK"))
        #expect(try runPacer(["access", "list", folder, "--date", "2026-11-24"]).output.contains("supervisor:A-PARK\tactive"))

        let typo = try runPacerCapturing(["access", "grant", folder, "supervisor:A-PARKK"])
        #expect(typo.status == 1 && typo.errors.contains("did you mean A-PARK"), "\(typo.errors)")
        let teacher = try runPacerCapturing(["access", "grant", folder, "supervisor:T-OKAFOR"])
        #expect(teacher.status == 1 && teacher.errors.contains("is a teacher, not a supervisor; name them as teacher:T-OKAFOR"), "\(teacher.errors)")
        let aide = try runPacerCapturing(["access", "grant", folder, "teacher:A-PARK"])
        #expect(aide.status == 1 && aide.errors.contains("name them as supervisor:A-PARK"), "\(aide.errors)")
        #expect(try store.accessGrants().count == 1, "nothing more was granted")
    }
}
