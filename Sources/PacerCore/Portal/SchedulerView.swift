/// The scheduler's page: the planning job under way, the forms to regroup and plan, today's plan
/// and who it does not serve, today's absences, the latest checks (to correct or withdraw), and
/// where students stand on each objective.
public struct SchedulerView: Sendable, Equatable {
    /// The plan in force today.
    public struct Today: Sendable, Equatable {
        /// `Plan 1 is in force (week of 2026-11-23): 5 session(s) today.`
        public let plan: String
        /// `3 student(s) get fewer workshops than they want in this plan:`, or nil when every student gets them.
        public let shortfall: String?
        /// The first hundred students short of the workshops they want, by student and objective.
        public let unserved: [Unserved]
        /// `… and 20 more (the exports list them all).` when the page leaves some out.
        public let more: String?
        /// Students placed today on an objective they have mastered since (`MovedOn`): `Chloe Kim,
        /// 09:25–10:05: Add and subtract rational numbers with Mr Chen: moved on: will be regrouped`.
        public var movedOn: [String] = []
    }

    public struct Unserved: Sendable, Equatable {
        public let student: String
        public let objective: ObjectiveID
        /// `1 of 2`.
        public let workshops: String
        public let why: String
    }

    /// A check recorded lately, with what the correct and withdraw forms send.
    public struct Check: Sendable, Equatable {
        public let id: Int64
        public let date: SchoolDate
        public let student: StudentID
        public let objective: ObjectiveID
        /// As recorded: `mastered` or `not-yet`.
        public let result: String
        public let note: String
    }

    /// A teacher the absence form suggests: the form sends the id, the list shows the name.
    public struct Teacher: Sendable, Equatable {
        public let id: TeacherID
        public let name: String
    }

    /// The students on one objective, the longest on it first.
    public struct Standing: Sendable, Equatable {
        /// nil for the students who have mastered the whole progression.
        public let objective: ObjectiveID?
        public let title: String
        public let count: Int
        /// `Ana Ruiz (3 d), Ben Cho (1 d)`: days on it as `pacer status` counts them (0 on the day
        /// they began it; for the finished, days since they finished).
        public let who: String
    }

    /// The school's name and the date.
    public let title: String
    public let job: PlanningJobView.Line?
    /// What the regroup and week-plan forms propose: the next school day, the next week's first date.
    public let nextDay: SchoolDate
    public let nextWeek: SchoolDate
    /// Nil when no published plan covers today.
    public let today: Today?
    /// The date the absence form proposes.
    public let date: SchoolDate
    /// Today's absences as `pacer absences` lists them.
    public let absences: [String]
    /// The periods an absence may name (each a checkbox).
    public let periods: [PeriodID]
    /// The teachers the absence form suggests, by name.
    public let teachers: [Teacher]
    /// The supervisors (aides) the absence form suggests, by name: their study groups are placed
    /// again at the next regroup.
    public let supervisors: [Supervisor]
    public let checks: [Check]
    public let standing: [Standing]
    /// The requests still asking, oldest first, names first, with the days they have waited and
    /// where each stands unless open: `3 d: Ms Okafor asks for a mastery check on … for Ava Martin
    /// (S-01), 2026-11-24, urgent (planned, …)`.
    public var requests: [String] { requestLines.map(\.text) }
    /// The same lines, each with the id the scheduler cancels it by.
    public var requestLines: [PortalRequestLine] = []

    /// The unserved students listed on the page at most (the exports list them all).
    public static let unservedShown = 100

    public init(today date: SchoolDate, scenario: Scenario, standing lines: [StateStore.StatusLine], inForce: PlanInForce?, absences: [Absence],
                recentChecks: [(student: StudentID, check: StateStore.RecordedCheck)], job: PlanningJobView.Line?, movedOn: MovedOn? = nil,
                requests: [StudentRequest] = []) {
        title = "\(scenario.name): \(date.weekdayName) \(date)"
        self.job = job
        nextDay = scenario.calendar.schoolDay(after: date, count: 1)
        nextWeek = scenario.calendar.weekStart(containing: date.adding(days: 7))
        today = inForce.map { inForce in
            let unserved = inForce.plan.unserved.sorted { ($0.student.rawValue, $0.objective.rawValue) < ($1.student.rawValue, $1.objective.rawValue) }
            // A closure since the plan was published cancels its sessions there: said with why.
            let closed: String = inForce.closedDates.closures(on: date).map { closure -> String in
                let cancelled = inForce.sessions.filter { inForce.closure($0.block, in: scenario) == closure }.count
                return " \(closure.text): \(cancelled) session(s) cancelled."
            }.joined()
            var today = Today(plan: "Plan \(inForce.id) is in force (\(inForce.plan.header.kind.rawValue) of \(inForce.weekOf)): \(inForce.sessions.count) session(s) today." + closed,
                         shortfall: unserved.isEmpty ? nil : "\(unserved.count) student(s) get fewer workshops than they want in this plan:",
                         unserved: unserved.prefix(Self.unservedShown).map { u in
                             Unserved(student: scenario.studentName(u.student), objective: u.objective, workshops: "\(u.got) of \(u.wanted)", why: u.reason.text)
                         },
                         more: unserved.count > Self.unservedShown ? "… and \(unserved.count - Self.unservedShown) more (the exports list them all)." : nil)
            if let movedOn {
                today.movedOn = inForce.sessions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.flatMap { session in
                    session.students.filter { movedOn.hasMovedOn($0, from: session.objective, before: date) }
                        .map { scenario.studentName($0) }.sorted().map { name in
                            "\(name), \(session.start)–\(session.end): \(scenario.objectiveTitle(session.objective)) with \(scenario.teacherName(session.teacher)): \(MovedOn.words)"
                        }
                }
            }
            return today
        }
        self.date = date
        self.absences = absences.map(\.text)
        periods = scenario.calendar.periods.map(\.id)
        teachers = scenario.teachers.map { Teacher(id: $0.id, name: $0.name) }
        supervisors = scenario.supervisors
        checks = recentChecks.map { student, c in
            Check(id: c.id, date: c.date, student: student, objective: c.objective, result: c.result, note: c.note)
        }
        requestLines = requests.filter(\.isAsking).sorted { ($0.askedOn, $0.id) < ($1.askedOn, $1.id) }.map { request in
            PortalRequestLine(text: "\(max(0, request.askedOn.days(to: date))) d: \(RequestText.line(request, scenario))"
                + (request.note.isEmpty ? "" : " (note: \(PersonText.visible(request.note)))")
                + (request.status == .open ? "" : " (\(RequestText.standing(request)))"), cancel: request.id)
        }
        var byObjective: [ObjectiveID?: [StateStore.StatusLine]] = [:]
        for line in lines { byObjective[line.objective, default: []].append(line) }
        // The objectives by id, then those who finished the progression.
        standing = byObjective.sorted { ($0.key == nil ? 1 : 0, $0.key?.rawValue ?? "") < ($1.key == nil ? 1 : 0, $1.key?.rawValue ?? "") }.map { id, on in
            let on = on.sorted { ($0.daysOnIt, $0.student.rawValue) > ($1.daysOnIt, $1.student.rawValue) }
            return Standing(objective: id, title: id.map { scenario.objective($0)?.title ?? "" } ?? "progression complete", count: on.count,
                            who: on.map { "\($0.name) (\($0.daysOnIt) d)" }.joined(separator: ", "))
        }
    }
}
