import Testing
@testable import GLPK

/// Bad data is refused with a thrown error before it reaches GLPK (which would abort the process).
@Suite struct ValidationTests {
    @Test func columnOutOfRangeIsRefused() throws {
        let p = try Problem()
        let x = try p.addColumn(name: "x")
        #expect(throws: GLPKError.columnOutOfRange(index: 1, count: 1)) {
            try p.addRow(name: "r", bounds: .upper(1), terms: [(x, 1), (Column(index: 1), 1)])
        }
        #expect(throws: GLPKError.columnOutOfRange(index: -1, count: 1)) {
            try p.setObjective(Column(index: -1), 1)
        }
        #expect(throws: GLPKError.rowOutOfRange(index: 0, count: 0)) { try p.name(of: Row(index: 0)) }
        #expect(p.numberOfRows == 0, "a refused row must not be half-added")
    }

    @Test func invertedBoundsAreRefused() throws {
        let p = try Problem()
        #expect(throws: GLPKError.invertedBounds(what: "column 'x'", lower: 5, upper: 1)) {
            try p.addColumn(name: "x", bounds: .range(5, 1))
        }
        #expect(p.numberOfColumns == 0)
        let x = try p.addColumn(name: "y", bounds: .range(3, 3))
        #expect(try p.solveLP().value(x) == 3)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRefused(value: Double) throws {
        let p = try Problem()
        #expect(throws: GLPKError.self) { try p.addColumn(name: "a", objective: value) }
        #expect(throws: GLPKError.self) { try p.addColumn(name: "b", bounds: .upper(value)) }
        let x = try p.addColumn(name: "x")
        #expect(throws: GLPKError.self) { try p.addRow(name: "r", bounds: .upper(1), terms: [(x, value)]) }
        #expect(throws: GLPKError.self) { try p.addRow(name: "s", bounds: .range(0, value), terms: [(x, 1)]) }
        #expect(throws: GLPKError.self) { try p.setObjectiveConstant(value) }
        #expect(p.numberOfRows == 0)
    }

    @Test func duplicateColumnInARowIsRefused() throws {
        let p = try Problem()
        let x = try p.addColumn(name: "x")
        #expect(throws: GLPKError.duplicateEntry(row: "twice", column: 0)) {
            try p.addRow(name: "twice", bounds: .upper(1), terms: [(x, 1), (x, 2)])
        }
    }

    @Test func badNamesAreRefused() throws {
        #expect(throws: GLPKError.self) { try Problem(name: String(repeating: "n", count: 256)) }
        let p = try Problem()
        #expect(throws: GLPKError.self) { try p.addColumn(name: "tab\there") }
        #expect(throws: GLPKError.self) { try p.addRow(name: String(repeating: "é", count: 128), bounds: .free, terms: []) }
        try p.addColumn(name: String(repeating: "n", count: 255))
    }

    @Test func badOptionsAreRefused() throws {
        let p = try Problem()
        try p.addColumn(name: "x", kind: .integer, bounds: .range(0, 1))
        var options = MIPOptions()
        options.timeLimit = -1
        #expect(throws: GLPKError.self) { try p.solveMIP(options) }
        options.timeLimit = nil
        options.relativeGap = .nan
        #expect(throws: GLPKError.self) { try p.solveMIP(options) }
        var lp = LPOptions()
        lp.timeLimit = .infinity
        #expect(throws: GLPKError.self) { try p.solveLP(lp) }
    }

    @Test func checkedIntRefusesOverflow() {
        #expect(throws: GLPKError.tooLarge(what: "count", value: Int(Int32.max) + 1)) {
            try CheckedInt.int32(Int(Int32.max) + 1, "count")
        }
    }
}
