import Foundation

/// A forecast as a table, a CSV and an HTML page with an SVG chart of mastery over time (one line
/// per scenario, with the band where the middle 80 % of students lie).
public enum ForecastReport {
    public typealias Series = (name: String, weeks: [Forecaster.Week])

    /// The CSV's columns: names for programs.
    static let columns = ["week", "mastered_mean", "mastered_p10", "mastered_p90", "behind_target", "longest_wait_days", "teacher_load",
                          "check_requests_met", "check_wait_mean_days", "check_wait_longest_days"]

    /// The same columns in words, for people (the terminal and the HTML page).
    static func headings(runs: Int) -> [String] {
        let over = runs == 1 ? "1 run" : "mean of \(runs) runs"
        return ["week", "objectives mastered per student (mean)", "10th percentile", "90th percentile",
                "students behind the target pace (\(over))", "longest wait (school days)", "sessions per teacher (\(over))",
                "check requests met (\(over))", "days waited for a check (mean)", "longest wait for a check (school days)"]
    }

    static func row(_ w: Forecaster.Week) -> [String] {
        [String(w.week), f(w.masteredMean), f(w.masteredP10), f(w.masteredP90), f(w.behindTarget), String(w.longestWait), f(w.teacherLoad),
         f(w.checkRequestsMet), f(w.checkWaitMean), String(w.checkWaitLongest)]
    }

    /// A row for people: students behind the target as a mean with one decimal, load with one.
    static func displayRow(_ w: Forecaster.Week) -> [String] {
        [String(w.week), f(w.masteredMean), String(format: "%.1f", w.masteredP10), String(format: "%.1f", w.masteredP90),
         String(format: "%.1f", w.behindTarget), String(w.longestWait), String(format: "%.1f", w.teacherLoad),
         String(format: "%.1f", w.checkRequestsMet), String(format: "%.1f", w.checkWaitMean), String(w.checkWaitLongest)]
    }

    static func f(_ x: Double) -> String { String(format: "%.2f", x) }

    /// Seconds for people: `120 s`, `2.5 s`.
    static func seconds(_ x: Double) -> String {
        let tenths = (x * 10).rounded() / 10
        return (tenths == tenths.rounded() ? NumberText.points(tenths) : String(format: "%.1f", tenths)) + " s"
    }

    /// What the figures mean, in one paragraph under the table.
    static func notes(runs: Int) -> String {
        "Each run simulates the term from where students stand: every week planned, every day regrouped, every workshop "
            + "bringing mastery by chance. Figures per week are over \(runs == 1 ? "the one run" : "all \(runs) runs"): the percentiles over every student "
            + "of every run; students behind the target pace are those who have mastered fewer objectives than the scenario's "
            + "forecast.target_pace times the weeks so far, averaged over the runs; the longest wait is the most school days any "
            + "student in any run went without a workshop on their current objective. A simulated student who has had their "
            + "objective's weekly workshops asks for a mastery check on it for the next school day; checks met counts those "
            + "requests met, and the wait for a check runs in school days from the day first asked for to the check (the "
            + "longest counts students still waiting)."
    }

    /// Where the forecast started, in one sentence.
    public static func start(_ forecast: Forecaster.Forecast) -> String {
        guard let state = forecast.fromState else {
            return "Started from students.csv, where the term starts (not from a running term), in a simulated week of \(forecast.weekOf)."
        }
        let checks = state.lastCheck.map { "\(state.checks) mastery check\(state.checks == 1 ? "" : "s") recorded, the last on \($0)" }
            ?? "no mastery check recorded yet"
        return "Started from the term's state, in the week of \(forecast.weekOf) (\(checks)); the state itself is not changed."
    }

    /// That the forecast stopped before its last week, and why; nil when it ran to the end.
    public static func stopped(_ forecast: Forecaster.Forecast) -> String? {
        let done = "after \(forecast.weeks.count) of the \(forecast.weeksAsked) weeks asked for"
        switch forecast.stopped {
        case nil: return nil
        case let .timeLimit(limit):
            return "Stopped by --time-limit \(seconds(limit)) \(done) (\(seconds(forecast.seconds)) in all); "
                + "the figures are those weeks', every run's. Give a longer --time-limit, fewer --runs or fewer --weeks."
        case .interrupted: return "Interrupted \(done); the figures are those weeks', every run's."
        case let .termEnded(last):
            return "The term ends on \(last) (calendar.term), \(done); the figures are those weeks', every run's."
        }
    }

    /// The holiday weeks the forecast passed over, or nil when none.
    public static func skipped(_ forecast: Forecaster.Forecast) -> String? {
        forecast.skipped.isEmpty ? nil : "Passed over, not counted among the weeks: " + forecast.skipped.joined(separator: "; ") + "."
    }

