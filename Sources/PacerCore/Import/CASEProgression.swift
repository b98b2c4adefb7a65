import Foundation

/// Which items of a CASE package become a subject's objectives, in which order, with which ids,
/// titles and prerequisites (docs/imports.md, "CASE"):
///
/// - **which**: the leaves of the `isChildOf` tree (items with no child in the package), under
///   `branch` when given; or, with `itemTypes`, the items of those types (under the branch);
/// - **order**: depth-first over the tree from its roots, siblings by `sequenceNumber`, then
///   `listEnumeration`, then `humanCodingScheme` (natural order), then file order; items in no tree
///   after, by coding scheme. `precedes` between selected items then reorders it (a topological
///   sort keeping that order where `precedes` is silent); a `precedes` end that is an unselected item
///   with selected descendants stands for them; a cycle is an error;
/// - **prerequisites**: the objectives that `precedes` an objective; none given, the one before it;
/// - **ids**: the coding scheme fitted to `IdentifierRule`; **titles**: the abbreviated statement,
///   else the full one, as one line within `PersonText`'s limit.
public struct CASEProgression: Sendable {
    public struct Objective: Sendable, Equatable {
        public var id: ObjectiveID
        public var title: String
        /// The item's identifier as written.
        public var caseID: String
        /// nil: the scenario's default (the objective before it).
        public var prerequisites: [ObjectiveID]?
    }

    public struct Selection: Sendable {
        /// An item's identifier or coding scheme: only items under it.
        public var branch: String?
        /// `CFItemType`s (or `CFItemTypeURI` titles), case aside: those items instead of the leaves.
        public var itemTypes: [String] = []
        public init(branch: String? = nil, itemTypes: [String] = []) {
            self.branch = branch
            self.itemTypes = itemTypes
        }
    }

    /// What the scenario already has: objective ids (of every subject) and the CASE items they are.
    public struct Existing: Sendable {
        public var objectiveIDs: [ObjectiveID] = []
        /// Every objective's `case_id`: those items are not added again.
        public var caseIDs: [String] = []
        /// The subject's own objectives by `case_id`: a `precedes` from one of these items makes that
        /// objective a prerequisite of the new ones (an earlier import of the same framework).
        public var subjectCaseIDs: [String: ObjectiveID] = [:]
        /// Objectives the subject already has (for the per-subject limit).
        public var subjectObjectives = 0
        public init(objectiveIDs: [ObjectiveID] = [], caseIDs: [String] = [], subjectCaseIDs: [String: ObjectiveID] = [:], subjectObjectives: Int = 0) {
            self.objectiveIDs = objectiveIDs
            self.caseIDs = caseIDs
            self.subjectCaseIDs = subjectCaseIDs
            self.subjectObjectives = subjectObjectives
        }
    }

    public var objectives: [Objective] = []
    public var report = ImportReport()

    /// Most prerequisite links `precedes` may make once mapped onto descendants: a real framework
    /// makes a few per objective; one cluster preceding another of 1,000 leaves each makes 1,000,000,
    /// which would take a minute to write and validate for nothing a school could use.
    static let maximumLinks = 100_000

