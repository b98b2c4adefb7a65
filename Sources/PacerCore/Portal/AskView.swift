import Foundation

/// Asking from the portal (docs/requests.md): the page where a teacher or the scheduler finds a
/// student by part of a name or id and asks for them, and the form a family asks with on their
/// own page. The form offers only what a request may be on the portal: a workshop or a mastery
/// check on the student's current objective in a subject, or (a teacher) time with the teacher;
/// on a school day, one of its flex blocks or a coming week. Whether the request can be made is
/// `StudentRequest.problem`'s to say when it is sent.
public struct AskView: Sendable, Equatable {
    /// A student the search found: `Ava Martin (S-01)`.
    public struct Match: Sendable, Equatable {
        public let id: StudentID
        public let label: String
    }

    /// One option of a select: what the form sends, what the person reads.
    public struct Choice: Sendable, Equatable {
        public let value: String
        public let label: String
    }

    /// The form that asks for one student.
    public struct Form: Sendable, Equatable {
        public let student: StudentID
        /// `Ava Martin (S-01)`.
        public let name: String
        /// `workshop:MATH`, `check:MATH` (the current objective in the subject) and, for a teacher, `teacher`.
        public let wants: [Choice]
        /// `day`, `block:F1` (a teacher's form) and `week:2026-11-30` for the coming weeks.
        public let spans: [Choice]
        /// The day the form proposes: today when it is a school day, else the next one.
        public let date: SchoolDate
        /// The scenario's priorities, most urgent first; empty for a family, who asks at the least urgent.
        public let priorities: [String]
        public let standard: String
        /// Said when the student has nothing left to ask about (every subject complete).
        public let nothing: String?
        /// What the form's day and spans mean, said under it.
        public let help: String

        /// Weeks the form offers, from the next one on.
        public static let weeksAhead = 4

        public init(student: StudentID, standing: [StateStore.StatusLine], asker: StudentRequest.Asker, scenario: Scenario, today: SchoolDate) {
            self.student = student
            name = "\(scenario.studentName(student)) (\(student))"
            let family = if case .family = asker { true } else { false }
            var wants: [Choice] = []
            for line in standing where line.student == student {
                guard let objective = line.objective else { continue }
                // A family reads titles, not codes.
                let title = family ? scenario.objectiveTitle(objective) : "\(scenario.objectiveTitle(objective)) (\(objective))"
                wants.append(Choice(value: "workshop:\(line.subject)", label: (family ? "Help: a workshop on " : "A workshop on ") + title))
                wants.append(Choice(value: "check:\(line.subject)", label: "A mastery check on " + title))
            }
            if case let .teacher(me) = asker { wants.append(Choice(value: "teacher", label: "Time with me (\(scenario.teacherName(me)))")) }
            self.wants = wants
            nothing = standing.contains { $0.student == student && $0.objective != nil } ? nil
                : "\(scenario.studentName(student)) has no objective left to work on: there is nothing to ask a workshop or a check on."
            let calendar = scenario.calendar
            var spans = [Choice(value: "day", label: "That day")]
            if !family {
                spans += calendar.periods.filter(\.isFlex).map { p in
                    Choice(value: "block:\(p.id)", label: "That day, in \(p.id) (\(Self.clock(p.start))–\(Self.clock(p.end)))")
                }
            }
            let next = calendar.weekStart(containing: today.adding(days: 7))
            spans += (0..<Self.weeksAhead).map { n in
                let first = next.adding(days: 7 * n)
                return Choice(value: "week:\(first)", label: "The week of \(first.weekdayName) \(first)")
            }
            self.spans = spans
            help = family ? "“That day” is the day above; a week starts on its first school day."
                : "“That day” and a flex block use the day above; a week starts on its first school day. Plans weigh what you ask; your page shows whether the student got it."
            date = calendar.schoolDayProblem(today) == nil ? today : calendar.schoolDay(after: today, count: 1)
            priorities = family ? [] : scenario.requestPriorities.levels.map(\.id)
            standard = scenario.requestPriorities.standard
        }

        /// `09:25` from minutes after midnight.
        static func clock(_ minutes: Int) -> String {
            let h = minutes / 60, m = minutes % 60
            return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
        }
    }

    /// A request as a page lists it, with whether the signed-in person may cancel it.
    public struct Line: Sendable, Equatable {
        public let id: Int64
        public let text: String
        public let mayCancel: Bool

        /// `A mastery check on Unit rates with fractions (MATH-7.RP.1) for Ava Martin (S-01),
        /// 2026-11-25, urgent: waiting (“bring the worksheet”)`, and who asked first when it is
        /// not the person reading (`Ms Okafor asked for a mastery check …`).
        public init(_ request: StudentRequest, role: AccessRole, scenario: Scenario) {
            id = request.id
            let asked = RequestText.asked(request, scenario)
            let what = StudentRequest.Asker(role: role) == request.askedBy ? asked.prefix(1).uppercased() + asked.dropFirst()
                : "\(RequestText.asker(request.askedBy, scenario)) asked for \(asked)"
            text = what + ", \(request.when), \(request.priority): \(RequestText.standing(request))"
                + (request.note.isEmpty ? "" : " (“\(PersonText.visible(request.note))”)")
            mayCancel = PortalAccess.mayCancel(role, request)
        }
    }

    /// The most students a search lists.
    public static let matchesShown = 20

    public let title: String
    /// The search as typed.
    public let query: String
    public let matches: [Match]
    /// `No student's name or id holds “zz”.`, `… and 4 more: type more of the name.`, or nil.
    public let searchNote: String?
    /// The form for the student chosen, or nil before one is.
    public let form: Form?
    /// The requests the person asked, newest first.
    public let mine: [Line]

    public init(query: String, chosen: Form?, mine: [StudentRequest], role: AccessRole, scenario: Scenario, today: SchoolDate) {
        title = "Ask for a student"
        let typed = String(query.prefix(100))
        self.query = typed
        // Case and accents aside: "tomas" finds Tomás.
        func folded(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let needle = folded(typed.trimmingCharacters(in: .whitespaces))
        let found = needle.isEmpty ? [] : scenario.students
            .filter { folded($0.name).contains(needle) || folded($0.id.rawValue).contains(needle) }
            .sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
        matches = found.prefix(Self.matchesShown).map { Match(id: $0.id, label: "\($0.name) (\($0.id))") }
        searchNote = needle.isEmpty ? nil
            : found.isEmpty ? "No student's name or id holds “\(PersonText.visible(typed))”."
            : found.count > Self.matchesShown ? "… and \(found.count - Self.matchesShown) more: type more of the name." : nil
        form = chosen
        self.mine = mine.sorted { $0.id > $1.id }.map { Line($0, role: role, scenario: scenario) }
    }
}

extension RequestText {
    /// Where a request stands, as a page says it: `waiting`, `planned`, `met, checked on 2026-11-24
    /// (check 12)`, `declined, no teacher free`, `cancelled, cancelled by Ms Okafor`.
    public static func standing(_ request: StudentRequest) -> String {
        (request.status == .open ? "waiting" : request.status.rawValue) + (request.reason.isEmpty ? "" : ", \(PersonText.visible(request.reason))")
    }
}

/// A request as the family's and the scheduler's pages list it, with the id to cancel it by when
/// the signed-in person may (nil when they may not).
public struct PortalRequestLine: Sendable, Equatable {
    public let text: String
    public let cancel: Int64?

    public init(text: String, cancel: Int64?) {
        self.text = text
        self.cancel = cancel
    }
}