    /// What the forecast's quicker planning gives up against `pacer plan`'s defaults: measured on
    /// the weeks checked (`--check-planning`), else where to find it measured.
    public static func planning(_ forecast: Forecaster.Forecast) -> String {
        let how = "The forecast plans each week with a shorter search than pacer plan (greedy construction, local search and a "
            + "fixed budget of neighbourhood models, no lower bound, no whole-week model) and regroups each day with greedy and "
            + "local search, counted in work rather than seconds, so a seed gives the same figures on any machine."
        guard !forecast.planningChecks.isEmpty else {
            return how + " What that gives up is measured in docs/forecast.md; pacer forecast --check-planning N measures it on this school."
        }
        let weeks = forecast.planningChecks.map { c in
            let worse = c.full.objective == 0 ? 0 : 100 * (c.forecast.objective - c.full.objective) / abs(c.full.objective)
            return "week \(c.week): objective \(f(c.forecast.objective)) against \(f(c.full.objective)) with pacer plan's defaults "
                + "(\(String(format: "%+.1f", worse)) %), \(c.forecast.workshopsServed) of \(c.forecast.workshopsWanted) workshops given "
                + "against \(c.full.workshopsServed), planned in \(String(format: "%.1f", c.forecast.seconds)) s against \(String(format: "%.1f", c.full.seconds)) s"
        }
        return how + " Checked on the first run (lower objective is better): " + weeks.joined(separator: "; ") + "."
    }

    /// The sentences under a forecast's table: where it started, whether it stopped, how it planned.
    public static func about(_ forecast: Forecaster.Forecast) -> [String] {
        [start(forecast)] + [stopped(forecast), skipped(forecast)].compactMap { $0 } + [planning(forecast)]
    }

    public static func csv(_ weeks: [Forecaster.Week]) -> String {
        var text = CSVWriter.record(columns)
        for w in weeks { text += CSVWriter.record(row(w)) }
        return text
    }

    /// Several scenarios' forecasts in one CSV, a `scenario` column first and one header row.
    public static func csv(_ series: [Series]) -> String {
        var text = CSVWriter.record(["scenario"] + columns)
        for s in series { for w in s.weeks { text += CSVWriter.record([s.name] + row(w)) } }
        return text
    }

    public static func table(_ weeks: [Forecaster.Week], runs: Int) -> String {
        let header = ["week", "mastered (mean)", "p10", "p90", "behind target", "longest wait", "load", "checks met", "check wait", "longest check wait"]
        let lines = TextTable(header: header, rows: weeks.map(displayRow)).aligned(right: Set(header.indices)).split(separator: "\n").map(String.init)
        let over = runs == 1 ? "in the one run" : "the mean of \(runs) runs"
        return (lines + [
            "mastered: objectives mastered per student (mean, 10th and 90th percentile over every student of every run);",
            "behind target: students below the scenario's target pace, \(over); longest wait: the most school days any",
            "student went without a workshop on their current objective; load: sessions per teacher that week, \(over);",
            "checks met: check requests met that week, \(over); check wait: school days from the day a student asked",
            "to be checked to the check (mean; the longest counts those still waiting).",
        ]).joined(separator: "\n")
    }

    /// The finding the chart shows, in one sentence.
    public static func finding(_ series: [Series]) -> String {
        let finals = series.compactMap { s in s.weeks.last.map { (name: s.name, week: $0) } }
        guard let weeks = finals.map(\.week.week).max() else { return "No weeks forecast." }
        let ranked = finals.sorted { ($0.week.masteredMean, $1.name) > ($1.week.masteredMean, $0.name) }
        let after = "After \(weeks) week\(weeks == 1 ? "" : "s")"
        guard let best = ranked.first else { return "No weeks forecast." }
        if ranked.count == 1 {
            return "\(after), students have mastered \(f(best.week.masteredMean)) objectives each on average "
                + "(the middle 80 % between \(String(format: "%.1f", best.week.masteredP10)) and \(String(format: "%.1f", best.week.masteredP90)))."
        }
        let others = ranked.dropFirst().map { "\(f($0.week.masteredMean)) for \($0.name)" }.joined(separator: ", ")
        if ranked.dropFirst().allSatisfy({ abs($0.week.masteredMean - best.week.masteredMean) < 0.005 }) {
            return "\(after), every scenario has students master \(f(best.week.masteredMean)) objectives each on average."
        }
        return "\(after), \(best.name) leads: \(f(best.week.masteredMean)) objectives mastered per student on average, against \(others)."
    }

    static let colours = ["#2f6fd6", "#d65f2f", "#2f9d5b", "#8a4fd6", "#b38f00"]

