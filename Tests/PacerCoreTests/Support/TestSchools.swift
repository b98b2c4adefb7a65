import Foundation
import Testing
@testable import PacerCore

// The school builders the suites share. They stay in this target rather than PacerTestSupport:
// they reach PacerCore's internals (`@testable import`), which only a build for testing allows,
// and `swift build -c release` builds PacerTestSupport as well.

/// Writes a small scenario to a temporary folder and loads it. `body` is the YAML after the
/// calendar; `students` the CSV (header included). The calendar has `days` days of `flex` flex periods.
func school(days: [String] = ["Mon"], flex: Int = 1, _ body: String, students: String) throws -> Scenario {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var yaml = "name: Test\ncalendar:\n  days: [\(days.joined(separator: ", "))]\n  periods:\n"
    for p in 1...flex { yaml += "    - {id: F\(p), start: \"\(10 + p):00\", end: \"\(10 + p):40\", flex: true}\n" }
    yaml += withStudyHall(body)
    try yaml.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
    try students.write(to: dir.appendingPathComponent("students.csv"), atomically: true, encoding: .utf8)
    let reading = ScenarioLoader.read(dir.path)
    let scenario = try #require(reading.scenario, "\(reading.diagnostics)")
    // The hash reads the files; take it while they exist.
    _ = scenario.contentHash
    return scenario
}

/// A test school that says nothing about independent study gets a study hall that hosts no
/// workshops and four aides, so that study never competes with the rule a test is about: the
/// hall is listed first in `rooms:` (flow or block style) and `supervisors:` is added.
func withStudyHall(_ body: String) -> String {
    guard !body.contains("study"), !body.contains("supervisors"), let range = body.range(of: "rooms:") else { return body }
    let hall = "{id: TEST-STUDY-HALL, name: Study hall, capacity: 200, study: true, workshops: false}"
    var yaml = body
    let rest = yaml[range.upperBound...]
    if let bracket = rest.firstIndex(where: { !$0.isWhitespace }), rest[bracket] == "[" {
        yaml.insert(contentsOf: hall + ", ", at: yaml.index(after: bracket))
    } else {
        yaml.insert(contentsOf: "\n  - " + hall, at: range.upperBound)
    }
    if !yaml.hasSuffix("\n") { yaml += "\n" }
    return yaml + "supervisors: [{id: AIDE1}, {id: AIDE2}, {id: AIDE3}, {id: AIDE4}]\n"
}

func planned(_ scenario: Scenario, options: PlanOptions = PlanOptions(timeLimit: 20)) throws -> WeekPlan {
    let plan = try Planner.plan(scenario, options: options).plan
    // Every plan a test makes is verified.
    #expect(PlanVerifier(scenario: scenario).violations(of: plan) == [])
    return plan
}

func rules(_ scenario: Scenario, _ plan: WeekPlan) -> [String] {
    PlanVerifier(scenario: scenario).violations(of: plan).map(\.rule.rawValue)
}

/// A hand-made plan: sessions given as (block, teacher, room, objective, students).
func handMade(_ scenario: Scenario, _ sessions: [(String, String, String, String, [String])]) -> WeekPlan {
    let planned = sessions.map { block, teacher, room, objective, students in
        let b = scenario.calendar.blocks.first { $0.id.rawValue == block }!
        return PlannedSession.make(scenario.objective(ObjectiveID(rawValue: objective))!, teacher: TeacherID(rawValue: teacher),
                                   room: RoomID(rawValue: room), block: b, students: students.map { StudentID(rawValue: $0) })
    }
    let demands = Demand.all(scenario)
    return Planner.assemble(scenario, demands: demands, sessions: planned, options: PlanOptions(), status: .feasible,
                            method: "hand-made", bound: nil, size: nil, candidates: CandidateSet.counts(scenario: scenario, demands: demands))
}

/// A variant of a copy of the tiny school, beside it in a new temporary folder (a variant extends
/// only scenarios in its own folder tree). Returns the tree, to remove, and the variant's folder.
func tinySchoolVariant(_ yaml: String) throws -> (tree: String, variant: String) {
    let tree = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-variant-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: tree + "/variant", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: scenariosFolder + "/tiny-school", toPath: tree + "/tiny-school")
    try ("extends: ../tiny-school\n" + yaml).write(toFile: tree + "/variant/scenario.yaml", atomically: true, encoding: .utf8)
    return (tree, tree + "/variant")
}
