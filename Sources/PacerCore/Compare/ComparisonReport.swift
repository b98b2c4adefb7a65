import Foundation
import Plot

/// The comparison as a terminal table, a CSV and an HTML page with SVG bar charts (no network).
/// Deltas are against the first scenario.
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
            [row.name] + row.values.enumerated().map { i, value in
                value.map { row.format($0) + Self.delta($0, i > 0 ? row.values[0] : nil, row.format) } ?? "–"
            }
        }
        return String(TextTable(header: ["figure"] + names, rows: rows).aligned(right: Set(1...max(1, names.count)), rule: true).dropLast())
    }

    public var csv: String {
        var text = CSVWriter.record(["figure"] + names + names.dropFirst().map { "delta " + $0 })
        for row in comparison.rows {
            let values = row.values.map { $0.map { String(format: "%.6g", $0) } ?? "" }
            let deltas = row.values.dropFirst().map { v -> String in
                guard let v, let base = row.values[0] else { return "" }
                return String(format: "%.6g", v - base)
            }
            text += CSVWriter.record([row.name] + values + deltas)
        }
        return text
    }

    public var html: String { html(forecast: nil) }

    /// The page; `forecast` is the address of the forecast page beside it, if there is one.
    public func html(forecast: String?) -> String {
        let rows = comparison.rows
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
                    + "\"Within N % of the best possible\" compares the plan's cost with a proven lower bound: no plan of that scenario costs less.")),
                .p(.class("legend"), .span(.class("swatch base")), .text(" \(base) (the base)  "), .span(.class("swatch other")), .text(" the other scenarios")),
                .div(.class("charts"), .forEach(charts) { title in
                    let row = rows.first { $0.name == title }
                    return .div(.class("chart"), .h2(.text(title)), .raw(Self.barChart(names, row?.values ?? [], format: row?.format ?? { "\($0)" })))
                }),
                .div(.class("scroll"), .table(
                    .tr(.th("figure"), .forEach(names) { .th(.text($0)) }),
                    .forEach(rows) { row in
                        .tr(.th(.text(row.name)), .forEach(Array(row.values.enumerated())) { i, value in
                            guard let value else { return .td("–") }
                            return .td(.text(row.format(value) + Self.delta(value, i > 0 ? row.values[0] : nil, row.format)))
                        })
                    }))
            )
        ).render(indentedBy: .spaces(1))
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
        th:first-child{text-align:left}th{background:#f0f2f5}
        """
}
