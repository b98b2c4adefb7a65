import Testing
@testable import PacerCore

@Suite struct CSVTableTests {
    func parse(_ text: String) -> (CSVTable?, [Diagnostic]) {
        let log = DiagnosticLog()
        let table = CSVTable.parse(text, file: "t.csv", log: log)
        return (table, log.sorted)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let (table, diagnostics) = parse("id,name\r\n1,\"Smith, \"\"Jo\"\"\"\r\n2,\"two\nlines\"\r\n3,plain\n")
        #expect(diagnostics.isEmpty)
        let t = try #require(table)
        #expect(t.header.fields.map(\.value) == ["id", "name"])
        #expect(t.records.map { $0.fields.map(\.value) } == [["1", "Smith, \"Jo\""], ["2", "two\nlines"], ["3", "plain"]])
        // Positions: the record after a quoted line break starts on the physical line after it.
        #expect(t.records[2].location == SourceLocation(file: "t.csv", line: 5, column: 1))
        // A quoted field is located at its first character inside the quotes.
        #expect(t.records[0].fields[1].location == SourceLocation(file: "t.csv", line: 2, column: 4))
    }

    @Test func emptyFieldsAndBlankLines() throws {
        let (table, _) = parse("a,b,c\n1,,\n\n2,x,\n")
        let t = try #require(table)
        #expect(t.records.map { $0.fields.map(\.value) } == [["1", "", ""], ["2", "x", ""]])
        #expect(t.records[1].fields[2].location.column == 5)
    }

    @Test func aMissingFinalNewlineKeepsTheLastRecord() throws {
        let (table, _) = parse("a,b\n1,2")
        #expect(table?.records.count == 1)
    }

    @Test func strayQuotesAreErrorsWithPositions() {
        #expect(parse("a\n\"x\"y\n").1.map(\.description) == [
            "t.csv:2:4: error: unexpected character after a closing quote; a quote inside a quoted field is written \"\"",
        ])
        #expect(parse("a\nab\"c\n").1.map(\.description) == [
            "t.csv:2:3: error: a quote inside an unquoted field; quote the whole field and double the quote",
        ])
        #expect(parse("").1.map(\.description) == ["t.csv:1:1: error: the file is empty; it needs a header row"])
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.record(["plain", "a,b", "say \"hi\"", "two\nlines"]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
        let log = DiagnosticLog()
        let written = CSVWriter.record(["x", "y,z"]) + CSVWriter.record(["\"q\"", ""])
        let back = CSVTable.parse(written, file: "w.csv", log: log)
        #expect(back?.header.fields.map(\.value) == ["x", "y,z"])
        #expect(back?.records.first?.fields.map(\.value) == ["\"q\"", ""])
    }
}
