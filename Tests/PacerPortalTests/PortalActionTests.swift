import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

/// What teachers, families and the scheduler do through the portal, end to end in process.
@Suite struct PortalActionTests {
    @Test func aTeacherMarksAStudentAbsentAndSeesTheWeek() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            #expect(try await post(client, "/absent", cookie: cookie, form: "csrf=\(csrf)&student=S-12&block=Tue-F1").status == .seeOther)
            let page = try await get(client, "/", cookie: cookie).body
            // Still in the group, marked absent, with no second "mark absent" button.
            let s12 = try #require(page.range(of: "Mateo Ito") ?? page.range(of: portal.scenario.students.first { $0.id == "S-12" }!.name))
            #expect(page[s12.upperBound...].prefix(400).contains("absent</span>"))
            #expect(try store.absences(from: SchoolDate("2026-11-24")!, to: SchoolDate("2026-11-24")!).map(\.text) == ["student:S-12 2026-11-24 (F1): marked by teacher:T-OKAFOR in the portal"])
            // The absence is not attendance: the workshop does not count as received.
            #expect(try store.teacherAgenda(portal.scenario, teacher: "T-OKAFOR", on: SchoolDate("2026-11-24")!).groups[0].members.first { $0.student == "S-12" }?.absent == true)
            let week = try await get(client, "/week", cookie: cookie).body
            for day in ["Monday 2026-11-23", "Tuesday 2026-11-24 (today)", "Wednesday 2026-11-25", "Thursday 2026-11-26", "Friday 2026-11-27"] {
                #expect(week.contains(day))
            }
            #expect(week.contains("MATH-7.G.2</span> Circles: area and circumference, 2 student(s)"), "Thursday's G.2 group")
            #expect(week.contains("4 student(s) (1 absent)"))
        }
    }

    @Test func aFamilySeesTheWeekAndSubscribesToACalendarThatARegroupUpdates() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let token = try store.grantAccess(.family("S-01")).token.text
            let cookie = try await client.execute(uri: "/signin?token=\(token)", method: .get) { String($0.headers[.setCookie]!.split(separator: ";")[0]) }
            let page = try await get(client, "/", cookie: cookie).body
            #expect(page.contains("This week's workshops"))
            #expect(page.contains("<b>Wednesday 11-25, 09:25–10:05</b>: Unit rates with fractions"), "Wednesday's workshop with its title")
            let key = AccessToken(text: token).calendarKey.text
            #expect(page.contains("/calendar.ics?key=\(key)"))
            // The feed's key opens the feed and nothing else; the sign-in token does not open the feed.
            #expect(try await get(client, "/signin?token=\(key)").status == .unauthorized)
            #expect(try await get(client, "/calendar.ics?key=\(token)").status == .unauthorized)
            let feed = try await get(client, "/calendar.ics?key=\(key)")
            #expect(feed.status == .ok)
            #expect(feed.body.contains("UID:2026-11-25.Wed-F1.S-01@pacer\r\n"))
            #expect(feed.body.contains("UID:2026-11-27.Fri-F1.S-01@pacer\r\n"))
            #expect(feed.body.contains("SEQUENCE:0"))
            #expect(!feed.body.contains("S-02@pacer"), "only the family's student")
            #expect(try await get(client, "/calendar.ics?key=" + String(repeating: "a", count: 64)).status == .unauthorized)

            // The scheduler regroups Wednesday and publishes it: the feed's Wednesday event keeps its
            // UID and carries the day's revision.
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            #expect(try await post(client, "/regroup", cookie: scheduler, form: "csrf=\(csrf)&date=2026-11-25").location == "/job")
            let job = try await finishedJob(client, cookie: scheduler)
            #expect(job.contains("Verified: the plan breaks no rule."))
            #expect(try await post(client, "/publish", cookie: scheduler, form: "csrf=\(csrf)&job=1").status == .seeOther)
            let updated = try await get(client, "/calendar.ics?key=\(key)").body
            #expect(updated.contains("UID:2026-11-25.Wed-F1.S-01@pacer\r\n") || updated.contains("2026-11-25.") && updated.contains("S-01@pacer"))
            #expect(updated.contains("SEQUENCE:1"), "the regrouped day's events replace the week's")
        }
    }

    @Test func theSchedulerRegroupsAfterAMasteryCheckAndPublishesOnce() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            // A teacher records S-11 mastered on Tuesday; T-CHEN is away on Wednesday.
            let (teacher, teacherCSRF) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            #expect(try await post(client, "/check", cookie: teacher, form: "csrf=\(teacherCSRF)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=all+four").status == .seeOther)
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            #expect(try await post(client, "/absence", cookie: scheduler, form: "csrf=\(csrf)&person=teacher:T-CHEN&date=2026-11-25").status == .seeOther)
            #expect(try await get(client, "/", cookie: scheduler).body.contains("Nobody recorded away today."), "Wednesday's absence is not today's")
            #expect(try await post(client, "/regroup", cookie: scheduler, form: "csrf=\(csrf)&date=2026-11-25").location == "/job")
            let job = try await finishedJob(client, cookie: scheduler)
            #expect(job.contains("Regroup of Wednesday 2026-11-25"))
            #expect(job.contains("Changes, teacher by teacher"))
            #expect(job.contains("Verified: the plan breaks no rule."))
            #expect(job.contains("away: Unit rates with fractions (MATH-7.RP.1)"), "what became of T-CHEN's Wednesday session, and what was tried")
            #expect(try await post(client, "/publish", cookie: scheduler, form: "csrf=\(csrf)&job=1").status == .seeOther)
            #expect(try await post(client, "/publish", cookie: scheduler, form: "csrf=\(csrf)&job=1").status == .conflict, "published once")
            #expect(try await get(client, "/job", cookie: scheduler).body.contains("Published as plan 2."))
            let wednesday = try #require(try store.planInForce(portal.scenario, on: SchoolDate("2026-11-25")!))
            #expect(wednesday.id == 2 && wednesday.plan.header.kind == .day)
            #expect(!wednesday.sessions.contains { $0.teacher == "T-CHEN" })
            // S-11 now works on NS.2, and the day plan does not put them on NS.1 again.
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-25")!, student: "S-11").first?.objective == "MATH-7.NS.2")
            #expect(!wednesday.sessions.contains { $0.objective == "MATH-7.NS.1" && $0.students.contains("S-11") })
        }
    }

    @Test func theSchedulerUploadsCorrectsAndWithdrawsChecks() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            // A file with one wrong row records nothing.
            let bad = multipart(csrf: csrf, file: "date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n2026-11-23,S-99,MATH-7.RP.1,mastered\n")
            let refused = try await post(client, "/checks", cookie: scheduler, form: bad.body, contentType: bad.contentType)
            #expect(refused.status == .badRequest && refused.body.contains("unknown student"))
            #expect(try store.checks(of: "S-01").isEmpty)
            let good = multipart(csrf: csrf, file: "date,student,objective,result,note\n2026-11-23,S-01,MATH-7.RP.1,mastered,\"ratios, all correct\"\n2026-11-23,S-02,MATH-7.RP.1,not-yet,\n")
            let recorded = try await post(client, "/checks", cookie: scheduler, form: good.body, contentType: good.contentType)
            #expect(recorded.status == .ok && recorded.body.contains("2 check(s) recorded, 0 already known, 1 student(s) moved on"))
            #expect(try store.checks(of: "S-01").first?.note == "ratios, all correct")
            // S-02's not-yet was wrong: corrected to mastered, in one step.
            let id = try #require(try store.checks(of: "S-02").first?.id)
            #expect(try await get(client, "/", cookie: scheduler).body.contains("name=\"check\" value=\"\(id)\""), "the recent check is listed with its forms")
            #expect(try await post(client, "/correct", cookie: scheduler, form: "csrf=\(csrf)&check=\(id)&result=mastered&note=seen+again").status == .ok)
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-24")!, student: "S-02").first?.objective == "MATH-7.RP.2")
            // S-01's check withdrawn: back on RP.1.
            let s01 = try #require(try store.checks(of: "S-01").first?.id)
            #expect(try await post(client, "/withdraw", cookie: scheduler, form: "csrf=\(csrf)&check=\(s01)").status == .ok)
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-24")!, student: "S-01").first?.objective == "MATH-7.RP.1")
            #expect(try await post(client, "/withdraw", cookie: scheduler, form: "csrf=\(csrf)&check=abc").status == .badRequest)
            // A withdrawn check cannot be corrected, and the page says so in those words.
            let late = try await post(client, "/correct", cookie: scheduler, form: "csrf=\(csrf)&check=\(s01)&result=not-yet&note=")
            #expect(late.status == .badRequest)
            #expect(late.body.contains("check \(s01) was withdrawn on \(RecordedAt.now().prefix(10)), so it cannot be corrected; record the check again if it was right"), "\(late.body)")
            // The same file uploaded again leaves the withdrawn check and the corrected one as the
            // scheduler left them, and says so row by row.
            let resent = try await post(client, "/checks", cookie: scheduler, form: good.body, contentType: good.contentType)
            #expect(resent.status == .ok && resent.body.contains("uploaded file:2:1: check \(s01) of 2026-11-23 (Ava Martin, MATH-7.RP.1, mastered) was withdrawn on "), "\(resent.body)")
            #expect(resent.body.contains("uploaded file:3:1: check \(id) of 2026-11-23 (Liam Chen, MATH-7.RP.1, not-yet) was withdrawn on "), "\(resent.body)")
            #expect(resent.body.contains("2 withdrawn check(s) left withdrawn") && resent.body.contains("record withdrawn checks again"))
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-24")!, student: "S-02").first?.objective == "MATH-7.RP.2")
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-24")!, student: "S-01").first?.objective == "MATH-7.RP.1")
            #expect(try await get(client, "/", cookie: scheduler).body.contains(#"type="checkbox" name="again""#))
            // Ticking "record withdrawn checks again" records it again on purpose.
            let s01Only = multipart(csrf: csrf, file: "date,student,objective,result\n2026-11-23,S-01,MATH-7.RP.1,mastered\n")
            let again = s01Only.body.replacingOccurrences(of: "--pacer-test-boundary\r\nContent-Disposition: form-data; name=\"file\"",
                                                       with: "--pacer-test-boundary\r\nContent-Disposition: form-data; name=\"again\"\r\n\r\non\r\n--pacer-test-boundary\r\nContent-Disposition: form-data; name=\"file\"")
            #expect(try await post(client, "/checks", cookie: scheduler, form: again, contentType: good.contentType).body.contains("1 check(s) recorded"))
            #expect(try store.status(portal.scenario, on: SchoolDate("2026-11-24")!, student: "S-01").first?.objective == "MATH-7.RP.2")
            // Exports of the plan in force, and nothing outside them.
            let index = try await get(client, "/exports", cookie: scheduler).body
            #expect(index.contains("href=\"/exports/html/index.html\"") && index.contains("href=\"/exports/ics/students/S-01.ics\""))
            let html = try await get(client, "/exports/html/index.html", cookie: scheduler)
            #expect(html.status == .ok && html.body.contains("<html"))
            #expect(try await get(client, "/exports/ics/students/S-01.ics", cookie: scheduler).body.hasPrefix("BEGIN:VCALENDAR"))
            #expect(try await get(client, "/exports/pdf/index.html", cookie: scheduler).status == .notFound)
            #expect(try await get(client, "/exports/html/%2e%2e/%2e%2e/scenario.yaml", cookie: scheduler).status == .notFound)
        }
    }

    /// A teacher's click at the door is said on purpose: it records again a check of today that
    /// the scheduler withdrew (only a file sent again leaves the correction standing).
    @Test func aTeachersClickRecordsAWithdrawnCheckAgain() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (teacher, teacherCSRF) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let click = "csrf=\(teacherCSRF)&student=S-11&objective=MATH-7.NS.1&result=mastered"
            #expect(try await post(client, "/check", cookie: teacher, form: click).status == .seeOther)
            let id = try #require(try store.checks(of: "S-11").first?.id)
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            #expect(try await post(client, "/withdraw", cookie: scheduler, form: "csrf=\(csrf)&check=\(id)").status == .ok)
            #expect(try store.checks(of: "S-11").map(\.withdrawn) == [true])
            #expect(try await post(client, "/check", cookie: teacher, form: click).status == .seeOther)
            #expect(try store.checks(of: "S-11").map(\.withdrawn) == [false])
        }
    }

    /// One planning job at a time: a second waits for the first to end; a finished plan is claimed
    /// for publishing once, and a plan that breaks a rule never.
    @Test func oneJobAtATimeAndEachPlanPublishedOnce() async throws {
        let jobs = PortalJobs()
        let gate = DispatchSemaphore(value: 0)
        let plan = try PlanFile.read(repository + "/Tests/PacerCoreTests/Golden/tiny-school/plan.json")
        let first = await jobs.start(.week(SchoolDate("2026-11-30")!)) { _ in
            gate.wait()
            return (plan, [])
        }
        #expect(first?.id == 1)
        #expect(await jobs.start(.regroup(SchoolDate("2026-11-25")!)) { _ in (plan, []) } == nil, "refused while the first runs")
        #expect(await jobs.claim(1) == nil, "a running job cannot be published")
        gate.signal()
        while case .running = await jobs.current?.outcome { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await jobs.claim(1) != nil)
        #expect(await jobs.claim(1) == nil, "claimed once")
        let broken = await jobs.start(.regroup(SchoolDate("2026-11-25")!)) { _ in (plan, ["a rule"]) }
        #expect(broken?.id == 2)
        while case .running = await jobs.current?.outcome { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await jobs.claim(2) == nil, "a plan that breaks a rule is never published")
    }
}

