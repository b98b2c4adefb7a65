/// A teacher's or supervisor's page for one day: their groups in block order, each student with
/// what the adult needs at the door. The portal lays it out with a check form per student (where
/// the adult may record one) and a button to mark them absent; ids are kept only where a form
/// sends them back.
public struct TeacherDayView: Sendable, Equatable {
    /// A label next to a student's name.
    public enum Mark: String, Sendable {
        /// The student is flagged priority in the scenario.
        case priority
        /// First time with this teacher on this objective.
        case new
        /// Recorded absent in the group's block.
        case absent
        /// Mastered the group's objective on an earlier day (`MovedOn`): a regroup moves them.
        case movedOn = "moved on: will be regrouped"
        /// Off the roster on the day (`pacer leave`): the published plan still lists them, the
        /// day's regroup drops them.
        case left = "left: will be regrouped"
        /// In study, seated with this teacher for the mastery check they asked for (a check slot,
        /// `StudyPlace.check`).
        case checkSlot = "asked for a check: yours to hold here"
    }

    public struct Student: Sendable, Equatable {
        public let id: StudentID
        public let name: String
        /// `grade 7, day 3 on it`.
        public let about: String
        public let marks: [Mark]
        /// `last check 2026-11-24: not yet: three of four`, or nil before any check.
        public let lastCheck: String?
        /// Recorded absent in the block (nothing more to mark).
        public let absent: Bool
        /// In study: the objective the teacher may check the student on (one they can teach);
        /// nil in a workshop, whose group names it, and where they cannot.
        public var checks: ObjectiveID? = nil
    }

    public struct Group: Sendable, Equatable {
        /// The block the absent form sends.
        public let block: BlockID
        /// `09:25–10:05 · room R102`.
        public let heading: String
        public let objective: ObjectiveID
        /// The objective's title and the group's size: `Add and subtract rational numbers · 4 student(s)`.
        public let summary: String
        public let students: [Student]
    }

    /// A study group the adult supervises: its students with the same marks as a workshop's
    /// (priority, absent, the last check on the objective they work on) and the same absent
    /// button, and a check form for each student working on an objective the supervising teacher
    /// can teach (study is where much evidence of mastery is seen). A supervisor teaches nothing,
    /// so never gets the form.
    public struct Study: Sendable, Equatable {
        /// The block the absent form sends.
        public let block: BlockID
        /// `11:45–12:25 · Learning commons · independent study`.
        public let heading: String
        /// `20 student(s), with Ms Park`.
        public let summary: String
        public let students: [Student]
    }

    /// The adult's name and the date.
    public let title: String
    /// What the page says when the adult has no group this day; nil when they have.
    public let nothing: String?
    /// Said once above a supervisor's study groups: who records checks instead; nil for a teacher.
    public let studyNote: String?
    public let groups: [Group]
    public let study: [Study]

    /// A workshop or a study group, as the page lists them.
    public enum Entry: Sendable, Equatable {
        case workshop(Group)
        case study(Study)
    }
    /// The workshops and study groups together in block order, as the day runs (a study group at
    /// 09:25 before a workshop at 11:45).
    public let entries: [Entry]
    /// The students this teacher asked for on the day, and whether each got what was asked
    /// (`withRequests`); empty for a supervisor.
    public var asked: [Asked] = []
    /// Requests others made for students in this teacher's sessions that day, to read:
    /// `Ava Martin's family asked for a workshop on … for Ava Martin (S-01), 2026-11-24, normal: waiting`.
    public var othersAsked: [String] = []

    public init(_ agenda: TeacherAgenda, scenario: Scenario) {
        let supervisor = scenario.supervisors.contains { $0.id.rawValue == agenda.adult.rawValue }
        title = "\(scenario.adultName(agenda.adult)): \(agenda.date.weekdayName) \(agenda.date)"
        let what = supervisor ? "No study groups" : "No sessions"
        nothing = agenda.groups.isEmpty && agenda.study.isEmpty ? "\(what) published for you on \(agenda.date.weekdayName) \(agenda.date)." : nil
        studyNote = supervisor && !agenda.study.isEmpty
            ? "Mark a student absent if they are not here. A teacher records mastery checks; tell one what you saw." : nil
        func left(_ student: StudentID) -> Mark? { scenario.roster.isOn(.student(student), on: agenda.date) ? nil : .left }
        groups = agenda.groups.map { group in
            Group(block: group.block, heading: "\(group.start)–\(group.end) · room \(group.room)" + Self.cancelled(group.cancelled), objective: group.objective,
                  summary: "\(group.title) · \(group.members.count) student(s)",
                  students: group.members.map { member in
                      Student(id: member.student, name: member.name,
                              about: "grade \(member.grade)" + (member.daysOnObjective.map { ", day \($0 + 1) on it" } ?? ""),
                              marks: [member.priority ? .priority : nil, member.isNew ? .new : nil, member.absent ? .absent : nil,
                                      member.movedOn ? .movedOn : nil, left(member.student)].compactMap { $0 },
                              lastCheck: member.lastCheck.map { "last check \($0.date): \($0.outcome)" }, absent: member.absent)
                  })
        }
        study = agenda.study.map { g in
            Study(block: g.block, heading: "\(g.start)–\(g.end) · \(g.room) · independent study" + Self.cancelled(g.cancelled),
                  summary: "\(g.members.count) student(s)" + (g.with.isEmpty ? "" : ", with \(NameList.and(g.with))"),
                  students: g.members.map { m in
                      Student(id: m.student, name: m.name,
                              about: "grade \(m.grade), " + (m.title.map { "working on " + $0 } ?? "no objective left"),
                              marks: [m.priority ? .priority : nil, m.checkSlot ? .checkSlot : nil, m.absent ? .absent : nil, left(m.student)].compactMap { $0 },
                              lastCheck: m.lastCheck.map { "last check \($0.date): \($0.outcome)" }, absent: m.absent,
                              checks: m.checkable)
                  })
        }
        let order = scenario.calendar.blockOrder
        let listed = groups.map { (order[$0.block] ?? 0, Entry.workshop($0)) } + study.map { (order[$0.block] ?? 0, Entry.study($0)) }
        entries = listed.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    /// ` · cancelled: school closed (snow day)` after a heading, or nothing when it is held.
    static func cancelled(_ closure: Closure?) -> String { closure.map { " · cancelled: school closed (\($0.note))" } ?? "" }
}
