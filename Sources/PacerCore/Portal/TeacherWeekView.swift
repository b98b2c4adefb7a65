/// A teacher's or supervisor's week: each school day's groups in one line each, today marked.
public struct TeacherWeekView: Sendable, Equatable {
    /// A workshop or a study group the adult supervises.
    public struct Session: Sendable, Equatable {
        /// `09:25–10:05, room R102` or `11:45–12:25, Learning commons`.
        public let when: String
        /// The workshop's objective; nil for study.
        public let objective: ObjectiveID?
        /// The objective's title and who is in the group: `Circles: area and circumference, 4 student(s) (1 absent)`,
        /// or `independent study, 20 student(s)`.
        public let about: String
    }

    public struct Day: Sendable, Equatable {
        /// `Tuesday 2026-11-24 (today)`.
        public let heading: String
        /// Workshops and study groups together, as the day runs.
        public let sessions: [Session]
    }

    /// The adult's name and the week's first date.
    public let title: String
    public let days: [Day]

    /// `days`: the adult's agenda on each school day of the week that holds `today`.
    public init(adult: AdultID, days: [TeacherAgenda], today: SchoolDate, scenario: Scenario) {
        title = "\(scenario.adultName(adult)): week of \(scenario.calendar.weekStart(containing: today))"
        let order = scenario.calendar.blockOrder
        self.days = days.map { day in
            let workshops = day.groups.map { group in
                let absent = group.members.filter(\.absent).count
                return (order[group.block] ?? 0, Session(when: "\(group.start)–\(group.end), room \(group.room)", objective: group.objective,
                                                         about: "\(group.title), \(group.members.count) student(s)" + (absent > 0 ? " (\(absent) absent)" : "")))
            }
            let study = day.study.map { g in
                let absent = g.members.filter(\.absent).count
                return (order[g.block] ?? 0, Session(when: "\(g.start)–\(g.end), \(g.room)", objective: nil,
                                                     about: "independent study, \(g.members.count) student(s)" + (absent > 0 ? " (\(absent) absent)" : "")))
            }
            let listed = (workshops + study).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
            return Day(heading: "\(day.date.weekdayName) \(day.date)" + (day.date == today ? " (today)" : ""), sessions: listed)
        }
    }
}
