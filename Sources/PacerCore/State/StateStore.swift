import Foundation
import GRDB
import Synchronization

/// The term's state of one scenario: an SQLite file beside `scenario.yaml` (`pacer-state.sqlite`),
/// opened through GRDB. It holds what happened: where each student started each subject, the
/// mastery checks (from which `ProgressHistory` derives where students have been and stand),
/// published plans and attendance, absences, the portal's access, and who joined or left during the
/// term (`Roster`). The scenario files stay the source of who was there when the term began. It stores and reads; the workflows that change it are `Term`'s. Every
/// change is one transaction; schema changes are versioned migrations.
public final class StateStore: Sendable {
    public static let fileName = "pacer-state.sqlite"
    /// Seconds a command waits for another's write to the same state to finish.
    public static let busyTimeout: TimeInterval = 60
    /// A pool on disk (one writer, concurrent readers that never wait for it), a queue in memory.
    let queue: any DatabaseWriter
    public let path: String
    /// Seconds this store's writes wait for another process's write to end.
    public let busyTimeout: TimeInterval
    /// This process's writes to the state, one at a time (see `write`).
    let writeTurn = DispatchSemaphore(value: 1)
    /// Published plans decoded once: a published plan never changes.
    let publishedPlans = Mutex<[Int64: WeekPlan]>([:])
    /// The school's progress history as last derived, with the progress version and the subjects
    /// it was derived at (`history(_:scenario:)`).
    let schoolHistory = Mutex<(version: Int64, subjects: [Subject], history: ProgressHistory)?>(nil)
    /// The last scenario merged with the roster by `withCurrentRoster`, and what it was merged from.
    let currentRoster = Mutex<(key: String, scenario: Scenario)?>(nil)
    /// The last date `settleRequestsOnce(on:scenario:)` settled the requests as of.
    let requestsSettledOn = Mutex<SchoolDate?>(nil)

    /// The state file of a scenario: beside the scenario file that was named.
    public static func path(for scenario: Scenario) -> String {
        let first = scenario.sourceFiles.first ?? "scenario.yaml"
        return URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent(fileName).path
    }

