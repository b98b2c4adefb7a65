import Foundation
import GRDB

/// A signed-in portal session: who it is for, the token its forms carry, and the key of the grant's
/// calendar feed (so that a family's page can show its address). The cookie carries `id`; the
/// state keeps only the id's SHA-256.
public struct PortalSession: Sendable, Equatable {
    public let id: String
    public let grant: AccessGrant
    public let csrf: String
    public let calendarKey: String
}

/// How long a portal session lasts and how many one link may hold.
public struct SessionPolicy: Sendable, Equatable {
    /// A session unused for this long ends (seconds): a school day with its breaks.
    public var idle: TimeInterval = 12 * 3600
    /// A session ends this long after sign-in however much it is used (seconds).
    public var absolute: TimeInterval = 7 * 24 * 3600
    /// Sessions one access link may hold at once; signing in once more ends the oldest.
    public var perLink = 10
    /// How stale `last_seen` may grow before a request writes it again (seconds): the idle
    /// expiry is this precise, and a page view costs no write most of the time.
    public var touchEvery: TimeInterval = 300

    public init() {}
}

extension StateStore {
    /// Opens a session for `grant` at `now`: ends the grant's oldest sessions beyond the policy's
    /// bound, and every expired session of the school.
    public func openSession(for grant: AccessGrant, calendarKey: String, policy: SessionPolicy = SessionPolicy(),
                            now: Date = Date()) throws -> PortalSession {
        let session = PortalSession(id: AccessToken.random().text, grant: grant, csrf: AccessToken.random().text, calendarKey: calendarKey)
        let seconds = Int64(now.timeIntervalSince1970)
        try write { db in
            try db.execute(sql: """
                INSERT INTO portal_session (id_hash, access_id, csrf, calendar_key, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [AccessToken(text: session.id).hash, grant.id, session.csrf, calendarKey, seconds, seconds])
            try db.execute(sql: """
                DELETE FROM portal_session WHERE access_id = ? AND id_hash NOT IN
                    (SELECT id_hash FROM portal_session WHERE access_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)
                """, arguments: [grant.id, grant.id, policy.perLink])
            try Self.deleteExpiredSessions(db, policy: policy, now: seconds)
        }
        return session
    }

    /// The session whose id is `id`, while it is neither idle nor old past the policy, nor its grant
    /// revoked or expired on `date`; nil otherwise. A session in use has its last use written at
    /// most every `policy.touchEvery` seconds, and never waits for another process's write: a
    /// page view is answered even while a long import holds the state.
    public func session(_ id: String, on date: SchoolDate, policy: SessionPolicy = SessionPolicy(), now: Date = Date()) throws -> PortalSession? {
        guard AccessToken.isWellFormed(id) else { return nil }
        let hash = AccessToken(text: id).hash
        let seconds = Int64(now.timeIntervalSince1970)
        let found = try read { db -> (PortalSession, lastSeen: Int64)? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.csrf, s.calendar_key, s.created_at, s.last_seen, a.id, a.kind, a.person, a.created_at AS granted_at, a.expires, a.revoked_at
                FROM portal_session s JOIN access a ON a.id = s.access_id WHERE s.id_hash = ?
                """, arguments: [hash]) else { return nil }
            let created: Int64 = row["created_at"], lastSeen: Int64 = row["last_seen"]
            guard Double(seconds - lastSeen) <= policy.idle, Double(seconds - created) <= policy.absolute,
                  let role = AccessRole(kind: row["kind"], person: row["person"]) else { return nil }
            let grant = AccessGrant(id: row["id"], role: role, createdAt: row["granted_at"],
                                    expires: (row["expires"] as String?).flatMap(SchoolDate.init), revokedAt: row["revoked_at"])
            guard grant.isValid(on: date) else { return nil }
            return (PortalSession(id: id, grant: grant, csrf: row["csrf"], calendarKey: row["calendar_key"]), lastSeen)
        }
        guard let (session, lastSeen) = found else { return nil }
        if Double(seconds - lastSeen) >= policy.touchEvery { touch(hash, at: seconds) }
        return session
    }

    /// Ends the session whose id is `id` (signing out); nothing happens for an unknown id.
    public func closeSession(_ id: String) throws {
        guard AccessToken.isWellFormed(id) else { return }
        try write { db in try db.execute(sql: "DELETE FROM portal_session WHERE id_hash = ?", arguments: [AccessToken(text: id).hash]) }
    }

    /// How many sessions are open, of one grant or of all.
    public func openSessionCount(grant: Int64? = nil) throws -> Int {
        try read { db in
            if let grant { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM portal_session WHERE access_id = ?", arguments: [grant]) ?? 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM portal_session") ?? 0
        }
    }

    /// Writes a session's last use when the state is free this instant: never waiting, neither for
    /// another process's write nor this one's (a page view must not queue behind a long import);
    /// a skipped touch is tried again at the next request.
    private func touch(_ hash: String, at seconds: Int64) {
        _ = writeIfFree { db in
            try db.cachedStatement(sql: "UPDATE portal_session SET last_seen = ? WHERE id_hash = ?").execute(arguments: [seconds, hash])
        }
    }

    static func deleteExpiredSessions(_ db: Database, policy: SessionPolicy, now: Int64) throws {
        try db.execute(sql: "DELETE FROM portal_session WHERE last_seen < ? OR created_at < ?",
                       arguments: [now - Int64(policy.idle), now - Int64(policy.absolute)])
    }
}
