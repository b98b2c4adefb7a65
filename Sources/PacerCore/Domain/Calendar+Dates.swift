/// How the calendar's days fall on real dates. When every day id names a weekday (`Mon`,
/// `Tuesday`, `wed`), a date is a school day exactly when its weekday is one of them, and a week
/// starts on the date of the first; with other ids (`D1`, `D2`) dates cannot be checked against the
/// calendar, and the week's dates count on from the date given as its first.
extension SchoolCalendar {
    private static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// The weekday a day id names (1 = Sunday … 7 = Saturday), by its English name or its first
    /// three letters or more; nil when it names none.
    static func weekday(of id: DayID) -> Int? {
        let text = id.rawValue.lowercased()
        guard text.count >= 3 else { return nil }
        return weekdayNames.firstIndex { $0.hasPrefix(text) }.map { $0 + 1 }
    }

    /// Whether every day of the calendar names a weekday, so that dates can be checked against it.
    public var knowsWeekdays: Bool { !days.isEmpty && days.allSatisfy { Self.weekday(of: $0.id) != nil } }

    /// The calendar's day on `date`, when the days name weekdays and the date falls on one of them.
    public func day(on date: SchoolDate) -> Day? {
        guard knowsWeekdays else { return nil }
        return days.first { Self.weekday(of: $0.id) == date.weekday }
    }

    /// Why `date` is not a school day (`2026-11-28 is a Saturday, …`), or nil when it is, or when
    /// the calendar's days do not name weekdays and so cannot tell.
    public func schoolDayProblem(_ date: SchoolDate) -> String? {
        guard knowsWeekdays, day(on: date) == nil else { return nil }
        return "\(date) is a \(Self.weekdayNames[date.weekday - 1].capitalized), not a school day (the calendar's days are \(days.map(\.id.rawValue).joined(separator: ", ")))"
    }

    /// Why `date` cannot be the date of the calendar's first day (`--week-of`), naming the date that
    /// would be; nil when it can, or when the calendar cannot tell.
    public func weekStartProblem(_ date: SchoolDate) -> String? {
        guard knowsWeekdays, let first = days.first, let wanted = Self.weekday(of: first.id), date.weekday != wanted else { return nil }
        let back = (date.weekday - wanted + 7) % 7
        let name = Self.weekdayNames[date.weekday - 1].capitalized
        return "\(date) is a \(name); the week starts on the calendar's first day (\(first.id)): that week's is \(date.adding(days: -back))"
    }

    /// The date of `day` in the week whose first day falls on `weekOf`: by weekday when the days
    /// name weekdays (a Mon, Wed, Fri calendar puts Wed two days on), else by position.
    public func date(of day: Day, weekOf: SchoolDate) -> SchoolDate {
        guard knowsWeekdays, let first = days.first.flatMap({ Self.weekday(of: $0.id) }), let own = Self.weekday(of: day.id)
        else { return weekOf.adding(days: day.index) }
        return weekOf.adding(days: (own - first + 7) % 7)
    }

    /// The calendar's day on `date` in the week whose first day falls on `weekOf`, or nil when
    /// `date` is none of that week's school days.
    public func day(on date: SchoolDate, weekOf: SchoolDate) -> Day? {
        days.first { self.date(of: $0, weekOf: weekOf) == date }
    }

    /// The `count`-th school day after `date`: by weekday when the days name weekdays, else
    /// counting every date as a school day.
    public func schoolDay(after date: SchoolDate, count: Int) -> SchoolDate {
        var day = date, left = max(0, count)
        while left > 0 {
            day = day.adding(days: 1)
            if !knowsWeekdays || self.day(on: day) != nil { left -= 1 }
        }
        return day
    }

    /// The date of the calendar's first day in the week that holds `date` (by weekday: the Monday
    /// before a Wednesday); `date` itself when the days do not name weekdays.
    public func weekStart(containing date: SchoolDate) -> SchoolDate {
        guard knowsWeekdays, let first = days.first.flatMap({ Self.weekday(of: $0.id) }) else { return date }
        return date.adding(days: -((date.weekday - first + 7) % 7))
    }

    /// The school days of the week that holds `date`, each with its date.
    public func week(containing date: SchoolDate) -> [(day: Day, date: SchoolDate)] {
        let start = weekStart(containing: date)
        return days.map { ($0, self.date(of: $0, weekOf: start)) }
    }
}
