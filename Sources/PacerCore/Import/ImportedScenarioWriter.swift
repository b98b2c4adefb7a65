import Foundation
import Yams

/// What the source cannot say and the scenario needs: the progressions students move along and how
/// many workshops they want. Shared by every importer.
public struct ImportOptions: Sendable {
    /// Steps in each subject's made-up progression (`MATH.1` … `MATH.8`).
    public var objectivesPerSubject = 8
    /// When set, students stand at seeded random steps (see `ObjectiveSynthesis`); otherwise on the first.
    public var syntheticSeed: UInt64?
    /// Students per class, group or set when the source gives no head count.
    public var studentsPerGroup = 20
    /// Seats per room when the source gives no capacity.
    public var roomCapacity = 30

    public init() {}
}

/// Students' places in made-up progressions, for sources with no mastery data (FET, XHSTT, and
/// OneRoster without a current-objectives file).
///
/// With a seed, each student's step in each subject is 1 + Binomial(K − 1, 0.25) for K steps: most
/// students near the start (the mean is step 1 + (K − 1)/4, step 2.75 of 8), a few far ahead, as in a
/// class a few weeks into mastery pacing. Draws go student by student in id order and subject by
/// subject in the student's order, from SplitMix64, so the same seed gives the same school.
public enum ObjectiveSynthesis {
    public static let advanceChance = 0.25

    static func apply(seed: UInt64, steps: Int, to school: inout ImportedSchool) {
        var random = SeededGenerator(seed: seed)
        for index in school.students.indices {
            for subject in school.students[index].subjects where school.students[index].steps[subject] == nil {
                var step = 0
                for _ in 1..<max(1, steps) where random.chance(advanceChance) { step += 1 }
                school.students[index].steps[subject] = step
            }
        }
    }
}

/// How every import writes its scenario folder: first into a hidden folder beside `out`, which is
/// validated with the same code as `pacer validate` and then renamed into place, so a failed import
/// leaves nothing behind. Beside `out` so that a variant's relative `extends` resolves the same.
public enum StagedScenario {
    /// Refuses an `out` that exists and is not an empty folder.
    public static func refuseExisting(_ out: String) throws {
        let target = URL(fileURLWithPath: out).standardizedFileURL
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ImportError(.start(of: out), "\(out) is a file, not a folder; name a new folder (nothing was written)")
        }
        if FileManager.default.fileExists(atPath: target.path),
           (try? FileManager.default.contentsOfDirectory(atPath: target.path))?.isEmpty != true {
            throw ImportError(.start(of: out), "\(out) already exists and is not empty; name a new folder (nothing was written)")
        }
    }

    /// Writes `files` (name, text) into the new folder `out` after checking that the scenario they
    /// make loads without errors. Returns the validation's warnings.
    @discardableResult
    public static func write(_ files: [(name: String, text: String)], to out: String) throws -> [Diagnostic] {
        try refuseExisting(out)
        let manager = FileManager.default
        let target = URL(fileURLWithPath: out).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).importing-\(getpid())")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        defer { try? manager.removeItem(at: staging) }

        for file in files {
            try OutputFile.write(file.text, to: staging.appendingPathComponent(file.name).path)
        }
        let reading = ScenarioLoader.read(staging.path)
        if reading.scenario == nil {
            // Shown against the folder the user named, not the hidden one being checked.
            let first = reading.errors.prefix(5).map { $0.description.replacingOccurrences(of: staging.path, with: out) }
                .joined(separator: "\n")
            throw ImportError(.start(of: out), "the imported scenario does not validate (nothing was written):\n\(first)")
        }
        if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
        try manager.moveItem(at: staging, to: target)
        return reading.warnings
    }
}

/// Writes an `ImportedSchool` as a scenario folder, after checking it loads without errors.
public enum ImportedScenarioWriter {
    public struct Files: Sendable {
        public let scenarioYAML: String
        public let studentsCSV: String
    }

    /// students.csv's columns that are not subjects: an imported subject may not take one's name.
    static let reservedColumns = Set(ScenarioBuilder.reservedColumns)

    public static func files(_ school: ImportedSchool, options: ImportOptions) throws -> Files {
        var school = school
        if let seed = options.syntheticSeed {
            ObjectiveSynthesis.apply(seed: seed, steps: options.objectivesPerSubject, to: &school)
        }
        let header = """
            # Imported by `pacer import` from \(school.source.replacingOccurrences(of: "\n", with: " ")).
            # Objectives are made up (\(options.objectivesPerSubject) steps per subject): replace them with the
            # school's own progressions. Fixed commitments are written as `unavailable` blocks.

            """
        let yaml = try Yams.serialize(node: scenarioNode(school, options: options), width: -1, allowUnicode: true)
        return Files(scenarioYAML: header + yaml, studentsCSV: studentsCSV(school, options: options))
    }

    /// Writes the scenario into the new folder `out` (`StagedScenario.write`). Returns the
    /// validation's warnings.
    @discardableResult
    public static func write(_ school: ImportedSchool, options: ImportOptions, to out: String) throws -> [Diagnostic] {
        try StagedScenario.refuseExisting(out)
        let files = try files(school, options: options)
        return try StagedScenario.write([("scenario.yaml", files.scenarioYAML), ("students.csv", files.studentsCSV)], to: out)
    }

    // MARK: - scenario.yaml

