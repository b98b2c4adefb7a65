import Foundation

extension StudentRequest.Asker {
    /// The asker a portal role is: the scheduler, a teacher, or a family (the family's sign-in is
    /// the student's too); nil for a supervisor, who does not ask.
    public init?(role: AccessRole) {
        switch role {
        case .scheduler: self = .scheduler
        case let .teacher(id): self = .teacher(id)
        case let .family(id): self = .family(id)
        case .supervisor: return nil
        }
    }
}

extension StudentRequest {
    /// Whether the request asks for `date`: its day, its block's day, or a day of its week.
    public func covers(_ date: SchoolDate) -> Bool {
        switch when {
        case let .date(day), let .block(day, _): day == date
        case let .week(first): first <= date && date < first.adding(days: 7)
        }
    }
}

/// Who sees which requests in the portal: the one home of the rule, which the pages only ask.
extension PortalAccess {
    /// Who may ask from the portal: the scheduler, teachers and families (a family for their own
    /// student, which `StudentRequest.problem` holds them to); supervisors never.
    public static func mayAsk(_ role: AccessRole) -> Bool { StudentRequest.Asker(role: role) != nil }

    /// The requests `role` may see on `date`, oldest asked first: the scheduler every one; a
    /// family their student's; a teacher the ones they asked, and the ones for students in their
    /// own sessions that date (to read, not to cancel); a supervisor none.
    public static func requests(visibleTo role: AccessRole, on date: SchoolDate, scenario: Scenario, store: StateStore) throws -> [StudentRequest] {
        switch role {
        case .scheduler: return try store.requests()
        case let .family(student): return try store.requests().filter { $0.student == student }
        case .supervisor: return []
        case let .teacher(teacher):
            let mine = Set(try store.planInForce(scenario, on: date)?.sessions.filter { $0.teacher == teacher }.flatMap(\.students) ?? [])
            return try store.requests().filter { $0.askedBy == .teacher(teacher) || mine.contains($0.student) }
        }
    }

    /// Whether `role` may cancel `request` from the portal: who asked it, or the scheduler (the
    /// rule `StateStore.cancelRequest` applies; the pages ask it to show a cancel button).
    public static func mayCancel(_ role: AccessRole, _ request: StudentRequest) -> Bool {
        guard request.isAsking, let asker = StudentRequest.Asker(role: role) else { return false }
        return asker == .scheduler || asker == request.askedBy
    }
}
