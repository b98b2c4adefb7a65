import Foundation

/// Clock times for imported periods. Timetabling files often name hours by their times
/// (`08:00`, `8.00-8.45`); when every name starts with a time and they rise, those times are used,
/// otherwise periods are laid out from 08:00 in equal slots, which only matters for calendars.
enum PeriodTimes {
    static func times(for names: [String]) -> (times: [(start: Int, end: Int)], fromNames: Bool) {
        let parsed = names.map(clockTimes)
        if !names.isEmpty, parsed.allSatisfy({ $0 != nil }) {
            let starts = parsed.map { $0!.start }
            if zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }), starts.last! < 24 * 60 {
                var times: [(Int, Int)] = []
                for (i, entry) in parsed.enumerated() {
                    let next = i + 1 < starts.count ? starts[i + 1] : min(24 * 60 - 1, starts[i] + 45)
                    var end = entry!.end ?? next
                    if end <= entry!.start || end > next { end = next }
                    times.append((entry!.start, end))
                }
                return (times, true)
            }
        }
        let slot = max(2, min(55, (15 * 60) / max(1, names.count)))
        let length = max(1, slot - 5)
        return (names.indices.map { (8 * 60 + $0 * slot, 8 * 60 + $0 * slot + length) }, false)
    }

    /// `08:00`, `8.00`, `8h00`, optionally followed by an end time, at the start of `name`.
    private static func clockTimes(_ name: String) -> (start: Int, end: Int?)? {
        let pattern = /^\s*(\d{1,2})[:.h](\d{2})(?:\s*[-–]\s*(\d{1,2})[:.h](\d{2}))?/
        guard let match = name.firstMatch(of: pattern),
              let h = Int(match.1), let m = Int(match.2), h < 24, m < 60 else { return nil }
        var end: Int?
        if let eh = match.3.flatMap({ Int($0) }), let em = match.4.flatMap({ Int($0) }), eh < 24, em < 60 {
            end = eh * 60 + em
        }
        return (h * 60 + m, end)
    }
}
