import Foundation

/// Resolves what people write for blocks: `Mon-F1` (one block), `Mon` (the whole day) or `F1`
/// (that period every day). Closed blocks may be named; they simply do not exist in the week.
struct BlockResolver {
    let days: [DayID]
    let periods: [PeriodID]
    let open: Set<BlockID>

    /// The open blocks `text` names, or nil when it names nothing known.
    func resolve(_ text: String) -> [BlockID]? {
        if let day = days.first(where: { $0.rawValue == text }) {
            return periods.map { Block.id(day: day, period: $0) }.filter(open.contains)
        }
        if let period = periods.first(where: { $0.rawValue == text }) {
            return days.map { Block.id(day: $0, period: period) }.filter(open.contains)
        }
        for day in days {
            for period in periods where Block.id(day: day, period: period).rawValue == text {
                let id = Block.id(day: day, period: period)
                return open.contains(id) ? [id] : []
            }
        }
        return nil
    }

    /// Resolves a list of block references, reporting unknown ones. Sorted, without repeats.
    func resolve(_ items: [Located<String>], owner: String, log: DiagnosticLog) -> [BlockID] {
        var result = Set<BlockID>()
        for item in items {
            if let blocks = resolve(item.value) {
                result.formUnion(blocks)
            } else {
                log.error(item.location,
                          "unknown block '\(printable(item.value))' for \(owner); write DAY-PERIOD (Mon-F1), a day (Mon) or a period (F1)")
            }
        }
        return result.sorted()
    }
}

extension ScenarioBuilder {
    static let calendarKeys = ["timezone", "days", "periods", "closed", "term", "holidays"]
    static let periodKeys = ["id", "start", "end", "flex"]

    func buildCalendar(_ node: SourceNode?, at location: SourceLocation) -> (SchoolCalendar, BlockResolver)? {
        guard let node else {
            log.error(location, "the scenario is missing 'calendar'")
            return nil
        }
        guard let fields = Fields(node, what: "calendar", allowed: Self.calendarKeys, log: log) else { return nil }
        var timeZone = "UTC"
        if let zone = fields.string("timezone") {
            if TimeZone(identifier: zone.value) == nil {
                log.error(zone.location, "unknown time zone '\(printable(zone.value))'; use an IANA name such as America/Chicago")
            } else {
                timeZone = zone.value
            }
        }
        var days: [Day] = []
        var dayLocations: [DayID: SourceLocation] = [:]
        for item in fields.strings("days", maximum: ScenarioLimits.days) where Fields.checkIdentifier(item, log: log) {
            let id = DayID(rawValue: item.value)
            guard claim(id, item, kind: "day", in: &dayLocations) else { continue }
            if item.value.contains("-") {
                log.error(item.location, "a day id cannot contain '-', which joins day and period in block ids")
                continue
            }
            days.append(Day(id: id, index: days.count))
        }
        if days.isEmpty { log.error(fields.keyLocation("days"), "the calendar needs at least one day in 'days'") }

        var periods: [Period] = []
        // Every period id written, valid times or not, so references to it do not fail twice.
        var knownPeriods: [PeriodID] = []
        var periodLocations: [PeriodID: SourceLocation] = [:]
        for item in fields.list("periods", required: true, maximum: ScenarioLimits.periods) {
            guard let period = Fields(item, what: "period", allowed: Self.periodKeys, log: log),
                  let id = period.identifier("id", required: true) else { continue }
            let what = "period \(id.value)"
            guard claim(PeriodID(rawValue: id.value), id, kind: "period", in: &periodLocations) else { continue }
            if id.value.contains("-") {
                log.error(id.location, "a period id cannot contain '-', which joins day and period in block ids")
                continue
            }
            if dayLocations[DayID(rawValue: id.value)] != nil {
                log.error(id.location, "period id '\(id.value)' is also a day id; they must differ")
                continue
            }
            knownPeriods.append(PeriodID(rawValue: id.value))
            let start = clock(period.string("start", required: true), what)
            let end = clock(period.string("end", required: true), what)
            let flex = period.bool("flex")?.value ?? false
            guard let start, let end else { continue }
            guard start < end else {
                log.error(period.location, "\(what) ends (\(clockText(end))) before it starts (\(clockText(start)))")
                continue
            }
            periods.append(Period(id: PeriodID(rawValue: id.value), start: start, end: end, isFlex: flex))
        }
        periods.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        for (a, b) in zip(periods, periods.dropFirst()) where b.start < a.end {
            log.error(periodLocations[b.id] ?? fields.location,
                      "period \(b.id) (\(clockText(b.start))–\(clockText(b.end))) overlaps period \(a.id) (\(clockText(a.start))–\(clockText(a.end)))")
        }
        if periods.isEmpty && fields.node("periods") != nil {
            log.error(fields.keyLocation("periods"), "the calendar needs at least one period")
        }

        let all = Set(days.flatMap { d in periods.map { Block.id(day: d.id, period: $0.id) } })
        let allResolver = BlockResolver(days: days.map(\.id), periods: knownPeriods, open: all)
        let closed = Set(allResolver.resolve(fields.strings("closed"), owner: "calendar 'closed'", log: log))
        var blocks: [Block] = []
        for day in days {
            for period in periods {
                let id = Block.id(day: day.id, period: period.id)
                guard !closed.contains(id) else { continue }
                blocks.append(Block(
                    id: id, day: day.id, period: period.id, index: blocks.count,
                    isFlex: period.isFlex, start: period.start, end: period.end))
            }
        }
        if !periods.isEmpty, !days.isEmpty, !blocks.contains(where: \.isFlex) {
            log.warning(fields.location, "the calendar has no open flex block: no workshop can be planned")
        }
        var calendar = SchoolCalendar(timeZone: timeZone, days: days, periods: periods, blocks: blocks)
        calendar.term = buildTerm(fields)
        calendar.holidays = buildHolidays(fields, calendar: calendar, knownPeriods: knownPeriods)
        let resolver = BlockResolver(days: days.map(\.id), periods: knownPeriods, open: Set(blocks.map(\.id)))
        return (calendar, resolver)
    }

    private func clock(_ text: Located<String>?, _ what: String) -> Int? {
        guard let text else { return nil }
        guard let value = minutes(fromClock: text.value) else {
            log.error(text.location, "\(what): '\(printable(text.value))' is not a time of day; write HH:MM, such as 09:05")
            return nil
        }
        return value
    }
}
