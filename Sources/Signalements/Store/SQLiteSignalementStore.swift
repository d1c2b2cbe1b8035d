import Foundation
import SQLiteSupport

/// A ``SignalementStore`` in an SQLite file, safe to share between
/// connections and processes (the command that files and the one that
/// delivers are usually two processes).
///
/// - WAL journal and `synchronous=FULL`: a returned call is on disk, so a
///   `kill -9` right after loses nothing.
/// - ``file(_:job:)`` inserts the signalement and its job inside one
///   `BEGIN IMMEDIATE … COMMIT`: both rows or neither (the transactional outbox).
/// - ``claim(now:leaseDuration:limit:)`` selects and leases due jobs in one
///   immediate transaction, so two deliverers never hold the same lease.
/// - Personal data kept: the fields and the optional contact, and the body
///   built from them; erased by ``purge(filedBefore:)``.
public actor SQLiteSignalementStore: SignalementStore {
    /// The schema version this code writes.
    public static let schemaVersion = 1

    private let connection: SQLiteConnection

    static let ownTables: Set<String> = ["schema_version", "signalements", "delivery_jobs"]

    /// Opens or creates the file at `path` (its directory must exist) and brings its schema up to date.
    /// - Throws: ``SignalementStoreError/foreignDatabase(path:tables:)`` when the file is
    ///   another application's database (nothing is written to it);
    ///   ``SignalementStoreError/database(code:message:operation:)`` otherwise.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                          requiredTables: Self.ownTables)
        try Self.migrate(connection)
    }

    static let migrations: [String] = [
        """
        CREATE TABLE signalements (
            id TEXT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            insee TEXT NOT NULL,
            competence TEXT NOT NULL,
            fields TEXT NOT NULL,
            contact TEXT,
            filed_ms INTEGER NOT NULL,
            purged INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX signalements_by_filed ON signalements (filed_ms) WHERE purged = 0;
        CREATE TABLE delivery_jobs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            signalement_id TEXT NOT NULL UNIQUE REFERENCES signalements (id),
            unit_id TEXT NOT NULL,
            body BLOB NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending','leased','delivered','dead-letter')),
            attempts INTEGER NOT NULL,
            next_attempt_ms INTEGER NOT NULL,
            lease_token TEXT,
            lease_expires_ms INTEGER,
            last_error TEXT,
            delivered_ms INTEGER,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX delivery_jobs_pending ON delivery_jobs (next_attempt_ms) WHERE status = 'pending';
        CREATE INDEX delivery_jobs_leased ON delivery_jobs (lease_expires_ms) WHERE status = 'leased';
        """,
    ]

    private static func migrate(_ connection: SQLiteConnection) throws(SignalementStoreError) {
        try connection.migrate(migrations)
    }

    // MARK: Mapping

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    private static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(ms) / 1000) }
    private static func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }

    private static func json<T: Encodable>(_ value: T) throws(SignalementStoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do { return String(decoding: try encoder.encode(value), as: UTF8.self) } catch {
            throw .corruptRow("cannot encode \(T.self): \(error)")
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws(SignalementStoreError) -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch { throw .corruptRow(column) }
    }

    private static let signalementColumns = "id, reference, kind, insee, competence, fields, contact, filed_ms, purged"
    private static let jobColumns = "id, signalement_id, unit_id, body, status, attempts, next_attempt_ms, lease_token, lease_expires_ms, last_error, delivered_ms, created_ms"

    private static func signalement(from row: [SQLiteValue]) throws(SignalementStoreError) -> Signalement {
        guard row.count == 9 else { throw .corruptRow("signalement row has \(row.count) columns, expected 9") }
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard let idText = string(0), let id = UUID(uuidString: idText) else { throw .corruptRow("signalements.id") }
        guard let referenceText = string(1), let reference = try? SignalementReference(referenceText) else {
            throw .corruptRow("signalements.reference of \(idText)")
        }
        guard let kind = string(2), let competenceText = string(4), let fieldsText = string(5), let filed = integer(7) else {
            throw .corruptRow("signalements row \(idText)")
        }
        let competence = try decode(Competence.self, competenceText, "signalements.competence of \(idText)")
        let fields = try decode([String: String].self, fieldsText, "signalements.fields of \(idText)")
        let contact = try string(6).map { (text: String) throws(SignalementStoreError) -> SignalementContact in
            try decode(SignalementContact.self, text, "signalements.contact of \(idText)")
        }
        return Signalement(id: id, reference: reference, content: SignalementContent(kind: kind, fields: fields, contact: contact),
                           competence: competence, filedAt: date(filed), isPurged: (integer(8) ?? 0) != 0)
    }

    private static func job(from row: [SQLiteValue]) throws(SignalementStoreError) -> DeliveryJob {
        guard row.count == 12 else { throw .corruptRow("job row has \(row.count) columns, expected 12") }
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard let id = string(0), let signalementText = string(1), let signalementID = UUID(uuidString: signalementText),
              let unit = string(2), let body = string(3), let statusText = string(4),
              let status = DeliveryStatus(rawValue: statusText), let attempts = integer(5), let next = integer(6),
              let created = integer(11) else {
            throw .corruptRow("delivery_jobs row \(string(0) ?? "?")")
        }
        return DeliveryJob(id: id, signalementID: signalementID, unitID: unit, body: Data(body.utf8), createdAt: date(created),
                           status: status, attempts: Int(attempts), nextAttemptAt: date(next),
                           leaseToken: string(7).flatMap(UUID.init(uuidString:)), leaseExpiresAt: integer(8).map(date),
                           lastError: string(9), deliveredAt: integer(10).map(date))
    }

    // MARK: SignalementStore

    public func file(_ signalement: Signalement, job: DeliveryJob) throws {
        guard job.signalementID == signalement.id else { throw SignalementStoreError.mismatchedJob(jobID: job.id) }
        let connection = self.connection
        let competence = try Self.json(signalement.competence)
        let fields = try Self.json(signalement.fields)
        let contact = try signalement.contact.map { (contact: SignalementContact) throws(SignalementStoreError) -> String in try Self.json(contact) }
        try connection.immediateTransaction("filing a signalement") { () throws(SignalementStoreError) in
            let existing = try connection.query("SELECT 1 FROM signalements WHERE id = ? OR reference = ?",
                                                [.text(signalement.id.uuidString), .text(signalement.reference.rawValue)],
                                                operation: "checking the reference")
            guard existing.isEmpty else { throw .duplicateSignalement(signalement.id.uuidString) }
            let jobExists = try connection.query("SELECT 1 FROM delivery_jobs WHERE id = ?", [.text(job.id)], operation: "checking the job id")
            guard jobExists.isEmpty else { throw .duplicateJob(job.id) }
            try connection.query(
                "INSERT INTO signalements (\(Self.signalementColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [.text(signalement.id.uuidString), .text(signalement.reference.rawValue), .text(signalement.kind),
                 .text(signalement.insee), .text(competence), .text(fields), Self.text(contact),
                 .integer(Self.milliseconds(signalement.filedAt))],
                operation: "inserting a signalement")
            try connection.query(
                "INSERT INTO delivery_jobs (\(Self.jobColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?)",
                [.text(job.id), .text(signalement.id.uuidString), .text(job.unitID), .text(String(decoding: job.body, as: UTF8.self)),
                 .text(job.status.rawValue), .integer(Int64(job.attempts)), .integer(Self.milliseconds(job.nextAttemptAt)),
                 .integer(Self.milliseconds(job.createdAt))],
                operation: "enqueuing a delivery job")
        }
    }

    public func signalement(reference: SignalementReference) throws -> Signalement? {
        let rows = try connection.query("SELECT \(Self.signalementColumns) FROM signalements WHERE reference = ?",
                                        [.text(reference.rawValue)], operation: "reading a signalement")
        return try rows.first.map { (row: [SQLiteValue]) throws(SignalementStoreError) -> Signalement in try Self.signalement(from: row) }
    }

    public func receipt(reference: SignalementReference) throws -> SignalementReceipt? {
        guard let signalement = try signalement(reference: reference) else { return nil }
        let rows = try connection.query("SELECT \(Self.jobColumns) FROM delivery_jobs WHERE signalement_id = ?",
                                        [.text(signalement.id.uuidString)], operation: "reading a delivery job")
        guard let row = rows.first else { return nil }
        return SignalementReceipt(signalement, job: try Self.job(from: row))
    }

    public func claim(now: Date, leaseDuration: TimeInterval, limit: Int) throws -> [LeasedJob] {
        let connection = self.connection
        let nowMs = Self.milliseconds(now)
        let until = Self.milliseconds(now.addingTimeInterval(leaseDuration))
        return try connection.immediateTransaction("claiming delivery jobs") { () throws(SignalementStoreError) -> [LeasedJob] in
            let rows = try connection.query(
                """
                SELECT \(Self.jobColumns) FROM delivery_jobs
                WHERE (status = 'pending' AND next_attempt_ms <= ?1) OR (status = 'leased' AND lease_expires_ms <= ?1)
                ORDER BY CASE status WHEN 'pending' THEN next_attempt_ms ELSE lease_expires_ms END, seq LIMIT ?2
                """,
                [.integer(nowMs), .integer(Int64(max(0, limit)))], operation: "selecting due jobs")
            var leased: [LeasedJob] = []
            for row in rows {
                var job = try Self.job(from: row)
                let token = UUID()
                try connection.query(
                    "UPDATE delivery_jobs SET status = 'leased', attempts = attempts + 1, lease_token = ?, lease_expires_ms = ? WHERE id = ?",
                    [.text(token.uuidString), .integer(until), .text(job.id)], operation: "leasing a job")
                job.status = .leased
                job.attempts += 1
                job.leaseToken = token
                job.leaseExpiresAt = Self.date(until)
                leased.append(LeasedJob(job: job, token: token))
            }
            return leased
        }
    }

    private func existingJob(_ id: String) throws(SignalementStoreError) -> DeliveryJob {
        let rows = try connection.query("SELECT \(Self.jobColumns) FROM delivery_jobs WHERE id = ?", [.text(id)], operation: "reading a job")
        guard let row = rows.first else { throw .jobNotFound(id) }
        return try Self.job(from: row)
    }

    public func complete(jobID: String, token: UUID, at: Date) throws -> Bool {
        let connection = self.connection
        return try connection.immediateTransaction("recording a delivery") { () throws(SignalementStoreError) -> Bool in
            _ = try existingJob(jobID)
            try connection.query(
                "UPDATE delivery_jobs SET status = 'delivered', delivered_ms = ?, lease_token = NULL, lease_expires_ms = NULL WHERE id = ? AND status <> 'delivered'",
                [.integer(Self.milliseconds(at)), .text(jobID)], operation: "recording a delivery")
            return connection.changes == 1
        }
    }

    public func fail(jobID: String, token: UUID, at: Date, reason: String, retryAt: Date?) throws -> Bool {
        let connection = self.connection
        return try connection.immediateTransaction("recording a failed attempt") { () throws(SignalementStoreError) -> Bool in
            _ = try existingJob(jobID)
            try connection.query(
                """
                UPDATE delivery_jobs SET status = ?, next_attempt_ms = ?, last_error = ?, lease_token = NULL, lease_expires_ms = NULL
                WHERE id = ? AND status = 'leased' AND lease_token = ?
                """,
                [.text(retryAt == nil ? DeliveryStatus.deadLetter.rawValue : DeliveryStatus.pending.rawValue),
                 .integer(Self.milliseconds(retryAt ?? at)), .text(String(reason.prefix(500))), .text(jobID), .text(token.uuidString)],
                operation: "recording a failed attempt")
            return connection.changes == 1
        }
    }

    public func jobs(status: DeliveryStatus?) throws -> [DeliveryJob] {
        let rows = try status.map { (status: DeliveryStatus) throws(SignalementStoreError) -> [[SQLiteValue]] in
            try connection.query("SELECT \(Self.jobColumns) FROM delivery_jobs WHERE status = ? ORDER BY seq", [.text(status.rawValue)],
                                 operation: "listing jobs")
        } ?? connection.query("SELECT \(Self.jobColumns) FROM delivery_jobs ORDER BY seq", operation: "listing jobs")
        var jobs: [DeliveryJob] = []
        for row in rows { jobs.append(try Self.job(from: row)) }
        return jobs
    }

    public func counts() throws -> [DeliveryStatus: Int] {
        let rows = try connection.query("SELECT status, COUNT(*) FROM delivery_jobs GROUP BY status", operation: "counting jobs")
        var counts: [DeliveryStatus: Int] = [:]
        for row in rows {
            if case .text(let text) = row[0], let status = DeliveryStatus(rawValue: text), case .integer(let count) = row[1] {
                counts[status] = Int(count)
            }
        }
        return counts
    }

    public func nextDueDate() throws -> Date? {
        let rows = try connection.query(
            """
            SELECT MIN(due) FROM (
                SELECT MIN(next_attempt_ms) AS due FROM delivery_jobs WHERE status = 'pending'
                UNION ALL SELECT MIN(lease_expires_ms) FROM delivery_jobs WHERE status = 'leased')
            """, operation: "finding the next due job")
        if case .integer(let ms)? = rows.first?.first { return Self.date(ms) }
        return nil
    }

    public func purge(filedBefore cutoff: Date) throws -> Int {
        let connection = self.connection
        return try connection.immediateTransaction("purging signalements") { () throws(SignalementStoreError) -> Int in
            let rows = try connection.query(
                """
                SELECT s.id FROM signalements s JOIN delivery_jobs j ON j.signalement_id = s.id
                WHERE s.purged = 0 AND s.filed_ms < ? AND j.status IN ('delivered', 'dead-letter')
                """, [.integer(Self.milliseconds(cutoff))], operation: "finding signalements to purge")
            for row in rows {
                guard case .text(let id)? = row.first else { continue }
                try connection.query("UPDATE signalements SET fields = '{}', contact = NULL, purged = 1 WHERE id = ?", [.text(id)],
                                     operation: "purging a signalement")
                try connection.query("UPDATE delivery_jobs SET body = '' WHERE signalement_id = ?", [.text(id)], operation: "purging a job body")
            }
            return rows.count
        }
    }
}
