/// Who may see and act for a student in the portal, decided here so that the web layer only asks:
/// the scheduler for everyone; a family for their own student only; a teacher for the students in
/// their own sessions of the plan in force that date; a supervisor (an aide) for the students in
/// the study groups they supervise that date (and no one else, even by naming an id).
public enum PortalAccess {
    public static func may(_ role: AccessRole, actFor student: StudentID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case let .family(own): return own == student
        case let .teacher(teacher): return try !sessions(of: teacher, with: student, on: date, scenario: scenario, store: store).isEmpty
        case .supervisor: return try studyGroups(of: role, on: date, scenario: scenario, store: store).contains { g in
            g.students.contains { $0.student == student }
        }
        }
    }

    /// Whether `role` may record a check on `objective` for `student`: the scheduler for anyone; a
    /// teacher only on the objective of their own group the student is in that date, or on the
    /// objective the student works on in a study group the teacher supervises that date, when the
    /// teacher can teach it; a supervisor, who teaches nothing, and a family never.
    public static func may(_ role: AccessRole, record objective: ObjectiveID, for student: StudentID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case .supervisor, .family: return false
        case let .teacher(teacher):
            if try sessions(of: teacher, with: student, on: date, scenario: scenario, store: store).contains(where: { $0.objective == objective }) { return true }
            guard scenario.teachers.first(where: { $0.id == teacher })?.canTeach.contains(objective) == true else { return false }
            return try studyGroups(of: role, on: date, scenario: scenario, store: store).contains { g in
                g.students.contains { $0.student == student && $0.objective == objective }
            }
        }
    }

    /// Whether `role` may mark `student` absent from their session in `block` that date: the
    /// scheduler for anyone; a teacher only from their own session or the study group they
    /// supervise in that block; a supervisor only from the study group they supervise in that
    /// block; a family never.
    public static func may(_ role: AccessRole, markAbsent student: StudentID, in block: BlockID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case .family: return false
        case .teacher, .supervisor:
            if case let .teacher(teacher) = role,
               try sessions(of: teacher, with: student, on: date, scenario: scenario, store: store).contains(where: { $0.block == block }) { return true }
            return try studyGroups(of: role, on: date, scenario: scenario, store: store).contains { g in
                g.block == block && g.students.contains { $0.student == student }
            }
        }
    }

    /// The study groups the role's adult (a teacher or a supervisor) supervises that date, in the
    /// plan in force; none for the scheduler and families.
    private static func studyGroups(of role: AccessRole, on date: SchoolDate, scenario: Scenario, store: StateStore) throws -> [StudyGroup] {
        guard let adult = role.adult, let inForce = try store.planInForce(scenario, on: date) else { return [] }
        return (inForce.plan.study ?? []).filter { $0.day == inForce.day && $0.adults.contains(adult) }
    }

    /// Only the scheduler regroups, publishes, plans and records absences.
    public static func mayRunTheSchool(_ role: AccessRole) -> Bool { role == .scheduler }

    /// Teachers and the scheduler record checks (for whom: the `may(_:record:…)` rule);
    /// supervisors and families never.
    public static func mayRecord(_ role: AccessRole) -> Bool {
        switch role {
        case .scheduler, .teacher: return true
        case .supervisor, .family: return false
        }
    }

    /// Teachers, supervisors and the scheduler mark students absent (for whom: the
    /// `may(_:markAbsent:…)` rule); families never.
    public static func mayMarkAbsent(_ role: AccessRole) -> Bool {
        switch role {
        case .scheduler, .teacher, .supervisor: return true
        case .family: return false
        }
    }

    /// The teacher's sessions that date, in the plan in force, that hold the student.
    private static func sessions(of teacher: TeacherID, with student: StudentID, on date: SchoolDate,
                                 scenario: Scenario, store: StateStore) throws -> [PlannedSession] {
        try store.planInForce(scenario, on: date)?.sessions.filter { $0.teacher == teacher && $0.students.contains(student) } ?? []
    }
}
