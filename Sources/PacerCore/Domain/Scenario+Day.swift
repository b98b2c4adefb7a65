extension Scenario {
    /// The scenario cut to one day, with the students' current objectives replaced (a subject
    /// missing from `current` is one the student has finished or does not take).
    func day(_ day: Day, current: [StudentID: [SubjectID: ObjectiveID]]) -> Scenario {
        let calendar = SchoolCalendar(timeZone: self.calendar.timeZone, days: [day], periods: self.calendar.periods,
                                      blocks: self.calendar.blocks.filter { $0.day == day.id })
        let students = self.students.map { s in
            Student(id: s.id, name: s.name, grade: s.grade, current: (current[s.id] ?? [:]).filter { objective($0.value) != nil },
                    flags: s.flags, unavailable: s.unavailable, keepApart: s.keepApart, pace: s.pace)
        }
        var result = Scenario(name: name, calendar: calendar, subjects: subjects, teachers: teachers, rooms: rooms,
                              students: students, policy: policy, sourceFiles: sourceFiles, contentHash: contentHash)
        result.forecast = forecast
        return result
    }
}
