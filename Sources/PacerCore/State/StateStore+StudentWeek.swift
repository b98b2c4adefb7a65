import GRDB

/// One workshop of a student on a date, as the family page lists them.
public struct StudentWorkshop: Sendable, Equatable {
    public let date: SchoolDate
    public let block: BlockID
    public let start: String
    public let end: String
    public let objective: ObjectiveID
    public let title: String
    public let teacher: String
    public let room: String
    /// Recorded absent in the workshop's block.
    public let absent: Bool
    /// The student has mastered the objective since it was published (`MovedOn`).
    public var movedOn: Bool = false
    /// The closure that cancels it (a holiday, a snow day), or nil when it is held.
    public var cancelled: Closure? = nil
}

extension StateStore {
    /// The student's workshops on each of `dates`, from the plan in force on each date, in date
    /// and block order.
    public func workshops(_ scenario: Scenario, of student: StudentID, on dates: [SchoolDate]) throws -> [StudentWorkshop] {
        try read { db in
            var result: [StudentWorkshop] = []
            let movedOn = try self.movedOn(db, scenario: scenario, of: student)
            for date in dates.sorted() {
                guard let inForce = try planInForce(db, scenario: scenario, on: date) else { continue }
                let away = try absentBlocks(db, scenario: scenario, in: inForce, on: date)
                for session in inForce.sessions where session.students.contains(student) {
                    result.append(StudentWorkshop(
                        date: date, block: session.block, start: session.start, end: session.end, objective: session.objective,
                        title: scenario.objective(session.objective)?.title ?? "",
                        teacher: scenario.teachers.first { $0.id == session.teacher }?.name ?? session.teacher.rawValue,
                        room: scenario.rooms.first { $0.id == session.room }?.name ?? session.room.rawValue,
                        absent: away.students[student]?.contains(session.block) == true,
                        movedOn: movedOn.hasMovedOn(student, from: session.objective, before: date),
                        cancelled: inForce.closure(session.block, in: scenario)))
                }
            }
            return result
        }
    }
}

/// A block of independent study in a student's week, as the family page shows it.
public struct StudentStudy: Sendable, Equatable {
    public let date: SchoolDate
    public let block: BlockID
    public let start: String
    public let end: String
    /// The objective's title, or nil for a student with no current objective left.
    public let title: String?
    /// The supervising adults' names.
    public let adults: [String]
    /// The room's name.
    public let room: String
    /// Recorded absent in the block.
    public let absent: Bool
    /// The closure that cancels it, or nil when it is held.
    public var cancelled: Closure? = nil
    /// The name of the teacher who holds the mastery check the student asked for there (a check
    /// slot, `StudyPlace.check`), or nil.
    public var checkWith: String? = nil
}

extension StateStore {
    /// The student's independent study on each of `dates`, from the plan in force on each date,
    /// in date and block order.
    public func studyBlocks(_ scenario: Scenario, of student: StudentID, on dates: [SchoolDate]) throws -> [StudentStudy] {
        let order = scenario.calendar.blockOrder
        return try read { db in
            var result: [StudentStudy] = []
            for date in dates.sorted() {
                guard let inForce = try planInForce(db, scenario: scenario, on: date) else { continue }
                let away = try absentBlocks(db, scenario: scenario, in: inForce, on: date)
                let groups = (inForce.plan.study ?? []).filter { $0.day == inForce.day }.sorted { (order[$0.block] ?? 0) < (order[$1.block] ?? 0) }
                for g in groups {
                    guard let place = g.students.first(where: { $0.student == student }) else { continue }
                    result.append(StudentStudy(date: date, block: g.block, start: g.start, end: g.end, title: place.objective.map(scenario.objectiveTitle),
                                               adults: g.adults.map(scenario.adultName), room: scenario.rooms.first { $0.id == g.room }?.name ?? g.room.rawValue,
                                               absent: away.students[student]?.contains(g.block) == true, cancelled: inForce.closure(g.block, in: scenario),
                                               checkWith: place.check.map { scenario.adultName(AdultID(rawValue: $0.rawValue)) }))
                }
            }
            return result
        }
    }
}

extension StateStore {
    /// The student's calendar feed for `dates`: each date's workshops from the plan in force on it,
    /// with the exported calendars' UIDs (see `ICalendarExporter.studentFeed`).
    public func calendarFeed(_ scenario: Scenario, of student: StudentID, on dates: [SchoolDate]) throws -> String {
        let (contexts, movedOn, roster) = try read { db in
            (try dates.sorted().compactMap { try planInForce(db, scenario: scenario, on: $0)?.exportContext(scenario, onlyTheDay: true) },
             try self.movedOn(db, scenario: scenario, of: student), try Self.roster(db))
        }
        let name = scenario.students.first { $0.id == student }?.name ?? student.rawValue
        // Words as the family's page has them (`FamilyView`).
        return try ICalendarExporter().studentFeed(student, name: name, contexts: contexts,
                                                   movedOn: { movedOn.hasMovedOn(student, from: $0, before: $1) },
                                                   left: { date in roster.leave(of: .student(student), on: date).map { leave in
                                                       "left the school on \(leave.date)" + (leave.note.isEmpty ? "" : " (\(leave.note))") } })
    }
}
