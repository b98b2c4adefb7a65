/// The term's first and last day (`calendar.term`): no plan, regroup or publication falls outside.
public struct TermDates: Sendable, Equatable {
    public let firstDay: SchoolDate
    public let lastDay: SchoolDate

    public init(firstDay: SchoolDate, lastDay: SchoolDate) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    public func contains(_ date: SchoolDate) -> Bool { firstDay <= date && date <= lastDay }

    /// Why `date` is outside the term (`2027-01-04 is after the term's last day (2026-12-18)`), or nil.
    public func problem(_ date: SchoolDate) -> String? {
        if date < firstDay { return "\(date) is before the term's first day (\(firstDay))" }
        if date > lastDay { return "\(date) is after the term's last day (\(lastDay))" }
        return nil
    }
}

extension SchoolCalendar {
    /// Why a record of the plans to come or gone (an absence, a closure) cannot be dated `date`,
    /// or nil: within the `term` when the calendar names one (`TermDates.problem`); else, as a
    /// request may ask (`StudentRequest.whenProblem`), from the state's first records
    /// (`recordsFrom`, `pacer init`'s date or `--history-from`) to at most
    /// `StudentRequest.daysAheadWithoutTerm` days after `today`.
    public func recordDateProblem(_ date: SchoolDate, recordsFrom: SchoolDate?, today: SchoolDate) -> String? {
        if let term { return term.problem(date) }
        if let recordsFrom, date < recordsFrom { return "\(date) is before the state's records begin (\(recordsFrom), pacer init)" }
        let ahead = today.days(to: date)
        guard ahead > StudentRequest.daysAheadWithoutTerm else { return nil }
        return "\(date) is \(ahead) days after today (\(today)); the calendar names no term, so Pacer records at most \(StudentRequest.daysAheadWithoutTerm) days ahead"
    }
}

/// A dated day, or some periods of it, without school, with its reason: a holiday the scenario
/// names (`calendar.holidays`) or a closure decided mid-term and recorded in the state (`pacer
/// closed`, a snow day).
public struct Closure: Sendable, Equatable, Hashable {
    public enum Source: Sendable, Equatable, Hashable {
        /// `calendar.holidays` in scenario.yaml.
        case scenario
        /// Recorded with `pacer closed`; the id of its row in the state.
        case state(id: Int64)
    }

    public let date: SchoolDate
    /// The periods closed; empty for the whole day.
    public let periods: [PeriodID]
    /// Why (`Thanksgiving`, `snow day`).
    public let note: String
    public let source: Source

    public init(date: SchoolDate, periods: [PeriodID] = [], note: String, source: Source = .scenario) {
        self.date = date
        self.periods = periods
        self.note = note
        self.source = source
    }

    public var isWholeDay: Bool { periods.isEmpty }

    /// Whether the closure takes `period` (a whole-day closure takes every period).
    public func covers(_ period: PeriodID) -> Bool { periods.isEmpty || periods.contains(period) }

    /// `2026-11-26 closed: Thanksgiving` or `2026-12-03 (F1, F2) closed: assembly`.
    public var text: String {
        "\(date)" + (periods.isEmpty ? "" : " (\(periods.map(\.rawValue).joined(separator: ", ")))") + " closed: \(note)"
    }

    /// `Closed: Thanksgiving`, as a cancelled session's reason.
    public var reason: String { "Closed: \(note)" }
}

/// The one place that answers whether a date, or a block of it, is closed and why: the
/// scenario's term and holidays, and the closures recorded in the state. Planning, regrouping,
/// publishing, exports and the portal all ask it.
public struct ClosedDates: Sendable, Equatable {
    public let term: TermDates?
    /// Every closure, ordered by date (the scenario's before the state's on the same date).
    public let closures: [Closure]

    public init(term: TermDates?, closures: [Closure]) {
        self.term = term
        self.closures = closures.sorted { ($0.date, $0.source == .scenario ? 0 : 1) < ($1.date, $1.source == .scenario ? 0 : 1) }
    }

    /// The closures on `date`; a date outside the term is closed all day, with that as its reason.
    public func closures(on date: SchoolDate) -> [Closure] {
        if let problem = term?.problem(date) { return [Closure(date: date, note: "outside the term (\(problem))")] }
        return closures.filter { $0.date == date }
    }

    /// The whole-day closure of `date` (the first when several), or nil when the school is open
    /// at least part of the day.
    public func wholeDay(_ date: SchoolDate) -> Closure? { closures(on: date).first(where: \.isWholeDay) }

