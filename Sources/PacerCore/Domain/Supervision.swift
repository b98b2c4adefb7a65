import Tagged

/// An adult who supervises independent study and runs no workshops (an aide, a coach), listed
/// under `supervisors:` in scenario.yaml.
public struct Supervisor: Hashable, Sendable {
    public let id: SupervisorID
    public let name: String
    /// Blocks where the supervisor is not available, sorted.
    public internal(set) var unavailable: [BlockID]
}

/// Who may supervise a study group: a teacher who runs no workshop in that block, or a
/// supervisor. Ids are unique across teachers and supervisors, so an adult is named by id alone.
public typealias AdultID = Tagged<AdultTag, String>
public enum AdultTag {}

extension Scenario {
    /// Students one adult may supervise in independent study when `students_per_supervisor` is
    /// not set (docs/scenario-format.md).
    public static let defaultStudentsPerSupervisor = 30

    /// The adults who may supervise study: teachers who do (all, unless `supervises: false`),
    /// then supervisors, each with the blocks they are away.
    public var adults: [(id: AdultID, name: String, unavailable: [BlockID])] {
        teachers.filter(\.supervises).map { (AdultID(rawValue: $0.id.rawValue), $0.name, $0.unavailable) }
            + supervisors.map { (AdultID(rawValue: $0.id.rawValue), $0.name, $0.unavailable) }
    }

    /// An adult's name, or their id when the scenario does not know them.
    public func adultName(_ id: AdultID) -> String {
        teachers.first { $0.id.rawValue == id.rawValue }?.name ?? supervisors.first { $0.id.rawValue == id.rawValue }?.name ?? id.rawValue
    }

    /// The rooms where independent study may happen, with their seats for it.
    public var studySpaces: [Room] { rooms.filter { $0.studySeats != nil } }
}
