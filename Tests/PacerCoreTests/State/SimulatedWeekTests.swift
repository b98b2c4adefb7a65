import Foundation
import GRDB
import Testing
@testable import PacerCore

/// A week at the tiny school: plan and publish Monday's week, record checks each evening, regroup
/// each next day, publish it, and see that the state and the plans stay right.
@Suite struct SimulatedWeekTests {
    @Test func aWeekOfRegrouping() throws {
        let (folder, scenario) = try tinySchoolCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let monday = SchoolDate("2026-11-23")!
        let store = try StateStore(path: StateStore.path(for: scenario))
        try Term(scenario: scenario, store: store).seed(on: monday)
        let week = try Planner.plan(scenario, options: PlanOptions(timeLimit: 30, nodeLimit: 100)).plan
        try store.publish(week, scenario: scenario, weekOf: monday)

        var random = SeededGenerator(seed: 42)
        var unchanged = 0, published = 0
        for offset in 1...4 {
            let yesterday = monday.adding(days: offset - 1), today = monday.adding(days: offset)
            // Evening checks: about one in six students seen yesterday shows mastery.
            let seen = try DatabaseQueue(path: store.path).read { db in
                try Row.fetchAll(db, sql: "SELECT DISTINCT student, objective FROM attendance WHERE date = ? ORDER BY student", arguments: [yesterday.text])
            }
            var csv = "date,student,objective,result\n"
            var mastered: [(StudentID, ObjectiveID)] = []
            for row in seen {
                let student: String = row["student"], objective: String = row["objective"]
                let result = random.chance(1.0 / 6) ? "mastered" : "not-yet"
                if result == "mastered" { mastered.append((StudentID(rawValue: student), ObjectiveID(rawValue: objective))) }
                csv += "\(yesterday),\(student),\(objective),\(result)\n"
            }
            _ = try Term(scenario: scenario, store: store).record(try checks(csv, scenario, in: folder), source: "evening \(yesterday)", today: afterTheChecks)

            let context = try store.dayContext(scenario, date: today)
            let day = try Planner.plan(context, options: PlanOptions(timeLimit: 30, nodeLimit: 50), date: today).plan
            #expect(PlanVerifier(context: context).violations(of: day) == [], "\(today)")

            // Students who mastered moved on, and nobody sits on an objective already mastered.
            let standing = Dictionary(uniqueKeysWithValues: try store.standings(scenario).map { ("\($0.student)|\($0.subject)", $0.objective) })
            for (student, objective) in mastered {
                let subject = try #require(scenario.objective(objective)?.subject)
                #expect(standing["\(student)|\(subject)"] != objective, "\(student) mastered \(objective)")
            }
            let masteredRows = Set(try derivedHistory(store, scenario).tracks.flatMap { key, track in
                track.entries.filter { $0.masteredOn != nil }.map { "\(key.student)|\($0.objective)" }
            })
            for session in day.sessions {
                for student in session.students {
                    #expect(!masteredRows.contains("\(student)|\(session.objective)"), "\(student) placed on mastered \(session.objective)")
                }
            }
            unchanged += day.changes?.unchangedSessions ?? 0
            published += context.published.count
            try store.publish(day, scenario: scenario, weekOf: monday)
        }
        // Few students advance each day, so most published sessions stand as they were.
        #expect(published > 0)
        #expect(Double(unchanged) / Double(published) >= 0.7, "\(unchanged) of \(published) unchanged")
        print("simulated week: \(unchanged) of \(published) published sessions unchanged")
    }
}
