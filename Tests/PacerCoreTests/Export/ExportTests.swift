import Foundation
import PacerTestSupport
import Testing
@testable import PacerCore

/// Exports the golden tiny-school plan in `format` to a temporary folder.
func exportTiny(_ exporter: PlanExporter, weekOf: String? = "2026-11-23") throws -> (folder: String, files: [String]) {
    let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
    let plan = try PlanFile.read(golden + "/plan.json")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-export-\(UUID().uuidString)").path
    let files = try exporter.write(ExportContext(scenario: scenario, plan: plan, weekOf: weekOf.flatMap(SchoolDate.init)), to: folder)
    return (folder, files)
}

@Suite struct GoldenExportTests {
    /// Each format, on the tiny school, equals its golden files byte for byte.
    @Test(arguments: [("csv", CSVExporter() as PlanExporter), ("json", JSONExporter()), ("ics", ICalendarExporter()), ("html", HTMLExporter())])
    func exportsMatchTheirGoldenFiles(format: String, exporter: PlanExporter) throws {
        let (folder, files) = try exportTiny(exporter)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try FileManager.default.subpathsOfDirectory(atPath: golden + "/" + format)
            .filter { !$0.hasSuffix("/") && FileManager.default.fileExists(atPath: "\(golden)/\(format)/\($0)") && !isFolder("\(golden)/\(format)/\($0)") }
        #expect(!expected.isEmpty)
        for path in expected.sorted() {
            #expect(files.contains(path), "\(path) is written")
            let actual = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            let wanted = try Data(contentsOf: URL(fileURLWithPath: "\(golden)/\(format)/\(path)"))
            #expect(actual == wanted, "\(format)/\(path) differs from its golden file")
        }
    }

    @Test func jsonRoundTripsToTheSamePlan() throws {
        let (folder, _) = try exportTiny(JSONExporter())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try PlanFile.read(folder + "/plan.json") == (try PlanFile.read(golden + "/plan.json")))
    }

    /// Exported JSON validates against docs/plan.schema.json (with Python's jsonschema, which
    /// scripts/setup installs).
    @Test func jsonValidatesAgainstTheSchema() throws {
        let (folder, _) = try exportTiny(JSONExporter())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try validatesAgainstTheSchema(folder + "/plan.json") == true, "plan.json does not match docs/plan.schema.json")
    }

    /// The header's proven figures and the search's spending (`header.proven`, `header.search`),
    /// with and without the fewest sessions, validate; a search that ended in a way the schema does
    /// not list, or a proven figure without its most workshops, does not.
    @Test(arguments: [
        (ProvenFigures(workshopsAtMost: 60, sessionsAtLeast: 19), SearchEnd.clock),
        (ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: nil), SearchEnd.metBound),
        (ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: 19, bySubject: [.init(subject: "MATH", workshopsAtMost: 58)]), SearchEnd.work),
    ])
    func provenFiguresAndSearchValidate(proven: ProvenFigures, end: SearchEnd) throws {
        var plan = try PlanFile.read(golden + "/plan.json")
        plan.header.proven = proven
        // A plan made with --work records it (a hostile trial found the schema refused it).
        plan.header.options.work = 5
        plan.header.search = SearchSpending(workLimit: 6e10, planWork: 4.125e10, boundWork: 3.5e9, end: end)
        let json = try PlanFile.encode(plan)
        #expect(json.contains("\"end\" : \"\(end.rawValue)\""))
        #expect(try validatesAgainstTheSchema(json) == true)
        #expect(try validatesAgainstTheSchema(json.replacingOccurrences(of: "\"\(end.rawValue)\"", with: "\"timed-out\"")) == false)
        #expect(try validatesAgainstTheSchema(json.replacingOccurrences(of: "\"workshopsAtMost\"", with: "\"workshopsAtLeast\"")) == false)
    }

    /// Whether a plan (a path, or JSON text) validates against docs/plan.schema.json, with the first
    /// Python that has jsonschema; nil when none has (the test then fails: scripts/setup installs it).
    private func validatesAgainstTheSchema(_ planOrJSON: String) throws -> Bool? {
        var path = planOrJSON, written: String?
        if planOrJSON.hasPrefix("{") {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-schema-\(UUID().uuidString).json").path
            try planOrJSON.write(toFile: path, atomically: true, encoding: .utf8)
            written = path
        }
        defer { if let written { try? FileManager.default.removeItem(atPath: written) } }
        let schema = scenariosFolder + "/../docs/plan.schema.json"
        let script = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"
        for python in ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"] where FileManager.default.isExecutableFile(atPath: python) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["-c", "import jsonschema"]
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            guard probe.terminationStatus == 0 else { continue }
            let run = Process()
            run.executableURL = URL(fileURLWithPath: python)
            run.arguments = ["-c", script, path, schema]
            run.standardError = FileHandle.nullDevice
            try run.run()
            run.waitUntilExit()
            return run.terminationStatus == 0
        }
        Issue.record("no Python with jsonschema found; scripts/setup installs python3-jsonschema")
        return nil
    }
}

