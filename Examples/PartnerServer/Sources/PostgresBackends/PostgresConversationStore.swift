import ChatProtocol
import Foundation
import Logging
import PostgresNIO

/// A ``ConversationRecordStore`` on PostgreSQL (it passes `ConversationStoreConformance`,
/// records included, unchanged): several server instances share it.
///
/// - **Sequence numbers come from the database.** Each append locks the
///   conversation's row (`SELECT … FOR UPDATE`) and takes `last_seq + 1`, so two
///   instances never hand out the same number; `PRIMARY KEY (conversation, seq)`
///   backs it up.
/// - **A resent message is stored once**: `UNIQUE (conversation, client_txn)`.
/// - Each event is stored as its ChatProtocol wire envelope (the same JSON the
///   clients see), its instant as the exact `Double` seconds.
/// - Each append sends `NOTIFY masecurite_chat` with `conversation:seq` (no content)
///   at commit, for instances that listen (see `ChatNotificationListener` in PartnerServer).
/// - A conversation's record (``ConversationRecord``: token digest, platform, language,
///   opening date) sits in its `chat_conversations` row; the visitor's token itself is never stored.
public struct PostgresConversationStore: ConversationRecordStore {
    /// The schema version of the chat tables.
    public static let schemaVersion = 4
    /// The `LISTEN` channel announcing new events.
    public static let notificationChannel = "masecurite_chat"

    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A store in `schema` of the database behind `client` (which must be running).
    /// - Throws: ``ConversationStoreError/backend(_:)`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite", logger: Logger = Logger(label: "masecurite.chat")) throws {
        guard let quoted = PG.identifier(schema) else {
            throw ConversationStoreError.backend("the schema name '\(schema)' must use lowercase letters, digits and _")
        }
        self.client = client
        self.schema = quoted
        self.logger = logger
    }

    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE $S.chat_conversations (
                conversation TEXT PRIMARY KEY,
                last_seq BIGINT NOT NULL,
                last_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE $S.chat_events (
                conversation TEXT NOT NULL REFERENCES $S.chat_conversations (conversation) ON DELETE CASCADE,
                seq BIGINT NOT NULL CHECK (seq >= 1),
                at DOUBLE PRECISION NOT NULL,
                client_txn TEXT,
                frame TEXT NOT NULL,
                PRIMARY KEY (conversation, seq)
            )
            """,
            "CREATE UNIQUE INDEX chat_events_once_per_txn ON $S.chat_events (conversation, client_txn) WHERE client_txn IS NOT NULL",
            "CREATE INDEX chat_conversations_by_activity ON $S.chat_conversations (last_at)",
        ],
        // 2: conversation records, so that a visitor can resume on any instance.
        [
            """
            ALTER TABLE $S.chat_conversations
                ADD COLUMN IF NOT EXISTS visitor_digest TEXT CHECK (visitor_digest ~ '^[0-9a-f]{64}$'),
                ADD COLUMN IF NOT EXISTS platform TEXT,
                ADD COLUMN IF NOT EXISTS language TEXT,
                ADD COLUMN IF NOT EXISTS opened_at DOUBLE PRECISION
            """,
        ],
        // 3: one queue across instances (PostgresRoutingCoordinator): the queue, operators' units, leases, presence.
        [
            """
            CREATE TABLE $S.chat_route_queue (
                conversation TEXT PRIMARY KEY,
                platform TEXT NOT NULL,
                language TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('short', 'long')),
                role TEXT NOT NULL,
                emergency BOOLEAN NOT NULL DEFAULT false,
                arrival BIGINT NOT NULL,
                enqueued_at DOUBLE PRECISION NOT NULL,
                operator_id TEXT,
                instance_id TEXT,
                cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0)
            )
            """,
            "CREATE SEQUENCE $S.chat_route_arrival",
            "CREATE INDEX chat_route_waiting ON $S.chat_route_queue (emergency DESC, arrival) WHERE operator_id IS NULL",
            "CREATE INDEX chat_route_by_instance ON $S.chat_route_queue (instance_id)",
            """
            CREATE TABLE $S.chat_route_operators (
                operator_id TEXT PRIMARY KEY,
                capacity INTEGER NOT NULL,
                load INTEGER NOT NULL DEFAULT 0 CHECK (load >= 0),
                long_count INTEGER NOT NULL DEFAULT 0 CHECK (long_count >= 0)
            )
            """,
            """
            CREATE TABLE $S.chat_route_instances (
                instance_id TEXT PRIMARY KEY,
                expires_at DOUBLE PRECISION NOT NULL,
                reclaimed BOOLEAN NOT NULL DEFAULT false
            )
            """,
            """
            CREATE TABLE $S.chat_route_presence (
                operator_id TEXT NOT NULL,
                instance_id TEXT NOT NULL,
                platforms TEXT[] NOT NULL,
                PRIMARY KEY (operator_id, instance_id)
            )
            """,
        ],
        // 4: the rest across instances: what present operators may take (roles, languages) for `unstaffed`,
        // conversations kept for their operator after a crash, the visitors' shared rate limit, and the
        // escalations, recorded once for the cluster.
        [
            """
            ALTER TABLE $S.chat_route_presence
                ADD COLUMN IF NOT EXISTS roles TEXT[] NOT NULL DEFAULT '{}',
                ADD COLUMN IF NOT EXISTS languages TEXT[],
                ADD COLUMN IF NOT EXISTS capacity INTEGER NOT NULL DEFAULT 1,
                ADD COLUMN IF NOT EXISTS short_cost INTEGER NOT NULL DEFAULT 1
            """,
            """
            ALTER TABLE $S.chat_route_queue
                ADD COLUMN IF NOT EXISTS reserved_for TEXT,
                ADD COLUMN IF NOT EXISTS reserved_until DOUBLE PRECISION
            """,
            "CREATE INDEX IF NOT EXISTS chat_route_reserved ON $S.chat_route_queue (reserved_for) WHERE reserved_for IS NOT NULL AND operator_id IS NULL",
            """
            CREATE TABLE IF NOT EXISTS $S.chat_rate_buckets (
                conversation TEXT PRIMARY KEY,
                tokens DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS $S.chat_escalations (
                conversation TEXT PRIMARY KEY,
                platform TEXT NOT NULL,
                source TEXT NOT NULL,
                at DOUBLE PRECISION NOT NULL,
                instance_id TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS chat_escalations_by_time ON $S.chat_escalations (at)",
        ],
    ]

    /// Creates the chat tables and applies missing migrations, once, even from
    /// several instances at once. Returns the schema version now in the database.
    @discardableResult
    public func migrate() async throws(ConversationStoreError) -> Int {
        let schema = self.schema
        return try await call { client, logger in
            try await PG.migrate(client, schema: schema, component: "chat", migrations: Self.migrations, logger: logger) { found, known in
                ConversationStoreError.backend("the database has chat schema version \(found), newer than this server (\(known))")
            }
        }
    }

    private func call<T: Sendable>(_ body: (PostgresClient, Logger) async throws -> T) async throws(ConversationStoreError) -> T {
        do {
            return try await body(client, logger)
        } catch let error as ConversationStoreError {
            throw error
        } catch {
            throw .backend(PG.describe(error))
        }
    }

    private static func decode(conversation: ConversationID, seq: Int64, at: Double, frame: String) throws -> SequencedEvent {
        guard case .event(let stored) = try ChatEnvelope.decode(Data(frame.utf8)) else {
            throw ConversationStoreError.backend("stored event \(conversation)#\(seq) is not an event frame")
        }
        return SequencedEvent(conversation: conversation, sequence: UInt64(seq), at: Date(timeIntervalSince1970: at), event: stored.event)
    }

    public func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                       at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        let schema = self.schema
        return try await call { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                let id = conversation.rawValue
                let seconds = date.timeIntervalSince1970
                try await connection.query(
                    "INSERT INTO \(unescaped: schema).chat_conversations (conversation, last_seq, last_at) VALUES (\(id), 0, \(seconds)) ON CONFLICT DO NOTHING",
                    logger: logger)
                var last: Int64 = 0
                for try await value in try await connection.query(
                    "SELECT last_seq FROM \(unescaped: schema).chat_conversations WHERE conversation = \(id) FOR UPDATE", logger: logger
                ).decode(Int64.self) { last = value }
                if let transaction = event.clientTransactionID {
                    for try await (seq, at, frame) in try await connection.query(
                        "SELECT seq, at, frame FROM \(unescaped: schema).chat_events WHERE conversation = \(id) AND client_txn = \(transaction)",
                        logger: logger
                    ).decode((Int64, Double, String).self) {
                        return AppendOutcome.duplicate(try Self.decode(conversation: conversation, seq: seq, at: at, frame: frame))
                    }
                }
                guard UInt64(last) == expectedLastSequence else {
                    throw ConversationStoreError.conflict(conversation, expected: expectedLastSequence, actual: UInt64(last))
                }
                let stored = SequencedEvent(conversation: conversation, sequence: UInt64(last + 1), at: date, event: event)
                let frame = String(decoding: try ChatEnvelope.event(stored).jsonData(), as: UTF8.self)
                try await connection.query("""
                    INSERT INTO \(unescaped: schema).chat_events (conversation, seq, at, client_txn, frame)
                    VALUES (\(id), \(last + 1), \(seconds), \(event.clientTransactionID), \(frame))
                    """, logger: logger)
                try await connection.query(
                    "UPDATE \(unescaped: schema).chat_conversations SET last_seq = \(last + 1), last_at = \(seconds) WHERE conversation = \(id)",
                    logger: logger)
                try await connection.query("SELECT pg_notify(\(Self.notificationChannel), \("\(id):\(last + 1)"))", logger: logger)
                return AppendOutcome.appended(stored)
            }
        }
    }

    public func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        guard limit > 0 else { return [] }
        let schema = self.schema
        return try await call { client, logger in
            var result: [SequencedEvent] = []
            for try await (seq, at, frame) in try await client.query(
                "SELECT seq, at, frame FROM \(unescaped: schema).chat_events WHERE conversation = \(conversation.rawValue) AND seq > \(Int64(clamping: sequence)) ORDER BY seq LIMIT \(Int64(limit))",
                logger: logger
            ).decode((Int64, Double, String).self) {
                result.append(try Self.decode(conversation: conversation, seq: seq, at: at, frame: frame))
            }
            return result
        }
    }

    public func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        let schema = self.schema
        return try await call { client, logger in
            var last: Int64 = 0
            for try await value in try await client.query(
                "SELECT last_seq FROM \(unescaped: schema).chat_conversations WHERE conversation = \(conversation.rawValue)", logger: logger
            ).decode(Int64.self) { last = value }
            return UInt64(last)
        }
    }

    public func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        let schema = self.schema
        return try await call { client, logger in
            var purged: [ConversationID] = []
            for try await id in try await client.query(
                "DELETE FROM \(unescaped: schema).chat_conversations WHERE last_at < \(cutoff.timeIntervalSince1970) RETURNING conversation",
                logger: logger
            ).decode(String.self) { purged.append(ConversationID(id)) }
            // Rate-limit buckets and escalations (metadata) are kept no longer than the conversations.
            try await client.query(
                "DELETE FROM \(unescaped: schema).chat_rate_buckets WHERE updated_at < \(cutoff.timeIntervalSince1970)", logger: logger)
            try await client.query(
                "DELETE FROM \(unescaped: schema).chat_escalations WHERE at < \(cutoff.timeIntervalSince1970)", logger: logger)
            return purged.sorted { $0.rawValue < $1.rawValue }
        }
    }

    public func register(_ record: ConversationRecord) async throws(ConversationStoreError) {
        let schema = self.schema
        let registered = try await call { client, logger in
            // A row may exist already (events appended first): it gets the record only if it has none.
            var rows = 0
            for try await _ in try await client.query("""
                INSERT INTO \(unescaped: schema).chat_conversations (conversation, last_seq, last_at, visitor_digest, platform, language, opened_at)
                VALUES (\(record.conversation.rawValue), 0, \(record.openedAt.timeIntervalSince1970), \(record.visitorDigest.hex),
                        \(record.platform.rawValue), \(record.language), \(record.openedAt.timeIntervalSince1970))
                ON CONFLICT (conversation) DO UPDATE
                    SET visitor_digest = EXCLUDED.visitor_digest, platform = EXCLUDED.platform,
                        language = EXCLUDED.language, opened_at = EXCLUDED.opened_at
                    WHERE \(unescaped: schema).chat_conversations.visitor_digest IS NULL
                RETURNING conversation
                """, logger: logger).decode(String.self) { rows += 1 }
            return rows == 1
        }
        guard registered else { throw .alreadyRegistered(record.conversation) }
    }

    public func record(of conversation: ConversationID) async throws(ConversationStoreError) -> ConversationRecord? {
        let schema = self.schema
        return try await call { client, logger in
            var found: ConversationRecord?
            for try await (digest, platform, language, openedAt) in try await client.query("""
                SELECT visitor_digest, platform, language, opened_at FROM \(unescaped: schema).chat_conversations
                WHERE conversation = \(conversation.rawValue) AND visitor_digest IS NOT NULL
                """, logger: logger).decode((String, String, String, Double).self) {
                guard let digest = VisitorTokenDigest(hex: digest), let platform = Platform(rawValue: platform) else {
                    throw ConversationStoreError.backend("the stored record of conversation \(conversation) is damaged")
                }
                found = ConversationRecord(conversation: conversation, visitorDigest: digest, platform: platform, language: language,
                                           openedAt: Date(timeIntervalSince1970: openedAt))
            }
            return found
        }
    }
}
