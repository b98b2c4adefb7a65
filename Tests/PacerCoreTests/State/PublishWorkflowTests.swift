import Foundation
import Testing
@testable import PacerCore

/// Regrouping and publishing have one path each (`Term.regroup`: plan and verify; `Term.publish`),
/// which the command line and the portal both take: a plan is checked against the state it was
/// made from, again against the state as it is when it is published, and dated by its week.
@Suite struct PublishWorkflowTests {
    let golden = scenariosFolder + "/../Tests/PacerCoreTests/Golden/tiny-school/plan.json"

    let wednesday = SchoolDate("2026-11-25")!
    /// S-11 masters MATH-7.NS.1 on Tuesday: Wednesday's regroup gives them a workshop on it.
    let s11MovesOn = MasteryCheck(date: SchoolDate("2026-11-24")!, student: "S-11", objective: "MATH-7.NS.1", result: .mastered, note: "", source: "test")

    /// The tiny school with the golden week published for 2026-11-23, and Wednesday regrouped on it.
    func regroupedWednesday() throws -> (folder: String, scenario: Scenario, store: StateStore, term: Term, regrouped: Term.Planned) {
        let (folder, scenario, store) = try seededTinySchool()
        let term = Term(scenario: scenario, store: store)
        _ = try term.publish(try PlanFile.read(golden), weekOf: SchoolDate("2026-11-23"))
        return (folder, scenario, store, term, try term.regroup(wednesday, options: PlanOptions(timeLimit: 10)))
    }

    @Test func aWeekIsPublishedForItsOwnWeekOnly() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let term = Term(scenario: scenario, store: store)
        let plan = try PlanFile.read(golden)
        #expect(throws: Term.PublishRefusal.badDate("--week-of 2026-11-25 is a Wednesday; the week starts on the calendar's first day (Mon): that week's is 2026-11-23")) {
            _ = try term.publish(plan, weekOf: SchoolDate("2026-11-25"))
        }
        #expect(try store.count("plan") == 0)
        let (id, start) = try term.publish(plan, weekOf: SchoolDate("2026-11-23"))
        #expect(start == SchoolDate("2026-11-23") && id > 0)
        #expect(try store.planInForce(scenario, on: SchoolDate("2026-11-24")!)?.id == id)
    }

    /// A regrouped day overtaken by a check recorded after it was made is refused with the rules
    /// it now breaks, and nothing is published; regrouped again, it publishes.
    @Test func aDayOvertakenByACheckIsRefused() throws {
        let (folder, scenario, store, term, regrouped) = try regroupedWednesday()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(regrouped.violations.isEmpty, "verified against the state it was made from")
        let made = regrouped.result.plan
        _ = try term.record([s11MovesOn], source: "test", today: afterTheChecks)
        #expect {
            _ = try term.publish(made, weekOf: nil)
        } throws: { error in
            guard case let Term.PublishRefusal.breaksRules(violations) = error else { return false }
            return violations.contains { $0.message.contains("S-11") }
        }
        #expect(try store.planInForce(scenario, on: wednesday)?.plan.header.kind == .week)
        let again = try term.regroup(wednesday, options: PlanOptions(timeLimit: 10)).result.plan
        #expect(try term.publish(again, weekOf: nil).start == wednesday)
        #expect(try store.planInForce(scenario, on: wednesday)?.plan.header.kind == .day)
    }

    /// The check and the write are one transaction: a check that would make the plan break a rule,
    /// recorded by another process between the two, waits for the publication (here it gives up
    /// after 0.3 s, refused as busy) instead of slipping in, so the plan is published on the state
    /// it was checked against; recorded afterwards, it goes in.
    @Test func aRecordCannotComeBetweenTheCheckAndThePublication() throws {
        let (folder, scenario, store, term, regrouped) = try regroupedWednesday()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = regrouped.result.plan
        let other = Term(scenario: scenario, store: try StateStore(path: store.path, busyTimeout: 0.3))
        var between: Result<Term.RecordReport, any Error>?
        let published = try term.publish(made, weekOf: nil, checked: {
            between = Result { try other.record([s11MovesOn], source: "between", today: wednesday) }
        })
        #expect(published.start == wednesday)
        #expect(throws: StateError.busy(store.path)) { _ = try between?.get() }
        #expect(try store.checks(of: "S-11").isEmpty, "nothing came in between")
        #expect(try other.record([s11MovesOn], source: "after", today: wednesday).recorded == 1)
        // What was published is the plan checked; against the state now it is overtaken.
        #expect(try store.planInForce(scenario, on: wednesday)?.plan.sessions == made.sessions)
    }

    /// A regrouped day starts from the sessions published for its date when it was made: once
    /// another plan is published for that date (here by another process, straight into the state),
    /// it is refused whatever its rules, and nothing is published; the plan in force published
    /// again changes nothing, and a day regrouped from it publishes.
    @Test func aDayRegroupedFromSessionsNoLongerPublishedIsRefused() throws {
        let (folder, scenario, store, term, regrouped) = try regroupedWednesday()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = regrouped.result.plan
        var other = made
        other.sessions.removeLast()
        let otherID = try store.publish(other, scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        #expect(throws: Term.PublishRefusal.publishedSince(wednesday)) { _ = try term.publish(made, weekOf: nil) }
        #expect(try store.planInForce(scenario, on: wednesday)?.id == otherID, "nothing published")
        let again = try term.regroup(wednesday, options: PlanOptions(timeLimit: 10)).result.plan
        #expect(again.published == other.sessions)
        let (id, _) = try term.publish(again, weekOf: nil)
        #expect(try term.publish(again, weekOf: nil).id > id, "the plan in force, published again")
    }
}