@Suite struct ICalendarTests {
    @Test func linesAreFoldedAt75OctetsWithCRLF() throws {
        let (folder, files) = try exportTiny(ICalendarExporter())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for path in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
            for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(path): \(line)") }
        }
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "DESCRIPTION:" + String(repeating: "é", count: 60)
        let folded = ICalendarExporter.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[0] + String(parts[1].dropFirst()) == line)
    }

    @Test func textIsEscaped() {
        #expect(ICalendarExporter.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    }

    /// A regrouped day's events carry the same UIDs as the week's for the same teacher and block,
    /// a higher SEQUENCE, and cancelled sessions are sent as CANCELLED.
    @Test func uidsStayStableAcrossARegroup() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let week = try PlanFile.read(golden + "/plan.json")
        var day = week
        let tuesday = week.sessions.filter { $0.day == "Tue" }
        day.header.kind = .day
        day.header.date = "2026-11-24"
        day.published = tuesday
        day.sessions = Array(tuesday.dropFirst())  // the first Tuesday session is cancelled
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-ics-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try ICalendarExporter().write(ExportContext(scenario: scenario, plan: week, weekOf: SchoolDate("2026-11-23")), to: folder + "/week")
        _ = try ICalendarExporter().write(ExportContext(scenario: scenario, plan: day, weekOf: nil), to: folder + "/day")
        let kept = try #require(day.sessions.first)
        let uid = "UID:2026-11-24.\(kept.block).\(kept.teacher)@pacer"
        let weekText = try String(contentsOfFile: "\(folder)/week/teachers/\(kept.teacher).ics", encoding: .utf8)
        let dayText = try String(contentsOfFile: "\(folder)/day/teachers/\(kept.teacher).ics", encoding: .utf8)
        #expect(weekText.contains(uid) && dayText.contains(uid))
        #expect(dayText.contains("SEQUENCE:1") && !dayText.contains("SEQUENCE:0"))
        let gone = try #require(tuesday.first)
        let goneText = try String(contentsOfFile: "\(folder)/day/teachers/\(gone.teacher).ics", encoding: .utf8)
        #expect(goneText.contains("UID:2026-11-24.\(gone.block).\(gone.teacher)@pacer"))
        #expect(goneText.contains("STATUS:CANCELLED"))
    }

    @Test func calendarsNeedDates() throws {
        #expect(throws: ICalendarExporter.ExportError.self) { try exportTiny(ICalendarExporter(), weekOf: nil) }
    }
}