    /// Objectives mastered per student by week: each scenario's mean as a line over the band from
    /// its 10th to its 90th percentile; labelled axes with ticks; scales to the page's width.
    public static func chart(_ series: [Series]) -> String {
        let width = 640.0, height = 340.0, left = 58.0, right = 16.0, top = 14.0, bottom = 50.0
        let weeks = max(1, series.map(\.weeks.count).max() ?? 1)
        let (maximum, step) = niceScale(series.flatMap { $0.weeks.map(\.masteredP90) }.max() ?? 1)
        func x(_ week: Int) -> Double { left + (width - left - right) * Double(week) / Double(weeks) }
        func y(_ value: Double) -> Double { height - bottom - (height - bottom - top) * value / maximum }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "style=\"width:100%;max-width:\(Int(width))px;height:auto\" role=\"img\" aria-label=\"\(ComparisonReport.escape(finding(series)))\">"
        // Horizontal grid lines with the y ticks, then the x ticks.
        var tick = 0.0
        while tick <= maximum + 1e-9 {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" stroke=\"\(tick == 0 ? "#888" : "#e3e3e3")\"/>"
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" font-size=\"13\" text-anchor=\"end\">\(step < 1 ? n(tick) : String(Int(tick.rounded())))</text>"
            tick += step
        }
        let every = max(1, Int((Double(weeks) / 10).rounded(.up)))
        for w in stride(from: 0, through: weeks, by: every) {
            svg += "<line x1=\"\(n(x(w)))\" y1=\"\(n(y(0)))\" x2=\"\(n(x(w)))\" y2=\"\(n(y(0) + 5))\" stroke=\"#888\"/>"
            svg += "<text x=\"\(n(x(w)))\" y=\"\(n(y(0) + 20))\" font-size=\"13\" text-anchor=\"middle\">\(w)</text>"
        }
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(y(0)))\" stroke=\"#888\"/>"
        svg += "<text x=\"\(n((left + width - right) / 2))\" y=\"\(n(height - 8))\" font-size=\"13\" text-anchor=\"middle\">weeks from now</text>"
        svg += "<text transform=\"translate(15 \(n((top + y(0)) / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">objectives mastered per student</text>"
        for (i, s) in series.enumerated() {
            let colour = colours[i % colours.count]
            let band = [(0, 0.0)] + s.weeks.map { ($0.week, $0.masteredP90) } + s.weeks.reversed().map { ($0.week, $0.masteredP10) } + [(0, 0.0)]
            svg += "<polygon fill=\"\(colour)\" fill-opacity=\"0.13\" stroke=\"none\" points=\"" + band.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ") + "\"/>"
            let points = [(0, 0.0)] + s.weeks.map { ($0.week, $0.masteredMean) }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"" + points.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ") + "\"/>"
        }
        return svg + "</svg>"
    }

    /// The axis' top and its tick step: 1, 2 or 5 times a power of ten, four to eight ticks.
    static func niceScale(_ top: Double) -> (maximum: Double, step: Double) {
        let top = max(top, 1)
        let rough = top / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        return ((top / step).rounded(.up) * step, step)
    }

    /// The page: the finding as the chart's title, the chart with its legend, then each scenario's
    /// table. `runs` is the number of runs behind the figures; `compare` the address of the
    /// comparison page beside it, if there is one.
    public static func html(_ series: [Series], title: String, runs: Int, compare: String? = nil, about: [String] = []) -> String {
        let e = ComparisonReport.escape
        var body = "<h1>\(e(title))</h1>"
        if let compare { body += "<p><a href=\"\(e(compare))\">The comparison of these scenarios' week plans</a></p>" }
        body += "<h2 class=\"finding\">\(e(finding(series)))</h2>" + chart(series)
        body += "<ul class=\"legend\">" + series.enumerated().map { i, s in
            "<li><span class=\"swatch\" style=\"background:\(colours[i % colours.count])\"></span> \(e(s.name)): mean</li>"
        }.joined() + "<li><span class=\"swatch band\"></span> shaded: the middle 80 % of students (10th to 90th percentile)</li></ul>"
        let headings = headings(runs: runs)
        for s in series {
            body += "<h2>\(e(s.name))</h2><div class=\"scroll\"><table><tr>" + headings.map { "<th>\(e($0))</th>" }.joined() + "</tr>"
            for w in s.weeks { body += "<tr>" + displayRow(w).map { "<td>\($0)</td>" }.joined() + "</tr>" }
            body += "</table></div>"
        }
        body += "<p class=\"note\">\(e(notes(runs: runs)))</p>"
        for sentence in about { body += "<p class=\"note\">\(e(sentence))</p>" }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/><title>\(e(title))</title>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\"/><style>\(ComparisonReport.css)"
            + ".finding{font-size:1.05rem;font-weight:600;margin:1rem 0 .4rem}.legend{list-style:none;padding:0;font-size:.9rem}"
            + ".legend li{margin:.2rem 0}.band{background:#2f6fd6;opacity:.25}</style></head><body>"
            + body + "</body></html>\n"
    }
}
