import PacerCore

/// Ids typed on the command line, read as the scenario writes them, as files and the portal's
/// forms read them (`KnownIDs.match`): `s-05` and `S-05 ` are S-05, said on stderr (`note: 's-05'
/// read as S-05`). An id that names nobody known is returned as typed, for the caller's check to
/// answer with the nearest known ids.
func typedID(_ written: String, among known: [String]) -> String {
    guard let id = KnownIDs(known).match(written) else { return written }
    if id != written { Terminal.error("note: '\(written)' read as \(id)") }
    return id
}

/// A person typed as `student:ID`, `teacher:ID` or `supervisor:ID`, their id read as the scenario
/// writes it (`Absence.Person.matched`), saying so when it differs from what was typed.
func typedPerson(_ person: Absence.Person, written: String, in scenario: Scenario) -> Absence.Person {
    let matched = person.matched(in: scenario)
    if matched != person { Terminal.error("note: '\(written)' read as \(matched.description)") }
    return matched
}

/// An access role typed as `teacher:ID`, `supervisor:ID` or `family:STUDENT`, its id read as the
/// scenario writes it.
func typedRole(_ role: AccessRole, in scenario: Scenario) -> AccessRole {
    switch role {
    case .scheduler: return role
    case let .teacher(id): return .teacher(TeacherID(rawValue: typedID(id.rawValue, among: scenario.teachers.map(\.id.rawValue))))
    case let .supervisor(id): return .supervisor(SupervisorID(rawValue: typedID(id.rawValue, among: scenario.supervisors.map(\.id.rawValue))))
    case let .family(id): return .family(StudentID(rawValue: typedID(id.rawValue, among: scenario.students.map(\.id.rawValue))))
    }
}
