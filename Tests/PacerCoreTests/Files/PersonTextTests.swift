import Foundation
import Testing
@testable import PacerCore

/// The one rule for what people type (`PersonText`) and the readers that apply it.
@Suite struct PersonTextTests {
    func problem(_ raw: String, _ kind: PersonText.Kind = .note) -> String? {
        if case let .failure(problem) = PersonText.checked(raw, kind) { return problem.description }
        return nil
    }

    @Test(arguments: [
        ("ok\u{0}cut", "a control character (U+0000) at character 3"),
        ("\u{1B}]0;owned\u{7}", "a control character (U+001B) at character 1"),
        ("erase\u{1B}[2K", "a control character (U+001B) at character 6"),
        ("del\u{7F}", "a control character (U+007F) at character 4"),
        ("c1 \u{9B}31m", "a control character (U+009B) at character 4"),
        ("vertical\u{0B}tab", "a control character (U+000B) at character 9"),
        ("abc\u{202E}fdp.exe", "a bidirectional control (U+202E) at character 4"),
        ("\u{2066}isolated", "a bidirectional control (U+2066) at character 1"),
    ])
    func controlCharactersAreRefusedByCodePointAndPosition(raw: String, words: String) {
        #expect(problem(raw) == "the note has \(words); Pacer refuses these in text people type")
    }

    @Test func lineBreaksAndTabsBecomeOneSpace() throws {
        #expect(try PersonText("all four\r\nforged\trow\nthird\rfourth", .note).text == "all four forged row third fourth")
        #expect(try PersonText("  trailing line break\n", .note).text == "trailing line break")
        #expect(try PersonText("para\u{2029}graph", .note).text == "para graph")
        #expect(try PersonText("é ✓ 名前 =HYPERLINK(\"x\")", .note).text == "é ✓ 名前 =HYPERLINK(\"x\")", "other text is kept as it is")
    }

    /// Typed where the help says one line (a request's note, a cancel's reason), a break is
    /// refused rather than made a space.
    @Test func aLineTypedAsOneRefusesLineBreaks() throws {
        func refused(_ raw: String, _ kind: PersonText.Kind = .note) -> String? {
            if case let .failure(problem) = PersonText.checked(raw, kind, lineBreaks: .refused) { return problem.description }
            return nil
        }
        #expect(refused("first\nsecond") == "the note has a line break (U+000A) at character 6; it is one line")
        #expect(refused("x\r\ny", .reason) == "the reason has a line break (U+000D) at character 2; it is one line")
        #expect(refused("a\tb") == "the note has a tab (U+0009) at character 2; it is one line")
        #expect(refused("para\u{2029}graph") == "the note has a line break (U+2029) at character 5; it is one line")
        #expect(refused("bell\u{7}")?.contains("a control character (U+0007)") == true)
        #expect(try PersonText("  one line  ", .note, lineBreaks: .refused).text == "one line")
    }

    /// A length counts what a reader sees: a family emoji (seven code points) is one character.
    @Test func lengthsCountCharactersAsPeopleSeeThem() throws {
        let family = "👨‍👩‍👧‍👦"
        #expect(family.unicodeScalars.count == 7)
        #expect(try PersonText(String(repeating: family, count: 100), .note).text.count == 100)
        #expect(try PersonText(String(repeating: family, count: 500), .note).text.count == 500)
        #expect(problem(String(repeating: family, count: 501)) == "the note has 501 characters; at most 500")
        #expect(try PersonText(String(repeating: "🇫🇷", count: 200), .name).text.count == 200, "a flag is one character")
    }

    /// Marks piled on one letter are one character to count, but draw over the lines around it:
    /// a character of more than 32 code points is refused.
    @Test func marksPiledOnOneLetterAreRefused() throws {
        let piledUp = "e" + String(repeating: "\u{0301}", count: 600)
        #expect(piledUp.count == 1, "one grapheme")
        #expect(problem("ok " + piledUp) == "the note has a character of 601 code points at character 4 (marks piled on one letter); at most 32 in one")
        #expect(try PersonText("Zoë, e\u{0301}te\u{0301}, 👨🏽‍👩🏽‍👧🏽‍👦🏽", .note).text == "Zoë, e\u{0301}te\u{0301}, 👨🏽‍👩🏽‍👧🏽‍👦🏽")
    }

    @Test(arguments: [
        ("ok\u{200B}", "(U+200B, zero width space) at character 3"),
        ("\u{FEFF}bom inside", "(U+FEFF, zero width no-break space) at character 1"),
        ("in\u{FEFF}side", "(U+FEFF, zero width no-break space) at character 3"),
        ("soft\u{00AD}hyphen", "(U+00AD, soft hyphen) at character 5"),
        ("mark\u{200E}", "(U+200E, left-to-right mark) at character 5"),
        ("word\u{2060}joiner", "(U+2060, word joiner) at character 5"),
        ("\u{200D}alone", "(U+200D, zero width joiner) at character 1"),
        ("end\u{200C}", "(U+200C, zero width non-joiner) at character 3"),
        ("a\u{200D} b", "(U+200D, zero width joiner) at character 1"),
        ("tag\u{E0067}", "(U+E0067, tag latin small letter g) at character 3"),
    ])
    func invisibleFormatCharactersAreRefusedByCodePointAndPosition(raw: String, words: String) {
        #expect(problem(raw) == "the note has an invisible character \(words); Pacer refuses these in text people type")
    }

    /// The joiners that writing needs are kept where they join.
    @Test func joinersThatJoinAreKept() throws {
        for text in ["👨‍👩‍👧‍👦 family", "👁️‍🗨️", "می\u{200C}خواهم", "क्\u{200D}ष", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland"] {
            #expect(try PersonText(text, .note).text == text)
        }
    }

