import Foundation

extension ScenarioBuilder {
    /// Columns of students.csv that are not subjects.
    static let reservedColumns = ["id", "name", "grade", "flags", "unavailable", "keep_apart", "pace", "needs", "home_room", "home_adult"]

    /// Reads students.csv: `id,name,grade,<one column per subject>,flags,unavailable,keep_apart,pace,needs`.
    /// Lists inside a cell (flags, blocks, student ids) are separated by `;`.
    /// `homeRooms` and `adults` are the ids a home base may name.
    func buildStudents(file: String, from reference: SourceLocation, subjects: [Subject], blocks: BlockResolver,
                       homeRooms: [RoomID] = [], adults: [AdultID] = []) -> [Student] {
        guard let text = TextFile.read(file, log: log, missing: reference, sources: sources),
              let table = CSVTable.parse(text, file: file, log: log) else { return [] }
        var columns: [String: Int] = [:]
        var subjectColumns: [(Subject, Int)] = []
        for (index, field) in table.header.fields.enumerated() {
            let name = field.value.trimmingCharacters(in: .whitespaces)
            if columns[name] != nil {
                log.error(field.location, "column '\(printable(name))' appears twice in the header")
                continue
            }
            columns[name] = index
            if let subject = subjects.first(where: { $0.id.rawValue == name }) {
                subjectColumns.append((subject, index))
            } else if !Self.reservedColumns.contains(name) {
                let expected = (Self.reservedColumns + subjects.map(\.id.rawValue)).joined(separator: ", ")
                log.error(field.location, "unknown column '\(printable(name))'; expected a subject id or one of: \(expected)")
            }
        }
        for required in ["id", "name"] where columns[required] == nil {
            log.error(table.header.location, "students.csv needs a '\(required)' column")
        }
        guard let idColumn = columns["id"] else { return [] }

        var students: [Student] = []
        var keepApartRefs: [(student: Int, refs: [Located<String>])] = []
        if table.records.count > ScenarioLimits.students {
            log.error(table.records[ScenarioLimits.students].location,
                      "students.csv has \(table.records.count) students; Pacer reads at most \(ScenarioLimits.students)")
            return []
        }
        for record in table.wellFormedRecords(log: log) {
            func cell(_ column: String) -> CSVTable.Field? { columns[column].map { record.fields[$0] } }
            let idField = record.fields[idColumn]
            let id = Located(value: idField.value.trimmingCharacters(in: .whitespaces), location: idField.location)
            guard Fields.checkIdentifier(id, log: log) else { continue }
            let studentID = StudentID(rawValue: id.value)
            guard claim(studentID, id, kind: "student", in: &studentLocations) else { continue }
            var name = ""
            if let field = cell("name") {
                name = Fields.checkPersonText(field, .name, what: "student \(id.value)", log: log)?.value ?? id.value
                if field.value.trimmingCharacters(in: .whitespaces).isEmpty { log.error(field.location, "student \(id.value) has no name") }
            }
            var current: [SubjectID: ObjectiveID] = [:]
            for (subject, column) in subjectColumns {
                let field = record.fields[column]
                let value = field.value.trimmingCharacters(in: .whitespaces)
                if value.isEmpty { continue }  // not taking this subject
                // As the progression writes it ('math-7.rp.1' read as MATH-7.RP.1, with a warning).
                let objective = ObjectiveID(rawValue: log.match(Located(value: value, location: field.location),
                                                                in: KnownIDs(subject.objectives.map(\.id.rawValue))) ?? value)
                guard subject.objectives.contains(where: { $0.id == objective }) else {
                    let elsewhere = objectiveLocations[objective] != nil ? " (it belongs to another subject)" : ""
                    log.error(field.location,
                              "student \(id.value): '\(printable(value))' is not an objective of subject \(subject.id)'s progression\(elsewhere)")
                    continue
                }
                current[subject.id] = objective
                studentsOnObjective[objective, default: []].append(field.location)
            }
            var flags = Set<StudentFlag>()
            for item in listCell(cell("flags")) {
                if let flag = StudentFlag(rawValue: item.value.lowercased()) {
                    flags.insert(flag)
                } else {
                    let known = StudentFlag.allCases.map(\.rawValue).joined(separator: ", ")
                    log.warning(item.location, "student \(id.value): unknown flag '\(printable(item.value))' is ignored (known: \(known))")
                }
            }
            let unavailable = blocks.resolve(listCell(cell("unavailable")), owner: "student \(id.value)", log: log)
            keepApartRefs.append((students.count, listCell(cell("keep_apart"))))
            var pace = 1.0
            if let field = cell("pace"), !field.value.trimmingCharacters(in: .whitespaces).isEmpty {
                let text = field.value.trimmingCharacters(in: .whitespaces)
                if let value = Double(text), value.isFinite, (0.1...5).contains(value) { pace = value } else {
                    log.error(field.location, "student \(id.value): pace must be a number from 0.1 to 5, got '\(printable(text))'")
                }
            }
            var student = Student(
                id: studentID, name: name, grade: cell("grade")?.value.trimmingCharacters(in: .whitespaces) ?? "",
                current: current, flags: flags, unavailable: unavailable, keepApart: [], pace: pace,
                statedNeeds: statedNeeds(listCell(cell("needs")), of: id.value, current: current, subjects: subjects))
            student.homeRoom = homeBase(cell("home_room"), of: id.value, kind: "room", among: homeRooms).map(RoomID.init(rawValue:))
            student.homeAdult = homeBase(cell("home_adult"), of: id.value, kind: "teacher or supervisor", among: adults).map(AdultID.init(rawValue:))
            students.append(student)
        }
        // Keep-apart pairs may name students further down the file, so they are resolved last.
        let index = Dictionary(uniqueKeysWithValues: students.enumerated().map { ($1.id, $0) })
        let known = KnownIDs(students.map(\.id.rawValue))
        for (i, refs) in keepApartRefs {
            for ref in refs {
                let other = StudentID(rawValue: log.match(ref, in: known) ?? ref.value)
                guard let j = index[other] else {
                    log.error(ref.location, "keep_apart of \(students[i].id): " + known.unknown("student", printable(ref.value)))
                    continue
                }
                guard j != i else {
                    log.error(ref.location, "student \(other) cannot be kept apart from themself")
                    continue
                }
                // The rule is symmetric: either side may list it.
                students[i].keepApart.append(other)
                students[j].keepApart.append(students[i].id)
            }
        }
        for i in students.indices { students[i].keepApart = Set(students[i].keepApart).sorted() }
        return students
    }

