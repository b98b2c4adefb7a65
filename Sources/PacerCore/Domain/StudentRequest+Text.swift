/// A request in words, names first and ids after, as the command line and the pages say it.
public enum RequestText {
    /// "a mastery check on Unit rates with fractions (MATH-7.RP.1)", "time with Ms Okafor (T-OKAFOR)".
    public static func want(_ want: StudentRequest.Want, _ scenario: Scenario) -> String {
        switch want {
        case let .workshop(id): "a workshop on \(scenario.objective(id)?.title ?? id.rawValue) (\(id))"
        case let .check(id): "a mastery check on \(scenario.objective(id)?.title ?? id.rawValue) (\(id))"
        case let .teacher(id): "time with \(scenario.teachers.first { $0.id == id }?.name ?? id.rawValue) (\(id))"
        }
    }

    /// When a request asks, as a family reads it: "Tuesday 2026-11-24", "Tuesday 2026-11-24,
    /// 10:40–11:20 (F2)", "the week of Monday 2026-11-23".
    public static func when(_ when: StudentRequest.When, _ scenario: Scenario) -> String {
        switch when {
        case let .date(date): "\(date.weekdayName) \(date)"
        case let .block(date, period):
            "\(date.weekdayName) \(date), " + (scenario.calendar.periods.first { $0.id == period }
                .map { "\(clockText($0.start))–\(clockText($0.end)) (\(period))" } ?? period.rawValue)
        case let .week(first): "the week of \(first.weekdayName) \(first)"
        }
    }

    /// Who asked, by name: "Ms Okafor", "Ava Martin's family", "the scheduler".
    public static func asker(_ asker: StudentRequest.Asker, _ scenario: Scenario) -> String {
        switch asker {
        case .scheduler: "the scheduler"
        case let .teacher(id): scenario.teachers.first { $0.id == id }?.name ?? id.rawValue
        case let .family(id): "\(scenario.students.first { $0.id == id }?.name ?? id.rawValue)'s family"
        }
    }

    /// What a request asks, as said after "asks for": "a mastery check on Unit rates with
    /// fractions (MATH-7.RP.1) for Ava Martin (S-01)" (without "for …" unless `naming` the
    /// student). Time a teacher asks for with a student is time with the student, named always:
    /// "time with Ava Martin (S-01)", not "time with Mx Rivera" when Mx Rivera asks. The one home
    /// of these words: the command line, the scheduler's page, the ask page, the teacher's day
    /// and the family page say what was asked with it.
    public static func asked(_ request: StudentRequest, _ scenario: Scenario, naming student: Bool = true) -> String {
        let whom = "\(scenario.studentName(request.student)) (\(request.student))"
        if case let .teacher(id) = request.want, request.askedBy == .teacher(id) { return "time with \(whom)" }
        return want(request.want, scenario) + (student ? " for \(whom)" : "")
    }

    /// Why a form's request for help or a check in `typed` (a subject's id, as the form sends it)
    /// has no objective to be about, in words a family reads: the form asks about the objective
    /// the student works on now in a subject (`current`, subject by subject), so an objective
    /// typed in its place is answered with the one they are on, a subject they do not take or
    /// have finished says so, and anything else is no subject of the school.
    public static func nothingToAskAbout(in typed: String, for student: StudentID, current: [SubjectID: ObjectiveID], _ scenario: Scenario) -> String {
        let name = scenario.studentName(student)
        func objective(_ id: ObjectiveID) -> String { "\(scenario.objectiveTitle(id)) (\(id))" }
        func subject(_ id: SubjectID) -> String { scenario.subjects.first { $0.id == id }?.name ?? id.rawValue }
        if let asked = scenario.objective(ObjectiveID(rawValue: typed)) {
            if let now = current[asked.subject] {
                return "\(name) is working on \(objective(now)) in \(subject(asked.subject)) now, not on \(objective(asked.id)): "
                    + "help and checks are asked for the objective a student is on; ask about that one"
            }
            return nothingToAskAbout(in: asked.subject.rawValue, for: student, current: current, scenario)
        }
        guard let taken = scenario.subjects.first(where: { $0.id.rawValue == typed }) else {
            return "the school has no subject “\(printable(typed))”; choose what to ask about from the form on the page"
        }
        if scenario.students.first(where: { $0.id == student })?.current[taken.id] == nil {
            return "\(name) does not take \(taken.name), so there is nothing to ask for in it"
        }
        return "\(name) has finished every objective in \(taken.name), so there is nothing left to ask for in it"
    }

    /// "Ms Okafor asks for a mastery check on Unit rates with fractions (MATH-7.RP.1) for Ava
    /// Martin (S-01), 2026-11-24, urgent"; "Mx Rivera asks for time with Mia Johnson (S-04), 2026-11-25, normal".
    public static func line(_ request: StudentRequest, _ scenario: Scenario) -> String {
        "\(asker(request.askedBy, scenario)) asks for \(asked(request, scenario)), \(request.when), \(request.priority)"
    }
}
