import Foundation

/// CSV files (RFC 4180, UTF-8 with a header row, CRLF): `timetable.csv` with one row per session
/// and student, `teachers/ID.csv`, `check-sheets/ID.csv` (when the days have dates: one row per
/// student of each of the teacher's sessions, with empty result and note columns that
/// `pacer record --checks` reads back), `rooms/ID.csv` and `unserved.csv`; for plans with independent study, `study.csv`,
/// `supervision/ID.csv` (one per supervising adult) and `unplaced.csv`. Columns in docs/exports.md.
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a
/// spreadsheet shows it as text instead of running it as a formula.
public struct CSVExporter: PlanExporter {
    public init() {}

    public func files(_ context: ExportContext) throws -> [String: String] {
        var files: [String: String] = [:]
        let sessions = context.sessions
        var timetable = record(["day", "date", "block", "start", "end", "teacher", "teacher_name", "room", "room_name",
                                "subject", "objective", "objective_title", "student", "student_name", "grade", "flags"])
        for s in sessions {
            for id in context.students(of: s) {
                let student = context.student(id)
                timetable += record([s.day.rawValue, context.date(s.day), s.block.rawValue, s.start, s.end, s.teacher.rawValue,
                                     context.teacherName(s.teacher), s.room.rawValue, context.roomName(s.room), s.subject.rawValue,
                                     s.objective.rawValue, context.objectiveTitle(s.objective), id.rawValue, student?.name ?? "",
                                     student?.grade ?? "", (student?.flags.map(\.rawValue).sorted() ?? []).joined(separator: ";")])
            }
        }
        files["timetable.csv"] = timetable
        for teacher in Set(sessions.map(\.teacher)).sorted() {
            var text = record(["day", "date", "block", "start", "end", "room", "objective", "objective_title", "group_size", "students"])
            for s in sessions where s.teacher == teacher {
                let names = context.students(of: s).map { context.student($0)?.name ?? $0.rawValue }
                text += record([s.day.rawValue, context.date(s.day), s.block.rawValue, s.start, s.end, s.room.rawValue, s.objective.rawValue,
                                context.objectiveTitle(s.objective), String(names.count), names.joined(separator: "; ")])
            }
            files["teachers/" + FileName.encode(teacher.rawValue) + ".csv"] = text
        }
        // A check sheet per teacher, for the days with dates: filled in (result, note) it goes
        // back into `pacer record --checks` as it is. After their groups, the students in the
        // study they supervise whose current objective they teach: a student may bring evidence there.
        let byName = { (a: StudentID, b: StudentID) in (context.student(a)?.name ?? "", a.rawValue) < (context.student(b)?.name ?? "", b.rawValue) }
        let teachers = Dictionary(uniqueKeysWithValues: context.scenario.teachers.map { ($0.id, $0) })
        let studyChecks = context.studyGroups.flatMap { g in
            g.adults.compactMap { teachers[TeacherID(rawValue: $0.rawValue)] }.map { teacher in
                (teacher: teacher.id, group: g, students: context.students(of: g).filter { $0.objective.map(teacher.teaches) ?? false })
            }
        }.filter { !$0.students.isEmpty }
        if !sessions.isEmpty, (sessions.map(\.day) + studyChecks.map(\.group.day)).allSatisfy({ !context.date($0).isEmpty }) {
            for teacher in Set(sessions.map(\.teacher) + studyChecks.map(\.teacher)).sorted() {
                var text = record(["date", "day", "start", "end", "room_name", "objective", "objective_title", "student", "student_name", "result", "note"])
                for s in sessions where s.teacher == teacher {
                    for id in context.students(of: s).sorted(by: byName) {
                        text += record([context.date(s.day), s.day.rawValue, s.start, s.end, context.roomName(s.room), s.objective.rawValue,
                                        context.objectiveTitle(s.objective), id.rawValue, context.student(id)?.name ?? "", "", ""])
                    }
                }
                for (supervisor, g, places) in studyChecks where supervisor == teacher {
                    for place in places.sorted(by: { byName($0.student, $1.student) }) {
                        guard let objective = place.objective else { continue }
                        text += record([context.date(g.day), g.day.rawValue, g.start, g.end, context.roomName(g.room) + " (independent study)",
                                        objective.rawValue, context.objectiveTitle(objective), place.student.rawValue,
                                        context.student(place.student)?.name ?? "", "", ""])
                    }
                }
                files["check-sheets/" + FileName.encode(teacher.rawValue) + ".csv"] = text
            }
        }
        for room in Set(sessions.map(\.room)).sorted() {
            var text = record(["day", "date", "block", "start", "end", "teacher", "teacher_name", "objective", "group_size"])
            for s in sessions where s.room == room {
                text += record([s.day.rawValue, context.date(s.day), s.block.rawValue, s.start, s.end, s.teacher.rawValue,
                                context.teacherName(s.teacher), s.objective.rawValue, String(context.students(of: s).count)])
            }
            files["rooms/" + FileName.encode(room.rawValue) + ".csv"] = text
        }
        var unserved = record(["student", "student_name", "subject", "objective", "wanted", "got", "reason"])
        for u in context.plan.unserved where include(u.student, context) {
            unserved += record([u.student.rawValue, context.student(u.student)?.name ?? "", u.subject.rawValue, u.objective.rawValue,
                                String(u.wanted), String(u.got), u.reason.text])
        }
        files["unserved.csv"] = unserved
        if context.plan.study != nil { studyFiles(context, into: &files) }
        return files
    }

