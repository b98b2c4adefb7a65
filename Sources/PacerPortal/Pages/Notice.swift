import Plot

/// A page that tells one thing: a refusal, an error, what an upload or a correction did. Its
/// message and lines are the portal's words or PacerCore's reports; the link leads back.
struct Notice: Component {
    var message: String?
    /// Lines under the message (a report's, or a file's errors); nil for none.
    var list: [String]?
    /// Whether the page links back to the person's own page.
    var back = true

    init(_ message: String?, list: [String]? = nil, back: Bool = true) {
        self.message = message
        self.list = list
        self.back = back
    }

    var body: Component {
        ComponentGroup {
            if let message { Paragraph(message) }
            if let list { lines(list) }
            if back { backLink() }
        }
    }
}
