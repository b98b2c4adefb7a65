import PacerCore
import Plot

// The parts the portal's pages are made of. Plot escapes text but writes attribute values as they
// are (Plot 0.14), so every attribute but the fixed class names is set with `attr`, which escapes
// its value: a note, a name or an id in an attribute stays a value whatever it holds.

extension Component {
    /// The attribute `name`, set to `value` escaped.
    func attr(_ name: String, _ value: String) -> Component {
        attribute(named: name, value: attributeText(value), ignoreValueIfEmpty: false)
    }

    /// A boolean attribute, such as `required`.
    func flag(_ name: String) -> Component {
        attribute(named: name, value: nil, ignoreValueIfEmpty: false)
    }
}

/// `text` as an attribute's value between double quotes.
private func attributeText(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}

/// An element with content: `element("label") { … }`.
func element(_ name: String, @ComponentBuilder _ content: @escaping () -> ComponentGroup) -> Component {
    Element<Any>(name: name, content: content)
}

/// An element without content or end tag: `input`, `br`.
func void(_ name: String) -> Component {
    Node<Any>.selfClosedElement(named: name)
}

/// A link.
func link(_ url: String, _ text: String) -> Component {
    element("a") { Text(text) }.attr("href", url)
}

/// A form that posts to `action`, with the session's CSRF token (`FormMiddleware` refuses a form
/// without it).
func postForm(_ action: String, csrf: String, multipart: Bool = false, @ComponentBuilder _ content: @escaping () -> ComponentGroup) -> Component {
    let form = element("form") {
        hidden("csrf", csrf)
        content()
    }.attr("method", "post").attr("action", action)
    return multipart ? form.attr("enctype", "multipart/form-data") : form
}

/// A field the form sends back as it is.
func hidden(_ name: String, _ value: String) -> Component {
    void("input").attr("type", "hidden").attr("name", name).attr("value", value)
}

/// A drop-down the form sends back as `name`: each option's value and the words shown, the one
/// whose value is `selected` chosen at first (else the first).
func dropDown(_ name: String, _ options: [(value: String, label: String)], selected: String? = nil) -> Component {
    element("select") {
        for option in options {
            let item = element("option") { Text(option.label) }.attr("value", option.value)
            if option.value == selected { item.flag("selected") } else { item }
        }
    }.attr("name", name)
}

/// A field to type in, `type` as HTML names it (`text`, `date`, `file`, …).
func input(_ type: String, _ name: String) -> Component {
    void("input").attr("type", type).attr("name", name)
}

/// A small label beside a name (`new`, `absent`); an absence is shown in red.
func mark(_ text: String, away: Bool = false) -> Component {
    Span(text).class(away ? "tag away" : "tag")
}

/// A list of lines of text.
func lines(_ items: [String]) -> Component {
    element("ul") { for item in items { ListItem(item) } }
}

/// A table row of header cells.
func headerRow(_ headers: String...) -> Component {
    element("tr") { for header in headers { TableHeaderCell(header) } }
}

/// The link back to the signed-in person's page.
func backLink() -> Component {
    Paragraph { link("/", "Back to your page") }
}
