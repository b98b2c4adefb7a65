import ArgumentParser
import Foundation
import PacerCore

extension PacerCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a scenario from a school's existing files (FET, OneRoster, XHSTT), or a subject from a CASE framework.",
            discussion: """
                Each import writes scenario.yaml and students.csv into a new folder, checks that \
                `pacer validate` accepts them, and prints what came in and what was not used, with \
                reasons. On malformed input it names the file, line and element and writes nothing. \
                None of these formats holds mastery data: subjects get made-up progressions \
                (SUBJECT.1, SUBJECT.2, …) to replace with the school's own. `pacer import case` \
                gives one subject a progression from a 1EdTech CASE package, as a variant of an \
                existing scenario. See docs/imports.md.
                """,
            subcommands: [FET.self, OneRoster.self, XHSTT.self, CASE.self]
        )
    }
}

/// Options every import shares: what the source does not say.
struct ImportCommonOptions: ParsableArguments {
    @Option(help: "New folder to write the scenario into.")
    var out: String

    @Option(name: .customLong("synthetic-objectives"), help: ArgumentHelp(
        "Place students at seeded random steps of each progression (1 + Binomial(K-1, 0.25)).",
        discussion: "Without it every student starts on each subject's first objective.",
        valueName: "seed"))
    var syntheticSeed: UInt64?

    @Option(help: "Steps in each subject's made-up progression.")
    var objectivesPerSubject = 8

    @Option(help: "Students per class or set when the file gives no head count.")
    var studentsPerGroup = 20

    @Option(help: "Seats per room when the file gives no capacity.")
    var roomCapacity = 30

    func validate() throws {
        try NumericOption.count(objectivesPerSubject, "--objectives-per-subject", 1...50)
        try NumericOption.count(studentsPerGroup, "--students-per-group", 1...500)
        try NumericOption.count(roomCapacity, "--room-capacity", 1...10_000)
    }

    var options: ImportOptions {
        var options = ImportOptions()
        options.objectivesPerSubject = objectivesPerSubject
        options.syntheticSeed = syntheticSeed
        options.studentsPerGroup = studentsPerGroup
        options.roomCapacity = roomCapacity
        return options
    }

    /// Writes the school, prints the report, and turns import errors into a clean exit.
    func finish(_ read: () throws -> ImportedSchool) throws {
        do {
            let school = try read()
            let warnings = try ImportedScenarioWriter.write(school, options: options, to: out)
            print("imported \(school.source): \(school.name)")
            for line in school.report.lines { print(line) }
            let flex = school.periods.filter(\.flex).map(\.id)
            print("flex periods: \(flex.joined(separator: ", ")) (\(school.closed.count) blocks closed)")
            let stuck = school.studentsWithoutFreeFlexBlock
            if stuck > 0 {
                print("note: \(stuck) of \(school.students.count) students have no free flex block: their fixed timetable fills every one")
            }
            print("wrote \(out)/scenario.yaml and \(out)/students.csv; `pacer validate \(out)` accepts it"
                + (warnings.isEmpty ? "" : " with \(plural(warnings.count, "warning"))"))
        } catch let error as ImportError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

extension PacerCommand.Import {
    struct FET: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fet",
            abstract: "Import a FET timetable (.fet): staff, rooms, students and the lessons placed in time.",
            discussion: """
                Placed lessons (a timetable FET generated, `…_data_and_timetable.fet`, or lessons \
                locked to a starting time) and not-available times become fixed commitments, so \
                workshops go only where people and rooms are free. Students are made per subgroup \
                (per group or year when it has no subgroups), as many as its Number_of_Students.
                """
        )

        @Argument(help: "The .fet file.")
        var file: String

        @Option(help: ArgumentHelp(
            "Blocks reserved for workshops: auto, all, or a comma-separated list of blocks (DAY-PERIOD), hours, or DAY/HOUR.",
            discussion: """
                Blocks as the imported scenario writes them (`--flex Monday-08_00`, the day and the \
                hour with `:` written `_`), or hours and days as in the FET file or as 1-based numbers: \
                `--flex 7` is the 7th hour every day, `--flex Monday/7,Thursday/7` two blocks. `auto` \
                takes every block free for at least half of the students in the placed timetable; \
                `all` every block.
                """))
        var flex: String

        @OptionGroup var common: ImportCommonOptions

        func run() throws {
            try common.finish { try FETImporter.read(file, flex: FlexSelection(argument: flex), options: common.options) }
        }
    }
}

