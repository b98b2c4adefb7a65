import Foundation

/// Reads and writes plan.json: sorted keys, two-space indentation, so equal plans are equal bytes.
public enum PlanFile {
    /// `run.json`, written beside plan.json: how long the run took and how it ended (kept out of
    /// plan.json, which depends only on the input).
    public struct RunRecord: Codable, Sendable, Equatable {
        public var seconds: Double
        public var status: String
        public init(seconds: Double, status: String) {
            self.seconds = (seconds * 1000).rounded() / 1000
            self.status = status
        }
    }

    public static func encode(_ run: RunRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(run), as: UTF8.self) + "\n"
    }

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
