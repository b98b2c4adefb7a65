import Foundation

/// The workshop timetable as a FET file (https://lalescu.ro/liviu/fet/), so a school that keeps its
/// timetable in FET can open, print and merge it there. Every workshop is an activity locked to its
/// day, hour and room (100 % starting-time and room constraints, permanently locked), so FET keeps
/// it where Pacer put it.
///
/// Days and hours are the calendar's days and periods; subjects are the objectives taught (their
/// titles in the comments); teachers and rooms are those used; students are FET groups of one,
/// inside a year per grade. Names FET shows are people's names, made unique with the id when two
/// people share one.
public struct FETExporter: PlanExporter {
    /// The file written inside the folder.
    public var fileName: String

    public init(fileName: String = "workshops.fet") { self.fileName = fileName }

    public func files(_ context: ExportContext) throws -> [String: String] {
        [fileName: document(context)]
    }

    public func document(_ context: ExportContext) -> String {
        let contents = Contents(context)
        var x = XMLText()
        x.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        x.line("<fet version=\"6.0.0\">")
        x.element("Mode", "Official")
        x.element("Institution_Name", context.scenario.name)
        x.element("Comments", "Workshops planned by Pacer \(context.plan.header.pacerVersion) for scenario hash \(context.plan.header.scenarioHash). Each activity is locked to its time and room.")
        writeDaysAndHours(context.scenario.calendar, to: &x)
        writeSubjects(contents, to: &x)
        x.line("<Activity_Tags_List>\n</Activity_Tags_List>")
        writeTeachers(contents, to: &x)
        writeStudents(contents, to: &x)
        writeActivities(contents, context, to: &x)
        x.line("<Buildings_List>\n</Buildings_List>")
        writeRooms(contents, to: &x)
        writeLocks(contents, context.scenario.calendar, to: &x)
        x.line("</fet>")
        return x.text
    }

    /// What the file lists: the sessions, and the objectives, teachers, rooms and students they
    /// use, in the scenario's order, with the names FET shows for the people and rooms.
    private struct Contents {
        let sessions: [PlannedSession]
        let objectives: [Objective]
        let teachers: [Teacher]
        let rooms: [Room]
        /// FET's years: one per grade (`Grade 7`, or `Students` for no grade) by name, with its students.
        let years: [(name: String, students: [Student])]
        /// Names FET shows, by the Pacer id's raw value.
        let teacherName: [String: String], roomName: [String: String], studentName: [String: String]

        init(_ context: ExportContext) {
            let scenario = context.scenario
            let sessions = context.sessions
            self.sessions = sessions
            teachers = scenario.teachers.filter { t in sessions.contains { $0.teacher == t.id } }
            rooms = scenario.rooms.filter { r in sessions.contains { $0.room == r.id } }
            let studentIDs = Set(sessions.flatMap { context.students(of: $0) })
            let students = scenario.students.filter { studentIDs.contains($0.id) }
            objectives = scenario.objectives.filter { o in sessions.contains { $0.objective == o.id } }

            teacherName = Self.uniqueNames(teachers.map { ($0.id.rawValue, $0.name) })
            roomName = Self.uniqueNames(rooms.map { ($0.id.rawValue, $0.name) })
            let grades = Array(Set(students.map { Self.gradeName($0.grade) })).sorted()
            years = grades.map { grade in (grade, students.filter { Self.gradeName($0.grade) == grade }) }
            // FET's students sets share one namespace: a student named like a year gets the id too.
            var studentName = Self.uniqueNames(students.map { ($0.id.rawValue, $0.name) })
            for (id, name) in studentName where grades.contains(name) { studentName[id] = "\(name) (\(id))" }
            self.studentName = studentName
        }

        private static func gradeName(_ grade: String) -> String { grade.isEmpty ? "Students" : "Grade \(grade)" }

        /// Display names, with ` (id)` added to every name two or more people share (and to empty ones).
        private static func uniqueNames(_ people: [(id: String, name: String)]) -> [String: String] {
            var counts: [String: Int] = [:]
            for person in people { counts[person.name, default: 0] += 1 }
            var names: [String: String] = [:]
            for person in people {
                let shared = counts[person.name]! > 1 || person.name.trimmingCharacters(in: .whitespaces).isEmpty
                names[person.id] = shared ? "\(person.name) (\(person.id))" : person.name
            }
            return names
        }
    }

    /// FET's days and hours: the calendar's days and all its periods, by id.
    private func writeDaysAndHours(_ calendar: SchoolCalendar, to x: inout XMLText) {
        x.open("Days_List")
        x.element("Number_of_Days", String(calendar.days.count))
        for day in calendar.days { x.open("Day"); x.element("Name", day.id.rawValue); x.close("Day") }
        x.close("Days_List")
        x.open("Hours_List")
        x.element("Number_of_Hours", String(calendar.periods.count))
        for period in calendar.periods { x.open("Hour"); x.element("Name", period.id.rawValue); x.close("Hour") }
        x.close("Hours_List")
    }

    /// FET's subjects: the objectives taught, by id, with their titles as comments.
    private func writeSubjects(_ contents: Contents, to x: inout XMLText) {
        x.open("Subjects_List")
        for objective in contents.objectives {
            x.open("Subject"); x.element("Name", objective.id.rawValue); x.element("Comments", objective.title); x.close("Subject")
        }
        x.close("Subjects_List")
    }