/// Names chosen to attack spreadsheets and browsers come out inert.
@Suite struct HostileNameTests {
    func hostileSchool() throws -> (Scenario, WeekPlan) {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, title: "<b>bold</b> & more"}]}]
            teachers: [{id: T, name: "<script>alert(1)</script>", teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,\"=HYPERLINK(\"\"http://x\"\")\",A1\nS2,<script>alert('x')</script>,A1\nS3,\"@SUM(1;2), -3\",A1\n")
        return (s, try planned(s))
    }

    @Test func csvNeutralisesFormulas() throws {
        let (s, plan) = try hostileSchool()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-hostile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CSVExporter().write(ExportContext(scenario: s, plan: plan, weekOf: nil), to: folder)
        let text = try String(contentsOfFile: folder + "/timetable.csv", encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(text.contains("\"'@SUM(1;2), -3\""))
        #expect(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"))
        #expect(CSVWriter.neutralized("-3") == "'-3" && CSVWriter.neutralized("+1") == "'+1" && CSVWriter.neutralized("\tx") == "'\tx")
        #expect(CSVWriter.neutralized("Ava") == "Ava")
    }

    @Test func htmlEscapesEveryText() throws {
        let (s, plan) = try hostileSchool()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-hostile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try HTMLExporter().write(ExportContext(scenario: s, plan: plan, weekOf: nil), to: folder)
        for path in files {
            let html = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            #expect(!html.contains("<script>alert"), "\(path)")
            // The index's search box is the one script Pacer writes.
            #expect(html.components(separatedBy: "<script>").count - 1 == (path == "index.html" ? 1 : 0), "\(path)")
            #expect(!html.contains("<b>bold</b>"), "\(path)")
        }
        let roster = try String(contentsOfFile: folder + "/teacher-T.html", encoding: .utf8)
        #expect(roster.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(roster.contains("=HYPERLINK("))
    }

    @Test func icsEscapesNames() throws {
        let (s, plan) = try hostileSchool()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-hostile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try ICalendarExporter().write(ExportContext(scenario: s, plan: plan, weekOf: SchoolDate("2026-11-23")), to: folder)
        let text = try String(contentsOfFile: folder + "/teachers/T.ics", encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("@SUM(1\\;2)\\, -3"))
    }

    @Test func fetEscapesNamesAndReadsBack() throws {
        let (s, plan) = try hostileSchool()
        let text = FETExporter().document(ExportContext(scenario: s, plan: plan, weekOf: nil))
        #expect(!text.contains("<script>"))
        let root = try MarkupTree.parse(Data(text.utf8), file: "hostile.fet")
        let teacher = try #require(root.child("Teachers_List")?.child("Teacher"))
        #expect(teacher.exactText(of: "Name") == "<script>alert(1)</script>")
        let groups = root.child("Students_List")?.descendants("Group").compactMap { $0.exactText(of: "Name") } ?? []
        #expect(Set(groups) == ["=HYPERLINK(\"http://x\")", "<script>alert('x')</script>", "@SUM(1;2), -3"])
        let activities = root.child("Activities_List")?.children("Activity") ?? []
        #expect(activities.count == plan.sessions.count)
        let locked = root.child("Time_Constraints_List")?.children("ConstraintActivityPreferredStartingTime") ?? []
        #expect(locked.count == plan.sessions.count)
        #expect(locked.allSatisfy { $0.text(of: "Permanently_Locked") == "true" && $0.text(of: "Weight_Percentage") == "100" })
    }
}

@Suite struct CheckSheetTests {
    /// A teacher's check sheet, filled in for one day and left blank for the others, reads back as
    /// exactly the checks written on it; so does timetable.csv with a result column added.
    @Test func aFilledCheckSheetComesBackAsChecks() throws {
        let (folder, files) = try exportTiny(CSVExporter())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(files.contains("check-sheets/T-CHEN.csv") && files.contains("check-sheets/T-OKAFOR.csv"))
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let sheet = try String(contentsOfFile: folder + "/check-sheets/T-CHEN.csv", encoding: .utf8)
        var lines = sheet.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "date,day,start,end,room_name,objective,objective_title,student,student_name,result,note")
        var expected: [String] = []
        for i in lines.indices.dropFirst() where lines[i].hasPrefix("2026-11-23,") {
            let result = i % 2 == 0 ? "mastered" : "not-yet"
            lines[i] = String(lines[i].dropLast(2)) + ",\(result),seen"
            let fields = lines[i].split(separator: ",", omittingEmptySubsequences: false)
            expected.append("\(fields[fields.count - 4]) \(fields[5]) \(result)")
        }
        #expect(expected.count == 3, "Mr Chen's Monday group")
        let (checks, diagnostics) = MasteryChecksFile.parse(lines.joined(separator: "\r\n"), file: "T-CHEN.csv", scenario: scenario,
                                                           today: SchoolDate("2026-11-27"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(checks.map { "\($0.student) \($0.objective) \($0.result.rawValue)" } == expected)
        #expect(checks.allSatisfy { $0.note == "seen" && $0.date == SchoolDate("2026-11-23") })

        let timetable = try String(contentsOfFile: folder + "/timetable.csv", encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let withResults = [timetable[0] + ",result"] + timetable.dropFirst().map { $0 + ($0.hasPrefix("Mon,") ? ",not-yet" : ",") }
        let (fromTimetable, problems) = MasteryChecksFile.parse(withResults.joined(separator: "\n"), file: "timetable.csv", scenario: scenario,
                                                               today: SchoolDate("2026-11-27"))
        #expect(problems.isEmpty, "\(problems)")
        #expect(fromTimetable.count == timetable.dropFirst().filter { $0.hasPrefix("Mon,") }.count && !fromTimetable.isEmpty)
    }

    /// Without dates (no --week-of on a week plan) there is no sheet to fill in.
    @Test func noSheetWithoutDates() throws {
        let (folder, files) = try exportTiny(CSVExporter(), weekOf: nil)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!files.contains { $0.hasPrefix("check-sheets/") })
    }
}