    /// Text of only spaces is no text.
    @Test func onlySpacesIsNoText() throws {
        #expect(try PersonText("   ", .note).text == "")
        #expect(try PersonText(" \u{3000}\u{00A0} ", .reason, lineBreaks: .refused).text == "", "ideographic and no-break spaces too")
        #expect(try PersonText(" \n \t ", .note).text == "")
    }

    @Test func eachKindHasItsLimitInCharacters() throws {
        #expect(try PersonText(String(repeating: "é", count: 500), .note).text.count == 500)
        #expect(problem(String(repeating: "x", count: 812)) == "the note has 812 characters; at most 500")
        #expect(problem(String(repeating: "x", count: 501)) == "the note has 501 characters; at most 500")
        #expect(problem(String(repeating: "x", count: 201), .name) == "the name has 201 characters; at most 200")
        #expect(problem("Ms\u{1B}Okafor", .name) == "the name has a control character (U+001B) at character 3; Pacer refuses these in text people type")
    }

    @Test func visibleTextShowsWhatIsLeftEscaped() {
        #expect(PersonText.visible("a\u{1B}[2Kb\r\nc\td\u{202E}") == "a\\u{1b}[2Kb c d\\u{202e}")
        #expect(printable("x\u{202E}y\n") == "x\\u{202e}y\\u{a}", "diagnostics escape line breaks and bidi controls too")
    }
}

/// The checks file, the absences file and the scenario's names all go through the rule, with the
/// error at the cell.
@Suite struct PersonTextInputTests {
    func read(_ csv: String) throws -> (checks: [MasteryCheck], diagnostics: [String]) {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/checks.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let (checks, diagnostics) = MasteryChecksFile.read(path, scenario: scenario, today: SchoolDate("2026-11-27"))
        return (checks, diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") })
    }

    @Test func aChecksNoteWithAControlCharacterIsAnErrorAtItsCell() throws {
        let escape = try read("date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,mastered,fine\n2026-11-24,S-02,MATH-7.RP.1,mastered,\u{1B}]0;pwned\u{7}\n")
        #expect(escape.diagnostics == ["checks.csv:3:38: error: the note has a control character (U+001B) at character 1; Pacer refuses these in text people type"])
        let nul = try read("date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,mastered,all\u{0}four\n")
        #expect(nul.diagnostics == ["checks.csv:2:38: error: the note has a control character (U+0000) at character 4; Pacer refuses these in text people type"])
    }

    @Test func aChecksNoteOverTheLimitIsAnErrorAndALineBreakASpace() throws {
        let long = try read("date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,mastered,\(String(repeating: "x", count: 501))\n")
        #expect(long.diagnostics == ["checks.csv:2:38: error: the note has 501 characters; at most 500"])
        let crlf = try read("date,student,objective,result,note\n2026-11-24,S-01,MATH-7.RP.1,mastered,\"first\r\n2026-11-24\tS-02\"\n")
        #expect(crlf.diagnostics.isEmpty)
        #expect(crlf.checks.map(\.note) == ["first 2026-11-24 S-02"])
    }

    @Test func anAbsencesNoteGoesThroughTheSameRule() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/absences.csv"
        try Data("date,person,periods,note\n2026-11-24,teacher:T-CHEN,,sick\u{1B}[2K\n".utf8).write(to: URL(fileURLWithPath: path))
        let (absences, diagnostics) = AbsencesFile.read(path, scenario: scenario)
        #expect(absences.isEmpty)
        #expect(diagnostics.map(\.description) == [path + ":2:28: error: the note has a control character (U+001B) at character 5; Pacer refuses these in text people type"])
    }

    @Test func namesInTheScenarioGoThroughTheRuleAtTheirCell() throws {
        let (folder, _) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var yaml = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "name: \"Mr Chen\"", with: "name: \"Mr \\e]0;x\\aChen\"")
            .replacingOccurrences(of: "name: \"Library corner\"", with: "name: \"Library\\u202Ecorner\"")
            .replacingOccurrences(of: "name: \"Ms Okafor\"", with: "name: \"Ms\\tOkafor\"")
        try yaml.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        var csv = try String(contentsOfFile: folder + "/students.csv", encoding: .utf8)
        csv = csv.replacingOccurrences(of: "S-01,Ava Martin,", with: "S-01,Ava\u{7}Martin,")
            .replacingOccurrences(of: "S-02,Liam Chen,", with: "S-02,\"Liam\r\nChen\",")
        try csv.write(toFile: folder + "/students.csv", atomically: true, encoding: .utf8)
        let reading = ScenarioLoader.read(folder)
        let errors = reading.diagnostics.filter { $0.severity == .error }.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("scenario.yaml:34:11: error: teacher T-CHEN: the name has a control character (U+001B) at character 4") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("scenario.yaml:45:") && $0.contains("room LIB: the name has a bidirectional control (U+202E) at character 8") }, "\(errors)")
        #expect(errors.contains("students.csv:2:6: error: student S-01: the name has a control character (U+0007) at character 4; Pacer refuses these in text people type"), "\(errors)")
        // A tab or a line break in a name is one space.
        let fixed = try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
            .replacingOccurrences(of: "name: \"Mr \\e]0;x\\aChen\"", with: "name: \"Mr Chen\"")
            .replacingOccurrences(of: "name: \"Library\\u202Ecorner\"", with: "name: \"Library corner\"")
        try fixed.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        try csv.replacingOccurrences(of: "Ava\u{7}Martin", with: "Ava Martin").write(toFile: folder + "/students.csv", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(folder)
        #expect(scenario.teachers.first { $0.id == "T-OKAFOR" }?.name == "Ms Okafor")
        #expect(scenario.students.first { $0.id == "S-02" }?.name == "Liam Chen")
    }
}
