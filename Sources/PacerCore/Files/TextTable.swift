import Foundation

/// Rows with a header, written for a person (columns aligned, numbers to the right) or for a
/// program (tab-separated, RFC 4180 CSV, or JSON: one object per row, keyed by the header).
/// Cells may hold what people typed, so every format but JSON (which escapes them itself) shows
/// control characters escaped and keeps each row on one line, and TSV and CSV neutralize cells a
/// spreadsheet would run as formulas (`CSVWriter.neutralized`).
public struct TextTable: Sendable {
    public enum Format: String, CaseIterable, Sendable { case table, tsv, csv, json }

    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows.map { row in header.indices.map { $0 < row.count ? row[$0] : "" } }
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .table: return aligned()
        case .tsv: return ([header] + rows).map { $0.map { Self.tsvField(CSVWriter.neutralized($0)) }.joined(separator: "\t") + "\n" }.joined()
        case .csv: return ([header] + rows).map(CSVWriter.spreadsheetRecord).joined()
        case .json:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    /// Columns padded to their widest cell. The columns in `right` are aligned to the right; by
    /// default, those holding only numbers (or "-"). `rule` draws a line of dashes under the header.
    func aligned(right: Set<Int>? = nil, rule: Bool = false) -> String {
        let rows = self.rows.map { $0.map(Self.tsvField) }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        let numeric = header.indices.map { c in right?.contains(c) ?? (!rows.isEmpty && rows.allSatisfy { Double($0[c]) != nil || $0[c] == "-" }) }
        let dashes = rule ? [widths.map { String(repeating: "-", count: $0) }] : []
        let lines = ([header] + dashes + rows).map { cells in
            cells.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return numeric[c] ? pad + text : (c == cells.count - 1 ? text : text + pad)
            }.joined(separator: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A tab or line break inside a cell would break the row or its alignment; they become spaces,
    /// and other control characters are shown escaped (`PersonText.visible`).
    static func tsvField(_ text: String) -> String { PersonText.visible(text) }
}
