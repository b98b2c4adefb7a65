extension TeacherDayView {
    /// A student the teacher asked for on the day: what they asked, and whether the published
    /// plan for the day gives it.
    public struct Asked: Sendable, Equatable {
        /// `Ava Martin (S-01)`.
        public let student: String
        /// `a mastery check on Unit rates with fractions (MATH-7.RP.1), 2026-11-24`.
        public let what: String
        /// `got: a workshop on Unit rates with fractions with Mr Chen, 09:25–10:05, Room 102`,
        /// `not placed: MATH first: …`, `declined: …`, `met, checked on …`.
        public let outcome: String
        /// Whether the plan gives the student what was asked (or the request was met).
        public let got: Bool
    }

    /// The day with the requests: those `teacher` asked for the day (got first, then not, each by
    /// name), and the others' requests for the students in the teacher's sessions, to read. Where a
    /// request got a place is read from the plan in force for the day: a workshop or a check is
    /// given by a session on the objective, time with a teacher by a session with them (in the
    /// request's block when it names one). A request the plan does not give says why: the status
    /// and reason the planner set (`planned`, `declined`), else "not placed" with the plan's reason
    /// for the student being short of workshops in the subject, when it has one.
    public func withRequests(_ requests: [StudentRequest], teacher: TeacherID, on date: SchoolDate, inForce: PlanInForce?,
                             scenario: Scenario) -> TeacherDayView {
        var day = self
        let onDay = requests.filter { $0.covers(date) && $0.status != .cancelled }
        let sessions = inForce?.sessions ?? []
        func got(_ request: StudentRequest) -> PlannedSession? {
            sessions.filter { s in
                guard s.students.contains(request.student), inForce?.closure(s.block, in: scenario) == nil else { return false }
                if case let .block(_, period) = request.when, scenario.calendar.block(s.block)?.period != period { return false }
                switch request.want {
                case let .workshop(objective), let .check(objective): return s.objective == objective
                case let .teacher(id): return s.teacher == id
                }
            }.min { $0.start < $1.start }
        }
        /// A check request's check slot in the day's study (`StudyPlace.check`): its group and who holds it.
        func slot(_ request: StudentRequest) -> (group: StudyGroup, holder: TeacherID)? {
            guard case let .check(objective) = request.want, let inForce else { return nil }
            return inForce.plan.checkSlots(of: request.student, on: objective, day: inForce.day).first { held in
                if case let .block(_, period) = request.when, scenario.calendar.block(held.group.block)?.period != period { return false }
                return inForce.closure(held.group.block, in: scenario) == nil
            }.map { ($0.group, $0.teacher) }
        }
        let asked = onDay.filter { $0.askedBy == .teacher(teacher) }.map { request -> Asked in
            let name = "\(scenario.studentName(request.student)) (\(request.student))"
            // Time the teacher asked for with the student is time with them, the teacher reading.
            let what = (request.want == .teacher(teacher) ? "time with you" : RequestText.want(request.want, scenario)) + ", \(request.when)"
            if let s = got(request) {
                let with = s.teacher == teacher ? "with you" : "with \(scenario.teacherName(s.teacher))"
                return Asked(student: name, what: what,
                             outcome: "got: a workshop on \(scenario.objectiveTitle(s.objective)) \(with), \(s.start)–\(s.end), \(scenario.roomName(s.room))", got: true)
            }
            if let (g, holder) = slot(request) {
                let by = holder == teacher ? "held by you" : "held by \(scenario.teacherName(holder))"
                return Asked(student: name, what: what,
                             outcome: "got: a mastery check during independent study, \(by), \(g.start)–\(g.end), \(scenario.roomName(g.room))", got: true)
            }
            switch request.status {
            case .met: return Asked(student: name, what: what, outcome: RequestText.standing(request), got: true)
            case .planned, .declined, .cancelled: return Asked(student: name, what: what, outcome: RequestText.standing(request), got: false)
            case .open where !request.reason.isEmpty:
                // Waiting, with why (asked after the plan in force was made).
                return Asked(student: name, what: what, outcome: RequestText.standing(request), got: false)
            case .open:
                let subject = request.want.objective.flatMap { scenario.objective($0)?.subject }
                let unserved = inForce?.plan.unserved.first { $0.student == request.student && (subject == nil || $0.subject == subject) }
                let why: String = inForce == nil ? "nothing published for the day" : unserved?.reason.text ?? "not in the published plan"
                return Asked(student: name, what: what, outcome: "not placed: " + why, got: false)
            }
        }
        day.asked = asked.enumerated().sorted { a, b in
            (a.element.got ? 0 : 1, a.element.student, a.offset) < (b.element.got ? 0 : 1, b.element.student, b.offset)
        }.map(\.element)
        let mine = Set(sessions.filter { $0.teacher == teacher }.flatMap(\.students))
        day.othersAsked = onDay.filter { $0.askedBy != .teacher(teacher) && mine.contains($0.student) }.map { request in
            "\(RequestText.asker(request.askedBy, scenario)) asked for \(RequestText.asked(request, scenario)), "
                + "\(request.when), \(request.priority): \(RequestText.standing(request))"
        }
        return day
    }
}
