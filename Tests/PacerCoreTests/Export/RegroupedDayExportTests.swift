import Foundation
import Testing
@testable import PacerCore

/// A regrouped Tuesday of the tiny school, built by hand from the golden week: T-CHEN's Tue-F2
/// session (S-04, S-07) is dropped, S-07 joins T-RIVERA in the same block, and S-11 moves from
/// Tue-F1 to Tue-F2. It is the day's second regroup.
func regroupedTuesday(revision: Int? = 2) throws -> (ExportContext, WeekPlan) {
    let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
    let week = try PlanFile.read(golden + "/plan.json")
    let published = week.sessions.filter { $0.day == "Tue" }
    var current = published.filter { $0.id != "Tue-F2/T-CHEN" }
    func edit(_ id: String, _ change: (inout PlannedSession) -> Void) {
        if let i = current.firstIndex(where: { $0.id == id }) { change(&current[i]) }
    }
    edit("Tue-F1/T-OKAFOR") { $0.students.removeAll { $0 == "S-11" } }
    edit("Tue-F2/T-OKAFOR") { $0.students = ($0.students + ["S-11"]).sorted() }
    edit("Tue-F2/T-RIVERA") { $0.students = ($0.students + ["S-07"]).sorted() }
    var day = week
    day.header.kind = .day
    day.header.date = "2026-11-24"
    day.header.revision = revision
    day.sessions = current
    day.days = [DayRoster(day: "Tue", sessions: current.map(\.id))]
    day.published = published
    day.changes = DayChanges.between(published, current)
    return (ExportContext(scenario: scenario, plan: day, weekOf: nil), day)
}

