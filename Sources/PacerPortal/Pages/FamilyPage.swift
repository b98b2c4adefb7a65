import PacerCore
import Plot

/// A family's page: where their student stands, this week's workshops, recent checks and the
/// calendar feed.
struct FamilyPage: Component {
    let view: FamilyView
    let csrf: String

    var body: Component {
        ComponentGroup {
            H2("Now working on")
            element("table") {
                for line in view.standing { element("tr") { TableCell(line.subject); TableCell(line.objective) } }
            }
            H2("This week's workshops and study")
            if view.workshops.isEmpty {
                Paragraph("Nothing published for this week.")
            } else {
                element("ul") {
                    for w in view.workshops {
                        ListItem {
                            Text(w.when).bold()
                            Text(": " + w.what)
                            if w.absent { Text(" "); mark("absent", away: true) }
                            if let note = w.note { Text(" "); mark(note, away: true) }
                            Div(w.with).class("note")
                        }
                    }
                }.class("plain")
            }
            H2("Requests").attr("id", "requests")
            if view.requestLines.isEmpty { Paragraph("None yet.") } else { requestList(view.requestLines, csrf: csrf) }
            if let ask = view.ask { AskForm(form: ask, csrf: csrf, heading: "Ask for help or a mastery check") }
            H2("Recent checks")
            if view.checks.isEmpty { Paragraph("None yet.") } else { lines(view.checks) }
            H2("Calendar")
            Paragraph("Add this address to your phone's calendar as a subscription; it updates when the school regroups. Keep it private: it shows your child's timetable (it does not sign anyone in).")
            Paragraph { link(view.feed, view.feed) }.class("note feed")
        }
    }
}
