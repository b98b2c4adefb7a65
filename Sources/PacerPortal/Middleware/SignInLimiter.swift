import Foundation

/// Failed sign-ins counted per address over a sliding window: an address with too many has its
/// wrong links refused unread (429) until the oldest failure leaves the window, so that links
/// cannot be tried at speed. A good link still signs in (`Portal.signIn`): behind a reverse proxy
/// every request comes from the proxy's address, and one person's mistyped links must not lock
/// the school out.
public actor SignInLimiter {
    /// Seconds a failed sign-in counts.
    public static let window = 15 * 60
    /// Failed sign-ins from one address within the window before it is refused.
    public let limit: Int
    /// Addresses remembered at most; the quietest are forgotten first.
    static let addresses = 10_000
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 10) { self.limit = limit }

    /// Seconds `address` must wait before trying again, or nil when it may try now.
    func refusal(for address: String, now: Date = Date()) -> Int? {
        let recent = prune(address, now: now)
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int(oldest.addingTimeInterval(Double(Self.window)).timeIntervalSince(now).rounded(.up)))
    }

    /// Counts a failed sign-in from `address`; returns how many it has in the window.
    func failed(from address: String, now: Date = Date()) -> Int {
        var recent = prune(address, now: now)
        recent.append(now)
        failures[address] = recent
        if failures.count > Self.addresses, let quietest = failures.min(by: { ($0.value.last ?? now) < ($1.value.last ?? now) })?.key {
            failures[quietest] = nil
        }
        return recent.count
    }

    private func prune(_ address: String, now: Date) -> [Date] {
        let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < Double(Self.window) }
        failures[address] = recent.isEmpty ? nil : recent
        return recent
    }
}
