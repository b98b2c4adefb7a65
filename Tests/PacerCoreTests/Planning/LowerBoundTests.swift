import GLPK
import Testing
@testable import PacerCore

/// Generated schools of 8 to 30 students, of several seeds, whose reference model GLPK solves to
/// optimality in seconds: the bound and the proven school figures are checked against the optimum.
let tinyGeneratedSchools: [(students: Int, seed: UInt64)] = [
    (8, 1), (8, 4), (10, 2), (12, 3), (12, 9), (15, 5), (18, 6), (20, 8), (24, 10), (30, 12),
]

/// The exact optimum of a school's reference model (GLPK to optimality) and its plan.
func exactOptimum(_ scenario: Scenario) throws -> (cost: Double, sessions: [PlannedSession]) {
    let demands = Demand.all(scenario)
    let model = try ReferenceModel(scenario: scenario, set: CandidateSet(scenario: scenario, demands: demands))
    var options = MIPOptions()
    options.timeLimit = 120
    options.cuts = true
    let exact = try model.problem.solveMIP(options)
    #expect(exact.status == .optimal)
    return (try #require(exact.objective), model.sessions(from: exact.values))
}

/// The counted model's bound never exceeds what a plan can reach: on schools small enough for
/// GLPK to solve the reference model to optimality, the bound is at most that optimum. (Every
/// plan the tests make is checked against its own bound by `pacer verify`'s `lower-bound`.)
@Suite struct LowerBoundTests {
    func bound(_ scenario: Scenario) throws -> Double {
        let outcome = try LowerBound(scenario: scenario, demands: Demand.all(scenario)).solve(nodeLimit: 1000, deadline: .now.adding(seconds: 60), stop: nil).outcome
        return try #require(outcome).value
    }

    func optimum(_ scenario: Scenario) throws -> Double { try exactOptimum(scenario).cost }

    /// Generated schools of 20 to 60 students, several seeds: the bound is valid, and on these
    /// it is the optimum itself.
    @Test(arguments: [(20, 2), (20, 3), (30, 11), (40, 2), (40, 5), (60, 1)])
    func boundIsTheOptimumOfGeneratedSchools(students: Int, seed: UInt64) throws {
        let scenario = try generatedSchool(.scaled(students: students, seed: seed))
        let lower = try bound(scenario), best = try optimum(scenario)
        #expect(lower <= best + 1e-6)
        #expect(lower >= best * 0.98)
    }

    /// Ten small generated schools: the bound is never above the proven optimum.
    @Test(arguments: tinyGeneratedSchools.indices)
    func boundIsValidOnTinyGeneratedSchools(index: Int) throws {
        let (students, seed) = tinyGeneratedSchools[index]
        let scenario = try generatedSchool(.scaled(students: students, seed: seed))
        #expect(try bound(scenario) <= optimum(scenario) + 1e-6)
    }

    /// Hand-made schools with a twist each (keep apart, a teacher away, groups that must split).
    @Test(arguments: smallSchools.indices)
    func boundIsValidOnSmallSchools(index: Int) throws {
        let s = smallSchools[index]
        let scenario = try school(days: s.days, flex: s.flex, s.yaml, students: s.students)
        #expect(try bound(scenario) <= optimum(scenario) + 1e-6)
    }

    /// Two students to be kept apart, on an objective with one teacher and one block a day: they
    /// need two sessions a day, and the counted model knows it (without the rule it opens one).
    @Test func keepApartRaisesTheBound() throws {
        let body = """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 4}, {id: R2, capacity: 4}]
            policy: {session: 50, empty_seat: 0}

            """
        let together = try school(body, students: "id,name,A,keep_apart\nS1,a,A1,\nS2,b,A1,\n")
        let apart = try school(body, students: "id,name,A,keep_apart\nS1,a,A1,S2\nS2,b,A1,\n")
        #expect(try bound(together) == 50)
        #expect(try bound(apart) == 100)
        #expect(try bound(apart) == optimum(apart))
    }

    /// The tiny school is proven optimal by the bound alone: its plan meets it.
    @Test func tinySchoolIsProvenOptimal() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let plan = try planned(scenario, options: PlanOptions(timeLimit: 20))
        #expect(plan.header.status == .optimal)
        #expect(plan.header.lowerBound == 488 && plan.header.objective == 488 && plan.header.gap == 0)
    }

    /// The bound's LP is charged its simplex iterations (`LowerBound.iterationWork`), which are the
    /// same on every machine; given less work than it needs, it ends without a bound at the same
    /// iteration every time, and says the clock had nothing to do with it.
    @Test func theLPIsChargedItsIterationsAndStopsWhereItsWorkEnds() throws {
        let scenario = try generatedSchool(.scaled(students: 60, seed: 1))
        let lowerBound = LowerBound(scenario: scenario, demands: Demand.all(scenario))
        let perIteration = LowerBound.iterationWork(try lowerBound.countedModel().problem.size)
        let whole = try #require(try lowerBound.solve(work: 0, deadline: .now.adding(seconds: 60), stop: nil).outcome)
        let iterations = whole.work / perIteration
        #expect(iterations >= 10 && iterations == iterations.rounded())
        for _ in 0..<2 {
            // GLPK makes one iteration more than the work pays for, to see whether it is done.
            let cut = try lowerBound.solve(work: 0, lpWork: 5 * perIteration, deadline: .now.adding(seconds: 60), stop: nil)
            #expect(cut.outcome == nil)
            #expect(cut.work == 6 * perIteration)
            #expect(!cut.stoppedByClock)
        }
        let enough = try #require(try lowerBound.solve(work: 0, lpWork: whole.work, deadline: .now.adding(seconds: 60), stop: nil).outcome)
        #expect(enough.value == whole.value && enough.work == whole.work)
    }

    /// A school where nobody can be seated (no teacher) has a bound of serving nobody, and GLPK is
    /// not handed an empty model.
    @Test func nobodyCanBeSeated() throws {
        let scenario = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A], unavailable: [Mon-F1]}]
            rooms: [{id: R1, capacity: 4}]

            """, students: "id,name,A\nS1,a,A1\nS2,b,A1\n")
        #expect(try bound(scenario) == 2 * scenario.policy.unmetWorkshop)
    }

    /// `pacer verify` refuses a plan that states a bound above its own cost.
    @Test func verifyRefusesABoundAboveThePlan() throws {
        let scenario = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms: [{id: R1, capacity: 4}]

            """, students: "id,name,A\nS1,a,A1\n")
        var plan = handMade(scenario, [("Mon-F1", "T1", "R1", "A1", ["S1"])])
        #expect(rules(scenario, plan) == [])
        plan.header.lowerBound = plan.header.objective + 1
        #expect(rules(scenario, plan) == ["lower-bound"])
    }

    /// `pacer verify` refuses proven figures the plan itself contradicts (found by a hostile trial:
    /// a hand-edited `workshopsAtMost` of 1,000 under a plan that gives 1,689 passed), and work
    /// figures that are not counts.
    @Test func verifyRefusesProvenFiguresThePlanContradicts() throws {
        let scenario = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, max_group: 4, workshops_per_week: 1}]}]
            teachers: [{id: T1, teaches: [A]}]
            rooms: [{id: R1, capacity: 4}]

            """, students: "id,name,A\nS1,a,A1\nS2,b,A1\n")
        var plan = handMade(scenario, [("Mon-F1", "T1", "R1", "A1", ["S1", "S2"])])
        plan.header.proven = ProvenFigures(workshopsAtMost: 2, sessionsAtLeast: 1, bySubject: [.init(subject: "A", workshopsAtMost: 2)])
        plan.header.search = SearchSpending(workLimit: 10, planWork: 5, boundWork: 5, end: .work)
        #expect(rules(scenario, plan) == [])
        for proven in [ProvenFigures(workshopsAtMost: 1, sessionsAtLeast: 1),
                       ProvenFigures(workshopsAtMost: 2, sessionsAtLeast: 2),
                       ProvenFigures(workshopsAtMost: 2, sessionsAtLeast: nil, bySubject: [.init(subject: "A", workshopsAtMost: 1)]),
                       ProvenFigures(workshopsAtMost: 2, sessionsAtLeast: -5),
                       ProvenFigures(workshopsAtMost: 2, sessionsAtLeast: 1, bySubject: [.init(subject: "ART", workshopsAtMost: 5)]),
                       ProvenFigures(workshopsAtMost: 2, sessionsAtLeast: 1, bySubject: [.init(subject: "A", workshopsAtMost: 9), .init(subject: "A", workshopsAtMost: 2)])] {
            var wrong = plan
            wrong.header.proven = proven
            #expect(rules(scenario, wrong) == ["proven-figures"], "\(proven)")
        }
        var negative = plan
        negative.header.search?.planWork = -5
        #expect(rules(scenario, negative) == ["search-work"])
    }
}
