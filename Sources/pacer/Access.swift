import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Access: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grant, list and revoke sign-in links to the portal (pacer serve).",
            discussion: """
                A link carries a random token of 256 bits; the state keeps only its SHA-256, so \
                the link is printed once and cannot be shown again (grant a new one if it is lost). \
                Roles: scheduler (everything), teacher:ID (their own sessions and students), \
                supervisor:ID (an aide's or coach's study groups: marks absences, no checks), \
                family:STUDENT (that student only).
                """,
            subcommands: [Grant.self, List.self, Revoke.self]
        )
    }
}

extension PacerCommand.Access {
    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant a role a sign-in link and print it (once).")
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "scheduler, teacher:ID, supervisor:ID or family:STUDENT.") var role: String
        @Option(help: "The last date the link works, YYYY-MM-DD (default: no end).") var expires: String?
        @Option(help: "Where the portal is reached, for the printed link.") var url = "http://127.0.0.1:8080"

        func validate() throws {
            if AccessRole(role) == nil { throw ValidationError("the role is scheduler, teacher:ID, supervisor:ID or family:STUDENT, got '\(role)'") }
            if let expires, SchoolDate(expires) == nil { throw ValidationError("--expires must be a date written YYYY-MM-DD, got '\(expires)'") }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw ValidationError("--url must be an http or https address, got '\(url)'")
            }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            guard let role = AccessRole(role).map({ typedRole($0, in: loaded) }) else { throw ExitCode.failure }
            if let problem = role.problem(in: loaded) { throw CommandFailure("\(role): \(problem)") }
            let expiry = expires.flatMap(SchoolDate.init)
            let (grant, token) = try StateStore.existing(for: loaded).grantAccess(role, expires: expiry)
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            print("access \(grant.id) for \(role)" + (expiry.map { ", until \($0)" } ?? ", no end date"))
            print("\(base)/signin?token=\(token.text)")
            if case .family = role { print("calendar feed (opens only the calendar): \(base)/calendar.ics?key=\(token.calendarKey.text)") }
            print("the link is shown only now; pacer access revoke \(scenario) \(grant.id) ends it")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the grants (never their tokens).")
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "Judge expiry on this date, YYYY-MM-DD (default: today).") var date: String?

        func validate() throws {
            if let date, SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let today = date.flatMap(SchoolDate.init) ?? .today()
            let grants = try StateStore.existing(for: loaded).accessGrants()
            if grants.isEmpty { print("no access granted yet; pacer access grant makes a link") }
            for g in grants {
                let state = g.revokedAt.map { "revoked \($0)" } ?? (g.isValid(on: today) ? "active" : "expired")
                print("\(g.id)\t\(g.role)\t\(state)\tcreated \(g.createdAt)\t" + (g.expires.map { "until \($0)" } ?? "no end date"))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke grants: their links stop working at once.")
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "The grant ids (pacer access list shows them).") var ids: [Int64]

        func validate() throws {
            if ids.isEmpty { throw ValidationError("name at least one grant id; pacer access list shows them") }
        }

        func run() throws {
            let store = try StateStore.existing(for: try loadScenario(scenario))
            for id in ids {
                do {
                    try store.revokeAccess(id)
                    print("access \(id) revoked")
                } catch let error as AccessError {
                    throw CommandFailure(error.description)
                }
            }
        }
    }
}
