import Foundation
import Yams

/// `pacer import case`: writes a variant of a scenario whose subject is made, or extended, from a
/// CASE package (docs/imports.md, "CASE").
///
/// The variant (`OUT/scenario.yaml`) `extends` the base and lists one subject: a new subject gets
/// the CASE items as its progression and `OUT/students.csv`, the base's students file with one
/// more column putting every student on the first objective; an existing subject gets the items
/// appended (the variant merge appends new ids), items already there by `case_id` left out.
public enum CASEVariantWriter {
    public struct Request: Sendable {
        public var file: String
        public var base: String
        public var subject: SubjectID
        public var out: String
        /// The subject's name (a new subject; the CASE document's title by default).
        public var name: String?
        public var selection = CASEProgression.Selection()
        /// Teachers of the base who should teach the subject.
        public var teachers: [TeacherID] = []

        public init(file: String, base: String, subject: SubjectID, out: String) {
            self.file = file
            self.base = base
            self.subject = subject
            self.out = out
        }
    }

    public struct Outcome: Sendable {
        public var title: String
        public var version: String
        public var report: ImportReport
        /// Whether the subject is new (and OUT/students.csv was written).
        public var newSubject: Bool
        public var objectives: [CASEProgression.Objective]
        /// The validation's warnings.
        public var warnings: [Diagnostic]
    }

    /// Checks, writes and validates the variant; throws `ImportError` with nothing written.
    public static func write(_ request: Request) throws -> Outcome {
        let out = request.out, start = SourceLocation.start(of: request.base)
        try StagedScenario.refuseExisting(out)

        // The trust boundary: the written variant may only extend a scenario inside its tree.
        let outPath = Paths.normalize(URL(fileURLWithPath: out).standardizedFileURL.path)
        let tree = Paths.real(Paths.directory(of: outPath))
        let basePath = Paths.normalize(URL(fileURLWithPath: request.base).standardizedFileURL.path)
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw ImportError(start, "no scenario at \(request.base) (--into names the scenario folder to extend)")
        }
        guard Paths.isInside(basePath, tree) else {
            throw ImportError(start, "--into \(request.base) is not inside \(tree), the folder holding --out: a scenario may only extend one beside it (docs/scenario-format.md, the trust boundary); write --out next to the base")
        }

        // The base, validated, and its merged YAML (for students and teachers' raw `teaches`).
        let reading = ScenarioLoader.read(basePath)
        guard let scenario = reading.scenario else {
            let first = reading.errors.prefix(5).map(\.description).joined(separator: "\n")
            throw ImportError(start, "the base scenario does not validate; fix it first (nothing was written):\n\(first)")
        }
        let log = DiagnosticLog()
        guard let document = ScenarioDocument.load(basePath, log: log) else {
            throw ImportError(start, "cannot read the base scenario \(request.base)")
        }

        let subjectText = request.subject.rawValue
        if let problem = IdentifierRule.problem(subjectText) {
            throw ImportError(start, "--subject \(printable(subjectText)): \(problem)")
        }
        if ImportedScenarioWriter.reservedColumns.contains(subjectText) {
            throw ImportError(start, "--subject \(subjectText) is a reserved students.csv column; choose another id")
        }
        let subject = request.subject
        let existing = scenario.subjects.first { $0.id == subject }
        if existing == nil, let other = scenario.subjects.first(where: { IdentifierRule.folded($0.id.rawValue) == IdentifierRule.folded(subjectText) }) {
            throw ImportError(start, "--subject \(subjectText) differs from the base's subject \(other.id) only by case; write \(other.id) to extend it")
        }
        let teacherIDs = Set(scenario.teachers.map(\.id))
        for teacher in request.teachers where !teacherIDs.contains(teacher) {
            throw ImportError(start, "--teachers: the base has no teacher \(printable(teacher.rawValue)); it has \(scenario.teachers.map(\.id.rawValue).prefix(20).joined(separator: ", "))")
        }