    /// A home base cell: empty, or the id of a known room or adult (with the nearest ids when not).
    private func homeBase<ID: RawRepresentable<String>>(_ field: CSVTable.Field?, of student: String, kind: String, among known: [ID]) -> String? {
        guard let field else { return nil }
        let text = field.value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let id = log.match(Located(value: text, location: field.location), in: KnownIDs(known.map(\.rawValue))) else {
            log.error(field.location, "student \(student): " + NearestNames.unknown(kind, text, among: known.map(\.rawValue)))
            return nil
        }
        return id
    }

    /// The `needs` cell: subject ids a teacher or family says the student needs most. An id that is
    /// no subject is an error (with the nearest ones); a subject the student does not take, a warning.
    private func statedNeeds(_ items: [Located<String>], of student: String, current: [SubjectID: ObjectiveID], subjects: [Subject]) -> Set<SubjectID> {
        var needs = Set<SubjectID>()
        let known = KnownIDs(subjects.map(\.id.rawValue))
        for item in items {
            let subject = SubjectID(rawValue: log.match(item, in: known) ?? item.value)
            guard subjects.contains(where: { $0.id == subject }) else {
                log.error(item.location, "student \(student): needs: " + NearestNames.unknown("subject", item.value, among: subjects.map(\.id.rawValue)))
                continue
            }
            if current[subject] == nil {
                log.warning(item.location, "student \(student): needs \(subject), but has no objective in it; it is ignored")
            }
            needs.insert(subject)
        }
        return needs
    }

    /// The `;`-separated items of a cell, each located at its own column.
    private func listCell(_ field: CSVTable.Field?) -> [Located<String>] {
        guard let field else { return [] }
        var items: [Located<String>] = []
        var offset = 0
        for part in field.value.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " }.count
            let text = part.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                var location = field.location
                location.column += offset + leading
                items.append(Located(value: text, location: location))
            }
            offset += part.count + 1
        }
        return items
    }
}
