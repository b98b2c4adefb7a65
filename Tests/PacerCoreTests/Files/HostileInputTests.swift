import Foundation
import Testing
@testable import PacerCore

/// Inputs built to exhaust the reader end in a diagnostic, not a crash or a hang.
@Suite struct HostileInputTests {
    func parse(_ yaml: String) -> [String] {
        let log = DiagnosticLog()
        _ = YAMLReading.parse(yaml, file: "h.yaml", log: log)
        return log.sorted.map(\.description)
    }

    @Test func anAliasBombIsStoppedAtTheNodeLimit() {
        // Nine levels of ten aliases each would expand to 10^9 values.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let diagnostics = parse(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("expands to more than 2000000 values") == true)
    }

    @Test func deepNestingIsRefused() {
        let yaml = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(parse(yaml).first?.contains("nests deeper than 64 levels") == true)
    }

    @Test func aMissingScenarioSaysWhatWasExpected() {
        let reading = ScenarioLoader.read("/nonexistent/school")
        #expect(reading.diagnostics.map(\.description) == [
            "/nonexistent/school:1:1: error: no scenario here: expected a folder holding scenario.yaml, or a YAML file",
        ])
    }

    @Test func controlCharactersInIDsAreRefusedAndEscapedInMessages() {
        let log = DiagnosticLog()
        let ok = Fields.checkIdentifier(Located(value: "T-\u{1B}[31mRED", location: .start(of: "x")), log: log)
        #expect(!ok)
        #expect(log.sorted.first?.message == "invalid id 'T-\\u{1b}[31mRED': an id cannot contain control characters")
    }
}

