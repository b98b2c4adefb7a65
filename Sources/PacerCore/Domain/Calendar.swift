import Tagged

/// A school day of the planning week, such as `Mon`.
public struct Day: Hashable, Sendable {
    public let id: DayID
    /// 0-based position in the week.
    public let index: Int
}

/// A time slot that repeats every day, such as `F1` from 09:00 to 09:45.
public struct Period: Hashable, Sendable {
    public let id: PeriodID
    /// Minutes after midnight.
    public let start: Int
    public let end: Int
    /// Whether workshops may be held in this period.
    public let isFlex: Bool
    public var minutes: Int { end - start }
}

/// One time slot of the week: a day and a period. Its id is `DAY-PERIOD`, such as `Mon-F1`.
public struct Block: Hashable, Sendable {
    public let id: BlockID
    public let day: DayID
    public let period: PeriodID
    /// 0-based position in the week's chronological order.
    public let index: Int
    public let isFlex: Bool
    public let start: Int
    public let end: Int

    public static func id(day: DayID, period: PeriodID) -> BlockID { BlockID(rawValue: "\(day)-\(period)") }
}

/// The week's days, periods and the blocks they make.
public struct SchoolCalendar: Sendable {
    /// An IANA time zone name such as `America/Chicago`.
    public let timeZone: String
    public let days: [Day]
    /// In chronological order.
    public let periods: [Period]
    /// Every open block, in chronological order (day by day, period by period).
    public let blocks: [Block]
    /// The term's first and last day (`calendar.term`), when the scenario names them.
    public internal(set) var term: TermDates?
    /// The scenario's dated closures (`calendar.holidays`), one per date, in date order.
    public internal(set) var holidays: [Closure] = []
    /// The blocks of the planned week or day that are closed on their dates, with why (`closing`);
    /// they are not in `blocks`.
    public internal(set) var closedBlocks: [BlockID: Closure] = [:]

    init(timeZone: String, days: [Day], periods: [Period], blocks: [Block]) {
        self.timeZone = timeZone
        self.days = days
        self.periods = periods
        self.blocks = blocks
    }

    public var flexBlocks: [Block] { blocks.filter(\.isFlex) }

    public func block(_ id: BlockID) -> Block? { blocks.first { $0.id == id } }

    /// Each block's position in the week's chronological order (`Block.index`), by id: what lists
    /// workshops, study and changes in block order sorts by it.
    public var blockOrder: [BlockID: Int] { Dictionary(blocks.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a }) }
}

/// "HH:MM" → minutes after midnight, or nil.
func minutes(fromClock text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
          let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
    else { return nil }
    return h * 60 + m
}

/// Minutes after midnight → "HH:MM".
public func clockText(_ minutes: Int) -> String {
    let h = minutes / 60, m = minutes % 60
    return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
}
