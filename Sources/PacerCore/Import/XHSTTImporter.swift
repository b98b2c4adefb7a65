import Foundation

/// Reads one instance of an XHSTT-2014 archive (the high school timetabling benchmark format) and
/// one of its known solutions: times grouped into days, teachers, rooms, classes and students, and
/// the events the solution placed. Placed events become fixed commitments of every resource they
/// use; the other times become candidate flex blocks (`--flex all` by default).
///
/// The archive has no subjects to run workshops in or mastery data, so the scenario gets three
/// subjects (Mathematics, English language arts, Science), teacher number i teaches subject
/// i mod 3, every student takes all three, and students stand at synthetic steps
/// (`ObjectiveSynthesis`, seed 1 unless `--synthetic-objectives` says otherwise).
public enum XHSTTImporter {
    /// What a resource type is taken to be, from its id or name.
    enum Kind { case teacher, room, studentClass, student }

    public static func read(
        _ path: String, instance instanceID: String?, solution: String?, flex: FlexSelection, options: ImportOptions
    ) throws -> ImportedSchool {
        let root = try MarkupTree.read(path)
        guard root.name == "HighSchoolTimetableArchive" else {
            throw ImportError(root.location, "not an XHSTT archive: the root element is <\(root.name)>, expected <HighSchoolTimetableArchive>")
        }
        let instances = root.child("Instances")?.children("Instance") ?? []
        let ids = instances.compactMap { $0.attributes["Id"] }
        guard !instances.isEmpty else { throw ImportError(root.location, "the archive holds no <Instance>") }
        let instance: MarkupElement
        if let instanceID {
            guard let found = instances.first(where: { $0.attributes["Id"] == instanceID }) else {
                throw ImportError(root.location, "no instance \(instanceID); the archive holds \(ids.joined(separator: ", "))")
            }
            instance = found
        } else {
            guard instances.count == 1 else {
                throw ImportError(root.location, "the archive holds \(instances.count) instances (\(ids.joined(separator: ", "))); name one with --instance")
            }
            instance = instances[0]
        }
        var reader = Reader(path: path, root: root, instance: instance, options: options)
        try reader.readTimes()
        try reader.readResources()
        try reader.readEvents()
        let (placed, lessons) = try reader.readSolution(solution)
        try flex.apply(
            to: &reader.school, dayNames: reader.school.days.map(\.name),
            hourNames: reader.school.periods.map(\.label), placedLessons: placed, lessons: lessons)
        reader.school.ensureRooms(capacity: options.roomCapacity)
        reader.assignSubjects()
        return reader.school
    }

    private struct Reader {
        let root: MarkupElement
        let instance: MarkupElement
        let instanceID: String
        let options: ImportOptions
        var school: ImportedSchool
        /// Each time id: its block and its position in the instance's list of times.
        var timeBlock: [String: ImportedSchool.Block] = [:]
        var timeOrder: [String] = []
        var kindOfType: [String: Kind] = [:]
        var teacherIndex: [String: Int] = [:]
        var roomIndex: [String: Int] = [:]
        /// Each class or student resource: its students.
        var students: [String: [Int]] = [:]
        var resourceGroups: [String: [String]] = [:]
        /// Each event: its duration and preassigned resources and time.
        var events: [String: (duration: Int, resources: [String], time: String?, element: MarkupElement)] = [:]
        var eventOrder: [String] = []

        init(path: String, root: MarkupElement, instance: MarkupElement, options: ImportOptions) {
            self.root = root
            self.instance = instance
            self.options = options
            instanceID = instance.attributes["Id"] ?? "?"
            let name = instance.child("MetaData")?.text(of: "Name") ?? instanceID
            school = ImportedSchool(
                name: name, source: "XHSTT instance \(instanceID) in \(URL(fileURLWithPath: path).lastPathComponent)", file: path)
        }

        func reference(_ element: MarkupElement) throws -> String {
            guard let reference = element.attributes["Reference"] else {
                throw ImportError(element.location, "<\(element.name)> has no Reference attribute")
            }
            return reference
        }

        func identifier(_ element: MarkupElement) throws -> String {
            guard let id = element.attributes["Id"], !id.isEmpty else {
                throw ImportError(element.location, "<\(element.name)> has no Id attribute")
            }
            return id
        }

        // MARK: times

