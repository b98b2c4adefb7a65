import Foundation

/// One file of a OneRoster CSV export, read by column name, so that the 1.1 and 1.2 layouts (which
/// differ in which columns exist) are read by the same code.
struct OneRosterTable {
    let path: String
    let table: CSVTable
    private let column: [String: Int]

    struct Row {
        let table: OneRosterTable
        let record: CSVTable.Record

        /// The trimmed value of `name`, or "" when the column is missing or empty.
        subscript(_ name: String) -> String {
            guard let index = table.column[name], index < record.fields.count else { return "" }
            return record.fields[index].value.trimmingCharacters(in: .whitespaces)
        }

        func location(_ name: String) -> SourceLocation {
            guard let index = table.column[name], index < record.fields.count else { return record.location }
            return record.fields[index].location
        }

        /// OneRoster lists several values in one field, separated by commas.
        func list(_ name: String) -> [String] {
            self[name].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// Rows marked `tobedeleted` (1.1) or `inactive` are left out.
        var isActive: Bool {
            let status = self["status"].lowercased()
            return status != "tobedeleted" && status != "inactive"
        }
    }

    var rows: [Row] { table.records.map { Row(table: self, record: $0) } }

    /// Reads `folder/name`; nil when the file is absent and not `required`.
    /// With `maximumRows`, a longer file is refused once read and before it is parsed.
    static func read(_ folder: String, _ name: String, required: [String], mandatory: Bool, maximumRows: Int? = nil) throws -> OneRosterTable? {
        let path = folder + "/" + name
        if !FileManager.default.fileExists(atPath: path) {
            if mandatory { throw ImportError(.start(of: path), "\(name) is missing; a OneRoster export needs it") }
            return nil
        }
        let table = try csv(path, maximumRows: maximumRows)
        var column: [String: Int] = [:]
        for (index, field) in table.header.fields.enumerated() {
            let name = field.value.trimmingCharacters(in: .whitespaces)
            if column[name] != nil { throw ImportError(field.location, "the header names column \(printable(name)) twice") }
            column[name] = index
        }
        for name in required where column[name] == nil {
            // Shown escaped: a stray CR or other invisible character in a header is the usual cause.
            throw ImportError(table.header.location, "the header has no column \(name) (it has \(table.header.fields.map { printable($0.value) }.joined(separator: ", ")))")
        }
        for record in table.records where record.fields.count != table.header.fields.count {
            throw ImportError(record.location, "this row has \(record.fields.count) fields, the header \(table.header.fields.count)")
        }
        return OneRosterTable(path: path, table: table, column: column)
    }

    /// Reads a CSV file (UTF-8, RFC 4180), or throws the first problem with its position.
    static func csv(_ path: String, maximumRows: Int? = nil) throws -> CSVTable {
        let log = DiagnosticLog()
        let text = TextFile.read(path, log: log)
        if let text, let maximumRows {
            let rows = max(0, text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1)
            if rows > maximumRows {
                let name = URL(fileURLWithPath: path).lastPathComponent
                throw ImportError(.start(of: path), "\(name) has \(rows) rows; Pacer reads at most \(maximumRows) results in one import: export them in parts (by date) and record each")
            }
        }
        guard let text, let table = CSVTable.parse(text, file: path, log: log) else {
            // The first error, not a note on how the file was read.
            let first = log.sorted.first { $0.severity == .error }
            throw ImportError(first?.location ?? .start(of: path), first?.message ?? "cannot read \(path)")
        }
        return table
    }

    private init(path: String, table: CSVTable, column: [String: Int]) {
        self.path = path
        self.table = table
        self.column = column
    }
}
