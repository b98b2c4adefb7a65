/// The names, titles and words the portal's pages, the exports and the explanations use for what is
/// held by id: one home, so that every page says a person, an objective or a check the same way.
extension Scenario {
    /// The teacher's name, or the id when the scenario no longer has them.
    func teacherName(_ id: TeacherID) -> String { teachers.first { $0.id == id }?.name ?? id.rawValue }
    /// The student's name, or the id when the scenario no longer has them.
    public func studentName(_ id: StudentID) -> String { students.first { $0.id == id }?.name ?? id.rawValue }
    /// The room's name, or its id when it has none or the scenario no longer has it.
    func roomName(_ id: RoomID) -> String { rooms.first { $0.id == id }?.name ?? id.rawValue }
    /// The objective's title, or its id when the scenario no longer has it.
    func objectiveTitle(_ id: ObjectiveID) -> String { objective(id)?.title ?? id.rawValue }
    /// Adults by name, joined as a sentence says them: `Ms Park and Mr Chen`.
    func adultNames(_ ids: [AdultID]) -> String { NameList.and(ids.map(adultName)) }
}

enum NameList {
    /// `Ms Park`, `Ms Park and Mr Chen`, `Ms Park, Mr Chen and Ms Okafor`.
    static func and(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}

extension StateStore.RecordedCheck {
    /// The result and the note as a teacher or family reads them: `not yet: three of four`.
    var outcome: String { (result == "mastered" ? "mastered" : "not yet") + (note.isEmpty ? "" : ": " + note) }
}
