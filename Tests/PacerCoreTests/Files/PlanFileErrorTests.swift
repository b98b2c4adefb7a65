import Foundation
import Testing
@testable import PacerCore

/// A hand-edited plan.json that does not read says where it is wrong, not only "not valid JSON".
@Suite struct PlanFileErrorTests {
    private func problem(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        let plan = handMade(scenario, [])
        var json = try #require(JSONSerialization.jsonObject(with: Data(PlanFile.encode(plan).utf8)) as? [String: Any])
        edit(&json)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        do {
            _ = try PlanFile.read(path)
            return "read"
        } catch {
            return "\(error)"
        }
    }

    @Test func aBadFieldIsNamed() throws {
        let sessions = try problem { $0["sessions"] = "none" }
        #expect(sessions.contains("not a Pacer plan: sessions: expected "), "\(sessions)")
        #expect(try problem { $0.removeValue(forKey: "cost") }.hasSuffix("not a Pacer plan: the top level: the field 'cost' is missing"))
        // Foundation names no field for a whole number written 1.5: the message says what it is.
        #expect(try problem { json in
            var header = json["header"] as? [String: Any] ?? [:]
            header["students"] = 1.5
            json["header"] = header
        }.contains("a number in it does not fit its field"))
    }

    /// The state a plan was made from is marked by ids, 0 for none: a negative one is refused
    /// where the plan is read (`pacer verify`, `publish`), not taken as a state before any.
    @Test(arguments: ["lastRequest", "lastCheck", "lastAbsence", "lastClosure", "lastRoster"])
    func aNegativeMarkIsRefused(field: String) throws {
        func madeFrom(_ value: Int) throws -> String {
            try problem { json in
                var header = json["header"] as? [String: Any] ?? [:]
                var mark: [String: Any] = ["lastCheck": 3, "lastAbsence": 0, "lastClosure": 0, "digest": "x", "lastRoster": 0, "lastRequest": 2]
                mark[field] = value
                header["madeFrom"] = mark
                json["header"] = header
            }
        }
        #expect(try madeFrom(0) == "read")
        let negative = try madeFrom(-1)
        #expect(negative.hasSuffix("not a Pacer plan: header.madeFrom.\(field): -1 is negative: a plan's mark is an id, or 0 for none"), "\(negative)")
    }
}
