import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a generated school as a scenario folder (for examples and benchmarks).",
            discussion: """
                The same options give the same files. The shipped scenarios/middle-school and \
                scenarios/high-school were made with --preset middle and --preset high.
                """
        )

        enum Preset: String, ExpressibleByArgument, CaseIterable {
            case middle, high
        }

        @Option(help: "Start from a shipped school: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")).")
        var preset: Preset?

        @Option(help: "Number of students (without --preset, staff and rooms scale with it).")
        var students: Int?

        @Option(help: "Seed of the random choices.")
        var seed: UInt64?

        @Option(help: "Folder to write scenario.yaml and students.csv into (created if missing).")
        var out: String

        func validate() throws {
            if preset == nil, students == nil { throw ValidationError("give --preset or --students") }
            if let students { try NumericOption.count(students, "--students", 1...100_000) }
        }

        func run() throws {
            var spec: SchoolSpec
            switch preset {
            case .middle: spec = .middleSchool
            case .high: spec = .highSchool
            case nil: spec = .scaled(students: students ?? 0)
            }
            if preset != nil, let students { spec.students = students }
            if let seed { spec.seed = seed }
            let files = SchoolGenerator.generate(spec)
            let folder = try OutputFolder(out)
            try folder.write(files.scenarioYAML, to: "scenario.yaml")
            try folder.write(files.studentsCSV, to: "students.csv")
            print("wrote \(out)/scenario.yaml and \(out)/students.csv (\(spec.students) students)")
        }
    }
}
