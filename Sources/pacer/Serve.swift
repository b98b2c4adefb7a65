import ArgumentParser
import Foundation
import Hummingbird
import PacerCore
import PacerPortal

extension PacerCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the portal over the scenario's state: teachers record checks, families follow their child.",
            discussion: """
                People sign in with links from pacer access grant. The server listens on 127.0.0.1 \
                unless --host says otherwise; to reach it from other machines, put it behind a \
                reverse proxy that adds TLS (see the README).
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 8080
        @Option(help: "Treat this date as today, YYYY-MM-DD (demos and tests).") var date: String?
        @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds the scheduler's regroup and week plans may take.", transform: NumericOption.decimal) var timeLimit: Double = PlanOptions.defaultTimeLimit
        @Option(parsing: .unconditional, help: SearchHelp.work, transform: NumericOption.decimal) var work: Double?
        @Option(name: .customLong("write-wait"),
                help: ArgumentHelp("Seconds a request waits for another command's write to the state (pacer record beside the portal) before it is answered 503 with Retry-After.",
                                   valueName: "seconds"), transform: NumericOption.decimal)
        var writeWait: Double = 10
        @Option(name: .customLong("idle-timeout"),
                help: ArgumentHelp("Seconds a connection may stay idle, or take to send a request's head, before it is closed.", valueName: "seconds"),
                transform: NumericOption.decimal)
        var idleTimeout: Double = Double(Portal.idleTimeout)

        func validate() throws {
            if !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535, got \(port)") }
            try NumericOption.seconds(timeLimit, "--time-limit")
            if let work { try NumericOption.seconds(work, "--work") }
            try NumericOption.seconds(writeWait, "--write-wait")
            try NumericOption.seconds(idleTimeout, "--idle-timeout")
            if let date, SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
        }

        func run() async throws {
            let loaded = try loadScenario(scenario)
            let store = try StateStore.existing(for: loaded, busyTimeout: writeWait)
            if !["127.0.0.1", "localhost", "::1"].contains(host) {
                Terminal.error("warning: listening on \(host) without TLS; sign-in links and cookies cross the network in clear. Put a reverse proxy with TLS in front (README).")
            }
            let portal = Portal(scenario: loaded, store: store, date: date.flatMap(SchoolDate.init), planSeconds: timeLimit, planWork: work)
            print("serving \(loaded.name) on http://\(host):\(port) (pacer access grant makes sign-in links)")
            try await portal.application(host: host, port: port, idleTimeout: idleTimeout).runService()
        }
    }
}
