import CGLPK

/// A column (variable) of a `Problem`. `index` is 0-based; GLPK's own index is `index + 1`.
public struct Column: Hashable, Comparable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
    public static func < (a: Column, b: Column) -> Bool { a.index < b.index }
}

/// A row (constraint) of a `Problem`. `index` is 0-based; GLPK's own index is `index + 1`.
public struct Row: Hashable, Comparable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
    public static func < (a: Row, b: Row) -> Bool { a.index < b.index }
}

/// Whether a column takes any real value, integers only, or 0 and 1.
public enum VariableKind: Sendable, Equatable {
    case continuous
    case integer
    /// An integer column bounded to [0, 1].
    case binary
}

/// Whether the objective is minimized or maximized.
public enum Direction: Sendable, Equatable {
    case minimize
    case maximize
}

/// The size of a model, as recorded with every solve.
public struct ModelSize: Equatable, Sendable, Codable {
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    public var nonzeros: Int
}

/// One linear program or mixed-integer program, owning one GLPK problem object.
///
/// Every call checks its arguments before GLPK sees them (GLPK aborts the process on bad data).
/// The object is deleted in `deinit`. A `Problem` must stay on the thread that made it: GLPK keeps
/// per-thread state. It is therefore not `Sendable`.
public final class Problem {
    let handle: OpaquePointer
    private var columnNames: [String] = []
    private var rowNames: [String] = []
    private var nonzeroCount = 0

    /// The longest name GLPK accepts, in bytes.
    public static let maximumNameLength = 255
    /// GLPK's own limits (M_MAX, N_MAX and NNZ_MAX in its problem API); past them glp_error aborts.
    public static let maximumRows = 100_000_000
    public static let maximumColumns = 100_000_000
    public static let maximumNonzeros = 500_000_000

    public init(name: String = "") throws {
        try Problem.checkName(name)
        // glp_create_prob only fails when memory runs out, and then GLPK aborts by itself.
        handle = glp_create_prob()
        glp_set_prob_name(handle, name)
        glp_set_obj_dir(handle, GLP_MIN)
    }

    deinit {
        glp_delete_prob(handle)
    }

    /// The version of the GLPK library in use, such as "5.0".
    public static var libraryVersion: String {
        String(cString: glp_version())
    }

    public var numberOfColumns: Int { columnNames.count }
    /// Whether an LP solve left a basis to start the next one from (`LPOptions.presolve` off keeps it).
    public var hasBasis: Bool { glp_get_status(handle) != GLP_UNDEF }
    public var numberOfRows: Int { rowNames.count }

    public var size: ModelSize {
        ModelSize(
            rows: numberOfRows, columns: numberOfColumns,
            integerColumns: Int(glp_get_num_int(handle)), nonzeros: nonzeroCount)
    }

    public var direction: Direction {
        get { glp_get_obj_dir(handle) == GLP_MAX ? .maximize : .minimize }
        set { glp_set_obj_dir(handle, newValue == .maximize ? GLP_MAX : GLP_MIN) }
    }

    /// The objective's constant term.
    public func setObjectiveConstant(_ value: Double) throws {
        guard value.isFinite else { throw GLPKError.notFinite(what: "objective constant", value: value) }
        glp_set_obj_coef(handle, 0, value)
    }

    /// Adds a column and returns it.
    @discardableResult
    public func addColumn(
        name: String = "", kind: VariableKind = .continuous, bounds: Bounds = .lower(0), objective: Double = 0
    ) throws -> Column {
        try Problem.checkName(name)
        let what = "column '\(name)'"
        guard objective.isFinite else { throw GLPKError.notFinite(what: "\(what) objective coefficient", value: objective) }
        let effective: Bounds = kind == .binary ? .range(0, 1) : bounds
        let (type, lower, upper) = try effective.glpk(what)
        guard numberOfColumns < Problem.maximumColumns else { throw GLPKError.beyondGLPKLimit(what: "columns", limit: Problem.maximumColumns) }
        let j = try CheckedInt.int32(numberOfColumns + 1, "column count")
        glp_add_cols(handle, 1)
        columnNames.append(name)
        if !name.isEmpty { glp_set_col_name(handle, j, name) }
        switch kind {
        case .continuous: glp_set_col_kind(handle, j, GLP_CV)
        case .integer: glp_set_col_kind(handle, j, GLP_IV)
        case .binary: glp_set_col_kind(handle, j, GLP_BV)
        }
        glp_set_col_bnds(handle, j, type, lower, upper)
        glp_set_obj_coef(handle, j, objective)
        return Column(index: numberOfColumns - 1)
    }

