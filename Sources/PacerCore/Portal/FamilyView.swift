/// A family's page: where their student stands in each subject, this week's workshops, the latest
/// checks with their notes, and the calendar feed to subscribe to. Titles and names only: a family
/// reads no codes.
public struct FamilyView: Sendable, Equatable {
    public struct Standing: Sendable, Equatable {
        public let subject: String
        /// `Unit rates with fractions (day 3)`, or `progression complete`.
        public let objective: String
    }

    public struct Workshop: Sendable, Equatable {
        /// `Wednesday 11-25, 09:25–10:05`, with `(today)` after the date on today's.
        public let when: String
        /// The objective's title.
        public let what: String
        /// `with Ms Okafor, Room 102`.
        public let with: String
        /// Recorded absent from it.
        public let absent: Bool
        /// `moved on: will be regrouped` for a workshop on an objective mastered since it was
        /// published (`MovedOn`), until a regroup settles it; `cancelled: school closed (snow day)`
        /// for one on a date or period closed since.
        public var note: String? = nil
    }

    /// The student's name.
    public let title: String
    public let standing: [Standing]
    /// The week's workshops and independent study blocks, in date and block order.
    public let workshops: [Workshop]
    /// Newest first: `2026-11-24: Unit rates with fractions: not yet: three of four`.
    public let checks: [String]
    /// The calendar feed's address (it carries the grant's calendar key).
    public let feed: String
    /// The student's requests, newest first, names first: `Ms Okafor asked for a mastery check on
    /// Unit rates with fractions (MATH-7.RP.1), 2026-11-24: met, checked on 2026-11-24 (check 12)`.
    public var requests: [String] { requestLines.map(\.text) }
    /// The same lines, each with the id to cancel it by when the family asked it and it still asks.
    public var requestLines: [PortalRequestLine] = []
    /// The form the family asks with (a workshop or a check on the child's current objective in a
    /// subject, for a day or a week), or nil where the page offers none.
    public var ask: AskView.Form? = nil

    /// `checks`: the student's latest checks, oldest first, withdrawn ones left out.
    public init(student: StudentID, standing lines: [StateStore.StatusLine], week: [StudentWorkshop], study: [StudentStudy] = [],
                checks: [StateStore.RecordedCheck], feed: String, today: SchoolDate, scenario: Scenario, requests: [StudentRequest] = []) {
        title = scenario.studentName(student)
        standing = lines.map { line in
            Standing(subject: scenario.subjects.first { $0.id == line.subject }?.name ?? line.subject.rawValue,
                     objective: line.objective.map { "\(scenario.objectiveTitle($0)) (day \(line.daysOnIt + 1))" } ?? "progression complete")
        }
        func when(_ date: SchoolDate, _ start: String, _ end: String) -> String {
            "\(date.weekdayName) \(date.text.suffix(5))\(date == today ? " (today)" : ""), \(start)–\(end)"
        }
        let order = scenario.calendar.blockOrder
        // A session published for a date the student is no longer on the roster (`pacer leave`).
        func left(_ date: SchoolDate) -> String? {
            scenario.roster.leave(of: .student(student), on: date).map { "left the school on \($0.date): will be regrouped" }
        }
        let inWorkshops = week.map { w in
            (w.date, w.block, Workshop(when: when(w.date, w.start, w.end), what: w.title.isEmpty ? w.objective.rawValue : w.title,
                                       with: "with \(w.teacher), \(w.room)", absent: w.absent,
                                       note: w.cancelled.map(Self.cancelled) ?? left(w.date) ?? (w.movedOn ? MovedOn.words : nil)))
        }
        let inStudy = study.map { s in
            (s.date, s.block, Workshop(when: when(s.date, s.start, s.end),
                                       what: "Independent study" + (s.title.map { ": " + $0 } ?? "") + (s.checkWith.map { ", with the mastery check you asked for, held by " + $0 } ?? ""),
                                       with: "with \(NameList.and(s.adults)), \(s.room)", absent: s.absent,
                                       note: s.cancelled.map(Self.cancelled) ?? left(s.date)))
        }
        workshops = (inWorkshops + inStudy).sorted { ($0.0, order[$0.1] ?? 0) < ($1.0, order[$1.1] ?? 0) }.map(\.2)
        self.checks = checks.reversed().map { "\($0.date): \(scenario.objectiveTitle($0.objective)): \($0.outcome)" }
        self.feed = feed
        requestLines = requests.filter { $0.student == student }.reversed().map { request in
            // The family's own note is shown them; a teacher's is for the people who plan.
            let note = request.askedBy == .family(student) && !request.note.isEmpty ? " (your note: \(PersonText.visible(request.note)))" : ""
            // The family reads its own requests as theirs: "You asked for …".
            let who = request.askedBy == .family(student) ? "You" : RequestText.asker(request.askedBy, scenario)
            return PortalRequestLine(text: "\(who) asked for \(RequestText.asked(request, scenario, naming: false)), "
                                         + "\(RequestText.when(request.when, scenario))\(note): \(RequestText.standing(request))",
                              cancel: PortalAccess.mayCancel(.family(student), request) ? request.id : nil)
        }
    }

    /// `cancelled: school closed (snow day)`.
    static func cancelled(_ closure: Closure) -> String { "cancelled: school closed (\(closure.note))" }
}
