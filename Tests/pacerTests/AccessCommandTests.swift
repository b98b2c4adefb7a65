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
}