    /// Adds a row `bounds` on `Σ coefficient × column` and returns it.
    ///
    /// Each column may appear once; zero coefficients are dropped.
    @discardableResult
    public func addRow(name: String = "", bounds: Bounds, terms: [(Column, Double)]) throws -> Row {
        try Problem.checkName(name)
        let what = "row '\(name)'"
        let (type, lower, upper) = try bounds.glpk(what)
        var seen = Set<Int>()
        var indices: [Int32] = [0]  // GLPK reads these arrays from position 1.
        var values: [Double] = [0]
        indices.reserveCapacity(terms.count + 1)
        values.reserveCapacity(terms.count + 1)
        for (column, coefficient) in terms {
            try checkColumn(column)
            guard coefficient.isFinite else {
                throw GLPKError.notFinite(what: "\(what) coefficient of column \(column.index)", value: coefficient)
            }
            guard seen.insert(column.index).inserted else {
                throw GLPKError.duplicateEntry(row: name, column: column.index)
            }
            if coefficient == 0 { continue }
            indices.append(try CheckedInt.int32(column.index + 1, "column index"))
            values.append(coefficient)
        }
        guard numberOfRows < Problem.maximumRows else { throw GLPKError.beyondGLPKLimit(what: "rows", limit: Problem.maximumRows) }
        guard nonzeroCount + indices.count - 1 <= Problem.maximumNonzeros else {
            throw GLPKError.beyondGLPKLimit(what: "nonzero coefficients", limit: Problem.maximumNonzeros)
        }
        let i = try CheckedInt.int32(numberOfRows + 1, "row count")
        let length = try CheckedInt.int32(indices.count - 1, "row length")
        glp_add_rows(handle, 1)
        rowNames.append(name)
        if !name.isEmpty { glp_set_row_name(handle, i, name) }
        glp_set_row_bnds(handle, i, type, lower, upper)
        glp_set_mat_row(handle, i, length, indices, values)
        nonzeroCount += Int(length)
        return Row(index: numberOfRows - 1)
    }

    /// Sets one column's objective coefficient.
    public func setObjective(_ column: Column, _ coefficient: Double) throws {
        try checkColumn(column)
        guard coefficient.isFinite else {
            throw GLPKError.notFinite(what: "objective coefficient of column \(column.index)", value: coefficient)
        }
        glp_set_obj_coef(handle, try CheckedInt.int32(column.index + 1, "column index"), coefficient)
    }

    /// Changes one column's bounds. A binary column keeps [0, 1].
    public func setBounds(_ column: Column, _ bounds: Bounds) throws {
        try checkColumn(column)
        let (type, lower, upper) = try bounds.glpk("column '\(columnNames[column.index])'")
        glp_set_col_bnds(handle, try CheckedInt.int32(column.index + 1, "column index"), type, lower, upper)
    }

    public func name(of column: Column) throws -> String {
        try checkColumn(column)
        return columnNames[column.index]
    }

    public func name(of row: Row) throws -> String {
        try checkRow(row)
        return rowNames[row.index]
    }

    func checkColumn(_ column: Column) throws {
        guard column.index >= 0, column.index < numberOfColumns else {
            throw GLPKError.columnOutOfRange(index: column.index, count: numberOfColumns)
        }
    }

    func checkRow(_ row: Row) throws {
        guard row.index >= 0, row.index < numberOfRows else {
            throw GLPKError.rowOutOfRange(index: row.index, count: numberOfRows)
        }
    }

    /// GLPK refuses names over 255 bytes and names with control characters (by aborting).
    static func checkName(_ name: String) throws {
        guard name.utf8.count <= maximumNameLength else {
            throw GLPKError.invalidName(name, reason: "longer than \(maximumNameLength) bytes")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw GLPKError.invalidName(name, reason: "contains a control character")
        }
    }
}
