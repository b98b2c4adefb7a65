import Foundation

/// iCalendar files (RFC 5545): `teachers/ID.ics` and `students/ID.ics`, one event per session;
/// students' calendars also hold their independent study blocks, teachers' the study groups they
/// supervise, and each supervisor (aide) gets `supervisors/ID.ics` with their supervision.
/// Times are the scenario's local times converted to UTC with its time zone, so no VTIMEZONE is
/// needed. Each event's UID names the date, block and person (`2026-11-24.Tue-F1.T-LEE@pacer`),
/// so a regrouped day's calendar updates the events already imported: its events carry the day's
/// revision as SEQUENCE (1 for the first regroup, 2 for the second, …), and an event the day no
/// longer has, for a teacher or for a student whose session was dropped or moved to another
/// block, or for an adult no longer supervising study (away, or not needed), is sent as CANCELLED
/// (a person whose every session was cancelled still gets a file). A session or study group on a
/// date or period closed since it was published (a holiday, a snow day: `ExportContext.closedDates`)
/// is sent as CANCELLED with the reason as its description, its SEQUENCE one past the plan's, so a
/// calendar that imported it replaces it.
/// Text is escaped, lines are folded at 75 octets and end with CRLF. Needs the dates of the
/// plan's days; a date or time that cannot be turned into an instant is an error.
public struct ICalendarExporter: PlanExporter {
    public init() {}

    public enum ExportError: Error, CustomStringConvertible, Equatable {
        case noDates
        case badTime(day: String, date: String, time: String)
        public var description: String {
            switch self {
            case .noDates: return "calendars need dates: give --week-of for a week plan"
            case let .badTime(day, date, time):
                return "cannot place \(time) on \(date.isEmpty ? "day \(day), which has no date" : date) in the scenario's time zone; give --week-of for a week plan"
            }
        }
    }

    public func files(_ context: ExportContext) throws -> [String: String] {
        guard !context.dates.isEmpty else { throw ExportError.noDates }
        let zone = TimeZone(identifier: context.scenario.calendar.timeZone) ?? TimeZone(identifier: "UTC")!
        let sessions = context.sessions
        let cancelled = context.cancelledSessions
        let sequence = context.revision
        let closed = context.closedSessions
        let closedStudy = context.closedStudyGroups
        var files: [String: String] = [:]
        let stamp = (context.dates.values.min()?.text ?? "2000-01-01").replacingOccurrences(of: "-", with: "") + "T000000Z"
        func uid(_ s: PlannedSession, _ who: String) -> String { Self.uid(s, who, context) }

        let study = context.studyGroups
        let teacherIDs = Set(context.scenario.teachers.map(\.id.rawValue))
        let lostStudy = context.cancelledSupervision
        let supervising = (context.supervisingAdults + lostStudy.map(\.adult)).filter { teacherIDs.contains($0.rawValue) }.map { TeacherID(rawValue: $0.rawValue) }
        let closedAdults = context.adults(of: closedStudy.map(\.group))
        let closedSupervising = closedAdults.filter { teacherIDs.contains($0.rawValue) }.map { TeacherID(rawValue: $0.rawValue) }
        for teacher in Set(sessions.map(\.teacher) + cancelled.map(\.teacher) + closed.map(\.session.teacher) + supervising + closedSupervising).sorted()
        where include(teacher: teacher, context) {
            var events: [[String]] = []
            events += try supervisionEvents(AdultID(rawValue: teacher.rawValue), study, lost: lostStudy, context: context, zone: zone, stamp: stamp)
            events += try closedStudyEvents(AdultID(rawValue: teacher.rawValue), closedStudy, context: context, zone: zone, stamp: stamp)
            for (s, closure) in closed where s.teacher == teacher {
                events.append(try event(s, uid: uid(s, teacher.rawValue), summary: "Cancelled: \(s.objective) workshop", description: closure.reason,
                                        context: context, zone: zone, stamp: stamp, sequence: sequence + 1, cancelled: true))
            }
            for s in sessions where s.teacher == teacher {
                let names = context.students(of: s).map { context.student($0)?.name ?? $0.rawValue }
                events.append(try event(s, uid: uid(s, teacher.rawValue), summary: "\(s.objective) workshop",
                                        description: "\(context.objectiveTitle(s.objective))\nStudents (\(names.count)): \(names.joined(separator: ", "))",
                                        context: context, zone: zone, stamp: stamp, sequence: sequence, cancelled: false))
            }
            // A teacher moved from a workshop to supervising study in that block gets the study
            // event under the same UID, not a cancellation too (one event per UID, as for students).
            let supervised = Set(study.filter { $0.adults.contains(AdultID(rawValue: teacher.rawValue)) }.map(\.block))
            for s in cancelled where s.teacher == teacher && !supervised.contains(s.block) {
                events.append(try event(s, uid: uid(s, teacher.rawValue), summary: "Cancelled: \(s.objective) workshop",
                                        description: "", context: context, zone: zone, stamp: stamp, sequence: sequence, cancelled: true))
            }
            files["teachers/" + FileName.encode(teacher.rawValue) + ".ics"] = calendar(name: context.teacherName(teacher), events: events)
        }
        // Supervisors (aides) run no workshops: their calendars hold their supervision alone.
        for adult in Set(context.supervisingAdults + lostStudy.map(\.adult) + closedAdults).sorted() where !teacherIDs.contains(adult.rawValue) {
            let events = try supervisionEvents(adult, study, lost: lostStudy, context: context, zone: zone, stamp: stamp)
                + closedStudyEvents(adult, closedStudy, context: context, zone: zone, stamp: stamp)
            files["supervisors/" + FileName.encode(adult.rawValue) + ".ics"] = calendar(name: context.adultName(adult), events: events)
        }
        for (student, places) in Self.places(context).sorted(by: { $0.key < $1.key }) {
            let events = try studentEvents(places, of: student, context: context, zone: zone, stamp: stamp)
            files["students/" + FileName.encode(student.rawValue) + ".ics"] = calendar(name: context.student(student)?.name ?? student.rawValue, events: events)
        }
        return files
    }

