import PacerCore
import Plot

/// The scheduler's page: planning, today's plan, absences, checks and where students stand.
struct SchedulerPage: Component {
    let view: SchedulerView
    let csrf: String

    var body: Component {
        ComponentGroup { plan; today; absences; requests; checks; standing }
    }

    /// The job under way, and the forms to regroup a day and plan a week.
    private var plan: Component {
        ComponentGroup {
            if let job = view.job { Paragraph { link("/job", job.title); Text(": " + job.state) } }
            H2("Plan")
            postForm("/regroup", csrf: csrf) {
                element("label") { Text("Regroup "); input("date", "date").attr("value", view.nextDay.text).flag("required") }
                Button("Regroup and verify")
            }
            postForm("/plan-week", csrf: csrf) {
                element("label") { Text("Plan the week of "); input("date", "week-of").attr("value", view.nextWeek.text).flag("required") }
                Button("Plan and verify")
            }
        }
    }

    /// The plan in force and who it does not serve.
    private var today: Component {
        ComponentGroup {
            H2("Today")
            if let today = view.today {
                Paragraph(today.plan)
                if let shortfall = today.shortfall {
                    Paragraph(shortfall)
                    Div {
                        element("table") {
                            headerRow("student", "objective", "workshops", "why")
                            for u in today.unserved {
                                element("tr") { TableCell(u.student); TableCell(u.objective.rawValue).class("id"); TableCell(u.workshops); TableCell(u.why) }
                            }
                        }
                    }.class("scroll")
                    if let more = today.more { Paragraph(more).class("note") }
                } else {
                    Paragraph("Every student gets the workshops they want in this plan.").class("ok")
                }
                if !today.movedOn.isEmpty {
                    Paragraph("Placed today on an objective they have mastered since; regroup the day to move them:").class("warn")
                    lines(today.movedOn)
                }
            } else {
                Paragraph("No published plan covers today. Plan the week and publish it.").class("warn")
            }
        }
    }

    private var absences: Component {
        ComponentGroup {
            H2("Absences")
            if view.absences.isEmpty { Paragraph("Nobody recorded away today.") } else { lines(view.absences) }
            postForm("/absence", csrf: csrf) {
                void("input").attr("name", "person").attr("list", "people").attr("placeholder", "teacher:ID, supervisor:ID or student:ID").flag("required").attr("aria-label", "who")
                element("datalist") {
                    for teacher in view.teachers { element("option") { Text(teacher.name) }.attr("value", "teacher:\(teacher.id)") }
                    for supervisor in view.supervisors { element("option") { Text(supervisor.name) }.attr("value", "supervisor:\(supervisor.id)") }
                }.attr("id", "people")
                input("date", "date").attr("value", view.date.text).flag("required").attr("aria-label", "date")
                Span {
                    for (n, period) in view.periods.enumerated() {
                        if n > 0 { Text(" ") }
                        element("label") { input("checkbox", "period-\(period)"); Text(" \(period)") }
                    }
                    Text(" ")
                    Span("(none ticked: the whole day)").class("note")
                }
                Button("Record absence")
            }
            Paragraph("A teacher's absence is covered at the next regroup of that day: each of their sessions goes to a free qualified teacher, else its students join another session of it with room, else a qualified teacher gives up their own group when that is cheaper for students, else it is cancelled, saying what was tried; a supervisor's study groups get other adults.")
                .class("note")
        }
    }

    /// The requests still asking, oldest first, each with a cancel button (`pacer request` and the ask
    /// page make them).
    private var requests: Component {
        ComponentGroup {
            if !view.requestLines.isEmpty {
                H2("Requests still asking")
                requestList(view.requestLines, csrf: csrf)
            }
        }
    }

    /// Upload a checks file; the latest checks, each to correct or withdraw.
    private var checks: Component {
        ComponentGroup {
            H2("Checks")
            postForm("/checks", csrf: csrf, multipart: true) {
                input("file", "file").attr("accept", ".csv,text/csv").flag("required").attr("aria-label", "checks file")
                element("label") {
                    input("checkbox", "again")
                    Text(" record withdrawn checks again")
                }
                Button("Upload checks")
            }
            Paragraph("A CSV (commas, semicolons or tabs) with the columns date, student, objective, result (mastered or not-yet) and an optional note; nothing is recorded if a row is wrong. A check withdrawn before stays withdrawn unless the box is ticked.")
                .class("note")
            if view.checks.isEmpty {
                Paragraph("No checks recorded yet.")
            } else {
                Div {
                    element("table") {
                        headerRow("check", "date", "student", "objective", "result", "note", "")
                        for check in view.checks { row(check) }
                    }
                }.class("scroll")
            }
        }
    }

    private func row(_ check: SchedulerView.Check) -> Component {
        element("tr") {
            TableCell(String(check.id))
            TableCell(check.date.text)
            TableCell(check.student.rawValue)
            TableCell(check.objective.rawValue).class("id")
            TableCell(check.result)
            TableCell(check.note)
            TableCell {
                postForm("/correct", csrf: csrf) {
                    hidden("check", String(check.id))
                    dropDown("result", [("mastered", "mastered"), ("not-yet", "not yet")]).attr("aria-label", "corrected result")
                    input("text", "note").attr("maxlength", "500").attr("value", check.note).attr("aria-label", "note")
                    Button("Correct").class("quiet")
                }.class("inline")
                // The two forms sit side by side where the cell is wide enough, a space apart.
                Text(" ")
                postForm("/withdraw", csrf: csrf) {
                    hidden("check", String(check.id))
                    Button("Withdraw").class("quiet")
                }.class("inline")
            }
        }
    }

    /// Students on each objective, the longest on it first.
    private var standing: Component {
        ComponentGroup {
            H2("Where students stand")
            element("table") {
                headerRow("objective", "students", "who (days on it)")
                for line in view.standing {
                    element("tr") {
                        TableCell { Span(line.objective?.rawValue ?? "done").class("id"); Div(line.title).class("note") }
                        TableCell(String(line.count))
                        TableCell(line.who)
                    }
                }
            }
        }
    }
}