/// Broken and hostile files built at test time (too large or too odd to commit).
@Suite struct HostileFileTests {
    func folder(_ yaml: String, _ csv: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: dir + "/scenario.yaml"))
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/students.csv"))
        return dir
    }

    func tiny() throws -> (String, String) {
        (try String(contentsOfFile: scenariosFolder + "/tiny-school/scenario.yaml", encoding: .utf8),
         try String(contentsOfFile: scenariosFolder + "/tiny-school/students.csv", encoding: .utf8))
    }

    @Test func byteOrderMarksAndCRLFAreAccepted() throws {
        let (yaml, csv) = try tiny()
        let dir = try folder("\u{FEFF}" + yaml.replacingOccurrences(of: "\n", with: "\r\n"),
                             "\u{FEFF}" + csv.replacingOccurrences(of: "\n", with: "\r\n"))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reading = ScenarioLoader.read(dir)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        #expect(reading.scenario?.students.count == 30)
        #expect(reading.scenario?.students.first?.id == "S-01", "the BOM is not part of the first header")
    }

    @Test func aFileOverTheSizeLimitIsRefusedQuickly() throws {
        let (yaml, _) = try tiny()
        let dir = try folder(yaml, "id,name,MATH\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // One 100 MB line.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/students.csv"))
        try handle.seekToEnd()
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: chunk) }
        try handle.close()
        let started = Date()
        let reading = ScenarioLoader.read(dir)
        #expect(reading.errors.map(\.message) == ["file is larger than the limit of 64 MiB"])
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test(arguments: [
        ("session: .nan", "'session' of policy must be a finite number, got '.nan'"),
        ("session: nan", "'session' of policy must be a finite number, got 'nan'"),
        ("unmet_workshop: 1e400", "'unmet_workshop' of policy must be a finite number, got '1e400'"),
        ("unmet_workshop: -5", "'unmet_workshop' of policy must be between 0.0 and 1000000.0, got -5"),
    ])
    func policyNumbersOutOfRangeAreErrors(line: String, message: String) throws {
        let (yaml, csv) = try tiny()
        let dir = try folder(yaml.replacingOccurrences(of: "  session: 20", with: "  " + line).replacingOccurrences(of: "  unmet_workshop: 100\n", with: line.hasPrefix("unmet") ? "" : "  unmet_workshop: 100\n"), csv)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(ScenarioLoader.read(dir).errors.map(\.message) == [message])
    }

    @Test func hugeWholeNumbersAreErrors() throws {
        let (yaml, csv) = try tiny()
        let dir = try folder(yaml.replacingOccurrences(of: "capacity: 8,", with: "capacity: 99999999999999999999,"), csv)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(ScenarioLoader.read(dir).errors.map(\.message) == ["'capacity' of room must be a whole number, got '99999999999999999999'"])
    }

    /// A quoted field may span lines; a name is one line (`PersonText`), so the break is a space.
    @Test func quotedLineBreaksInNamesAreReadAsOneSpace() throws {
        let (yaml, csv) = try tiny()
        let dir = try folder(yaml, csv.replacingOccurrences(of: "S-01,Ava Martin,", with: "S-01,\"Ava\nMartin, \"\"the first\"\"\","))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = try ScenarioLoader.load(dir)
        #expect(scenario.students.first?.name == "Ava Martin, \"the first\"")
        #expect(scenario.students.count == 30)
    }

    /// The trust boundary (docs/scenario-format.md): the folder that holds the scenario's folder.
    /// The test builds that whole tree itself, in a folder of its own, so it holds wherever the
    /// repository is cloned (under the system's temporary folder too).
    @Test func extendsAndStudentsCannotReachOutsideTheScenarioTree() throws {
        let (yaml, csv) = try tiny()
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-tree-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let base = tree + "/base", sibling = tree + "/variant", outside = tree + "-outside"
        for dir in [base, sibling, outside] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: base + "/scenario.yaml"))
        try Data(csv.utf8).write(to: URL(fileURLWithPath: base + "/students.csv"))
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: outside + "/scenario.yaml"))
        try Data(csv.utf8).write(to: URL(fileURLWithPath: outside + "/students.csv"))
        // A sibling in the same tree is fine; /etc, an absolute path elsewhere and a scenario right
        // beside the tree (a prefix of its name is not inside it) are not.
        try "extends: ../base\n".write(toFile: sibling + "/scenario.yaml", atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.read(sibling).scenario != nil)
        for extends in ["../../../../../../etc", "/etc/passwd", outside, "../../\(URL(fileURLWithPath: outside).lastPathComponent)"] {
            try "extends: \(extends)\n".write(toFile: sibling + "/scenario.yaml", atomically: true, encoding: .utf8)
            let messages = ScenarioLoader.read(sibling).errors.map(\.message)
            #expect(messages.count == 1)
            #expect(messages.first?.hasPrefix("'extends' reaches outside the scenario's folder tree") == true, "\(extends): \(messages)")
        }
        for students in ["../../../../../etc/passwd", outside + "/students.csv"] {
            try "extends: ../base\nstudents: \(students)\n".write(toFile: sibling + "/scenario.yaml", atomically: true, encoding: .utf8)
            #expect(ScenarioLoader.read(sibling).errors.first?.message.contains("is outside the scenario's folder tree") == true, "\(students)")
        }
        // A symbolic link inside the tree that points out of it is judged by where it leads.
        try FileManager.default.createSymbolicLink(atPath: tree + "/link", withDestinationPath: outside)
        try "extends: ../link\n".write(toFile: sibling + "/scenario.yaml", atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.read(sibling).errors.first?.message.hasPrefix("'extends' reaches outside") == true)
    }

    @Test func hugeCountsAreRefusedAtTheirLimit() throws {
        let (yaml, _) = try tiny()
        // 65 days, 5,001 rooms, 100,001 students: each an error at the first item over the limit.
        let days = (1...65).map { "D\($0)" }.joined(separator: ", ")
        var big = yaml.replacingOccurrences(of: "days: [Mon, Tue, Wed, Thu, Fri]", with: "days: [\(days)]")
        let rooms = (1...5_001).map { "  - {id: X\($0), capacity: 5}" }.joined(separator: "\n")
        big = big.replacingOccurrences(of: "rooms:\n", with: "rooms:\n\(rooms)\n")
        var students = "id,name,MATH\n"
        students.reserveCapacity(2_500_000)
        for n in 1...100_001 { students += "Z\(n),Student \(n),MATH-7.RP.1\n" }
        let dir = try folder(big, students)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let started = ContinuousClock.now
        let messages = ScenarioLoader.read(dir).errors.map(\.message)
        #expect(messages.contains("'days' of calendar has 65 items; Pacer reads at most 64"))
        #expect(messages.contains("'rooms' of the scenario has 5005 items; Pacer reads at most 5000"))
        #expect(messages.contains("students.csv has 100001 students; Pacer reads at most 100000"))
        // Bounded time even in a debug build (a slow machine has plenty of margin).
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
