import ArgumentParser
import PacerCore

@main
struct PacerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pacer",
        abstract: "Plan workshops for a mastery-based school with an exact solver (GLPK).",
        discussion: """
            A scenario is a folder with scenario.yaml (calendar, subjects and their progressions, \
            teachers, rooms, policy) and students.csv (where each student stands). \
            See docs/scenario-format.md.
            """,
        version: Pacer.version,
        subcommands: [Validate.self, Plan.self, Verify.self, Model.self, Init.self, Record.self, RequestCommand.self, Absent.self, Closed.self, Enroll.self, Leave.self, Teaches.self, Publish.self, Regroup.self, Status.self, Backup.self, Restore.self, Access.self, Serve.self, Export.self, Compare.self, Forecast.self, Generate.self, Import.self]
    )
}
