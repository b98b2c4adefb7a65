import Testing
import GLPK
@testable import PacerCore

/// Every engine on its own (not through `Planner`, which on a small school ends in the exact model
/// and could hide a bug in the others), on one small school per hard rule where the rule binds:
/// what each engine makes passes `pacer verify`'s checks, and shows the rule at work.
@Suite struct EngineRuleTests {
    enum Engine: String, CaseIterable, Sendable {
        case greedy, localSearch, blockModels, referenceModel
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let days: [String]
        let flex: Int
        let yaml: String
        let students: String
        /// What the sessions must show for the rule to have bound.
        let shows: @Sendable ([PlannedSession]) -> Bool
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "teacher-busy", days: ["Mon"], flex: 1, yaml: """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B], max_sessions_per_day: 2}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,\nS2,Bo,,B1\n", shows: { $0.count == 1 }),
        Case(rule: "room-busy", days: ["Mon"], flex: 1, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n", shows: { $0.count == 1 }),
        Case(rule: "student-busy", days: ["Mon"], flex: 1, yaml: """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [B]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,B1\n", shows: { $0.count == 1 }),
        Case(rule: "unavailable", days: ["Mon"], flex: 2, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 1}]}]
            teachers: [{id: T, teaches: [A], unavailable: [F1]}]
            rooms: [{id: R1, capacity: 5, unavailable: [F2]}, {id: R2, capacity: 5}]

            """, students: "id,name,A,unavailable\nS1,Ann,A1,\nS2,Bo,A1,F2\n",
            shows: { $0.map(\.block) == ["Mon-F2"] && $0.map(\.room) == ["R2"] && $0.first?.students == ["S1"] }),
        Case(rule: "not-qualified", days: ["Mon"], flex: 1, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T, teaches: [A2]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n", shows: { $0.map(\.objective) == ["A2"] }),
        Case(rule: "teacher-day", days: ["Mon"], flex: 3, yaml: """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B, C], max_sessions_per_day: 2}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,B,C\nS1,Ann,A1,,\nS2,Bo,,B1,\nS3,Cy,,,C1\n", shows: { $0.count == 2 }),
        // Four flex blocks, one teacher limited to two in a row, four students each wanting the
        // one objective that day: the teacher can run F1, F2 and F4 but not all four.
        Case(rule: "teacher-run", days: ["Mon"], flex: 4, yaml: """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1}]}
              - {id: D, objectives: [{id: D1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B, C, D], max_in_a_row: 2}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,B,C,D\nS1,Ann,A1,,,\nS2,Bo,,B1,,\nS3,Cy,,,C1,\nS4,Di,,,,D1\n",
            shows: { $0.count == 3 }),
        Case(rule: "group-size", days: ["Mon"], flex: 1, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, max_group: 3}, {id: A2, min_group: 2}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: BIG, capacity: 9}, {id: SMALL, capacity: 2}]

            """, students: "id,name,A\nS1,A,A1\nS2,B,A1\nS3,C,A1\nS4,D,A1\nS5,E,A1\nS6,F,A2\n",
            shows: { sessions in
                !sessions.isEmpty && sessions.allSatisfy { $0.objective == "A1" && (2...($0.room == "SMALL" ? 2 : 3)).contains($0.students.count) }
            }),
        Case(rule: "room-features", days: ["Mon"], flex: 1, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, needs: [lab]}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: PLAIN, capacity: 30}, {id: LAB, capacity: 4, features: [lab]}]

            """, students: "id,name,A\nS1,Ann,A1\n", shows: { $0.map(\.room) == ["LAB"] }),
        Case(rule: "once-per-day", days: ["Mon"], flex: 2, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 2}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\n", shows: { $0.count == 1 }),
        Case(rule: "keep-apart", days: ["Mon"], flex: 1, yaml: """
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, workshops_per_week: 1}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,keep_apart\nS1,Ann,A1,S2\nS2,Bo,A1,\nS3,Cy,A1,\n",
            shows: { $0.count == 1 && $0[0].students.count == 2 && $0[0].students.contains("S3") }),
    ]

    /// The sessions one engine makes alone, from an empty plan (local search from the greedy's).
    static func sessions(_ engine: Engine, _ scenario: Scenario) throws -> [PlannedSession] {
        let demands = Demand.all(scenario)
        switch engine {
        case .greedy:
            return GreedyPlanner(scenario: scenario, demands: demands, seed: 1).run()
        case .localSearch:
            // Local search only moves students: start it from the sessions the greedy opens, each
            // left with its first student, so that it must seat the others itself.
            let opened = GreedyPlanner(scenario: scenario, demands: demands, seed: 1).run().map { session in
                var start = session
                start.students = Array(session.students.prefix(1))
                return start
            }
            return LocalSearch(scenario: scenario, demands: demands).improve(opened)
        case .blockModels:
            return try NeighbourhoodImprover(scenario: scenario, demands: demands, nodeLimit: 1000).improve([], deadline: .now + .seconds(60), stop: nil)
        case .referenceModel:
            let model = try ReferenceModel(scenario: scenario, set: CandidateSet(scenario: scenario, demands: demands))
            let solution = try model.problem.solveMIP(MIPOptions())
            #expect(solution.status == .optimal)
            return model.sessions(from: solution.values)
        }
    }

    @Test(arguments: cases, Engine.allCases)
    func eachEngineObeysEachRule(_ c: Case, _ engine: Engine) throws {
        let s = try school(days: c.days, flex: c.flex, c.yaml, students: c.students)
        let made = try Self.sessions(engine, s)
        let demands = Demand.all(s)
        let plan = Planner.assemble(s, demands: demands, sessions: made, options: PlanOptions(), status: .feasible, method: engine.rawValue,
                                    bound: nil, size: nil, candidates: CandidateSet.counts(scenario: s, demands: demands))
        #expect(rules(s, plan) == [], "\(engine) breaks a rule: \(made)")
        #expect(c.shows(plan.sessions), "\(engine) on \(c.rule): \(plan.sessions.map { "\($0.id) \($0.objective) \($0.room) \($0.students)" })")
    }
}
