import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Back up the scenario's state into a folder, or check a backup (--check FILE).",
            discussion: """
                Writes OUT/pacer-state-YYYY-MM-DDTHHMMSSZ.sqlite (the time in UTC): a consistent \
                copy of pacer-state.sqlite made with SQLite's online backup, safe while pacer serve \
                or pacer record write, and checked after writing. An existing file is never \
                overwritten. It prints the backup's path and what it holds.

                pacer backup --check FILE checks a backup (or any state file) the way every command \
                checks the state before writing to it, and says what it holds; the exit status is 1, \
                with the problem, when it fails. pacer restore SCENARIO BACKUP puts a backup back.
                """
        )
        @Argument(help: "The scenario whose state to back up.") var scenario: String?
        @Option(help: "Folder to write the backup into (made if missing).") var out: String?
        @Option(help: ArgumentHelp("Check this backup or state file instead of making one.", valueName: "file")) var check: String?

        func validate() throws {
            if check != nil {
                if scenario != nil || out != nil {
                    throw ValidationError("--check FILE takes no scenario and no --out; pacer backup SCENARIO --out DIR makes a backup")
                }
            } else if scenario == nil {
                throw ValidationError("name the scenario to back up (pacer backup SCENARIO --out DIR), or a file to check (--check FILE)")
            } else if out == nil {
                throw ValidationError("--out DIR is missing: the folder to write the backup into")
            }
        }

        func run() throws {
            if let check {
                guard FileManager.default.fileExists(atPath: check) else { throw CommandFailure("\(check): no such file") }
                do {
                    print("\(check): ok; \(try StateFileCheck.check(check).summary)")
                } catch let StateError.badStateFile(_, problem) {
                    throw CommandFailure("\(check) \(problem)")
                }
                return
            }
            guard let scenario, let out else { throw ExitCode.validationFailure }
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            let store = try StateStore.existing(for: loaded)
            let folder = try OutputFolder(out)  // made if missing; a file in its place is refused
            let (path, contents) = try store.backup(into: folder.path)
            print("wrote \(path): \(contents.summary)")
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a backup back as the scenario's state; the file it replaces is kept aside.",
            discussion: """
                Stop pacer serve first, and let no other pacer command run on the scenario: a \
                program that has the state open would go on writing into the file moved aside.

                BACKUP (a file pacer backup wrote) is checked first, and a bad one is refused with \
                nothing changed. Then pacer-state.sqlite and its -wal and -shm files are moved aside \
                as pacer-state.sqlite.replaced-YYYY-MM-DDTHHMMSSZ (-wal, -shm): never deleted, so a \
                damaged state stays there to inspect. Then BACKUP is copied in. It works when the \
                state is damaged or missing. What was recorded after the backup was made is not in \
                it: record those checks again.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "The backup file to restore (pacer-state-….sqlite).") var backup: String

        func run() throws {
            let loaded = try loadScenario(scenario)
            guard FileManager.default.fileExists(atPath: backup) else { throw CommandFailure("\(backup): no such file; pacer backup writes backups") }
            let restore = try StateStore.restore(backup: backup, to: StateStore.path(for: loaded))
            for move in restore.setAside { print("moved \(move.from) aside to \(move.to)") }
            if restore.setAside.isEmpty { print("there was no state to move aside") }
            print("restored \(backup) as \(restore.statePath): \(restore.contents.summary)")
            print("every portal session ended: people sign in again with their links")
            if restore.replacedWasRead {
                if restore.revocationsKept > 0 { print("\(restore.revocationsKept) access grant(s) revoked after the backup was made stay revoked") }
            } else if !restore.setAside.isEmpty {
                print("note: the replaced state could not be read, so grants revoked after the backup was made are active again; pacer access list shows them, pacer access revoke ID ends one")
            }
            print("checks, absences and grants recorded after the backup was made are not in the restored state; the replaced file keeps them")
        }
    }
}
