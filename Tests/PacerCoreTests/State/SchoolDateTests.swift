import Foundation
import Testing
@testable import PacerCore

/// `SchoolDate` counts days by arithmetic; these hold it to Foundation's Gregorian calendar in UTC.
@Suite struct SchoolDateTests {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Every day from 1899 to 2101 (leap years, 1900 and 2100 that are not, 2000 that is): the
    /// text, the weekday, the next day and the day count agree with Foundation.
    @Test func everyDayOfTwoCenturiesAgreesWithFoundation() throws {
        var instant = try #require(Self.utc.date(from: DateComponents(year: 1899, month: 12, day: 31)))
        var previous: SchoolDate?
        for _ in 0..<(202 * 366) {
            let c = Self.utc.dateComponents([.year, .month, .day, .weekday], from: instant)
            let text = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            let date = try #require(SchoolDate(text))
            #expect(date.weekday == c.weekday!, "\(text)")
            #expect(date.day == instant, "\(text)")
            if let previous {
                #expect(previous.adding(days: 1) == date && previous.adding(days: 1).text == text, "\(text)")
                #expect(previous.days(to: date) == 1 && previous < date)
            }
            previous = date
            instant = Self.utc.date(byAdding: .day, value: 1, to: instant)!
        }
    }

    @Test func impossibleAndMalformedDatesAreRefused() {
        for text in ["2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01",
                     "26-01-01", "2026/01/01", "2026-01-01 ", "+026-01-01", "2026-0a-01", "0000-01-01", "", "２０２６-01-01"] {
            #expect(SchoolDate(text) == nil, "\(text)")
        }
        #expect(SchoolDate("2000-02-29") != nil && SchoolDate("2024-02-29") != nil)
    }

    @Test func longSpansAndTheEdgesOfFourDigitYears() throws {
        let start = try #require(SchoolDate("2026-11-23"))
        #expect(start.adding(days: 400).text == "2027-12-28")
        #expect(start.adding(days: -400).text == "2025-10-19")
        #expect(start.days(to: start.adding(days: 12_345)) == 12_345)
        let last = try #require(SchoolDate("9999-12-31"))
        #expect(last.adding(days: 1) == last)
        #expect(try #require(SchoolDate("0001-01-01")).adding(days: -1).text == "0001-01-01")
        #expect(SchoolDate.today().text.count == 10)
    }
}
