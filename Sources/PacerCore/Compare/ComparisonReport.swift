import Foundation
import Plot

/// The comparison as a terminal table, a CSV and an HTML page with SVG bar charts (no network).
/// Deltas are against the first scenario; a delta the scenarios' bounds do not prove (workshops
/// given, cost: `ProvenDifference`) is marked "not proven" in the table and the page, and "no" in
/// the CSV's `proven delta` columns.
public struct ComparisonReport: Sendable {
    public let comparison: ScenarioComparison

    public init(_ comparison: ScenarioComparison) { self.comparison = comparison }

    /// Each scenario's own name (`name:` in scenario.yaml); the folder's where two share a name.
    var names: [String] {
        let own = comparison.entries.map(\.metrics.scenario)
        return comparison.entries.enumerated().map { i, entry in
            own.filter { $0 == own[i] }.count > 1 ? "\(own[i]) (\(URL(fileURLWithPath: entry.path).lastPathComponent))" : own[i]
        }
    }

    /// One line per scenario in school terms: "Riverside Middle School: 1,662 of 1,752 wanted …".
    public var headlines: [String] {
        zip(names, comparison.entries).map { "\($0): \($1.metrics.headline.sentence)" }
    }

    public var table: String {
        let rows = comparison.rows.map { row in
            [row.name] + row.values.indices.map { Self.cell(row, $0) ?? "–" }
        }
        let table = String(TextTable(header: ["figure"] + names, rows: rows).aligned(right: Set(1...max(1, names.count)), rule: true).dropLast())
        return table + (marksUnproven ? "\n" + Self.unprovenNote : "") + (marksBounds ? "\n" + Self.boundsNote : "")
    }

    /// Said under the table and on the page when a difference between bounds is shown.
    static let boundsNote = "between bounds: the difference of two proven limits (the most or fewest any plan of each scenario could reach, "
        + "or the lower bounds on cost), not of two plans; it is no effect on what the plans give"

    /// Whether a delta between two bounds is shown.
    var marksBounds: Bool {
        comparison.rows.contains { row in row.values.indices.contains { Self.betweenBounds(row, $0) } }
    }

    /// Whether scenario `i`'s value of a bound differs from the base's as shown.
    static func betweenBounds(_ row: ScenarioComparison.Row, _ i: Int) -> Bool {
        guard row.isBound, i > 0, let value = row.values[i] else { return false }
        return !delta(value, row.values[0], row.format).isEmpty
    }

    /// Said under the table and on the page when a delta is marked.
    static let unprovenNote = "not proven: the difference is within what the bounds leave open "
        + "(the better plan does not beat the best the other scenario could reach, or nothing bounds that figure: "
        + "students who get every workshop), so it may be noise rather than an effect"

    /// Whether any delta is marked not proven.
    var marksUnproven: Bool {
        comparison.rows.contains { row in row.values.indices.contains { row.proof($0) == .withinBounds } }
    }

    /// A value with its delta against the base, and "not proven" where the bounds leave it open:
    /// "1,738 (+2, not proven)"; nil for no value.
    static func cell(_ row: ScenarioComparison.Row, _ i: Int) -> String? {
        guard let value = row.values[i] else { return nil }
        var delta = Self.delta(value, i > 0 ? row.values[0] : nil, row.format)
        if !delta.isEmpty, row.proof(i) == .withinBounds { delta = String(delta.dropLast()) + ", not proven)" }
        if Self.betweenBounds(row, i) { delta = String(delta.dropLast()) + ", between bounds)" }
        return row.format(value) + delta
    }

    public var csv: String {
        var text = CSVWriter.record(["figure"] + names + names.dropFirst().map { "delta " + $0 } + names.dropFirst().map { "proven delta " + $0 })
        for row in comparison.rows {
            let values = row.values.map { $0.map { String(format: "%.6g", $0) } ?? "" }
            let deltas = row.values.dropFirst().map { v -> String in
                guard let v, let base = row.values[0] else { return "" }
                return String(format: "%.6g", v - base)
            }
            // yes / no where the bounds decide (ProvenDifference), empty where they do not.
            let proofs = row.values.indices.dropFirst().map { i -> String in
                switch row.proof(i) { case .proven: "yes"; case .withinBounds: "no"; case nil: Self.betweenBounds(row, i) ? "bound" : "" }
            }
            text += CSVWriter.record([row.name] + values + deltas + proofs)
        }
        return text
    }

    public var html: String { html(forecast: nil) }

