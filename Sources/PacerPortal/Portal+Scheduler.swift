import Foundation
import Hummingbird
import PacerCore

/// The scheduler's page and actions: the school's standing, regroup and publish, plan the next
/// week, absences, checks (upload, correct, withdraw) and the exports of the plan in force.
extension Portal {
    func schedulerHome(session: PortalSession) async throws -> Response {
        let view = SchedulerView(
            today: today, scenario: scenario,
            standing: try store.status(scenario, on: today), inForce: try store.planInForce(scenario, on: today),
            absences: try store.absences(from: today, to: today), recentChecks: try store.recentChecks(limit: 20),
            job: await jobs.current.map { PlanningJobView.Line(title: $0.kind.title, outcome: $0.outcome, published: $0.published) },
            movedOn: try store.movedOn(scenario), requests: try store.askingRequests())
        return Page.response(.ok, title: view.title, nav: session, body: SchedulerPage(view: view, csrf: session.csrf))
    }

    /// `POST /regroup`: regroups a date after the latest checks, then verifies the day plan.
    func startRegroup(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        guard let date = form["date"].flatMap(SchoolDate.init) else { throw Refusal(.badRequest, "No date", "Give the date to regroup, YYYY-MM-DD.") }
        if let problem = scenario.calendar.schoolDayProblem(date) { throw Refusal(.badRequest, "Not a school day", problem) }
        let (scenario, store, options) = (self.scenario, self.store, planOptions)
        return try await start(.regroup(date)) { progress in
            let regrouped = try Term(scenario: scenario, store: store).regroup(date, options: options, progress: progress)
            return (regrouped.result.plan, regrouped.violations.map { "\($0)" })
        }
    }

    /// `POST /plan-week`: plans a week from the state, then verifies it.
    func startWeekPlan(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        guard let week = form["week-of"].flatMap(SchoolDate.init) else { throw Refusal(.badRequest, "No date", "Give the week's first date, YYYY-MM-DD.") }
        if let problem = scenario.calendar.weekStartProblem(week) { throw Refusal(.badRequest, "Not a week's first day", problem) }
        let (scenario, store, options) = (self.scenario, self.store, planOptions)
        return try await start(.week(week)) { progress in
            let planned = try Term(scenario: scenario, store: store).planWeek(weekOf: week, options: options, progress: progress)
            return (planned.result.plan, planned.violations.map { "\($0)" })
        }
    }

    private func start(_ kind: PortalJobs.Kind,
                       work: @escaping @Sendable (_ progress: @escaping @Sendable (PlanProgress) -> Void) throws -> (WeekPlan, [String])) async throws -> Response {
        guard await jobs.start(kind, work: work) != nil else {
            throw Refusal(.conflict, "Already planning", "A plan is being made; wait for it on the planning page (/job).")
        }
        return Response(status: .seeOther, headers: [.location: "/job"])
    }

    /// `GET /job`: the planning job's progress (the page reloads itself while it runs), then the
    /// plan's changes teacher by teacher and a button to publish it.
    func job(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        guard let job = await jobs.current else {
            throw Refusal(.notFound, "Nothing planned", "No regroup or week plan has been started since the portal started.")
        }
        let view = PlanningJobView(id: job.id, title: job.kind.title, outcome: job.outcome, published: job.published, scenario: scenario,
                                   changedSince: job.changedSince)
        return Page.response(.ok, title: view.title, nav: session, refresh: view.reloads, body: PlanningJobPage(view: view, csrf: session.csrf))
    }

