import Testing
@testable import PacerCore

/// One small school per hard rule, where the rule binds: the planner obeys it, and a hand-made plan
/// that breaks it is caught by the verifier, which names exactly that rule.
@Suite struct HardRuleTests {
    /// A teacher is in at most one place per block.
    @Test func teacherBusy() throws {
        let s = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B], max_sessions_per_day: 2}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,\nS2,Bo,,B1\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1, "one teacher, one block: one session")
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F1", "T", "R2", "B1", ["S2"])])) == ["teacher-busy"])
    }

    /// A room holds at most one session per block.
    @Test func roomBusy() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1)
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F1", "T2", "R1", "A2", ["S2"])])) == ["room-busy"])
    }

    /// A student is in at most one place per block.
    @Test func studentBusy() throws {
        let s = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [B]}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 5}]

            """, students: "id,name,A,B\nS1,Ann,A1,B1\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1)
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F1", "T2", "R2", "B1", ["S1"])])) == ["student-busy"])
    }

    /// Nobody is scheduled where they are unavailable: teacher, room, student.
    @Test func unavailability() throws {
        let s = try school(flex: 2, """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 1}]}]
            teachers: [{id: T, teaches: [A], unavailable: [F1]}]
            rooms: [{id: R1, capacity: 5, unavailable: [F2]}, {id: R2, capacity: 5}]

            """, students: "id,name,A,unavailable\nS1,Ann,A1,\nS2,Bo,A1,F2\n")
        let plan = try planned(s)
        #expect(plan.sessions.map(\.block) == ["Mon-F2"] && plan.sessions.map(\.room) == ["R2"])
        #expect(plan.sessions.first?.students == ["S1"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"])])) == ["teacher-unavailable"])
        #expect(rules(s, handMade(s, [("Mon-F2", "T", "R1", "A1", ["S1"])])) == ["room-unavailable"])
        #expect(rules(s, handMade(s, [("Mon-F2", "T", "R2", "A1", ["S1", "S2"])])) == ["student-unavailable"])
    }

    /// A teacher runs only objectives they can teach.
    @Test func qualification() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T, teaches: [A2]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n")
        let plan = try planned(s)
        #expect(plan.sessions.map(\.objective) == ["A2"])
        #expect(plan.unserved.first { $0.student == "S1" }?.reason == "no teacher can teach A1")
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"])])) == ["not-qualified"])
    }

    /// A teacher runs at most their maximum sessions a day.
    @Test func maximumSessionsPerDay() throws {
        let s = try school(flex: 3, """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B, C], max_sessions_per_day: 2}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,B,C\nS1,Ann,A1,,\nS2,Bo,,B1,\nS3,Cy,,,C1\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 2)
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F2", "T", "R1", "B1", ["S2"]),
                                      ("Mon-F3", "T", "R1", "C1", ["S3"])])) == ["teacher-day"])
    }

    /// A teacher with `max_in_a_row` gets a free block after that many in a row.
    @Test func maximumInARow() throws {
        let s = try school(flex: 3, """
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
              - {id: C, objectives: [{id: C1, min_group: 1}]}
            teachers: [{id: T, teaches: [A, B, C], max_in_a_row: 1}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,B,C\nS1,Ann,A1,,\nS2,Bo,,B1,\nS3,Cy,,,C1\n")
        #expect(s.teachers.first?.maxInARow == 1)
        let plan = try planned(s)
        #expect(plan.sessions.map(\.block) == ["Mon-F1", "Mon-F3"], "one, a free block, one")
        let three = handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F2", "T", "R1", "B1", ["S2"]), ("Mon-F3", "T", "R1", "C1", ["S3"])])
        #expect(rules(s, three) == ["teacher-run"])
        #expect(PlanVerifier(scenario: s).violations(of: three).map(\.message) == ["T runs 3 workshops in a row on Mon (Mon-F1, Mon-F2, Mon-F3), at most 1"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1"]), ("Mon-F3", "T", "R1", "C1", ["S3"])])) == [])
    }

    /// Group sizes lie within the objective's limits and the room's capacity.
    @Test func groupSizes() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, max_group: 3}, {id: A2, min_group: 2}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: BIG, capacity: 9}, {id: SMALL, capacity: 2}]

            """, students: "id,name,A\nS1,A,A1\nS2,B,A1\nS3,C,A1\nS4,D,A1\nS5,E,A1\nS6,F,A2\n")
        let plan = try planned(s)
        #expect(plan.sessions.allSatisfy { $0.objective == "A1" }, "A2 has one student, below its minimum of 2")
        #expect(plan.sessions.map(\.students.count).sorted() == [2, 3], "A1's five students need two groups: 3 (max) and 2 (SMALL's capacity)")
        #expect(plan.unserved.first { $0.student == "S6" }?.reason == "only 1 student(s) are on A2, fewer than its minimum group of 2")
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "BIG", "A1", ["S1", "S2", "S3", "S4"])])) == ["group-too-large"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "BIG", "A2", ["S6"])])) == ["group-too-small"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "SMALL", "A1", ["S1", "S2", "S3"])])) == ["room-capacity"])
    }

    /// The room has the features the objective needs.
    @Test func roomFeatures() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, needs: [lab]}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: PLAIN, capacity: 30}, {id: LAB, capacity: 4, features: [lab]}]

            """, students: "id,name,A\nS1,Ann,A1\n")
        let plan = try planned(s)
        #expect(plan.sessions.map(\.room) == ["LAB"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "PLAIN", "A1", ["S1"])])) == ["room-features"])
    }

    /// A student attends only sessions on their current objective, at most one per subject per day.
    @Test func currentObjectiveOncePerDay() throws {
        let s = try school(days: ["Mon", "Tue"], flex: 2, """
            subjects: [{id: A, objectives: [{id: A1, min_group: 1, workshops_per_week: 2}, {id: A2, min_group: 1}]}]
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,unavailable\nS1,Ann,A1,Tue\n")
        let plan = try planned(s)
        #expect(plan.sessions.count == 1, "a second A workshop the same day is not allowed")
        #expect(plan.sessions.first?.objective == "A1")
        #expect(plan.unserved.map(\.got) == [1])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A2", ["S1"])])) == ["not-current-objective"])
        #expect(rules(s, handMade(s, [("Mon-F1", "T1", "R1", "A1", ["S1"]), ("Mon-F2", "T2", "R1", "A1", ["S1"])])) == ["once-per-day"])
    }

    /// A plan whose stated objective is not what its sessions cost is caught.
    @Test func misstatedObjective() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 1}, {id: A2, min_group: 1}]}]
            teachers: [{id: T, teaches: [A1]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A2\n")
        var plan = try planned(s)
        plan.cost.total += 1
        #expect(rules(s, plan) == ["objective"])
        var listless = try planned(s)
        listless.unserved = []
        #expect(rules(s, listless) == ["unserved-list"])
    }
}

