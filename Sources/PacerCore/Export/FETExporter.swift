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
        let scenario = context.scenario
        let sessions = context.sessions
        let teachers = scenario.teachers.filter { t in sessions.contains { $0.teacher == t.id } }
        let rooms = scenario.rooms.filter { r in sessions.contains { $0.room == r.id } }
        let studentIDs = Set(sessions.flatMap { context.students(of: $0) })
        let students = scenario.students.filter { studentIDs.contains($0.id) }
        let objectives = scenario.objectives.filter { o in sessions.contains { $0.objective == o.id } }

        let teacherName = uniqueNames(teachers.map { ($0.id.rawValue, $0.name) })
        let roomName = uniqueNames(rooms.map { ($0.id.rawValue, $0.name) })
        let grades = Array(Set(students.map { gradeName($0.grade) })).sorted()
        // FET's students sets share one namespace: a student named like a year gets the id too.
        var studentName = uniqueNames(students.map { ($0.id.rawValue, $0.name) })
        for (id, name) in studentName where grades.contains(name) { studentName[id] = "\(name) (\(id))" }

        var x = XMLText()
        x.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        x.line("<fet version=\"6.0.0\">")
        x.element("Mode", "Official")
        x.element("Institution_Name", scenario.name)
        x.element("Comments", "Workshops planned by Pacer \(context.plan.header.pacerVersion) for scenario hash \(context.plan.header.scenarioHash). Each activity is locked to its time and room.")

        x.open("Days_List")
        x.element("Number_of_Days", String(scenario.calendar.days.count))
        for day in scenario.calendar.days { x.open("Day"); x.element("Name", day.id.rawValue); x.close("Day") }
        x.close("Days_List")
        x.open("Hours_List")
        x.element("Number_of_Hours", String(scenario.calendar.periods.count))
        for period in scenario.calendar.periods { x.open("Hour"); x.element("Name", period.id.rawValue); x.close("Hour") }
        x.close("Hours_List")

        x.open("Subjects_List")
        for objective in objectives {
            x.open("Subject"); x.element("Name", objective.id.rawValue); x.element("Comments", objective.title); x.close("Subject")
        }
        x.close("Subjects_List")
        x.line("<Activity_Tags_List>\n</Activity_Tags_List>")

        x.open("Teachers_List")
        for teacher in teachers {
            x.open("Teacher")
            x.element("Name", teacherName[teacher.id.rawValue]!)
            x.element("Target_Number_of_Hours", "0")
            x.open("Qualified_Subjects")
            for objective in Set(sessions.filter { $0.teacher == teacher.id }.map(\.objective)).sorted() {
                x.element("Qualified_Subject", objective.rawValue)
            }
            x.close("Qualified_Subjects")
            x.element("Comments", "Pacer id \(teacher.id)")
            x.close("Teacher")
        }
        x.close("Teachers_List")

        x.open("Students_List")
        for grade in grades {
            let members = students.filter { gradeName($0.grade) == grade }
            x.open("Year")
            x.element("Name", grade)
            x.element("Number_of_Students", String(members.count))
            x.element("Comments", "")
            for student in members {
                x.open("Group")
                x.element("Name", studentName[student.id.rawValue]!)
                x.element("Number_of_Students", "1")
                x.element("Comments", "Pacer id \(student.id)")
                x.close("Group")
            }
            x.close("Year")
        }
        x.close("Students_List")

        x.open("Activities_List")
        for (n, session) in sessions.enumerated() {
            x.open("Activity")
            x.element("Teacher", teacherName[session.teacher.rawValue] ?? session.teacher.rawValue)
            x.element("Subject", session.objective.rawValue)
            for student in context.students(of: session) { x.element("Students", studentName[student.rawValue] ?? student.rawValue) }
            x.element("Duration", "1")
            x.element("Total_Duration", "1")
            x.element("Id", String(n + 1))
            x.element("Activity_Group_Id", "0")
            x.element("Active", "true")
            x.element("Comments", "Pacer session \(session.id)")
            x.close("Activity")
        }
        x.close("Activities_List")
        x.line("<Buildings_List>\n</Buildings_List>")

        x.open("Rooms_List")
        for room in rooms {
            x.open("Room")
            x.element("Name", roomName[room.id.rawValue]!)
            x.element("Building", "")
            x.element("Capacity", String(room.capacity))
            x.element("Virtual", "false")
            x.element("Comments", "Pacer id \(room.id)")
            x.close("Room")
        }
        x.close("Rooms_List")

        // Every session locked to its time and its room, at 100 %.
        x.open("Time_Constraints_List")
        x.basicConstraint("ConstraintBasicCompulsoryTime")
        for (n, session) in sessions.enumerated() {
            guard let block = scenario.calendar.block(session.block) else { continue }
            x.lockedConstraint("ConstraintActivityPreferredStartingTime", activity: n + 1,
                               [("Preferred_Day", block.day.rawValue), ("Preferred_Hour", block.period.rawValue)])
        }
        x.close("Time_Constraints_List")
        x.open("Space_Constraints_List")
        x.basicConstraint("ConstraintBasicCompulsorySpace")
        for (n, session) in sessions.enumerated() {
            x.lockedConstraint("ConstraintActivityPreferredRoom", activity: n + 1,
                               [("Room", roomName[session.room.rawValue] ?? session.room.rawValue)])
        }
        x.close("Space_Constraints_List")
        x.line("</fet>")
        return x.text
    }

    private func gradeName(_ grade: String) -> String { grade.isEmpty ? "Students" : "Grade \(grade)" }

    /// Display names, with ` (id)` added to every name two or more people share (and to empty ones).
    private func uniqueNames(_ people: [(id: String, name: String)]) -> [String: String] {
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
