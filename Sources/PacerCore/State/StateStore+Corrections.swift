import Foundation
import GRDB

extension StateStore {
    /// Withdraws one check inside the caller's transaction; the student's subject joins `replays`.
    static func withdraw(_ id: Int64, db: Database, scenario: Scenario, at now: String, report: inout RecordReport,
                         replays: inout PendingReplays) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT date, student, objective, result, withdrawn_at FROM mastery_check WHERE id = ?"), arguments: [id]) else {
            throw StateError.unknownCheck(id)
        }
        let what = "check \(id) (\(row["date"] as String) \(row["student"] as String) \(row["objective"] as String) \(row["result"] as String))"
        if (row["withdrawn_at"] as String?) != nil {
            report.lines.append("\(what) was already withdrawn")
            return
        }
        try db.cachedStatement(sql: "UPDATE mastery_check SET withdrawn_at = ? WHERE id = ?").execute(arguments: [now, id])
        report.lines.append("\(what) withdrawn")
        guard let subject = scenario.objective(ObjectiveID(rawValue: row["objective"])).flatMap({ o in scenario.subjects.first { $0.id == o.subject } })
        else { return }
        replays.add(StudentID(rawValue: row["student"]), subject, because: "check \(id) was withdrawn")
    }

    /// The students' subjects whose history must be replayed before a transaction ends: each once,
    /// however many checks of the transaction asked for it, so that a file of back-dated checks
    /// costs one replay per student and subject instead of one per row.
    struct PendingReplays {
        private var reasons: [StudentSubject: [String]] = [:]
        private var subjects: [SubjectID: Subject] = [:]

        func contains(_ student: StudentID, _ subject: Subject) -> Bool { reasons[StudentSubject(student, subject.id)] != nil }

        mutating func add(_ student: StudentID, _ subject: Subject, because reason: String) {
            reasons[StudentSubject(student, subject.id), default: []].append(reason)
            subjects[subject.id] = subject
        }

        /// Replays each pending student's subject once, in student and subject order.
        func run(db: Database, scenario: Scenario, report: inout RecordReport) throws {
            for key in reasons.keys.sorted() {
                guard let subject = subjects[key.subject], let why = reasons[key] else { continue }
                let because = why.count == 1 ? why[0] : "\(why[0]) and \(why.count - 1) more"
                try StateStore.replay(key.student, subject, db: db, scenario: scenario, report: &report, because: because)
            }
        }
    }

    /// Rebuilds one student's history in one subject from where it began (the objective the first
    /// advance left, or the open one when there was none) by applying the standing checks again in
    /// date order; reports the standing before and after.
    static func replay(_ student: StudentID, _ subject: Subject, db: Database, scenario: Scenario, report: inout RecordReport, because: String) throws {
        let args: StatementArguments = [student.rawValue, subject.id.rawValue]
        let before = try String.fetchOne(db.cachedStatement(sql: "SELECT objective FROM objective_history WHERE student = ? AND subject = ? AND mastered_on IS NULL"), arguments: args)
        let firstAdvance = try String.fetchOne(db.cachedStatement(sql: "SELECT from_objective FROM advance WHERE student = ? AND subject = ? ORDER BY id LIMIT 1"), arguments: args)
        guard let start = firstAdvance ?? before,
              let startedOn = try String.fetchOne(db.cachedStatement(sql: "SELECT started_on FROM objective_history WHERE student = ? AND subject = ? AND objective = ?"),
                                                  arguments: [student.rawValue, subject.id.rawValue, start]) else { return }
        // The objectives before the start were mastered before the records began, as `seed` wrote them.
        let earlier = subject.objectives.prefix { $0.id.rawValue != start }.map(\.id.rawValue)
        try db.cachedStatement(sql: "DELETE FROM advance WHERE student = ? AND subject = ?").execute(arguments: args)
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT objective FROM objective_history WHERE student = ? AND subject = ?"), arguments: args)
        where !earlier.contains(row["objective"]) {
            try db.cachedStatement(sql: "DELETE FROM objective_history WHERE student = ? AND subject = ? AND objective = ?").execute(arguments: [student.rawValue, subject.id.rawValue, row["objective"] as String])
        }
        try db.cachedStatement(sql: "INSERT INTO objective_history (student, subject, objective, started_on, mastered_on) VALUES (?, ?, ?, ?, NULL)").execute(arguments: [student.rawValue, subject.id.rawValue, start, startedOn])
        let objectives = Set(subject.objectives.map(\.id))
        var replayed = RecordReport()
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, date, objective, result, note FROM mastery_check WHERE student = ? AND withdrawn_at IS NULL ORDER BY date, id
            """), arguments: [student.rawValue]) {
            let objective = ObjectiveID(rawValue: row["objective"])
            guard objectives.contains(objective), let date = SchoolDate(row["date"]),
                  let result = MasteryCheck.Result(rawValue: row["result"]) else { continue }
            let check = MasteryCheck(date: date, student: student, objective: objective, result: result, note: row["note"],
                                     location: .start(of: "check \(row["id"] as Int64)"))
            try apply(check, id: row["id"], db: db, scenario: scenario, report: &replayed)
        }
        let after = try String.fetchOne(db.cachedStatement(sql: "SELECT objective FROM objective_history WHERE student = ? AND subject = ? AND mastered_on IS NULL"), arguments: args)
        report.advances += replayed.advances
        if before == after {
            report.lines.append("\(student) \(subject.id): history replayed (\(because)); still on \(after ?? "nothing: progression complete")")
        } else {
            report.lines.append("\(student) \(subject.id): history replayed (\(because)); now on \(after ?? "nothing: progression complete") (was \(before ?? "complete"))")
        }
    }
}
