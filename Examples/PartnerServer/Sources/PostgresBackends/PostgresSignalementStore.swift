import Foundation
import Logging
import PostgresNIO
import Signalements

/// A ``SignalementStore`` (the signalements outbox) on PostgreSQL, shared safely
/// by any number of server instances and deliverers (it passes
/// `SignalementStoreConformance` unchanged).
///
/// - **Transactional outbox.** ``file(_:job:)`` inserts the signalement and its
///   delivery job in one transaction: both rows or neither.
/// - **Leases.** ``claim(now:leaseDuration:limit:)`` is one `UPDATE … WHERE id IN
///   (SELECT … FOR UPDATE SKIP LOCKED)`: deliverers on several instances take
///   disjoint jobs without waiting on each other, and a job whose lease expired
///   is taken again with the same id and body.
/// - **Migrations** run in ``migrate()`` under an advisory lock, recorded in
///   `schema_version` (component `signalements`).
/// - Personal data kept: the fields, the optional contact and the body built
///   from them, erased by ``purge(filedBefore:)`` once delivery is finished.
public struct PostgresSignalementStore: SignalementStore {
    /// The schema version this code writes.
    public static let schemaVersion = 1

    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A store in `schema` (created if missing) of the database behind `client`.
    /// The client must be running (`await client.run()` in a task) before any call.
    /// - Parameter schema: lowercase letters, digits and `_` (default `masecurite`).
    /// - Throws: ``SignalementStoreError/database(code:message:operation:)`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite", logger: Logger = Logger(label: "masecurite.signalements")) throws {
        guard let quoted = PG.identifier(schema) else {
            throw SignalementStoreError.database(code: 0, message: "the schema name '\(schema)' must use lowercase letters, digits and _",
                                                 operation: "opening the PostgreSQL signalement store")
        }
        self.client = client
        self.schema = quoted
        self.logger = logger
    }

    // MARK: Schema

    /// Ordered migrations: index 0 brings version 0 to 1, and so on. `$S` is the schema.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE $S.signalements (
                id UUID PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                insee TEXT NOT NULL,
                competence TEXT NOT NULL,
                fields TEXT NOT NULL,
                contact TEXT,
                filed_ms BIGINT NOT NULL,
                purged BOOLEAN NOT NULL DEFAULT FALSE
            )
            """,
            "CREATE INDEX signalements_by_filed ON $S.signalements (filed_ms) WHERE NOT purged",
            """
            CREATE TABLE $S.delivery_jobs (
                seq BIGSERIAL PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                signalement_id UUID NOT NULL UNIQUE REFERENCES $S.signalements (id),
                unit_id TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending','leased','delivered','dead-letter')),
                attempts INTEGER NOT NULL,
                next_attempt_ms BIGINT NOT NULL,
                lease_token UUID,
                lease_expires_ms BIGINT,
                last_error TEXT,
                delivered_ms BIGINT,
                created_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX delivery_jobs_pending ON $S.delivery_jobs (next_attempt_ms) WHERE status = 'pending'",
            "CREATE INDEX delivery_jobs_leased ON $S.delivery_jobs (lease_expires_ms) WHERE status = 'leased'",
        ],
    ]

    /// Creates the schema and applies every missing migration, once, even when
    /// several instances start together. Safe to call at every start-up.
    /// - Returns: the schema version now in the database.
    @discardableResult
    public func migrate() async throws -> Int {
        let schema = self.schema
        return try await call("migrating the signalement schema") { client, logger in
            try await PG.migrate(client, schema: schema, component: "signalements", migrations: Self.migrations, logger: logger) { found, known in
                SignalementStoreError.database(code: 0, message: "the database has signalement schema version \(found), newer than this server (\(known))", operation: "migrating")
            }
        }
    }

    // MARK: Plumbing

    /// Runs `body`, turning database failures into ``SignalementStoreError/database(code:message:operation:)``.
    private func call<T: Sendable>(_ operation: String, _ body: (PostgresClient, Logger) async throws -> T) async throws -> T {
        try await PG.call(client, logger: logger, operation, as: { SignalementStoreError.database(code: 0, message: $0, operation: $1) }, body)
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch { throw SignalementStoreError.corruptRow(column) }
    }

    private static let signalementColumns = "id, reference, kind, insee, competence, fields, contact, filed_ms, purged"
    private typealias SignalementRow = (UUID, String, String, String, String, String, String?, Int64, Bool)

    private static let jobColumns = "id, signalement_id, unit_id, body, status, attempts, next_attempt_ms, lease_token, lease_expires_ms, last_error, delivered_ms, created_ms"
    private typealias JobRow = (String, UUID, String, String, String, Int32, Int64, UUID?, Int64?, String?, Int64?, Int64)

    private static func signalements(_ rows: PostgresRowSequence) async throws -> [Signalement] {
        var result: [Signalement] = []
        for try await (id, referenceText, kind, _, competenceText, fieldsText, contactText, filed, purged) in rows.decode(SignalementRow.self) {
            guard let reference = try? SignalementReference(referenceText) else {
                throw SignalementStoreError.corruptRow("signalements.reference of \(id)")
            }
            let competence = try decode(Competence.self, competenceText, "signalements.competence of \(id)")
            let fields = try decode([String: String].self, fieldsText, "signalements.fields of \(id)")
            let contact = try contactText.map { try decode(SignalementContact.self, $0, "signalements.contact of \(id)") }
            result.append(Signalement(id: id, reference: reference, content: SignalementContent(kind: kind, fields: fields, contact: contact),
                                      competence: competence, filedAt: PG.date(filed), isPurged: purged))
        }
        return result
    }

    private static func jobs(_ rows: PostgresRowSequence) async throws -> [DeliveryJob] {
        var result: [DeliveryJob] = []
        for try await (id, signalementID, unit, body, statusText, attempts, next, token, expires, lastError, delivered, created)
            in rows.decode(JobRow.self) {
            guard let status = DeliveryStatus(rawValue: statusText) else { throw SignalementStoreError.corruptRow("delivery_jobs.status of \(id)") }
            result.append(DeliveryJob(id: id, signalementID: signalementID, unitID: unit, body: Data(body.utf8), createdAt: PG.date(created),
                                      status: status, attempts: Int(attempts), nextAttemptAt: PG.date(next), leaseToken: token,
                                      leaseExpiresAt: expires.map(PG.date), lastError: lastError, deliveredAt: delivered.map(PG.date)))
        }
        return result
    }

    private func job(_ connection: PostgresConnection, id: String) async throws -> DeliveryJob {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.jobColumns) FROM \(unescaped: schema).delivery_jobs WHERE id = \(id)", logger: logger)
        guard let job = try await Self.jobs(rows).first else { throw SignalementStoreError.jobNotFound(id) }
        return job
    }

    // MARK: SignalementStore

    public func file(_ signalement: Signalement, job: DeliveryJob) async throws {
        guard job.signalementID == signalement.id else { throw SignalementStoreError.mismatchedJob(jobID: job.id) }
        let competence = try Self.json(signalement.competence)
        let fields = try Self.json(signalement.fields)
        let contact = try signalement.contact.map { try Self.json($0) }
        let body = String(decoding: job.body, as: UTF8.self)
        let schema = self.schema
        do {
            try await call("filing a signalement") { client, logger in
                try await PG.transaction(client, logger: logger) { connection in
                    for try await _ in try await connection.query(
                        "SELECT 1 FROM \(unescaped: schema).signalements WHERE id = \(signalement.id) OR reference = \(signalement.reference.rawValue)",
                        logger: logger) { throw SignalementStoreError.duplicateSignalement(signalement.id.uuidString) }
                    for try await _ in try await connection.query(
                        "SELECT 1 FROM \(unescaped: schema).delivery_jobs WHERE id = \(job.id)", logger: logger) {
                        throw SignalementStoreError.duplicateJob(job.id)
                    }
                    try await connection.query("""
                        INSERT INTO \(unescaped: schema).signalements (\(unescaped: Self.signalementColumns)) VALUES (
                        \(signalement.id), \(signalement.reference.rawValue), \(signalement.kind), \(signalement.insee), \(competence),
                        \(fields), \(contact), \(PG.milliseconds(signalement.filedAt)), FALSE)
                        """, logger: logger)
                    try await connection.query("""
                        INSERT INTO \(unescaped: schema).delivery_jobs (id, signalement_id, unit_id, body, status, attempts, next_attempt_ms, created_ms)
                        VALUES (\(job.id), \(signalement.id), \(job.unitID), \(body), \(job.status.rawValue), \(Int32(job.attempts)),
                        \(PG.milliseconds(job.nextAttemptAt)), \(PG.milliseconds(job.createdAt)))
                        """, logger: logger)
                }
            }
        } catch let error as SignalementStoreError {
            // Two instances filing the same ids at once: the unique constraints decide.
            guard case .database(_, let message, _) = error, message.hasPrefix("SQLSTATE 23505") else { throw error }
            throw message.contains("delivery_jobs") ? SignalementStoreError.duplicateJob(job.id)
                : SignalementStoreError.duplicateSignalement(signalement.id.uuidString)
        }
    }

    public func signalement(reference: SignalementReference) async throws -> Signalement? {
        try await call("reading a signalement") { client, logger in
            try await Self.signalements(try await client.query(
                "SELECT \(unescaped: Self.signalementColumns) FROM \(unescaped: schema).signalements WHERE reference = \(reference.rawValue)",
                logger: logger)).first
        }
    }

    public func receipt(reference: SignalementReference) async throws -> SignalementReceipt? {
        guard let signalement = try await signalement(reference: reference) else { return nil }
        let jobs = try await call("reading a delivery job") { client, logger in
            try await Self.jobs(try await client.query(
                "SELECT \(unescaped: Self.jobColumns) FROM \(unescaped: schema).delivery_jobs WHERE signalement_id = \(signalement.id)",
                logger: logger))
        }
        return jobs.first.map { SignalementReceipt(signalement, job: $0) }
    }

    public func claim(now: Date, leaseDuration: TimeInterval, limit: Int) async throws -> [LeasedJob] {
        let nowMs = PG.milliseconds(now)
        let until = PG.milliseconds(now.addingTimeInterval(leaseDuration))
        let jobs = try await call("claiming delivery jobs") { client, logger in
            try await Self.jobs(try await client.query("""
                UPDATE \(unescaped: schema).delivery_jobs SET status = 'leased', attempts = attempts + 1,
                    lease_token = gen_random_uuid(), lease_expires_ms = \(until)
                WHERE id IN (
                    SELECT id FROM \(unescaped: schema).delivery_jobs
                    WHERE (status = 'pending' AND next_attempt_ms <= \(nowMs)) OR (status = 'leased' AND lease_expires_ms <= \(nowMs))
                    ORDER BY CASE status WHEN 'pending' THEN next_attempt_ms ELSE lease_expires_ms END, seq
                    LIMIT \(Int64(max(0, limit))) FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.jobColumns)
                """, logger: logger))
        }
        return jobs.sorted { ($0.nextAttemptAt, $0.createdAt) < ($1.nextAttemptAt, $1.createdAt) }
            .compactMap { job in job.leaseToken.map { LeasedJob(job: job, token: $0) } }
    }

    public func complete(jobID: String, token: UUID, at: Date) async throws -> Bool {
        try await call("recording a delivery") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                _ = try await job(connection, id: jobID)
                for try await _ in try await connection.query("""
                    UPDATE \(unescaped: schema).delivery_jobs SET status = 'delivered', delivered_ms = \(PG.milliseconds(at)),
                        lease_token = NULL, lease_expires_ms = NULL
                    WHERE id = \(jobID) AND status <> 'delivered' RETURNING 1
                    """, logger: logger) { return true }
                return false
            }
        }
    }

    public func fail(jobID: String, token: UUID, at: Date, reason: String, retryAt: Date?) async throws -> Bool {
        let status = retryAt == nil ? DeliveryStatus.deadLetter.rawValue : DeliveryStatus.pending.rawValue
        let reason = String(reason.prefix(500))
        return try await call("recording a failed attempt") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                _ = try await job(connection, id: jobID)
                for try await _ in try await connection.query("""
                    UPDATE \(unescaped: schema).delivery_jobs SET status = \(status), next_attempt_ms = \(PG.milliseconds(retryAt ?? at)),
                        last_error = \(reason), lease_token = NULL, lease_expires_ms = NULL
                    WHERE id = \(jobID) AND status = 'leased' AND lease_token = \(token) RETURNING 1
                    """, logger: logger) { return true }
                return false
            }
        }
    }

    public func jobs(status: DeliveryStatus?) async throws -> [DeliveryJob] {
        try await call("listing jobs") { client, logger in
            if let status {
                return try await Self.jobs(try await client.query(
                    "SELECT \(unescaped: Self.jobColumns) FROM \(unescaped: schema).delivery_jobs WHERE status = \(status.rawValue) ORDER BY seq",
                    logger: logger))
            }
            return try await Self.jobs(try await client.query(
                "SELECT \(unescaped: Self.jobColumns) FROM \(unescaped: schema).delivery_jobs ORDER BY seq", logger: logger))
        }
    }

    public func counts() async throws -> [DeliveryStatus: Int] {
        try await call("counting jobs") { client, logger in
            var counts: [DeliveryStatus: Int] = [:]
            for try await (text, count) in try await client.query(
                "SELECT status, COUNT(*) FROM \(unescaped: schema).delivery_jobs GROUP BY status", logger: logger
            ).decode((String, Int64).self) {
                if let status = DeliveryStatus(rawValue: text) { counts[status] = Int(count) }
            }
            return counts
        }
    }

    public func nextDueDate() async throws -> Date? {
        try await call("finding the next due job") { client, logger in
            var next: Int64?
            for try await value in try await client.query("""
                SELECT MIN(CASE status WHEN 'pending' THEN next_attempt_ms ELSE lease_expires_ms END)
                FROM \(unescaped: schema).delivery_jobs WHERE status IN ('pending', 'leased')
                """, logger: logger).decode(Int64?.self) { next = value }
            return next.map(PG.date)
        }
    }

    public func purge(filedBefore cutoff: Date) async throws -> Int {
        try await call("purging signalements") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                var ids: [UUID] = []
                for try await id in try await connection.query("""
                    UPDATE \(unescaped: schema).signalements s SET fields = '{}', contact = NULL, purged = TRUE
                    FROM \(unescaped: schema).delivery_jobs j
                    WHERE j.signalement_id = s.id AND NOT s.purged AND s.filed_ms < \(PG.milliseconds(cutoff))
                        AND j.status IN ('delivered', 'dead-letter')
                    RETURNING s.id
                    """, logger: logger).decode(UUID.self) { ids.append(id) }
                for id in ids {
                    try await connection.query("UPDATE \(unescaped: schema).delivery_jobs SET body = '' WHERE signalement_id = \(id)", logger: logger)
                }
                return ids.count
            }
        }
    }
}
