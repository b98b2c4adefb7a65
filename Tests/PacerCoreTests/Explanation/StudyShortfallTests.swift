import Testing
@testable import PacerCore

/// `validate --deep` on independent study (StudyShortfall.swift): the blocks where study cannot
/// hold everyone present even with no workshop, and the smallest change that would.
@Suite struct StudyShortfallTests {
    @Test func seatsBindSoASpaceIsTheChange() throws {
        // 50 students, two teachers (30 each), a hall of 40: a space of 20 more seats lets the
        // second teacher hold 20 there; more adults alone never help.
        let s = try IndependentStudyRuleTests.twoTeachers(students: 50)
        let found = StudyShortfall.find(s)
        #expect(found.map(\.block) == ["Mon-F1"])
        #expect(found.first?.capacity == 40)
        #expect(found.first?.changes == ["a study space of 20 seats free in Mon-F1"])
        #expect(found.first?.lines.first == "Mon-F1: 50 students present; study holds at most 40 even with no workshop (2 adult(s) free, 30 students each; 40 study seats)")
    }

    @Test func adultsBindSoSupervisorsAreTheChange() throws {
        // 70 students, a hall of 80: two teachers hold 60; one more adult holds the rest.
        let s = try IndependentStudyRuleTests.twoTeachers(students: 70, hall: 80)
        #expect(StudyShortfall.find(s).first?.changes == ["one more supervisor in Mon-F1"])
    }

    @Test func whenNeitherAloneDoesBothAreNamed() throws {
        let s = try IndependentStudyRuleTests.twoTeachers(students: 75)
        #expect(StudyShortfall.find(s).first?.changes == ["2 more supervisor(s) and a study space of 35 seats in Mon-F1"])
    }

    @Test func aSchoolThatHoldsEveryoneHasNone() throws {
        #expect(StudyShortfall.find(try IndependentStudyRuleTests.twoTeachers()).isEmpty)
    }
}
