extension DayChanges.TeacherChange {
    /// What changed in one teacher's block, as `pacer regroup` and the portal show it:
    /// `MATH-7.RP.1 → MATH-7.RP.2, room R-2; in: S-03; out: S-07`.
    public func text(teacherAbsent: Bool) -> String {
        var line = ""
        switch (objectiveBefore, objectiveAfter) {
        case let (before?, after?) where before != after: line += "\(before) → \(after)"
        case let (before?, nil):
            line += "cancelled (\(before))"
            if teacherAbsent { line += ": teacher absent" }
        case let (nil, after?):
            line += "new session on \(after)" + (covers.map { ", covering \($0)" } ?? "")
        default: line += "\(objectiveAfter?.rawValue ?? "")"
        }
        if roomBefore != roomAfter, let a = roomAfter { line += ", room \(a)" }
        if !studentsIn.isEmpty { line += "; in: \(studentsIn.map(\.rawValue).joined(separator: ", "))" }
        if !studentsOut.isEmpty { line += "; out: \(studentsOut.map(\.rawValue).joined(separator: ", "))" }
        return line
    }
}
