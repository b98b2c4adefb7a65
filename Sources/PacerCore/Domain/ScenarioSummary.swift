/// A few lines that tell a person what a scenario holds, and what it left to a default.
public struct ScenarioSummary: Sendable {
    public let lines: [String]
    /// What Pacer assumed where the scenario said nothing (`Scenario.assumptions`), one line each.
    public let assumed: [String]

    public init(_ scenario: Scenario) {
        let calendar = scenario.calendar
        let flexPeriods = calendar.periods.filter(\.isFlex).count
        let objectives = scenario.subjects.map(\.objectives.count).reduce(0, +)
        let placements = scenario.students.map(\.current.count).reduce(0, +)
        let studySpaces = scenario.rooms.filter { $0.studySeats != nil }
        let supervising = scenario.teachers.filter(\.supervises).count
        let ratio = scenario.policy.limit(IndependentStudyRule.studentsPerSupervisor) ?? Scenario.defaultStudentsPerSupervisor
        var lines = [
            "  \(scenario.name)",
            "  calendar: \(calendar.days.count) days × \(calendar.periods.count) periods (\(flexPeriods) flex), \(calendar.flexBlocks.count) open flex blocks, time zone \(calendar.timeZone)",
            "  subjects: \(scenario.subjects.count) with \(objectives) objectives (\(scenario.subjects.map { "\($0.id) \($0.objectives.count)" }.joined(separator: ", ")))",
            "  teachers: \(scenario.teachers.count); rooms: \(scenario.rooms.count) (\(scenario.rooms.map(\.capacity).reduce(0, +)) seats)",
            "  students: \(scenario.students.count), on \(placements) subject objectives",
            "  independent study: \(studySpaces.count) study spaces (\(studySpaces.compactMap(\.studySeats).reduce(0, +)) study seats); "
                + "\(scenario.supervisors.count) supervisors and \(supervising) supervising teachers, at most \(ratio) students each",
        ]
        if let term = calendar.term {
            lines.append("  term: \(term.firstDay) to \(term.lastDay)")
        }
        if !calendar.holidays.isEmpty {
            let days = calendar.holidays.filter(\.isWholeDay).count
            lines.append("  holidays: \(calendar.holidays.count) dated closure(s), \(days) whole school day(s) (\(calendar.holidays.map(\.text).prefix(3).joined(separator: "; "))"
                         + (calendar.holidays.count > 3 ? "; …)" : ")"))
        }
        self.lines = lines
        assumed = scenario.assumptions.map { "  assumed: \($0)" }
    }
}