    /// The teachers, each qualified for the objectives they teach in the plan.
    private func writeTeachers(_ contents: Contents, to x: inout XMLText) {
        x.open("Teachers_List")
        for teacher in contents.teachers {
            x.open("Teacher")
            x.element("Name", contents.teacherName[teacher.id.rawValue]!)
            x.element("Target_Number_of_Hours", "0")
            x.open("Qualified_Subjects")
            for objective in Set(contents.sessions.filter { $0.teacher == teacher.id }.map(\.objective)).sorted() {
                x.element("Qualified_Subject", objective.rawValue)
            }
            x.close("Qualified_Subjects")
            x.element("Comments", "Pacer id \(teacher.id)")
            x.close("Teacher")
        }
        x.close("Teachers_List")
    }

    /// The students: a year per grade, each student a group of one inside it.
    private func writeStudents(_ contents: Contents, to x: inout XMLText) {
        x.open("Students_List")
        for year in contents.years {
            x.open("Year")
            x.element("Name", year.name)
            x.element("Number_of_Students", String(year.students.count))
            x.element("Comments", "")
            for student in year.students {
                x.open("Group")
                x.element("Name", contents.studentName[student.id.rawValue]!)
                x.element("Number_of_Students", "1")
                x.element("Comments", "Pacer id \(student.id)")
                x.close("Group")
            }
            x.close("Year")
        }
        x.close("Students_List")
    }

    /// One activity per session, numbered from 1 in the plan's order: its teacher, objective and students.
    private func writeActivities(_ contents: Contents, _ context: ExportContext, to x: inout XMLText) {
        x.open("Activities_List")
        for (n, session) in contents.sessions.enumerated() {
            x.open("Activity")
            x.element("Teacher", contents.teacherName[session.teacher.rawValue] ?? session.teacher.rawValue)
            x.element("Subject", session.objective.rawValue)
            for student in context.students(of: session) {
                x.element("Students", contents.studentName[student.rawValue] ?? student.rawValue)
            }
            x.element("Duration", "1")
            x.element("Total_Duration", "1")
            x.element("Id", String(n + 1))
            x.element("Activity_Group_Id", "0")
            x.element("Active", "true")
            x.element("Comments", "Pacer session \(session.id)")
            x.close("Activity")
        }
        x.close("Activities_List")
    }

    /// The rooms used, with their capacities.
    private func writeRooms(_ contents: Contents, to x: inout XMLText) {
        x.open("Rooms_List")
        for room in contents.rooms {
            x.open("Room")
            x.element("Name", contents.roomName[room.id.rawValue]!)
            x.element("Building", "")
            x.element("Capacity", String(room.capacity))
            x.element("Virtual", "false")
            x.element("Comments", "Pacer id \(room.id)")
            x.close("Room")
        }
        x.close("Rooms_List")
    }

    /// Every session locked to its time and its room, at 100 %.
    private func writeLocks(_ contents: Contents, _ calendar: SchoolCalendar, to x: inout XMLText) {
        x.open("Time_Constraints_List")
        x.basicConstraint("ConstraintBasicCompulsoryTime")
        for (n, session) in contents.sessions.enumerated() {
            guard let block = calendar.block(session.block) else { continue }
            x.lockedConstraint("ConstraintActivityPreferredStartingTime", activity: n + 1,
                               [("Preferred_Day", block.day.rawValue), ("Preferred_Hour", block.period.rawValue)])
        }
        x.close("Time_Constraints_List")
        x.open("Space_Constraints_List")
        x.basicConstraint("ConstraintBasicCompulsorySpace")
        for (n, session) in contents.sessions.enumerated() {
            x.lockedConstraint("ConstraintActivityPreferredRoom", activity: n + 1,
                               [("Room", contents.roomName[session.room.rawValue] ?? session.room.rawValue)])
        }
        x.close("Space_Constraints_List")
    }
}

/// XML text written line by line, with every text escaped.
struct XMLText {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ raw: String) { text += raw + "\n" }

    mutating func open(_ name: String) {
        text += String(repeating: "\t", count: depth) + "<\(name)>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "\t", count: depth) + "</\(name)>\n"
    }

    /// A FET constraint every timetable needs (basic compulsory time or space).
    mutating func basicConstraint(_ name: String) {
        open(name)
        element("Weight_Percentage", "100")
        element("Active", "true")
        element("Comments", "")
        close(name)
    }

    /// A 100 % constraint on one activity, permanently locked, with its own fields in between.
    mutating func lockedConstraint(_ name: String, activity: Int, _ fields: [(String, String)]) {
        open(name)
        element("Weight_Percentage", "100")
        element("Activity_Id", String(activity))
        for (key, value) in fields { element(key, value) }
        element("Permanently_Locked", "true")
        element("Active", "true")
        element("Comments", "")
        close(name)
    }

    mutating func element(_ name: String, _ value: String) {
        text += String(repeating: "\t", count: depth) + "<\(name)>\(Self.escaped(value))</\(name)>\n"
    }

    /// `&`, `<`, `>`, quotes escaped; characters XML 1.0 cannot hold (controls other than tab and
    /// line breaks) dropped.
    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