    /// One student's calendar over several published plans (one context per date, each limited to
    /// its day), as the portal's calendar feed serves it: the same UIDs and SEQUENCE as the
    /// exported files, so a subscribed phone updates its events in place after a regroup. A workshop
    /// on an objective the student has moved on from by its date (`movedOn`) says so in its summary
    /// and description until a regroup settles it.
    /// `left` says, for a date, that the student has left the school by then (the words to send):
    /// that date's events are sent cancelled with them, as a closure's are.
    public func studentFeed(_ student: StudentID, name: String, contexts: [ExportContext],
                            movedOn: (ObjectiveID, SchoolDate) -> Bool = { _, _ in false },
                            left: (SchoolDate) -> String? = { _ in nil }) throws -> String {
        let zone = TimeZone(identifier: contexts.first?.scenario.calendar.timeZone ?? "UTC") ?? TimeZone(identifier: "UTC")!
        let first = contexts.flatMap { $0.dates.values }.min()?.text ?? "2000-01-01"
        let stamp = first.replacingOccurrences(of: "-", with: "") + "T000000Z"
        var events: [[String]] = []
        for context in contexts {
            let places = Self.places(context)[student] ?? []
            func why(_ day: DayID) -> String? { context.dates[day].flatMap(left) }
            events += try studentEvents(places.filter { why($0.session.day) == nil }, of: student, context: context, zone: zone, stamp: stamp,
                                        movedOn: { s in context.dates[s.day].map { movedOn(s.objective, $0) } ?? false },
                                        studyOn: { why($0) == nil })
            events += try leftEvents(places, of: student, why: why, context: context, zone: zone, stamp: stamp)
        }
        return calendar(name: name, events: events)
    }

    /// `2026-11-24.Tue-F1.T-LEE@pacer`: the same for a person's session however often it is regrouped.
    private static func uid(_ s: PlannedSession, _ who: String, _ context: ExportContext) -> String {
        "\(context.date(s.day)).\(s.block).\(who)@pacer"
    }

