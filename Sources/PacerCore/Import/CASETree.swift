import Foundation

/// A CASE package's `isChildOf` tree, by item position in `CFItems`: each item's parent (when the
/// parent is an item of the package) and children in sibling order, and every item in the tree's
/// depth-first order.
struct CASETree {
    let items: [CASEPackage.Item]
    /// Item position by identifier (case aside).
    let index: [CASEIdentifier: Int]
    /// Each item's children, in sibling order.
    private(set) var children: [[Int]]
    private(set) var parent: [Int?]
    /// Items whose parent is the document or lies outside the package, and items with children
    /// but no parent, in sibling order.
    private(set) var roots: [Int] = []
    /// Every item: depth-first from the roots, then the items in no tree by coding scheme.
    private(set) var order: [Int] = []
    /// Associations of the types Pacer does not use, by type.
    private(set) var otherAssociations: [String: Int] = [:]
    /// `isChildOf` links of an item that already has a parent (an item placed in several
    /// branches stays under its first), and links from items not in the package.
    private(set) var extraParents = 0, orphanLinks = 0

    init(_ package: CASEPackage, file: String) throws {
        items = package.items
        var index: [CASEIdentifier: Int] = [:]
        for (position, item) in items.enumerated() {
            if let first = index[item.key] {
                let list = package.itemsPath
                throw ImportError(.start(of: file), "\(list)[\(position)] has the identifier \(printable(item.identifier)), as \(list)[\(first)] does; each item's identifier is unique")
            }
            index[item.key] = position
        }
        self.index = index
        children = Array(repeating: [], count: items.count)
        parent = Array(repeating: nil, count: items.count)

        // Links to the parent, with their sequence numbers; the first isChildOf of an item wins.
        var sequence: [Int?] = Array(repeating: nil, count: items.count)
        var linked = Array(repeating: false, count: items.count)
        var rootCandidates: [Int] = []
        for association in package.associations {
            switch association.type {
            case .isChildOf:
                guard let child = index[association.origin] else {
                    orphanLinks += 1
                    continue
                }
                guard !linked[child] else {
                    extraParents += 1
                    continue
                }
                linked[child] = true
                sequence[child] = association.sequenceNumber
                if let up = index[association.destination], up != child {
                    parent[child] = up
                    children[up].append(child)
                } else {
                    rootCandidates.append(child)
                }
            case .precedes:
                continue
            case let .other(name):
                otherAssociations[name, default: 0] += 1
            }
        }
        let items = self.items
        func before(_ a: Int, _ b: Int) -> Bool {
            if sequence[a] != sequence[b] {
                guard let x = sequence[a] else { return false }
                guard let y = sequence[b] else { return true }
                return x < y
            }
            let byList = NaturalOrder.compare(items[a].listEnumeration, items[b].listEnumeration)
            if byList != .orderedSame { return byList == .orderedAscending }
            let byScheme = NaturalOrder.compare(items[a].humanCodingScheme, items[b].humanCodingScheme)
            if byScheme != .orderedSame { return byScheme == .orderedAscending }
            return a < b
        }
        for item in children.indices { children[item].sort(by: before) }
        // An item with children but no isChildOf of its own heads a tree too.
        rootCandidates += items.indices.filter { !linked[$0] && !children[$0].isEmpty }
        roots = rootCandidates.sorted(by: before)

        // Depth-first, without recursion (a chain of 50,000 items must not exhaust the stack).
        var visited = Array(repeating: false, count: items.count)
        var stack = Array(roots.reversed())
        while let item = stack.popLast() {
            guard !visited[item] else { continue }
            visited[item] = true
            order.append(item)
            stack += children[item].reversed()
        }
        let rest = items.indices.filter { !visited[$0] }.sorted { a, b in
            let byScheme = NaturalOrder.compare(items[a].humanCodingScheme, items[b].humanCodingScheme)
            return byScheme == .orderedSame ? a < b : byScheme == .orderedAscending
        }
        order += rest
    }