/// A regroup is verified against the state it was made from; a check that moves one of its
/// students on before it is published makes publishing refuse it, with a word to regroup again.
@Suite struct StalePublishTests {
    @Test func aPlanOvertakenByACheckIsNotPublished() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (scheduler, schedulerCSRF) = try await signInForForms(client, store, .scheduler)
            #expect(try await post(client, "/regroup", cookie: scheduler, form: "csrf=\(schedulerCSRF)&date=2026-11-25").location == "/job")
            let job = try await finishedJob(client, cookie: scheduler)
            #expect(job.contains("Verified: the plan breaks no rule."))
            // Chloe (S-11) masters MATH-7.NS.1 today; Wednesday's regroup still has her on it.
            let (teacher, teacherCSRF) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            #expect(try await post(client, "/check", cookie: teacher,
                                   form: "csrf=\(teacherCSRF)&student=S-11&objective=MATH-7.NS.1&result=mastered").status == .seeOther)
            let refused = try await post(client, "/publish", cookie: scheduler, form: "csrf=\(schedulerCSRF)&job=1")
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Regroup again, then publish."))
            #expect(try store.planInForce(portal.scenario, on: SchoolDate("2026-11-25")!)?.plan.header.kind == .week, "the week is still in force")
            // Regrouped again, it publishes.
            #expect(try await post(client, "/regroup", cookie: scheduler, form: "csrf=\(schedulerCSRF)&date=2026-11-25").location == "/job")
            #expect(try await finishedJob(client, cookie: scheduler).contains("Verified: the plan breaks no rule."))
            #expect(try await post(client, "/publish", cookie: scheduler, form: "csrf=\(schedulerCSRF)&job=2").status == .seeOther)
            #expect(try store.planInForce(portal.scenario, on: SchoolDate("2026-11-25")!)?.plan.header.kind == .day)
        }
    }
}

