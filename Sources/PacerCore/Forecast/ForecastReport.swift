/// A forecast as a table, a CSV and an SVG chart of mastery over time (one line per scenario).
public enum ForecastReport {
    static let columns = ["week", "mastered_mean", "mastered_p10", "mastered_p90", "behind_target", "longest_wait_days", "teacher_load"]

    static func row(_ w: Forecaster.Week) -> [String] {
        [String(w.week), f(w.masteredMean), f(w.masteredP10), f(w.masteredP90), f(w.behindTarget), String(w.longestWait), f(w.teacherLoad)]
    }

    static func f(_ x: Double) -> String { String(format: "%.2f", x) }

    public static func csv(_ weeks: [Forecaster.Week]) -> String {
        var text = CSVWriter.record(columns)
        for w in weeks { text += CSVWriter.record(row(w)) }
        return text
    }

    /// Several scenarios' forecasts in one CSV, a `scenario` column first and one header row.
    public static func csv(_ series: [(name: String, weeks: [Forecaster.Week])]) -> String {
        var text = CSVWriter.record(["scenario"] + columns)
        for s in series { for w in s.weeks { text += CSVWriter.record([s.name] + row(w)) } }
        return text
    }

    public static func table(_ weeks: [Forecaster.Week]) -> String {
        let header = ["week", "mastered (mean)", "p10", "p90", "behind target", "longest wait (days)", "teacher load"]
        let rows = weeks.map(row)
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            cells.enumerated().map { c, t in String(repeating: " ", count: widths[c] - t.count) + t }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Mean objectives mastered per student by week, one line per scenario.
    public static func chart(_ series: [(name: String, weeks: [Forecaster.Week])]) -> String {
        let width = 700.0, height = 320.0, left = 50.0, bottom = 40.0, top = 20.0, right = 220.0
        let weeks = series.map(\.weeks.count).max() ?? 1
        let maximum = max(series.flatMap { $0.weeks.map(\.masteredP90) }.max() ?? 1, 1)
        func x(_ week: Int) -> Double { left + (width - left - right) * Double(week) / Double(max(1, weeks)) }
        func y(_ value: Double) -> Double { height - bottom - (height - bottom - top) * value / maximum }
        let colours = ["#2f6fd6", "#d65f2f", "#2f9d5b", "#8a4fd6", "#b38f00"]
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#888\"/><line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(y(0))\" stroke=\"#888\"/>"
        for w in 0...weeks { svg += "<text x=\"\(x(w) - 4)\" y=\"\(height - bottom + 18)\" font-size=\"12\">\(w)</text>" }
        svg += "<text x=\"\(left)\" y=\"\(height - 6)\" font-size=\"12\">weeks</text>"
        svg += "<text x=\"4\" y=\"\(top + 4)\" font-size=\"12\">\(String(format: "%.1f", maximum))</text>"
        for (i, s) in series.enumerated() {
            let colour = colours[i % colours.count]
            let points = [(0, 0.0)] + s.weeks.map { ($0.week, $0.masteredMean) }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"" + points.map { "\(String(format: "%.1f", x($0.0))),\(String(format: "%.1f", y($0.1)))" }.joined(separator: " ") + "\"/>"
            // A legend at the right: lines that run close together stay readable.
            let legendY = top + 6 + Double(i) * 20
            svg += "<rect x=\"\(width - right + 12)\" y=\"\(legendY - 9)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(width - right + 30)\" y=\"\(legendY + 1)\" font-size=\"12\">\(ComparisonReport.escape(s.name.count > 24 ? String(s.name.prefix(23)) + "…" : s.name))</text>"
        }
        return svg + "</svg>"
    }

    public static func html(_ series: [(name: String, weeks: [Forecaster.Week])], title: String) -> String {
        var body = "<h1>\(ComparisonReport.escape(title))</h1><p>Mean objectives mastered per student, by week.</p>" + chart(series)
        for s in series {
            body += "<h2>\(ComparisonReport.escape(s.name))</h2><table><tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr>"
            for w in s.weeks { body += "<tr>" + row(w).map { "<td>\($0)</td>" }.joined() + "</tr>" }
            body += "</table>"
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/><title>\(ComparisonReport.escape(title))</title>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\"/><style>\(ComparisonReport.css)</style></head><body>"
            + body + "</body></html>\n"
    }
}
