import Foundation
import Testing
@testable import PacerCore

/// A week plan says what state it was made from; publishing refuses one that is no longer the
/// plan of its week's state, naming what changed, and verify checks it against what it was made for.
@Suite struct PlanCurrencyTests {
    let golden = scenariosFolder + "/../Tests/PacerCoreTests/Golden/tiny-school/plan.json"
    let options = PlanOptions(timeLimit: 30, nodeLimit: 50)
    let nextWeek = SchoolDate("2026-11-30")!

    /// A check for a student the plan places, on the objective it places them on.
    private func masteryOfSomeonePlaced(_ plan: WeekPlan, _ scenario: Scenario) throws -> (student: Student, objective: ObjectiveID) {
        let session = try #require(plan.sessions.first { !$0.students.isEmpty })
        let student = try #require(scenario.students.first { $0.id == session.students[0] })
        return (student, session.objective)
    }

    @Test func aPlanFromStudentsCSVIsPublishedOnlyWhileTheStateIsStillStudentsCSV() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        let fromFile = try PlanFile.read(golden)
        _ = try term.publish(fromFile, weekOf: SchoolDate("2026-11-23"))  // the term's first week: students.csv is the state
        let (student, objective) = try masteryOfSomeonePlaced(fromFile, scenario)
        _ = try term.record(try checks("date,student,objective,result\n2026-11-24,\(student.id),\(objective),mastered\n", scenario, in: folder),
                            source: "tue.csv", today: afterTheChecks)
        #expect {
            _ = try term.publish(fromFile, weekOf: nextWeek)
        } throws: { error in
            guard case let Term.PublishRefusal.madeFromStudentsCSV(differences, week)? = error as? Term.PublishRefusal else { return false }
            let text = (error as? Term.PublishRefusal)?.description ?? ""
            return week == nextWeek && differences.joined().contains("\(student.name) (\(student.id))")
                && text.contains("pacer plan SCENARIO --week-of 2026-11-30")
        }
        let verification = try Term.verification(of: fromFile, scenario: scenario, weekOf: nextWeek)
        #expect(verification.against.contains("students.csv"))
        #expect(verification.changes.joined().contains(student.name))
    }

    @Test func aPlanFromTheStateNamesTheChecksRecordedSinceAndPublishesOnlyWhenTold() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        let planned = try term.planWeek(weekOf: nextWeek, options: options).result.plan
        let mark = try #require(planned.header.madeFrom)
        #expect(mark.lastCheck == 0 && mark.digest.count == 64)
        #expect(try PlanFile.decode(PlanFile.encode(planned)).header.madeFrom == mark, "the header round-trips")

        let (student, objective) = try masteryOfSomeonePlaced(planned, scenario)
        _ = try term.record(try checks("date,student,objective,result\n2026-11-27,\(student.id),\(objective),mastered\n", scenario, in: folder),
                            source: "fri.csv", today: afterTheChecks)
        #expect {
            _ = try term.publish(planned, weekOf: nil)
        } throws: { error in
            guard case let Term.PublishRefusal.stateChanged(changes, _)? = error as? Term.PublishRefusal else { return false }
            return changes.joined().contains("1 check recorded since this plan was made: \(student.name) (\(student.id)) mastered")
        }
        // Verified against the state it was made from, it breaks no rule, and says what changed.
        let verification = try Term.verification(of: planned, scenario: scenario)
        #expect(verification.violations.isEmpty, "\(verification.violations)")
        #expect(verification.against == "the term's state as of when this plan was made for the week of 2026-11-30 (before any check or absence was recorded)",
                "\(verification.against)")
        #expect(verification.changes.joined().contains(student.name))

        let (_, start) = try term.publish(planned, weekOf: nil, despiteChanges: true)
        #expect(start == nextWeek)
        // Planned again, it is current.
        let again = try term.planWeek(weekOf: nextWeek, options: options).result.plan
        #expect(again.header.madeFrom?.lastCheck ?? 0 > 0)
        #expect(try Term.verification(of: again, scenario: scenario).changes.isEmpty)
        _ = try term.publish(again, weekOf: nil)
    }

    @Test func anAbsenceRecordedForTheWeekAfterPlanningIsNamed() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        let planned = try term.planWeek(weekOf: nextWeek, options: options).result.plan
        let teacher = try #require(scenario.teachers.first { t in planned.sessions.contains { $0.teacher == t.id } })
        try store.recordAbsences([Absence(date: SchoolDate("2026-12-01")!, person: .teacher(teacher.id), periods: [], note: "")], scenario: scenario)
        #expect {
            _ = try term.publish(planned, weekOf: nil)
        } throws: { error in
            guard case let Term.PublishRefusal.stateChanged(changes, _)? = error as? Term.PublishRefusal else { return false }
            return changes.joined().contains("\(teacher.name) (\(teacher.id)) away on 2026-12-01")
        }
    }
}