        let package = try CASEPackage.read(request.file)
        var progression = try CASEProgression(
            package, subject: request.subject, selection: request.selection,
            existing: .init(objectiveIDs: scenario.objectives.map(\.id),
                            caseIDs: scenario.objectives.compactMap(\.caseID),
                            subjectCaseIDs: Dictionary((existing?.objectives ?? []).compactMap { objective in
                                objective.caseID.map { ($0, objective.id) }
                            }, uniquingKeysWith: { first, _ in first }),
                            subjectObjectives: existing?.objectives.count ?? 0),
            file: request.file)

        // Who teaches it.
        let teachesNow = rawTeaches(document.root)
        var teacherEntries: [(id: TeacherID, teaches: [String])] = []
        // A new subject is taught whole; in an existing one, the teachers named get the new
        // objectives only (the subject's id would give them every objective the base has in it).
        let added = existing == nil ? [subjectText] : progression.objectives.map(\.id.rawValue)
        for teacher in request.teachers {
            let entries = teachesNow[teacher] ?? []
            let missing = added.filter { !entries.contains($0) && !entries.contains(subjectText) }
            if missing.isEmpty { continue }
            teacherEntries.append((teacher, entries + missing))
        }
        let teaching = (teachesNow.filter { $0.value.contains(subjectText) }.map(\.key).sorted()
            + teacherEntries.map(\.id)).map(\.rawValue)
        let named = Set(request.teachers)
        if teaching.isEmpty {
            let who = existing == nil ? "nobody teaches \(subjectText) yet" : "no teacher's teaches names \(subjectText) itself, so nobody teaches the new objectives yet"
            progression.report.assume("\(who): run again with --teachers T-A,T-B, or add \(subjectText) to a teacher's teaches in \(out)/scenario.yaml")
        } else if existing != nil {
            let whole = teachesNow.filter { $0.value.contains(subjectText) && !named.contains($0.key) }.map(\.key.rawValue).sorted()
            progression.report.assume("the new objectives are taught by "
                + [whole.isEmpty ? nil : "those who teach all of \(subjectText) (\(whole.joined(separator: ", ")))",
                   request.teachers.isEmpty ? nil : "the teachers named, who get them and nothing more of \(subjectText) (\(request.teachers.map(\.rawValue).joined(separator: ", ")))"]
                    .compactMap { $0 }.joined(separator: " and "))
        }

        // The files.
        let baseName = scenario.name
        var files: [(name: String, text: String)] = []
        var variant: [(String, Node)] = [
            // Relative to the variant's own folder (the staging folder sits beside it, at the same depth).
            ("extends", text(relativePath(from: Paths.join(tree, URL(fileURLWithPath: outPath).lastPathComponent),
                                          to: Paths.real(basePath)))),
        ]
        let documentTitle = CASEProgression.fittedName(package.title).0
        var subjectName = existing?.name ?? documentTitle
        if let name = request.name {
            switch PersonText.checked(name, .name) {
            case let .success(text) where !text.isEmpty: subjectName = text
            case .success: throw ImportError(start, "--name is empty")
            case let .failure(problem): throw ImportError(start, "--name: \(problem)")
            }
        }
        // "Riverside, Ratios from What Standards Could Be"; the framework named once when the subject is named after it.
        let source = subjectName == documentTitle ? " (CASE)" : " from \(documentTitle)"
        // Importing into a variant already named after this subject and source keeps its name.
        let addition = "\(subjectName)\(source)"
        variant.append(("name", text(baseName.hasSuffix(addition) ? baseName : "\(baseName), \(addition)")))
        if existing == nil {
            guard case let .scalar(studentsPath, _)? = document.root.entry("students")?.value else {
                throw ImportError(start, "the base scenario names no students file")
            }
            let csv = try studentsWithColumn(studentsPath, column: subjectText, value: progression.objectives[0].id.rawValue)
            files.append(("students.csv", csv))
            variant.append(("students", text("students.csv")))
            progression.report.assume("every student of the base starts \(subjectText) on its first objective, \(progression.objectives[0].id) (column \(subjectText) of \(out)/students.csv)")
        }
        var subjectPairs: [(String, Node)] = [("id", text(subjectText))]
        if existing == nil || request.name != nil { subjectPairs.append(("name", text(subjectName))) }
        subjectPairs.append(("objectives", .sequence(.init(progression.objectives.map(objectiveNode)))))
        variant.append(("subjects", .sequence(.init([map(subjectPairs)]))))
        if !teacherEntries.isEmpty {
            variant.append(("teachers", .sequence(.init(teacherEntries.map { entry in
                map([("id", text(entry.id.rawValue)), ("teaches", .sequence(.init(entry.teaches.map(text), .implicit, .flow)))], flow: true)
            }))))
        }
        let header = """
            # Made by `pacer import case` from \(oneLine(URL(fileURLWithPath: request.file).lastPathComponent)) (CASE \(package.version), "\(printable(documentTitle))"):
            # a variant of the base scenario with \(existing == nil ? "the new" : "more objectives in the") subject \(subjectText).

            """
        let yaml = try Yams.serialize(node: map(variant), width: -1, allowUnicode: true)
        files.insert(("scenario.yaml", header + yaml), at: 0)

