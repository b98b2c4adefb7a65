import Foundation
import Hummingbird
import PacerCore
import Plot

/// The portal's pages: plain HTML that works without JavaScript and on a 390 px phone. Each page
/// is a view model PacerCore computes (what the page shows, in people's words) laid out by a Plot
/// component here; Plot escapes the text, and `attr` the attribute values.
enum Page {
    /// A page: `title` heads it, the signed-in person's links and sign-out button (`nav`) come
    /// first, and a page that `refresh`es reloads itself every second.
    static func response(_ status: HTTPResponse.Status, title: String, nav session: PortalSession? = nil, refresh: Bool = false,
                         body: Component) -> Response {
        let html = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .if(refresh, .meta(.attribute(named: "http-equiv", value: "refresh"), .content("1"))),
                .element(named: "title", text: title),
                .style(css)),
            .body(
                .h1(.text(title)),
                .unwrap(session) { .component(PageNav(session: $0)) },
                .component(body))
        ).render()
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static let css = """
        body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:.8rem}
        h1{font-size:1.3rem}h2{font-size:1.1rem;margin:1.2rem 0 .3rem}
        .group{border:1px solid #ccc;border-radius:8px;padding:.6rem;margin:.6rem 0}
        .student{border-top:1px solid #eee;padding:.4rem 0}.tag{font-size:.8rem;background:#eef;border-radius:4px;padding:0 .3rem;margin-left:.3rem}
        .note{color:#555;font-size:.9rem}form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.3rem}
        input[type=text]{flex:1 1 10rem;min-width:0;padding:.3rem}select{max-width:100%}label.field{max-width:100%}button{padding:.35rem .8rem}
        nav{margin:.2rem 0 .6rem;display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}.signout{margin:0 0 0 auto}.away{background:#fdd}.quiet{font-size:.85rem;background:none;border:1px solid #bbb;border-radius:4px}
        .inline{display:inline-flex;margin-top:.2rem}.scroll{overflow-x:auto}.feed{word-break:break-all}.plain{list-style:none;padding:0}.plain li{margin:.4rem 0}.warn{color:#a00}.ok{color:#070}
        table{border-collapse:collapse;width:100%}.id{white-space:nowrap}td,th{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #eee}
        """

    /// A query parameter's value: percent-encoded but for letters, digits and `-._~`.
    static func queryEscape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? ""
    }

    /// A path for a URL: each segment percent-encoded, the slashes kept.
    static func pathEscape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? "" }
            .joined(separator: "/")
    }
}

/// The links at the top of each page, by role, and the sign-out button (a shared device can be
/// left signed out).
struct PageNav: Component {
    let session: PortalSession

    var body: Component {
        element("nav") {
            switch session.grant.role {
            case .teacher: ComponentGroup { link("/", "Today"); Text(" · "); link("/week", "This week"); Text(" · "); link("/ask", "Ask for a student") }
            case .supervisor: ComponentGroup { link("/", "Today"); Text(" · "); link("/week", "This week") }
            case .family: ComponentGroup()
            case .scheduler: ComponentGroup {
                link("/", "School"); Text(" · "); link("/job", "Planning"); Text(" · "); link("/exports", "Exports"); Text(" · "); link("/ask", "Ask for a student")
            }
            }
            postForm("/signout", csrf: session.csrf) { Button("Sign out").class("quiet") }.class("inline signout")
        }
    }
}
