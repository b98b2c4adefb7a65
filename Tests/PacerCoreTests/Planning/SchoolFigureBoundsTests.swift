import GLPK
import Testing
@testable import PacerCore

/// The proven school figures hold for the proven optimum of small schools: no plan gives more
/// workshops than `workshopsAtMost`, and none gives as many as the optimum's with fewer sessions
/// than `sessionsAtLeast`.
@Suite struct SchoolFigureBoundsTests {
    func figures(_ scenario: Scenario, served: Int) throws -> ProvenFigures {
        let outcome = try SchoolFigureBounds(scenario: scenario, demands: Demand.all(scenario))
            .solve(served: served, nodeLimit: 1_000, deadline: .now.adding(seconds: 60), stop: nil)
        #expect(!outcome.stoppedByClock)
        return try #require(outcome.figures)
    }

    @Test(arguments: tinyGeneratedSchools.indices)
    func figuresHoldForTheOptimumOfTinyGeneratedSchools(index: Int) throws {
        let (students, seed) = tinyGeneratedSchools[index]
        let scenario = try generatedSchool(.scaled(students: students, seed: seed))
        let best = try exactOptimum(scenario)
        let served = Planner.workshopsServed(by: best.sessions, demands: Demand.all(scenario))
        let proven = try figures(scenario, served: served)
        #expect(proven.workshopsAtMost >= served)
        #expect(proven.workshopsAtMost <= Demand.all(scenario).reduce(0) { $0 + $1.wanted })
        let fewest = try #require(proven.sessionsAtLeast)
        #expect(fewest <= best.sessions.count)
        #expect(fewest >= 1 || served == 0)
        // Each subject's most holds for the optimum's workshops in it.
        var got: [StudentSubject: Int] = [:]
        for session in best.sessions { for student in session.students { got[StudentSubject(student, session.subject), default: 0] += 1 } }
        var given: [SubjectID: Int] = [:]
        for demand in Demand.all(scenario) { given[demand.subject, default: 0] += min(demand.wanted, got[StudentSubject(demand.student, demand.subject)] ?? 0) }
        let bySubject = try #require(proven.bySubject)
        #expect(Set(bySubject.map(\.subject)) == Set(given.keys.filter { subject in Demand.all(scenario).contains { $0.subject == subject && $0.wanted > 0 } }))
        for bound in bySubject { #expect(bound.workshopsAtMost >= given[bound.subject] ?? 0, "\(bound.subject)") }
    }

    /// Two subjects for the same six students, one block a day: A's teacher is free both days (six
    /// A workshops), B's only on Monday (one session of four): B at most 4, A at most 6.
    @Test func aSubjectsMostIsProvenApart() throws {
        let scenario = try school(days: ["Mon", "Tue"], """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1, max_group: 4, workshops_per_week: 1}]}
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [B], unavailable: [Tue-F1]}]
            rooms: [{id: R1, capacity: 4}, {id: R2, capacity: 4}]

            """, students: "id,name,A,B\nS1,a,A1,B1\nS2,b,A1,B1\nS3,c,A1,B1\nS4,d,A1,B1\nS5,e,A1,B1\nS6,f,A1,B1\n")
        let proven = try figures(scenario, served: 10)
        #expect(proven.workshopsAtMost(in: "B") == 4)
        #expect(proven.workshopsAtMost(in: "A") == 6)
        #expect(proven.workshopsAtMost <= 10)
    }

    /// One teacher, one room of 4, two flex blocks (one a day), six students wanting one workshop:
    /// at most two sessions of four run, so at most six workshops are given (all of them), and
    /// giving six takes two sessions; giving four takes one.
    @Test func figuresAreExactOnAHandMadeSchool() throws {
        let scenario = try school(days: ["Mon", "Tue"], """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms: [{id: R1, capacity: 4}]

            """, students: "id,name,A\nS1,a,A1\nS2,b,A1\nS3,c,A1\nS4,d,A1\nS5,e,A1\nS6,f,A1\n")
        #expect(try figures(scenario, served: 6) == ProvenFigures(workshopsAtMost: 6, sessionsAtLeast: 2, bySubject: [.init(subject: "A", workshopsAtMost: 6)]))
        #expect(try figures(scenario, served: 4) == ProvenFigures(workshopsAtMost: 6, sessionsAtLeast: 1, bySubject: [.init(subject: "A", workshopsAtMost: 6)]))
    }

    /// Every plan the planner makes carries the figures, and they hold for it.
    @Test func planCarriesTheFigures() throws {
        let scenario = try generatedSchool(.scaled(students: 20, seed: 2))
        let plan = try planned(scenario)
        let proven = try #require(plan.header.proven)
        #expect(proven.workshopsAtMost >= plan.header.workshopsServed)
        #expect(try #require(proven.sessionsAtLeast) <= plan.sessions.count)
    }

    /// A deadline already passed gives no figures and hands GLPK no negative time limit (which it
    /// refuses): the plan is written without them.
    @Test func passedDeadlineGivesNoFigures() throws {
        let scenario = try generatedSchool(.scaled(students: 12, seed: 3))
        let outcome = try SchoolFigureBounds(scenario: scenario, demands: Demand.all(scenario))
            .solve(served: 1, deadline: .now.adding(seconds: -1), stop: nil)
        #expect(outcome.figures == nil)
        #expect(outcome.stoppedByClock)
    }

    /// A figure whose LP needs more than the work it is given is left out, and not blamed on the
    /// clock: the same plan gets the same figures on every machine.
    @Test func aFigureItsWorkCannotPayForIsLeftOut() throws {
        let scenario = try generatedSchool(.scaled(students: 60, seed: 1))
        let figures = SchoolFigureBounds(scenario: scenario, demands: Demand.all(scenario))
        let outcome = try figures.solve(served: 1, work: 0, lpWork: 1, deadline: .now.adding(seconds: 60), stop: nil)
        #expect(outcome.figures == nil)
        #expect(!outcome.stoppedByClock)
        #expect(outcome.work > 0)
        let whole = try figures.solve(served: 1, work: 0, deadline: .now.adding(seconds: 60), stop: nil)
        #expect(whole.figures?.workshopsAtMost != nil && whole.figures?.sessionsAtLeast != nil)
    }
}
