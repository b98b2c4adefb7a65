import Foundation

/// Reads a FET file (https://lalescu.ro/liviu/fet/): the calendar, subjects, teachers with their
/// qualified subjects, rooms, the students' years, groups and subgroups, and the lessons FET has
/// placed (a timetable FET generated, or lessons locked by a starting-time constraint), with
/// teachers', students' and rooms' not-available times and break times.
///
/// Placed lessons and not-available times become fixed commitments (`unavailable` blocks), so
/// workshops land only where people and rooms are free. Every other FET constraint is a rule for how
/// FET places lessons; it is counted in the report and not used.
public enum FETImporter {
    public static func read(_ path: String, flex: FlexSelection, options: ImportOptions) throws -> ImportedSchool {
        let root = try MarkupTree.read(path)
        guard root.name == "fet" else {
            throw ImportError(root.location, "not a FET file: the root element is <\(root.name)>, expected <fet>")
        }
        var reader = Reader(path: path, root: root, options: options)
        return try reader.read(flex: flex)
    }

    private struct Reader {
        let path: String
        let root: MarkupElement
        let options: ImportOptions
        var school: ImportedSchool
        var dayNames: [String] = []
        var hourNames: [String] = []
        var teacherIndex: [String: Int] = [:]
        var subjectID: [String: String] = [:]
        var roomIndex: [String: Int] = [:]
        /// Each students set's name, to the atomic sets (subgroups, or groups and years without
        /// subdivisions) it covers.
        var atomicSets: [String: [String]] = [:]
        /// Each atomic set's students, as indices into `school.students`.
        var members: [String: [Int]] = [:]

        init(path: String, root: MarkupElement, options: ImportOptions) {
            self.path = path
            self.root = root
            self.options = options
            let name = root.text(of: "Institution_Name") ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            school = ImportedSchool(name: name, source: "FET file \(URL(fileURLWithPath: path).lastPathComponent)", file: path)
        }

        func required(_ parent: MarkupElement, _ name: String) throws -> MarkupElement {
            guard let element = parent.child(name) else {
                throw ImportError(parent.location, "<\(parent.name)> has no <\(name)>")
            }
            return element
        }

        func name(of element: MarkupElement) throws -> String {
            guard let name = element.exactText(of: "Name") else {
                throw ImportError(element.location, "<\(element.name)> has no <Name>")
            }
            return name
        }

        mutating func read(flex: FlexSelection) throws -> ImportedSchool {
            try readCalendar()
            try readSubjects()
            try readTeachers()
            try readRooms()
            try readStudents()
            let (placed, lessons) = try readActivitiesAndConstraints()
            try flex.apply(to: &school, dayNames: dayNames, hourNames: hourNames, placedLessons: placed, lessons: lessons)
            school.ensureRooms(capacity: options.roomCapacity)
            return school
        }

        // MARK: calendar

        mutating func readCalendar() throws {
            let days = try required(root, "Days_List").children("Day")
            let hours = try required(root, "Hours_List").children("Hour")
            guard !days.isEmpty else { throw ImportError(root.location, "the file has no days") }
            guard !hours.isEmpty else { throw ImportError(root.location, "the file has no hours") }
            var ids = IdentifierMaker(dashAllowed: false)
            for day in days {
                let name = try name(of: day)
                guard !dayNames.contains(name) else { throw ImportError(day.location, "day \(name) is listed twice") }
                dayNames.append(name)
                school.days.append(.init(id: ids.id(for: name, fallback: "D\(dayNames.count)"), name: name))
            }
            for hour in hours {
                let name = try name(of: hour)
                guard !hourNames.contains(name) else { throw ImportError(hour.location, "hour \(name) is listed twice") }
                hourNames.append(name)
            }
            let (times, fromNames) = PeriodTimes.times(for: hourNames)
            if !fromNames { school.report.assume("hour names are not clock times: periods laid out from 08:00 in equal slots") }
            for (i, name) in hourNames.enumerated() {
                // A period id must differ from every day id. A numeric hour name reads better as H1,
                // and a clock range (`08:00-08:45`) as its start (`08:00`).
                let preferred = Int(name) != nil ? "H\(name)" : fromNames ? clockText(times[i].start) : name
                school.periods.append(.init(
                    id: ids.id(for: preferred, fallback: "H\(i + 1)"), label: name,
                    start: times[i].start, end: times[i].end))
            }
            school.report.count("days", days.count)
            school.report.count("hours", hours.count)
            school.report.renamed("days and hours", ids)
        }

