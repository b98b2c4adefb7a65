import Foundation

/// Reads `scenario.yaml` and every file it `extends`, and merges them into one located tree.
///
/// Merging rules (docs/scenario-format.md, "Variants"):
/// - mappings merge key by key, recursively; the variant's value wins for a single value;
/// - a list whose items all have an `id` merges item by item: an item with a known id merges into
///   that item, a new id is appended, and `remove: true` deletes the item;
/// - any other list, and an empty list, replaces the base's list whole;
/// - `students` is a path relative to the file that names it; a file with no `extends` and no
///   `students` reads `students.csv` beside it.
struct ScenarioDocument {
    var root: SourceNode
    /// Every file read, the named file first, then its bases; students.csv is added as it is read.
    var sources: SourceFiles

    static let fileName = "scenario.yaml"

    /// Loads the scenario at `path`: a folder holding `scenario.yaml`, or a YAML file.
    static func load(_ path: String, log: DiagnosticLog) -> ScenarioDocument? {
        let sources = SourceFiles()
        let normalized = Paths.normalize(path)
        guard FileManager.default.fileExists(atPath: normalized) else {
            log.error(.start(of: normalized), "no scenario here: expected a folder holding \(fileName), or a YAML file")
            return nil
        }
        let top = resolve(normalized)
        let tree = Paths.real(Paths.directory(of: Paths.real(Paths.directory(of: top))))
        guard let root = loadFile(top, chain: [], from: nil, tree: tree, sources: sources, log: log)
        else { return nil }
        return ScenarioDocument(root: root, sources: sources)
    }

    /// A folder stands for the `scenario.yaml` inside it.
    static func resolve(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return Paths.join(path, fileName)
        }
        return path
    }

    /// `tree` is the folder that holds the scenario's folder: `extends` and `students` may name files
    /// anywhere inside it (a sibling scenario), and nowhere outside it.
    private static func loadFile(
        _ file: String, chain: [String], from reference: SourceLocation?, tree: String, sources: SourceFiles, log: DiagnosticLog
    ) -> SourceNode? {
        if let start = chain.firstIndex(of: file) {
            let loop = (chain[start...] + [file]).joined(separator: " → ")
            log.error(reference ?? .start(of: file), "'extends' makes a loop: \(loop)")
            return nil
        }
        if let reference, !FileManager.default.fileExists(atPath: file) {
            log.error(reference, "cannot extend \(file): no such scenario file or folder")
            return nil
        }
        guard let text = TextFile.read(file, log: log, missing: reference, sources: sources) else { return nil }
        guard let node = YAMLReading.parse(text, file: file, log: log) else { return nil }
        guard case .mapping(var entries, let location) = node else {
            log.error(node.location, "\(file) must be a mapping of keys (name, calendar, subjects, …), found \(node.kindName)")
            return nil
        }
        let directory = Paths.directory(of: file)
        // Paths are resolved against the file that names them, before merging.
        if let index = entries.firstIndex(where: { $0.key == "students" }),
           case let .scalar(path, pathLocation) = entries[index].value {
            let joined = Paths.join(directory, path)
            guard Paths.isInside(joined, tree) else {
                log.error(pathLocation, "the students file \(joined) is outside the scenario's folder tree (\(tree)); keep it beside the scenario")
                return nil
            }
            entries[index].value = .scalar(joined, pathLocation)
        }
        guard let index = entries.firstIndex(where: { $0.key == "extends" }) else {
            if !entries.contains(where: { $0.key == "students" }) {
                entries.append(SourceEntry(
                    key: "students", keyLocation: location,
                    value: .scalar(Paths.join(directory, "students.csv"), location)))
            }
            return .mapping(entries, location)
        }
        let extends = entries.remove(at: index)
        guard case let .scalar(basePath, baseLocation) = extends.value else {
            log.error(extends.value.location, "'extends' must be a path to a scenario folder or file")
            return nil
        }
        let baseFile = resolve(Paths.join(directory, basePath))
        guard Paths.isInside(baseFile, tree) else {
            log.error(baseLocation, "'extends' reaches outside the scenario's folder tree (\(tree)): \(baseFile); extend a scenario beside this one")
            return nil
        }
        guard let base = loadFile(baseFile, chain: chain + [file], from: baseLocation, tree: tree, sources: sources, log: log)
        else { return nil }
        return merge(base, .mapping(entries, location), log: log)
    }

    static func merge(_ base: SourceNode, _ variant: SourceNode, log: DiagnosticLog) -> SourceNode {
        switch (base, variant) {
        case let (.mapping(baseEntries, location), .mapping(variantEntries, _)):
            var merged = baseEntries
            for entry in variantEntries {
                if let i = merged.firstIndex(where: { $0.key == entry.key }) {
                    merged[i].value = merge(merged[i].value, entry.value, log: log)
                } else {
                    merged.append(entry)
                }
            }
            return .mapping(merged, location)
        case let (.sequence(baseItems, _), .sequence(variantItems, variantLocation))
            where !variantItems.isEmpty && baseItems.allSatisfy(hasID) && variantItems.allSatisfy(hasID):
            var merged = baseItems
            var seen: [String: SourceLocation] = [:]
            for item in variantItems {
                let id = itemID(item)
                if let id, let first = seen[id] {
                    log.error(item.location, "duplicate id '\(id)' in this list (first at \(first))")
                    continue
                }
                if let id { seen[id] = item.location }
                let existing = merged.firstIndex { itemID($0) == id }
                if isRemoval(item) {
                    if let existing { merged.remove(at: existing) } else {
                        log.error(item.location, "cannot remove '\(id ?? "")': the base has no item with that id")
                    }
                } else if let existing {
                    merged[existing] = merge(merged[existing], item, log: log)
                } else {
                    merged.append(item)
                }
            }
            return .sequence(merged, variantLocation)
        default:
            return variant
        }
    }

    private static func itemID(_ node: SourceNode) -> String? {
        if case let .scalar(id, _)? = node.entry("id")?.value { return id }
        return nil
    }

    private static func hasID(_ node: SourceNode) -> Bool { itemID(node) != nil }

    private static func isRemoval(_ node: SourceNode) -> Bool {
        if case let .scalar(flag, _)? = node.entry("remove")?.value { return flag == "true" || flag == "yes" }
        return false
    }
}
