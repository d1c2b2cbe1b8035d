import Foundation
import MaSecuriteCore
import SQLiteSupport

/// Subscriptions, « Je donne mon avis » cases and usage events in one SQLite
/// file, safe to share between processes (WAL, `synchronous=FULL`, every
/// write in `BEGIN IMMEDIATE … COMMIT`): a call that returns is on disk.
///
/// Personal data kept: none by design. Subscriptions are token digests with a
/// territory and themes; comments are stored after masking; usage events are
/// counts to the hour without any identifier.
public actor SQLiteLocalInformationStore: SubscriptionStore, FeedbackStore, UsageEventStore {
    /// The schema version this code writes.
    public static var schemaVersion: Int { migrations.count }

    private let connection: SQLiteConnection<LocalInformationStoreError>

    static let ownTables: Set<String> = ["schema_version", "subscriptions", "subscription_deliveries", "feedback_cases", "usage_events"]

    /// Opens or creates the file at `path` (its directory must exist) and brings its schema up to date.
    /// - Throws: ``LocalInformationStoreError/database(code:message:operation:)``, also when the
    ///   file is another application's database (nothing is written to it then).
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(LocalInformationStoreError) {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, requiredTables: Self.ownTables)
        try Self.migrate(connection)
    }

    static let migrations: [String] = [
        """
        CREATE TABLE subscriptions (
            digest TEXT PRIMARY KEY,
            territory TEXT NOT NULL,
            themes TEXT NOT NULL,
            created_ms INTEGER NOT NULL
        );
        CREATE TABLE subscription_deliveries (
            digest TEXT NOT NULL REFERENCES subscriptions (digest) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            PRIMARY KEY (digest, item_id)
        );
        CREATE TABLE feedback_cases (
            reference TEXT PRIMARY KEY,
            about TEXT NOT NULL,
            useful INTEGER NOT NULL,
            comment TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            due_ms INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('received','answered','closed')),
            answer TEXT,
            answered_ms INTEGER,
            closed_ms INTEGER
        );
        CREATE INDEX feedback_cases_waiting ON feedback_cases (due_ms) WHERE status = 'received';
        CREATE TABLE usage_events (
            about TEXT NOT NULL,
            outcome TEXT NOT NULL,
            channel TEXT NOT NULL,
            hour_ms INTEGER NOT NULL
        );
        CREATE INDEX usage_events_by_hour ON usage_events (hour_ms);
        """,
        // 2: the views a follow-up may be counted for (SHA-256 of the view id, content, hour, used or not).
        """
        CREATE TABLE usage_views (
            digest TEXT PRIMARY KEY,
            about TEXT NOT NULL,
            hour_ms INTEGER NOT NULL,
            followed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX usage_views_by_hour ON usage_views (hour_ms);
        """,
    ]

    private static func migrate(_ connection: SQLiteConnection<LocalInformationStoreError>) throws(LocalInformationStoreError) {
        try connection.immediateTransaction("migrating the schema") { () throws(LocalInformationStoreError) in
            try connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_ms INTEGER NOT NULL)",
                                   operation: "creating schema_version")
            let rows = try connection.query("SELECT MAX(version) FROM schema_version", operation: "reading the schema version")
            var version = 0
            if case .integer(let value)? = rows.first?.first { version = Int(value) }
            guard version <= migrations.count else {
                throw .database(code: 0, message: "the file has schema version \(version), newer than this code (\(migrations.count)); update the SDK",
                                operation: "opening \(connection.path)")
            }
            for index in version..<migrations.count {
                try connection.execute(migrations[index], operation: "migrating to schema version \(index + 1)")
                try connection.query("INSERT INTO schema_version (version, applied_ms) VALUES (?, ?)",
                                     [.integer(Int64(index + 1)), .integer(milliseconds(Date()))],
                                     operation: "recording schema version \(index + 1)")
            }
        }
    }

    // MARK: Mapping

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    private static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(ms) / 1000) }
    private static func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
    private static func optionalDate(_ value: Date?) -> SQLiteValue { value.map { .integer(milliseconds($0)) } ?? .null }

    private static func string(_ row: [SQLiteValue], _ index: Int) -> String? {
        guard row.indices.contains(index), case .text(let s) = row[index] else { return nil }
        return s
    }

    private static func integer(_ row: [SQLiteValue], _ index: Int) -> Int64? {
        guard row.indices.contains(index), case .integer(let n) = row[index] else { return nil }
        return n
    }

    // MARK: Subscriptions

    private static func subscription(from row: [SQLiteValue]) throws(LocalInformationStoreError) -> FeedSubscription {
        guard let digest = string(row, 0), let territoryText = string(row, 1), let territory = try? LocalTerritory(territoryText),
              let themes = string(row, 2), let created = integer(row, 3) else {
            throw .corruptRow("subscriptions")
        }
        return FeedSubscription(digest: digest, territory: territory,
                                themes: themes.split(separator: ",").map(String.init), created: date(created))
    }

    public func add(_ subscription: FeedSubscription) throws(LocalInformationStoreError) {
        try connection.immediateTransaction("adding a subscription") { () throws(LocalInformationStoreError) in
            let existing = try connection.query("SELECT 1 FROM subscriptions WHERE digest = ?", [.text(subscription.digest)],
                                                operation: "looking up a subscription")
            guard existing.isEmpty else { throw .duplicate("subscription") }
            try connection.query("INSERT INTO subscriptions (digest, territory, themes, created_ms) VALUES (?, ?, ?, ?)",
                                 [.text(subscription.digest), .text(subscription.territory.description),
                                  .text(subscription.themes.joined(separator: ",")), .integer(Self.milliseconds(subscription.created))],
                                 operation: "adding a subscription")
        }
    }

    public func subscription(digest: String) throws(LocalInformationStoreError) -> FeedSubscription? {
        let rows = try connection.query("SELECT digest, territory, themes, created_ms FROM subscriptions WHERE digest = ?",
                                        [.text(digest)], operation: "reading a subscription")
        guard let row = rows.first else { return nil }
        return try Self.subscription(from: row)
    }

    @discardableResult
    public func remove(digest: String) throws(LocalInformationStoreError) -> Bool {
        try connection.immediateTransaction("removing a subscription") { () throws(LocalInformationStoreError) -> Bool in
            try connection.query("DELETE FROM subscription_deliveries WHERE digest = ?", [.text(digest)], operation: "forgetting deliveries")
            try connection.query("DELETE FROM subscriptions WHERE digest = ?", [.text(digest)], operation: "removing a subscription")
            return connection.changes > 0
        }
    }

    public func subscriptions() throws(LocalInformationStoreError) -> [FeedSubscription] {
        var result: [FeedSubscription] = []
        for row in try connection.query("SELECT digest, territory, themes, created_ms FROM subscriptions ORDER BY created_ms, rowid",
                                         operation: "listing subscriptions") {
            result.append(try Self.subscription(from: row))
        }
        return result
    }

    public func deliveredItemIDs(digest: String) throws(LocalInformationStoreError) -> Set<String> {
        let rows = try connection.query("SELECT item_id FROM subscription_deliveries WHERE digest = ?", [.text(digest)],
                                        operation: "reading deliveries")
        return Set(rows.compactMap { Self.string($0, 0) })
    }

    public func markDelivered(digest: String, itemIDs: [String]) throws(LocalInformationStoreError) {
        try connection.immediateTransaction("recording deliveries") { () throws(LocalInformationStoreError) in
            let exists = try connection.query("SELECT 1 FROM subscriptions WHERE digest = ?", [.text(digest)], operation: "looking up a subscription")
            guard !exists.isEmpty else { return }
            for item in itemIDs {
                try connection.query("INSERT OR IGNORE INTO subscription_deliveries (digest, item_id) VALUES (?, ?)",
                                     [.text(digest), .text(item)], operation: "recording a delivery")
            }
        }
    }

    // MARK: Feedback cases

    private static let caseColumns = "reference, about, useful, comment, received_ms, status, answer, answered_ms, closed_ms"

    private static func feedbackCase(from row: [SQLiteValue]) throws(LocalInformationStoreError) -> FeedbackCase {
        guard let referenceText = string(row, 0), let reference = try? FeedbackReference(referenceText),
              let aboutText = string(row, 1), let about = try? ContentReference(aboutText),
              let useful = integer(row, 2), let comment = string(row, 3), let received = integer(row, 4),
              let statusText = string(row, 5), let status = FeedbackStatus(rawValue: statusText) else {
            throw .corruptRow("feedback_cases")
        }
        return FeedbackCase(reference: reference, about: about, useful: useful != 0, comment: comment, received: date(received),
                            status: status, answer: string(row, 6), answered: integer(row, 7).map(date), closed: integer(row, 8).map(date))
    }

    public func add(_ feedbackCase: FeedbackCase) throws(LocalInformationStoreError) {
        try connection.immediateTransaction("adding a case") { () throws(LocalInformationStoreError) in
            let existing = try connection.query("SELECT 1 FROM feedback_cases WHERE reference = ?", [.text(feedbackCase.reference.rawValue)],
                                                operation: "looking up a case")
            guard existing.isEmpty else { throw .duplicate("case") }
            try connection.query("""
                INSERT INTO feedback_cases (reference, about, useful, comment, received_ms, due_ms, status, answer, answered_ms, closed_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(feedbackCase.reference.rawValue), .text(feedbackCase.about.description), .integer(feedbackCase.useful ? 1 : 0),
                 .text(feedbackCase.comment), .integer(Self.milliseconds(feedbackCase.received)), .integer(Self.milliseconds(feedbackCase.due)),
                 .text(feedbackCase.status.rawValue), Self.text(feedbackCase.answer), Self.optionalDate(feedbackCase.answered),
                 Self.optionalDate(feedbackCase.closed)],
                operation: "adding a case")
        }
    }

    private func read(_ reference: FeedbackReference) throws(LocalInformationStoreError) -> FeedbackCase? {
        let rows = try connection.query("SELECT \(Self.caseColumns) FROM feedback_cases WHERE reference = ?", [.text(reference.rawValue)],
                                        operation: "reading a case")
        guard let row = rows.first else { return nil }
        return try Self.feedbackCase(from: row)
    }

    public func feedbackCase(_ reference: FeedbackReference) throws(LocalInformationStoreError) -> FeedbackCase? { try read(reference) }

    private func update(_ updated: FeedbackCase) throws(LocalInformationStoreError) {
        try connection.query("UPDATE feedback_cases SET status = ?, answer = ?, answered_ms = ?, closed_ms = ? WHERE reference = ?",
                             [.text(updated.status.rawValue), Self.text(updated.answer), Self.optionalDate(updated.answered),
                              Self.optionalDate(updated.closed), .text(updated.reference.rawValue)],
                             operation: "updating a case")
    }

    public func answer(_ reference: FeedbackReference, text: String, at: Date) throws(LocalInformationStoreError) -> FeedbackCase {
        try connection.immediateTransaction("answering a case") { () throws(LocalInformationStoreError) -> FeedbackCase in
            guard let current = try read(reference) else { throw .notFound("case") }
            let updated = try FeedbackTransitions.answer(current, text: text, at: at)
            try update(updated)
            return updated
        }
    }

    public func close(_ reference: FeedbackReference, at: Date) throws(LocalInformationStoreError) -> FeedbackCase {
        try connection.immediateTransaction("closing a case") { () throws(LocalInformationStoreError) -> FeedbackCase in
            guard let current = try read(reference) else { throw .notFound("case") }
            let updated = try FeedbackTransitions.close(current, at: at)
            try update(updated)
            return updated
        }
    }

    public func cases(status: FeedbackStatus?) throws(LocalInformationStoreError) -> [FeedbackCase] {
        let rows = try connection.query(
            "SELECT \(Self.caseColumns) FROM feedback_cases WHERE ?1 IS NULL OR status = ?1 ORDER BY received_ms, reference",
            [Self.text(status?.rawValue)], operation: "listing cases")
        var result: [FeedbackCase] = []
        for row in rows { result.append(try Self.feedbackCase(from: row)) }
        return result
    }

    public func overdue(now: Date) throws(LocalInformationStoreError) -> [FeedbackCase] {
        let rows = try connection.query(
            "SELECT \(Self.caseColumns) FROM feedback_cases WHERE status = 'received' AND due_ms < ? ORDER BY due_ms, reference",
            [.integer(Self.milliseconds(now))], operation: "listing overdue cases")
        var result: [FeedbackCase] = []
        for row in rows { result.append(try Self.feedbackCase(from: row)) }
        return result
    }

    @discardableResult
    public func purgeClosedCases(closedBefore cutoff: Date) throws(LocalInformationStoreError) -> Int {
        try connection.immediateTransaction("purging closed cases") { () throws(LocalInformationStoreError) -> Int in
            try connection.query("DELETE FROM feedback_cases WHERE status = 'closed' AND closed_ms < ?",
                                 [.integer(Self.milliseconds(cutoff))], operation: "purging closed cases")
            return connection.changes
        }
    }

    // MARK: Usage events

    public func record(_ events: [UsageEvent]) throws(LocalInformationStoreError) {
        guard !events.isEmpty else { return }
        try connection.immediateTransaction("recording usage events") { () throws(LocalInformationStoreError) in
            for event in events {
                try connection.query("INSERT INTO usage_events (about, outcome, channel, hour_ms) VALUES (?, ?, ?, ?)",
                                     [.text(event.about.description), .text(event.outcome.rawValue), .text(event.channel.rawValue),
                                      .integer(Self.milliseconds(event.hour))],
                                     operation: "recording a usage event")
            }
        }
    }

    public func recordShown(_ event: UsageEvent, viewDigest: String) throws(LocalInformationStoreError) {
        let about = SQLiteValue.text(event.about.description), hour = SQLiteValue.integer(Self.milliseconds(event.hour))
        try connection.immediateTransaction("recording a shown view") { () throws(LocalInformationStoreError) in
            try connection.query("INSERT INTO usage_events (about, outcome, channel, hour_ms) VALUES (?, 'shown', ?, ?)",
                                 [about, .text(event.channel.rawValue), hour], operation: "recording a usage event")
            try connection.query("INSERT OR IGNORE INTO usage_views (digest, about, hour_ms) VALUES (?, ?, ?)",
                                 [.text(viewDigest), about, hour], operation: "remembering a view")
        }
    }

    public func recordFollowUp(_ followUp: UsageFollowUp, viewDigest: String, at: Date,
                               channel: UsageChannel) throws(LocalInformationStoreError) -> UsageFollowUpResult {
        let hour = UsageEvent.startOfHour(at)
        return try connection.immediateTransaction("recording a follow-up") { () throws(LocalInformationStoreError) -> UsageFollowUpResult in
            let rows = try connection.query("SELECT about, followed FROM usage_views WHERE digest = ?", [.text(viewDigest)],
                                            operation: "reading a view")
            guard let row = rows.first else { return .unknownView }
            guard let aboutText = Self.string(row, 0), let about = try? ContentReference(aboutText),
                  let followed = Self.integer(row, 1) else { throw .corruptRow("usage_views") }
            guard followed == 0 else { return .alreadyRecorded(about) }
            try connection.query("UPDATE usage_views SET followed = 1 WHERE digest = ?", [.text(viewDigest)], operation: "marking a view followed")
            try connection.query("INSERT INTO usage_events (about, outcome, channel, hour_ms) VALUES (?, ?, ?, ?)",
                                 [.text(aboutText), .text(followUp.outcome.rawValue), .text(channel.rawValue),
                                  .integer(Self.milliseconds(hour))],
                                 operation: "recording a usage event")
            return .recorded(about)
        }
    }

    public func counts(from: Date?, until: Date?) throws(LocalInformationStoreError) -> [UsageCount] {
        let rows = try connection.query("""
            SELECT about, outcome, COUNT(*) FROM usage_events
            WHERE (?1 IS NULL OR hour_ms >= ?1) AND (?2 IS NULL OR hour_ms < ?2)
            GROUP BY about, outcome
            """,
            [Self.optionalDate(from), Self.optionalDate(until)], operation: "counting usage events")
        var totals: [ContentReference: [UsageOutcome: Int]] = [:]
        for row in rows {
            guard let aboutText = Self.string(row, 0), let about = try? ContentReference(aboutText),
                  let outcomeText = Self.string(row, 1), let outcome = UsageOutcome(rawValue: outcomeText),
                  let count = Self.integer(row, 2) else { throw .corruptRow("usage_events") }
            totals[about, default: [:]][outcome, default: 0] += Int(count)
        }
        return UsageCounting.sorted(totals)
    }

    @discardableResult
    public func purgeEvents(before cutoff: Date) throws(LocalInformationStoreError) -> Int {
        try connection.immediateTransaction("purging usage events") { () throws(LocalInformationStoreError) -> Int in
            try connection.query("DELETE FROM usage_events WHERE hour_ms < ?", [.integer(Self.milliseconds(cutoff))],
                                 operation: "purging usage events")
            let deleted = connection.changes
            try connection.query("DELETE FROM usage_views WHERE hour_ms < ?", [.integer(Self.milliseconds(cutoff))],
                                 operation: "purging usage views")
            return deleted
        }
    }
}
