/// Why a student did not get a workshop they wanted: one case per cause, with the one place that
/// writes its message (what plan.json, the exports and the terminal show) and the one place that
/// reads a message back into its kind (for tables over plan files, which carry the text).
public enum UnservedReason: Hashable, Sendable {
    case unknownObjective(ObjectiveID)
    case noQualifiedTeacher(ObjectiveID)
    case noRoomWithFeatures(ObjectiveID, needs: [Feature])
    case roomsTooSmall(ObjectiveID, minGroup: Int)
    case tooFewStudents(ObjectiveID, onIt: Int, minGroup: Int)
    case noFreeBlock(SubjectID)
    case sessionsFull(ObjectiveID)
    case noQualifiedTeacherFree(ObjectiveID, teachers: [TeacherID])
    case noSuitableRoomFree(ObjectiveID, needs: [Feature])
    case tooFewFreeTogether(ObjectiveID, most: Int, minGroup: Int)
    case notWorthASession(ObjectiveID)

    /// The kinds, for tables that count reasons.
    public enum Kind: String, CaseIterable, Sendable {
        case unknownObjective = "unknown objective"
        case noQualifiedTeacher = "no qualified teacher"
        case noRoomWithFeatures = "no room with the features"
        case roomsTooSmall = "rooms too small"
        case tooFewStudents = "too few students on it"
        case noFreeBlock = "student has no free block"
        case sessionsFull = "sessions full"
        case noQualifiedTeacherFree = "no qualified teacher free"
        case noSuitableRoomFree = "no suitable room free"
        case tooFewFreeTogether = "too few free together"
        case notWorthASession = "policy: not worth a session"

        /// The kind of a message `UnservedReason.message` wrote; nil for text it did not write.
        public init?(message: String) {
            let starts: [(String, Kind)] = [
                ("unknown objective ", .unknownObjective), ("no teacher can teach ", .noQualifiedTeacher),
                ("no room has the features ", .noRoomWithFeatures), ("the minimum group of ", .roomsTooSmall),
                ("only ", .tooFewStudents), ("the student has no free flex block", .noFreeBlock),
                ("every session on ", .sessionsFull), ("no teacher who can teach ", .noQualifiedTeacherFree),
                ("no room with ", .noSuitableRoomFree), ("every room is taken ", .noSuitableRoomFree),
                ("at most ", .tooFewFreeTogether), ("a session for ", .notWorthASession),
            ]
            guard let kind = starts.first(where: { message.hasPrefix($0.0) })?.1 else { return nil }
            self = kind
        }
    }

    public var kind: Kind {
        switch self {
        case .unknownObjective: return .unknownObjective
        case .noQualifiedTeacher: return .noQualifiedTeacher
        case .noRoomWithFeatures: return .noRoomWithFeatures
        case .roomsTooSmall: return .roomsTooSmall
        case .tooFewStudents: return .tooFewStudents
        case .noFreeBlock: return .noFreeBlock
        case .sessionsFull: return .sessionsFull
        case .noQualifiedTeacherFree: return .noQualifiedTeacherFree
        case .noSuitableRoomFree: return .noSuitableRoomFree
        case .tooFewFreeTogether: return .tooFewFreeTogether
        case .notWorthASession: return .notWorthASession
        }
    }

    public var message: String {
        switch self {
        case let .unknownObjective(o): return "unknown objective \(o)"
        case let .noQualifiedTeacher(o): return "no teacher can teach \(o)"
        case let .noRoomWithFeatures(o, needs): return "no room has the features \(o) needs (\(needs.map(\.rawValue).joined(separator: ", ")))"
        case let .roomsTooSmall(o, minGroup): return "the minimum group of \(minGroup) for \(o) is larger than every room with its features"
        case let .tooFewStudents(o, onIt, minGroup): return "only \(onIt) student(s) are on \(o), fewer than its minimum group of \(minGroup)"
        case let .noFreeBlock(subject): return "the student has no free flex block left on a day without a \(subject) workshop"
        case let .sessionsFull(o): return "every session on \(o) the student could join is full"
        case let .noQualifiedTeacherFree(o, teachers):
            return "no teacher who can teach \(o) (\(teachers.map(\.rawValue).joined(separator: ", "))) is free when the student is"
        case let .noSuitableRoomFree(o, needs) where needs.isEmpty:
            return "every room is taken when the student and a teacher who can teach \(o) are free"
        case let .noSuitableRoomFree(o, needs):
            return "no room with \(needs.map(\.rawValue).joined(separator: " and ")) (which \(o) needs) is free when the student and a qualified teacher are"
        case let .tooFewFreeTogether(o, most, minGroup):
            return "at most \(most) student(s) on \(o) are free at the same time as a qualified teacher and a room, fewer than its minimum group of \(minGroup)"
        case let .notWorthASession(o):
            return "a session for \(o) would cost more than it serves under the policy (too few students free at the same time, or the teachers' time went to students weighted higher)"
        }
    }
}
