import Foundation
import GRDB

/// Whom a sign-in link lets into the portal: the scheduler, one teacher, one supervisor of study
/// (an aide, a coach), or one student's family.
public enum AccessRole: Sendable, Equatable, Hashable, CustomStringConvertible {
    case scheduler
    case teacher(TeacherID)
    case supervisor(SupervisorID)
    case family(StudentID)

    /// `scheduler`, `teacher:T-LEE`, `supervisor:A-PARK` or `family:S-03`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("scheduler", 1): self = .scheduler
        case ("teacher", 2) where !parts[1].isEmpty: self = .teacher(TeacherID(rawValue: parts[1]))
        case ("supervisor", 2) where !parts[1].isEmpty: self = .supervisor(SupervisorID(rawValue: parts[1]))
        case ("family", 2) where !parts[1].isEmpty: self = .family(StudentID(rawValue: parts[1]))
        default: return nil
        }
    }

    init?(kind: String, person: String) {
        self.init(person.isEmpty ? kind : "\(kind):\(person)")
    }

    var kind: String {
        switch self {
        case .scheduler: return "scheduler"
        case .teacher: return "teacher"
        case .supervisor: return "supervisor"
        case .family: return "family"
        }
    }

    var person: String {
        switch self {
        case .scheduler: return ""
        case let .teacher(id): return id.rawValue
        case let .supervisor(id): return id.rawValue
        case let .family(id): return id.rawValue
        }
    }

    /// The adult a teacher's or supervisor's grant names (whose agenda the portal shows), else nil.
    public var adult: AdultID? {
        switch self {
        case let .teacher(id): return AdultID(rawValue: id.rawValue)
        case let .supervisor(id): return AdultID(rawValue: id.rawValue)
        case .scheduler, .family: return nil
        }
    }

    public var description: String { person.isEmpty ? kind : "\(kind):\(person)" }

    /// Why the role names nobody in the scenario (with the nearest known id), or nil.
    public func problem(in scenario: Scenario) -> String? {
        switch self {
        case .scheduler: return nil
        case let .teacher(id):
            if let aide = scenario.supervisors.first(where: { $0.id.rawValue == id.rawValue }) {
                return "\(aide.name), id \(aide.id), supervises study and is not a teacher; name them as supervisor:\(aide.id)"
            }
            return scenario.unknownIDProblem(teacher: id)
        case let .supervisor(id): return scenario.unknownIDProblem(supervisor: id)
        case let .family(id): return scenario.unknownIDProblem(student: id)
        }
    }
}

/// A secret that signs someone in: 32 bytes (256 bits) from the system's cryptographic random
/// source, written as 64 hexadecimal digits. The state keeps only its SHA-256.
public struct AccessToken: Sendable, Equatable {
    public let text: String

    public init(text: String) { self.text = text }

    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return AccessToken(text: bytes.map { String(format: "%02x", $0) }.joined())
    }

    /// What the state stores: the token's SHA-256, so that reading the database signs nobody in.
    var hash: String {
        var digest = SHA256()
        digest.update(Array(text.utf8))
        return digest.hex()
    }

    /// The key of the grant's calendar feed: derived from the token (SHA-256 of it with a label),
    /// so that a feed address handed to a calendar service opens the calendar and nothing else; the
    /// token cannot be recovered from it.
    public var calendarKey: AccessToken {
        var digest = SHA256()
        digest.update(Array((text + ":calendar").utf8))
        return AccessToken(text: digest.hex())
    }

    /// Whether `text` has a token's form (64 lowercase hexadecimal digits).
    static func isWellFormed(_ text: String) -> Bool { text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
}

/// One grant of access, as `pacer access list` shows it.
public struct AccessGrant: Sendable, Equatable {
    public let id: Int64
    public let role: AccessRole
    public let createdAt: String
    /// The last date the link works; nil for no end.
    public let expires: SchoolDate?
    public let revokedAt: String?

    /// Whether the grant lets its holder in on `date`.
    public func isValid(on date: SchoolDate) -> Bool {
        revokedAt == nil && expires.map { date <= $0 } ?? true
    }
}

public enum AccessError: Error, CustomStringConvertible, Equatable {
    case unknownGrant(Int64)
    case alreadyRevoked(Int64)