/// Many teachers at once, over a real socket: each check is recorded exactly once however often
/// and however concurrently it is sent, while a regroup reads the state.
@Suite struct PortalConcurrencyTests {
    @Test func concurrentChecksAreRecordedExactlyOnceWhileARegroupRuns() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.live) { client in
            let (scheduler, schedulerCSRF) = try await signInForForms(client, store, .scheduler)
            #expect(try await post(client, "/regroup", cookie: scheduler, form: "csrf=\(schedulerCSRF)&date=2026-11-25").location == "/job")
            // Two sessions of the same teacher (phone and laptop), each sending every check three times at once.
            var sessions: [(cookie: String, csrf: String)] = []
            for _ in 0..<2 {
                let cookie = try await signIn(client, store, .teacher("T-OKAFOR"))
                sessions.append((cookie, try #require(csrf(in: try await get(client, "/", cookie: cookie).body))))
            }
            let checks = [("S-11", "MATH-7.NS.1"), ("S-12", "MATH-7.NS.1"), ("S-13", "MATH-7.NS.1"), ("S-14", "MATH-7.NS.1"),
                          ("S-15", "MATH-7.NS.2"), ("S-16", "MATH-7.NS.2"), ("S-17", "MATH-7.NS.2")]
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for session in sessions {
                    for _ in 0..<3 {
                        for (student, objective) in checks {
                            group.addTask {
                                try await post(client, "/check", cookie: session.cookie,
                                               form: "csrf=\(session.csrf)&student=\(student)&objective=\(objective)&result=mastered&note=at+once").status
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == 42 && statuses.allSatisfy { $0 == .seeOther })
            #expect(try store.count("mastery_check") == 7, "each check once")
            for (student, _) in checks {
                #expect(try store.checks(of: StudentID(rawValue: student)).count == 1)
            }
            let job = try await finishedJob(client, cookie: scheduler)
            #expect(job.contains("Verified: the plan breaks no rule."), "the regroup read a consistent state")
        }
    }
}

/// A week planned in the portal is planned from the state; a check recorded while it ran (or
/// before publishing) is named when publishing, and the scheduler publishes it only when told.
@Suite struct StaleWeekPublishTests {
    @Test func aWeekPlanOvertakenByACheckIsNamedAndPublishedOnlyWhenTold() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            #expect(try await post(client, "/plan-week", cookie: scheduler, form: "csrf=\(csrf)&week-of=2026-11-30").location == "/job")
            let job = try await finishedJob(client, cookie: scheduler)
            #expect(job.contains(">Publish</button>") && !job.contains("Publish despite changes"), "offered only once a refusal names what changed")
            // The plan's headline as the terminal and the export say it, not bare figures.
            #expect(job.contains("workshops given") && job.contains("the best possible") && job.contains("lower bound"), "\(job)")
            let (teacher, teacherCSRF) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            #expect(try await post(client, "/check", cookie: teacher,
                                   form: "csrf=\(teacherCSRF)&student=S-11&objective=MATH-7.NS.1&result=mastered").status == .seeOther)
            let refused = try await post(client, "/publish", cookie: scheduler, form: "csrf=\(csrf)&job=1")
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("1 check recorded since this plan was made: Chloe Kim (S-11) mastered"), "\(refused.body)")
            #expect(try store.planInForce(portal.scenario, on: SchoolDate("2026-11-30")!) == nil, "nothing published for that week")
            let told = try await get(client, "/job", cookie: scheduler).body
            #expect(told.contains("Publish despite changes") && told.contains("Not published: 1 check recorded since this plan was made: Chloe Kim (S-11) mastered"),
                    "\(told)")
            #expect(try await post(client, "/publish", cookie: scheduler, form: "csrf=\(csrf)&job=1&despite-changes=1").status == .seeOther)
            #expect(try store.planInForce(portal.scenario, on: SchoolDate("2026-11-30")!)?.plan.header.kind == .week)
        }
    }
}
