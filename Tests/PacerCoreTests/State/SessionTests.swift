import Foundation
import GRDB
import PacerTestSupport
import Testing
@testable import PacerCore

/// Portal sessions kept in the state: only a hash of the id, idle and absolute expiry, a bound per
/// link, sign-out and revocation.
@Suite struct SessionTests {
    let day = SchoolDate("2026-11-24")!
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func aSessionOutlivesItsStoreAndOnlyItsHashIsKept() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (grant, token) = try store.grantAccess(.teacher("T-OKAFOR"))
        let session = try store.openSession(for: grant, calendarKey: token.calendarKey.text, now: start)
        // A new process (a restarted portal) finds it.
        let reopened = try StateStore(path: StateStore.path(for: scenario))
        #expect(try reopened.session(session.id, on: day, now: start.addingTimeInterval(60)) == session)
        let stored = try DatabaseQueue(path: StateStore.path(for: scenario)).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM portal_session").map(\.description).joined()
        }
        #expect(!stored.contains(session.id) && stored.contains(AccessToken(text: session.id).hash))
        #expect(try store.session(String(repeating: "0", count: 64), on: day, now: start) == nil)
        #expect(try store.session("not a session id", on: day, now: start) == nil)
    }

    @Test func sessionsEndWhenIdleOrOldHoweverMuchTheyAreUsed() throws {
        let (folder, _, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var policy = SessionPolicy()
        policy.idle = 3600
        policy.absolute = 4 * 3600
        policy.touchEvery = 0
        let (grant, token) = try store.grantAccess(.scheduler)
        let idle = try store.openSession(for: grant, calendarKey: token.calendarKey.text, policy: policy, now: start)
        #expect(try store.session(idle.id, on: day, policy: policy, now: start.addingTimeInterval(3601)) == nil, "idle an hour")

        let used = try store.openSession(for: grant, calendarKey: token.calendarKey.text, policy: policy, now: start)
        // Used every 50 minutes: never idle, but over after four hours. The touch runs in the
        // background, so each step waits for it to land.
        for minutes in stride(from: 50, through: 200, by: 50) {
            let now = start.addingTimeInterval(Double(minutes) * 60)
            #expect(try store.session(used.id, on: day, policy: policy, now: now) != nil, "in use at \(minutes) min")
            try waitForLastSeen(store, Int64(now.timeIntervalSince1970))
        }
        #expect(try store.session(used.id, on: day, policy: policy, now: start.addingTimeInterval(4 * 3600 + 1)) == nil, "past four hours")
    }

    @Test func oneLinkHoldsAtMostItsBoundOfSessionsTheOldestEndingFirst() throws {
        let (folder, _, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (grant, token) = try store.grantAccess(.family("S-03"))
        var policy = SessionPolicy()
        policy.perLink = 3
        let sessions = try (0..<5).map { n in
            try store.openSession(for: grant, calendarKey: token.calendarKey.text, policy: policy, now: start.addingTimeInterval(Double(n)))
        }
        #expect(try store.openSessionCount(grant: grant.id) == 3)
        #expect(try store.session(sessions[0].id, on: day, policy: policy, now: start.addingTimeInterval(10)) == nil)
        #expect(try store.session(sessions[1].id, on: day, policy: policy, now: start.addingTimeInterval(10)) == nil)
        #expect(try store.session(sessions[4].id, on: day, policy: policy, now: start.addingTimeInterval(10)) != nil)
    }

    @Test func signingOutAndRevokingEndSessions() throws {
        let (folder, _, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (grant, token) = try store.grantAccess(.teacher("T-LEE"))
        let first = try store.openSession(for: grant, calendarKey: token.calendarKey.text, now: start)
        let second = try store.openSession(for: grant, calendarKey: token.calendarKey.text, now: start)
        try store.closeSession(first.id)
        #expect(try store.session(first.id, on: day, now: start) == nil)
        #expect(try store.session(second.id, on: day, now: start) != nil)
        try store.revokeAccess(grant.id)
        #expect(try store.session(second.id, on: day, now: start) == nil)
        #expect(try store.openSessionCount() == 0)
    }

    /// A state whose schema is current opens and is read without the write lock: a read-only
    /// command beside a long import is answered at once.
    @Test func aCurrentStateOpensAndReadsWhileAnotherProcessWrites() throws {
        let (folder, scenario, store) = try seededTinySchool()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lock = try OtherProcessWrite(store.path)
        let reader = try StateStore(path: StateStore.path(for: scenario), busyTimeout: 0.2)
        #expect(try reader.standings(scenario).count == 30)
        #expect(throws: StateError.busy(store.path)) { _ = try reader.grantAccess(.scheduler) }
        #expect(lock.isHeld, "all of it while the other write was under way")
        lock.release()
        #expect(try reader.grantAccess(.scheduler).grant.role == .scheduler)
    }

    /// Waits (a few seconds at most) until some session's last use is `seconds`.
    func waitForLastSeen(_ store: StateStore, _ seconds: Int64) throws {
        for _ in 0..<200 {
            let seen = try store.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(last_seen) FROM portal_session") }
            if seen == seconds { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("the session's last use was not written")
    }
}
