import PacerCore
import Plot

/// The exports: each format's files, linked.
struct ExportsPage: Component {
    let view: ExportsView

    var body: Component {
        ComponentGroup {
            Paragraph(view.source)
            for format in view.formats {
                H2(format.label)
                element("ul") {
                    for path in format.files { ListItem { link("/exports/\(format.format)/\(Page.pathEscape(path))", path) } }
                    if let more = format.more { ListItem(more) }
                }
            }
        }
    }
}