    /// An adult's study groups as events: `Independent study, 12 students` in the room, the
    /// students by name in the description. The UID names the adult's block as a workshop's does,
    /// so a regroup that turns a teacher's workshop into supervision updates the same event. Study
    /// the adult lost in a regroup (`lost`) is sent as CANCELLED under the same UID.
    private func supervisionEvents(_ adult: AdultID, _ groups: [StudyGroup], lost: [(adult: AdultID, group: StudyGroup)] = [],
                                   context: ExportContext, zone: TimeZone, stamp: String) throws -> [[String]] {
        let cancelled = try lost.filter { $0.adult == adult }.map { _, g in
            try event(day: g.day, start: g.start, end: g.end, room: g.room, uid: "\(context.date(g.day)).\(g.block).\(adult)@pacer",
                      summary: "Cancelled: independent study", description: "", context: context, zone: zone, stamp: stamp,
                      sequence: context.revision, cancelled: true)
        }
        return try cancelled + groups.filter { $0.adults.contains(adult) }.map { g in
            let names = context.students(of: g).map { context.student($0.student)?.name ?? $0.student.rawValue }
            let others = g.adults.filter { $0 != adult }
            return try event(g, uid: "\(context.date(g.day)).\(g.block).\(adult)@pacer", summary: "Independent study, \(names.count) students",
                             description: (others.isEmpty ? "" : "With \(context.adultNames(others))\n") + "Students (\(names.count)): \(names.joined(separator: ", "))",
                             context: context, zone: zone, stamp: stamp)
        }
    }

    /// An adult's study groups on closed dates or periods, as CANCELLED with the reason.
    private func closedStudyEvents(_ adult: AdultID, _ closed: [(group: StudyGroup, closure: Closure)], context: ExportContext,
                                   zone: TimeZone, stamp: String) throws -> [[String]] {
        try closed.filter { $0.group.adults.contains(adult) }.map { g, closure in
            try event(day: g.day, start: g.start, end: g.end, room: g.room, uid: "\(context.date(g.day)).\(g.block).\(adult)@pacer",
                      summary: "Cancelled: independent study", description: closure.reason, context: context, zone: zone, stamp: stamp,
                      sequence: context.revision + 1, cancelled: true)
        }
    }

    /// A student's study blocks as events: `Independent study with Ms Park` in the room, the
    /// objective's title as the description. Same UID as a workshop in that block would have.
    /// Study on a closed date or period is sent as CANCELLED with the reason.
    private func studyEvents(_ student: StudentID, context: ExportContext, zone: TimeZone, stamp: String,
                             on days: (DayID) -> Bool = { _ in true }) throws -> [[String]] {
        let closed = try context.closedStudyGroups.compactMap { g, closure -> [String]? in
            guard days(g.day), context.students(of: g).contains(where: { $0.student == student }) else { return nil }
            return try event(day: g.day, start: g.start, end: g.end, room: g.room, uid: "\(context.date(g.day)).\(g.block).\(student)@pacer",
                             summary: "Cancelled: independent study", description: closure.reason, context: context, zone: zone, stamp: stamp,
                             sequence: context.revision + 1, cancelled: true)
        }
        return try closed + context.studyGroups.compactMap { g -> [String]? in
            guard days(g.day), let place = context.students(of: g).first(where: { $0.student == student }) else { return nil }
            return try event(g, uid: "\(context.date(g.day)).\(g.block).\(student)@pacer", summary: "Independent study with \(context.adultNames(g.adults))",
                             description: place.objective.map(context.objectiveTitle) ?? "", context: context, zone: zone, stamp: stamp)
        }
    }

    /// A student's session: held, cancelled by a regroup, or cancelled by a closure (with it).
    private typealias Place = (session: PlannedSession, cancelled: Bool, closure: Closure?)

    /// Each student's sessions in the context, and the places they lost in a regroup.
    private static func places(_ context: ExportContext) -> [StudentID: [Place]] {
        var byStudent: [StudentID: [Place]] = [:]
        for s in context.sessions { for st in context.students(of: s) { byStudent[st, default: []].append((s, false, nil)) } }
        for (s, closure) in context.closedSessions { for st in context.students(of: s) { byStudent[st, default: []].append((s, true, closure)) } }
        // A student moved from a workshop into study gets the study event under the same UID, not a cancellation.
        let inStudy = context.studyPlaces
        for place in context.cancelledPlaces where inStudy[StudentBlock(place.student, place.session.block)] == nil {
            byStudent[place.student, default: []].append((place.session, true, nil))
        }
        for g in context.studyGroups + context.closedStudyGroups.map(\.group) {
            for p in context.students(of: g) where byStudent[p.student] == nil { byStudent[p.student] = [] }
        }
        return byStudent
    }

