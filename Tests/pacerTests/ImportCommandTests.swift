import Foundation
import PacerTestSupport
import Testing
@testable import PacerCore

/// Runs `pacer` and returns its exit status, standard output and standard error.
func runPacerCapturing(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = try pacerExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: repository)
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

let importFixtures = Checkout.importFixtures

@Suite(.serialized) struct ImportCommandTests {
    /// Import, validate, plan and verify: the README's path for a school coming from FET.
    @Test func fetImportThenPlanAndVerify() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let imported = try runPacerCapturing(["import", "fet", importFixtures + "/fet/small-timetable.fet", "--flex", "auto", "--out", out + "/school"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("read: 5 days, 4 hours, 3 subjects, 3 teachers, 2 rooms, 4 students sets, 30 students, 4 activities, 3 placed activities"))
        #expect(imported.output.contains("1 × ConstraintMinDaysBetweenActivities: a rule for how FET places lessons"))
        #expect(try runPacer(["validate", out + "/school"]).status == 0)
        #expect(try runPacer(["plan", out + "/school", "--out", out + "/plan", "--time-limit", "3", "--quiet"]).status == 0)
        // FET knows two rooms and no aides: independent study cannot seat the 30 students, so the
        // plan lists those with no place, verify reports only that, and validate --deep names the fix.
        let verified = try runPacer(["verify", out + "/school", out + "/plan/plan.json"])
        let violations = verified.output.split(separator: "\n").filter { $0.hasPrefix("violation:") }
        #expect(!violations.isEmpty && violations.allSatisfy { $0.hasPrefix("violation: no-place:") }, "\(verified.output)")
        let deep = try runPacer(["validate", "--deep", out + "/school"])
        #expect(deep.output.contains("independent study cannot hold every present student"), "\(deep.output)")
        #expect(deep.output.contains("smallest change: "))
    }

    @Test func everyXHSTTInstancePlansWithinItsFixedTimetable() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        for name in ["BR-SA-00", "FI-WP-06", "DK-VG-09"] {
            let imported = try runPacerCapturing(["import", "xhstt", importFixtures + "/xhstt/\(name).xml", "--out", "\(out)/\(name)", "--synthetic-objectives", "5"])
            #expect(imported.status == 0, "\(imported.errors)")
            #expect(try runPacer(["plan", "\(out)/\(name)", "--out", "\(out)/\(name)-plan", "--time-limit", "10", "--quiet"]).status == 0)
            let verified = try runPacer(["verify", "\(out)/\(name)", "\(out)/\(name)-plan/plan.json"])
            #expect(verified.status == 0, "\(name): \(verified.output)")
        }
    }

    @Test func oneRosterImportWritesAScenario() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let folder = importFixtures + "/oneroster-1.1"
        let imported = try runPacerCapturing(["import", "oneroster", folder, "--current", folder + "/current.csv", "--out", out])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("imported OneRoster 1.1 export oneroster-1.1: Harbor Middle School"))
        let csv = try String(contentsOfFile: out + "/students.csv", encoding: .utf8)
        // Ava's homeroom is Room 101 with Karen Ortiz: her home base for independent study.
        #expect(csv.hasPrefix("id,name,grade,Mathematics,English,Life_Science,unavailable,home_room,home_adult\r\n100231,Ava Martin,07,Mathematics.3,English.1,,,Room_101,T-1001\r\n"), "\(csv)")
    }

    /// On bad input: the file, line and what is wrong on standard error, exit 1, and nothing written.
    @Test func malformedInputWritesNothing() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let cases: [[String]] = [
            ["import", "fet", importFixtures + "/fet/broken-unknown-teacher.fet", "--flex", "auto", "--out", out],
            ["import", "fet", importFixtures + "/fet/unplaced.fet", "--flex", "auto", "--out", out],
            ["import", "xhstt", importFixtures + "/xhstt/broken-unknown-time.xml", "--out", out],
            ["import", "oneroster", importFixtures + "/oneroster-1.2", "--out", out],
        ]
        for arguments in cases {
            let run = try runPacerCapturing(arguments)
            #expect(run.status == 1)
            #expect(run.errors.contains(": error: "), "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: out))
            let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".importing-") }
            #expect(leftovers.isEmpty)
        }
        let unknownTeacher = try runPacerCapturing(cases[0])
        #expect(unknownTeacher.errors.contains("broken-unknown-teacher.fet:70:"))
        // An existing scenario is never overwritten.
        let again = try runPacerCapturing(["import", "oneroster", importFixtures + "/oneroster-1.1", "--out", repository + "/scenarios/tiny-school"])
        #expect(again.status == 1)
        #expect(again.errors.contains("already exists and is not empty"))
    }

    /// The workshop timetable as a FET file: FET's own command line reads it and keeps every
    /// activity at the day, hour and room Pacer gave it.
    @Test func fetExportIsAcceptedByFETWithEveryActivityInPlace() throws {
        let fet = try #require(["/usr/bin/fet-cl", "/usr/local/bin/fet-cl"].first { FileManager.default.isExecutableFile(atPath: $0) },
                               "fet-cl is missing: scripts/setup installs Debian's fet package")
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try runPacer(["plan", "scenarios/tiny-school", "--out", out + "/plan", "--quiet"]).status == 0)
        let exported = try runPacer(["export", "scenarios/tiny-school", out + "/plan/plan.json", "--format", "fet", "--out", out + "/fet-in"])
        #expect(exported.status == 0)
        try FileManager.default.moveItem(atPath: out + "/fet-in/workshops.fet", toPath: out + "/tiny.fet")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fet)
        process.arguments = ["--inputfile=\(out)/tiny.fet", "--outputdir=\(out)/fet", "--timelimitseconds=60"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = try String(contentsOfFile: out + "/fet/logs/result.txt", encoding: .utf8)
        #expect(result.contains("Simulation successful"))

        let plan = try PlanFile.read(out + "/plan/plan.json")
        let scenario = try ScenarioLoader.load(repository + "/scenarios/tiny-school")
        let placed = try MarkupTree.read(out + "/fet/timetables/tiny/tiny_activities.xml").children("Activity")
        #expect(placed.count == plan.sessions.count)
        for (n, session) in plan.sessions.enumerated() {
            let activity = try #require(placed.first { $0.text(of: "Id") == String(n + 1) })
            let block = try #require(scenario.calendar.block(session.block))
            #expect(activity.text(of: "Day") == block.day.rawValue)
            #expect(activity.text(of: "Hour") == block.period.rawValue)
            #expect(activity.text(of: "Room") == scenario.rooms.first { $0.id == session.room }?.name)
        }
    }
}
