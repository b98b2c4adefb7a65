import Foundation

/// Reads a 1EdTech OneRoster 1.1 or 1.2 CSV bulk export (the folder of `manifest.csv`, `orgs.csv`,
/// `courses.csv`, `classes.csv`, `users.csv`, `enrollments.csv`, …) that student information
/// systems write: the teachers and students with their ids and names, and what each takes or teaches.
///
/// A class's subject is its `subjects` value, else its course's `subjects`, else the course's title.
/// Students take the subjects of the classes they are enrolled in; teachers teach those of theirs.
/// OneRoster has no timetable: the week gets `flexPeriods` flex periods a day (F1, F2, …) and no
/// fixed commitments. Rooms come from the classes' `location`; students' current objectives from a
/// separate CSV (`student,subject,objective`), else the synthetic steps or each progression's start.
public enum OneRosterImporter {
    public static func read(
        _ folder: String, school schoolID: String?, current: String?, flexPeriods: Int, options: ImportOptions
    ) throws -> ImportedSchool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ImportError(.start(of: folder), "\(folder) is not a folder; a OneRoster export is a folder of CSV files")
        }
        var reader = Reader(folder: folder, options: options)
        try reader.readManifest()
        try reader.readOrgs(schoolID)
        try reader.readCourses()
        try reader.readClasses()
        try reader.readUsers()
        try reader.readEnrollments()
        reader.makeCalendar(flexPeriods: flexPeriods)
        reader.school.ensureRooms(capacity: options.roomCapacity)
        if let current { try reader.readCurrent(current, steps: options.objectivesPerSubject) }
        return reader.school
    }

    private struct Reader {
        let folder: String
        let options: ImportOptions
        var school: ImportedSchool
        var version = "1.1"
        var chosenSchool: String?
        var courseSubject: [String: String] = [:]
        /// Each class: its subject id and its room.
        var classes: [String: (subject: String, room: Int?)] = [:]
        /// Homeroom classes (by sourcedId) with their room, and who is enrolled in them.
        var homerooms: [String: Int?] = [:]
        var homeroomTeacher: [String: String] = [:], homeroomOf: [String: String] = [:]
        var subjectIDs = IdentifierMaker()
        var subjectByName: [String: String] = [:]
        var users: [String: (name: String, grade: String, identifier: String)] = [:]
        var userOrder: [String] = []
        var teacherIndex: [String: Int] = [:]
        var studentIndex: [String: Int] = [:]

        init(folder: String, options: ImportOptions) {
            self.folder = folder
            self.options = options
            school = ImportedSchool(name: URL(fileURLWithPath: folder).lastPathComponent, source: "OneRoster export \(URL(fileURLWithPath: folder).lastPathComponent)", file: folder)
            for reserved in ImportedScenarioWriter.reservedColumns { subjectIDs.reserve(reserved) }
        }

        mutating func readManifest() throws {
            guard let manifest = try OneRosterTable.read(folder, "manifest.csv", required: ["propertyName", "value"], mandatory: false) else {
                school.report.assume("no manifest.csv: read as OneRoster 1.1 bulk files")
                return
            }
            for row in manifest.rows {
                let property = row["propertyName"], value = row["value"].lowercased()
                if property == "oneroster.version" {
                    guard ["1.0", "1.1", "1.2"].contains(value) else {
                        throw ImportError(row.location("value"), "OneRoster version \(value) is not read; Pacer reads 1.1 and 1.2")
                    }
                    version = value
                }
                if property.hasPrefix("file."), value == "delta" {
                    throw ImportError(row.location("value"), "\(property.dropFirst(5)).csv is a delta (changes since an earlier export); export in bulk")
                }
            }
        }

        mutating func readOrgs(_ wanted: String?) throws {
            let orgs = try OneRosterTable.read(folder, "orgs.csv", required: ["sourcedId", "name", "type"], mandatory: false)
            let schools = (orgs?.rows ?? []).filter { $0.isActive && $0["type"].lowercased() == "school" }
            if let wanted {
                guard let found = schools.first(where: { $0["sourcedId"] == wanted || $0["identifier"] == wanted }) else {
                    throw ImportError(.start(of: folder + "/orgs.csv"), "no school \(wanted) in orgs.csv; schools: \(schools.map { "\($0["sourcedId"]) (\($0["name"]))" }.joined(separator: ", "))")
                }
                chosenSchool = found["sourcedId"]
                school.name = found["name"]
            } else if schools.count > 1 {
                throw ImportError(.start(of: folder + "/orgs.csv"), "the export holds \(schools.count) schools; choose one with --school: \(schools.map { "\($0["sourcedId"]) (\($0["name"]))" }.joined(separator: ", "))")
            } else if let only = schools.first {
                chosenSchool = only["sourcedId"]
                school.name = only["name"]
            }
            school.source = "OneRoster \(version) export \(URL(fileURLWithPath: folder).lastPathComponent)"
        }

        mutating func subjectID(_ name: String) -> String {
            if let id = subjectByName[name] { return id }
            let id = subjectIDs.id(for: name, fallback: "SUBJECT\(subjectByName.count + 1)")
            subjectByName[name] = id
            school.subjects.append(.init(id: id, name: name))
            return id
        }

        mutating func readCourses() throws {
            let courses = try OneRosterTable.read(folder, "courses.csv", required: ["sourcedId", "title"], mandatory: true)!
            for row in courses.rows where row.isActive {
                courseSubject[row["sourcedId"]] = row.list("subjects").first ?? row["title"]
            }
        }

        mutating func readClasses() throws {
            let table = try OneRosterTable.read(folder, "classes.csv", required: ["sourcedId", "title", "courseSourcedId"], mandatory: true)!
            var roomIDs = IdentifierMaker()
            var roomByName: [String: Int] = [:]
            var otherSchool = 0, withPeriods = 0, homeroomCount = 0
            func room(at location: String) -> Int? {
                guard !location.isEmpty else { return nil }
                if let index = roomByName[location] { return index }
                roomByName[location] = school.rooms.count
                school.rooms.append(.init(id: roomIDs.id(for: location, fallback: "R\(school.rooms.count + 1)"), name: location, capacity: options.roomCapacity))
                return school.rooms.count - 1
            }
            for row in table.rows where row.isActive {
                if row["classType"].lowercased() == "homeroom" {
                    homeroomCount += 1
                    homerooms[row["sourcedId"]] = room(at: row["location"])
                    continue
                }
                if let chosenSchool, !row["schoolSourcedId"].isEmpty, row["schoolSourcedId"] != chosenSchool {
                    otherSchool += 1
                    continue
                }
                let course = row["courseSourcedId"]
                let fromCourse: String
                if course.isEmpty {
                    fromCourse = row["title"]
                } else if let subject = courseSubject[course] {
                    fromCourse = subject
                } else {
                    throw ImportError(row.location("courseSourcedId"), "class \(row["sourcedId"]) names unknown course \(course)")
                }
                let subject = subjectID(row.list("subjects").first ?? fromCourse)
                let room = room(at: row["location"])
                if !row["periods"].isEmpty { withPeriods += 1 }
                classes[row["sourcedId"]] = (subject, room)
            }
            if homeroomCount > 0 {
                school.report.skip("homeroom class", reason: "a homeroom is no subject to run workshops in; its room and teacher become its students' home base", count: homeroomCount)
            }
            if otherSchool > 0 { school.report.skip("class of another school", reason: "not the school chosen", count: otherSchool) }
            if withPeriods > 0 {
                school.report.skip("class periods", reason: "OneRoster gives them no day or clock, so they cannot be placed around", count: withPeriods)
            }
            if !school.rooms.isEmpty { school.report.assume("rooms from classes' location: \(options.roomCapacity) seats each (--room-capacity)") }
            school.report.count("classes", classes.count)
            school.report.count("subjects", school.subjects.count)
            school.report.renamed("subjects", subjectIDs)
            school.report.renamed("rooms", roomIDs)
        }

        mutating func readUsers() throws {
            let table = try OneRosterTable.read(folder, "users.csv", required: ["sourcedId", "givenName", "familyName"], mandatory: true)!
            for row in table.rows where row.isActive {
                let id = row["sourcedId"]
                guard !id.isEmpty else { throw ImportError(row.location("sourcedId"), "a user without sourcedId") }
                guard users[id] == nil else { throw ImportError(row.location("sourcedId"), "user \(id) is listed twice") }
                let given = row["preferredGivenName"].isEmpty ? row["givenName"] : row["preferredGivenName"]
                let family = row["preferredFamilyName"].isEmpty ? row["familyName"] : row["preferredFamilyName"]
                let name = [given, family].filter { !$0.isEmpty }.joined(separator: " ")
                users[id] = (name.isEmpty ? id : name, row.list("grades").first ?? "", row["identifier"])
                userOrder.append(id)
            }
        }

        mutating func readEnrollments() throws {
            let table = try OneRosterTable.read(folder, "enrollments.csv", required: ["classSourcedId", "userSourcedId", "role"], mandatory: true)!
            var teacherIDs = IdentifierMaker(), studentIDs = IdentifierMaker()
            var otherRoles = 0, elsewhere = 0
            for row in table.rows where row.isActive {
                let user = row["userSourcedId"], role = row["role"].lowercased()
                guard let info = users[user] else {
                    throw ImportError(row.location("userSourcedId"), "enrollment of unknown user \(user)")
                }
                if homerooms[row["classSourcedId"]] != nil {
                    if role == "teacher" { homeroomTeacher[row["classSourcedId"]] = user }
                    if role == "student" { homeroomOf[user] = row["classSourcedId"] }
                    continue
                }
                guard let enrolled = classes[row["classSourcedId"]] else {
                    elsewhere += 1
                    continue
                }
                let readable = info.identifier.isEmpty ? user : info.identifier
                switch role {
                case "teacher":
                    if teacherIndex[user] == nil {
                        teacherIndex[user] = school.teachers.count
                        school.teachers.append(.init(id: teacherIDs.id(for: readable, fallback: "T\(school.teachers.count + 1)"), name: info.name))
                    }
                    let index = teacherIndex[user]!
                    if !school.teachers[index].subjects.contains(enrolled.subject) { school.teachers[index].subjects.append(enrolled.subject) }
                case "student":
                    if studentIndex[user] == nil {
                        studentIndex[user] = school.students.count
                        var student = ImportedSchool.Person(id: studentIDs.id(for: readable, fallback: "S\(school.students.count + 1)"), name: info.name)
                        student.grade = info.grade
                        school.students.append(student)
                    }
                    let index = studentIndex[user]!
                    if !school.students[index].subjects.contains(enrolled.subject) { school.students[index].subjects.append(enrolled.subject) }
                default:
                    otherRoles += 1
                }
            }
            if otherRoles > 0 { school.report.skip("enrollment of another role", reason: "only teachers and students take part in workshops", count: otherRoles) }
            if elsewhere > 0 { school.report.skip("enrollment in a class not read", reason: "the class is inactive, unknown or of another school", count: elsewhere) }
            readHomeBases()
            let unenrolled = userOrder.filter { teacherIndex[$0] == nil && studentIndex[$0] == nil }.count
            if unenrolled > 0 { school.report.skip("user without enrollment", reason: "enrolled in no class read", count: unenrolled) }
            school.report.count("teachers", school.teachers.count)
            school.report.count("students", school.students.count)
            school.report.renamed("teachers", teacherIDs)
            school.report.renamed("students", studentIDs)
        }

        /// A student's homeroom gives their home base: its location as `home_room`, its teacher (when
        /// they teach a class read, so that they are in the scenario) as `home_adult`.
        mutating func readHomeBases() {
            var bases = 0
            for user in homeroomOf.keys.sorted() {
                guard let s = studentIndex[user], let homeroom = homeroomOf[user] else { continue }
                if let r = homerooms[homeroom] ?? nil { school.students[s].homeRoom = school.rooms[r].id }
                if let teacher = homeroomTeacher[homeroom].flatMap({ teacherIndex[$0] }) { school.students[s].homeAdult = school.teachers[teacher].id }
                if school.students[s].homeRoom != nil || school.students[s].homeAdult != nil { bases += 1 }
            }
            if bases > 0 { school.report.assume("homerooms: their location is their students' home_room and their teacher the home_adult (\(bases) students)") }
        }

        mutating func makeCalendar(flexPeriods: Int) {
            school.days = ["Mon", "Tue", "Wed", "Thu", "Fri"].map { .init(id: $0, name: $0) }
            let labels = (1...flexPeriods).map { "F\($0)" }
            let (times, _) = PeriodTimes.times(for: labels)
            school.periods = labels.enumerated().map { .init(id: $0.element, label: $0.element, start: times[$0.offset].start, end: times[$0.offset].end, flex: true) }
            school.report.assume("OneRoster has no timetable: Monday to Friday with \(flexPeriods) flex periods a day (--flex-periods)")
        }

        /// `student,subject,objective`: the student's OneRoster sourcedId or identifier, the subject
        /// as OneRoster names it or its Pacer id, and the objective as a Pacer id (`Mathematics.3`)
        /// or a step number.
        mutating func readCurrent(_ path: String, steps: Int) throws {
            let table = try OneRosterTable.csv(path)
            let header = table.header.fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
            guard header == ["student", "subject", "objective"] else {
                throw ImportError(table.header.location, "the header must be student,subject,objective")
            }
            var byIdentifier: [String: Int] = [:]
            for (user, index) in studentIndex {
                byIdentifier[user] = index
                if let identifier = users[user]?.identifier, !identifier.isEmpty { byIdentifier[identifier] = index }
            }
            for record in table.records {
                guard record.fields.count == 3 else {
                    throw ImportError(record.location, "this row has \(record.fields.count) fields, the header 3")
                }
                let value = record.fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
                guard let student = byIdentifier[value[0]] else {
                    throw ImportError(record.fields[0].location, "unknown student \(value[0]) (not enrolled as a student in the export)")
                }
                guard let subject = subjectByName[value[1]] ?? school.subjects.first(where: { $0.id == value[1] })?.id else {
                    throw ImportError(record.fields[1].location, "unknown subject \(value[1]); subjects: \(school.subjects.map(\.name).joined(separator: ", "))")
                }
                var step: Int?
                if let number = Int(value[2]) { step = number - 1 }
                else if value[2].hasPrefix(subject + "."), let number = Int(value[2].dropFirst(subject.count + 1)) { step = number - 1 }
                guard let step, (0..<steps).contains(step) else {
                    throw ImportError(record.fields[2].location, "objective \(value[2]) is not \(subject).1 to \(subject).\(steps) or a step from 1 to \(steps)")
                }
                guard school.students[student].subjects.contains(subject) else {
                    throw ImportError(record.fields[1].location, "student \(value[0]) is enrolled in no \(value[1]) class")
                }
                school.students[student].steps[subject] = step
            }
            school.report.count("current objectives", table.records.count)
        }
    }
}
