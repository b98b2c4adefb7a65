import Foundation
import Hummingbird
import PacerCore

/// What the scheduler's page shows.
struct SchedulerView {
    let today: SchoolDate
    let csrf: String
    let scenario: Scenario
    let standing: [StateStore.StatusLine]
    let inForce: PlanInForce?
    let absences: [Absence]
    let recentChecks: [(student: StudentID, check: StateStore.RecordedCheck)]
    let job: PortalJobs.Job?
    /// What the regroup and week-plan forms propose.
    let nextDay: SchoolDate
    let nextWeek: SchoolDate
}

extension Page {
    static func scheduler(_ v: SchedulerView) -> String {
        let csrf = "<input type=hidden name=csrf value=\"\(v.csrf)\">"
        var html = ""
        // Planning: regroup tomorrow, plan next week, and the job under way.
        if let job = v.job {
            let state: String
            switch job.outcome {
            case .running: state = "running"
            case let .done(_, violations): state = job.published.map { $0 > 0 ? "published as plan \($0)" : "publishing" } ?? (violations.isEmpty ? "ready to publish" : "breaks \(violations.count) rule(s)")
            case .failed: state = "failed"
            }
            html += "<p><a href=\"/job\">\(escape(job.kind.title))</a>: \(state)</p>"
        }
        html += """
            <h2>Plan</h2>
            <form method=post action="/regroup">\(csrf)<label>Regroup <input type=date name=date value="\(v.nextDay)" required></label>
            <button>Regroup and verify</button></form>
            <form method=post action="/plan-week">\(csrf)<label>Plan the week of <input type=date name=week-of value="\(v.nextWeek)" required></label>
            <button>Plan and verify</button></form>
            """
        // Today: the plan in force and who it does not serve.
        html += "<h2>Today</h2>"
        if let inForce = v.inForce {
            let sessions = inForce.sessions.count
            html += "<p>Plan \(inForce.id) is in force (\(inForce.plan.header.kind.rawValue) of \(inForce.weekOf)): \(sessions) session(s) today.</p>"
            let unserved = inForce.plan.unserved.sorted { ($0.student.rawValue, $0.objective.rawValue) < ($1.student.rawValue, $1.objective.rawValue) }
            if unserved.isEmpty {
                html += "<p class=ok>Every student gets the workshops they want in this plan.</p>"
            } else {
                let names = Dictionary(v.scenario.students.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                let rows: String = unserved.prefix(100).map { u -> String in
                    "<tr><td>\(escape(names[u.student] ?? u.student.rawValue))</td><td class=id>\(escape(u.objective.rawValue))</td><td>\(u.got) of \(u.wanted)</td><td>\(escape(u.reason.text))</td></tr>"
                }.joined()
                html += "<p>\(unserved.count) student(s) get fewer workshops than they want in this plan:</p><div class=scroll><table>"
                    + "<tr><th>student</th><th>objective</th><th>workshops</th><th>why</th></tr>\(rows)</table></div>"
                    + (unserved.count > 100 ? "<p class=note>… and \(unserved.count - 100) more (the exports list them all).</p>" : "")
            }
        } else {
            html += "<p class=warn>No published plan covers today. Plan the week and publish it.</p>"
        }
        // Absences.
        let periods: String = v.scenario.calendar.periods.map { p -> String in
            "<label><input type=checkbox name=\"period-\(escape(p.id.rawValue))\"> \(escape(p.id.rawValue))</label>"
        }.joined(separator: " ")
        let teachers: String = v.scenario.teachers.map { "<option value=\"teacher:\(escape($0.id.rawValue))\">\(escape($0.name))</option>" }.joined()
        html += "<h2>Absences</h2>"
            + (v.absences.isEmpty ? "<p>Nobody recorded away today.</p>" : "<ul>" + v.absences.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>")
            + """
            <form method=post action="/absence">\(csrf)<input name=person list=people placeholder="teacher:ID or student:ID" required aria-label="who">
            <datalist id=people>\(teachers)</datalist><input type=date name=date value="\(v.today)" required aria-label="date">
            <span>\(periods) <span class=note>(none ticked: the whole day)</span></span>
            <button>Record absence</button></form>
            <p class=note>A teacher's absence is covered at the next regroup of that day: their sessions go to free qualified teachers, or are cancelled with the reason.</p>
            """
        // Checks: upload, recent, correct or withdraw.
        let recent: String = v.recentChecks.map { student, c -> String in
            """
            <tr><td>\(c.id)</td><td>\(c.date)</td><td>\(escape(student.rawValue))</td><td class=id>\(escape(c.objective.rawValue))</td><td>\(escape(c.result))</td><td>\(escape(c.note))</td>
            <td><form method=post action="/correct" class=inline>\(csrf)<input type=hidden name=check value="\(c.id)">
            <select name=result aria-label="corrected result"><option value=mastered>mastered</option><option value=not-yet>not yet</option></select>
            <input type=text name=note maxlength=500 value="\(escape(c.note))" aria-label="note"><button class=quiet>Correct</button></form>
            <form method=post action="/withdraw" class=inline>\(csrf)<input type=hidden name=check value="\(c.id)"><button class=quiet>Withdraw</button></form></td></tr>
            """
        }.joined()
        html += """
            <h2>Checks</h2>
            <form method=post action="/checks" enctype="multipart/form-data">\(csrf)<input type=file name=file accept=".csv,text/csv" required aria-label="checks file">
            <button>Upload checks</button></form>
            <p class=note>A CSV with the columns date, student, objective, result (mastered or not-yet) and an optional note; nothing is recorded if a row is wrong.</p>
            """
            + (recent.isEmpty ? "<p>No checks recorded yet.</p>" : "<div class=scroll><table><tr><th>check</th><th>date</th><th>student</th><th>objective</th><th>result</th><th>note</th><th></th></tr>\(recent)</table></div>")
        html += "<h2>Where students stand</h2>" + standing(v.standing, scenario: v.scenario)
        return html
    }

    /// The planning job: progress while it runs (the page reloads itself every second, no
    /// JavaScript), then what the plan changes and whether it may be published.
    static func job(_ job: PortalJobs.Job, session: PortalSession, scenario: Scenario, absentTeachers: Set<TeacherID>) -> Response {
        let csrf = session.csrf
        var body = nav(session)
        var refresh = false
        switch job.outcome {
        case let .running(progress):
            refresh = true
            body += "<p>Working: \(escape(progress?.phase ?? "starting"))" + (progress.map { String(format: ", %.0f s", $0.elapsed) } ?? "")
                + (progress?.incumbent.map { ", best so far \(NumberText.points($0))" } ?? "") + ".</p><p class=note>This page reloads itself until the plan is ready.</p>"
        case let .failed(message):
            body += "<p class=warn>The plan could not be made: \(escape(message))</p>"
        case let .done(plan, violations):
            body += "<p>\(plan.sessions.count) session(s); \(plan.unserved.count) student(s) short of the workshops they want; objective \(NumberText.points(plan.cost.total))"
                + (plan.header.lowerBound.map { ", lower bound \(NumberText.points($0))" } ?? "") + ".</p>"
            body += violations.isEmpty ? "<p class=ok>Verified: the plan breaks no rule.</p>"
                : "<p class=warn>The plan breaks \(violations.count) rule(s); it cannot be published:</p><ul>" + violations.prefix(50).map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            body += changes(plan, scenario: scenario, absentTeachers: absentTeachers)
            if let published = job.published, published > 0 {
                body += "<p class=ok>Published as plan \(published). Teachers and families see it now.</p>"
            } else if violations.isEmpty {
                body += "<form method=post action=\"/publish\"><input type=hidden name=csrf value=\"\(csrf)\"><input type=hidden name=job value=\"\(job.id)\"><button>Publish</button></form>"
            }
        }
        return response(.ok, title: job.kind.title, body: body, refresh: refresh)
    }

    /// A regrouped day's changes teacher by teacher, or a week plan's sessions per teacher.
    static func changes(_ plan: WeekPlan, scenario: Scenario, absentTeachers absent: Set<TeacherID>) -> String {
        let name = Dictionary(scenario.teachers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if let changes = plan.changes {
            guard !changes.teachers.isEmpty else { return "<p>No change to the published day.</p>" }
            let byTeacher = Dictionary(grouping: changes.teachers, by: \.teacher)
            return "<h2>Changes, teacher by teacher</h2><ul>" + byTeacher.keys.sorted().map { teacher -> String in
                let lines = byTeacher[teacher]!.map { "\(escape($0.block.rawValue)): \(escape($0.text(teacherAbsent: absent.contains(teacher))))" }
                return "<li><b>\(escape(name[teacher] ?? teacher.rawValue))</b><br>" + lines.joined(separator: "<br>") + "</li>"
            }.joined() + "</ul>"
        }
        let byTeacher = Dictionary(grouping: plan.sessions, by: \.teacher)
        return "<h2>Sessions per teacher</h2><ul>" + byTeacher.keys.sorted().map { teacher -> String in
            "<li>\(escape(name[teacher] ?? teacher.rawValue)): \(byTeacher[teacher]!.count)</li>"
        }.joined() + "</ul>"
    }
}
