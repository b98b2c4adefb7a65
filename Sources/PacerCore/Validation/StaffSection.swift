extension ScenarioBuilder {
    static let teacherKeys = ["id", "name", "teaches", "unavailable", "max_sessions_per_day", "max_in_a_row", "home_room"]
    static let roomKeys = ["id", "name", "capacity", "features", "unavailable"]

    func buildRooms(_ items: [SourceNode], blocks: BlockResolver) -> [Room] {
        var rooms: [Room] = []
        for item in items {
            guard let fields = Fields(item, what: "room", allowed: Self.roomKeys, log: log),
                  let id = fields.identifier("id", required: true) else { continue }
            let roomID = RoomID(rawValue: id.value)
            guard claim(roomID, id, kind: "room", in: &roomLocations) else { continue }
            let what = "room \(id.value)"
            let capacity = fields.int("capacity", range: 1...10_000, required: true)?.value ?? 1
            let features = Set(fields.strings("features").filter { Fields.checkIdentifier($0, log: log) }.map { Feature(rawValue: $0.value) })
            rooms.append(Room(
                id: roomID, name: fields.personText("name", .name, of: what)?.value ?? id.value, capacity: capacity,
                features: features.sorted(),
                unavailable: blocks.resolve(fields.strings("unavailable"), owner: what, log: log)))
        }
        return rooms
    }

    func buildTeachers(_ items: [SourceNode], subjects: [Subject], blocks: BlockResolver, flexPerDay: Int) -> [Teacher] {
        var teachers: [Teacher] = []
        for item in items {
            guard let fields = Fields(item, what: "teacher", allowed: Self.teacherKeys, log: log),
                  let id = fields.identifier("id", required: true) else { continue }
            let teacherID = TeacherID(rawValue: id.value)
            guard claim(teacherID, id, kind: "teacher", in: &teacherLocations) else { continue }
            let what = "teacher \(id.value)"
            var canTeach = Set<ObjectiveID>()
            for entry in fields.strings("teaches") {
                let matches = objectives(matching: entry.value, in: subjects)
                if matches.isEmpty {
                    log.error(entry.location,
                              "unknown objective or subject '\(printable(entry.value))' in what \(what) teaches; write a subject id, an objective id, or a prefix ending in * (MATH-6.*)")
                }
                canTeach.formUnion(matches)
            }
            if fields.has("home_room") {
                log.warning(fields.keyLocation("home_room"),
                            "home_room of \(what) is not part of the format any more: the planner never used it; remove the line")
            }
            let maxSessions = fields.int("max_sessions_per_day", range: 0...100)?.value ?? flexPerDay
            teachers.append(Teacher(
                id: teacherID, name: fields.personText("name", .name, of: what)?.value ?? id.value, canTeach: canTeach.sorted(),
                unavailable: blocks.resolve(fields.strings("unavailable"), owner: what, log: log),
                maxSessionsPerDay: maxSessions, maxInARow: fields.int("max_in_a_row", range: 1...100)?.value))
        }
        return teachers
    }

    /// A subject id (all its objectives), an objective id, or an objective id prefix ending in `*`.
    private func objectives(matching pattern: String, in subjects: [Subject]) -> [ObjectiveID] {
        if let subject = subjects.first(where: { $0.id.rawValue == pattern }) { return subject.objectives.map(\.id) }
        let all = subjects.flatMap(\.objectives).map(\.id)
        if pattern.hasSuffix("*"), pattern.count > 1 {
            let prefix = pattern.dropLast()
            return all.filter { $0.rawValue.hasPrefix(prefix) }
        }
        return all.filter { $0.rawValue == pattern }
    }
}
