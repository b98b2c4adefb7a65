import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

/// Asking from the portal (docs/requests.md): a teacher finds a student and asks, a family asks
/// for their child, each cancels their own; refused asks say why and record nothing. Today is
/// Tuesday 2026-11-24; T-OKAFOR has S-11…S-17 today, S-01 (Ava Martin) is not his.
@Suite struct PortalRequestTests {
    @Test func aTeacherFindsAStudentAsksOnceAndCancels() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            #expect(try await get(client, "/", cookie: cookie).body.contains("href=\"/ask\""), "the nav links the ask page")
            let found = try await get(client, "/ask?q=ava", cookie: cookie)
            #expect(found.status == .ok)
            #expect(found.body.contains("<a href=\"/ask?student=S-01\">Ava Martin (S-01)</a>"), "names first, ids after")
            #expect(try await get(client, "/ask?q=zzq", cookie: cookie).body.contains("No student's name or id holds “zzq”."))
            // Matches by id too, listed by name.
            let byID = try await get(client, "/ask?q=S-0", cookie: cookie).body
            let names = byID.matches(of: #/student=S-0\d">([^<]+) \(S-0\d\)</#).map { String($0.1) }
            #expect(names.count == 9 && names == names.sorted())

            let form = try await get(client, "/ask?student=S-01", cookie: cookie).body
            #expect(form.contains("Ask for Ava Martin (S-01)"))
            #expect(form.contains("value=\"check:MATH\">A mastery check on Unit rates with fractions (MATH-7.RP.1)</option>"))
            #expect(form.contains("value=\"teacher\">Time with me (Ms Okafor)</option>"))
            #expect(form.contains("value=\"block:F1\""), "a teacher may ask for one flex block")
            #expect(form.contains("<option value=\"normal\" selected>normal</option>"))

            let ask = "csrf=\(csrf)&student=S-01&want=check%3AMATH&span=day&on=2026-11-25&priority=urgent&note=bring+the+worksheet"
            let asked = try await post(client, "/request", cookie: cookie, form: ask)
            #expect(asked.status == .seeOther && asked.location == "/ask?student=S-01&done=1")
            // Sent twice (a double click, a reload) is asked once.
            #expect(try await post(client, "/request", cookie: cookie, form: ask).location == "/ask?student=S-01&done=1")
            let requests = try store.requests()
            #expect(requests.count == 1)
            #expect(requests.first?.askedBy == .teacher("T-OKAFOR") && requests.first?.want == .check("MATH-7.RP.1")
                    && requests.first?.when == .date(SchoolDate("2026-11-25")!) && requests.first?.priority == "urgent"
                    && requests.first?.note == "bring the worksheet")
            let page = try await get(client, "/ask?student=S-01&done=1", cookie: cookie).body
            // The published week gives it at once: planned, with where.
            #expect(page.contains("Recorded: A mastery check on Unit rates with fractions (MATH-7.RP.1) for Ava Martin (S-01), 2026-11-25, urgent: "
                + "planned, Mr Chen's workshop on Unit rates with fractions (MATH-7.RP.1), Wednesday 2026-11-25, 09:25–10:05 (F1) (“bring the worksheet”)"), "\(page)")
            #expect(page.contains("name=\"request\" value=\"1\""), "a cancel button for their own")

            // Time with the teacher, in one flex block.
            #expect(try await post(client, "/request", cookie: cookie,
                                   form: "csrf=\(csrf)&student=S-01&want=teacher&span=block%3AF2&on=2026-11-26&priority=normal").status == .seeOther)
            #expect(try store.request(2)?.want == .teacher("T-OKAFOR") && store.request(2)?.when == .block(SchoolDate("2026-11-26")!, "F2"))

            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=1").location == "/ask")
            #expect(try store.request(1)?.status == .cancelled && store.request(1)?.reason == "cancelled by Ms Okafor in the portal")
            // Cancelled already: said, not done twice.
            // Cancelled already (a second click): back to the page, nothing done twice.
            let again = try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=1")
            #expect(again.status == .seeOther && again.location == "/ask")
            // One that does not exist is refused as one of another's is: nobody learns which ids exist.
            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=999").status == .forbidden)
        }
    }

    /// A day closed after a request for it was made: the family's and the teacher's pages say the
    /// cause `pacer request add` warns with, not "waiting" or the plan's session on a closed day.
    @Test func aRequestForADayClosedLaterShowsTheCause() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (family, familyCSRF) = try await signInForForms(client, store, .family("S-01"))
            let (teacher, teacherCSRF) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            #expect(try await post(client, "/request", cookie: family, form: "csrf=\(familyCSRF)&student=S-01&want=workshop%3AMATH&span=day&on=2026-11-27").status == .seeOther)
            #expect(try await post(client, "/request", cookie: teacher,
                                   form: "csrf=\(teacherCSRF)&student=S-11&want=check%3AMATH&span=day&on=2026-11-24&priority=normal").status == .seeOther)
            _ = try await get(client, "/", cookie: family)  // the portal has settled the requests today
            _ = try store.recordClosure(Closure(date: SchoolDate("2026-11-27")!, note: "snow day"), scenario: portal.scenario, today: portal.today)
            _ = try store.recordClosure(Closure(date: SchoolDate("2026-11-24")!, note: "burst pipe"), scenario: portal.scenario, today: portal.today)
            let familyPage = try await get(client, "/", cookie: family).body
            #expect(familyPage.contains("Friday 2026-11-27: declined, the school is closed on 2026-11-27 (2026-11-27 closed: snow day): no plan will serve it"), "\(familyPage)")
            let teacherPage = try await get(client, "/", cookie: teacher).body
            #expect(teacherPage.contains("declined, the school is closed on 2026-11-24 (2026-11-24 closed: burst pipe): no plan will serve it"), "\(teacherPage)")
        }
    }

    /// Hostile and mistaken asks: each refused with the reason in words, nothing recorded.
    @Test(arguments: [
        ("student=S-01&want=check%3AMATH&span=day&on=2026-11-20", "2026-11-20 is before today (2026-11-24)"),
        ("student=S-01&want=check%3AMATH&span=day&on=2026-11-28", "2026-11-28"),
        ("student=S-99&want=check%3AMATH&span=day&on=2026-11-25", "nknown student"),
        ("student=S-01&want=check%3AMATH&span=day&on=2026-11-25&note=" + String(repeating: "a", count: 10_000), "500"),
        ("student=S-01&want=check%3AMATH&span=day&on=2026-11-25&note=bad%1Bnote", "U+001B"),
        ("student=S-01&want=check%3AMATH&span=day&on=2026-11-25&note=two%0D%0Alines", "The note has a line break (U+000D) at character 4; it is one line"),
        ("student=S-01&want=check%3AMATH&span=day&on=2026-11-25&priority=hgh", "hgh"),
        ("student=S-01&want=check%3AMATH&span=block%3AP1&on=2026-11-25", "flex period"),
        ("student=S-01&want=check%3AMATH&span=week%3A2026-11-25", "2026-11-25"),
        ("student=S-01&want=check%3AMATH&span=week%3A9999-12-27", "a request asks at most 366 days ahead"),
        ("student=S-01&want=check%3AART&span=day&on=2026-11-25", "The school has no subject “ART”; choose what to ask about from the form on the page."),
        ("student=S-01&want=workshop%3AMATH-7.G.2&span=day&on=2026-11-25",
         "Ava Martin is working on Unit rates with fractions (MATH-7.RP.1) in Mathematics, grade 7 now, not on Circles: area and circumference (MATH-7.G.2): "
            + "help and checks are asked for the objective a student is on; ask about that one."),
        ("student=S-01&want=lunch&span=day&on=2026-11-25", "Choose what to ask for"),
        ("student=S-01&want=check%3AMATH&span=day&on=tomorrow", "YYYY-MM-DD"),
    ]) func aRefusedAskSaysWhyAndRecordsNothing(form: String, why: String) async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let answer = try await post(client, "/request", cookie: cookie, form: "csrf=\(csrf)&" + form)
            #expect(answer.status == .badRequest)
            #expect(answer.body.contains(why), "\(answer.body.prefix(2000))")
            #expect(!answer.body.contains("aaaaaaaaaa"), "the note is not echoed back")
            #expect(try store.requests().isEmpty)
        }
    }

    @Test func aFamilyAsksForTheirChildOnlyAndCancelsTheirOwnOnly() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let teacher = StudentRequest(askedBy: .teacher("T-OKAFOR"), student: "S-11", want: .check("MATH-7.NS.1"), when: .date(SchoolDate("2026-11-25")!),
                                     priority: "urgent", askedOn: SchoolDate("2026-11-24")!)
        _ = try store.add(teacher, scenario: portal.scenario, today: SchoolDate("2026-11-24")!)
        let other = StudentRequest(askedBy: .family("S-01"), student: "S-01", want: .workshop("MATH-7.RP.1"), when: .date(SchoolDate("2026-11-25")!),
                                   priority: "normal", askedOn: SchoolDate("2026-11-24")!)
        _ = try store.add(other, scenario: portal.scenario, today: SchoolDate("2026-11-24")!)
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signInForForms(client, store, .family("S-11"))
            let home = try await get(client, "/", cookie: cookie).body
            #expect(home.contains("Ask for help or a mastery check"))
            #expect(home.contains("value=\"workshop:MATH\">Help: a workshop on Add and subtract rational numbers</option>"))
            #expect(!home.contains("value=\"teacher\"") && !home.contains("block:F1") && !home.contains("name=\"priority\""), "a day or a week, at the usual priority")
            #expect(home.contains("Ms Okafor asked for a mastery check on Add and subtract rational numbers (MATH-7.NS.1), Wednesday 2026-11-25: "
                + "planned, Ms Okafor's workshop on Add and subtract rational numbers (MATH-7.NS.1), Wednesday 2026-11-25, 11:45–12:25 (F2)"))
            #expect(!home.contains("name=\"request\" value=\"1\""), "no cancel button on the teacher's request")
            #expect(!home.contains("Ava Martin"), "another family's request is not shown")

            let asked = try await post(client, "/request", cookie: cookie,
                                       form: "csrf=\(csrf)&student=S-11&want=check%3AMATH&span=week%3A2026-11-30&priority=urgent&note=ready")
            #expect(asked.status == .seeOther && asked.location == "/#requests")
            let mine = try #require(try store.request(3))
            #expect(mine.askedBy == .family("S-11") && mine.when == .week(SchoolDate("2026-11-30")!) && mine.priority == "normal",
                    "a family asks at the least urgent priority, whatever the form says")
            #expect(try await get(client, "/", cookie: cookie).body.contains("name=\"request\" value=\"3\""))

            // A flex block, by editing the form: a family asks for a day or a week.
            let block = try await post(client, "/request", cookie: cookie, form: "csrf=\(csrf)&student=S-11&want=check%3AMATH&span=block%3AF2&on=2026-11-25")
            #expect(block.status == .badRequest && block.body.contains("Ask for a day or a week."))
            // Another student, by editing the form's hidden field: refused, nothing recorded, no name told.
            let refused = try await post(client, "/request", cookie: cookie, form: "csrf=\(csrf)&student=S-01&want=check%3AMATH&span=day&on=2026-11-25")
            #expect(refused.status == .badRequest && refused.body.contains("A family asks for its own student only (S-11, not S-01)."))
            #expect(!refused.body.contains("Ava Martin"))
            let unknown = try await post(client, "/request", cookie: cookie, form: "csrf=\(csrf)&student=S-99&want=check%3AMATH&span=day&on=2026-11-25")
            #expect(unknown.status == .badRequest && !unknown.body.contains("S-0"), "no nearest ids for a family: \(unknown.body.suffix(400))")
            #expect(try store.requests().count == 3)

            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=1").status == .forbidden, "the teacher's")
            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=2").status == .forbidden, "another family's")
            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=3").location == "/")
            let statuses = try store.requests()
            #expect(statuses.map(\.isAsking) == [true, true, false] && statuses.last?.status == .cancelled, "\(statuses.map(\.status))")
            // The ask page is for finding students: not a family's.
            #expect(try await get(client, "/ask?q=a", cookie: cookie).status == .forbidden)
        }
    }

    @Test func aTeacherSeesTheirOwnAndTheirStudentsRequestsAndCancelsOnlyTheirs() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tuesday = SchoolDate("2026-11-24")!
        func add(_ by: StudentRequest.Asker, _ student: StudentID, _ want: StudentRequest.Want) throws {
            _ = try store.add(StudentRequest(askedBy: by, student: student, want: want, when: .date(tuesday), priority: "high", askedOn: tuesday),
                              scenario: portal.scenario, today: tuesday)
        }
        try add(.teacher("T-CHEN"), "S-01", .check("MATH-7.RP.1"))   // 1: another teacher's, for a student not Okafor's today
        try add(.family("S-12"), "S-12", .workshop("MATH-7.NS.1"))   // 2: for a student in Okafor's session today
        try add(.teacher("T-OKAFOR"), "S-11", .workshop("MATH-7.NS.1")) // 3: his, and S-11 is in his NS.1 group today
        try add(.teacher("T-OKAFOR"), "S-01", .check("MATH-7.RP.1"))  // 4: his, S-01 has no workshop today
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let day = try await get(client, "/", cookie: cookie).body
            let asked = try #require(day.range(of: "Students you asked for")).upperBound
            let section = String(day[asked...])
            let got = try #require(section.range(of: "S-11)"))
            let not = try #require(section.range(of: "Ava Martin (S-01)"))
            #expect(got.lowerBound < not.lowerBound, "who got what was asked first")
            #expect(section.contains("got: a workshop on Add and subtract rational numbers with you, 09:25–10:05"))
            // Not given by a plan made before it was asked: waiting for the day's regroup, not declined.
            #expect(section.contains("waiting, asked after the plan in force was made: the day's regroup, or the next plan, weighs it"), "\(section)")
            #expect(day.contains("Requests for your students today"))
            #expect(day.contains("family asked for a workshop on Add and subtract rational numbers (MATH-7.NS.1) for"))
            #expect(!day.contains("Mr Chen asked"), "another teacher's request for a student not his")
            #expect(!day.contains("name=\"request\" value=\"2\""), "others' requests are read-only")
            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=1").status == .forbidden)
            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=2").status == .forbidden)
            #expect(try await post(client, "/request/cancel", cookie: cookie, form: "csrf=\(csrf)&request=4").status == .seeOther)

            // The scheduler sees every open one, and cancels any.
            let (scheduler, schedulerCSRF) = try await signInForForms(client, store, .scheduler)
            let school = try await get(client, "/", cookie: scheduler).body
            #expect(school.contains("name=\"request\" value=\"1\"") && school.contains("name=\"request\" value=\"2\""))
            #expect(try await post(client, "/request/cancel", cookie: scheduler, form: "csrf=\(schedulerCSRF)&request=1").location == "/")
            #expect(try store.request(1)?.reason == "cancelled by the scheduler in the portal")
            // A supervisor neither finds nor asks.
            let (coach, coachCSRF) = try await signInForForms(client, store, .supervisor("A-PARK"))
            #expect(try await get(client, "/ask", cookie: coach).status == .forbidden)
            #expect(try await post(client, "/request", cookie: coach, form: "csrf=\(coachCSRF)&student=S-02&want=check%3AMATH&span=day&on=2026-11-25").status == .forbidden)
        }
    }

    /// A request whose day passed while no command ran is shown as it stands: the portal settles
    /// once a day, on the first page opened.
    @Test func theFirstPageOfADaySettlesTheRequestsWhoseDayPassed() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!
        let id = try store.add(StudentRequest(askedBy: .family("S-12"), student: "S-12", want: .teacher("T-CHEN"), when: .date(monday),
                                              priority: "normal", askedOn: monday), scenario: portal.scenario, today: monday).id
        #expect(try store.request(id)?.isAsking == true, "asked on Monday, for Monday")
        let app = Application(router: portal.router())
        try await app.test(.router) { client in
            let (cookie, _) = try await signInForForms(client, store, .family("S-12"))
            let page = try await get(client, "/", cookie: cookie).body
            let settled = try #require(try store.request(id))
            #expect(!settled.isAsking && (settled.status == .met || settled.reason == "the day passed without it"), "\(settled)")
            #expect(page.contains(RequestText.standing(settled)), "the page shows it as it stands")
            #expect(store.settleRequestsOnce(on: portal.today, scenario: portal.scenario) == false, "once a day")
        }
    }
}
