/// `calendar.term` and `calendar.holidays`: the term's dates and the dated closures the scenario
/// knows in advance (`ClosedDates` answers from them).
extension ScenarioBuilder {
    static let termKeys = ["first_day", "last_day"]
    static let holidayKeys = ["date", "from", "to", "note", "periods"]
    /// The longest `from`…`to` a holiday may span, in days.
    static let longestHoliday = 366

    /// The term's first and last day, when `calendar.term` gives them.
    func buildTerm(_ fields: Fields) -> TermDates? {
        guard let node = fields.node("term"), let term = Fields(node, what: "calendar 'term'", allowed: Self.termKeys, log: log) else { return nil }
        let first = date(term.string("first_day", required: true), "first_day of the term")
        let last = date(term.string("last_day", required: true), "last_day of the term")
        guard let first, let last else { return nil }
        guard first.value <= last.value else {
            log.error(last.location, "the term's last_day (\(last.value)) is before its first_day (\(first.value))")
            return nil
        }
        return TermDates(firstDay: first.value, lastDay: last.value)
    }

    /// The holidays of `calendar.holidays`, one closure per school day they take, in date order.
    /// Each is a `date` or a `from`…`to` range (school days only), with a `note` and, for a part
    /// of the day, `periods`.
    func buildHolidays(_ fields: Fields, calendar: SchoolCalendar, knownPeriods: [PeriodID]) -> [Closure] {
        var closures: [Closure] = []
        for item in fields.list("holidays") {
            guard let holiday = Fields(item, what: "holiday", allowed: Self.holidayKeys, log: log) else { continue }
            let note = holiday.personText("note", .note, of: "holiday")
            if note == nil, holiday.node("note") == nil { log.error(holiday.location, "holiday is missing 'note': say why the school is closed") }
            var periods: [PeriodID] = []
            for p in holiday.strings("periods") {
                guard knownPeriods.contains(PeriodID(rawValue: p.value)) else {
                    log.error(p.location, NearestNames.unknown("period", p.value, among: knownPeriods.map(\.rawValue)))
                    continue
                }
                if !periods.contains(PeriodID(rawValue: p.value)) { periods.append(PeriodID(rawValue: p.value)) }
            }
            let single = date(holiday.string("date"), "date of the holiday")
            let from = date(holiday.string("from"), "from of the holiday"), to = date(holiday.string("to"), "to of the holiday")
            var dates: [Located<SchoolDate>] = []
            if holiday.has("date") {
                if holiday.has("from") || holiday.has("to") {
                    log.error(holiday.location, "a holiday has either 'date' or 'from' and 'to', not both")
                    continue
                }
                guard let single else { continue }
                if let problem = calendar.schoolDayProblem(single.value) { log.warning(single.location, "holiday \(problem); it changes nothing") }
                dates = [single]
            } else if holiday.has("from") || holiday.has("to") {
                guard holiday.has("from"), holiday.has("to") else {
                    log.error(holiday.location, "a holiday range needs both 'from' and 'to'")
                    continue
                }
                guard let from, let to else { continue }
                guard from.value <= to.value else {
                    log.error(to.location, "the holiday's 'to' (\(to.value)) is before its 'from' (\(from.value))")
                    continue
                }
                guard from.value.days(to: to.value) < Self.longestHoliday else {
                    log.error(to.location, "the holiday from \(from.value) to \(to.value) spans more than \(Self.longestHoliday) days")
                    continue
                }
                var day = from.value
                while day <= to.value {
                    if calendar.schoolDayProblem(day) == nil { dates.append(Located(value: day, location: from.location)) }
                    day = day.adding(days: 1)
                }
            } else {
                log.error(holiday.location, "holiday needs a 'date', or 'from' and 'to'")
                continue
            }
            guard let note else { continue }
            for d in dates {
                if let problem = calendar.term?.problem(d.value) {
                    log.error(d.location, "holiday \(problem)")
                    continue
                }
                closures.append(Closure(date: d.value, periods: periods, note: note.value))
            }
        }
        return closures.sorted { $0.date < $1.date }
    }

    private func date(_ text: Located<String>?, _ what: String) -> Located<SchoolDate>? {
        guard let text else { return nil }
        guard let date = SchoolDate(text.value) else {
            log.error(text.location, "\(what): '\(printable(text.value))' is not a date; write YYYY-MM-DD, such as 2026-11-26")
            return nil
        }
        return Located(value: date, location: text.location)
    }
}
