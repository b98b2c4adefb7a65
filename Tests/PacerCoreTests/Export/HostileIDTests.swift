import Foundation
import Testing
@testable import PacerCore

/// Ids that try to write outside `--out`: refused when a scenario is read, and, independently,
/// harmless when an exporter names files after them (defence in depth: either guard alone holds).
@Suite struct HostileIDTests {
    static let hostile = [
        "../../../../PWNED", "/tmp/pacer-probe-PWNED", "..", ".", ".hidden", "a\\..\\..\\b", "C:\\PWNED",
        "x/../../../PWNED", "NUL\u{0}byte", String(repeating: "L", count: 10_000), "-rf", "名前",
    ]

    /// A copy of the tiny school with the first student's id replaced in students.csv.
    func schoolWithStudentID(_ id: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-ids-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: scenariosFolder + "/tiny-school", toPath: folder)
        let path = folder + "/students.csv"
        let quoted = "\"" + id.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\nS-01,", with: "\n\(quoted),")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return folder
    }

    @Test(arguments: hostile.indices)  // by index, so a 10,000-character id is not printed
    func aHostileStudentIDIsAnErrorAtItsCell(index: Int) throws {
        let id = Self.hostile[index]
        let folder = try schoolWithStudentID(id)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reading = ScenarioLoader.read(folder)
        #expect(reading.scenario == nil)
        let error = try #require(reading.errors.first)
        #expect(error.location.file.hasSuffix("students.csv") && error.location.line == 2 && error.location.column <= 2, "\(error.location)")
        #expect(error.message.hasPrefix("invalid id"), "\(error.message.prefix(200))")
    }

    @Test func teacherAndRoomIDsFollowTheSameRule() throws {
        let folder = try schoolWithStudentID("S-01")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
        let teacher = try #require(yaml.range(of: "T-CHEN"))
        let broken = yaml.replacingCharacters(in: teacher, with: "../T-CHEN")
        try broken.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let messages = ScenarioLoader.read(folder).errors.map(\.message)
        #expect(messages.contains { $0.hasPrefix("invalid id '../T-CHEN': an id holds only ASCII letters, digits") }, "\(messages)")
    }

    @Test func idsThatDifferOnlyByCaseAreOneIDTwice() throws {
        let folder = try schoolWithStudentID("s-02")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let errors = ScenarioLoader.read(folder).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("student id 'S-02' differs from 's-02'") == true, "\(errors)")
    }

    /// A supervisor's id shares the teachers' namespace, case folded too: `t-chen` beside teacher
    /// `T-CHEN` would make supervision-T-CHEN.html and supervision-t-chen.html, which export refuses.
    @Test func aSupervisorIDThatDiffersFromATeachersOnlyByCaseIsAnError() throws {
        let folder = try schoolWithStudentID("S-01")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
        let line = try #require(yaml.range(of: "supervisors:\n"))
        let broken = yaml.replacingCharacters(in: line, with: "supervisors:\n  - {id: t-chen, name: Aide}\n")
        try broken.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let errors = ScenarioLoader.read(folder).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("supervisor id 't-chen' differs from teacher 'T-CHEN'") == true, "\(errors)")
    }

    /// Every exporter, handed a plan whose ids are hostile (as if the loader had let them through),
    /// writes only inside its folder.
    @Test(arguments: [("html", HTMLExporter() as PlanExporter), ("csv", CSVExporter()), ("ics", ICalendarExporter()),
                      ("json", JSONExporter()), ("fet", FETExporter())])
    func exportersWriteOnlyInsideTheirFolder(format: String, exporter: PlanExporter) throws {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-sandbox-\(UUID().uuidString)").path
        let out = sandbox + "/a/b/c/out"
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let probe = "/tmp/pacer-probe-PWNED"
        try? FileManager.default.removeItem(atPath: probe + ".html")
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        var json = try PlanFile.encode(try PlanFile.read(golden + "/plan.json"))
        // Students, a teacher and a room renamed to hostile ids (JSON-escaped).
        let renames = [("\"S-01\"", Self.hostile[0]), ("\"S-02\"", probe), ("\"S-03\"", ".."), ("\"S-04\"", ".hidden"),
                       ("\"S-05\"", "NUL\u{0}byte"), ("\"S-06\"", String(repeating: "L", count: 10_000)), ("\"S-07\"", "x/../../../PWNED"),
                       ("\"T-CHEN\"", "../../T"), ("\"R101\"", "/tmp/pacer-probe-ROOM")]
        for (from, to) in renames {
            let encoded = String(decoding: try JSONEncoder().encode(to), as: UTF8.self)
            json = json.replacingOccurrences(of: from, with: encoded)
        }
        let planPath = sandbox + "/plan.json"
        try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
        try json.write(toFile: planPath, atomically: true, encoding: .utf8)
        let plan = try PlanFile.read(planPath)
        #expect(plan.sessions.contains { $0.students.contains(StudentID(rawValue: Self.hostile[0])) })
        let files = try exporter.write(ExportContext(scenario: scenario, plan: plan, weekOf: SchoolDate("2026-11-23")), to: out)
        #expect(!files.isEmpty)
        let everything = try FileManager.default.subpathsOfDirectory(atPath: sandbox)
        let outside = everything.filter { !$0.hasPrefix("a/b/c/out/") && !["a", "a/b", "a/b/c", "a/b/c/out", "plan.json"].contains($0) }
        #expect(outside.isEmpty, "\(format) wrote outside --out: \(outside)")
        #expect(!FileManager.default.fileExists(atPath: probe + ".html") && !FileManager.default.fileExists(atPath: probe + ".ics"))
        for file in files {
            #expect(!file.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.hasPrefix(".") }, "\(file)")
            #expect(file.utf8.count < 255)
        }
    }
}
