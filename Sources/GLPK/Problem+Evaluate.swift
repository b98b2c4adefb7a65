import CGLPK

extension Problem {
    /// The objective (constant included) at the given column values, from the coefficients stored in GLPK.
    public func objectiveValue(at values: [Double]) throws -> Double {
        try checkValues(values)
        var total = glp_get_obj_coef(handle, 0)
        for j in 0..<numberOfColumns { total += glp_get_obj_coef(handle, Int32(j + 1)) * values[j] }
        return total
    }

    /// The names of rows and columns whose bounds the given values break by more than `tolerance`,
    /// and of integer columns given a fractional value. Empty when the values are feasible.
    public func violations(at values: [Double], tolerance: Double = 1e-6) throws -> [String] {
        try checkValues(values)
        var broken: [String] = []
        func outside(_ value: Double, _ lower: Double, _ upper: Double, _ type: Int32) -> Bool {
            switch type {
            case GLP_LO: return value < lower - tolerance
            case GLP_UP: return value > upper + tolerance
            case GLP_DB, GLP_FX: return value < lower - tolerance || value > upper + tolerance
            default: return false
            }
        }
        for j in 0..<numberOfColumns {
            let c = Int32(j + 1), v = values[j]
            if outside(v, glp_get_col_lb(handle, c), glp_get_col_ub(handle, c), glp_get_col_type(handle, c))
                || (glp_get_col_kind(handle, c) != GLP_CV && abs(v - v.rounded()) > tolerance) {
                broken.append(try name(of: Column(index: j)))
            }
        }
        var indices = [Int32](repeating: 0, count: numberOfColumns + 1)
        var coefficients = [Double](repeating: 0, count: numberOfColumns + 1)
        for i in 0..<numberOfRows {
            let r = Int32(i + 1)
            let length = Int(glp_get_mat_row(handle, r, &indices, &coefficients))
            var activity = 0.0
            for p in stride(from: 1, through: length, by: 1) { activity += coefficients[p] * values[Int(indices[p]) - 1] }
            if outside(activity, glp_get_row_lb(handle, r), glp_get_row_ub(handle, r), glp_get_row_type(handle, r)) {
                broken.append(try name(of: Row(index: i)))
            }
        }
        return broken
    }

    private func checkValues(_ values: [Double]) throws {
        guard values.count == numberOfColumns else {
            throw GLPKError.invalidOption(name: "values", reason: "\(values.count) values for \(numberOfColumns) columns")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw GLPKError.notFinite(what: "a column value", value: values.first { !$0.isFinite } ?? .nan)
        }
    }
}
