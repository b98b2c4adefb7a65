import Foundation
import Testing
@testable import PacerCore

/// The catalogue itself: a rule is asked only the questions it says it answers, so saying too
/// few would let engines skip it silently; and every rule is in docs/model.md's table.
@Suite struct RuleCatalogueTests {
    /// Every question a rule does not list among its answers gets "yes" from it, in the tiny school
    /// with its golden plan in place (so that "busy" and "already today" can bind).
    @Test func noRuleAnswersAQuestionItDoesNotList() throws {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let plan = try PlanFile.read(golden + "/plan.json")
        let catalogue = RuleCatalogue(scenario)
        let school = catalogue.school
        let occupancy = Occupancy(school, sessions: plan.sessions)
        #expect(catalogue.rules.count >= 8)
        for rule in catalogue.rules {
            let answers = type(of: rule).answers
            for b in school.blocks.indices {
                for objective in scenario.objectives {
                    for t in school.teachers.indices {
                        if !answers.contains(.permitsTeacher) { #expect(rule.permits(teacher: t, running: objective, in: b), "\(rule)") }
                        if !answers.contains(.allowsTeacher) { #expect(rule.allows(teacher: t, running: objective, in: b, occupancy), "\(rule)") }
                    }
                    for r in school.rooms.indices {
                        if !answers.contains(.permitsRoom) { #expect(rule.permits(room: r, hosting: objective, in: b), "\(rule)") }
                        if !answers.contains(.allowsRoom) { #expect(rule.allows(room: r, hosting: objective, in: b, occupancy), "\(rule)") }
                    }
                    for s in school.students.indices {
                        if !answers.contains(.permitsStudent) { #expect(rule.permits(student: s, attending: objective, in: b), "\(rule)") }
                        if !answers.contains(.allowsStudent) { #expect(rule.allows(student: s, attending: objective, in: b, occupancy), "\(rule)") }
                    }
                }
            }
            if !answers.contains(.allowsJoining) {
                for s in school.students.indices { #expect(rule.allows(student: s, joining: Array(school.students.indices)), "\(rule)") }
            }
        }
    }

    /// docs/model.md's catalogue table names every rule's file.
    @Test func everyRuleIsInTheDocumentation() throws {
        let docs = URL(fileURLWithPath: scenariosFolder).deletingLastPathComponent().appendingPathComponent("docs/model.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for family in RuleCatalogue.families {
            #expect(text.contains("`\(family).swift`"), "\(family) is missing from docs/model.md")
        }
    }
}
