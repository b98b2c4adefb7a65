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
        } catch let error as DecodingError {
            // Foundation's decoder calls a number that does not fit its field (576.5 or 1e300 for a
            // whole number) "not valid JSON", with no field: say what it is when the JSON is sound.
            if case let .dataCorrupted(context) = error, context.codingPath.isEmpty, (try? JSONSerialization.jsonObject(with: data)) != nil {
                throw PlanFileError.malformed(path, "the JSON is well-formed, but a number in it does not fit its field: a whole number written with a fraction or an exponent, or one out of range")
            }
            throw PlanFileError.malformed(path, describe(error))
        } catch {
            throw PlanFileError.malformed(path, "\(error)")
        }
    }
}

/// A decoding error in words, with the field it is at (`header.proven.workshopsAtMost: expected a
/// whole number (Int), found 576.5`), so that a hand-edited plan.json says where it is wrong.
func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
    }
    switch error {
    case let .typeMismatch(type, context):
        return "\(path(context)): expected \(type == Int.self ? "a whole number (Int)" : "\(type)"): \(context.debugDescription)"
    case let .valueNotFound(type, context):
        return "\(path(context)): a \(type) is missing: \(context.debugDescription)"
    case let .keyNotFound(key, context):
        return "\(path(context)): the field '\(key.stringValue)' is missing"
    case let .dataCorrupted(context):
        return "\(path(context)): \(context.debugDescription)"
    @unknown default:
        return "\(error)"
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
