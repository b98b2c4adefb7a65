import ArgumentParser
import Foundation
import PacerCore

/// The person of a roster change, as the scenario with its roster writes them (`s-10` is S-10),
/// saying so when it differs from what was typed.
private func rosterPerson(_ written: String, in scenario: Scenario) throws -> Absence.Person {
    guard let person = Absence.Person(written), written.hasPrefix("student:") || written.hasPrefix("teacher:") else {
        throw CommandFailure("write the person as student:ID or teacher:ID, got '\(written)'")
    }
    return typedPerson(person, written: written, in: scenario)
}

/// Records a roster change, printing it as the state now tells it.
private func record(_ change: RosterChange, scenario: Scenario) throws {
    let store = try StateStore.existing(for: scenario)
    do {
        let stored = try Term(scenario: scenario, store: store).record(change)
        print(PersonText.visible(stored.text(in: scenario.withRoster(try store.roster()))))
    } catch let refusal as RosterRefusal {
        throw CommandFailure(refusal.description + "; nothing recorded")
    }
}

private func noteText(_ note: String) throws -> String {
    do { return try PersonText(note, .note).text } catch { throw CommandFailure("--note: \(error)") }
}

private func schoolDate(_ text: String) throws -> SchoolDate {
    guard let date = SchoolDate(text) else { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(text)'") }
    return date
}

/// `MATH-7.RP.1,MATH-7.EE.*` as the objectives they name, as scenario.yaml's `teaches` reads them
/// (spaces around each trimmed, empty ones left out).
private func objectiveList(_ text: String, in scenario: Scenario) throws -> [ObjectiveID] {
    let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let (objectives, problem) = scenario.objectives(teaching: entries)
    if let problem { throw CommandFailure(problem + "; nothing recorded") }
    return objectives
}

extension PacerCommand {
    struct Enroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a student or teacher joins the term on a date: someone new, or someone who left coming back.",
            discussion: """
                Someone new is kept in the term's state (students.csv and scenario.yaml need no \
                editing): a student with --name, --grade and --objective SUBJECT=OBJECTIVE for each \
                subject they take (where their progression starts), a teacher with --name and \
                --teaches. Someone known (in the files, or enrolled before) who left comes back \
                with --date alone, where their history stands. From the date on, week plans and \
                regroups include them; a plan made before is named as changed by publish. \
                pacer leave records the reverse; pacer teaches changes what a teacher teaches.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "student:ID or teacher:ID.") var person: String
        @Option(help: "The first school day they are there, YYYY-MM-DD.") var date: String
        @Option(help: "Someone new: their name.") var name: String?
        @Option(help: "A new student: their grade (one of the school's).") var grade: String?
        @Option(name: .customLong("objective"), help: "A new student: SUBJECT=OBJECTIVE, where they start in a subject; once per subject.")
        var objectives: [String] = []
        @Option(help: "A new teacher: what they teach, comma-separated, as scenario.yaml's teaches (MATH, MATH-7.RP.1, MATH-7.EE.*).") var teaches: String?
        @Option(help: "Why (shown by status); one line of at most 500 characters.") var note = ""

        func validate() throws {
            _ = try schoolDate(date)
            for o in objectives where o.split(separator: "=").count != 2 {
                throw ValidationError("write --objective as SUBJECT=OBJECTIVE (MATH=MATH-7.RP.1), got '\(o)'")
            }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            let who = try rosterPerson(person, in: loaded)
            var details: RosterChange.Details?
            if let name {
                let kept: String
                do { kept = try PersonText(name, .name).text } catch { throw CommandFailure("--name: \(error)") }
                var starts: [SubjectID: ObjectiveID] = [:]
                for o in objectives {
                    let parts = o.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    let subject = SubjectID(rawValue: parts[0])
                    if starts[subject] != nil { throw CommandFailure("--objective names \(subject) twice; give one starting objective per subject") }
                    starts[subject] = ObjectiveID(rawValue: parts[1])
                }
                details = RosterChange.Details(name: kept, grade: grade ?? "", starts: starts)
            } else if grade != nil || !objectives.isEmpty || teaches != nil {
                throw CommandFailure("--grade, --objective and --teaches describe someone new, who needs --name too")
            }
            if case .teacher = who, !objectives.isEmpty { throw CommandFailure("--objective is a student's starting place; a teacher takes --teaches") }
            if case .student = who, teaches != nil { throw CommandFailure("--teaches is a teacher's; a student takes --objective SUBJECT=OBJECTIVE") }
            try record(RosterChange(date: try schoolDate(date), person: who, kind: .enroll, details: details,
                                    objectives: try teaches.map { try objectiveList($0, in: loaded) } ?? [], note: try noteText(note)), scenario: loaded)
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a student or teacher leaves the term on a date.",
            discussion: """
                From the date on they are in no week plan or regroup: a student who left before a \
                week is not in its plan, one who leaves during it is away from the date (the day's \
                regroup drops them), a teacher's sessions go to others or are cancelled by the \
                regroup. Their history stays: pacer status --student ID shows it with the day they \
                left, and exports keep their past. A plan made before the leave is named as changed \
                by publish. pacer enroll --date brings them back.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "student:ID or teacher:ID.") var person: String
        @Option(help: "The first school day they are no longer there, YYYY-MM-DD.") var date: String
        @Option(help: "Why (shown by status); one line of at most 500 characters.") var note = ""

        func validate() throws { _ = try schoolDate(date) }

        func run() throws {
            let loaded = try loadScenario(scenario)
            try record(RosterChange(date: try schoolDate(date), person: try rosterPerson(person, in: loaded), kind: .leave,
                                    note: try noteText(note)), scenario: loaded)
        }
    }

    struct Teaches: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a teacher teaches other objectives from a date on.",
            discussion: """
                The objectives replace what scenario.yaml (or their enroll) gave them, from the date \
                on: week plans take what the teacher teaches on the week's first day, and each \
                day's regroup what they teach that day, so a change in the middle of a week takes \
                effect with the day's regroup.
                """
        )
        @Argument(help: "The scenario.") var scenario: String
        @Argument(help: "teacher:ID.") var person: String
        @Option(help: "The first school day it holds, YYYY-MM-DD.") var date: String
        @Option(help: "All they teach from the date, comma-separated, as scenario.yaml's teaches (MATH, MATH-7.RP.1, MATH-7.EE.*).") var objectives: String
        @Option(help: "Why (shown by status); one line of at most 500 characters.") var note = ""

        func validate() throws {
            _ = try schoolDate(date)
            if !person.hasPrefix("teacher:") { throw ValidationError("name the teacher as teacher:ID, got '\(person)'") }
        }

        func run() throws {
            let loaded = try loadScenario(scenario)
            try record(RosterChange(date: try schoolDate(date), person: try rosterPerson(person, in: loaded), kind: .teaches,
                                    objectives: try objectiveList(objectives, in: loaded), note: try noteText(note)), scenario: loaded)
        }
    }
}
