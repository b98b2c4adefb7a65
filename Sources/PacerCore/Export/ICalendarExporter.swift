import Foundation

/// iCalendar files (RFC 5545): `teachers/ID.ics` and `students/ID.ics`, one event per session.
/// Times are the scenario's local times converted to UTC with its time zone, so no VTIMEZONE is
/// needed. Each event's UID names the date, block and person (`2026-11-24.Tue-F1.T-LEE@pacer`),
/// so a regrouped day's calendar updates the events already imported: a day plan's events carry
/// SEQUENCE 1, and a published session that the day no longer has is sent as CANCELLED. Text is
/// escaped, lines are folded at 75 octets and end with CRLF. Needs the dates of the plan's days.
public struct ICalendarExporter: PlanExporter {
    public init() {}

    public enum ExportError: Error, CustomStringConvertible {
        case noDates
        public var description: String { "calendars need dates: give --week-of for a week plan" }
    }

    public func write(_ context: ExportContext, to folder: String) throws -> [String] {
        guard !context.dates.isEmpty else { throw ExportError.noDates }
        let zone = TimeZone(identifier: context.scenario.calendar.timeZone) ?? TimeZone(identifier: "UTC")!
        let sessions = context.sessions
        let isDay = context.plan.header.kind == "day"
        let current = Set(sessions.map(\.id))
        let cancelled = (context.plan.published ?? []).filter { !current.contains($0.id) }
        var files: [String: String] = [:]
        let stamp = (context.dates.values.min()?.text ?? "2000-01-01").replacingOccurrences(of: "-", with: "") + "T000000Z"

        for teacher in Set(sessions.map(\.teacher) + cancelled.map(\.teacher)).sorted() where include(teacher: teacher, context) {
            var events: [[String]] = []
            for s in sessions where s.teacher == teacher {
                let names = context.students(of: s).map { context.student($0)?.name ?? $0.rawValue }
                events.append(event(s, uid: "\(context.date(s.day)).\(s.block).\(teacher)@pacer", summary: "\(s.objective) workshop",
                                    description: "\(context.objectiveTitle(s.objective))\nStudents (\(names.count)): \(names.joined(separator: ", "))",
                                    context: context, zone: zone, stamp: stamp, sequence: isDay ? 1 : 0, cancelled: false))
            }
            for s in cancelled where s.teacher == teacher {
                events.append(event(s, uid: "\(context.date(s.day)).\(s.block).\(teacher)@pacer", summary: "Cancelled: \(s.objective) workshop",
                                    description: "", context: context, zone: zone, stamp: stamp, sequence: 1, cancelled: true))
            }
            files["teachers/" + FileName.encode(teacher.rawValue) + ".ics"] = calendar(name: context.teacherName(teacher), events: events)
        }
        var byStudent: [StudentID: [PlannedSession]] = [:]
        for s in sessions { for st in context.students(of: s) { byStudent[st, default: []].append(s) } }
        for student in byStudent.keys.sorted() {
            let events = byStudent[student, default: []].map { s in
                event(s, uid: "\(context.date(s.day)).\(s.block).\(student)@pacer", summary: "\(s.objective) with \(context.teacherName(s.teacher))",
                      description: context.objectiveTitle(s.objective), context: context, zone: zone, stamp: stamp,
                      sequence: isDay ? 1 : 0, cancelled: false)
            }
            files["students/" + FileName.encode(student.rawValue) + ".ics"] = calendar(name: context.student(student)?.name ?? student.rawValue, events: events)
        }
        return try ExportFiles.write(files, to: folder)
    }

    private func include(teacher: TeacherID, _ context: ExportContext) -> Bool {
        if case let .teacher(id) = context.filter { return id == teacher }
        return true
    }

    private func calendar(name: String, events: [[String]]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Pacer//Pacer \(Pacer.version)//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape("Workshops: \(name)")]
        lines += events.flatMap { $0 }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(_ s: PlannedSession, uid: String, summary: String, description: String, context: ExportContext,
                       zone: TimeZone, stamp: String, sequence: Int, cancelled: Bool) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + Self.escape(uid), "DTSTAMP:" + stamp,
                     "DTSTART:" + utc(context.date(s.day), s.start, zone), "DTEND:" + utc(context.date(s.day), s.end, zone),
                     "SUMMARY:" + Self.escape(summary), "LOCATION:" + Self.escape(context.roomName(s.room)), "SEQUENCE:\(sequence)",
                     "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED")]
        if !description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(description)) }
        lines.append("END:VEVENT")
        return lines
    }

    /// `2026-11-24` and `09:25` in `zone` as `20261124T142500Z`.
    func utc(_ date: String, _ time: String, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let d = date.split(separator: "-").compactMap { Int($0) }, t = time.split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, t.count == 2,
              let instant = calendar.date(from: DateComponents(year: d[0], month: d[1], day: d[2], hour: t[0], minute: t[1]))
        else { return "19700101T000000Z" }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d%02d%02dT%02d%02d00Z", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0)
    }

    /// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(c)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a character.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = "", octets = 0
        for c in line {
            let size = String(c).utf8.count
            let limit = lines.isEmpty ? 75 : 74  // a continuation line starts with a space
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(c)
            octets += size
        }
        lines.append(current)
        return lines.enumerated().map { $0 == 0 ? $1 : " " + $1 }.joined(separator: "\r\n")
    }
}
