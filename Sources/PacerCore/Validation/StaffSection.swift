extension ScenarioBuilder {
    static let teacherKeys = ["id", "name", "teaches", "unavailable", "max_sessions_per_day", "max_in_a_row", "home_room", "supervises"]
    static let roomKeys = ["id", "name", "capacity", "features", "unavailable", "study", "workshops"]
    static let supervisorKeys = ["id", "name", "unavailable"]

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
            var room = Room(
                id: roomID, name: fields.personText("name", .name, of: what)?.value ?? id.value, capacity: capacity,
                features: features.sorted(),
                unavailable: blocks.resolve(fields.strings("unavailable"), owner: what, log: log))
            room.studySeats = studySeats(fields, what: what, capacity: capacity)
            room.hostsWorkshops = fields.bool("workshops")?.value ?? true
            rooms.append(room)
        }
        return rooms
    }

    /// `study: true` (seats = capacity), `study: false`, or `study: <seats>` (at most the capacity).
    private func studySeats(_ fields: Fields, what: String, capacity: Int) -> Int? {
        guard let text = fields.string("study") else { return nil }
        roomsMarkStudy = true
        switch text.value.lowercased() {
        case "true", "yes": return capacity
        case "false", "no": return nil
        default:
            guard let seats = Int(text.value), (1...capacity).contains(seats) else {
                log.error(text.location, "'study' of \(what) must be true, false or a number of seats from 1 to its capacity \(capacity), got '\(printable(text.value))'")
                return nil
            }
            return seats
        }
    }

    /// `supervisors:` adults who supervise independent study and run no workshops. Their ids
    /// share one namespace with the teachers' (a study group names its adult by id alone).
    func buildSupervisors(_ items: [SourceNode], blocks: BlockResolver) -> [Supervisor] {
        var supervisors: [Supervisor] = []
        var locations: [SupervisorID: SourceLocation] = [:]
        for item in items {
            guard let fields = Fields(item, what: "supervisor", allowed: Self.supervisorKeys, log: log),
                  let id = fields.identifier("id", required: true) else { continue }
            if let first = teacherLocations[TeacherID(rawValue: id.value)] {
                log.error(id.location, "supervisor id '\(printable(id.value))' is already a teacher's (at \(first)); a study group names its adult by id, so each adult needs their own")
                continue
            }
            // Teachers and supervisors share one namespace, and both get files named after their
            // id (supervision-ID.html, supervision/ID.csv), so case alone may not tell them apart.
            if let (teacherText, first) = foldedIDs["teacher\u{0}" + IdentifierRule.folded(id.value)] {
                log.error(id.location, "supervisor id '\(printable(id.value))' differs from teacher '\(teacherText)' (at \(first)) only by case; exports name files after ids, and many disks do not tell them apart")
                continue
            }
            let supervisorID = SupervisorID(rawValue: id.value)
            guard claim(supervisorID, id, kind: "supervisor", in: &locations) else { continue }
            let what = "supervisor \(id.value)"
            supervisors.append(Supervisor(
                id: supervisorID, name: fields.personText("name", .name, of: what)?.value ?? id.value,
                unavailable: blocks.resolve(fields.strings("unavailable"), owner: what, log: log)))
        }
        return supervisors
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
            var teacher = Teacher(
                id: teacherID, name: fields.personText("name", .name, of: what)?.value ?? id.value, canTeach: canTeach.sorted(),
                unavailable: blocks.resolve(fields.strings("unavailable"), owner: what, log: log),
                maxSessionsPerDay: maxSessions, maxInARow: fields.int("max_in_a_row", range: 1...100)?.value)
            teacher.supervises = fields.bool("supervises")?.value ?? true
            teachers.append(teacher)
        }
        return teachers
    }

    /// What a `teaches` entry names (`Subject.objectives(matching:in:)`).
    private func objectives(matching pattern: String, in subjects: [Subject]) -> [ObjectiveID] {
        Subject.objectives(matching: pattern, in: subjects)
    }
}