    /// `POST /publish`: publishes the finished job's plan when it breaks no rule (once).
    func publish(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        guard let id = form["job"].flatMap(Int.init), let (kind, plan) = await jobs.claim(id) else {
            throw Refusal(.conflict, "Not published", "Only a finished plan that breaks no rule can be published, and only once.")
        }
        do {
            // Checks recorded since the plan was made may have moved its students on.
            let (planID, _) = try Term(scenario: scenario, store: store).publish(plan, weekOf: kind.date, despiteChanges: form["despite-changes"] == "1")
            await jobs.published(id, as: planID)
        } catch let Term.PublishRefusal.stateChanged(changes, _) {
            await jobs.refused(id, changedSince: changes)
            throw Refusal(.conflict, "Not published: the state changed since this plan was made",
                          changes.joined(separator: " ") + ". Plan the week again, or publish this plan as it is with "
                          + "“Publish despite changes” on the planning page and regroup the days it touches.")
        } catch let Term.PublishRefusal.breaksRules(stale) {
            await jobs.published(id, as: nil)
            throw Refusal(.conflict, "Not published: the state moved on",
                          "Checks or absences recorded since this plan was made change it (\(stale.count) problem(s), first: \(stale[0])). Regroup again, then publish.")
        } catch let refusal as Term.PublishRefusal {
            await jobs.published(id, as: nil)
            throw Refusal(.conflict, "Not published", refusal.description)
        } catch {
            await jobs.published(id, as: nil)
            throw error
        }
        return Response(status: .seeOther, headers: [.location: "/job"])
    }

    /// `POST /absence`: a teacher or a student away on a date, the whole day or some periods.
    func recordAbsence(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        // The person's id as the scenario writes it: `teacher:T-CHEN ` and `teacher:t-chen` are T-CHEN.
        guard let person = form["person"].flatMap(Absence.Person.init)?.matched(in: scenario),
              let date = form["date"].flatMap({ SchoolDate($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw Refusal(.badRequest, "Incomplete form", "Write the person as teacher:ID, supervisor:ID or student:ID and the date as YYYY-MM-DD.")
        }
        let periods = scenario.calendar.periods.map(\.id).filter { form["period-\($0.rawValue)"] != nil }
        let absence = Absence(date: date, person: person, periods: periods, note: try Self.note(form))
        if let problem = absence.problem(in: scenario) { throw Refusal(.badRequest, "Not recorded", problem) }
        try store.recordAbsences([absence], scenario: scenario, today: today)
        return Response(status: .seeOther, headers: [.location: "/"])
    }

    /// `POST /checks`: a checks CSV, read and applied as `pacer record --checks` does: all or nothing.
    func uploadChecks(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        guard let bytes = form.bytes("file"), !bytes.isEmpty else { throw Refusal(.badRequest, "No file", "Choose a checks CSV to upload.") }
        let term = Term(scenario: scenario, store: store)
        let (checks, diagnostics) = try term.readChecks(bytes: bytes, file: "uploaded file", today: today)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Page.response(.badRequest, title: "Nothing recorded",
                                 body: Notice("The file has errors; nothing of it was recorded.", list: diagnostics.prefix(50).map(\.description)))
        }
        // A withdrawn check sent again stays withdrawn unless the box "record withdrawn checks again" is ticked.
        let report = try term.record(checks, source: "portal upload", today: today, again: form["again"] != nil)
        let hint = report.keptWithdrawn.isEmpty ? "" : " To record withdrawn checks again on purpose, upload the file again with \"record withdrawn checks again\" ticked."
        let notes = diagnostics.map(\.description)
        return Page.response(.ok, title: "Checks recorded", body: Notice("\(report.summary).\(hint)", list: notes + Array(report.lines.prefix(200))))
    }

    /// `POST /withdraw`: takes a wrong check back and replays the student's history without it.
    func withdraw(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        guard let id = form["check"].flatMap(Int64.init) else { throw Refusal(.badRequest, "No check", "Choose the check to withdraw.") }
        let report = try Term(scenario: scenario, store: store).withdraw([id])
        return Page.response(.ok, title: "Check withdrawn", body: Notice(nil, list: report.lines))
    }

    /// `POST /correct`: replaces a check's result and note (one transaction).
    func correct(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try postedForm(context)
        guard let id = form["check"].flatMap(Int64.init), let result = form["result"].flatMap(MasteryCheck.Result.init(word:)) else {
            throw Refusal(.badRequest, "Incomplete form", "Choose the check and its corrected result.")
        }
        let report = try Term(scenario: scenario, store: store).correct(id, result: result, note: try Self.note(form), source: "portal correction")
        return Page.response(.ok, title: "Check corrected", body: Notice(nil, list: report.lines))
    }
}
