import PacerCore
import Plot

/// The ask page (teachers and the scheduler): a search box (a GET form, no script), the students
/// found, the form for the student chosen, and the requests the person asked.
struct AskPage: Component {
    let view: AskView
    let csrf: String
    /// Why the student asked for is not one (`?student=` names nobody), or nil.
    let unknown: String?
    /// The request just recorded, as the list says it, or nil.
    let done: String?

    var body: Component {
        ComponentGroup {
            if let done { Paragraph("Recorded: " + done).class("ok") }
            element("form") {
                element("label") {
                    Text("Find a student ")
                    input("search", "q").attr("value", view.query).attr("maxlength", "100").attr("placeholder", "part of a name or id").flag("required")
                }
                Button("Find")
            }.attr("method", "get").attr("action", "/ask").attr("role", "search")
            if let note = view.searchNote { Paragraph(note).class("note") }
            if !view.matches.isEmpty {
                element("ul") {
                    for match in view.matches { ListItem { link("/ask?student=" + Page.queryEscape(match.id.rawValue), match.label) } }
                }
            }
            if let unknown { Paragraph(unknown).class("warn") }
            if let form = view.form { AskForm(form: form, csrf: csrf, heading: "Ask for \(form.name)") }
            H2("Your requests")
            if view.mine.isEmpty {
                Paragraph("None yet.").class("note")
            } else {
                requestList(view.mine.map { PortalRequestLine(text: $0.text, cancel: $0.mayCancel ? $0.id : nil) }, csrf: csrf)
            }
        }
    }
}

/// The form that asks for one student: what, when, how urgent (not a family's to choose) and why.
struct AskForm: Component {
    let form: AskView.Form
    let csrf: String
    let heading: String

    var body: Component {
        ComponentGroup {
            H2(heading)
            if let nothing = form.nothing, form.wants.isEmpty {
                Paragraph(nothing).class("note")
            } else {
                postForm("/request", csrf: csrf) {
                    hidden("student", form.student.rawValue)
                    element("label") { Text("What "); dropDown("want", form.wants.map { ($0.value, $0.label) }) }.class("field")
                    element("label") { Text("When "); dropDown("span", form.spans.map { ($0.value, $0.label) }) }.class("field")
                    element("label") { Text("Day "); input("date", "on").attr("value", form.date.text) }.class("field")
                    if !form.priorities.isEmpty {
                        element("label") {
                            Text("Priority ")
                            dropDown("priority", form.priorities.map { ($0, $0) }, selected: form.standard)
                        }.class("field")
                    }
                    input("text", "note").attr("maxlength", "500").attr("placeholder", "why (optional)").attr("aria-label", "note")
                    Button("Ask")
                }
                Paragraph(form.help).class("note")
            }
        }
    }
}

/// Requests, one a line, each the person may cancel with its cancel button.
func requestList(_ requests: [PortalRequestLine], csrf: String) -> Component {
    element("ul") {
        for request in requests {
            ListItem {
                Text(request.text)
                if let id = request.cancel {
                    postForm("/request/cancel", csrf: csrf) {
                        hidden("request", String(id))
                        Button("Cancel this request").class("quiet")
                    }.class("inline")
                }
            }
        }
    }.class("plain")
}