    private func studentEvents(_ places: [Place], of student: StudentID, context: ExportContext, zone: TimeZone, stamp: String,
                               movedOn: (PlannedSession) -> Bool = { _ in false }, studyOn: (DayID) -> Bool = { _ in true }) throws -> [[String]] {
        try studyEvents(student, context: context, zone: zone, stamp: stamp, on: studyOn) + places.map { s, cancelled, closure in
            let moved = !cancelled && movedOn(s)
            return try event(s, uid: Self.uid(s, student.rawValue, context),
                             summary: (cancelled ? "Cancelled: " : moved ? "Moved on: " : "") + "\(s.objective) with \(context.teacherName(s.teacher))",
                             description: closure?.reason ?? (cancelled ? "" : context.objectiveTitle(s.objective) + (moved ? " (\(MovedOn.words))" : "")),
                             context: context, zone: zone, stamp: stamp, sequence: context.revision + (closure == nil ? 0 : 1), cancelled: cancelled)
        }
    }

    /// A student who has left: every place of theirs in the context, workshop or study, sent
    /// cancelled with why, under the UIDs the events had.
    private func leftEvents(_ places: [Place], of student: StudentID, why left: (DayID) -> String?, context: ExportContext, zone: TimeZone,
                            stamp: String) throws -> [[String]] {
        let study = try (context.studyGroups + context.closedStudyGroups.map(\.group)).compactMap { g -> [String]? in
            guard let why = left(g.day), context.students(of: g).contains(where: { $0.student == student }) else { return nil }
            return try event(day: g.day, start: g.start, end: g.end, room: g.room, uid: "\(context.date(g.day)).\(g.block).\(student)@pacer",
                             summary: "Cancelled: independent study", description: why, context: context, zone: zone, stamp: stamp,
                             sequence: context.revision + 1, cancelled: true)
        }
        return try study + places.compactMap { s, _, _ in
            guard let why = left(s.day) else { return nil }
            return try event(s, uid: Self.uid(s, student.rawValue, context), summary: "Cancelled: \(s.objective) with \(context.teacherName(s.teacher))",
                      description: why, context: context, zone: zone, stamp: stamp, sequence: context.revision + 1, cancelled: true)
        }
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
                       zone: TimeZone, stamp: String, sequence: Int, cancelled: Bool) throws -> [String] {
        try event(day: s.day, start: s.start, end: s.end, room: s.room, uid: uid, summary: summary, description: description,
                  context: context, zone: zone, stamp: stamp, sequence: sequence, cancelled: cancelled)
    }

    private func event(_ g: StudyGroup, uid: String, summary: String, description: String, context: ExportContext,
                       zone: TimeZone, stamp: String) throws -> [String] {
        try event(day: g.day, start: g.start, end: g.end, room: g.room, uid: uid, summary: summary, description: description,
                  context: context, zone: zone, stamp: stamp, sequence: context.revision, cancelled: false)
    }

    private func event(day: DayID, start startTime: String, end endTime: String, room: RoomID, uid: String, summary: String,
                       description: String, context: ExportContext, zone: TimeZone, stamp: String, sequence: Int, cancelled: Bool) throws -> [String] {
        let date = context.date(day)
        guard let start = utc(date, startTime, zone), let end = utc(date, endTime, zone) else {
            throw ExportError.badTime(day: day.rawValue, date: date, time: utc(date, startTime, zone) == nil ? startTime : endTime)
        }
        var lines = ["BEGIN:VEVENT", "UID:" + Self.escape(uid), "DTSTAMP:" + stamp,
                     "DTSTART:" + start, "DTEND:" + end,
                     "SUMMARY:" + Self.escape(summary), "LOCATION:" + Self.escape(context.roomName(room)), "SEQUENCE:\(sequence)",
                     "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED")]
        if !description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(description)) }
        lines.append("END:VEVENT")
        return lines
    }

    /// `2026-11-24` and `09:25` in `zone` as `20261124T142500Z`; nil when they name no instant.
    func utc(_ date: String, _ time: String, _ zone: TimeZone) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let d = date.split(separator: "-").compactMap { Int($0) }, t = time.split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, t.count == 2, (1...9999).contains(d[0]), (1...12).contains(d[1]), (1...31).contains(d[2]),
              (0...23).contains(t[0]), (0...59).contains(t[1]),
              let instant = calendar.date(from: DateComponents(year: d[0], month: d[1], day: d[2], hour: t[0], minute: t[1]))
        else { return nil }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let year = c.year, let month = c.month, let day = c.day, let hour = c.hour, let minute = c.minute else { return nil }
        return String(format: "%04d%02d%02dT%02d%02d00Z", year, month, day, hour, minute)
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
