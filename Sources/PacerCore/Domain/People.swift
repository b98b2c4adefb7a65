import Tagged

/// A teacher who can run workshops.
public struct Teacher: Hashable, Sendable {
    public let id: TeacherID
    public let name: String
    /// Every objective this teacher may run, sorted.
    public let canTeach: [ObjectiveID]
    /// Blocks where the teacher is not available (fixed commitments included), sorted.
    public internal(set) var unavailable: [BlockID]
    public let maxSessionsPerDay: Int
    /// The most workshops in consecutive flex blocks of a day (`max_in_a_row`), or nil for no limit.
    public internal(set) var maxInARow: Int?
    /// Whether the teacher may supervise independent study in blocks without a workshop
    /// (`supervises`, true by default).
    public internal(set) var supervises = true
}

/// A room where workshops can be held.
public struct Room: Hashable, Sendable {
    public let id: RoomID
    public let name: String
    public let capacity: Int
    public let features: [Feature]
    public let unavailable: [BlockID]
    /// Seats for independent study, or nil when the room is not a study space (`study`).
    public internal(set) var studySeats: Int?
    /// Whether workshops may use the room (`workshops: false` keeps a library or commons for study).
    public internal(set) var hostsWorkshops = true
}

/// Markers a school puts on a student.
public enum StudentFlag: String, Hashable, Sendable, CaseIterable {
    /// Serve this student first when there are not enough seats.
    case priority
}

/// A student and where they stand in each subject.
public struct Student: Hashable, Sendable {
    public let id: StudentID
    public let name: String
    public let grade: String
    /// The current objective in each subject the student takes.
    public let current: [SubjectID: ObjectiveID]
    public let flags: Set<StudentFlag>
    public let unavailable: [BlockID]
    /// Students who must not be placed in the same session as this one.
    public internal(set) var keepApart: [StudentID]
    /// For forecasts: multiplies each objective's mastery chance (1 is typical).
    public internal(set) var pace: Double = 1
    /// The student's home base, preferred for their independent study: a room and an adult
    /// (students.csv `home_room`, `home_adult`), either or both.
    public internal(set) var homeRoom: RoomID?
    public internal(set) var homeAdult: AdultID?
    /// Subjects a teacher or family says the student needs most (students.csv's `needs`): each
    /// unmet workshop in them costs `stated_need` more (`Need`).
    public internal(set) var statedNeeds: Set<SubjectID> = []
}
