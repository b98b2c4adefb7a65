extension Scenario {
    /// The scenario with the term's roster (`StateStore.roster`) merged in, the one place where
    /// the state's people join the files' ones, so that every view, export and change list finds
    /// them: the people `pacer enroll` brought in are added after the files' own (a student on
    /// their starting objectives, a teacher with their objectives), and the roster is kept as
    /// `roster` for what is dated (`onRoster`, status's "left on").
    /// The roster given replaces any the scenario had (a plan checked as of its mark sees the
    /// changes recorded up to it only).
    public func withRoster(_ roster: Roster) -> Scenario {
        guard !roster.isEmpty || !self.roster.isEmpty else { return self }
        var students = self.students, teachers = self.teachers
        let knownStudents = Set(students.map(\.id)), knownTeachers = Set(teachers.map(\.id))
        let flexPerDay = calendar.periods.filter(\.isFlex).count
        for change in roster.changes where change.kind == .enroll {
            guard let details = change.details else { continue }
            switch change.person {
            case let .student(id) where !knownStudents.contains(id) && !students.contains(where: { $0.id == id }):
                students.append(Student(id: id, name: details.name, grade: details.grade, current: details.starts, flags: [], unavailable: [], keepApart: []))
            case let .teacher(id) where !knownTeachers.contains(id) && !teachers.contains(where: { $0.id == id }):
                // Every objective they are to teach over the term: planning narrows it to a date.
                let all = Set(roster.changes(of: change.person).flatMap(\.objectives)).sorted()
                teachers.append(Teacher(id: id, name: details.name, canTeach: all, unavailable: [], maxSessionsPerDay: flexPerDay))
            default: continue
            }
        }
        // A teacher of the files who teaches more later can be checked on it in any plan of the term.
        teachers = teachers.map { t in
            guard knownTeachers.contains(t.id) else { return t }
            let later = Set(roster.changes(of: .teacher(t.id)).flatMap(\.objectives))
            return later.isSubset(of: t.canTeach) ? t : t.teaching(Set(t.canTeach).union(later).sorted())
        }
        return replacing(students: students, teachers: teachers, calendar: calendar, roster: roster)
    }

    /// The scenario for planning `dates` (one week's or one day's), by the roster: a student off
    /// the roster on every date is left out of it; a student or teacher off it on some dates is
    /// away on those (the absences returned, added to the recorded ones by the caller); a teacher
    /// teaches what the roster says on the first date. The roster kept is the changes dated up to
    /// the last date, which is what `PlanStateMark` digests.
    func onRoster(dates: [(SchoolDate, Day)]) -> (Scenario, Absences) {
        var away = Absences()
        guard let first = dates.map(\.0).min(), let last = dates.map(\.0).max(), !roster.isEmpty else { return (self, away) }
        func awayBlocks(_ person: Absence.Person) -> Set<BlockID> {
            var blocks = Set<BlockID>()
            for (date, day) in dates where !roster.isOn(person, on: date) {
                blocks.formUnion(calendar.blocks.filter { $0.day == day.id }.map(\.id))
            }
            return blocks
        }
        var students: [Student] = []
        for s in self.students {
            let blocks = awayBlocks(.student(s.id))
            if blocks.isEmpty { students.append(s); continue }
            if dates.allSatisfy({ !roster.isOn(.student(s.id), on: $0.0) }) { continue }
            away.students[s.id] = blocks
            students.append(s)
        }
        let teachers = self.teachers.map { t in
            let blocks = awayBlocks(.teacher(t.id))
            if !blocks.isEmpty { away.teachers[t.id] = blocks }
            return roster.teaches(t.id, on: first).map { t.teaching($0) } ?? t
        }
        // Someone left out is no one else's to keep apart from.
        let kept = Set(students.map(\.id))
        students = students.map { s in
            var student = s
            student.keepApart = s.keepApart.filter(kept.contains)
            return student
        }
        return (replacing(students: students, teachers: teachers, calendar: calendar, roster: roster.dated(through: last)), away)
    }
}

extension Teacher {
    /// The same teacher running `objectives` instead.
    func teaching(_ objectives: [ObjectiveID]) -> Teacher {
        var t = Teacher(id: id, name: name, canTeach: objectives.sorted(), unavailable: unavailable, maxSessionsPerDay: maxSessionsPerDay, maxInARow: maxInARow)
        t.supervises = supervises
        return t
    }
}

extension Absences {
    /// Both sets of absences: a person's blocks are the union of theirs in each.
    func merged(with other: Absences) -> Absences {
        var result = self
        for (id, blocks) in other.students { result.students[id, default: []].formUnion(blocks) }
        for (id, blocks) in other.teachers { result.teachers[id, default: []].formUnion(blocks) }
        for (id, blocks) in other.supervisors { result.supervisors[id, default: []].formUnion(blocks) }
        return result
    }
}
