/// A CSV file read per RFC 4180, with the position of every field.
///
/// Written here rather than taken from a package because validation must say where each field
/// starts (line and column), across quoted line breaks, and neither CSV package in the mirror
/// reports positions. Accepts LF and CRLF line ends and a UTF-8 byte order mark (dropped), and
/// reads files as spreadsheets save them: fields separated by commas, semicolons (Excel's CSV
/// where the decimal mark is a comma) or tabs, whichever the header row uses most (a note says so
/// when it is not commas). Every CSV Pacer reads from people comes through here.
struct CSVTable {
    typealias Field = Located<String>

    /// What separates the fields of a record.
    enum Separator: Unicode.Scalar, CaseIterable {
        case comma = ",", semicolon = ";", tab = "\t"

        var name: String {
            switch self {
            case .comma: return "comma-separated"
            case .semicolon: return "semicolon-separated"
            case .tab: return "tab-separated"
            }
        }

        /// The separator the first record (the header row) uses most outside quotes; commas when
        /// it has none or on a tie.
        static func detect(in scalars: Substring.UnicodeScalarView) -> Separator {
            var counts: [Separator: Int] = [:]
            var inQuotes = false
            for c in scalars {
                if c == "\"" { inQuotes.toggle(); continue }
                if inQuotes { continue }
                if c == "\n" { break }
                if let separator = Separator(rawValue: c) { counts[separator, default: 0] += 1 }
            }
            var best = Separator.comma
            for candidate in allCases where counts[candidate, default: 0] > counts[best, default: 0] { best = candidate }
            return best
        }
    }

    struct Record {
        var fields: [Field]
        /// Where the record starts.
        var location: SourceLocation
    }

    let header: Record
    let records: [Record]
    let separator: Separator

    /// Parses `text`; malformed quoting is reported to `log`, and parsing stops there.
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> CSVTable? {
        var records: [Record] = []
        var fields: [Field] = []
        var field = ""
        var fieldStart = SourceLocation(file: file, line: 1, column: 1)
        var recordStart = fieldStart
        var line = 1, column = 1
        var inQuotes = false, wasQuoted = false, atFieldStart = true
        var scalars = Substring(text).unicodeScalars
        // A byte order mark is dropped when the bytes are decoded; text given here may still carry one.
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let separator = Separator.detect(in: scalars)
        if separator != .comma { log.note(.start(of: file), "read as \(separator.name) (from the header row)") }

        func endField() {
            // A quoted field is located at its first character inside the quotes.
            var location = fieldStart
            if wasQuoted { location.column += 1 }
            fields.append(Field(value: field, location: location))
            field = ""
            wasQuoted = false
            atFieldStart = true
        }

        while let c = scalars.first {
            scalars = scalars.dropFirst()
            let here = SourceLocation(file: file, line: line, column: column)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
            if atFieldStart {
                fieldStart = here
                if fields.isEmpty { recordStart = here }
                atFieldStart = false
                if c == "\"" { inQuotes = true; wasQuoted = true; continue }
            }
            if inQuotes {
                if c == "\"" {
                    if scalars.first == "\"" {
                        scalars = scalars.dropFirst()
                        column += 1
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case separator.rawValue:
                endField()
            case "\r" where scalars.first == "\n":
                continue
            case "\n":
                endField()
                records.append(Record(fields: fields, location: recordStart))
                fields = []
            default:
                if wasQuoted {
                    log.error(here, "unexpected character after a closing quote; a quote inside a quoted field is written \"\"")
                    return nil
                }
                if c == "\"" {
                    log.error(here, "a quote inside an unquoted field; quote the whole field and double the quote")
                    return nil
                }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes {
            log.error(fieldStart, "a quoted field is never closed")
            return nil
        }
        if !atFieldStart || !fields.isEmpty {
            endField()
            records.append(Record(fields: fields, location: recordStart))
        }
        // Blank lines carry no record.
        records.removeAll { $0.fields.count == 1 && $0.fields[0].value.isEmpty }
        guard let header = records.first else {
            log.error(.start(of: file), "the file is empty; it needs a header row")
            return nil
        }
        return CSVTable(header: header, records: Array(records.dropFirst()), separator: separator)
    }
}

extension CSVTable {
    /// The position of each of `known` columns in the header (names compared without case or
    /// surrounding spaces), reporting unknown and repeated columns and missing `required` ones
    /// (`the checks file needs a 'date' column`).
    /// The index of each known column in the header. Columns named in `ignored` are accepted and
    /// left unread (a file made for people carries them); any other name is an error.
    func columns(_ known: [String], required: [String], ignored: [String] = [], file what: String, log: DiagnosticLog) -> [String: Int] {
        var index: [String: Int] = [:]
        // A file without its header row: one error that says so, not one per cell.
        let names = header.fields.map { $0.value.trimmingCharacters(in: .whitespaces).lowercased() }
        if !required.isEmpty, !names.contains(where: known.contains) {
            let shape = required.joined(separator: ",") + known.filter { !required.contains($0) }.map { "[,\($0)]" }.joined()
            log.error(header.location, "the first row must be the header: \(shape); it reads '\(printable(header.fields.map(\.value).joined(separator: String(separator.rawValue))))'")
            return index
        }
        for (i, field) in header.fields.enumerated() {
            let name = field.value.trimmingCharacters(in: .whitespaces).lowercased()
            if ignored.contains(name), !known.contains(name) { continue }
            guard known.contains(name) else {
                log.error(field.location, "unknown column '\(printable(name))'; expected: \(known.joined(separator: ", "))")
                continue
            }
            if index[name] != nil { log.error(field.location, "column '\(name)' appears twice") }
            index[name] = i
        }
        for name in required where index[name] == nil {
            log.error(header.location, "\(what) needs a '\(name)' column")
        }
        return index
    }

    /// The records with as many fields as the header; each other one is reported and left out.
    func wellFormedRecords(log: DiagnosticLog) -> [Record] {
        let width = header.fields.count
        return records.filter { record in
            guard record.fields.count == width else {
                log.error(record.location, "this row has \(record.fields.count) fields, the header has \(width)")
                return false
            }
            return true
        }
    }

    /// The cell of `column` in `record`, trimmed, with where it was written.
    func cell(_ column: String, of record: Record, in index: [String: Int]) -> Located<String>? {
        index[column].map { Located(value: record.fields[$0].value.trimmingCharacters(in: .whitespaces), location: record.fields[$0].location) }
    }
}