    private static func text(_ value: String) -> Node { .scalar(.init(value, .implicit, .doubleQuoted)) }
    private static func number(_ value: Int) -> Node { .scalar(.init(String(value))) }
    private static func flowList(_ values: [String]) -> Node { .sequence(.init(values.map(text), .implicit, .flow)) }
    private static func map(_ pairs: [(String, Node)], flow: Bool = false) -> Node {
        .mapping(.init(pairs.map { (Node.scalar(.init($0.0)), $0.1) }, .implicit, flow ? .flow : .block))
    }

    private static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    static func objectiveID(subject: String, step: Int) -> String { "\(subject).\(step + 1)" }

    private static func scenarioNode(_ school: ImportedSchool, options: ImportOptions) -> Node {
        var calendar: [(String, Node)] = [
            ("days", flowList(school.days.map(\.id))),
            ("periods", .sequence(.init(school.periods.map { period in
                var pairs: [(String, Node)] = [
                    ("id", text(period.id)), ("start", text(clock(period.start))), ("end", text(clock(period.end))),
                ]
                if period.flex { pairs.append(("flex", .scalar(.init("true")))) }
                return map(pairs, flow: true)
            }))),
        ]
        let closed = references(school.closed, in: school, openOnly: false)
        if !closed.isEmpty { calendar.append(("closed", flowList(closed))) }

        let subjects: [Node] = school.subjects.map { subject in
            map([
                ("id", text(subject.id)),
                ("name", text(subject.name)),
                ("defaults", map([
                    ("workshops_per_week", number(1)), ("min_group", number(2)), ("max_group", number(15)),
                ], flow: true)),
                ("objectives", .sequence(.init((0..<options.objectivesPerSubject).map { step in
                    map([
                        ("id", text(objectiveID(subject: subject.id, step: step))),
                        ("title", text("\(subject.name), step \(step + 1)")),
                    ], flow: true)
                }))),
            ])
        }
        let teachers: [Node] = school.teachers.map { teacher in
            var pairs: [(String, Node)] = [("id", text(teacher.id)), ("name", text(teacher.name))]
            pairs.append(("teaches", flowList(teacher.subjects)))
            let busy = references(teacher.busy, in: school)
            if !busy.isEmpty { pairs.append(("unavailable", flowList(busy))) }
            return map(pairs)
        }
        let rooms: [Node] = school.rooms.map { room in
            var pairs: [(String, Node)] = [
                ("id", text(room.id)), ("name", text(room.name)), ("capacity", number(min(10_000, max(1, room.capacity)))),
            ]
            let busy = references(room.busy, in: school)
            if !busy.isEmpty { pairs.append(("unavailable", flowList(busy))) }
            return map(pairs)
        }
        return map([
            ("name", text(school.name)),
            ("description", text("Imported from \(school.source)")),
            ("calendar", map(calendar)),
            ("subjects", .sequence(.init(subjects))),
            ("teachers", .sequence(.init(teachers))),
            ("rooms", .sequence(.init(rooms))),
        ])
    }

    /// Block references for `blocks`: only flex blocks that exist matter for commitments
    /// (`openOnly`); a period taken on every day is written as the period, a whole day as the day.
    static func references(_ blocks: Set<ImportedSchool.Block>, in school: ImportedSchool, openOnly: Bool = true) -> [String] {
        let relevant = blocks.filter { block in
            !openOnly || (school.periods[block.period].flex && !school.closed.contains(block))
        }
        guard !relevant.isEmpty else { return [] }
        func counted(_ block: ImportedSchool.Block) -> Bool {
            !openOnly || (school.periods[block.period].flex && !school.closed.contains(block))
        }
        var remaining = relevant
        var out: [String] = []
        for period in school.periods.indices {
            let column = school.days.indices.map { ImportedSchool.Block(day: $0, period: period) }.filter(counted)
            if !column.isEmpty, column.allSatisfy(remaining.contains), column.count > 1 {
                out.append(school.periods[period].id)
                remaining.subtract(column)
            }
        }
        for day in school.days.indices {
            let row = school.periods.indices.map { ImportedSchool.Block(day: day, period: $0) }.filter(counted)
            let left = row.filter(remaining.contains)
            if row.count > 1, left.count == row.count {
                out.append(school.days[day].id)
                remaining.subtract(row)
            }
        }
        out += remaining.sorted().map { "\(school.days[$0.day].id)-\(school.periods[$0.period].id)" }
        return out
    }

    // MARK: - students.csv

    private static func studentsCSV(_ school: ImportedSchool, options: ImportOptions) -> String {
        let subjectIDs = school.subjects.map(\.id)
        let homes = school.students.contains { $0.homeRoom != nil || $0.homeAdult != nil }
        var csv = CSVWriter.record(["id", "name", "grade"] + subjectIDs + ["unavailable"] + (homes ? ["home_room", "home_adult"] : []))
        for student in school.students {
            let taken = Set(student.subjects)
            let objectives = subjectIDs.map { subject in
                guard taken.contains(subject) else { return "" }
                let step = min(max(0, student.steps[subject] ?? 0), options.objectivesPerSubject - 1)
                return objectiveID(subject: subject, step: step)
            }
            let busy = references(student.busy, in: school).joined(separator: ";")
            csv += CSVWriter.record([student.id, student.name, student.grade] + objectives + [busy]
                + (homes ? [student.homeRoom ?? "", student.homeAdult ?? ""] : []))
        }
        return csv
    }
}
