import Foundation

/// A calendar date written `YYYY-MM-DD`, as in checks files and the state database.
///
/// Dates are counted in whole days from 1970-01-01 on the proleptic Gregorian calendar (ISO 8601's),
/// by arithmetic rather than through Foundation's `Calendar`: the state parses a date for every
/// check and start it reads, and a long forecast reads them many thousand times.
public struct SchoolDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String
    /// Days since 1970-01-01 (negative before).
    let dayNumber: Int

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates (2026-02-30).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              y >= 1, (1...12).contains(m), d >= 1, d <= Self.daysIn(month: m, of: y)
        else { return nil }
        self.text = text
        self.dayNumber = Self.dayNumber(year: y, month: m, day: d)
    }

    private init(dayNumber: Int) {
        let (y, m, d) = Self.civil(from: dayNumber)
        self.text = Self.padded(y, 4) + "-" + Self.padded(m, 2) + "-" + Self.padded(d, 2)
        self.dayNumber = dayNumber
    }

    /// The date `instant` falls on in `zone` (a date-time read from another system).
    public init?(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        self.init(Self.padded(y, 4) + "-" + Self.padded(m, 2) + "-" + Self.padded(d, 2))
    }

    /// The instant the date begins in UTC.
    var day: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400) }

    /// The instant the date begins in `zone` (its midnight there).
    public func start(in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let (y, m, d) = Self.civil(from: dayNumber)
        return calendar.date(from: DateComponents(year: y, month: m, day: d))
    }

    public static func today() -> SchoolDate {
        SchoolDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Whole days from `self` to `other`.
    public func days(to other: SchoolDate) -> Int { other.dayNumber - dayNumber }

    public func adding(days: Int) -> SchoolDate {
        let number = dayNumber + days
        // Stays a four-digit year; beyond it the date is kept, as Foundation's calendar could not go either.
        guard number >= Self.dayNumber(year: 1, month: 1, day: 1), number <= Self.dayNumber(year: 9999, month: 12, day: 31) else { return self }
        return SchoolDate(dayNumber: number)
    }

    /// The day of the week, 1 = Sunday … 7 = Saturday (Foundation's Gregorian numbering).
    public var weekday: Int { ((dayNumber % 7) + 7 + 4) % 7 + 1 }
    /// `Tuesday`.
    public var weekdayName: String { ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][weekday - 1] }

    public static func < (a: SchoolDate, b: SchoolDate) -> Bool { a.dayNumber < b.dayNumber }
    public static func == (a: SchoolDate, b: SchoolDate) -> Bool { a.dayNumber == b.dayNumber }
    public func hash(into hasher: inout Hasher) { hasher.combine(dayNumber) }
    public var description: String { text }

    static func daysIn(month m: Int, of y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date (Howard Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `number` days from 1970-01-01 (`civil_from_days`).
    static func civil(from number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