        func block(_ element: MarkupElement, day dayKey: String = "Day", hour hourKey: String = "Hour") throws -> ImportedSchool.Block {
            guard let day = element.exactText(of: dayKey), let hour = element.exactText(of: hourKey) else {
                throw ImportError(element.location, "<\(element.name)> needs <\(dayKey)> and <\(hourKey)>")
            }
            guard let d = dayNames.firstIndex(of: day) else { throw ImportError(element.location, "unknown day \(day)") }
            guard let h = hourNames.firstIndex(of: hour) else { throw ImportError(element.location, "unknown hour \(hour)") }
            return .init(day: d, period: h)
        }

        // MARK: people and rooms

        mutating func readSubjects() throws {
            var ids = IdentifierMaker()
            for reserved in ImportedScenarioWriter.reservedColumns { ids.reserve(reserved) }
            for subject in root.child("Subjects_List")?.children("Subject") ?? [] {
                let name = try name(of: subject)
                guard subjectID[name] == nil else { throw ImportError(subject.location, "subject \(name) is listed twice") }
                let id = ids.id(for: name, fallback: "SUBJECT\(subjectID.count + 1)")
                subjectID[name] = id
                school.subjects.append(.init(id: id, name: name))
            }
            school.report.count("subjects", school.subjects.count)
            school.report.renamed("subjects", ids)
        }

        mutating func readTeachers() throws {
            var ids = IdentifierMaker()
            for teacher in root.child("Teachers_List")?.children("Teacher") ?? [] {
                let name = try name(of: teacher)
                guard teacherIndex[name] == nil else { throw ImportError(teacher.location, "teacher \(name) is listed twice") }
                var person = ImportedSchool.Person(id: ids.id(for: name, fallback: "T\(teacherIndex.count + 1)"), name: name)
                for qualified in teacher.child("Qualified_Subjects")?.children("Qualified_Subject") ?? [] {
                    guard let subject = subjectID[qualified.text] else {
                        throw ImportError(qualified.location, "teacher \(name) is qualified for unknown subject \(qualified.text)")
                    }
                    if !person.subjects.contains(subject) { person.subjects.append(subject) }
                }
                teacherIndex[name] = school.teachers.count
                school.teachers.append(person)
            }
            school.report.count("teachers", school.teachers.count)
            school.report.renamed("teachers", ids)
        }

        mutating func readRooms() throws {
            var ids = IdentifierMaker()
            for room in root.child("Rooms_List")?.children("Room") ?? [] {
                let name = try name(of: room)
                if room.text(of: "Virtual") == "true" {
                    school.report.skip("virtual room", reason: "a FET virtual room stands for several real rooms; only real rooms host workshops")
                    continue
                }
                guard roomIndex[name] == nil else { throw ImportError(room.location, "room \(name) is listed twice") }
                var capacity = options.roomCapacity
                if let text = room.text(of: "Capacity") {
                    guard let value = Int(text), value >= 0 else {
                        throw ImportError(room.child("Capacity")!.location, "room \(name): capacity \(text) is not a whole number")
                    }
                    if value > 0 { capacity = min(value, 10_000) }
                    if value > 10_000 { school.report.assume("room capacities above 10000 (FET's 'unlimited') read as 10000") }
                }
                roomIndex[name] = school.rooms.count
                school.rooms.append(.init(id: ids.id(for: name, fallback: "R\(roomIndex.count)"), name: name, capacity: capacity))
            }
            school.report.count("rooms", school.rooms.count)
            school.report.renamed("rooms", ids)
        }

        /// Years hold groups, groups hold subgroups; the students are made per atomic set.
        mutating func readStudents() throws {
            var atomicOrder: [(name: String, grade: String, count: Int)] = []
            var seenAtomic: Set<String> = []
            func headCount(_ element: MarkupElement) throws -> Int {
                guard let text = element.text(of: "Number_of_Students") else { return 0 }
                guard let value = Int(text), (0...100_000).contains(value) else {
                    throw ImportError(element.location, "Number_of_Students \(text) is not a whole number from 0 to 100000")
                }
                return value
            }
            func addAtomic(_ name: String, grade: String, count: Int) {
                if seenAtomic.insert(name).inserted { atomicOrder.append((name, grade, count)) }
            }
            for year in root.child("Students_List")?.children("Year") ?? [] {
                let yearName = try name(of: year)
                var yearSets: [String] = []
                let groups = year.children("Group")
                if groups.isEmpty {
                    addAtomic(yearName, grade: yearName, count: try headCount(year))
                    yearSets = [yearName]
                }
                for group in groups {
                    let groupName = try name(of: group)
                    let subgroups = group.children("Subgroup")
                    var groupSets: [String] = []
                    if subgroups.isEmpty {
                        addAtomic(groupName, grade: yearName, count: try headCount(group))
                        groupSets = [groupName]
                    }
                    for subgroup in subgroups {
                        let subgroupName = try name(of: subgroup)
                        addAtomic(subgroupName, grade: yearName, count: try headCount(subgroup))
                        groupSets.append(subgroupName)
                        atomicSets[subgroupName, default: []].append(subgroupName)
                    }
                    atomicSets[groupName, default: []] += groupSets
                    yearSets += groupSets
                }
                atomicSets[yearName, default: []] += yearSets
            }
            var ids = IdentifierMaker()
            var assumed = 0
            for set in atomicOrder {
                var count = set.count
                if count == 0 { count = options.studentsPerGroup; assumed += 1 }
                let setID = ids.id(for: set.name, fallback: "SET\(members.count + 1)")
                let width = String(count).count
                for n in 1...count {
                    let number = String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
                    members[set.name, default: []].append(school.students.count)
                    var student = ImportedSchool.Person(id: "\(setID)-\(number)", name: "\(set.name) student \(number)")
                    student.grade = set.grade
                    school.students.append(student)
                }
            }
            school.report.renamed("students sets (students are SET-01, SET-02, …)", ids)
            if assumed > 0 {
                school.report.assume("\(assumed) students set\(assumed == 1 ? " gives" : "s give") no head count: \(options.studentsPerGroup) students each (--students-per-group)")
            }
            guard school.students.count <= 200_000 else {
                throw ImportError(root.location, "the file makes \(school.students.count) students; Pacer imports at most 200000")
            }
            school.report.count("students sets", atomicOrder.count)
            school.report.count("students", school.students.count)
        }