        mutating func readTimes() throws {
            guard let times = instance.child("Times") else { throw ImportError(instance.location, "instance \(instanceID) has no <Times>") }
            let dayGroups = times.child("TimeGroups")?.children("Day") ?? []
            var dayIndex: [String: Int] = [:]
            var ids = IdentifierMaker(dashAllowed: false)
            for day in dayGroups {
                let id = try identifier(day)
                dayIndex[id] = school.days.count
                let name = day.text(of: "Name") ?? id
                school.days.append(.init(id: ids.id(for: name, fallback: "D\(school.days.count + 1)"), name: name))
            }
            if school.days.isEmpty { school.days = [.init(id: "Day", name: "Day")] }
            var perDay = Array(repeating: 0, count: school.days.count)
            for time in times.children("Time") {
                let id = try identifier(time)
                guard timeBlock[id] == nil else { throw ImportError(time.location, "time \(id) is listed twice") }
                var day = 0
                if !dayGroups.isEmpty {
                    guard let dayElement = time.child("Day") else {
                        throw ImportError(time.location, "time \(id) belongs to no <Day>, while the instance has days")
                    }
                    let reference = try reference(dayElement)
                    guard let index = dayIndex[reference] else { throw ImportError(dayElement.location, "unknown day \(reference)") }
                    day = index
                }
                timeBlock[id] = .init(day: day, period: perDay[day])
                perDay[day] += 1
                timeOrder.append(id)
            }
            guard let periods = perDay.max(), periods > 0 else { throw ImportError(times.location, "instance \(instanceID) has no times") }
            guard periods <= 48 else { throw ImportError(times.location, "a day has \(periods) times; Pacer imports at most 48 a day") }
            let labels = (1...periods).map { "P\($0)" }
            let (clock, _) = PeriodTimes.times(for: labels)
            for (i, label) in labels.enumerated() {
                school.periods.append(.init(id: ids.id(for: label, fallback: label), label: "\(i + 1)", start: clock[i].start, end: clock[i].end))
            }
            for (day, count) in perDay.enumerated() where count < periods {
                for period in count..<periods { school.closed.insert(.init(day: day, period: period)) }
            }
            school.report.count("days", school.days.count)
            school.report.count("times", timeOrder.count)
            school.report.renamed("days and times", ids)
            school.report.assume("XHSTT times carry no clock: periods laid out from 08:00 in equal slots")
        }

        // MARK: resources

        mutating func readResources() throws {
            guard let resources = instance.child("Resources") else {
                throw ImportError(instance.location, "instance \(instanceID) has no <Resources>")
            }
            for type in resources.child("ResourceTypes")?.children("ResourceType") ?? [] {
                let id = try identifier(type)
                let words = (id + " " + (type.text(of: "Name") ?? "")).lowercased()
                if words.contains("teacher") { kindOfType[id] = .teacher }
                else if words.contains("room") { kindOfType[id] = .room }
                else if words.contains("student") { kindOfType[id] = .student }
                else if words.contains("class") { kindOfType[id] = .studentClass }
            }
            var teacherIDs = IdentifierMaker(), roomIDs = IdentifierMaker(), studentIDs = IdentifierMaker()
            var classes = 0
            for resource in resources.children("Resource") {
                let id = try identifier(resource)
                guard let typeElement = resource.child("ResourceType") else {
                    throw ImportError(resource.location, "resource \(id) has no <ResourceType>")
                }
                let type = try reference(typeElement)
                let name = resource.text(of: "Name") ?? id
                for group in resource.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                    resourceGroups[try reference(group), default: []].append(id)
                }
                switch kindOfType[type] {
                case .teacher:
                    teacherIndex[id] = school.teachers.count
                    school.teachers.append(.init(id: teacherIDs.id(for: name, fallback: "T\(school.teachers.count + 1)"), name: name))
                case .room:
                    roomIndex[id] = school.rooms.count
                    school.rooms.append(.init(id: roomIDs.id(for: name, fallback: "R\(school.rooms.count + 1)"), name: name, capacity: options.roomCapacity))
                case .student:
                    students[id] = [school.students.count]
                    var student = ImportedSchool.Person(id: studentIDs.id(for: name, fallback: "S\(school.students.count + 1)"), name: name)
                    student.grade = ""
                    school.students.append(student)
                case .studentClass:
                    classes += 1
                    let classID = studentIDs.id(for: name, fallback: "C\(classes)")
                    for n in 1...options.studentsPerGroup {
                        let number = n < 10 ? "0\(n)" : "\(n)"
                        students[id, default: []].append(school.students.count)
                        var student = ImportedSchool.Person(id: "\(classID)-\(number)", name: "\(name) student \(number)")
                        student.grade = name
                        school.students.append(student)
                    }
                case nil:
                    school.report.skip("resource of type \(type)", reason: "neither teacher, room, class nor student")
                }
            }
            if classes > 0 {
                school.report.assume("\(classes) class\(classes == 1 ? "" : "es") without head counts: \(options.studentsPerGroup) students each (--students-per-group)")
            }
            if !school.rooms.isEmpty {
                school.report.assume("XHSTT rooms have no capacity: \(options.roomCapacity) seats each (--room-capacity)")
            }
            school.report.count("teachers", school.teachers.count)
            school.report.count("rooms", school.rooms.count)
            if classes > 0 { school.report.count("classes", classes) }
            school.report.count("students", school.students.count)
            school.report.renamed("teachers", teacherIDs)
            school.report.renamed("rooms", roomIDs)
            school.report.renamed("students and classes", studentIDs)
        }

