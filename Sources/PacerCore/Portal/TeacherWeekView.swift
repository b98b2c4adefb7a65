/// A teacher's or supervisor's week: each school day's groups in one line each, today marked.
public struct TeacherWeekView: Sendable, Equatable {
    public struct Session: Sendable, Equatable {
        /// `09:25–10:05, room R102`.
        public let when: String
        public let objective: ObjectiveID
        /// The objective's title and who is in the group: `Circles: area and circumference, 4 student(s) (1 absent)`.
        public let about: String
    }

    public struct Day: Sendable, Equatable {
        /// `Tuesday 2026-11-24 (today)`.
        public let heading: String
        public let sessions: [Session]
        /// The study groups the adult supervises: `11:45–12:25, Learning commons: independent study, 20 student(s)`.
        public let study: [String]
    }

    /// The adult's name and the week's first date.
    public let title: String
    public let days: [Day]

    /// `days`: the adult's agenda on each school day of the week that holds `today`.
    public init(adult: AdultID, days: [TeacherAgenda], today: SchoolDate, scenario: Scenario) {
        title = "\(scenario.adultName(adult)): week of \(scenario.calendar.weekStart(containing: today))"
        self.days = days.map { day in
            Day(heading: "\(day.date.weekdayName) \(day.date)" + (day.date == today ? " (today)" : ""),
                sessions: day.groups.map { group in
                    let absent = group.members.filter(\.absent).count
                    return Session(when: "\(group.start)–\(group.end), room \(group.room)", objective: group.objective,
                                   about: "\(group.title), \(group.members.count) student(s)" + (absent > 0 ? " (\(absent) absent)" : ""))
                }, study: day.study.map { g in
                    let absent = g.members.filter(\.absent).count
                    return "\(g.start)–\(g.end), \(g.room): independent study, \(g.members.count) student(s)" + (absent > 0 ? " (\(absent) absent)" : "")
                })
        }
    }
}