        // MARK: activities and constraints

        struct Activity {
            var teachers: [Int]
            var subject: String?
            var sets: [String]
            var duration: Int
            var element: MarkupElement
        }

        /// Reads lessons and the constraints that fix them; returns how many lessons are placed, of how many.
        mutating func readActivitiesAndConstraints() throws -> (placed: Int, lessons: Int) {
            var activities: [Int: Activity] = [:]
            var inactive = 0
            for element in root.child("Activities_List")?.children("Activity") ?? [] {
                guard let idText = element.text(of: "Id"), let id = Int(idText) else {
                    throw ImportError(element.location, "<Activity> has no whole-number <Id>")
                }
                if element.text(of: "Active") == "false" { inactive += 1; continue }
                let durationText = element.text(of: "Duration") ?? "1"
                guard let duration = Int(durationText), (1...hourNames.count).contains(duration) else {
                    throw ImportError(element.location, "activity \(id): duration \(durationText) is not 1 to \(hourNames.count) hours")
                }
                var teachers: [Int] = []
                for teacher in element.children("Teacher") {
                    guard let index = teacherIndex[teacher.text] else {
                        throw ImportError(teacher.location, "activity \(id): unknown teacher \(teacher.text)")
                    }
                    teachers.append(index)
                }
                var sets: [String] = []
                for students in element.children("Students") {
                    guard let atomic = atomicSets[students.text] else {
                        throw ImportError(students.location, "activity \(id): unknown students set \(students.text)")
                    }
                    sets += atomic
                }
                var subject: String?
                if let name = element.exactText(of: "Subject") {
                    guard let id = subjectID[name] else { throw ImportError(element.location, "activity \(id): unknown subject \(name)") }
                    subject = id
                }
                activities[id] = Activity(teachers: teachers, subject: subject, sets: sets, duration: duration, element: element)
                // Who takes and who teaches what: from the lessons.
                if let subject {
                    for teacher in teachers where !school.teachers[teacher].subjects.contains(subject) {
                        school.teachers[teacher].subjects.append(subject)
                    }
                    for set in sets {
                        for student in members[set] ?? [] where !school.students[student].subjects.contains(subject) {
                            school.students[student].subjects.append(subject)
                        }
                    }
                }
            }
            school.report.count("activities", activities.count)
            if inactive > 0 { school.report.skip("inactive activity", reason: "switched off in FET", count: inactive) }

            var startTimes: [Int: ImportedSchool.Block] = [:]
            var roomOf: [Int: Int] = [:]
            for constraint in root.child("Time_Constraints_List")?.children ?? [] {
                try readTimeConstraint(constraint, activities: activities, startTimes: &startTimes)
            }
            for constraint in root.child("Space_Constraints_List")?.children ?? [] {
                try readSpaceConstraint(constraint, activities: activities, roomOf: &roomOf)
            }

            // Placed lessons take their teachers, students and room for their whole duration.
            var overflowing = 0
            for (id, start) in startTimes {
                guard let activity = activities[id] else { continue }
                guard start.period + activity.duration <= hourNames.count else {
                    overflowing += 1
                    continue
                }
                for hour in start.period..<(start.period + activity.duration) {
                    let block = ImportedSchool.Block(day: start.day, period: hour)
                    for teacher in activity.teachers { school.teachers[teacher].busy.insert(block) }
                    for set in activity.sets { for student in members[set] ?? [] { school.students[student].busy.insert(block) } }
                    if let room = roomOf[id] { school.rooms[room].busy.insert(block) }
                }
            }
            if overflowing > 0 {
                school.report.skip("placed activity past the day's end", reason: "starts too late for its duration", count: overflowing)
            }
            let unplaced = activities.count - startTimes.count
            if unplaced > 0 {
                school.report.skip("activity without a fixed time", reason: "FET has not placed it, so it is no fixed commitment", count: unplaced)
            }
            school.report.count("placed activities", startTimes.count)
            return (startTimes.count, activities.count)
        }

