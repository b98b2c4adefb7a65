import ArgumentParser
import Foundation
import PacerCore
import Testing
@testable import pacer

/// Every numeric option of every command, at the values that used to trap or hang: each is a
/// clear error (or, for a seed, any value a UInt64 holds is fine).
@Suite struct NumericOptionTests {
    static let hostile = ["0", "-1", "nan", "NaN", "inf", "-inf", "1e300", "1e16", "9223372036854775807", "9223372036854775808", "18446744073709551616"]

    /// Each command with its other arguments, and the numeric options it takes.
    static let commands: [(arguments: [String], options: [String])] = [
        (["plan", "s", "--out", "o"], ["--time-limit", "--gap", "--node-limit", "--work"]),
        (["serve", "s"], ["--time-limit", "--work", "--write-wait", "--idle-timeout"]),
        (["validate", "s"], ["--time-limit"]),
        (["regroup", "s", "--date", "2026-11-24", "--out", "o"], ["--time-limit", "--node-limit"]),
        (["compare", "a", "b", "--out", "o"], ["--time-limit", "--node-limit", "--forecast-weeks", "--runs"]),
        (["forecast", "s", "--out", "o"], ["--weeks", "--runs", "--time-limit"]),
        (["generate", "--out", "o"], ["--students"]),
        (["import", "fet", "f.fet", "--flex", "auto", "--out", "o"], ["--objectives-per-subject", "--students-per-group", "--room-capacity"]),
        (["import", "oneroster", "folder", "--out", "o"], ["--flex-periods", "--objectives-per-subject"]),
        (["import", "xhstt", "x.xml", "--out", "o"], ["--students-per-group", "--room-capacity"]),
    ]

    @Test(arguments: commands.indices)
    func numericOptionsRefuseWhatTheyCannotTake(index: Int) {
        let (arguments, options) = Self.commands[index]
        for option in options {
            for value in Self.hostile where !(option == "--gap" && value == "0") {  // a gap of 0 proves optimality
                #expect(throws: (any Error).self, "\(arguments[0]) \(option) \(value)") {
                    _ = try PacerCommand.parseAsRoot(arguments + [option, value])
                }
            }
        }
    }

    @Test func errorsSayWhatIsAllowed() {
        let message = PacerCommand.message(for: ValidationErrorCatcher.error(["plan", "s", "--out", "o", "--time-limit", "1e16"]))
        #expect(message.contains("--time-limit must be a number of seconds above 0 and at most 604800 (a week), got 1e+16"), "\(message)")
        let nodes = PacerCommand.message(for: ValidationErrorCatcher.error(["plan", "s", "--out", "o", "--node-limit", "9223372036854775807"]))
        #expect(nodes.contains("--node-limit must be a whole number from 1 to 1000000000"), "\(nodes)")
        // A negative number is the option's value, not another option (it used to say "Missing value").
        for arguments in [["plan", "s", "--out", "o", "--work", "-1"], ["compare", "a", "b", "--out", "o", "--time-limit", "-1"],
                          ["regroup", "s", "--date", "2026-11-24", "--out", "o", "--work", "-5"]] {
            let message = PacerCommand.message(for: ValidationErrorCatcher.error(arguments))
            #expect(message.contains("must be a number of seconds above 0") && !message.contains("Missing value"), "\(message)")
        }
    }

    /// Seconds and fractions are read in decimal only: Swift would read `0x10` as 16 and take `inf`.
    @Test func secondsAreDecimal() throws {
        for value in ["0x10", "0X1p4", "inf", "nan", "1,5", "ten", "", " 5"] {
            let message = PacerCommand.message(for: ValidationErrorCatcher.error(["plan", "s", "--out", "o", "--work", value]))
            #expect(message.contains("is not a number: write it in decimal") || message.contains("must be a number of seconds"), "\(value): \(message)")
        }
        for value in ["60", "2.5", "1e1", ".5", "+3"] {
            let plan = try #require(try PacerCommand.parseAsRoot(["plan", "s", "--out", "o", "--work", value, "--time-limit", value]) as? PacerCommand.Plan)
            #expect(plan.work == Double(value) && plan.timeLimit == Double(value))
        }
        // The portal's plans take --work as pacer plan does.
        let serve = try #require(try PacerCommand.parseAsRoot(["serve", "s", "--work", "5"]) as? PacerCommand.Serve)
        #expect(serve.work == 5)
    }

    @Test func seedsTakeEveryUInt64AndNothingElse() throws {
        for value in ["0", "18446744073709551615"] {
            _ = try PacerCommand.parseAsRoot(["plan", "s", "--out", "o", "--seed", value])
            _ = try PacerCommand.parseAsRoot(["forecast", "s", "--out", "o", "--seed", value])
            _ = try PacerCommand.parseAsRoot(["generate", "--out", "o", "--students", "5", "--seed", value])
            _ = try PacerCommand.parseAsRoot(["import", "fet", "f.fet", "--flex", "auto", "--out", "o", "--synthetic-objectives", value])
        }
        for value in ["-1", "nan", "18446744073709551616", "1e3"] {
            #expect(throws: (any Error).self) { _ = try PacerCommand.parseAsRoot(["plan", "s", "--out", "o", "--seed", value]) }
        }
    }

    /// The trap of the issue: the whole command, run as a user would, ends with an error message.
    @Test func aHugeTimeLimitIsAClearErrorNotATrap() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, _, errors) = try runPacerCapturing(["plan", "scenarios/tiny-school", "--out", out, "--time-limit", "1e16"])
        #expect(status == 64, "a usage error, not a signal (132 was the trap)")
        #expect(errors.contains("--time-limit must be a number of seconds"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// The library holds too: a deadline beyond a week is cut to a week instead of trapping.
    @Test func thePlannerCutsAHugeTimeLimitToAWeek() throws {
        let scenario = try ScenarioLoader.load(repository + "/scenarios/tiny-school")
        let result = try Planner.plan(scenario, options: PlanOptions(timeLimit: 1e300, nodeLimit: 5))
        #expect(!result.plan.sessions.isEmpty)
        let nan = try Planner.plan(scenario, options: PlanOptions(timeLimit: .nan, nodeLimit: 5))
        #expect(nan.plan.header.status == .timeLimit || nan.plan.header.status == .feasible)
    }
}

/// The error `parseAsRoot` throws for `arguments`.
enum ValidationErrorCatcher {
    static func error(_ arguments: [String]) -> Error {
        do {
            _ = try PacerCommand.parseAsRoot(arguments)
            return CleanExit.message("no error")
        } catch {
            return error
        }
    }
}

@Suite struct ModelSizeCommandTests {
    /// A 2,000-student school's whole-week model (about 199 million columns) is refused at once,
    /// with its size and what to do, and nothing is written.
    @Test func aModelTooLargeToWriteIsRefusedBeforeItIsBuilt() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runPacer(["generate", "--students", "2000", "--seed", "7", "--out", folder + "/g2000"]).status == 0)
        let (status, output, errors) = try runPacerCapturing(["model", folder + "/g2000", "--out", folder, "--format", "mps"])
        #expect(status == 1, "\(output)")
        #expect(errors.contains("would have 199,346,016 columns"), "\(errors)")
        #expect(errors.contains("Pacer writes at most 20,000,000") && errors.contains("block models"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/model.mps"))
    }
}