        let warnings = try StagedScenario.write(files, to: out)
        return Outcome(title: documentTitle, version: package.version, report: progression.report,
                       newSubject: existing == nil, objectives: progression.objectives, warnings: warnings)
    }

    // MARK: - YAML

    private static func text(_ value: String) -> Node { .scalar(.init(value, .implicit, .doubleQuoted)) }
    private static func map(_ pairs: [(String, Node)], flow: Bool = false) -> Node {
        .mapping(.init(pairs.map { (Node.scalar(.init($0.0)), $0.1) }, .implicit, flow ? .flow : .block))
    }

    private static func objectiveNode(_ objective: CASEProgression.Objective) -> Node {
        var pairs: [(String, Node)] = [
            ("id", text(objective.id.rawValue)), ("title", text(objective.title)), ("case_id", text(objective.caseID)),
        ]
        if let prerequisites = objective.prerequisites {
            pairs.append(("prerequisites", .sequence(.init(prerequisites.map { text($0.rawValue) }, .implicit, .flow))))
        }
        return map(pairs, flow: true)
    }

    private static func oneLine(_ text: String) -> String {
        printable(CASEProgression.oneLine(text))
    }

    /// Each teacher's `teaches` entries as the (merged) scenario writes them.
    static func rawTeaches(_ root: SourceNode) -> [TeacherID: [String]] {
        guard case let .sequence(teachers, _)? = root.entry("teachers")?.value else { return [:] }
        var out: [TeacherID: [String]] = [:]
        for teacher in teachers {
            guard case let .scalar(id, _)? = teacher.entry("id")?.value else { continue }
            var entries: [String] = []
            if case let .sequence(items, _)? = teacher.entry("teaches")?.value {
                for case let .scalar(entry, _) in items { entries.append(entry) }
            }
            out[TeacherID(id)] = entries
        }
        return out
    }

    /// `target` relative to the folder `from` (both absolute): `../tiny-school`.
    static func relativePath(from folder: String, to target: String) -> String {
        let a = folder.split(separator: "/"), b = target.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        let parts = up + b[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    // MARK: - students.csv

    /// The base's students file with a column `column` added, `value` on every student's row:
    /// every other byte as it was (line ends, quoting, a byte order mark). The separator is the
    /// one the header row uses, as when the file is read.
    static func studentsWithColumn(_ path: String, column: String, value: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(.start(of: path), "cannot read the base's students file \(path)")
        }
        var bytes = [UInt8](data)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError(TextFile.firstInvalidByte(bytes, file: path), "the base's students file is not UTF-8 text")
        }
        let separator = Character(CSVTable.Separator.detect(in: Substring(text).unicodeScalars).rawValue)
        var out = bom ? "\u{FEFF}" : ""
        var record = ""
        var quoted = false
        var first = true
        func end(_ lineEnd: String) {
            // A blank line stays blank.
            if !record.trimmingCharacters(in: .whitespaces).isEmpty {
                out += record + String(separator) + (first ? column : value)
                first = false
            } else {
                out += record
            }
            out += lineEnd
            record = ""
        }
        var characters = text.makeIterator()
        while let character = characters.next() {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "\n" || character == "\r\n" || character == "\r" {
                end(String(character))
            } else {
                record.append(character)
            }
        }
        if !record.isEmpty { end("") }
        return out
    }
}
