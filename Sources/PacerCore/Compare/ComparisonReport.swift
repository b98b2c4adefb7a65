import Foundation
import Plot

/// The comparison as a terminal table, a CSV and an HTML page with SVG bar charts (no network).
/// Deltas are against the first scenario.
public struct ComparisonReport: Sendable {
    public let comparison: ScenarioComparison

    public init(_ comparison: ScenarioComparison) { self.comparison = comparison }

    var names: [String] { comparison.entries.map { URL(fileURLWithPath: $0.path).lastPathComponent } }

    public var table: String {
        let rows = comparison.rows
        var header = ["figure"] + names
        var lines: [[String]] = []
        for row in rows {
            var cells = [row.name]
            for (i, value) in row.values.enumerated() {
                guard let value else { cells.append("–"); continue }
                cells.append(row.format(value) + Self.delta(value, i > 0 ? row.values[0] : nil, row.format))
            }
            lines.append(cells)
        }
        header = header.map { $0 }
        let widths = (0..<header.count).map { c in ([header] + lines).map { $0[c].count }.max() ?? 0 }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - text.count) + text }.joined(separator: "  ")
        }
        return ([render(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + lines.map(render))
            .joined(separator: "\n")
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

    public var html: String {
        let rows = comparison.rows
        let charts = ["students served (share)", "workshops per student (mean)", "sessions opened", "teacher load mean"]
        return HTML(
            .lang(.english),
            .head(.encoding(.utf8), .element(named: "title", text: "Scenario comparison"), .viewport(.accordingToDevice), .style(Self.css)),
            .body(
                .h1("Scenario comparison"),
                .p(.text("Each scenario planned with the same options; deltas are against \(names.first ?? "the first").")),
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
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
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
        .charts{display:flex;flex-wrap:wrap;gap:1.5rem}.chart{border:1px solid #ddd;border-radius:6px;padding:.6rem}
        .scroll{overflow-x:auto}table{border-collapse:collapse;margin-top:1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;font-size:.9rem;text-align:right}
        th:first-child{text-align:left}th{background:#f0f2f5}
        """
}
