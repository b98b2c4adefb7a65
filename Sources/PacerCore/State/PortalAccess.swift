/// Who may see and act for a student in the portal, decided here so that the web layer only asks:
/// the scheduler for everyone; a family for their own student only; a teacher for the students in
/// their own published sessions of that date (and no one else, even by naming an id).
public enum PortalAccess {
    public static func may(_ role: AccessRole, actFor student: StudentID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case let .family(own): return own == student
        case let .teacher(teacher): return try store.teacherAgenda(scenario, teacher: teacher, on: date).teaches(student)
        }
    }

    /// Whether `role` may record a check on `objective` for `student`: the scheduler for anyone; a
    /// teacher only on the objective of their own group the student is in that date; a family never.
    public static func may(_ role: AccessRole, record objective: ObjectiveID, for student: StudentID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case .family: return false
        case let .teacher(teacher):
            return try store.teacherAgenda(scenario, teacher: teacher, on: date).groups
                .contains { $0.objective == objective && $0.members.contains { $0.student == student } }
        }
    }

    /// Only the scheduler regroups, publishes, plans and records absences.
    public static func mayRunTheSchool(_ role: AccessRole) -> Bool { role == .scheduler }
}
