import Foundation
import Hummingbird
import PacerCore

/// The portal's pages: plain HTML that works without JavaScript and on a 390 px phone.
enum Page {
    static func response(_ status: HTTPResponse.Status, title: String, body: String) -> Response {
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title><style>
            body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:.8rem}
            h1{font-size:1.3rem}h2{font-size:1.1rem;margin:1.2rem 0 .3rem}
            .group{border:1px solid #ccc;border-radius:8px;padding:.6rem;margin:.6rem 0}
            .student{border-top:1px solid #eee;padding:.4rem 0}.tag{font-size:.8rem;background:#eef;border-radius:4px;padding:0 .3rem;margin-left:.3rem}
            .note{color:#555;font-size:.9rem}form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.3rem}
            input[type=text]{flex:1 1 10rem;min-width:0;padding:.3rem}button{padding:.35rem .8rem}
            table{border-collapse:collapse;width:100%}.id{white-space:nowrap}td,th{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #eee}
            </style></head><body><h1>\(escape(title))</h1>
            \(body)
            </body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func signInFirst() -> Response {
        response(.unauthorized, title: "Sign in", body: "<p>Open the sign-in link the scheduler gave you (pacer access grant).</p>")
    }

    /// A teacher's groups of the day, each student with a check form.
    static func agenda(_ agenda: TeacherAgenda, csrf: String) -> String {
        guard !agenda.groups.isEmpty else { return "<p>No sessions published for you on \(agenda.date).</p>" }
        return agenda.groups.map { group -> String in
            let students: String = group.members.map { m -> String in
                var tags = ""
                if m.priority { tags += "<span class=tag>priority</span>" }
                if m.isNew { tags += "<span class=tag>new</span>" }
                let days = m.daysOnObjective.map { ", day \($0 + 1) on it" } ?? ""
                let last: String = m.lastCheck.map { c -> String in
                    "<div class=note>last check \(c.date): \(c.result == "mastered" ? "mastered" : "not yet")\(c.note.isEmpty ? "" : ": " + escape(c.note))</div>"
                } ?? ""
                return """
                    <div class=student><b>\(escape(m.name))</b> (grade \(escape(m.grade))\(days))\(tags)\(last)
                    <form method=post action="/check"><input type=hidden name=csrf value="\(csrf)">
                    <input type=hidden name=student value="\(escape(m.student.rawValue))"><input type=hidden name=objective value="\(escape(group.objective.rawValue))">
                    <label><input type=radio name=result value=mastered required> mastered</label>
                    <label><input type=radio name=result value=not-yet> not yet</label>
                    <input type=text name=note maxlength=500 placeholder="evidence or feedback" aria-label="note for \(escape(m.name))">
                    <button>Record</button></form></div>
                    """
            }.joined()
            return """
                <div class=group><h2>\(escape(group.start))–\(escape(group.end)) · room \(escape(group.room.rawValue))</h2>
                <div>\(escape(group.objective.rawValue)): \(escape(group.title))</div>\(students)</div>
                """
        }.joined()
    }

    /// A family's view: the student's current objective per subject and recent checks.
    static func family(_ lines: [StateStore.StatusLine], checks: [StateStore.RecordedCheck], scenario: Scenario) -> String {
        let rows: String = lines.map { line -> String in
            let subject = scenario.subjects.first { $0.id == line.subject }?.name ?? line.subject.rawValue
            let objective = line.objective.map { id in "\(escape(scenario.objective(id)?.title ?? id.rawValue)) (day \(line.daysOnIt + 1))" } ?? "progression complete"
            return "<tr><td>\(escape(subject))</td><td>\(objective)</td></tr>"
        }.joined()
        let recent: String = checks.reversed().map { c -> String in
            "<li>\(c.date): \(escape(scenario.objective(c.objective)?.title ?? c.objective.rawValue)): \(c.result == "mastered" ? "mastered" : "not yet")\(c.note.isEmpty ? "" : ": " + escape(c.note))</li>"
        }.joined()
        return "<h2>Now working on</h2><table>\(rows)</table><h2>Recent checks</h2>" + (recent.isEmpty ? "<p>None yet.</p>" : "<ul>\(recent)</ul>")
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