@Suite struct VerifierWantsNothingTests {
    /// A student who wants no workshop yet attends one is flagged, not skipped.
    @Test func anAttendanceNobodyWantedIsTooMany() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let plan = try PlanFile.read(golden + "/plan.json")
        var context = PlanningContext(scenario: scenario)
        var wanted: [StudentID: [SubjectID: Int]] = [:]
        for s in scenario.students { wanted[s.id] = ["MATH": 2] }
        wanted["S-11"] = ["MATH": 0]
        context.wanted = wanted
        let attended = plan.sessions.filter { $0.students.contains("S-11") }.count
        #expect(attended > 0)
        let violations = PlanVerifier(context: context).violations(of: plan)
        #expect(violations.contains { $0.rule == "too-many" && $0.message == "S-11 gets \(attended) workshops on MATH-7.NS.1, it asks for 0" }, "\(violations)")
    }
}

/// Students to keep apart are never in one session, by default, in every engine and in verify;
/// a scenario that opts into a soft rule lets the exact models group them at a price.
@Suite struct KeepApartTests {
    /// Two students on one objective with a minimum group of two and one teacher in one block:
    /// grouping them is the only way to serve either.
    func pair(policy: String = "") throws -> Scenario {
        try school("""
            subjects: [{id: A, objectives: [{id: A1, min_group: 2, workshops_per_week: 1}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]
            \(policy)
            """, students: "id,name,A,keep_apart\nS1,Ann,A1,S2\nS2,Bo,A1,\n")
    }

    @Test func theGreedyConstructionKeepsThemApart() throws {
        let s = try pair()
        let sessions = GreedyPlanner(scenario: s, demands: Demand.all(s), seed: 1).run()
        #expect(sessions.isEmpty, "\(sessions)")
    }

    @Test func theBlockModelsKeepThemApart() throws {
        let s = try pair()
        let sessions = try NeighbourhoodImprover(scenario: s, demands: Demand.all(s), nodeLimit: 100).improve([], deadline: .now + .seconds(60), stop: nil)
        #expect(sessions.isEmpty, "\(sessions)")
    }

