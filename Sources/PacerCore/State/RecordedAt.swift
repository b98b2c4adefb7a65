import Foundation

/// When a row of the state was written, as the state stores it ("2026-12-07T16:38:11Z", UTC):
/// one home for the stamp's form.
enum RecordedAt {
    static func now() -> String { Date.now.formatted(.iso8601) }
}