        // MARK: events and the solution

        mutating func readEvents() throws {
            guard let list = instance.child("Events") else { throw ImportError(instance.location, "instance \(instanceID) has no <Events>") }
            for event in list.children("Event") {
                let id = try identifier(event)
                let durationText = event.text(of: "Duration") ?? "1"
                guard let duration = Int(durationText), (1...timeOrder.count).contains(duration) else {
                    throw ImportError(event.location, "event \(id): duration \(durationText) is not 1 to \(timeOrder.count)")
                }
                var resources: [String] = []
                for resource in event.child("Resources")?.children("Resource") ?? [] {
                    if let reference = resource.attributes["Reference"] { resources.append(reference) }
                }
                for group in event.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                    resources += resourceGroups[try reference(group)] ?? []
                }
                let time = try event.child("Time").map(reference)
                events[id] = (duration, resources, time, event)
                eventOrder.append(id)
            }
            school.report.count("events", events.count)
        }

        /// Applies the chosen solution (1-based number among this instance's solutions, or a
        /// solution group's id); returns the events placed in time, of how many.
        mutating func readSolution(_ choice: String?) throws -> (placed: Int, lessons: Int) {
            var solutions: [(group: String, element: MarkupElement)] = []
            for group in root.child("SolutionGroups")?.children("SolutionGroup") ?? [] {
                for solution in group.children("Solution") where solution.attributes["Reference"] == instanceID {
                    solutions.append((group.attributes["Id"] ?? "?", solution))
                }
            }
            guard !solutions.isEmpty else {
                throw ImportError(root.location, "the archive holds no solution of instance \(instanceID); Pacer needs one as the fixed timetable")
            }
            let listing = solutions.enumerated().map { "\($0.offset + 1) (\($0.element.group))" }.joined(separator: ", ")
            let solution: MarkupElement
            let choice = choice ?? "1"
            if let number = Int(choice) {
                guard (1...solutions.count).contains(number) else {
                    throw ImportError(root.location, "no solution \(number) of instance \(instanceID); there are \(listing)")
                }
                solution = solutions[number - 1].element
            } else {
                guard let found = solutions.first(where: { $0.group == choice }) else {
                    throw ImportError(root.location, "no solution group \(choice) for instance \(instanceID); there are \(listing)")
                }
                solution = found.element
            }
            let position = Dictionary(uniqueKeysWithValues: timeOrder.enumerated().map { ($0.element, $0.offset) })
            var placed = 0, unplaced = 0, total = 0
            for entry in solution.child("Events")?.children("Event") ?? [] {
                total += 1
                let id = try reference(entry)
                guard let event = events[id] else { throw ImportError(entry.location, "the solution names unknown event \(id)") }
                let durationText = entry.text(of: "Duration") ?? String(event.duration)
                guard let duration = Int(durationText), duration >= 1 else {
                    throw ImportError(entry.location, "event \(id): duration \(durationText) is not a whole number from 1")
                }
                guard let time = try entry.child("Time").map(reference) ?? event.time else {
                    unplaced += 1
                    continue
                }
                guard let start = position[time] else { throw ImportError(entry.location, "event \(id): unknown time \(time)") }
                var resources = event.resources
                for resource in entry.child("Resources")?.children("Resource") ?? [] {
                    if let reference = resource.attributes["Reference"] { resources.append(reference) }
                }
                placed += 1
                for offset in 0..<duration where start + offset < timeOrder.count {
                    let block = timeBlock[timeOrder[start + offset]]!
                    for resource in resources { occupy(resource, at: block) }
                }
            }
            for constraint in instance.child("Constraints")?.children ?? [] {
                school.report.skip(constraint.name, reason: "a rule for building the timetable; the solution's placement is kept as it is")
            }
            if unplaced > 0 { school.report.skip("solution event without a time", reason: "not placed, so no fixed commitment", count: unplaced) }
            school.report.count("placed events", placed)
            return (placed, total)
        }

        mutating func occupy(_ resource: String, at block: ImportedSchool.Block) {
            if let teacher = teacherIndex[resource] { school.teachers[teacher].busy.insert(block) }
            if let room = roomIndex[resource] { school.rooms[room].busy.insert(block) }
            for student in students[resource] ?? [] { school.students[student].busy.insert(block) }
        }

        /// Three made-up subjects: teacher number i teaches subject i mod 3; every student takes all.
        mutating func assignSubjects() {
            school.subjects = SchoolCatalog.subjects.prefix(3).map { .init(id: $0.id, name: $0.name) }
            let ids = school.subjects.map(\.id)
            for i in school.teachers.indices { school.teachers[i].subjects = [ids[i % ids.count]] }
            for i in school.students.indices { school.students[i].subjects = ids }
            school.report.assume("XHSTT has no subjects for workshops: Mathematics, English language arts and Science, teacher i teaching subject i mod 3")
        }
    }
}
