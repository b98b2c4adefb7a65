/// Why a student did not get a workshop they wanted, as plan.json stores it: what kind of cause,
/// the hard rules that refused (for the kinds a rule's refusal causes, named by the rules' own
/// files) and the words a scheduler reads. Tables count by `kind`; nothing reads `text` back.
public struct UnservedReason: Codable, Hashable, Sendable {
    public var kind: Kind
    /// The hard rules that kept the student, the teachers or the rooms out, in the catalogue's order.
    public var rules: [RuleName]
    public var text: String

    public init(_ kind: Kind, rules: [RuleName] = [], _ text: String) {
        self.kind = kind
        self.rules = rules
        self.text = text
    }

    /// The kinds of cause, from the most fundamental to the plan's own choices; the raw value is
    /// the kind in a few words, for tables that count reasons.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case unknownObjective = "unknown objective"
        case noTeacher = "no teacher can run it"
        case noRoom = "no room can host it"
        case tooFewStudents = "too few students on it"
        case noFreeBlock = "student has no free block"
        case sessionsFull = "sessions full"
        case noTeacherFree = "no qualified teacher free"
        case noRoomFree = "no suitable room free"
        case tooFewFreeTogether = "too few free together"
        case notWorthASession = "policy: not worth a session"
        /// Nothing refused a session, and the search stopped (the clock, or a stop request) before
        /// it found one worth holding: more time may serve the student.
        case searchStopped = "search stopped first"
        /// A reason from a plan file written before reasons were typed: its text only.
        case other = "other"

        /// A kind this version does not know reads as `other`.
        public init(from decoder: Decoder) throws {
            self = Kind(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .other
        }
    }

    /// Older plan files store the text alone.
    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(.other, text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Kind.self, forKey: .kind), rules: try container.decodeIfPresent([RuleName].self, forKey: .rules) ?? [],
                  try container.decode(String.self, forKey: .text))
    }

    /// The kind with the rules that caused it, for lines that count reasons of one kind together.
    public var summary: String { rules.isEmpty ? kind.rawValue : "\(kind.rawValue) (\(rules.map(\.rawValue).joined(separator: ", ")))" }
}
