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