extension PacerCommand.Import {
    struct XHSTT: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xhstt",
            abstract: "Import an XHSTT-2014 instance with one of its known solutions as the fixed timetable.",
            discussion: """
                Times, teachers, rooms, classes (as groups of --students-per-group students) and \
                students come in; the solution's events become fixed commitments; with --flex all \
                (the default) every time is a candidate flex block where people are free. The \
                archive has no subjects or mastery data: three subjects are made up and students \
                stand at synthetic steps (--synthetic-objectives, seed 1 by default).
                """
        )

        @Argument(help: "The XHSTT archive (.xml).")
        var file: String

        @Option(help: "The instance's Id (needed when the archive holds several).")
        var instance: String?

        @Option(help: "The known solution to keep: its 1-based number among the instance's solutions, or its solution group's Id.")
        var solution = "1"

        @Option(help: "Flex blocks: all (default), auto, or a comma-separated list of PERIOD or DAY/PERIOD (names or 1-based numbers).")
        var flex = "all"

        @OptionGroup var common: ImportCommonOptions

        func run() throws {
            // The archive has no mastery data: students always stand at synthetic steps (seed 1 by default).
            var common = common
            if common.syntheticSeed == nil { common.syntheticSeed = 1 }
            try common.finish {
                try XHSTTImporter.read(file, instance: instance, solution: solution, flex: FlexSelection(argument: flex), options: common.options)
            }
        }
    }
}

extension PacerCommand.Import {
    struct OneRoster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "oneroster",
            abstract: "Import a OneRoster 1.1 or 1.2 CSV export (the folder a student information system writes).",
            discussion: """
                Teachers and students come with their ids (the `identifier` column, else sourcedId) \
                and names; a class's subject is its `subjects`, else its course's, else the course \
                title. OneRoster has no timetable, so the week is Monday to Friday with \
                --flex-periods flex periods and no fixed commitments. Students' current objectives \
                come from --current, else --synthetic-objectives, else each progression's first step.
                """
        )

        @Argument(help: "The folder holding manifest.csv, users.csv, classes.csv, courses.csv, enrollments.csv, ….")
        var folder: String

        @Option(help: "The school's sourcedId or identifier in orgs.csv (needed when the export holds several).")
        var school: String?

        @Option(help: ArgumentHelp(
            "A CSV of current objectives: student,subject,objective.",
            discussion: "student: sourcedId or identifier; subject: as in OneRoster; objective: SUBJECT.N or the step N."))
        var current: String?

        @Option(help: "Flex periods a day.")
        var flexPeriods = 3

        @OptionGroup var common: ImportCommonOptions

        func validate() throws {
            try NumericOption.count(flexPeriods, "--flex-periods", 1...12)
        }

        func run() throws {
            try common.finish {
                try OneRosterImporter.read(folder, school: school, current: current, flexPeriods: flexPeriods, options: common.options)
            }
        }
    }
}

extension PacerCommand.Import {
    struct CASE: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "case",
            abstract: "Make or extend a scenario's subject from a 1EdTech CASE package (1.0 or 1.1 JSON).",
            discussion: """
                Writes a variant of --into (the base scenario) into the new folder --out: the \
                variant extends the base and gives --subject the package's items as objectives, \
                each keeping its CASE identifier (case_id). By default the leaves of the isChildOf \
                tree are imported, in the tree's order (sequenceNumber, listEnumeration, \
                humanCodingScheme), reordered by precedes, which also gives prerequisites. A new \
                subject gets students.csv: the base's students, all on its first objective; an \
                existing subject gets the items appended. --into must lie inside the folder \
                that holds --out (a variant may only extend a scenario in its tree), so write \
                --out beside the base. Nothing is written unless `pacer validate` accepts the \
                result. See docs/imports.md.
                """
        )

        @Argument(help: "The CASE package (.json): a CFPackage with CFDocument, CFItems and CFAssociations.")
        var file: String

        @Option(name: .customLong("into"), help: ArgumentHelp("The scenario to extend (a folder or a YAML file).", valueName: "base"))
        var base: String

        @Option(help: "The subject's id: an existing subject of the base gets the items appended; a new one is made.")
        var subject: String

        @Option(help: "New folder for the variant, beside the base (its folder must hold --into).")
        var out: String

        @Option(help: "The subject's name: a new subject's (default: the CASE document's title), or a new name for an existing one.")
        var name: String?

        @Option(help: "Only items under this item: its identifier or humanCodingScheme.")
        var branch: String?

        @Option(help: ArgumentHelp(
            "Import the items of these types instead of the leaves (comma-separated CFItemType, case aside).",
            valueName: "types"))
        var itemTypes: String?

        @Option(help: ArgumentHelp("Teachers of the base who teach the subject (comma-separated ids).", valueName: "ids"))
        var teachers: String?

        func run() throws {
            var request = CASEVariantWriter.Request(file: file, base: base, subject: SubjectID(subject), out: out)
            request.name = name
            request.selection = .init(branch: branch, itemTypes: Self.list(itemTypes))
            request.teachers = Self.list(teachers).map { TeacherID($0) }
            do {
                let outcome = try CASEVariantWriter.write(request)
                print("imported CASE: \(PersonText.visible(outcome.title)) (CASE \(outcome.version))")
                for line in outcome.report.lines { print(line) }
                let students = outcome.newSubject ? " and \(out)/students.csv" : ""
                print("wrote \(out)/scenario.yaml (a variant of \(base))\(students): \(plural(outcome.objectives.count, "objective")) in \(subject); "
                    + "`pacer validate \(out)` accepts it" + (outcome.warnings.isEmpty ? "" : " with \(plural(outcome.warnings.count, "warning"))"))
            } catch let error as ImportError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode.failure
            }
        }

        static func list(_ text: String?) -> [String] {
            (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}
