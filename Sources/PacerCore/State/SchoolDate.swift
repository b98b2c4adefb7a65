import Foundation

/// A calendar date written `YYYY-MM-DD`, as in checks files and the state database.
public struct SchoolDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String
    let day: Date

    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates (2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = Self.calendar.date(from: DateComponents(year: y, month: m, day: d)),
              Self.calendar.component(.month, from: date) == m, Self.calendar.component(.day, from: date) == d
        else { return nil }
        self.text = text
        self.day = date
    }

    /// The date `instant` falls on in `zone` (a date-time read from another system).
    public init?(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        self.init(String(format: "%04d-%02d-%02d", y, m, d))
    }

    /// The instant the date begins in `zone` (its midnight there).
    public func start(in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = Self.calendar.dateComponents([.year, .month, .day], from: day)
        return calendar.date(from: c)
    }

    public static func today() -> SchoolDate {
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return SchoolDate(String(format: "%04d-%02d-%02d", c.year ?? 2000, c.month ?? 1, c.day ?? 1))!
    }

    /// Whole days from `self` to `other`.
    public func days(to other: SchoolDate) -> Int {
        Self.calendar.dateComponents([.day], from: day, to: other.day).day ?? 0
    }

    public func adding(days: Int) -> SchoolDate {
        let date = Self.calendar.date(byAdding: .day, value: days, to: day) ?? day
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        return SchoolDate(String(format: "%04d-%02d-%02d", c.year ?? 2000, c.month ?? 1, c.day ?? 1)) ?? self
    }

    /// The day of the week, 1 = Sunday … 7 = Saturday (Foundation's Gregorian numbering).
    public var weekday: Int { Self.calendar.component(.weekday, from: day) }
    /// `Tuesday`.
    public var weekdayName: String { ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][weekday - 1] }

    public static func < (a: SchoolDate, b: SchoolDate) -> Bool { a.text < b.text }
    public var description: String { text }
}
