import Foundation
import PacerTestSupport
import Testing
@testable import PacerCore

/// The CASE shared sample, beside the checkout (not in it): a real OpenSALT export.
let sharedCASESample = Checkout.root + "/../shared/data/case/what-standards-could-be-ratios.json"

@Suite struct CASEImportTests {
    let fixtures = importFixtures + "/case"

    func progression(_ name: String, subject: SubjectID = "MATH", selection: CASEProgression.Selection = .init(),
                     existing: CASEProgression.Existing = .init()) throws -> CASEProgression {
        let file = fixtures + "/" + name
        return try CASEProgression(CASEPackage.read(file), subject: subject, selection: selection, existing: existing, file: file)
    }

    /// The message of the ImportError `body` throws, or "" when it throws none.
    func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
        } catch let error as ImportError {
            return error.description
        } catch {
            return "not an ImportError: \(error)"
        }
        return ""
    }

    /// A package file in a new temporary folder holding `bytes`.
    func temporaryPackage(_ bytes: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("package.json").path
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: Reading

    @Test func readsAWrappedCASE11Package() throws {
        let package = try CASEPackage.read(fixtures + "/fractions-1.1-wrapped.json")
        #expect(package.title == "Fractions, grade 4")
        #expect(package.version == "1.1")
        #expect(package.items.count == 6)
        #expect(package.associations.count == 9)
        #expect(package.items[2].itemType == nil && package.items[2].itemTypeTitle == "Domain")
        // A node given by its uri only is read by the uri's last part.
        #expect(package.associations[5].destination == CASEIdentifier("9A0E1C52-0000-4000-8000-000000000003"))
    }

    @Test func leavesInTreeOrderReorderedByPrecedes() throws {
        let made = try progression("fractions-1.1-wrapped.json")
        // Tree order FR.1, FR.2a, FR.2b, FR.10 (natural order: 2 < 10, listEnumeration); FR.10
        // precedes FR.2, which is not imported and stands for its leaves FR.2a and FR.2b.
        #expect(made.objectives.map(\.id) == ["FR.1", "FR.10", "FR.2a", "FR.2b"])
        #expect(made.objectives.map(\.prerequisites) == [nil, nil, ["FR.10"], ["FR.10"]])
        #expect(made.objectives[0].caseID == "9a0e1c52-0000-4000-8000-000000000002")
    }

    @Test func titlesAreOneLineAndCut() throws {
        let made = try progression("fractions-1.1-wrapped.json")
        #expect(made.objectives[0].title == "Unit fractions")
        #expect(made.objectives[1].title == "Compare two fractions with different numerators.")
        let long = made.objectives[2].title
        #expect(long.hasSuffix("…") && long.unicodeScalars.count <= PersonText.Kind.name.limit)
        #expect(made.report.assumptions.contains("titles cut to 200 characters, with … (1): the full statement stays in the framework, found by case_id"))
    }

    /// A framework's text may hold invisible format characters that `PersonText` refuses in a
    /// name: a title drops them (a joiner where it joins is kept), so the variant reads back.
    @Test func titlesDropInvisibleFormatCharacters() throws {
        #expect(CASEProgression.oneLine("frac\u{00AD}tions\u{200B} and\u{FEFF} ratios") == "fractions and ratios")
        #expect(CASEProgression.oneLine("می\u{200C}خواهم") == "می\u{200C}خواهم")
        #expect(try PersonText(CASEProgression.oneLine("a\u{2060}b\u{200E}"), .name).text == "ab")
    }

    @Test func reportsWhatWasReadAndNotUsed() throws {
        let made = try progression("fractions-1.1-wrapped.json")
        #expect(made.report.lines[0] == "read: 6 CFItems, 9 CFAssociations, 4 objectives")
        #expect(made.report.skipped["precedes to or from an item not in the package"]?.count == 1)
        #expect(made.report.skipped["isPeerOf association"]?.count == 1)
        #expect(made.report.skipped["CFItem not selected"]?.count == 2)
    }

    @Test func selectionByBranchAndByTypes() throws {
        let branch = try progression("fractions-1.1-wrapped.json", selection: .init(branch: "FR.2"))
        #expect(branch.objectives.map(\.id) == ["FR.2a", "FR.2b"])
        let byIdentifier = try progression("fractions-1.1-wrapped.json", selection: .init(branch: "9A0E1C52-0000-4000-8000-000000000003"))
        #expect(byIdentifier.objectives.map(\.id) == ["FR.2a", "FR.2b"])
        let standards = try progression("fractions-1.1-wrapped.json", selection: .init(itemTypes: ["standard"]))
        // FR.10 precedes FR.2 itself now that FR.2 is imported.
        #expect(standards.objectives.map(\.id) == ["FR.1", "FR.10", "FR.2"])
        #expect(standards.objectives[2].prerequisites == ["FR.10"])
        // The type may be the title of CFItemTypeURI.
        let domains = try progression("fractions-1.1-wrapped.json", selection: .init(itemTypes: ["Domain"]))
        #expect(domains.objectives.map(\.id) == ["FR"])
        let none = failure { _ = try progression("fractions-1.1-wrapped.json", selection: .init(itemTypes: ["Cluster"])) }
        #expect(none.contains("no items of type Cluster to import; item types: Standard (3), Component (2), Domain (1); top-level branches: FR"), "\(none)")
        let unknown = failure { _ = try progression("fractions-1.1-wrapped.json", selection: .init(branch: "FR.9")) }
        #expect(unknown.contains("--branch FR.9: no item has that identifier or humanCodingScheme"), "\(unknown)")
    }

    @Test func sequenceNumbersOrderSiblingsAndIdsAreFitted() throws {
        let made = try progression("counting-sequence-numbers.json")
        // sequenceNumber 1, 2, 3 over the coding schemes; K.0 is in no tree and comes after.
        #expect(made.objectives.map { String($0.caseID.suffix(2)) } == ["02", "03", "01", "04"])
        #expect(made.objectives.map(\.id) == ["K-2", "K-2-2", "K.1", "K.0"])
        #expect(made.objectives.allSatisfy { $0.prerequisites == nil })
        #expect(made.report.assumptions.contains("no precedes between the imported items: each objective follows the one before it"))
        let renamed = try #require(made.report.renamedIDs.first)
        #expect(renamed.changes.map { "\($0.from) → \($0.to)" } == ["K 2 → K-2", "K-2 → K-2-2"])
        #expect(made.report.skipped["exactMatchOf association"]?.count == 1)
    }

    @Test func idsAvoidTheBaseAndItemsAlreadyThereAreLeftOut() throws {
        let made = try progression("counting-sequence-numbers.json", existing: .init(
            objectiveIDs: ["k.1"], caseIDs: ["5E9B2D10-0000-4000-8000-000000000002"], subjectObjectives: 3))
        #expect(made.objectives.map(\.id) == ["K-2", "K.1-2", "K.0"])
        #expect(made.report.skipped["item already an objective of the base (its case_id)"]?.count == 1)
    }

    /// A second import of the same framework into the subject: a precedes from an item imported
    /// before makes that objective a prerequisite.
    @Test func precedesFromAnObjectiveOfTheBase() throws {
        let s10 = "9a0e1c52-0000-4000-8000-000000000004"
        let made = try progression("fractions-1.1-wrapped.json", existing: .init(
            objectiveIDs: ["FR.10"], caseIDs: [s10], subjectCaseIDs: [s10.uppercased(): "FR.10"], subjectObjectives: 1))
        #expect(made.objectives.map(\.id) == ["FR.1", "FR.2a", "FR.2b"])
        #expect(made.objectives.map(\.prerequisites) == [nil, ["FR.10"], ["FR.10"]])
        // The same item in another subject of the base is not this subject's: no prerequisite.
        let other = try progression("fractions-1.1-wrapped.json", existing: .init(objectiveIDs: ["FR.10"], caseIDs: [s10]))
        #expect(other.objectives.map(\.prerequisites) == [nil, nil, nil])
        #expect(other.report.skipped["precedes between items not imported"]?.count == 1)
    }

    @Test func itemsWithoutCodingSchemes() throws {
        let made = try progression("no-coding-schemes.json", subject: "ELA")
        #expect(made.objectives.map(\.id) == ["ELA-1.a", "ELA-1.b", "ELA-0b5c0de5"])
        #expect(made.objectives.map(\.title) == ["Ask questions about a text.", "Retell a story.", "Read aloud with expression."])
        #expect(made.report.assumptions.contains { $0.hasPrefix("items without a humanCodingScheme (3): their ids are ELA-<listEnumeration path>") })
    }

    /// Skipped in a clone with no shared folder beside it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedCASESample),
                   "the shared CASE sample is not at ../shared/data/case/ beside this checkout"))
    func sharedSampleImportsItsLeaves() throws {
        let made = try CASEProgression(CASEPackage.read(sharedCASESample), subject: "RATIO", file: sharedCASESample)
        let ids = made.objectives.map { $0.id.rawValue.replacingOccurrences(of: "CCSS.Math.Content.", with: "") }
        // 16 items: 2 clusters and the 2 standards with components are not leaves, so 12 are.
        #expect(ids == ["6.RP.A.1", "6.RP.A.2", "6.RP.A.3a", "6.RP.A.3b", "6.RP.A.3c", "6.RP.A.3d",
                        "7.RP.A.1", "7.RP.A.2a", "7.RP.A.2b", "7.RP.A.2c", "7.RP.A.2d", "7.RP.A.3"])
        let needs = made.objectives.last?.prerequisites?.map { $0.rawValue.replacingOccurrences(of: "CCSS.Math.Content.", with: "") }
        #expect(needs == ["6.RP.A.3a", "6.RP.A.3b", "6.RP.A.3c", "6.RP.A.3d"])
        #expect(made.objectives[1].prerequisites == ["CCSS.Math.Content.6.RP.A.1"])
        #expect(made.report.skipped["precedes to or from an item not in the package"]?.count == 1)
        #expect(made.report.skipped["exactMatchOf association"]?.count == 16)
    }

    // MARK: Hostile files

    @Test func aCycleOfPrecedesIsNamed() {
        let message = failure { _ = try progression("precedes-cycle.json") }
        #expect(message.contains("precedes makes a cycle: CY.A → CY.B → CY.C → CY.A; each of these would have to be mastered before itself (nothing was written)"), "\(message)")
    }

    @Test func wrongTypesNameTheirJSONPath() {
        let message = failure { _ = try progression("wrong-type.json") }
        #expect(message.hasSuffix("wrong-type.json:1:1: error: CFItems[1].identifier must be text, found a number"), "\(message)")
    }

    @Test(arguments: [
        (#"{"CFDocument": {"title": "x"}}"#, "CFItems is missing: the package has no items"),
        (#"{"CFPackage": {"CFItems": {}}}"#, "CFPackage.CFItems must be a list, found an object"),
        (#"{"CFItems": [{"identifier": "a"}, {"identifier": "A"}]}"#, "CFItems[1] has the identifier A, as CFItems[0] does"),
        (#"{"CFItems": [{"identifier": "a"}], "CFAssociations": [{"associationType": "precedes", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": 7}]}"#,
         "CFAssociations[0].destinationNodeURI must be an object, found a number"),
        (#"{"CFItems": [{"identifier": "a", "educationLevel": [6]}]}"#, "CFItems[0].educationLevel must be text or a list of text, found a list"),
        (#"{"CFItems": ["a"]}"#, "CFItems[0] must be an object, found text"),
        (#"{"CFItems": [{"identifier": "a b"}]}"#, "CFItems[0].identifier must be 1 to 255 characters without spaces or control characters, found 'a b'"),
        (#"{"CFItems": []}"#, "no leaves to import; item types: none (no items); top-level branches: none (no isChildOf)"),
        (#"{"CFItems": [{"identifier": "a"}], "CFAssociations": [{"associationType": "isChildOf", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "d"}, "sequenceNumber": 1.5}]}"#,
         "CFAssociations[0].sequenceNumber must be a whole number (at most 15 digits), found a number"),
        (#"[1, 2]"#, "the file must hold a JSON object"),
        ("{\"CFItems\": [", "not JSON"),
        ("{\"CFItems\": [\r\n x ]}", ":2:2: error: not JSON: Invalid value around character 16."),
    ])
    func malformedPackagesAreRefused(json: String, expected: String) throws {
        let path = try temporaryPackage(Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let message = failure { _ = try CASEProgression(CASEPackage.read(path), subject: "M", file: path) }
        #expect(message.contains(expected), "\(message)")
    }

    @Test func aByteOrderMarkAndCRLFAreFine() throws {
        let text = try String(contentsOfFile: fixtures + "/counting-sequence-numbers.json", encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "\r\n")
        let path = try temporaryPackage(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        #expect(try CASEProgression(CASEPackage.read(path), subject: "M", file: path).objectives.count == 4)
    }

    @Test func notUTF8IsRefused() throws {
        let path = try temporaryPackage(Data(#"{"CFItems": [{"identifier": "caf"#.utf8) + Data([0xE9]) + Data(#""}]}"#.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let message = failure { _ = try CASEPackage.read(path) }
        #expect(message.contains(":1:33: error: file is not UTF-8 text"), "\(message)")
    }

    @Test func aMillionRowsAreRefusedBeforeTheyAreRead() throws {
        let rows = Array(repeating: "{}", count: 1_000_000).joined(separator: ",")
        let path = try temporaryPackage(Data(#"{"CFItems": [{"identifier": "a"}], "CFAssociations": [\#(rows)]}"#.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let message = failure { _ = try CASEPackage.read(path) }
        #expect(message.contains("CFAssociations has 1000000 associations; at most 500000 are read"), "\(message)")
        let items = try temporaryPackage(Data(#"{"CFItems": [\#(Array(repeating: "{}", count: 50_001).joined(separator: ","))]}"#.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: items)) }
        #expect(failure { _ = try CASEPackage.read(items) }.contains("CFItems has 50001 items; at most 50000 are read"))
    }

    @Test func aFileOverTheLimitIsNotRead() throws {
        let path = try temporaryPackage(Data())
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(TextFile.maximumBytes) + 1)
        try handle.close()
        #expect(failure { _ = try CASEPackage.read(path) }.contains("file is larger than the limit of 64 MiB"))
    }

    @Test func moreObjectivesThanASubjectMayHaveAreRefused() throws {
        let items = (0...ScenarioLimits.objectivesPerSubject).map { #"{"identifier": "i-\#($0)", "humanCodingScheme": "X.\#($0)"}"# }
        let path = try temporaryPackage(Data(#"{"CFItems": [\#(items.joined(separator: ","))]}"#.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let message = failure { _ = try CASEProgression(CASEPackage.read(path), subject: "M", file: path) }
        #expect(message.contains("the subject would have 2001 objectives; at most 2000 per subject"), "\(message)")
    }

    /// The case_id rule the import checks is the one scenario.yaml is held to.
    @Test func aCaseIDWithASpaceOrTakenTwiceIsAScenarioError() throws {
        let folder = try tinySchoolCopy().folder
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/scenario.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let spaced = yaml.replacingOccurrences(of: #"title: "Unit rates with fractions"}"#, with: #"title: "Unit rates with fractions", case_id: "a b"}"#)
        try spaced.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.read(folder).errors.contains { $0.message.contains("case_id of objective MATH-7.RP.1 must be 1 to 255 characters without spaces") })
        let twice = yaml
            .replacingOccurrences(of: #"title: "Unit rates with fractions"}"#, with: #"title: "Unit rates with fractions", case_id: "u-1"}"#)
            .replacingOccurrences(of: #"title: "Recognize proportional relationships"}"#, with: #"title: "Recognize proportional relationships", case_id: "U-1"}"#)
        try twice.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.read(folder).errors.contains { $0.message.contains("case_id U-1 of objective MATH-7.RP.2 is already objective MATH-7.RP.1's") })
        #expect(Objective.isValidCaseID("9a0e1c52-0000-4000-8000-000000000004") && !Objective.isValidCaseID(""))
    }

    /// FuzzTests' mutator over a CASE fixture, written as a variant of the tiny school: every
    /// mutant writes a variant that validates, or stops with an ImportError and writes nothing.
    @Test func mutatedPackagesImportOrReportNeverCrash() throws {
        let iterations = ProcessInfo.processInfo.environment["PACER_FUZZ_ITERATIONS"].flatMap(Int.init).map { $0 / 3 } ?? 100
        let json = try String(contentsOfFile: fixtures + "/fractions-1.1-wrapped.json", encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pacer-case-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Checkout.scenarios + "/tiny-school", toPath: folder + "/tiny-school")
        var random = SeededGenerator(seed: 28)
        let fuzz = FuzzTests()
        var written = 0, refused = 0
        for n in 0..<iterations {
            try fuzz.mutate(json, &random).write(toFile: folder + "/x.json", atomically: false, encoding: .utf8)
            let out = folder + "/out-\(n)"
            var request = CASEVariantWriter.Request(file: folder + "/x.json", base: folder + "/tiny-school", subject: n % 2 == 0 ? "FRAC" : "MATH", out: out)
            request.teachers = ["T-OKAFOR"]
            do {
                _ = try CASEVariantWriter.write(request)
                #expect(ScenarioLoader.read(out).scenario != nil)
                written += 1
            } catch let error as ImportError {
                // Nothing the importer writes fails validation: refusals are the package's faults.
                #expect(!error.message.contains("does not validate"), "\(error)")
                #expect(!FileManager.default.fileExists(atPath: out))
                refused += 1
            }
        }
        print("CASE import fuzz: \(iterations) mutants: \(written) written, \(refused) refused with an error, 0 crashes")
        #expect(written + refused == iterations)
        #expect(written > 0 && refused > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// An item in two branches stays under its first; a precedes to itself and an isChildOf from
    /// outside the package are counted, not used.
    @Test func oddLinksAreCountedNotUsed() throws {
        let json = #"""
            {"CFItems": [{"identifier": "a", "humanCodingScheme": "A"}, {"identifier": "b", "humanCodingScheme": "B"},
                         {"identifier": "c", "humanCodingScheme": "C"}],
             "CFAssociations": [
              {"associationType": "isChildOf", "originNodeURI": {"identifier": "c"}, "destinationNodeURI": {"identifier": "b"}},
              {"associationType": "isChildOf", "originNodeURI": {"identifier": "c"}, "destinationNodeURI": {"identifier": "a"}},
              {"associationType": "isChildOf", "originNodeURI": {"identifier": "z"}, "destinationNodeURI": {"identifier": "a"}},
              {"associationType": "precedes", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "A"}}]}
            """#
        let path = try temporaryPackage(Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let made = try CASEProgression(CASEPackage.read(path), subject: "M", file: path)
        // B heads a tree (it has a child, and no parent), so its leaf C comes before A, in no tree.
        #expect(made.objectives.map(\.id) == ["C", "A"])
        #expect(made.report.skipped["isChildOf of an item that already has a parent"]?.count == 1)
        #expect(made.report.skipped["isChildOf from an item not in the package"]?.count == 1)
        #expect(made.report.skipped["precedes from an item to itself"]?.count == 1)
    }

    @Test func tooManyPrerequisiteLinksAreRefused() throws {
        // Two branches of 400 leaves, one preceding the other: 160,000 links.
        var items = [#"{"identifier": "r1", "humanCodingScheme": "R1"}"#, #"{"identifier": "r2", "humanCodingScheme": "R2"}"#]
        var links = [#"{"associationType": "precedes", "originNodeURI": {"identifier": "r1"}, "destinationNodeURI": {"identifier": "r2"}}"#]
        for root in 1...2 {
            for leaf in 0..<400 {
                items.append(#"{"identifier": "r\#(root)-\#(leaf)", "humanCodingScheme": "R\#(root).\#(leaf)"}"#)
                links.append(#"{"associationType": "isChildOf", "originNodeURI": {"identifier": "r\#(root)-\#(leaf)"}, "destinationNodeURI": {"identifier": "r\#(root)"}}"#)
            }
        }
        let path = try temporaryPackage(Data(#"{"CFItems": [\#(items.joined(separator: ","))], "CFAssociations": [\#(links.joined(separator: ","))]}"#.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let message = failure { _ = try CASEProgression(CASEPackage.read(path), subject: "M", file: path) }
        #expect(message.contains("precedes makes more than 100000 prerequisite links between the imported items"), "\(message)")
    }

    /// The base's students.csv keeps every byte: a byte order mark, CRLF, quoted line breaks, the
    /// separator the header uses.
    @Test func theStudentsFileGetsOneColumnAndKeepsTheRest() throws {
        let csv = "\u{FEFF}id,name,grade,MATH\r\nS-1,\"Park, \"\"Jo\"\"\r\nKim\",7,M.1\r\n\r\nS-2,Ana,7,M.2"
        let path = try temporaryPackage(Data(csv.utf8))
        defer { try? FileManager.default.removeItem(atPath: Paths.directory(of: path)) }
        let made = try CASEVariantWriter.studentsWithColumn(path, column: "FRAC", value: "FR.1")
        #expect(made == "\u{FEFF}id,name,grade,MATH,FRAC\r\nS-1,\"Park, \"\"Jo\"\"\r\nKim\",7,M.1,FR.1\r\n\r\nS-2,Ana,7,M.2,FR.1")
        try Data("id;name;MATH\nS-1;\"Ana; Jo\";M.1\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CASEVariantWriter.studentsWithColumn(path, column: "FRAC", value: "FR.1") == "id;name;MATH;FRAC\nS-1;\"Ana; Jo\";M.1;FR.1\n")
    }

    @Test func naturalOrder() {
        let sorted = ["10", "2", "3b", "3a", "1", "a", "B"].sorted { NaturalOrder.compare($0, $1) == .orderedAscending }
        #expect(sorted == ["1", "2", "3a", "3b", "10", "a", "B"])
        #expect(CASEIdentifiers.fitted("--x/y z") == "x-y-z")
        #expect(CASEIdentifiers.fitted(String(repeating: "a", count: 70) + ".B").unicodeScalars.count == 64)
    }
}
