@_exported import Tagged

/// Typed identifiers: a `TeacherID` cannot be passed where a `RoomID` is expected.
/// Each wraps the id as written in the scenario's files (`T-LEE`, `R101`, `MATH-7.RP.2`).
public typealias DayID = Tagged<Day, String>
public typealias PeriodID = Tagged<Period, String>
public typealias BlockID = Tagged<Block, String>
public typealias SubjectID = Tagged<Subject, String>
public typealias ObjectiveID = Tagged<Objective, String>
public typealias TeacherID = Tagged<Teacher, String>
public typealias RoomID = Tagged<Room, String>
public typealias StudentID = Tagged<Student, String>
public typealias SupervisorID = Tagged<Supervisor, String>
/// A room feature such as `lab` or `projector`; objectives name the features they need.
public typealias Feature = Tagged<FeatureTag, String>
public enum FeatureTag {}