    public init(_ package: CASEPackage, subject: SubjectID, selection: Selection = Selection(),
                existing: Existing = Existing(), file: String) throws {
        let tree = try CASETree(package, file: file)
        let items = package.items
        report.count("CFItems", items.count)
        report.count("CFAssociations", package.associations.count)

        // Which items.
        var scope = Array(items.indices)
        if let branch = selection.branch {
            guard let root = tree.find(branch) else {
                throw ImportError(.start(of: file), "--branch \(printable(branch)): no item has that identifier or humanCodingScheme; top-level branches: \(tree.topLevelSummary)")
            }
            scope = tree.descendants(of: root, includingItself: true)
        }
        var chosen: [Int]
        if selection.itemTypes.isEmpty {
            chosen = scope.filter { tree.children[$0].isEmpty }
        } else {
            chosen = scope.filter { index in selection.itemTypes.contains { items[index].isOfType($0) } }
        }
        if chosen.isEmpty {
            let what = selection.itemTypes.isEmpty ? "no leaves" : "no items of type \(selection.itemTypes.map(printable).joined(separator: ", "))"
            throw ImportError(.start(of: file), "\(what)\(selection.branch.map { " under \(printable($0))" } ?? "") to import; item types: \(tree.typeSummary); top-level branches: \(tree.topLevelSummary)")
        }
        let known = Set(existing.caseIDs.map { CASEIdentifier($0) })
        let already = chosen.filter { known.contains(items[$0].key) }
        if !already.isEmpty {
            report.skip("item already an objective of the base (its case_id)", reason: "not added again", count: already.count)
            chosen.removeAll { known.contains(items[$0].key) }
            if chosen.isEmpty {
                throw ImportError(.start(of: file), "every selected item is already an objective of the base scenario (by case_id); nothing to add")
            }
        }
        let total = chosen.count + existing.subjectObjectives
        guard total <= ScenarioLimits.objectivesPerSubject else {
            throw ImportError(.start(of: file), "the subject would have \(total) objectives; at most \(ScenarioLimits.objectivesPerSubject) per subject (choose a --branch or --item-types)")
        }
        let unselected = items.count - chosen.count - already.count
        if unselected > 0 {
            report.skip("CFItem not selected", reason: selection.itemTypes.isEmpty
                ? "not a leaf\(selection.branch == nil ? "" : " under the branch") (a leaf is an item with no child)"
                : "not of the chosen types\(selection.branch == nil ? "" : " under the branch")", count: unselected)
        }

        // The order: the tree's, then precedes.
        let position = Dictionary(uniqueKeysWithValues: tree.order.enumerated().map { ($1, $0) })
        chosen.sort { (position[$0] ?? Int.max) < (position[$1] ?? Int.max) }
        let inBase = Dictionary(existing.subjectCaseIDs.map { (CASEIdentifier($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        var baseObjective: [Int: ObjectiveID] = [:]
        for (index, item) in items.enumerated() {
            if let id = inBase[item.key] { baseObjective[index] = id }
        }
        let links = try Self.precedes(package, tree: tree, chosen: chosen, baseObjective: baseObjective, report: &report, file: file)
        let ordered = try Self.topologicalOrder(chosen, links: links, items: items, file: file)

        // Ids, titles, prerequisites.
        var ids = CASEIdentifiers(subject: subject, taken: existing.objectiveIDs)
        var titlesCut = 0
        var idOf: [Int: ObjectiveID] = [:]
        for index in ordered {
            let id = ids.id(for: items[index], path: tree.enumerationPath(index))
            idOf[index] = id
        }
        let orderOf = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        for index in ordered {
            let (title, cut) = Self.title(items[index])
            if cut { titlesCut += 1 }
            let before = (links.baseBefore[index] ?? []).sorted()
                + (links.before[index] ?? []).sorted { (orderOf[$0] ?? 0) < (orderOf[$1] ?? 0) }.compactMap { idOf[$0] }
            objectives.append(Objective(
                id: idOf[index] ?? ObjectiveID(items[index].identifier), title: title, caseID: items[index].identifier,
                prerequisites: before.isEmpty ? nil : before))
        }
        report.count("objectives", objectives.count)
        if !ids.changes.isEmpty { report.renamed("objectives", changes: ids.changes) }
        if ids.withoutScheme > 0 {
            report.assume("items without a humanCodingScheme (\(ids.withoutScheme)): their ids are \(subject)-<listEnumeration path>, else \(subject)-<the identifier's first 8 characters>")
        }
        if titlesCut > 0 {
            report.assume("titles cut to \(PersonText.Kind.name.limit) characters, with … (\(titlesCut)): the full statement stays in the framework, found by case_id")
        }
        if !objectives.contains(where: { $0.prerequisites != nil }) {
            report.assume("no precedes between the imported items: each objective follows the one before it")
        }
        if tree.extraParents > 0 {
            report.skip("isChildOf of an item that already has a parent", reason: "an item in several branches is imported once, under its first", count: tree.extraParents)
        }
        if tree.orphanLinks > 0 {
            report.skip("isChildOf from an item not in the package", reason: "that item is not in this file", count: tree.orphanLinks)
        }
        for (type, count) in tree.otherAssociations.sorted(by: { $0.key < $1.key }) {
            report.skip("\(type) association", reason: "only isChildOf and precedes say anything about a progression", count: count)
        }
    }

    // MARK: Titles

    /// The abbreviated statement, else the full one, as one line within the limit for a name; and
    /// whether it was cut.
    static func title(_ item: CASEPackage.Item) -> (String, Bool) {
        let raw = [item.abbreviatedStatement, item.fullStatement, item.humanCodingScheme, item.identifier]
            .compactMap { $0 }.first { !oneLine($0).isEmpty } ?? item.identifier
        return fittedName(raw)
    }

    /// `raw` as one line within the limit for a name (cut with "…"), and whether it was cut: for
    /// titles, and for the document's title where it names the subject.
    static func fittedName(_ raw: String) -> (String, Bool) {
        let line = oneLine(raw)
        let limit = PersonText.Kind.name.limit
        let scalars = line.unicodeScalars
        guard scalars.count > limit else { return (line, false) }
        var cut = String(String.UnicodeScalarView(scalars.prefix(limit - 1)))
        // Do not leave half a grapheme (a letter without its accent) before the ellipsis.
        if let last = cut.last, !line.hasPrefix(cut) || last.unicodeScalars.count > 1 { cut = String(cut.dropLast()) }
        return (cut.trimmingCharacters(in: .whitespaces) + "…", true)
    }

    /// Text as one line: line breaks, tabs and runs of spaces become one space; control characters
    /// go, and so do the invisible format characters `PersonText` refuses in a name (a soft hyphen,
    /// a zero-width space: a framework's text may hold them), joiners and a flag's tags kept.
    static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .format, !PersonText.isBidiControl(scalar),
               !(0x200C...0x200D).contains(scalar.value), !(0xE0020...0xE007F).contains(scalar.value) { continue }
            if scalar.properties.isWhitespace || PersonText.isControl(scalar) {
                if PersonText.isControl(scalar) && !scalar.properties.isWhitespace && !"\t\n\r".unicodeScalars.contains(scalar) { continue }
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(scalar)
        }
        return String(out)
    }

    // MARK: precedes

    struct Links {
        /// For each selected item, the selected items that precede it.
        var before: [Int: Set<Int>] = [:]
        /// For each selected item, the ids of the subject's objectives in the base that precede it.
        var baseBefore: [Int: Set<ObjectiveID>] = [:]
    }

    /// `precedes` between selected items, an unselected end standing for its selected descendants;
    /// an origin may also be (or hold) an item that is already an objective of the subject.
    static func precedes(_ package: CASEPackage, tree: CASETree, chosen: [Int], baseObjective: [Int: ObjectiveID],
                         report: inout ImportReport, file: String) throws -> Links {
        let selected = Set(chosen)
        var links = Links()
        var count = 0
        var outside = 0, unmapped = 0, intoBase = 0, betweenBase = 0, toItself = 0
        var standsFor: [Int: [Int]] = [:], originStandsFor: [Int: [Int]] = [:]
        func ends(_ item: Int) -> [Int] {
            if selected.contains(item) { return [item] }
            if let known = standsFor[item] { return known }
            let found = tree.descendants(of: item, includingItself: false).filter(selected.contains)
            standsFor[item] = found
            return found
        }
        func origins(_ item: Int) -> [Int] {
            if selected.contains(item) || baseObjective[item] != nil { return [item] }
            if let known = originStandsFor[item] { return known }
            let found = tree.descendants(of: item, includingItself: false).filter { selected.contains($0) || baseObjective[$0] != nil }
            originStandsFor[item] = found
            return found
        }
        for association in package.associations where association.type == .precedes {
            guard let origin = tree.index[association.origin], let destination = tree.index[association.destination] else {
                outside += 1
                continue
            }
            if origin == destination {
                toItself += 1
                continue
            }
            let from = origins(origin), to = ends(destination)
            if to.isEmpty && baseObjective[destination] != nil && !from.isEmpty {
                if from.allSatisfy({ !selected.contains($0) }) { betweenBase += 1 } else { intoBase += 1 }
                continue
            }
            if from.isEmpty || to.isEmpty {
                unmapped += 1
                continue
            }
            for a in from {
                for b in to where a != b {
                    let added = selected.contains(a)
                        ? links.before[b, default: []].insert(a).inserted
                        : baseObjective[a].map { links.baseBefore[b, default: []].insert($0).inserted } ?? false
                    if added { count += 1 }
                    guard count <= maximumLinks else {
                        throw ImportError(.start(of: file), "precedes makes more than \(maximumLinks) prerequisite links between the imported items; choose a --branch or --item-types")
                    }
                }
            }
        }
        if outside > 0 {
            report.skip("precedes to or from an item not in the package", reason: "that item is not in this file", count: outside)
        }
        if unmapped > 0 {
            report.skip("precedes between items not imported", reason: "one end neither is nor holds an imported item", count: unmapped)
        }
        if toItself > 0 {
            report.skip("precedes from an item to itself", reason: "it says nothing about an order", count: toItself)
        }
        if betweenBase > 0 {
            report.skip("precedes between objectives already in the base", reason: "nothing new", count: betweenBase)
        }
        if intoBase > 0 {
            report.skip("precedes into an objective already in the base", reason: "the base's prerequisites are kept as they are", count: intoBase)
        }
        return links
    }

    /// `chosen` (in the tree's order) sorted so that every item comes after those that precede it,
    /// keeping the tree's order wherever `precedes` says nothing; a cycle is an error naming it.
    static func topologicalOrder(_ chosen: [Int], links: Links, items: [CASEPackage.Item], file: String) throws -> [Int] {
        let rank = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        var waiting = Dictionary(uniqueKeysWithValues: chosen.map { ($0, links.before[$0]?.count ?? 0) })
        var after: [Int: [Int]] = [:]
        for (item, before) in links.before {
            for b in before { after[b, default: []].append(item) }
        }
        // Ready items by tree rank; the smallest rank goes first.
        var ready = chosen.filter { waiting[$0] == 0 }.map { rank[$0] ?? 0 }.sorted(by: >)
        var out: [Int] = []
        out.reserveCapacity(chosen.count)
        while let next = ready.popLast() {
            let item = chosen[next]
            out.append(item)
            for successor in after[item] ?? [] {
                waiting[successor, default: 0] -= 1
                if waiting[successor] == 0, let r = rank[successor] {
                    let at = ready.firstIndex { $0 < r } ?? ready.endIndex
                    ready.insert(r, at: at)
                }
            }
        }
        guard out.count < chosen.count else { return out }
        // A cycle: walk back along "preceded by" among the items left until one repeats.
        let left = Set(chosen.filter { (waiting[$0] ?? 0) > 0 })
        var walk: [Int] = []
        var seen: [Int: Int] = [:]
        var current = chosen.first { left.contains($0) } ?? chosen[0]
        while seen[current] == nil {
            seen[current] = walk.count
            walk.append(current)
            guard let previous = (links.before[current] ?? []).filter(left.contains).min(by: { (rank[$0] ?? 0) < (rank[$1] ?? 0) }) else { break }
            current = previous
        }
        var cycle = Array(walk[(seen[current] ?? 0)...].reversed())
        // Named from the item that comes first in the tree, in the direction of precedes.
        if let first = cycle.indices.min(by: { (rank[cycle[$0]] ?? 0) < (rank[cycle[$1]] ?? 0) }) {
            cycle = Array(cycle[first...] + cycle[..<first])
        }
        let names = (cycle + [cycle[0]]).map { items[$0].label }.joined(separator: " → ")
        throw ImportError(.start(of: file), "precedes makes a cycle: \(names); each of these would have to be mastered before itself (nothing was written)")
    }
}

/// Objective ids for CASE items: the coding scheme fitted to `IdentifierRule`, else
/// `<SUBJECT>-<listEnumeration path>`, else `<SUBJECT>-<the identifier's first 8 characters>`; a
/// clash (case aside) with an id already taken gets `-2`, `-3`, ….
struct CASEIdentifiers {
    let subject: SubjectID
    private var taken: Set<String>
    private(set) var changes: [(from: String, to: String)] = []
    private(set) var withoutScheme = 0

    init(subject: SubjectID, taken: [ObjectiveID]) {
        self.subject = subject
        self.taken = Set(taken.map { IdentifierRule.folded($0.rawValue) })
    }

    mutating func id(for item: CASEPackage.Item, path: [String]) -> ObjectiveID {
        let base: String
        if let scheme = item.humanCodingScheme, !Self.fitted(scheme).isEmpty {
            base = Self.fitted(scheme)
        } else {
            withoutScheme += 1
            let enumeration = path.map(Self.fitted).filter { !$0.isEmpty }
            let tail = enumeration.isEmpty || path.last.map(Self.fitted)?.isEmpty != false
                ? Self.fitted(String(item.identifier.prefix(8)))
                : enumeration.joined(separator: ".")
            base = Self.fitted(subject.rawValue + "-" + (tail.isEmpty ? "item" : tail))
        }
        var candidate = base, n = 2
        while taken.contains(IdentifierRule.folded(candidate)) {
            let suffix = "-\(n)"
            candidate = Self.fitted(String(base.unicodeScalars.suffix(IdentifierRule.maximumLength - suffix.count)) + suffix)
            n += 1
        }
        taken.insert(IdentifierRule.folded(candidate))
        if let scheme = item.humanCodingScheme, candidate != scheme { changes.append((scheme, candidate)) }
        return ObjectiveID(candidate)
    }

    /// `text` made to fit the id rule: characters outside it become `-`, the text is shortened
    /// from the left to 64 characters, and leading characters that are not a letter or digit go.
    static func fitted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.trimmingCharacters(in: .whitespaces).unicodeScalars {
            scalars.append(IdentifierRule.isAllowed(scalar) ? scalar : "-")
        }
        var cut = Array(scalars.suffix(IdentifierRule.maximumLength))
        while let first = cut.first, !IdentifierRule.isLetterOrDigit(first) { cut.removeFirst() }
        while let last = cut.last, last == "." || last == "-" { cut.removeLast() }
        return String(String.UnicodeScalarView(cut))
    }
}
