import Foundation
import Testing
@testable import PacerCore

@Suite struct UnservedReasonTests {
    /// plan.json stores a reason's kind, the rules behind it and its words; a plan file written
    /// before reasons were typed (the words alone) still reads, as a reason of kind `other`.
    @Test func reasonsAreStoredTypedAndOldFilesStillRead() throws {
        let reason = UnservedReason(.noFreeBlock, rules: [AvailabilityRule.name, SubjectOncePerDayRule.name], "the student cannot join X in any flex block")
        let data = try JSONEncoder().encode(reason)
        #expect(try JSONDecoder().decode(UnservedReason.self, from: data) == reason)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["kind"] as? String == "student has no free block")
        #expect(json["rules"] as? [String] == ["availability", "subject-once-per-day"])
        let old = try JSONDecoder().decode([UnservedReason].self, from: Data(#"["no teacher can teach A1"]"#.utf8))
        #expect(old == [UnservedReason(.other, "no teacher can teach A1")])
        let unknownKind = try JSONDecoder().decode(UnservedReason.self, from: Data(#"{"kind": "a kind from a later version", "text": "t"}"#.utf8))
        #expect(unknownKind == UnservedReason(.other, "t"))
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
        #expect(plan.unserved.map(\.reason) == Array(repeating: UnservedReason(.tooFewFreeTogether, rules: [GroupSizeRule.name],
            "at most 1 student(s) on A1 are free at the same time as a qualified teacher and a room, fewer than its minimum group of 2"), count: 2))
    }

    /// The one room is taken: the students are told no room is free, and the rule that says so
    /// (one place per block) in its own words.
    @Test func aTakenRoomIsNamedByTheRuleThatRefusesIt() throws {
        let s = try school("""
            subjects:
              - {id: A, objectives: [{id: A1, min_group: 1, needs: [lab]}]}
              - {id: B, objectives: [{id: B1, min_group: 1}]}
            teachers: [{id: T1, teaches: [A]}, {id: T2, teaches: [A, B]}]
            rooms: [{id: LAB, capacity: 4, features: [lab]}]

            """, students: "id,name,A,B\nS1,Ann,A1,\nS2,Bo,A1,\nS3,Cy,,B1\n")
        let labForA = handMade(s, [("Mon-F1", "T1", "LAB", "A1", ["S1", "S2"])])
        #expect(labForA.unserved.map(\.reason) == [UnservedReason(.noRoomFree, rules: [OnePlacePerBlockRule.name],
            "no room that can host B1 is free when the student and a teacher who can run it are (already taken)")])
        let labForB = handMade(s, [("Mon-F1", "T2", "LAB", "B1", ["S3"])])
        #expect(labForB.unserved.map(\.reason) == Array(repeating: UnservedReason(.noRoomFree, rules: [OnePlacePerBlockRule.name],
            "no room that can host A1 is free when the student and a teacher who can run it are (already taken)"), count: 2))
    }
}

extension UnservedReasonTests {
    /// A student nothing refused, left out by a search that was stopped, is told the search stopped
    /// first (more time may serve them), not that the policy judged a session not worth it; the
    /// reasons a rule gives stay as they are.
    @Test func aStoppedSearchIsNotBlamedOnThePolicy() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1}, {id: A2, min_group: 3}]}]
            teachers: [{id: T, teaches: [A]}]
            rooms: [{id: R1, capacity: 5}]

            """, students: "id,name,A\nS1,Ann,A1\nS2,Bo,A1\nS3,Cy,A2\n")
        let demands = Demand.all(PlanningContext(scenario: s))
        let whole = UnservedReasonFinder(scenario: s, sessions: [], demands: demands)
        let stopped = UnservedReasonFinder(scenario: s, sessions: [], demands: demands, searchStopped: true)
        #expect(demands.map { whole.reason(for: $0).kind } == [.notWorthASession, .notWorthASession, .tooFewStudents])
        #expect(demands.map { stopped.reason(for: $0).kind } == [.searchStopped, .searchStopped, .tooFewStudents])
        #expect(stopped.reason(for: demands[0]).text.contains("a longer --time-limit or --work may serve the student"))

        // Through the planner: a plan the clock stops before it places anyone says so for each.
        let plan = try planned(s, options: PlanOptions(timeLimit: 0.000_001))
        #expect(plan.header.status == .timeLimit)
        #expect(plan.sessions.isEmpty)
        #expect(plan.unserved.map(\.reason.kind) == [.searchStopped, .searchStopped, .tooFewStudents])
    }
}
