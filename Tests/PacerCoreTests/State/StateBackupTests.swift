import Foundation
import Testing
@testable import PacerCore

@Suite struct StateBackupTests {
    @Test func aBackupIsOneCheckedFileAndNeverOverwritten() throws {
        let (folder, scenario, path) = try recordedTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/backups"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let moment = Date(timeIntervalSince1970: 1_795_521_600)  // 2026-11-24 12:00:00 UTC
        let store = try StateStore.existing(for: scenario)
        let (backup, contents) = try store.backup(into: out, at: moment)
        #expect(backup == out + "/pacer-state-2026-11-24T120000Z.sqlite")
        #expect(contents.checks == 3 && contents.students == 30 && contents.lastCheck == "2026-11-24")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["pacer-state-2026-11-24T120000Z.sqlite"],
                "one file in rollback-journal mode: no -wal or -shm beside it, not even after its check")
        let written = bytes(backup)
        #expect(throws: StateError.backupExists(backup)) { _ = try store.backup(into: out, at: moment) }
        #expect(bytes(backup) == written)
        #expect(try StateFileCheck.check(path) == StateFileCheck.check(path), "the state is still sound")
    }

    @Test func restoreKeepsADamagedStateAsideAndRefusesABadBackup() throws {
        let (folder, scenario, path) = try recordedTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/backups", withIntermediateDirectories: true)
        let (backup, _) = try StateStore.existing(for: scenario).backup(into: folder + "/backups")
        let damaged = Data(repeating: 7, count: 4096)
        try damaged.write(to: URL(fileURLWithPath: path))

        let empty = folder + "/empty.sqlite"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: StateError.badBackup(path: empty, problem: .empty)) {
            _ = try StateStore.restore(backup: empty, to: path)
        }
        #expect(bytes(path) == damaged, "a bad backup touches nothing")

        let moment = Date(timeIntervalSince1970: 1_795_521_600)
        let restored = try StateStore.restore(backup: backup, to: path, at: moment)
        let aside = path + ".replaced-2026-11-24T120000Z"
        #expect(restored.setAside.map(\.to) == [aside])
        #expect(bytes(aside) == damaged, "the damaged file is kept for inspection")
        #expect(restored.contents.checks == 3)
        #expect(try StateStore.existing(for: scenario).count("mastery_check") == 3)
        #expect(throws: StateError.restoreFromItself(path)) { _ = try StateStore.restore(backup: path, to: path) }
    }

    /// A restore does not let a link revoked after the backup back in, and ends every session.
    @Test func restoreKeepsLaterRevocationsAndEndsSessions() throws {
        let (folder, scenario, path) = try recordedTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/backups", withIntermediateDirectories: true)
        let store = try StateStore.existing(for: scenario)
        let (grant, token) = try store.grantAccess(.teacher("T-OKAFOR"))
        let session = try store.openSession(for: grant, calendarKey: token.calendarKey.text)
        let (backup, _) = try store.backup(into: folder + "/backups")
        try store.revokeAccess(grant.id)

        let restored = try StateStore.restore(backup: backup, to: path)
        #expect(restored.replacedWasRead && restored.revocationsKept == 1)
        let after = try StateStore.existing(for: scenario)
        #expect(try after.accessGrant(grant.id)?.revokedAt != nil, "revoked after the backup, still revoked")
        #expect(try after.signIn(token: token.text, on: SchoolDate("2026-11-24")!) == nil)
        #expect(try after.session(session.id, on: SchoolDate("2026-11-24")!) == nil)
        #expect(try after.openSessionCount() == 0)
    }
}
