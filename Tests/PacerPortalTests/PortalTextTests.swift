import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PacerCore
@testable import PacerPortal

/// Notes typed into the portal's forms and uploaded files are held to the same rule as the
/// command line's (`PersonText`): a 400 page that says why, never a silent cut.
@Suite struct PortalTextTests {
    static let longNote = String(repeating: "x", count: 501)

    @Test func aTeachersNoteOverTheLimitIsRefusedWithTheReason() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (teacher, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let refused = try await post(client, "/check", cookie: teacher,
                                         form: "csrf=\(csrf)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=\(Self.longNote)")
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("the note has 501 characters; at most 500"))
            let escape = try await post(client, "/check", cookie: teacher,
                                        form: "csrf=\(csrf)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=ok%1B%5D0%3Bowned%07")
            #expect(escape.status == .badRequest)
            #expect(escape.body.contains("the note has a control character (U+001B) at character 3"))
            #expect(try store.checks(of: "S-11").isEmpty, "nothing recorded")
            // A line break is one space.
            #expect(try await post(client, "/check", cookie: teacher,
                                   form: "csrf=\(csrf)&student=S-11&objective=MATH-7.NS.1&result=mastered&note=four%0D%0Aof+four").status == .seeOther)
            #expect(try store.checks(of: "S-11").map(\.note) == ["four of four"])
        }
    }

    @Test func theSchedulersFormsAndUploadsAreHeldToTheSameRule() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            let upload = multipart(csrf: csrf, file: "date,student,objective,result,note\n2026-11-23,S-01,MATH-7.RP.1,mastered,\(Self.longNote)\n")
            let refused = try await post(client, "/checks", cookie: scheduler, form: upload.body, contentType: upload.contentType)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("uploaded file:2:38: error: the note has 501 characters; at most 500"))
            #expect(try store.checks(of: "S-01").isEmpty)
            let absence = try await post(client, "/absence", cookie: scheduler, form: "csrf=\(csrf)&person=teacher:T-CHEN&date=2026-11-25&note=sick%E2%80%AE")
            #expect(absence.status == .badRequest && absence.body.contains("the note has a bidirectional control (U+202E) at character 5"))
            #expect(try store.absences(from: SchoolDate("2026-11-25")!, to: SchoolDate("2026-11-25")!).isEmpty)
            let good = multipart(csrf: csrf, file: "date,student,objective,result,note\n2026-11-23,S-01,MATH-7.RP.1,mastered,ok\n")
            #expect(try await post(client, "/checks", cookie: scheduler, form: good.body, contentType: good.contentType).status == .ok)
            let id = try #require(try store.checks(of: "S-01").first?.id)
            let correction = try await post(client, "/correct", cookie: scheduler, form: "csrf=\(csrf)&check=\(id)&result=not-yet&note=\(Self.longNote)")
            #expect(correction.status == .badRequest && correction.body.contains("the note has 501 characters; at most 500"))
            #expect(try store.checks(of: "S-01").map(\.result) == ["mastered"], "not corrected")
        }
    }

    /// A teacher who sends a check again to fix its note sees the new note; the check is kept once.
    @Test func aCheckResentWithAnotherNoteShowsTheNewNote() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (teacher, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            for note in ["three+of+four", "all+four+on+a+second+look"] {
                #expect(try await post(client, "/check", cookie: teacher,
                                       form: "csrf=\(csrf)&student=S-11&objective=MATH-7.NS.1&result=not-yet&note=\(note)").status == .seeOther)
            }
            #expect(try store.checks(of: "S-11").map(\.note) == ["all four on a second look"])
            #expect(try await get(client, "/", cookie: teacher).body.contains("not yet: all four on a second look"))
        }
    }

    /// A note is shown as it was typed: as text on the pages (Plot escapes it) and whole in the
    /// correction form's field (its value escaped), so a correction sends it back unchanged.
    @Test func aNoteWithQuotesAndAngleBracketsStaysText() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (teacher, csrf) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let note = #"she said "done" <b>twice</b> & left"#
            let typed = note.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            #expect(try await post(client, "/check", cookie: teacher,
                                   form: "csrf=\(csrf)&student=S-11&objective=MATH-7.NS.1&result=not-yet&note=\(typed)").status == .seeOther)
            let page = try await get(client, "/", cookie: teacher).body
            #expect(page.contains(#"not yet: she said "done" &lt;b&gt;twice&lt;/b&gt; &amp; left"#))
            #expect(!page.contains("<b>twice"))
            let scheduler = try await signIn(client, store, .scheduler)
            let school = try await get(client, "/", cookie: scheduler).body
            #expect(school.contains(#"value="she said &quot;done&quot; &lt;b&gt;twice&lt;/b&gt; &amp; left""#))
            #expect(!school.contains("<b>twice"))
        }
    }

    /// An upload is decoded as a file on disk is: a byte order mark dropped, bytes that are not
    /// UTF-8 refused with where they are (not turned into U+FFFD).
    @Test func anUploadIsDecodedAsAFileIs() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            let latin1 = multipart(csrf: csrf, fileBytes: Array("date,student,objective,result,note\n2026-11-23,S-01,MATH-7.RP.1,mastered,tr".utf8) + [0xE8, 0x73] + Array(" bien\n".utf8))
            let refused = try await post(client, "/checks", cookie: scheduler, bytes: latin1.body, contentType: latin1.contentType)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("uploaded file:2:40: error: file is not UTF-8 text; save it as UTF-8"), "\(refused.body)")
            #expect(try store.checks(of: "S-01").isEmpty)
            let bom = multipart(csrf: csrf, fileBytes: [0xEF, 0xBB, 0xBF] + Array("date,student,objective,result,note\r\n2026-11-23,S-01,MATH-7.RP.1,mastered,très bien\r\n".utf8))
            let accepted = try await post(client, "/checks", cookie: scheduler, bytes: bom.body, contentType: bom.contentType)
            #expect(accepted.status == .ok, "\(accepted.body)")
            #expect(accepted.body.contains("1 check(s) recorded"))
            #expect(try store.checks(of: "S-01").map(\.note) == ["très bien"])
        }
    }

    /// Ids and results typed as people type them: trimmed, matched to the scenario's ids whatever
    /// their case, `Not yet` read as not-yet; an upload from a spreadsheet (semicolons, a byte order
    /// mark, CRLF) is read and its errors never show the mark.
    @Test func formsAndUploadsAreReadAsPeopleWriteThem() async throws {
        let (folder, portal, store) = try tinyPortal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: portal.router()).test(.router) { client in
            let (teacher, teacherCSRF) = try await signInForForms(client, store, .teacher("T-OKAFOR"))
            let check = try await post(client, "/check", cookie: teacher,
                                       form: "csrf=\(teacherCSRF)&student=s-11+&objective=math-7.ns.1&result=Not+yet")
            #expect(check.status == .seeOther, "\(check.body)")
            #expect(try store.checks(of: "S-11").map { "\($0.objective) \($0.result)" } == ["MATH-7.NS.1 not-yet"])
            let (scheduler, csrf) = try await signInForForms(client, store, .scheduler)
            let absence = try await post(client, "/absence", cookie: scheduler, form: "csrf=\(csrf)&person=teacher%3AT-CHEN+&date=2026-11-25")
            #expect(absence.status == .seeOther, "\(absence.body)")
            #expect(try store.absences(from: SchoolDate("2026-11-25")!, to: SchoolDate("2026-11-25")!).map(\.person) == [.teacher("T-CHEN")])
            let unknown = try await post(client, "/absence", cookie: scheduler, form: "csrf=\(csrf)&person=teacher%3AT-CHN&date=2026-11-25")
            #expect(unknown.status == .badRequest && unknown.body.contains("did you mean T-CHEN?"))
            let sheet = multipart(csrf: csrf, fileBytes: [0xEF, 0xBB, 0xBF] + Array("date;student;objective;result\r\n2026-11-23;s-01;MATH-7.RP.1;Mastered\r\n2026-11-23;S-1;MATH-7.RP.1;mastered\r\n".utf8))
            let refused = try await post(client, "/checks", cookie: scheduler, bytes: sheet.body, contentType: sheet.contentType)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("uploaded file:1:1: note: read as semicolon-separated"), "\(refused.body)")
            #expect(refused.body.contains("uploaded file:3:12: error: unknown student &#39;S-1&#39;; did you mean") || refused.body.contains("uploaded file:3:12: error: unknown student 'S-1'; did you mean"), "\(refused.body)")
            #expect(!refused.body.contains("\u{FEFF}"))
            let fixed = multipart(csrf: csrf, fileBytes: [0xEF, 0xBB, 0xBF] + Array("date;student;objective;result\r\n2026-11-23;s-01;MATH-7.RP.1;Mastered\r\n".utf8))
            let recorded = try await post(client, "/checks", cookie: scheduler, bytes: fixed.body, contentType: fixed.contentType)
            #expect(recorded.status == .ok && recorded.body.contains("1 check(s) recorded"), "\(recorded.body)")
            #expect(recorded.body.contains("uploaded file:2:12: warning: &#39;s-01&#39; read as S-01") || recorded.body.contains("uploaded file:2:12: warning: 's-01' read as S-01"), "\(recorded.body)")
        }
    }
}
