import ChatProtocol
import Foundation
import Logging
import PostgresNIO

/// A ``ChatProtocol/VisitorRateLimiter`` on PostgreSQL: the visitors' message rate limit counted once
/// for every server instance on the database.
///
/// Each conversation has one row of `chat_rate_buckets` (tokens, last update: no visitor id, no
/// content). A message takes a token in one atomic statement: an `INSERT … ON CONFLICT DO UPDATE …
/// WHERE` that refills the bucket for the time elapsed, takes one token only if there is one, and says
/// so by returning the row (or not). Concurrent messages of one conversation, on any instances, wait
/// for each other on that row. Rows are deleted with the conversations' purge.
///
/// The table is created by ``PostgresConversationStore/migrate()`` (chat schema version 4).
public struct PostgresVisitorRateLimiter: VisitorRateLimiter {
    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A limiter in `schema` of the database behind `client` (which must be running).
    /// - Throws: ``ChatProtocol/RoutingCoordinatorError`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite",
                logger: Logger = Logger(label: "masecurite.chat.ratelimit")) throws(RoutingCoordinatorError) {
        guard let quoted = PG.identifier(schema) else {
            throw RoutingCoordinatorError("the schema name '\(schema)' must use lowercase letters, digits and _")
        }
        self.client = client
        self.schema = quoted
        self.logger = logger
    }

    public func take(for conversation: ConversationID, burst: Double, perSecond: Double,
                     at date: Date) async throws(RoutingCoordinatorError) -> TimeInterval? {
        let rate = max(perSecond, 1e-9)
        guard burst >= 1 else { return 1 / rate }
        let now = date.timeIntervalSince1970
        let schema = self.schema
        let id = conversation.rawValue
        do {
            var taken = false
            for try await _ in try await client.query("""
                INSERT INTO \(unescaped: schema).chat_rate_buckets AS b (conversation, tokens, updated_at)
                VALUES (\(id), \(burst - 1), \(now))
                ON CONFLICT (conversation) DO UPDATE
                    SET tokens = LEAST(\(burst), b.tokens + GREATEST(0, \(now) - b.updated_at) * \(rate)) - 1,
                        updated_at = GREATEST(b.updated_at, \(now))
                    WHERE LEAST(\(burst), b.tokens + GREATEST(0, \(now) - b.updated_at) * \(rate)) >= 1
                RETURNING tokens
                """, logger: logger).decode(Double.self) { taken = true }
            if taken { return nil }
            var current = 0.0
            for try await tokens in try await client.query("""
                SELECT LEAST(\(burst), tokens + GREATEST(0, \(now) - updated_at) * \(rate))
                FROM \(unescaped: schema).chat_rate_buckets WHERE conversation = \(id)
                """, logger: logger).decode(Double.self) { current = tokens }
            return max(0.001, (1 - current) / rate)
        } catch {
            throw RoutingCoordinatorError(PG.describe(error))
        }
    }
}
