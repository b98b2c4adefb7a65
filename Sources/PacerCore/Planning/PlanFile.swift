import Foundation

/// Reads and writes plan.json: sorted keys, two-space indentation, so equal plans are equal bytes.
public enum PlanFile {
    public static func encode(_ plan: WeekPlan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n"
    }

    public static func decode(_ text: String) throws -> WeekPlan {
        try JSONDecoder().decode(WeekPlan.self, from: Data(text.utf8))
    }

    public static func read(_ path: String) throws -> WeekPlan {
        guard let data = FileManager.default.contents(atPath: path) else { throw PlanFileError.unreadable(path) }
        do {
            let plan = try JSONDecoder().decode(WeekPlan.self, from: data)
            guard plan.schema == WeekPlan.schemaName else { throw PlanFileError.schema(path, plan.schema) }
            return plan
        } catch let error as PlanFileError {
            throw error
        } catch {
            throw PlanFileError.malformed(path, "\(error)")
        }
    }
}

public enum PlanFileError: Error, CustomStringConvertible {
    case unreadable(String)
    case schema(String, String)
    case malformed(String, String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "\(path): cannot read the plan"
        case let .schema(path, schema): return "\(path): schema '\(schema)' is not \(WeekPlan.schemaName)"
        case let .malformed(path, detail): return "\(path): not a Pacer plan: \(detail)"
        }
    }
}