        /// Whether a constraint is active and compulsory; otherwise it is counted as skipped.
        func isHard(_ constraint: MarkupElement, report: inout ImportReport) -> Bool {
            if constraint.text(of: "Active") == "false" {
                report.skip(constraint.name + " (inactive)", reason: "switched off in FET")
                return false
            }
            if let weight = constraint.text(of: "Weight_Percentage"), Double(weight) != 100 {
                report.skip(constraint.name + " (below 100 %)", reason: "a preference, not a fixed commitment")
                return false
            }
            return true
        }

        /// The activity a constraint is about; nil when it is not an active one.
        func activityID(_ constraint: MarkupElement, in activities: [Int: Activity]) throws -> Int? {
            guard let text = constraint.text(of: "Activity_Id"), let id = Int(text) else {
                throw ImportError(constraint.location, "<\(constraint.name)> has no whole-number <Activity_Id>")
            }
            return activities[id] == nil ? nil : id
        }

        mutating func readTimeConstraint(_ constraint: MarkupElement, activities: [Int: Activity], startTimes: inout [Int: ImportedSchool.Block]) throws {
            switch constraint.name {
            case "ConstraintBasicCompulsoryTime":
                return
            case "ConstraintActivityPreferredStartingTime":
                guard isHard(constraint, report: &school.report), let id = try activityID(constraint, in: activities) else { return }
                guard constraint.exactText(of: "Preferred_Day") != nil, constraint.exactText(of: "Preferred_Hour") != nil else {
                    school.report.skip(constraint.name + " (day or hour only)", reason: "fixes the day or the hour, not both")
                    return
                }
                startTimes[id] = try block(constraint, day: "Preferred_Day", hour: "Preferred_Hour")
            case "ConstraintTeacherNotAvailableTimes":
                guard isHard(constraint, report: &school.report) else { return }
                guard let name = constraint.exactText(of: "Teacher"), let index = teacherIndex[name] else {
                    throw ImportError(constraint.location, "<\(constraint.name)> names no known <Teacher>")
                }
                for time in constraint.children("Not_Available_Time") { school.teachers[index].busy.insert(try block(time)) }
            case "ConstraintStudentsSetNotAvailableTimes":
                guard isHard(constraint, report: &school.report) else { return }
                guard let name = constraint.exactText(of: "Students"), let sets = atomicSets[name] else {
                    throw ImportError(constraint.location, "<\(constraint.name)> names no known <Students> set")
                }
                let blocks = try constraint.children("Not_Available_Time").map { try block($0) }
                for set in sets { for student in members[set] ?? [] { school.students[student].busy.formUnion(blocks) } }
            case "ConstraintBreakTimes":
                guard isHard(constraint, report: &school.report) else { return }
                for time in constraint.children("Break_Time") { school.closed.insert(try block(time)) }
            default:
                school.report.skip(constraint.name, reason: "a rule for how FET places lessons; placed lessons are kept as they are")
            }
        }

        mutating func readSpaceConstraint(_ constraint: MarkupElement, activities: [Int: Activity], roomOf: inout [Int: Int]) throws {
            switch constraint.name {
            case "ConstraintBasicCompulsorySpace":
                return
            case "ConstraintActivityPreferredRoom":
                guard isHard(constraint, report: &school.report), let id = try activityID(constraint, in: activities),
                      let name = constraint.exactText(of: "Room") else { return }
                if let room = roomIndex[name] {
                    roomOf[id] = room
                } else {
                    school.report.skip("lesson in a virtual room", reason: "the real rooms FET chose inside a virtual room are not read")
                }
            case "ConstraintRoomNotAvailableTimes":
                guard isHard(constraint, report: &school.report) else { return }
                guard let name = constraint.exactText(of: "Room") else {
                    throw ImportError(constraint.location, "<\(constraint.name)> has no <Room>")
                }
                guard let index = roomIndex[name] else {
                    school.report.skip(constraint.name + " (virtual room)", reason: "virtual rooms host no workshops")
                    return
                }
                for time in constraint.children("Not_Available_Time") { school.rooms[index].busy.insert(try block(time)) }
            default:
                school.report.skip(constraint.name, reason: "a rule for where FET places lessons; placed lessons keep their rooms")
            }
        }
    }
}
