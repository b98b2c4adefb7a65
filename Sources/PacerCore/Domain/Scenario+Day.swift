/// Who is away when, as blocks added to people's unavailable ones for the days being planned
/// (recorded with `pacer absent`, kept in the state).
public struct Absences: Sendable, Equatable {
    public var students: [StudentID: Set<BlockID>] = [:]
    public var teachers: [TeacherID: Set<BlockID>] = [:]
    public var supervisors: [SupervisorID: Set<BlockID>] = [:]
    public init() {}
}

extension Scenario {
    /// The scenario as the term's state has it: the students' current objectives replaced (a
    /// subject missing from `current` is one the student has finished or does not take), and the
    /// absent blocks added to students' and teachers' unavailable ones.
    func withState(current: [StudentID: [SubjectID: ObjectiveID]], absences: Absences = Absences()) -> Scenario {
        withState(calendar: calendar, current: current, absences: absences)
    }

    /// The scenario cut to one day, with the state's current objectives and absences.
    func day(_ day: Day, current: [StudentID: [SubjectID: ObjectiveID]], absences: Absences = Absences()) -> Scenario {
        var calendar = SchoolCalendar(timeZone: self.calendar.timeZone, days: [day], periods: self.calendar.periods,
                                      blocks: self.calendar.blocks.filter { $0.day == day.id })
        calendar.term = self.calendar.term
        calendar.holidays = self.calendar.holidays
        calendar.closedBlocks = self.calendar.closedBlocks.filter { id, _ in id.rawValue.hasPrefix(day.id.rawValue + "-") }  // day ids hold no '-'
        return withState(calendar: calendar, current: current, absences: absences)
    }

    /// The scenario with `closed` blocks taken out of its calendar (`SchoolCalendar.closing`).
    func closing(_ closed: [BlockID: Closure]) -> Scenario {
        guard !closed.isEmpty else { return self }
        return replacing(students: students, teachers: teachers, calendar: calendar.closing(closed), roster: roster)
    }

    /// This scenario with other students, teachers, calendar and roster; the rest as it is: the
    /// one place a derived scenario is made, so none loses a field.
    func replacing(students: [Student], teachers: [Teacher], calendar: SchoolCalendar, roster: Roster) -> Scenario {
        var result = Scenario(name: name, calendar: calendar, subjects: subjects, teachers: teachers, rooms: rooms,
                              students: students, policy: policy, sourceFiles: sourceFiles, contentHash: contentHash)
        result.forecast = forecast
        result.supervisors = supervisors
        result.assumptions = assumptions
        result.roster = roster
        return result
    }

    private func withState(calendar: SchoolCalendar, current: [StudentID: [SubjectID: ObjectiveID]], absences: Absences) -> Scenario {
        let students = self.students.map { s in
            var student = Student(
                id: s.id, name: s.name, grade: s.grade, current: (current[s.id] ?? [:]).filter { objective($0.value) != nil },
                flags: s.flags, unavailable: (Set(s.unavailable).union(absences.students[s.id] ?? [])).sorted(),
                keepApart: s.keepApart, pace: s.pace, statedNeeds: s.statedNeeds)
            student.homeRoom = s.homeRoom
            student.homeAdult = s.homeAdult
            return student
        }
        let teachers = absences.teachers.isEmpty ? self.teachers : self.teachers.map { t in
            var absent = t
            absent.unavailable = Set(t.unavailable).union(absences.teachers[t.id] ?? []).sorted()
            return absent
        }
        var result = replacing(students: students, teachers: teachers, calendar: calendar, roster: roster)
        result.supervisors = supervisors.map { s in
            var absent = s
            absent.unavailable = Set(s.unavailable).union(absences.supervisors[s.id] ?? []).sorted()
            return absent
        }
        return result
    }
}