    /// The item named by its identifier (case aside) or its coding scheme (exactly, else case aside).
    func find(_ name: String) -> Int? {
        if let item = index[CASEIdentifier(name)] { return item }
        if let item = items.firstIndex(where: { $0.humanCodingScheme == name }) { return item }
        return items.firstIndex { $0.humanCodingScheme?.lowercased() == name.lowercased() }
    }

    /// Every item under `item`, depth-first.
    func descendants(of item: Int, includingItself: Bool) -> [Int] {
        var out: [Int] = []
        var seen = Set<Int>()
        var stack = [item]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            if next != item || includingItself { out.append(next) }
            stack += children[next].reversed()
        }
        return out
    }

    /// The listEnumerations from the top of the tree down to `item`, as far as they go unbroken
    /// upwards from the item (empty when the item has none).
    func enumerationPath(_ item: Int) -> [String] {
        var path: [String] = []
        var current: Int? = item
        var seen = Set<Int>()
        while let at = current, seen.insert(at).inserted, let enumeration = items[at].listEnumeration, !enumeration.isEmpty {
            path.insert(enumeration, at: 0)
            current = parent[at]
        }
        return path
    }

    /// The top-level branches, for messages: `6.RP.A (edfce0e7-…)`, a few.
    var topLevelSummary: String {
        let shown = roots.prefix(8).map { items[$0].label }
        return shown.isEmpty ? "none (no isChildOf)" : shown.joined(separator: ", ") + (roots.count > 8 ? ", … (\(roots.count))" : "")
    }

    /// The item types there are, with counts: `Standard (6), Component (8)`.
    var typeSummary: String {
        var counts: [String: Int] = [:]
        var first: [String] = []
        for item in items {
            let type = item.itemType ?? item.itemTypeTitle ?? "(no CFItemType)"
            if counts[type] == nil { first.append(type) }
            counts[type, default: 0] += 1
        }
        guard !first.isEmpty else { return "none (no items)" }
        return first.prefix(12).map { "\(printable($0)) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
    }
}

/// Natural order for coding schemes and list enumerations: runs of digits compare as numbers
/// ("2" < "10"), other text case aside ("3a" < "3b"); a missing value comes last.
enum NaturalOrder {
    static func compare(_ a: String?, _ b: String?) -> ComparisonResult {
        switch (a, b) {
        case (nil, nil): return .orderedSame
        case (nil, _): return .orderedDescending
        case (_, nil): return .orderedAscending
        case let (x?, y?): return compare(x, y)
        }
    }

    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let x = runs(a), y = runs(b)
        for (p, q) in zip(x, y) {
            switch (p, q) {
            case let (.number(m), .number(n)):
                // Compared as text without leading zeros: longer is larger, so no overflow.
                let m = m.drop { $0 == "0" }, n = n.drop { $0 == "0" }
                if m.count != n.count { return m.count < n.count ? .orderedAscending : .orderedDescending }
                if m != n { return m < n ? .orderedAscending : .orderedDescending }
            case let (.text(s), .text(t)):
                let order = s.lowercased().compare(t.lowercased())
                if order != .orderedSame { return order }
            case (.number, .text): return .orderedAscending
            case (.text, .number): return .orderedDescending
            }
        }
        if x.count != y.count { return x.count < y.count ? .orderedAscending : .orderedDescending }
        return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    private enum Run { case number(Substring), text(Substring) }

    private static func runs(_ text: String) -> [Run] {
        var out: [Run] = []
        var start = text.startIndex
        while start < text.endIndex {
            let digit = text[start].isASCII && text[start].isNumber
            var end = text.index(after: start)
            while end < text.endIndex, (text[end].isASCII && text[end].isNumber) == digit { end = text.index(after: end) }
            out.append(digit ? .number(text[start..<end]) : .text(text[start..<end]))
            start = end
        }
        return out
    }
}
