/// Who may see and act for a student in the portal, decided here so that the web layer only asks:
/// the scheduler for everyone; a family for their own student only; a teacher for the students in
/// their own sessions of the plan in force that date (and no one else, even by naming an id).
public enum PortalAccess {
    public static func may(_ role: AccessRole, actFor student: StudentID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case let .family(own): return own == student
        case let .teacher(teacher): return try !sessions(of: teacher, with: student, on: date, scenario: scenario, store: store).isEmpty
        }
    }

    /// Whether `role` may record a check on `objective` for `student`: the scheduler for anyone; a
    /// teacher only on the objective of their own group the student is in that date, or on the
    /// objective the student works on in a study group the teacher supervises that date, when the
    /// teacher can teach it; a family never.
    public static func may(_ role: AccessRole, record objective: ObjectiveID, for student: StudentID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case .family: return false
        case let .teacher(teacher):
            if try sessions(of: teacher, with: student, on: date, scenario: scenario, store: store).contains(where: { $0.objective == objective }) { return true }
            guard scenario.teachers.first(where: { $0.id == teacher })?.canTeach.contains(objective) == true else { return false }
            return try studyGroups(of: teacher, on: date, scenario: scenario, store: store).contains { g in
                g.students.contains { $0.student == student && $0.objective == objective }
            }
        }
    }

    /// Whether `role` may mark `student` absent from their session in `block` that date: the
    /// scheduler for anyone; a teacher only from their own session or the study group they
    /// supervise in that block; a family never.
    public static func may(_ role: AccessRole, markAbsent student: StudentID, in block: BlockID, on date: SchoolDate,
                           scenario: Scenario, store: StateStore) throws -> Bool {
        switch role {
        case .scheduler: return scenario.students.contains { $0.id == student }
        case .family: return false
        case let .teacher(teacher):
            if try sessions(of: teacher, with: student, on: date, scenario: scenario, store: store).contains(where: { $0.block == block }) { return true }
            return try studyGroups(of: teacher, on: date, scenario: scenario, store: store).contains { g in
                g.block == block && g.students.contains { $0.student == student }
            }
        }
    }

    /// The study groups the teacher supervises that date, in the plan in force.
    private static func studyGroups(of teacher: TeacherID, on date: SchoolDate, scenario: Scenario, store: StateStore) throws -> [StudyGroup] {
        guard let inForce = try store.planInForce(scenario, on: date) else { return [] }
        return (inForce.plan.study ?? []).filter { $0.day == inForce.day && $0.adults.contains(AdultID(rawValue: teacher.rawValue)) }
    }

    /// Only the scheduler regroups, publishes, plans and records absences.
    public static func mayRunTheSchool(_ role: AccessRole) -> Bool { role == .scheduler }

    /// Teachers and the scheduler record checks and mark students absent (for whom: the
    /// `may(_:record:…)` and `may(_:markAbsent:…)` rules); families never.
    public static func mayRecord(_ role: AccessRole) -> Bool {
        switch role {
        case .scheduler, .teacher: return true
        case .family: return false
        }
    }

    /// The teacher's sessions that date, in the plan in force, that hold the student.
    private static func sessions(of teacher: TeacherID, with student: StudentID, on date: SchoolDate,
                                 scenario: Scenario, store: StateStore) throws -> [PlannedSession] {
        try store.planInForce(scenario, on: date)?.sessions.filter { $0.teacher == teacher && $0.students.contains(student) } ?? []
    }
}
