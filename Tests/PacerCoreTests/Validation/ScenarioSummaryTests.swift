import Foundation
import Testing
@testable import PacerCore

/// What `pacer validate` says of a valid scenario: its study spaces and adults, and one
/// "assumed: …" line for each default Pacer took.
@Suite struct ScenarioSummaryTests {
    @Test func aSchoolThatSaysNothingOfStudyIsToldWhatWasAssumed() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1}]}]
            teachers: [{id: T, teaches: [A1]}, {id: U, teaches: [A1], supervises: false}]
            rooms: [{id: R1, capacity: 5}, {id: R2, capacity: 12}]
            # independent study left to the defaults
            """, students: "id,name,A\nS1,Ann,A1\n")
        let summary = ScenarioSummary(s)
        #expect(summary.lines.contains("  independent study: 2 study spaces (17 study seats); 0 supervisors and 1 supervising teachers, at most 30 students each"))
        #expect(summary.assumed == [
            "  assumed: no room says 'study:', so every room may hold independent study, at its capacity",
            "  assumed: no 'supervisors:' listed, so only teachers supervise independent study",
            "  assumed: no 'students_per_supervisor' in policy, so one adult supervises at most 30 students",
        ])
    }

    @Test func aSchoolThatSaysEverythingAssumesNothing() throws {
        let s = try school("""
            subjects: [{id: A, objectives: [{id: A1}]}]
            teachers: [{id: T, teaches: [A1]}]
            supervisors: [{id: AIDE, name: Ada}]
            rooms: [{id: R1, capacity: 5, study: false}, {id: LIB, capacity: 40, study: 25}]
            policy: {students_per_supervisor: 20}

            """, students: "id,name,A\nS1,Ann,A1\n")
        let summary = ScenarioSummary(s)
        #expect(summary.lines.contains("  independent study: 1 study spaces (25 study seats); 1 supervisors and 1 supervising teachers, at most 20 students each"))
        #expect(summary.assumed == [])
    }
}
