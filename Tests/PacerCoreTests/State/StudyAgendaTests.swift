import Foundation
import Testing
@testable import PacerCore

/// Independent study in a published plan: the supervising teacher's agenda, who may mark its
/// students absent, and a student's study blocks for the family page.
@Suite struct StudyAgendaTests {
    let tuesday = SchoolDate("2026-11-24")!

    func published() throws -> (String, Scenario, StateStore) {
        let (folder, scenario, store) = try seededTinySchool()
        try store.publish(try tinyWithStudy().1, scenario: scenario, weekOf: SchoolDate("2026-11-23")!)
        return (folder, scenario, store)
    }

    @Test func aSupervisingTeachersDayHoldsTheirStudyGroup() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chen = try store.teacherAgenda(scenario, teacher: "T-CHEN", on: tuesday)
        let group = try #require(chen.study.first)
        #expect(chen.study.count == 1 && group.block == "Tue-F1" && group.room == "Learning commons")
        #expect(group.with == ["Ms Park (learning coach)"])
        #expect(group.members.map(\.name) == ["Ava Martin", "Liam Chen"])
        #expect(group.members.map(\.title) == ["Unit rates with fractions", "Unit rates with fractions"])
        #expect(try store.teacherAgenda(scenario, teacher: "T-OKAFOR", on: tuesday).study.isEmpty)
    }

    @Test func aSupervisingTeacherMayMarkAbsentOnlyTheirStudyGroupsStudents() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try PortalAccess.may(.teacher("T-CHEN"), markAbsent: "S-02", in: "Tue-F1", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.teacher("T-CHEN"), markAbsent: "S-03", in: "Tue-F1", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.teacher("T-CHEN"), markAbsent: "S-02", in: "Tue-F2", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.teacher("T-OKAFOR"), markAbsent: "S-02", in: "Tue-F1", on: tuesday, scenario: scenario, store: store))
    }

    /// Mr Chen supervises Ava's study on Tuesday and can teach her objective: he may record a check
    /// of it there (he runs no workshop with her that day), and nothing else for her.
    @Test func aSupervisingTeacherMayCheckTheObjectiveAStudentStudies() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try PortalAccess.may(.teacher("T-CHEN"), record: "MATH-7.RP.1", for: "S-01", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.teacher("T-CHEN"), record: "MATH-7.RP.2", for: "S-01", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(.teacher("T-RIVERA"), record: "MATH-7.RP.1", for: "S-01", on: tuesday, scenario: scenario, store: store))
        #expect(try store.teacherAgenda(scenario, teacher: "T-CHEN", on: tuesday).study.first?.members.map(\.checkable) == ["MATH-7.RP.1", "MATH-7.RP.1"])
    }

    /// Ms Park, an aide, supervises the same group: her agenda holds it with no checkable objective,
    /// she may see and mark absent its students in its block only, and may record no check.
    @Test func aSupervisorsAgendaAndRightsAreThoseOfTheirStudyGroup() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let park = try store.teacherAgenda(scenario, adult: "A-PARK", on: tuesday)
        #expect(park.groups.isEmpty && park.study.count == 1)
        #expect(park.study.first?.with == ["Mr Chen"])
        #expect(park.study.first?.members.map(\.name) == ["Ava Martin", "Liam Chen"])
        #expect(park.study.first?.members.map(\.checkable) == [nil, nil])
        let aide = AccessRole.supervisor("A-PARK")
        #expect(try PortalAccess.may(aide, actFor: "S-02", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(aide, actFor: "S-03", on: tuesday, scenario: scenario, store: store))
        #expect(try PortalAccess.may(aide, markAbsent: "S-02", in: "Tue-F1", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(aide, markAbsent: "S-02", in: "Tue-F2", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(aide, markAbsent: "S-03", in: "Tue-F1", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(aide, record: "MATH-7.RP.1", for: "S-02", on: tuesday, scenario: scenario, store: store))
        #expect(try !PortalAccess.may(aide, actFor: "S-02", on: SchoolDate("2026-11-25")!, scenario: scenario, store: store), "not on another day")
        #expect(PortalAccess.mayMarkAbsent(aide) && !PortalAccess.mayRecord(aide))
    }

    /// The study roster shows each student's latest check on the objective they study.
    @Test func aStudyRosterCarriesTheLastCheckOnTheStudiedObjective() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Term(scenario: scenario, store: store).record(try checks("date,student,objective,result,note\n2026-11-23,S-02,MATH-7.RP.1,not-yet,close\n", scenario, in: folder),
                                                              source: "test", today: tuesday)
        let members = try #require(try store.teacherAgenda(scenario, adult: "A-PARK", on: tuesday).study.first?.members)
        #expect(members.map { $0.lastCheck.map { "\($0.date) \($0.result) \($0.note)" } } == [nil, "2026-11-23 not-yet close"])
    }

    @Test func aStudentsStudyBlocksNameTheAdultsAndTheRoom() throws {
        let (folder, scenario, store) = try published()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let study = try store.studyBlocks(scenario, of: "S-02", on: [tuesday, SchoolDate("2026-11-25")!])
        #expect(study == [StudentStudy(date: tuesday, block: "Tue-F1", start: "09:25", end: "10:05", title: "Unit rates with fractions",
                                       adults: ["Ms Park (learning coach)", "Mr Chen"], room: "Learning commons", absent: false)])
    }
}