    /// Independent study (plans made since it exists): `study.csv` with one row per study group and
    /// student (names first, ids after), `supervision/ID.csv` with each adult's groups, and
    /// `unplaced.csv` with the students who have no place in a block and why.
    private func studyFiles(_ context: ExportContext, into files: inout [String: String]) {
        let groups = context.studyGroups
        var study = record(["day", "date", "block", "start", "end", "room_name", "adult_names", "student_name", "grade", "objective_title",
                            "room", "adults", "student", "objective", "group"])
        for g in groups {
            for place in context.students(of: g) {
                let student = context.student(place.student)
                study += record([g.day.rawValue, context.date(g.day), g.block.rawValue, g.start, g.end, context.roomName(g.room),
                                 context.adultNames(g.adults), student?.name ?? place.student.rawValue, student?.grade ?? "",
                                 place.objective.map(context.objectiveTitle) ?? "", g.room.rawValue, g.adults.map(\.rawValue).joined(separator: ";"),
                                 place.student.rawValue, place.objective?.rawValue ?? "", g.id])
            }
        }
        files["study.csv"] = study
        for adult in context.supervisingAdults {
            var text = record(["day", "date", "block", "start", "end", "room_name", "with", "group_size", "students"])
            for g in groups where g.adults.contains(adult) {
                let names = context.students(of: g).map { context.student($0.student)?.name ?? $0.student.rawValue }
                text += record([g.day.rawValue, context.date(g.day), g.block.rawValue, g.start, g.end, context.roomName(g.room),
                                context.adultNames(g.adults.filter { $0 != adult }), String(names.count), names.joined(separator: "; ")])
            }
            files["supervision/" + FileName.encode(adult.rawValue) + ".csv"] = text
        }
        var unplaced = record(["day", "date", "block", "start", "end", "student_name", "grade", "reason", "student"])
        for u in context.unplaced {
            let block = context.scenario.calendar.block(u.block), student = context.student(u.student)
            unplaced += record([block?.day.rawValue ?? "", block.map { context.date($0.day) } ?? "", u.block.rawValue,
                                block.map { clockText($0.start) } ?? "", block.map { clockText($0.end) } ?? "",
                                student?.name ?? u.student.rawValue, student?.grade ?? "", u.reason, u.student.rawValue])
        }
        files["unplaced.csv"] = unplaced
    }

    private func include(_ student: StudentID, _ context: ExportContext) -> Bool {
        switch context.filter {
        case nil: return true
        case let .student(id): return id == student
        case let .grade(g): return context.student(student)?.grade == g
        default: return false
        }
    }

    func record(_ fields: [String]) -> String { CSVWriter.spreadsheetRecord(fields) }
}