    /// The page; `forecast` is the address of the forecast page beside it, if there is one.
    public func html(forecast: String?) -> String {
        let rows = comparison.figureRows
        let charts = [ScenarioComparison.Figure.workshopsGiven, ScenarioComparison.Figure.fullyServed,
                      ScenarioComparison.Figure.sessions, ScenarioComparison.Figure.teacherLoad]
            + (comparison.entries.contains { $0.metrics.studentBlocksDue != nil } ? [ScenarioComparison.Figure.placed] : [])
        let base = names.first ?? "the first"
        return HTML(
            .lang(.english),
            .head(.encoding(.utf8), .element(named: "title", text: "Scenario comparison"), .viewport(.accordingToDevice), .style(Self.css)),
            .body(
                .h1("Scenario comparison"),
                .if(forecast != nil, .p(.a(.href(forecast ?? ""), "Forecast of the coming weeks for these scenarios"))),
                .ul(.class("headlines"), .forEach(Array(zip(names, comparison.entries))) { name, entry in
                    .li(.strong(.text(name)), .text(": " + entry.metrics.headline.sentence + "."))
                }),
                .p(.class("note"), .text("Each scenario planned with the same options; differences in brackets are against \(base). "
                    + "\"Within N % of the best possible\" compares the plan's cost with a proven lower bound: no plan of that scenario costs less."
                    + (marksUnproven ? " Differences marked " + Self.unprovenNote + "." : "")
                    + (marksBounds ? " Differences marked " + Self.boundsNote + "." : ""))),
                .p(.class("legend"), .span(.class("swatch base")), .text(" \(base) (the base)  "), .span(.class("swatch other")), .text(" the other scenarios")),
                .div(.class("charts"), .forEach(charts) { title in
                    let row = rows.first { $0.name == title }
                    return .div(.class("chart"), .h2(.text(title)), .raw(Self.barChart(names, row?.values ?? [], format: row?.format ?? { "\($0)" })))
                }),
                .h2(.class("section"), "Workshops by subject"),
                .div(.class("scroll"), table(comparison.subjectRows)),
                .h2(.class("section"), "All figures"),
                .div(.class("scroll"), table(comparison.figureRows + comparison.reasonRows))
            )
        ).render(indentedBy: .spaces(1))
    }

    /// A table of rows, one column per scenario.
    func table(_ rows: [ScenarioComparison.Row]) -> Node<HTML.BodyContext> {
        .table(
            .tr(.th("figure"), .forEach(names) { .th(.text($0)) }),
            .forEach(rows) { row in
                .tr(.th(.text(row.name)), .forEach(Array(row.values.indices)) { Self.cellNode(row, $0) })
            })
    }

    /// A table cell: the value and its delta, in grey italics where the difference is not proven.
    static func cellNode(_ row: ScenarioComparison.Row, _ i: Int) -> Node<HTML.TableRowContext> {
        guard let text = cell(row, i) else { return .td("–") }
        if row.proof(i) == .withinBounds { return .td(.class("open"), .text(text)) }
        return .td(.text(text))
    }

    /// ` (+2)` against the base, or nothing when there is no base or the difference rounds to zero.
    static func delta(_ value: Double, _ base: Double??, _ format: (Double) -> String) -> String {
        guard let base = base ?? nil else { return "" }
        let difference = format(abs(value - base))
        guard ![format(0), "0.00", "0.0%"].contains(difference) else { return "" }
        return " (" + (value > base ? "+" : "−") + difference + ")"
    }

    /// A horizontal bar chart as inline SVG; labels are escaped here (the SVG is raw HTML).
    static func barChart(_ labels: [String], _ values: [Double?], format: (Double) -> String) -> String {
        let width = 520.0, bar = 26.0, gap = 10.0, labelWidth = 225.0
        let maximum = max(values.compactMap { $0 }.max() ?? 1, 1e-9)
        let height = Double(labels.count) * (bar + gap) + gap
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" style=\"width:100%;max-width:\(Int(width))px;height:auto\" role=\"img\">"
        for (i, label) in labels.enumerated() {
            let y = gap + Double(i) * (bar + gap)
            let value = i < values.count ? (values[i] ?? 0) : 0
            let length = (width - labelWidth - 60) * value / maximum
            svg += "<text x=\"0\" y=\"\(y + bar * 0.7)\" font-size=\"13\">\(escape(label.count > 30 ? String(label.prefix(29)) + "…" : label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(String(format: "%.1f", length))\" height=\"\(bar)\" fill=\"\(i == 0 ? "#7a8ca8" : "#2f6fd6")\"/>"
            svg += "<text x=\"\(String(format: "%.1f", labelWidth + length + 6))\" y=\"\(y + bar * 0.7)\" font-size=\"13\">\(escape(format(value)))</text>"
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let css = """
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}h1{font-size:1.5rem}h2{font-size:1rem;margin:.2rem 0}
        .charts{display:flex;flex-wrap:wrap;gap:1.5rem}.chart{border:1px solid #ddd;border-radius:6px;padding:.6rem;flex:1 1 20rem;max-width:34rem}
        .headlines li{margin:.3rem 0}.note{color:#555;font-size:.9rem}.legend{font-size:.9rem}
        .swatch{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;border-radius:2px}.base{background:#7a8ca8}.other{background:#2f6fd6}
        @media (max-width:600px){body{margin:.6rem}}
        .scroll{overflow-x:auto}table{border-collapse:collapse;margin-top:1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;font-size:.9rem;text-align:right}
        th:first-child{text-align:left}th{background:#f0f2f5}h2.section{font-size:1.1rem;margin-top:1.5rem}h2.section+.scroll table{margin-top:.3rem}td.open{color:#6b6b6b;font-style:italic}
        """
}
