import Foundation
import Hummingbird
import PacerCore

/// The portal's pages: plain HTML that works without JavaScript and on a 390 px phone.
enum Page {
    static func response(_ status: HTTPResponse.Status, title: String, body: String, refresh: Bool = false) -> Response {
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">\(refresh ? "<meta http-equiv=\"refresh\" content=\"1\">" : "")
            <title>\(escape(title))</title><style>
            body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:.8rem}
            h1{font-size:1.3rem}h2{font-size:1.1rem;margin:1.2rem 0 .3rem}
            .group{border:1px solid #ccc;border-radius:8px;padding:.6rem;margin:.6rem 0}
            .student{border-top:1px solid #eee;padding:.4rem 0}.tag{font-size:.8rem;background:#eef;border-radius:4px;padding:0 .3rem;margin-left:.3rem}
            .note{color:#555;font-size:.9rem}form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.3rem}
            input[type=text]{flex:1 1 10rem;min-width:0;padding:.3rem}button{padding:.35rem .8rem}
            nav{margin:.2rem 0 .6rem;display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}.signout{margin:0 0 0 auto}.away{background:#fdd}.quiet{font-size:.85rem;background:none;border:1px solid #bbb;border-radius:4px}
            .inline{display:inline-flex;margin-top:.2rem}.scroll{overflow-x:auto}.feed{word-break:break-all}.plain{list-style:none;padding:0}.plain li{margin:.4rem 0}.warn{color:#a00}.ok{color:#070}
            table{border-collapse:collapse;width:100%}.id{white-space:nowrap}td,th{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #eee}
            </style></head><body><h1>\(escape(title))</h1>
            \(body)
            </body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static let back = "<p><a href=\"/\">Back to your page</a></p>"

    /// The links at the top of each page, by role, and the sign-out button (a shared device can
    /// be left signed out).
    static func nav(_ session: PortalSession) -> String {
        let links: String
        switch session.grant.role {
        case .teacher: links = "<a href=\"/\">Today</a> · <a href=\"/week\">This week</a>"
        case .family: links = ""
        case .scheduler: links = "<a href=\"/\">School</a> · <a href=\"/job\">Planning</a> · <a href=\"/exports\">Exports</a>"
        }
        return "<nav>\(links)<form method=post action=\"/signout\" class=\"inline signout\"><input type=hidden name=csrf value=\"\(session.csrf)\">"
            + "<button class=quiet>Sign out</button></form></nav>"
    }

    /// A path for a URL: each segment percent-encoded, the slashes kept.
    static func pathEscape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? "" }
            .joined(separator: "/")
    }

    /// A teacher's groups of the day, each student with a check form.
    static func agenda(_ agenda: TeacherAgenda, csrf: String) -> String {
        guard !agenda.groups.isEmpty else { return "<p>No sessions published for you on \(agenda.date.weekdayName) \(agenda.date).</p>" }
        return agenda.groups.map { group -> String in
            let students: String = group.members.map { m -> String in
                var tags = ""
                if m.priority { tags += "<span class=tag>priority</span>" }
                if m.isNew { tags += "<span class=tag>new</span>" }
                if m.absent { tags += "<span class=\"tag away\">absent</span>" }
                let days = m.daysOnObjective.map { ", day \($0 + 1) on it" } ?? ""
                let last: String = m.lastCheck.map { c -> String in
                    "<div class=note>last check \(c.date): \(c.result == "mastered" ? "mastered" : "not yet")\(c.note.isEmpty ? "" : ": " + escape(c.note))</div>"
                } ?? ""
                let absentForm: String = m.absent ? "" : """
                    <form method=post action="/absent" class=inline><input type=hidden name=csrf value="\(csrf)">
                    <input type=hidden name=student value="\(escape(m.student.rawValue))"><input type=hidden name=block value="\(escape(group.block.rawValue))">
                    <button class=quiet>Mark absent</button></form>
                    """
                return """
                    <div class=student id="student-\(escape(m.student.rawValue))"><b>\(escape(m.name))</b> (grade \(escape(m.grade))\(days))\(tags)\(last)
                    <form method=post action="/check"><input type=hidden name=csrf value="\(csrf)">
                    <input type=hidden name=student value="\(escape(m.student.rawValue))"><input type=hidden name=objective value="\(escape(group.objective.rawValue))">
                    <label><input type=radio name=result value=mastered required> mastered</label>
                    <label><input type=radio name=result value=not-yet> not yet</label>
                    <input type=text name=note maxlength=500 placeholder="evidence or feedback" aria-label="note for \(escape(m.name))">
                    <button>Record</button></form>\(absentForm)</div>
                    """
            }.joined()
            return """
                <div class=group><h2>\(escape(group.start))–\(escape(group.end)) · room \(escape(group.room.rawValue))</h2>
                <div><span class=id>\(escape(group.objective.rawValue))</span>: \(escape(group.title)) · \(group.members.count) student(s)</div>\(students)</div>
                """
        }.joined()
    }

    /// A teacher's week: each school day's groups, briefly, today marked.
    static func teacherWeek(_ days: [TeacherAgenda], today: SchoolDate) -> String {
        days.map { day -> String in
            let groups: String = day.groups.map { g -> String in
                let absent = g.members.filter(\.absent).count
                return "<li>\(escape(g.start))–\(escape(g.end)), room \(escape(g.room.rawValue)): <span class=id>\(escape(g.objective.rawValue))</span> \(escape(g.title)), "
                    + "\(g.members.count) student(s)\(absent > 0 ? " (\(absent) absent)" : "")</li>"
            }.joined()
            let heading = "\(day.date.weekdayName) \(day.date)" + (day.date == today ? " (today)" : "")
            return "<h2>\(heading)</h2>" + (groups.isEmpty ? "<p class=note>No sessions published.</p>" : "<ul>\(groups)</ul>")
        }.joined()
    }

    /// A family's view: the student's current objective per subject, this week's workshops, recent
    /// checks with their notes, and the calendar feed to subscribe to.
    static func family(_ lines: [StateStore.StatusLine], week: [StudentWorkshop], checks: [StateStore.RecordedCheck], feed: String,
                       today: SchoolDate, scenario: Scenario) -> String {
        let rows: String = lines.map { line -> String in
            let subject = scenario.subjects.first { $0.id == line.subject }?.name ?? line.subject.rawValue
            let objective = line.objective.map { id in "\(escape(scenario.objective(id)?.title ?? id.rawValue)) (day \(line.daysOnIt + 1))" } ?? "progression complete"
            return "<tr><td>\(escape(subject))</td><td>\(objective)</td></tr>"
        }.joined()
        let workshops: String = week.map { w -> String in
            "<li><b>\(w.date.weekdayName) \(w.date.text.suffix(5))\(w.date == today ? " (today)" : ""), \(escape(w.start))–\(escape(w.end))</b>: "
                + "\(escape(w.title.isEmpty ? w.objective.rawValue : w.title))\(w.absent ? " <span class=\"tag away\">absent</span>" : "")"
                + "<div class=note>with \(escape(w.teacher)), \(escape(w.room))</div></li>"
        }.joined()
        let recent: String = checks.reversed().map { c -> String in
            "<li>\(c.date): \(escape(scenario.objective(c.objective)?.title ?? c.objective.rawValue)): \(c.result == "mastered" ? "mastered" : "not yet")\(c.note.isEmpty ? "" : ": " + escape(c.note))</li>"
        }.joined()
        return "<h2>Now working on</h2><table>\(rows)</table>"
            + "<h2>This week's workshops</h2>" + (workshops.isEmpty ? "<p>No workshops published for this week.</p>"
                : "<ul class=plain>\(workshops)</ul>")
            + "<h2>Recent checks</h2>" + (recent.isEmpty ? "<p>None yet.</p>" : "<ul>\(recent)</ul>")
            + "<h2>Calendar</h2><p>Add this address to your phone's calendar as a subscription; it updates when the school regroups. Keep it private: it shows your child's timetable (it does not sign anyone in).</p>"
            + "<p class=\"note feed\"><a href=\"\(escape(feed))\">\(escape(feed))</a></p>"
    }

    /// The scheduler's standing: students on each objective, the longest on it first.
    static func standing(_ lines: [StateStore.StatusLine], scenario: Scenario) -> String {
        let byObjective = Dictionary(grouping: lines.filter { $0.objective != nil }, by: { $0.objective! })
        let rows: String = byObjective.keys.sorted { $0.rawValue < $1.rawValue }.map { id -> String in
            let on = byObjective[id]!.sorted { ($0.daysOnIt, $0.student.rawValue) > ($1.daysOnIt, $1.student.rawValue) }
            let names = on.map { "\(escape($0.name)) (\($0.daysOnIt + 1) d)" }.joined(separator: ", ")
            let title = scenario.objective(id)?.title ?? ""
            return "<tr><td><span class=id>\(escape(id.rawValue))</span><div class=note>\(escape(title))</div></td><td>\(on.count)</td><td>\(names)</td></tr>"
        }.joined()
        return "<table><tr><th>objective</th><th>students</th><th>who (days on it)</th></tr>\(rows)</table>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