    /// The state of `scenario`, which must exist (`pacer init` makes it).
    public static func existing(for scenario: Scenario, busyTimeout: TimeInterval = StateStore.busyTimeout) throws -> StateStore {
        let path = Self.path(for: scenario)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StateError.noState(URL(fileURLWithPath: path).deletingLastPathComponent().relativePath)
        }
        return try StateStore(path: path, busyTimeout: busyTimeout)
    }

    /// A state held in memory only, for simulations (`Forecaster`), with the current schema.
    public init(inMemory: Void) throws {
        path = ":memory:"
        busyTimeout = Self.busyTimeout
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        queue = try DatabaseQueue(configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    /// A copy of `source` held in memory, for a forecast from the running term: what the forecast
    /// publishes and records stays in the copy.
    public init(memoryCopyOf source: StateStore) throws {
        path = ":memory:"
        busyTimeout = Self.busyTimeout
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        queue = try DatabaseQueue(configuration: configuration)
        try source.queue.backup(to: queue)
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A file
    /// that is there must pass `StateFileCheck` first: nothing writes into one that fails it. A
    /// write waits at most `busyTimeout` seconds for another process's write to end, then fails
    /// with `StateError.busy` (the portal waits less than a command).
    public init(path: String, upTo version: String? = nil, busyTimeout: TimeInterval = StateStore.busyTimeout) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        if FileManager.default.fileExists(atPath: path) { _ = try StateFileCheck.check(path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Two people recording at once: the second waits for the first's transaction instead of
        // failing with "database is locked".
        configuration.busyMode = .timeout(busyTimeout)
        // Write-ahead logging (a pool is always in WAL mode): a regroup reading the state sees one
        // consistent snapshot while teachers record, and readers never wait for a writer.
        queue = try DatabasePool(path: path, configuration: configuration)
        // A state whose schema is current is only read here: a read-only command beside a long
        // import does not wait for the write lock just to open the state.
        let migrator = Self.migrator
        do {
            if let version {
                try migrator.migrate(queue, upTo: version)
            } else if try !queue.read({ try migrator.hasCompletedMigrations($0) }) {
                try migrator.migrate(queue)
            }
        } catch let error as DatabaseError where Self.isBusy(error) {
            throw StateError.busy(path)
        }
    }

    /// Migrations, oldest first. Never edit a shipped one: add the next.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // One row per student, subject and objective the student has been on.
            try db.execute(sql: """
                CREATE TABLE objective_history (
                    student TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    objective TEXT NOT NULL,
                    started_on TEXT NOT NULL,
                    mastered_on TEXT,
                    PRIMARY KEY (student, subject, objective)
                );
                CREATE TABLE mastery_check (
                    id TEXT PRIMARY KEY,
                    date TEXT NOT NULL,
                    student TEXT NOT NULL,
                    objective TEXT NOT NULL,
                    result TEXT NOT NULL CHECK (result IN ('mastered', 'not-yet')),
                    note TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE TABLE advance (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    check_id TEXT NOT NULL REFERENCES mastery_check(id),
                    date TEXT NOT NULL,
                    student TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    from_objective TEXT NOT NULL,
                    to_objective TEXT,
                    explanation TEXT NOT NULL
                );
                CREATE TABLE plan (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('week', 'day')),
                    first_date TEXT NOT NULL,
                    scenario_hash TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    plan_json TEXT NOT NULL
                );
                CREATE TABLE attendance (
                    plan_id INTEGER NOT NULL REFERENCES plan(id),
                    session_id TEXT NOT NULL,
                    date TEXT NOT NULL,
                    block TEXT NOT NULL,
                    teacher TEXT NOT NULL,
                    objective TEXT NOT NULL,
                    student TEXT NOT NULL,
                    PRIMARY KEY (plan_id, session_id, student)
                );
                """)
        }
        m.registerMigration("v2") { db in
            // Status and regrouping look checks and attendance up by student.
            try db.execute(sql: """
                CREATE INDEX mastery_check_by_student ON mastery_check(student, date);
                CREATE INDEX attendance_by_student ON attendance(student, objective, date);
                """)
        }
        m.registerMigration("v3") { db in
            // A check is identified by what it says (date, student, objective, result): a UNIQUE key
            // instead of a hash of those four, so importing a file twice still records it once.
            try db.execute(sql: """
                CREATE TABLE mastery_check_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    student TEXT NOT NULL,
                    objective TEXT NOT NULL,
                    result TEXT NOT NULL CHECK (result IN ('mastered', 'not-yet')),
                    note TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    UNIQUE (date, student, objective, result)
                );
                INSERT INTO mastery_check_v3 (date, student, objective, result, note, source, recorded_at)
                    SELECT date, student, objective, result, note, source, recorded_at FROM mastery_check ORDER BY rowid;
                CREATE TABLE advance_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    check_id INTEGER NOT NULL REFERENCES mastery_check_v3(id),
                    date TEXT NOT NULL,
                    student TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    from_objective TEXT NOT NULL,
                    to_objective TEXT,
                    explanation TEXT NOT NULL
                );
                INSERT INTO advance_v3 (id, check_id, date, student, subject, from_objective, to_objective, explanation)
                    SELECT a.id, n.id, a.date, a.student, a.subject, a.from_objective, a.to_objective, a.explanation
                    FROM advance a JOIN mastery_check o ON o.id = a.check_id
                    JOIN mastery_check_v3 n ON n.date = o.date AND n.student = o.student AND n.objective = o.objective AND n.result = o.result
                    ORDER BY a.id;
                DROP TABLE advance;
                DROP TABLE mastery_check;
                ALTER TABLE mastery_check_v3 RENAME TO mastery_check;
                ALTER TABLE advance_v3 RENAME TO advance;
                CREATE INDEX mastery_check_by_student ON mastery_check(student, date);
                """)
        }
        m.registerMigration("v4") { db in
            // How many times each date was regrouped: calendars need a SEQUENCE that grows.
            try db.execute(sql: "CREATE TABLE day_revision (date TEXT PRIMARY KEY, revision INTEGER NOT NULL)")
        }
        m.registerMigration("v5") { db in
            // A withdrawn check is kept, marked, and no longer counts.
            try db.execute(sql: "ALTER TABLE mastery_check ADD COLUMN withdrawn_at TEXT")
        }
        m.registerMigration("v6") { db in
            // Students and teachers away on a date: the whole day (period '') or some periods.
            try db.execute(sql: """
                CREATE TABLE absence (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('student', 'teacher')),
                    person TEXT NOT NULL,
                    period TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL,
                    UNIQUE (date, kind, person, period)
                );
                CREATE INDEX absence_by_date ON absence(date);
                """)
        }
        m.registerMigration("v7") { db in
            // Sign-in links for the portal: only a hash of each token is kept.
            try db.execute(sql: """
                CREATE TABLE access (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    token_hash TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('scheduler', 'teacher', 'family')),
                    person TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    expires TEXT,
                    revoked_at TEXT
                )
                """)
        }
        m.registerMigration("v8") { db in
            // Each grant's calendar feed key (derived from the token), kept as a hash too.
            try db.execute(sql: """
                ALTER TABLE access ADD COLUMN calendar_hash TEXT;
                CREATE UNIQUE INDEX access_calendar_hash ON access (calendar_hash);
                """)
        }
        m.registerMigration("v9") { db in
            // The term's first date (pacer init --date) and the first date a check may carry, earlier
            // when history is back-filled (--history-from). A state made before takes the earliest
            // start in its history.
            try db.execute(sql: """
                CREATE TABLE term (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    started_on TEXT NOT NULL,
                    history_from TEXT NOT NULL CHECK (history_from <= started_on)
                );
                INSERT INTO term (id, started_on, history_from)
                    SELECT 1, first, first FROM (SELECT MIN(started_on) AS first FROM objective_history) WHERE first IS NOT NULL;
                """)
        }
        m.registerMigration("v10") { db in
            // Signed-in portal sessions, so that a restart signs nobody out: only a hash of each
            // session id is kept, with the session's form token and its times (Unix seconds).
            try db.execute(sql: """
                CREATE TABLE portal_session (
                    id_hash TEXT PRIMARY KEY,
                    access_id INTEGER NOT NULL REFERENCES access(id),
                    csrf TEXT NOT NULL,
                    calendar_key TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL
                );
                CREATE INDEX portal_session_by_access ON portal_session(access_id, created_at);
                """)
        }
        m.registerMigration("v11") { db in
            // One stored truth for a student's progress: where each student started each subject and
            // the mastery checks. The history and the advances become views the code derives
            // (ProgressHistory). A student's start is where their replayed history began: the
            // objective their first advance left, else the one they are still on, on the date
            // students.csv put them there.
            try db.execute(sql: """
                CREATE TABLE progression_start (
                    student TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    objective TEXT NOT NULL,
                    started_on TEXT NOT NULL,
                    PRIMARY KEY (student, subject)
                );
                INSERT OR IGNORE INTO progression_start (student, subject, objective, started_on)
                    SELECT h.student, h.subject, h.objective, h.started_on FROM objective_history h
                    WHERE h.objective = COALESCE(
                        (SELECT a.from_objective FROM advance a WHERE a.student = h.student AND a.subject = h.subject ORDER BY a.id LIMIT 1),
                        (SELECT o.objective FROM objective_history o WHERE o.student = h.student AND o.subject = h.subject AND o.mastered_on IS NULL))
                    ORDER BY h.student, h.subject, h.rowid;
                DROP TABLE advance;
                DROP TABLE objective_history;
                """)
        }
        m.registerMigration("v12") { db in
            // Supervisors of independent study may be away too: the absence table's kinds widen
            // (SQLite cannot alter a CHECK, so the table is copied).
            try db.execute(sql: """
                CREATE TABLE absence_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('student', 'teacher', 'supervisor')),
                    person TEXT NOT NULL,
                    period TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL,
                    UNIQUE (date, kind, person, period)
                );
                INSERT INTO absence_new (id, date, kind, person, period, note, recorded_at)
                    SELECT id, date, kind, person, period, note, recorded_at FROM absence;
                DROP TABLE absence;
                ALTER TABLE absence_new RENAME TO absence;
                CREATE INDEX absence_by_date ON absence(date);
                """)
        }
        m.registerMigration("v13") { db in
            // Supervisors of study sign in to the portal too: the access table's kinds widen
            // (copied as v12 copied the absences; the ids stay, so sessions keep their grant).
            try db.execute(sql: """
                CREATE TABLE access_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    token_hash TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('scheduler', 'teacher', 'supervisor', 'family')),
                    person TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    expires TEXT,
                    revoked_at TEXT,
                    calendar_hash TEXT
                );
                INSERT INTO access_new (id, token_hash, kind, person, created_at, expires, revoked_at, calendar_hash)
                    SELECT id, token_hash, kind, person, created_at, expires, revoked_at, calendar_hash FROM access;
                DROP TABLE access;
                ALTER TABLE access_new RENAME TO access;
                CREATE UNIQUE INDEX access_calendar_hash ON access (calendar_hash);
                """)
        }
        m.registerMigration("v14") { db in
            // The school closed on a date, decided mid-term (a snow day): the whole day (period '')
            // or some periods, with why. The scenario's holidays stay in scenario.yaml.
            try db.execute(sql: """
                CREATE TABLE closure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    period TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    UNIQUE (date, period)
                );
                """)
        }
        m.registerMigration("v15") { db in
            // Who joins, leaves or changes what they teach during the term, dated, kept with their
            // history (RosterChange): a new person's details (name, grade, starts as
            // SUBJECT=OBJECTIVE,…) on their first enroll, a teacher's objectives (comma-separated).
            try db.execute(sql: """
                CREATE TABLE roster_change (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('student', 'teacher')),
                    person TEXT NOT NULL,
                    change TEXT NOT NULL CHECK (change IN ('enroll', 'leave', 'teaches')),
                    name TEXT,
                    grade TEXT NOT NULL DEFAULT '',
                    starts TEXT NOT NULL DEFAULT '',
                    objectives TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX roster_change_by_person ON roster_change(kind, person, date);
                """)
        }
        m.registerMigration("v16") { db in
            // Gradebook results (OneRoster's result sourcedIds) and the checks they gave: one result
            // may give several checks (several objectives), and several results one check (the same
            // date, student, objective and result). A check made by a gradebook import, and one the
            // gradebook withdrew (its results deleted or changed), are marked so: only those does the
            // gradebook withdraw or bring back.
            try db.execute(sql: """
                ALTER TABLE mastery_check ADD COLUMN from_gradebook INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE mastery_check ADD COLUMN withdrawn_by_gradebook INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE gradebook_result (
                    result TEXT NOT NULL,
                    check_id INTEGER NOT NULL REFERENCES mastery_check(id),
                    PRIMARY KEY (result, check_id)
                );
                CREATE INDEX gradebook_result_by_check ON gradebook_result(check_id);
                """)
        }
        m.registerMigration("v17") { db in
            // Requests (docs/requests.md): who asked what of the plans for which student, when, at
            // which priority, and where each stands. `seq` and `closed_seq` number the making and the
            // closing (met, cancelled) of requests in one sequence, so that a plan's mark says which
            // requests were live when it was made (`PlanStateMark.lastRequest`).
            try db.execute(sql: """
                CREATE TABLE request (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    asked_by TEXT NOT NULL,
                    student TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('workshop', 'check', 'teacher')),
                    objective TEXT,
                    teacher TEXT,
                    when_kind TEXT NOT NULL CHECK (when_kind IN ('date', 'block', 'week')),
                    first_date TEXT NOT NULL,
                    period TEXT,
                    priority TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'met', 'declined', 'cancelled')),
                    reason TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    asked_on TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    closed_seq INTEGER
                );
                CREATE INDEX request_of_student ON request(student, status);
                """)
        }
        m.registerMigration("v18") { db in
            // Settling reads the requests still asking (`StateStore.stillAsking`: those with no
            // `closed_seq`), and each new event of the sequence reads the two maxima: indexes, so
            // that neither reads the whole table as requests pile up over a term. A state without
            // a term row takes the term's first date from the earliest start, read by its index
            // (each request made reads it).
            try db.execute(sql: """
                CREATE INDEX progression_start_on ON progression_start(started_on);
                CREATE INDEX request_seq ON request(seq);
                CREATE INDEX request_closed_seq ON request(closed_seq);
                """)
        }
        m.registerMigration("v19") { db in
            // A number that every change to the starts or the checks moves on, in the same
            // transaction, whichever process makes it: a store keeps the school's progress history
            // derived at one number, and derives it again only when the number has moved
            // (`StateStore.history`).
            try db.execute(sql: """
                CREATE TABLE progress_version (id INTEGER PRIMARY KEY CHECK (id = 1), number INTEGER NOT NULL);
                INSERT INTO progress_version (id, number) VALUES (1, 0);
                CREATE TRIGGER progress_check_added AFTER INSERT ON mastery_check BEGIN UPDATE progress_version SET number = number + 1; END;
                CREATE TRIGGER progress_check_changed AFTER UPDATE ON mastery_check BEGIN UPDATE progress_version SET number = number + 1; END;
                CREATE TRIGGER progress_check_deleted AFTER DELETE ON mastery_check BEGIN UPDATE progress_version SET number = number + 1; END;
                CREATE TRIGGER progress_start_added AFTER INSERT ON progression_start BEGIN UPDATE progress_version SET number = number + 1; END;
                CREATE TRIGGER progress_start_changed AFTER UPDATE ON progression_start BEGIN UPDATE progress_version SET number = number + 1; END;
                CREATE TRIGGER progress_start_deleted AFTER DELETE ON progression_start BEGIN UPDATE progress_version SET number = number + 1; END;
                """)
        }
        return m
    }

    /// Applied migrations, oldest first (in the order they are registered: "v10" after "v9").
    public func appliedMigrations() throws -> [String] {
        let migrator = Self.migrator
        let applied = try read { db in try migrator.appliedIdentifiers(db) }
        return migrator.migrations.filter(applied.contains)
    }

    /// SQLite's own consistency check ("ok" when sound).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