@Suite struct RegroupedDayExportTests {
    func calendars(_ context: ExportContext) throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-day-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var out: [String: String] = [:]
        for file in try ICalendarExporter().write(context, to: folder) {
            out[file] = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        }
        return out
    }

    /// The events of one calendar: UID → (STATUS, SEQUENCE).
    func events(_ text: String) -> [String: (String, String)] {
        var result: [String: (String, String)] = [:]
        for block in text.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
            func value(_ key: String) -> String {
                block.components(separatedBy: "\r\n").first { $0.hasPrefix(key + ":") }.map { String($0.dropFirst(key.count + 1)) } ?? ""
            }
            result[value("UID")] = (value("STATUS"), value("SEQUENCE"))
        }
        return result
    }

    @Test func aSecondRegroupCarriesAHigherSequence() throws {
        let files = try calendars(try regroupedTuesday(revision: 2).0)
        let okafor = events(try #require(files["teachers/T-OKAFOR.ics"]))
        #expect(okafor["2026-11-24.Tue-F1.T-OKAFOR@pacer"]?.1 == "2")
        let first = events(try #require(try calendars(try regroupedTuesday(revision: 1).0)["teachers/T-OKAFOR.ics"]))
        #expect(first["2026-11-24.Tue-F1.T-OKAFOR@pacer"]?.1 == "1")
    }

    @Test func studentsWhoseSessionWasDroppedOrMovedGetCancelledEvents() throws {
        let files = try calendars(try regroupedTuesday().0)
        // S-04's only session was dropped: a file with the cancellation, not no file at all.
        let s04 = events(try #require(files["students/S-04.ics"], "S-04 gets a calendar"))
        #expect(s04.count == 1)
        #expect(s04["2026-11-24.Tue-F2.S-04@pacer"]?.0 == "CANCELLED")
        // S-11 moved from F1 to F2: the F1 event is cancelled, the F2 event confirmed.
        let s11 = events(try #require(files["students/S-11.ics"]))
        #expect(s11["2026-11-24.Tue-F1.S-11@pacer"]?.0 == "CANCELLED")
        #expect(s11["2026-11-24.Tue-F2.S-11@pacer"]?.0 == "CONFIRMED")
        // S-07 changed teacher within the block: one event, updated in place.
        let s07 = events(try #require(files["students/S-07.ics"]))
        #expect(s07.count == 1 && s07["2026-11-24.Tue-F2.S-07@pacer"]?.0 == "CONFIRMED")
        // The teacher whose session was dropped gets it cancelled; no UID is both cancelled and confirmed.
        #expect(events(try #require(files["teachers/T-CHEN.ics"]))["2026-11-24.Tue-F2.T-CHEN@pacer"]?.0 == "CANCELLED")
        for (file, text) in files {
            let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
            #expect(Set(uids).count == uids.count, "\(file) has one event per UID")
        }
    }

    /// T-CHEN's Tue-F2 workshop was dropped and he supervises study in Tue-F2 instead: his calendar
    /// holds the study event under that UID, not the study event and a cancellation of the same UID
    /// (a phone applying both in order would drop his supervision).
    @Test func aTeacherMovedFromAWorkshopToStudyGetsOneEventForTheBlock() throws {
        var (context, day) = try regroupedTuesday()
        day.study = [StudyGroup(id: "Tue-F2/study/COMMONS", day: "Tue", block: "Tue-F2", start: "11:45", end: "12:25", room: "COMMONS",
                                adults: ["T-CHEN"], students: [StudyPlace(student: "S-04", objective: "MATH-7.RP.2")])]
        day.days = day.days.map { DayRoster(day: $0.day, sessions: $0.sessions, study: ["Tue-F2/study/COMMONS"]) }
        context = ExportContext(scenario: context.scenario, plan: day, weekOf: nil)
        let text = try #require(try calendars(context)["teachers/T-CHEN.ics"])
        let uids = text.components(separatedBy: "\r\n").filter { $0 == "UID:2026-11-24.Tue-F2.T-CHEN@pacer" }
        #expect(uids.count == 1, "\(text)")
        #expect(events(text)["2026-11-24.Tue-F2.T-CHEN@pacer"]?.0 == "CONFIRMED")
    }

    @Test func theDaysPagesCoverEveryoneWhoseSessionsChanged() throws {
        let (context, _) = try regroupedTuesday()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-dayhtml-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try HTMLExporter().write(context, to: folder)
        #expect(files.contains("teacher-T-CHEN.html"), "a teacher whose sessions were all cancelled has a page")
        #expect(files.contains("student-S-04.html"), "so does a student")
        let chen = try String(contentsOfFile: folder + "/teacher-T-CHEN.html", encoding: .utf8)
        #expect(chen.contains("Cancelled by today's regrouping") && chen.contains("MATH-7.RP.2"))
        let okafor = try String(contentsOfFile: folder + "/teacher-T-OKAFOR.html", encoding: .utf8)
        #expect(okafor.contains("Left the group: "), "the roster shows who left")
        #expect(okafor.contains("new to the group"))
        // T-CHEN's dropped RP.2 group taken over by T-RIVERA in the same block would read as cover;
        // here S-07 only joined T-RIVERA's own session, so nobody is covering.
        #expect(!okafor.contains("Covering for"))
    }

    @Test func aTimeThatNamesNoInstantIsAnError() throws {
        var (_, plan) = try regroupedTuesday()
        plan.sessions[0].start = "25:70"
        let context = ExportContext(scenario: try ScenarioLoader.load(scenariosFolder + "/tiny-school"), plan: plan, weekOf: nil)
        #expect(throws: ICalendarExporter.ExportError.badTime(day: "Tue", date: "2026-11-24", time: "25:70")) {
            _ = try calendars(context)
        }
    }
}

@Suite struct CoverExportTests {
    /// T-CHEN is away; T-OKAFOR takes T-CHEN's Tue-F2 RP.2 group in another room: the changes say
    /// so, and T-OKAFOR's roster says whose group it is.
    @Test func aCoveringTeachersRosterSaysWhoseGroup() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let week = try PlanFile.read(golden + "/plan.json")
        let published = week.sessions.filter { $0.day == "Tue" }
        var current = published.filter { $0.id != "Tue-F2/T-CHEN" && $0.id != "Tue-F2/T-OKAFOR" }
        var cover = try #require(published.first { $0.id == "Tue-F2/T-CHEN" })
        cover.teacher = "T-OKAFOR"
        cover.id = "Tue-F2/T-OKAFOR"
        current.append(cover)
        var day = week
        day.header.kind = .day
        day.header.date = "2026-11-24"
        day.sessions = current
        day.days = [DayRoster(day: "Tue", sessions: current.map(\.id))]
        day.published = published
        day.changes = DayChanges.between(published, current)
        #expect(day.changes?.teachers.first { $0.teacher == "T-OKAFOR" && $0.block == "Tue-F2" }?.covers == nil,
                "T-OKAFOR had a session in that block: a change of objective, not a new session")
        // Without T-OKAFOR's own F2 session published, the same plan is cover.
        let withoutOwn = published.filter { $0.id != "Tue-F2/T-OKAFOR" }
        day.published = withoutOwn
        day.changes = DayChanges.between(withoutOwn, current)
        #expect(day.changes?.teachers.first { $0.teacher == "T-OKAFOR" && $0.block == "Tue-F2" }?.covers == "T-CHEN")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-cover-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try HTMLExporter().write(ExportContext(scenario: scenario, plan: day, weekOf: nil), to: folder)
        let okafor = try String(contentsOfFile: folder + "/teacher-T-OKAFOR.html", encoding: .utf8)
        #expect(okafor.contains("Covering for Mr Chen"))
    }
}