    /// Whether `date` is closed all day.
    public func isClosed(_ date: SchoolDate) -> Bool { wholeDay(date) != nil }

    /// The closure that takes `period` on `date`, or nil when it is open.
    public func closure(on date: SchoolDate, period: PeriodID) -> Closure? {
        closures(on: date).first { $0.covers(period) }
    }

    /// The blocks of the given dates (each with its day of `calendar`) that are closed, each with
    /// its closure; the days outside the term are closed too, with that as their reason.
    public func closedBlocks(_ dates: [(date: SchoolDate, day: Day)], calendar: SchoolCalendar) -> [BlockID: Closure] {
        var result: [BlockID: Closure] = [:]
        for (date, day) in dates {
            for block in calendar.blocks where block.day == day.id {
                if let closure = closure(on: date, period: block.period) { result[block.id] = closure }
            }
        }
        return result
    }
}

extension SchoolCalendar {
    /// The term's dates and the scenario's holidays, without the state's closures.
    public var closedDates: ClosedDates { ClosedDates(term: term, closures: holidays) }

    /// The calendar without `closed` blocks, which it remembers with their closures
    /// (`closedBlocks`): what a week or a day is planned in.
    func closing(_ closed: [BlockID: Closure]) -> SchoolCalendar {
        guard !closed.isEmpty else { return self }
        var calendar = SchoolCalendar(timeZone: timeZone, days: days, periods: periods, blocks: blocks.filter { closed[$0.id] == nil })
        calendar.term = term
        calendar.holidays = holidays
        calendar.closedBlocks = closedBlocks.merging(closed) { a, _ in a }
        return calendar
    }
}

extension SchoolCalendar {
    /// The week's school days whose first day falls on `weekOf`, each with its date.
    public func dates(weekOf: SchoolDate) -> [(date: SchoolDate, day: Day)] {
        days.map { (date(of: $0, weekOf: weekOf), $0) }
    }

    /// The closed blocks of the planned week or day in words, one line per closure in date
    /// order: `2026-11-26 (Thu) closed: Thanksgiving`, `2026-12-03 (Thu-F2) closed: assembly`.
    public var closureLines: [String] {
        var byClosure: [Closure: [BlockID]] = [:]
        for (block, closure) in closedBlocks { byClosure[closure, default: []].append(block) }
        return byClosure.sorted { ($0.key.date, $0.key.note) < ($1.key.date, $1.key.note) }.map { closure, blocks in
            let weekday = closure.date.weekdayName.prefix(3)
            let which = closure.isWholeDay ? String(weekday) : blocks.sorted().map(\.rawValue).joined(separator: ", ")
            return "\(closure.date) (\(which)) closed: \(closure.note)"
        }
    }
}

extension Scenario {
    /// The scenario for the week whose first day falls on `weekOf`, its closed blocks (by
    /// `closed`) taken out of the calendar: what a week is planned in.
    public func closingWeek(of weekOf: SchoolDate, _ closed: ClosedDates) -> Scenario {
        closing(closed.closedBlocks(calendar.dates(weekOf: weekOf), calendar: calendar))
    }

    /// Why the week whose first day falls on `weekOf` has nothing to plan, or nil: every date of
    /// it outside the term (`outsideTerm`), or, in `open` (this scenario with the week's closed
    /// blocks taken out), no flex block left (`allClosed`, naming the closures).
    public func closedWeekProblem(weekOf: SchoolDate, open: Scenario) -> ClosedWeek? {
        if let term = calendar.term, !calendar.dates(weekOf: weekOf).contains(where: { term.contains($0.date) }) {
            return .outsideTerm("the week of \(weekOf) is outside the term (\(term.firstDay) to \(term.lastDay))")
        }
        guard !calendar.flexBlocks.isEmpty, open.calendar.flexBlocks.isEmpty else { return nil }
        var notes: [String] = []
        for closure in open.calendar.closedBlocks.values.sorted(by: { ($0.date, $0.note) < ($1.date, $1.note) }) where !notes.contains(closure.note) {
            notes.append(closure.note)
        }
        return .allClosed("every flex block of the week of \(weekOf) is closed (\(notes.joined(separator: "; "))): there is nothing to plan")
    }
}

/// Why a week has nothing to plan (`Scenario.closedWeekProblem`).
public enum ClosedWeek: Sendable, Equatable {
    case outsideTerm(String)
    case allClosed(String)
}
