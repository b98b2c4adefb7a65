import Foundation
import PacerCore
import Testing
@testable import pacer

/// `pacer forecast` from the term's state or students.csv, and the options it refuses.
@Suite struct ForecastCommandTests {
    @Test func optionsItCannotTakeAreRefused() {
        let base = ["forecast", "s", "--out", "o"]
        for (arguments, message) in [
            (["--date", "2026-13-40"], "--date must be a date written YYYY-MM-DD, got '2026-13-40'"),
            (["--date", "monday"], "--date must be a date written YYYY-MM-DD, got 'monday'"),
            (["--weeks", "2", "--check-planning", "3"], "--check-planning must be a whole number from 0 to 2, got 3"),
            (["--weeks", "1", "--check-planning", "52"], "--check-planning must be a whole number from 0 to 1, got 52"),
            (["--time-limit", "0"], "--time-limit must be a number of seconds above 0"),
            (["--time-limit", "nan"], "'nan' is not a number: write it in decimal"),
        ] {
            let said = PacerCommand.message(for: ValidationErrorCatcher.error(base + arguments))
            #expect(said.contains(message), "\(arguments): \(said)")
        }
    }

    /// With a state the forecast starts from it and says so; `--date` must suit the state; without
    /// a state `--from-state` is refused and the forecast says it starts from students.csv.
    @Test func startsFromTheStateWhenThereIsOneAndSaysSo() throws {
        let folder = try tinySchoolWithState()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let fromState = try runPacer(["forecast", folder, "--weeks", "1", "--runs", "1", "--out", out])
        #expect(fromState.status == 0, "\(fromState.output)")
        #expect(fromState.output.contains("Started from the term's state, in the week of 2026-11-23 (no mastery check recorded yet)"), "\(fromState.output)")
        #expect(try String(contentsOfFile: out + "/forecast.html", encoding: .utf8).contains("Started from the term's state, in the week of 2026-11-23"))

        let tuesday = try runPacerCapturing(["forecast", folder, "--date", "2026-11-24", "--out", out])
        #expect(tuesday.status != 0)
        #expect(tuesday.errors.contains("--date 2026-11-24 is a Tuesday; the week starts on the calendar's first day (Mon): that week's is 2026-11-23"), "\(tuesday.errors)")

        let plain = temporaryFolder()
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: plain)
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let noState = try runPacerCapturing(["forecast", plain, "--from-state", "--out", out])
        #expect(noState.status != 0)
        #expect(noState.errors.contains("has no state to start from (pacer init starts the term)"), "\(noState.errors)")
        let fresh = try runPacer(["forecast", plain, "--weeks", "1", "--runs", "1", "--out", out])
        #expect(fresh.status == 0, "\(fresh.output)")
        #expect(fresh.output.contains("Started from students.csv, where the term starts (not from a running term)"), "\(fresh.output)")
    }
}