    public var description: String {
        switch self {
        case let .unknownGrant(id): return "no access grant has id \(id); pacer access list shows them"
        case let .alreadyRevoked(id): return "access grant \(id) is already revoked"
        }
    }
}

extension StateStore {
    /// Grants access to `role` until `expires` (inclusive) and returns the grant with its token.
    /// The token is shown once: only its hash is stored.
    public func grantAccess(_ role: AccessRole, expires: SchoolDate? = nil) throws -> (grant: AccessGrant, token: AccessToken) {
        let token = AccessToken.random()
        let now = RecordedAt.now()
        let id = try write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO access (token_hash, calendar_hash, kind, person, created_at, expires) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [token.hash, token.calendarKey.hash, role.kind, role.person, now, expires?.text])
            return db.lastInsertedRowID
        }
        return (AccessGrant(id: id, role: role, createdAt: now, expires: expires, revokedAt: nil), token)
    }

    /// Every grant, oldest first, revoked ones included.
    public func accessGrants() throws -> [AccessGrant] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, person, created_at, expires, revoked_at FROM access ORDER BY id").compactMap(Self.grant)
        }
    }

    /// One grant by id, or nil.
    public func accessGrant(_ id: Int64) throws -> AccessGrant? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, kind, person, created_at, expires, revoked_at FROM access WHERE id = ?", arguments: [id])
                .flatMap(Self.grant)
        }
    }

    /// Revokes a grant: its link stops working at once and its sessions end.
    public func revokeAccess(_ id: Int64) throws {
        let now = RecordedAt.now()
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT revoked_at FROM access WHERE id = ?", arguments: [id]) else {
                throw AccessError.unknownGrant(id)
            }
            guard (row["revoked_at"] as String?) == nil else { throw AccessError.alreadyRevoked(id) }
            try db.execute(sql: "UPDATE access SET revoked_at = ? WHERE id = ?", arguments: [now, id])
            // Whoever signed in with it is signed out.
            try db.execute(sql: "DELETE FROM portal_session WHERE access_id = ?", arguments: [id])
        }
    }

    /// The grant a token signs in on `date`, or nil when the token is unknown, revoked or expired.
    public func signIn(token: String, on date: SchoolDate) throws -> AccessGrant? {
        // Only well-formed tokens are hashed and looked up.
        guard AccessToken.isWellFormed(token) else { return nil }
        let token = AccessToken(text: token)
        // Read first: a wrong link costs no write.
        guard let row = try read({ db in
            try Row.fetchOne(db, sql: "SELECT id, kind, person, created_at, expires, revoked_at, calendar_hash FROM access WHERE token_hash = ?",
                             arguments: [token.hash])
        }) else { return nil }
        // Grants made before calendar keys existed get theirs at their next sign-in.
        if (row["calendar_hash"] as String?) == nil {
            try write { db in
                try db.execute(sql: "UPDATE access SET calendar_hash = ? WHERE id = ? AND calendar_hash IS NULL",
                               arguments: [token.calendarKey.hash, row["id"] as Int64])
            }
        }
        return Self.grant(row).flatMap { $0.isValid(on: date) ? $0 : nil }
    }

    /// The grant whose calendar feed `key` opens on `date`, or nil when the key is unknown, or the
    /// grant revoked or expired.
    public func calendarGrant(key: String, on date: SchoolDate) throws -> AccessGrant? {
        guard AccessToken.isWellFormed(key) else { return nil }
        let hash = AccessToken(text: key).hash
        let grant = try read { db in
            try Row.fetchOne(db, sql: "SELECT id, kind, person, created_at, expires, revoked_at FROM access WHERE calendar_hash = ?",
                             arguments: [hash]).flatMap(Self.grant)
        }
        return grant.flatMap { $0.isValid(on: date) ? $0 : nil }
    }

    private static func grant(_ row: Row) -> AccessGrant? {
        guard let role = AccessRole(kind: row["kind"], person: row["person"]) else { return nil }
        return AccessGrant(id: row["id"], role: role, createdAt: row["created_at"],
                           expires: (row["expires"] as String?).flatMap(SchoolDate.init), revokedAt: row["revoked_at"])
    }
}