    @Test func theReferenceModelKeepsThemApart() throws {
        let s = try pair()
        let model = try ReferenceModel(scenario: s, set: CandidateSet(scenario: s, demands: Demand.all(s)))
        let solution = try model.problem.solveMIP()
        #expect(solution.status == .optimal)
        #expect(model.sessions(from: solution.values).isEmpty)
    }

    /// The counted model knows the pair cannot share a session, so the bound alone proves the
    /// empty plan optimal.
    @Test func theBoundKeepsThemApart() throws {
        let plan = try planned(try pair())
        #expect(plan.header.status == .optimal && plan.header.method == "greedy")
        #expect(plan.sessions.isEmpty)
        #expect(plan.unserved.count == 2)
    }

    @Test func verifyNamesAPairInOneSession() throws {
        let s = try pair()
        #expect(rules(s, handMade(s, [("Mon-F1", "T", "R1", "A1", ["S1", "S2"])])).contains("keep-apart"))
    }

    @Test func aSoftRuleLetsTheExactModelGroupThemAtItsPrice() throws {
        let s = try pair(policy: "policy: {keep_apart: 30}")
        #expect(s.policy.keepApart == .soft(points: 30))
        let plan = try planned(s)
        #expect(plan.sessions.map(\.students) == [["S1", "S2"]])
        #expect(plan.cost.keepApart == 30)
        #expect(!rules(s, plan).contains("keep-apart"))
    }

    @Test func hardIsTheDefaultAndCanBeWritten() throws {
        #expect(try pair().policy.keepApart == .hard)
        #expect(try pair(policy: "policy: {keep_apart: hard}").policy.keepApart == .hard)
    }
}

@Suite struct UnservedReasonTests {
    /// Every reason's message reads back as its own kind, so tables over plan files count right.
    @Test func everyMessageReadsBackAsItsKind() {
        let reasons: [UnservedReason] = [
            .unknownObjective("X"), .noQualifiedTeacher("X"), .noRoomWithFeatures("X", needs: ["lab"]), .roomsTooSmall("X", minGroup: 3),
            .tooFewStudents("X", onIt: 1, minGroup: 2), .noFreeBlock("MATH"), .sessionsFull("X"),
            .noQualifiedTeacherFree("X", teachers: ["T-A"]), .noSuitableRoomFree("X", needs: ["lab"]), .noSuitableRoomFree("X", needs: []),
            .tooFewFreeTogether("X", most: 1, minGroup: 2), .notWorthASession("X"),
        ]
        #expect(Set(reasons.map(\.kind)).count == UnservedReason.Kind.allCases.count)
        for reason in reasons { #expect(UnservedReason.Kind(message: reason.message) == reason.kind, "\(reason.message)") }
        #expect(UnservedReason.Kind(message: "something else") == nil)
        #expect(UnservedReason.Kind(message: "no room with the features X needs is free when the student and a qualified teacher are")
                    == .noSuitableRoomFree, "plan files written before the feature was named still count")
    }

    /// Two students on an objective whose minimum group is 2, never free at the same time: each is
    /// told that the minimum group is what stops them, not the policy.
    @Test func aMinimumGroupThatIsNeverFreeAtOnceIsNamed() throws {
        let s = try school(days: ["Mon", "Tue"], """
            subjects: [{id: A, objectives: [{id: A1, min_group: 2}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A,unavailable\nS1,Ann,A1,Tue\nS2,Bo,A1,Mon\n")
        let plan = try planned(s)
        #expect(plan.sessions.isEmpty)
        #expect(plan.unserved.map(\.reason) == Array(repeating:
            "at most 1 student(s) on A1 are free at the same time as a qualified teacher and a room, fewer than its minimum group of 2", count: 2))
    }

    /// The one room is taken: a student whose objective needs no feature is told every room is
    /// taken; students whose objective needs the lab are told the lab is what is missing.
    @Test func aTakenRoomIsNamedByItsFeature() throws {
        let s = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1, needs: [lab]}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A, B]}]
            rooms: [{id: LAB, capacity: 4, features: [lab]}]

            """, students: "id,name,A,B\nS1,Ann,A1,\nS2,Bo,A1,\nS3,Cy,,B1\n")
        let labForA = handMade(s, [("Mon-F1", "T1", "LAB", "A1", ["S1", "S2"])])
        #expect(labForA.unserved.map(\.reason) == ["every room is taken when the student and a teacher who can teach B1 are free"])
        let labForB = handMade(s, [("Mon-F1", "T2", "LAB", "B1", ["S3"])])
        #expect(labForB.unserved.map(\.reason)
                    == Array(repeating: "no room with lab (which A1 needs) is free when the student and a qualified teacher are", count: 2))
    }
}
