extension RosterChange {
    /// Why the change cannot be recorded, or nil. `scenario` is the scenario with the roster as
    /// it stands (`withRoster`); `termStart` the term's first day, when it has started.
    ///
    /// The date must be a school day, not before the term, and after the person's latest enroll
    /// or leave (a roster's history is told in order). Someone known (in the files or enrolled) is
    /// named as the scenario writes them, with "did you mean" otherwise; enrolling someone on the
    /// roster, or making someone leave who is not on it, is refused. Someone new needs a name and,
    /// a student, a grade the school has and a starting objective in each subject they take; a
    /// teacher, the objectives they teach.
    public func problem(in scenario: Scenario, termStart: SchoolDate?) -> String? {
        if case .supervisor = person { return "\(person.description): a supervisor's place is scenario.yaml's; name a student:ID or teacher:ID" }
        if let problem = IdentifierRule.problem(person.id) { return "\(person.description): \(problem)" }
        if let problem = scenario.calendar.schoolDayProblem(date) { return problem }
        if let termStart, date < termStart { return "\(date) is before the term's first day (\(termStart))" }
        if let termStart, termStart.days(to: date) > 366 { return "\(date) is more than a year after the term's first day (\(termStart))" }
        let roster = scenario.roster
        let known = person.problem(in: scenario) == nil
        let who = known ? name(in: scenario) : person.description
        if known, let latest = roster.changes(of: person).last(where: { $0.kind == kind || $0.kind != .teaches && kind != .teaches }), latest.date >= date {
            return "\(who) already \(latest.kind == .leave ? "left" : latest.kind == .enroll ? "joined" : "changed what they teach") on \(latest.date); "
                + "a later change must be dated after it"
        }
        switch kind {
        case .enroll:
            if known {
                if details != nil || !objectives.isEmpty {
                    return "\(who) is known already: enroll them back with --date alone (and pacer teaches for what a teacher teaches)"
                }
                if roster.isOn(person, on: date) { return "\(who) is on the roster on \(date) already; nothing to enroll" }
                return nil
            }
            let matched = person.matched(in: scenario)
            if matched != person {
                return "\(person.description) differs from \(matched.description) only in case or spaces; name them as \(matched.description)"
            }
            guard let details else {
                return (person.problem(in: scenario) ?? "unknown \(person.kind)") + "; someone new needs --name"
                    + (isStudent ? ", --grade and --objective SUBJECT=OBJECTIVE" : " and --teaches")
            }
            if details.name.trimmingCharacters(in: .whitespaces).isEmpty { return "\(person.description): --name must not be empty" }
            if isStudent {
                if let problem = scenario.unknownIDProblem(grade: details.grade) { return problem }
                if details.starts.isEmpty { return "\(person.description): give their starting objective in each subject they take, --objective SUBJECT=OBJECTIVE" }
                for (subject, objective) in details.starts.sorted(by: { $0.key < $1.key }) {
                    guard let taught = scenario.subjects.first(where: { $0.id == subject }) else {
                        return NearestNames.unknown("subject", subject.rawValue, among: scenario.subjects.map(\.id.rawValue))
                    }
                    if !taught.objectives.contains(where: { $0.id == objective }) {
                        return NearestNames.unknown("objective of \(subject)", objective.rawValue, among: taught.objectives.map(\.id.rawValue))
                    }
                }
                return nil
            }
            return objectivesProblem(in: scenario)
        case .leave:
            guard known else { return person.problem(in: scenario) }
            if details != nil || !objectives.isEmpty { return "\(who): leave takes a date and a note only" }
            if let left = roster.leave(of: person, on: date) { return "\(who) left on \(left.date) already; nothing to do" }
            if !roster.isOn(person, on: date) { return "\(who) has not joined yet on \(date)" }
            return nil
        case .teaches:
            guard case let .teacher(id) = person else { return "\(person.description): only a teacher teaches; name them as teacher:ID" }
            guard known else { return person.problem(in: scenario) }
            if !roster.isOn(person, on: date) { return "\(who) is not on the roster on \(date)" }
            if let problem = objectivesProblem(in: scenario) { return problem }
            let now = roster.teaches(id, on: date) ?? scenario.teachers.first { $0.id == id }?.canTeach ?? []
            if Set(now) == Set(objectives) { return "\(who) teaches exactly these on \(date) already" }
            return nil
        }
    }

    private var isStudent: Bool { if case .student = person { true } else { false } }

    /// `Ben Ortiz (S-10)`.
    func name(in scenario: Scenario) -> String {
        let name: String? = switch person {
        case let .student(id): scenario.students.first { $0.id == id }?.name
        case let .teacher(id): scenario.teachers.first { $0.id == id }?.name
        case .supervisor: nil
        }
        return name.map { "\($0) (\(person.id))" } ?? person.id
    }

    /// Why a teacher's objectives are not a list of the scenario's objectives.
    private func objectivesProblem(in scenario: Scenario) -> String? {
        if objectives.isEmpty { return "\(person.description): give the objectives they teach (enroll --teaches, teaches --objectives)" }
        for objective in objectives { if let problem = scenario.unknownIDProblem(objective: objective) { return problem } }
        return nil
    }
}

extension Scenario {
    /// The objectives `entries` name as a teacher's `teaches` in scenario.yaml does (a subject id,
    /// an objective id, or a prefix ending in `*`), sorted, or why an entry names none.
    public func objectives(teaching entries: [String]) -> (objectives: [ObjectiveID], problem: String?) {
        var result = Set<ObjectiveID>()
        for entry in entries {
            let named = Subject.objectives(matching: entry, in: subjects)
            if named.isEmpty {
                return ([], NearestNames.unknown("objective or subject", entry, among: subjects.map(\.id.rawValue) + objectives.map(\.id.rawValue))
                    + " (write a subject id, an objective id, or a prefix ending in *)")
            }
            result.formUnion(named)
        }
        return (result.sorted(), nil)
    }
}
