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
                students clearly better. Each change costs plan_change in the objective. Writes \
                OUT/plan.json (a day plan with what changed per teacher and per student) and prints \
                the changes. Check it with pacer verify, then pacer publish it.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Option(help: "The day to regroup, YYYY-MM-DD.") var date: String
        @Option(help: "Folder to write plan.json into.") var out: String
        @Option(name: .customLong("time-limit"), help: "Wall-clock seconds for the whole command.") var timeLimit: Double = 30
        @Option(name: .customLong("node-limit"), help: "Branch-and-bound nodes the exact search may use.") var nodeLimit: Int = PlanOptions().nodeLimit

        func validate() throws {
            if SchoolDate(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
            try NumericOption.seconds(timeLimit, "--time-limit")
            try NumericOption.nodes(nodeLimit)
        }

        func run() throws {
            let commandStarted = ContinuousClock.now
            let loaded = try loadScenario(scenario)
            try refuseOutputInsideInputs(out, scenario: loaded)
            let day = SchoolDate(date) ?? .today()
            let store = try StateStore.existing(for: loaded)
            let context = try store.dayContext(loaded, date: day)
            let folder = try OutputFolder(out)  // a folder that cannot be written is found before planning
            let absent = try store.absences(from: day, to: day)
            if !absent.isEmpty { print("absent: " + absent.map(\.text).joined(separator: "; ")) }
            let interrupt = InterruptHandler()
            let report = Terminal.planProgress()
            // The limit covers the whole command, reading the state too.
            var result = try Planner.plan(context, options: PlanOptions(timeLimit: timeLimit, nodeLimit: nodeLimit), date: day,
                                          stop: interrupt.token, progress: report, startedAt: commandStarted)
            if report != nil { Terminal.endStatus() }
            result.plan.header.revision = try store.nextRevision(of: day)
            try folder.write(try PlanFile.encode(result.plan), to: "plan.json")
            let changes = result.plan.changes
            print("\(date) (regroup \(result.plan.header.revision ?? 1)): \(result.plan.sessions.count) sessions, \(changes?.unchangedSessions ?? 0) of \(context.published.count) published unchanged; objective \(NumberText.points(result.plan.cost.total))")
            for t in changes?.teachers ?? [] {
                var line = "  \(t.teacher) \(t.block): "
                switch (t.objectiveBefore, t.objectiveAfter) {
                case let (before?, after?) where before != after: line += "\(before) → \(after)"
                case let (before?, nil):
                    line += "cancelled (\(before))"
                    if absent.contains(where: { $0.person == .teacher(t.teacher) }) { line += ": teacher absent" }
                case let (nil, after?):
                    line += "new session on \(after)" + (t.covers.map { ", covering \($0)" } ?? "")
                default: line += "\(t.objectiveAfter?.rawValue ?? "")"
                }
                if t.roomBefore != t.roomAfter, let a = t.roomAfter { line += ", room \(a)" }
                if !t.studentsIn.isEmpty { line += "; in: \(t.studentsIn.map(\.rawValue).joined(separator: ", "))" }
                if !t.studentsOut.isEmpty { line += "; out: \(t.studentsOut.map(\.rawValue).joined(separator: ", "))" }
                print(line)
            }
            for line in PlanSummary.unservedLines(result.plan) { print(line) }
            print("wrote \(out)/plan.json")
        }
    }
}

