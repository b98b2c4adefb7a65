import PacerCore
import Plot

/// A teacher's or supervisor's day: each group with its students, each student with a check form
/// (where the adult may record one) and, until they are marked absent, a button to mark them so.
struct TeacherDayPage: Component {
    let view: TeacherDayView
    let csrf: String

    var body: Component {
        ComponentGroup {
            if let nothing = view.nothing { Paragraph(nothing) }
            if let note = view.studyNote { Paragraph(note).class("note") }
            if !view.asked.isEmpty {
                H2("Students you asked for")
                element("ul") {
                    for asked in view.asked {
                        ListItem {
                            Text(asked.student).bold()
                            Text(": " + asked.what)
                            Div(asked.outcome).class(asked.got ? "note ok" : "note warn")
                        }
                    }
                }.class("plain")
            }
            for entry in view.entries { self.entry(entry) }
            if !view.othersAsked.isEmpty {
                H2("Requests for your students today")
                lines(view.othersAsked)
            }
        }
    }

    /// A workshop or a study group, with its students.
    private func entry(_ entry: TeacherDayView.Entry) -> Component {
        switch entry {
        case let .workshop(group):
            return Div {
                H2(group.heading)
                Div { Span(group.objective.rawValue).class("id"); Text(": " + group.summary) }
                for student in group.students { self.student(student, in: group) }
            }.class("group")
        case let .study(group):
            return Div {
                H2(group.heading)
                Div(group.summary)
                for student in group.students { self.student(student, inStudy: group) }
            }.class("group")
        }
    }

    /// A student's row in one block: a student may be in two groups of the day (study in both flex
    /// blocks is common), so the block keeps the page's ids unique and the posts return to the row.
    static func anchor(_ student: StudentID, in block: BlockID) -> String { "student-\(student)-\(block)" }

    /// The form that records a mastery check of the student on the objective.
    private func checkForm(_ student: TeacherDayView.Student, on objective: ObjectiveID, in block: BlockID) -> Component {
        postForm("/check", csrf: csrf) {
            hidden("student", student.id.rawValue)
            hidden("objective", objective.rawValue)
            hidden("block", block.rawValue)
            element("label") { input("radio", "result").attr("value", "mastered").flag("required"); Text(" mastered") }
            element("label") { input("radio", "result").attr("value", "not-yet"); Text(" not yet") }
            input("text", "note").attr("maxlength", "500").attr("placeholder", "evidence or feedback").attr("aria-label", "note for \(student.name)")
            Button("Record")
        }
    }

    /// The button that marks a student absent in a block (a workshop's or a study group's).
    private func absentForm(_ student: TeacherDayView.Student, in block: BlockID) -> Component {
        postForm("/absent", csrf: csrf) {
            hidden("student", student.id.rawValue)
            hidden("block", block.rawValue)
            Button("Mark absent").class("quiet")
        }.class("inline")
    }

    /// A student of a study group the adult supervises: the same marks, last check and absent
    /// button as in a workshop, and the check form when a teacher can teach the student's objective.
    private func student(_ student: TeacherDayView.Student, inStudy group: TeacherDayView.Study) -> Component {
        Div {
            Text(student.name).bold()
            Text(" (\(student.about))")
            for m in student.marks { mark(m.rawValue, away: m == .absent || m == .movedOn || m == .left) }
            if let last = student.lastCheck { Div(last).class("note") }
            if let objective = student.checks { checkForm(student, on: objective, in: group.block) }
            if !student.absent { absentForm(student, in: group.block) }
        }.class("student").attr("id", Self.anchor(student.id, in: group.block))
    }

    private func student(_ student: TeacherDayView.Student, in group: TeacherDayView.Group) -> Component {
        Div {
            Text(student.name).bold()
            Text(" (\(student.about))")
            for m in student.marks { mark(m.rawValue, away: m == .absent || m == .movedOn || m == .left) }
            if let last = student.lastCheck { Div(last).class("note") }
            checkForm(student, on: group.objective, in: group.block)
            if !student.absent { absentForm(student, in: group.block) }
        }.class("student").attr("id", Self.anchor(student.id, in: group.block))
    }
}

/// A teacher's or supervisor's week: each school day's groups, one line each.
struct TeacherWeekPage: Component {
    let view: TeacherWeekView

    var body: Component {
        ComponentGroup {
            for day in view.days {
                H2(day.heading)
                if day.sessions.isEmpty {
                    Paragraph("No sessions published.").class("note")
                } else {
                    element("ul") {
                        for session in day.sessions {
                            ListItem {
                                Text(session.when + ": ")
                                if let objective = session.objective { Span(objective.rawValue).class("id"); Text(" ") }
                                Text(session.about)
                            }
                        }
                    }
                }
            }
        }
    }
}
