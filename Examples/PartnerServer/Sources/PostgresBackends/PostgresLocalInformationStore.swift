import Foundation
import LocalInformation
import Logging
import PostgresNIO

/// Subscriptions, « Je donne mon avis » cases and usage events on PostgreSQL,
/// shared safely by any number of server instances (it passes
/// `SubscriptionStoreConformance`, `FeedbackStoreConformance` and
/// `UsageEventStoreConformance` unchanged, like the SDK's SQLite store).
///
/// - **One statement per change.** A subscription or a case is added with
///   `INSERT … ON CONFLICT DO NOTHING RETURNING`, so two instances adding the
///   same key at once end with one row and one ``LocalInformationStoreError/duplicate(_:)``;
///   an answer or a closing is one `UPDATE … WHERE status …`, so a case moves
///   `received → answered → closed` once whichever instance serves the team;
///   a batch of usage events is one `INSERT … SELECT FROM unnest(…)`: all or none.
/// - **Migrations** run in ``migrate()`` under an advisory lock, recorded in
///   `schema_version` (component `local-information`).
/// - Personal data kept: none by design. Subscriptions are token digests with
///   a territory and themes; comments are stored after masking (by
///   `FeedbackDesk`); usage events are counts to the hour without any identifier.
///   ``purgeEvents(before:)`` and ``purgeClosedCases(closedBefore:)`` apply the
///   retention (`LocalInformationRetention`).
public struct PostgresLocalInformationStore: SubscriptionStore, FeedbackStore, UsageEventStore {
    /// The schema version this code writes.
    public static var schemaVersion: Int { migrations.count }

    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A store in `schema` (created if missing) of the database behind `client`.
    /// The client must be running (`await client.run()` in a task) before any call.
    /// - Parameter schema: lowercase letters, digits and `_` (default `masecurite`).
    /// - Throws: ``LocalInformationStoreError/database(code:message:operation:)`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite",
                logger: Logger = Logger(label: "masecurite.local-information")) throws(LocalInformationStoreError) {
        guard let quoted = PG.identifier(schema) else {
            throw .database(code: 0, message: "the schema name '\(schema)' must use lowercase letters, digits and _",
                            operation: "opening the PostgreSQL local-information store")
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
            CREATE TABLE $S.subscriptions (
                seq BIGSERIAL PRIMARY KEY,
                digest TEXT NOT NULL UNIQUE,
                territory TEXT NOT NULL,
                themes TEXT NOT NULL,
                created_ms BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE $S.subscription_deliveries (
                digest TEXT NOT NULL REFERENCES $S.subscriptions (digest) ON DELETE CASCADE,
                item_id TEXT NOT NULL,
                PRIMARY KEY (digest, item_id)
            )
            """,
            """
            CREATE TABLE $S.feedback_cases (
                reference TEXT PRIMARY KEY,
                about TEXT NOT NULL,
                useful BOOLEAN NOT NULL,
                comment TEXT NOT NULL,
                received_ms BIGINT NOT NULL,
                due_ms BIGINT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('received','answered','closed')),
                answer TEXT,
                answered_ms BIGINT,
                closed_ms BIGINT
            )
            """,
            "CREATE INDEX feedback_cases_waiting ON $S.feedback_cases (due_ms) WHERE status = 'received'",
            "CREATE INDEX feedback_cases_closed ON $S.feedback_cases (closed_ms) WHERE status = 'closed'",
            """
            CREATE TABLE $S.usage_events (
                about TEXT NOT NULL,
                outcome TEXT NOT NULL,
                channel TEXT NOT NULL,
                hour_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX usage_events_by_hour ON $S.usage_events (hour_ms)",
        ],
        // 2: the views a follow-up may be counted for (SHA-256 of the view id, content, hour, used or not).
        [
            """
            CREATE TABLE $S.usage_views (
                digest TEXT PRIMARY KEY,
                about TEXT NOT NULL,
                hour_ms BIGINT NOT NULL,
                followed BOOLEAN NOT NULL DEFAULT FALSE
            )
            """,
            "CREATE INDEX usage_views_by_hour ON $S.usage_views (hour_ms)",
        ],
    ]

    /// Creates the schema and applies every missing migration, once, even when
    /// several instances start together. Safe to call at every start-up.
    /// - Returns: the schema version now in the database.
    @discardableResult
    public func migrate() async throws -> Int {
        let schema = self.schema
        return try await call("migrating the local-information schema") { client, logger in
            try await PG.migrate(client, schema: schema, component: "local-information", migrations: Self.migrations, logger: logger) { found, known in
                LocalInformationStoreError.database(code: 0, message: "the database has local-information schema version \(found), newer than this server (\(known))",
                                                    operation: "migrating")
            }
        }
    }

    /// Whether the database answers (readiness).
    public func ping() async -> Bool {
        await PG.answers(client, logger: logger)
    }

    // MARK: Plumbing

    /// Runs `body`, turning database failures into ``LocalInformationStoreError/database(code:message:operation:)``.
    private func call<T: Sendable>(_ operation: String, _ body: (PostgresClient, Logger) async throws -> T) async throws -> T {
        try await PG.call(client, logger: logger, operation, as: { LocalInformationStoreError.database(code: 0, message: $0, operation: $1) }, body)
    }

    /// The one integer a `SELECT COUNT(*)` (or a `WITH … SELECT COUNT(*)`) returns.
    private static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var total = 0
        for try await value in rows.decode(Int64.self) { total = Int(value) }
        return total
    }

    // MARK: SubscriptionStore

    private typealias SubscriptionRow = (String, String, String, Int64)

    private static func subscriptions(_ rows: PostgresRowSequence) async throws -> [FeedSubscription] {
        var result: [FeedSubscription] = []
        for try await (digest, territoryText, themes, created) in rows.decode(SubscriptionRow.self) {
            guard let territory = try? LocalTerritory(territoryText) else { throw LocalInformationStoreError.corruptRow("subscriptions.territory") }
            result.append(FeedSubscription(digest: digest, territory: territory, themes: themes.split(separator: ",").map(String.init),
                                           created: PG.date(created)))
        }
        return result
    }

    public func add(_ subscription: FeedSubscription) async throws {
        let added = try await call("adding a subscription") { client, logger in
            try await Self.count(try await client.query("""
                WITH added AS (
                    INSERT INTO \(unescaped: schema).subscriptions (digest, territory, themes, created_ms)
                    VALUES (\(subscription.digest), \(subscription.territory.description), \(subscription.themes.joined(separator: ",")),
                            \(PG.milliseconds(subscription.created)))
                    ON CONFLICT (digest) DO NOTHING RETURNING 1)
                SELECT COUNT(*) FROM added
                """, logger: logger))
        }
        guard added == 1 else { throw LocalInformationStoreError.duplicate("subscription") }
    }

    public func subscription(digest: String) async throws -> FeedSubscription? {
        try await call("reading a subscription") { client, logger in
            try await Self.subscriptions(try await client.query(
                "SELECT digest, territory, themes, created_ms FROM \(unescaped: schema).subscriptions WHERE digest = \(digest)",
                logger: logger)).first
        }
    }

    @discardableResult
    public func remove(digest: String) async throws -> Bool {
        // The deliveries go with it (ON DELETE CASCADE).
        try await call("removing a subscription") { client, logger in
            try await Self.count(try await client.query("""
                WITH removed AS (DELETE FROM \(unescaped: schema).subscriptions WHERE digest = \(digest) RETURNING 1)
                SELECT COUNT(*) FROM removed
                """, logger: logger)) > 0
        }
    }

    public func subscriptions() async throws -> [FeedSubscription] {
        try await call("listing subscriptions") { client, logger in
            try await Self.subscriptions(try await client.query(
                "SELECT digest, territory, themes, created_ms FROM \(unescaped: schema).subscriptions ORDER BY created_ms, seq",
                logger: logger))
        }
    }

    public func deliveredItemIDs(digest: String) async throws -> Set<String> {
        try await call("reading deliveries") { client, logger in
            var items = Set<String>()
            for try await item in try await client.query(
                "SELECT item_id FROM \(unescaped: schema).subscription_deliveries WHERE digest = \(digest)", logger: logger
            ).decode(String.self) { items.insert(item) }
            return items
        }
    }

    public func markDelivered(digest: String, itemIDs: [String]) async throws {
        guard !itemIDs.isEmpty else { return }
        // Nothing is recorded for a subscription that does not exist (the SELECT finds no row).
        _ = try await call("recording deliveries") { client, logger in
            try await client.query("""
                INSERT INTO \(unescaped: schema).subscription_deliveries (digest, item_id)
                SELECT s.digest, item FROM \(unescaped: schema).subscriptions s, unnest(\(itemIDs)::text[]) AS item
                WHERE s.digest = \(digest)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    // MARK: FeedbackStore

    private static let caseColumns = "reference, about, useful, comment, received_ms, status, answer, answered_ms, closed_ms"
    private typealias CaseRow = (String, String, Bool, String, Int64, String, String?, Int64?, Int64?)

    private static func cases(_ rows: PostgresRowSequence) async throws -> [FeedbackCase] {
        var result: [FeedbackCase] = []
        for try await (referenceText, aboutText, useful, comment, received, statusText, answer, answered, closed) in rows.decode(CaseRow.self) {
            guard let reference = try? FeedbackReference(referenceText), let about = try? ContentReference(aboutText),
                  let status = FeedbackStatus(rawValue: statusText) else {
                throw LocalInformationStoreError.corruptRow("feedback_cases")
            }
            result.append(FeedbackCase(reference: reference, about: about, useful: useful, comment: comment, received: PG.date(received),
                                       status: status, answer: answer, answered: answered.map(PG.date), closed: closed.map(PG.date)))
        }
        return result
    }

    public func add(_ feedbackCase: FeedbackCase) async throws {
        let added = try await call("adding a case") { client, logger in
            try await Self.count(try await client.query("""
                WITH added AS (
                    INSERT INTO \(unescaped: schema).feedback_cases (reference, about, useful, comment, received_ms, due_ms, status, answer, answered_ms, closed_ms)
                    VALUES (\(feedbackCase.reference.rawValue), \(feedbackCase.about.description), \(feedbackCase.useful), \(feedbackCase.comment),
                            \(PG.milliseconds(feedbackCase.received)), \(PG.milliseconds(feedbackCase.due)), \(feedbackCase.status.rawValue),
                            \(feedbackCase.answer), \(feedbackCase.answered.map(PG.milliseconds)), \(feedbackCase.closed.map(PG.milliseconds)))
                    ON CONFLICT (reference) DO NOTHING RETURNING 1)
                SELECT COUNT(*) FROM added
                """, logger: logger))
        }
        guard added == 1 else { throw LocalInformationStoreError.duplicate("case") }
    }

    public func feedbackCase(_ reference: FeedbackReference) async throws -> FeedbackCase? {
        try await call("reading a case") { client, logger in
            try await Self.cases(try await client.query(
                "SELECT \(unescaped: Self.caseColumns) FROM \(unescaped: schema).feedback_cases WHERE reference = \(reference.rawValue)",
                logger: logger)).first
        }
    }

    /// The error of a change that updated no row: the case is missing, or its status forbids `target`.
    private func refusal(_ reference: FeedbackReference, to target: FeedbackStatus) async throws -> LocalInformationStoreError {
        guard let current = try await feedbackCase(reference) else { return .notFound("case") }
        return .invalidTransition(from: current.status.rawValue, to: target.rawValue)
    }

    public func answer(_ reference: FeedbackReference, text: String, at: Date) async throws -> FeedbackCase {
        let updated = try await call("answering a case") { client, logger in
            try await Self.cases(try await client.query("""
                UPDATE \(unescaped: schema).feedback_cases SET status = 'answered', answer = \(text), answered_ms = \(PG.milliseconds(at))
                WHERE reference = \(reference.rawValue) AND status = 'received'
                RETURNING \(unescaped: Self.caseColumns)
                """, logger: logger)).first
        }
        guard let updated else { throw try await refusal(reference, to: .answered) }
        return updated
    }

    public func close(_ reference: FeedbackReference, at: Date) async throws -> FeedbackCase {
        let updated = try await call("closing a case") { client, logger in
            try await Self.cases(try await client.query("""
                UPDATE \(unescaped: schema).feedback_cases SET status = 'closed', closed_ms = \(PG.milliseconds(at))
                WHERE reference = \(reference.rawValue) AND status <> 'closed'
                RETURNING \(unescaped: Self.caseColumns)
                """, logger: logger)).first
        }
        guard let updated else { throw try await refusal(reference, to: .closed) }
        return updated
    }

    public func cases(status: FeedbackStatus?) async throws -> [FeedbackCase] {
        try await call("listing cases") { client, logger in
            try await Self.cases(try await client.query("""
                SELECT \(unescaped: Self.caseColumns) FROM \(unescaped: schema).feedback_cases
                WHERE \(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)
                ORDER BY received_ms, reference
                """, logger: logger))
        }
    }

    public func overdue(now: Date) async throws -> [FeedbackCase] {
        try await call("listing overdue cases") { client, logger in
            try await Self.cases(try await client.query("""
                SELECT \(unescaped: Self.caseColumns) FROM \(unescaped: schema).feedback_cases
                WHERE status = 'received' AND due_ms < \(PG.milliseconds(now))
                ORDER BY due_ms, reference
                """, logger: logger))
        }
    }

    @discardableResult
    public func purgeClosedCases(closedBefore cutoff: Date) async throws -> Int {
        try await call("purging closed cases") { client, logger in
            try await Self.count(try await client.query("""
                WITH purged AS (
                    DELETE FROM \(unescaped: schema).feedback_cases WHERE status = 'closed' AND closed_ms < \(PG.milliseconds(cutoff)) RETURNING 1)
                SELECT COUNT(*) FROM purged
                """, logger: logger))
        }
    }

    // MARK: UsageEventStore

    public func record(_ events: [UsageEvent]) async throws {
        guard !events.isEmpty else { return }
        let abouts = events.map(\.about.description), outcomes = events.map(\.outcome.rawValue)
        let channels = events.map(\.channel.rawValue), hours = events.map { PG.milliseconds($0.hour) }
        // One statement: every event of the batch or none.
        _ = try await call("recording usage events") { client, logger in
            try await client.query("""
                INSERT INTO \(unescaped: schema).usage_events (about, outcome, channel, hour_ms)
                SELECT * FROM unnest(\(abouts)::text[], \(outcomes)::text[], \(channels)::text[], \(hours)::bigint[])
                """, logger: logger)
        }
    }

    public func recordShown(_ event: UsageEvent, viewDigest: String) async throws {
        let about = event.about.description, channel = event.channel.rawValue, hour = PG.milliseconds(event.hour)
        // One statement: the event and the view, or neither.
        _ = try await call("recording a shown view") { client, logger in
            try await client.query("""
                WITH viewed AS (
                    INSERT INTO \(unescaped: schema).usage_views (digest, about, hour_ms) VALUES (\(viewDigest), \(about), \(hour))
                    ON CONFLICT (digest) DO NOTHING)
                INSERT INTO \(unescaped: schema).usage_events (about, outcome, channel, hour_ms) VALUES (\(about), 'shown', \(channel), \(hour))
                """, logger: logger)
        }
    }

    public func recordFollowUp(_ followUp: UsageFollowUp, viewDigest: String, at: Date, channel: UsageChannel) async throws -> UsageFollowUpResult {
        let outcome = followUp.outcome.rawValue, channel = channel.rawValue
        let hour = PG.milliseconds(Date(timeIntervalSince1970: (at.timeIntervalSince1970 / 3_600).rounded(.down) * 3_600))
        // One statement: the view is claimed (a concurrent claim waits on the row and then finds it
        // followed) and the event inserted together; an unclaimed but existing view is reported as used.
        let rows: [(String, Bool)] = try await call("recording a follow-up") { client, logger in
            var rows: [(String, Bool)] = []
            for try await row in try await client.query("""
                WITH claimed AS (
                    UPDATE \(unescaped: schema).usage_views SET followed = TRUE
                    WHERE digest = \(viewDigest) AND NOT followed RETURNING about),
                inserted AS (
                    INSERT INTO \(unescaped: schema).usage_events (about, outcome, channel, hour_ms)
                    SELECT about, \(outcome), \(channel), \(hour) FROM claimed RETURNING about)
                SELECT about, TRUE FROM inserted
                UNION ALL
                SELECT about, FALSE FROM \(unescaped: schema).usage_views
                WHERE digest = \(viewDigest) AND NOT EXISTS (SELECT 1 FROM claimed)
                """, logger: logger).decode((String, Bool).self) { rows.append(row) }
            return rows
        }
        guard let (aboutText, recorded) = rows.first else { return .unknownView }
        guard let about = try? ContentReference(aboutText) else { throw LocalInformationStoreError.corruptRow("usage_views") }
        return recorded ? .recorded(about) : .alreadyRecorded(about)
    }

    public func counts(from: Date?, until: Date?) async throws -> [UsageCount] {
        let from = from.map(PG.milliseconds), until = until.map(PG.milliseconds)
        let totals = try await call("counting usage events") { client, logger in
            var totals: [ContentReference: [UsageOutcome: Int]] = [:]
            for try await (aboutText, outcomeText, count) in try await client.query("""
                SELECT about, outcome, COUNT(*) FROM \(unescaped: schema).usage_events
                WHERE (\(from)::bigint IS NULL OR hour_ms >= \(from)) AND (\(until)::bigint IS NULL OR hour_ms < \(until))
                GROUP BY about, outcome
                """, logger: logger).decode((String, String, Int64).self) {
                guard let about = try? ContentReference(aboutText), let outcome = UsageOutcome(rawValue: outcomeText) else {
                    throw LocalInformationStoreError.corruptRow("usage_events")
                }
                totals[about, default: [:]][outcome, default: 0] += Int(count)
            }
            return totals
        }
        return totals.keys.sorted().flatMap { about in
            UsageOutcome.allCases.compactMap { outcome in
                totals[about]?[outcome].map { UsageCount(about: about, outcome: outcome, count: $0) }
            }
        }
    }

    @discardableResult
    public func purgeEvents(before cutoff: Date) async throws -> Int {
        try await call("purging usage events") { client, logger in
            try await Self.count(try await client.query("""
                WITH purged AS (DELETE FROM \(unescaped: schema).usage_events WHERE hour_ms < \(PG.milliseconds(cutoff)) RETURNING 1),
                views AS (DELETE FROM \(unescaped: schema).usage_views WHERE hour_ms < \(PG.milliseconds(cutoff)))
                SELECT COUNT(*) FROM purged
                """, logger: logger))
        }
    }
}
