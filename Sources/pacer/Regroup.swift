import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Regroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regroup one day after the latest mastery checks, on top of the published week.",
            discussion: """
                Keeps each published session's teacher, room and block where it can; may change a \
                session's objective and students, and open or cancel sessions when that serves \
                students clearly better. Each change costs plan_change in the objective. An away \
                teacher's session is covered by a free qualified teacher, else its students join \
                another session of it with room, else a qualified teacher gives up their own group \
                when that is cheaper for students overall, else it is cancelled; its change line \
                says which, and what was tried. Writes \
                OUT/plan.json (a day plan with what changed per teacher and per student) and prints \
                the changes, and the students no workshop can take under the hard rules with the \
                smallest changes that would serve them, as pacer plan does. Check it with pacer \
                verify, then pacer publish it. A date closed all day (calendar.holidays, pacer \
                closed) or outside the term is refused with why; on a partly closed date only the \
                open periods are regrouped.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "The day to regroup, YYYY-MM-DD.") var date: String
        @Option(help: "Folder to write plan.json into.") var out: String
        @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Wall-clock seconds for the whole command.", transform: NumericOption.decimal) var timeLimit: Double = PlanOptions.defaultTimeLimit
        @Option(name: .customLong("node-limit"), parsing: .unconditional, help: "Branch-and-bound nodes the exact search may use.") var nodeLimit: Int = PlanOptions().nodeLimit
        @Option(parsing: .unconditional, help: SearchHelp.work, transform: NumericOption.decimal) var work: Double?

        func validate() throws {
            if SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
            try NumericOption.seconds(timeLimit, "--time-limit")
            try NumericOption.nodes(nodeLimit)
            if let work { try NumericOption.seconds(work, "--work") }
        }

        func run() throws {
            let commandStarted = ContinuousClock.now
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            let day = SchoolDate(date) ?? .today()
            let store = try StateStore.existing(for: loaded)
            let folder = try OutputFolder(out)  // a folder that cannot be written is found before planning
            let hold = try OutputLock(out)  // a second command into the same folder is refused, not raced
            defer { withExtendedLifetime(hold) {} }
            let absent = try store.absences(from: day, to: day)
            if !absent.isEmpty { print("absent: " + PersonText.visible(absent.map(\.text).joined(separator: "; "))) }
            let interrupt = InterruptHandler()
            let report = Terminal.planProgress()
            // The limit covers the whole command, reading the state too.
            let regrouped = try Term(scenario: loaded, store: store).regroup(day, options: PlanOptions(timeLimit: timeLimit, nodeLimit: nodeLimit, work: work),
                                                                             stop: interrupt.token, progress: report, startedAt: commandStarted)
            let (result, context) = (regrouped.result, regrouped.context)
            for line in context.scenario.calendar.closureLines { print("closed: " + PersonText.visible(line) + " (not regrouped)") }
            // Verified against the state it was made from, as the portal's regroup is.
            for v in regrouped.violations { Terminal.error("violation: \(v)") }
            if report != nil { Terminal.endStatus() }
            try folder.write(try PlanFile.encode(result.plan), to: "plan.json")
            let changes = result.plan.changes
            print("\(date) (regroup \(result.plan.header.revision ?? 1)): \(result.plan.sessions.count) sessions, \(changes?.unchangedSessions ?? 0) of \(context.published.count) published unchanged; objective \(NumberText.points(result.plan.cost.total))")
            // Who the published day still lists but is off the roster (pacer leave): the regroup dropped them.
            let listed = Set(context.published.flatMap { $0.students.map { Absence.Person.student($0) } + [.teacher($0.teacher)] }
                             + (context.publishedStudy ?? []).flatMap { $0.students.map { Absence.Person.student($0.student) } })
            let left = loaded.roster.changes.filter { $0.kind == .leave && listed.contains($0.person) && loaded.roster.leave(of: $0.person, on: day) == $0 }
            if !left.isEmpty { print("  off the roster, dropped from the day: " + PersonText.visible(left.map { $0.text(in: loaded) }.joined(separator: "; "))) }
            for adult in DayChangeText(result.plan, scenario: loaded).adults {
                for line in adult.lines { print("  \(adult.name), \(line)") }
            }
            for line in PlanSummary.unservedLines(result.plan) { print(line) }
            printExplanation(regrouped.impossibilities, of: result)
            print("wrote \(out)/plan.json")
            if !regrouped.violations.isEmpty {
                throw CommandFailure("the regrouped day breaks \(plural(regrouped.violations.count, "rule")) (listed above); it cannot be published")
            }
        }
    }
}

