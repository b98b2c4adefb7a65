/// Which blocks of an imported timetable become flex blocks, where workshops may be held.
public enum FlexSelection: Sendable, Equatable {
    /// Every block: people are free wherever their fixed commitments leave them free.
    case all
    /// Blocks free of fixed commitments for at least half of the students; needs placed lessons.
    case auto
    /// The named blocks: each `HOUR` (that hour on every day) or `DAY/HOUR`, by the source's names
    /// or 1-based numbers.
    case blocks([String])

    /// Reads `all`, `auto`, or a comma-separated list of blocks.
    public init(argument: String) {
        switch argument.trimmingCharacters(in: .whitespaces).lowercased() {
        case "all": self = .all
        case "auto": self = .auto
        default:
            self = .blocks(argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
    }

    /// Marks flex periods and closes the blocks of flex periods that were not chosen.
    /// `dayNames` and `hourNames` are the source's names, for `.blocks`.
    func apply(to school: inout ImportedSchool, dayNames: [String], hourNames: [String], placedLessons: Int, lessons: Int) throws {
        let blocks = school.allBlocks
        var chosen: Set<ImportedSchool.Block>
        switch self {
        case .all:
            chosen = Set(blocks)
        case .auto:
            guard placedLessons * 2 >= lessons, placedLessons > 0 else {
                throw ImportError(.start(of: school.file), """
                    --flex auto needs a timetable, and this file places only \(placedLessons) of its \(lessons) lessons \
                    in time (it is a timetabler's input, not a generated timetable). Name the flex blocks, e.g. --flex \(hourNames.last ?? "1") \
                    for the last hour of every day, or import the timetable the timetabler wrote (FET: `…_data_and_timetable.fet`).
                    """)
            }
            let students = max(1, school.students.count)
            var busyCount: [ImportedSchool.Block: Int] = [:]
            for student in school.students { for block in student.busy { busyCount[block, default: 0] += 1 } }
            chosen = Set(blocks.filter { !school.closed.contains($0) && Double(busyCount[$0] ?? 0) <= Double(students) / 2 })
            guard !chosen.isEmpty else {
                throw ImportError(.start(of: school.file), """
                    --flex auto found no block free for at least half of the students: the timetable is full. \
                    Name the flex blocks with --flex (such as --flex \(hourNames.last ?? "1")).
                    """)
            }
        case let .blocks(references):
            guard !references.isEmpty else { throw ImportError(.start(of: school.file), "--flex names no block") }
            chosen = []
            for reference in references {
                // The scenario's own spelling, as the imported scenario will write it: DAY-PERIOD.
                if !reference.contains("/"), let block = blocks.first(where: { "\(school.days[$0.day].id)-\(school.periods[$0.period].id)" == reference }) {
                    chosen.insert(block)
                    continue
                }
                let parts = reference.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard let hourName = parts.last, !hourName.isEmpty, parts.first?.isEmpty == false else {
                    throw ImportError(.start(of: school.file), "--flex \(reference): write DAY-PERIOD as the scenario will (\(Self.example(school))), HOUR, or DAY/HOUR")
                }
                let dayName = parts.count == 2 ? parts[0] : nil
                guard let hour = Self.index(of: hourName, in: hourNames) ?? school.periods.firstIndex(where: { $0.id == hourName }) else {
                    throw ImportError(.start(of: school.file), "--flex \(reference): no hour \(hourName) (hours: \(hourNames.joined(separator: ", ")); a block is written as the scenario will, such as \(Self.example(school)))")
                }
                if let dayName {
                    guard let day = Self.index(of: dayName, in: dayNames) ?? school.days.firstIndex(where: { $0.id == dayName }) else {
                        throw ImportError(.start(of: school.file), "--flex \(reference): no day \(dayName) (days: \(dayNames.joined(separator: ", ")))")
                    }
                    chosen.insert(.init(day: day, period: hour))
                } else {
                    for day in dayNames.indices { chosen.insert(.init(day: day, period: hour)) }
                }
            }
        }
        for block in chosen { school.periods[block.period].flex = true }
        for block in blocks where school.periods[block.period].flex && !chosen.contains(block) {
            school.closed.insert(block)
        }
    }

    /// A block in the scenario's spelling, for messages: `Monday-08_00`.
    private static func example(_ school: ImportedSchool) -> String {
        guard let day = school.days.first, let period = school.periods.first else { return "Mon-P1" }
        return "\(day.id)-\(period.id)"
    }

    /// The position of `name` among `names`, or of a 1-based number.
    private static func index(of name: String, in names: [String]) -> Int? {
        if let index = names.firstIndex(of: name) { return index }
        if let number = Int(name), (1...names.count).contains(number) { return number - 1 }
        return nil
    }
}
