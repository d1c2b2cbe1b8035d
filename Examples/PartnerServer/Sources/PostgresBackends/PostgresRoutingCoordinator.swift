import ChatProtocol
import Foundation
import Logging
import PostgresNIO

/// A ``ChatProtocol/RoutingCoordinator`` on PostgreSQL: one queue for every server instance on
/// the database (it passes `RoutingCoordinatorConformance` unchanged). See `Documentation/ChatCluster.md`.
///
/// - **Claims are transactions.** A claim locks the operator's row of `chat_route_operators`
///   (`SELECT … FOR UPDATE`), so their units are counted once over every instance, then takes the
///   first waiting row of `chat_route_queue` they may take in `(emergency DESC, arrival)` order with
///   `FOR UPDATE SKIP LOCKED`, and records the operator and the instance on it, in one commit. Two
///   claims never get the same row (the second skips the first's lock, or finds it taken), and two
///   instances claiming for one operator wait for each other on the operator's row.
/// - **Arrival numbers come from a sequence** (`chat_route_arrival`), so the order is the cluster's,
///   and a conversation sent back keeps its number, hence its place.
/// - **Leases** (`chat_route_instances`) carry the instances' own clock; ``reclaimExpired(at:)`` sends
///   the conversations taken through a dead instance back to the queue in the same kind of transaction.
/// - Changes that may let another instance's operator take something (a conversation enqueued or sent
///   back, units freed) send `NOTIFY masecurite_chat` with the payload `route`; the listener turns it
///   into ``ChatProtocol/ChatService/queueDidChange()``.
///
/// The tables are created by ``PostgresConversationStore/migrate()`` (chat schema version 3).
public struct PostgresRoutingCoordinator: RoutingCoordinator {
    /// The payload of the `NOTIFY` that says the queue changed.
    public static let routeNotification = "route"

    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A coordinator in `schema` of the database behind `client` (which must be running).
    /// - Throws: ``ChatProtocol/RoutingCoordinatorError`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite", logger: Logger = Logger(label: "masecurite.chat.routing")) throws(RoutingCoordinatorError) {
        guard let quoted = PG.identifier(schema) else {
            throw RoutingCoordinatorError("the schema name '\(schema)' must use lowercase letters, digits and _")
        }
        self.client = client
        self.schema = quoted
        self.logger = logger
    }

    @discardableResult
    private func call<T: Sendable>(_ body: @Sendable (PostgresConnection, String, Logger) async throws -> T) async throws(RoutingCoordinatorError) -> T {
        let schema = self.schema
        do {
            return try await PG.transaction(client, logger: logger) { connection in try await body(connection, schema, logger) }
        } catch let error as RoutingCoordinatorError {
            throw error
        } catch {
            throw RoutingCoordinatorError(PG.describe(error))
        }
    }

    private static func notify(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(PostgresConversationStore.notificationChannel), \(routeNotification))", logger: logger)
    }

    private typealias Row = (String, String, String, String, String, Bool, Int64, Double, String?, String?, Int32)
    private static let columns = "conversation, platform, language, kind, role, emergency, arrival, enqueued_at, operator_id, instance_id, cost"

    private static func entry(_ row: Row) throws -> CoordinatedConversation {
        let (conversation, platform, language, kind, role, emergency, arrival, enqueuedAt, operatorID, instance, cost) = row
        guard let platform = Platform(rawValue: platform), let kind = ConversationKind(rawValue: kind), let role = OperatorRole(rawValue: role) else {
            throw RoutingCoordinatorError("a queue row of \(conversation) holds an unknown platform, kind or role")
        }
        return CoordinatedConversation(conversation: ConversationID(conversation),
                                       requirements: ConversationRequirements(platform: platform, language: language, kind: kind, role: role),
                                       emergency: emergency, arrival: UInt64(max(0, arrival)), enqueuedAt: Date(timeIntervalSince1970: enqueuedAt),
                                       operatorID: operatorID.map(OperatorID.init), instance: instance.map(InstanceID.init), cost: Int(cost))
    }

    private static func select(_ connection: PostgresConnection, _ schema: String, _ conversation: ConversationID, lock: Bool,
                               logger: Logger) async throws -> CoordinatedConversation? {
        let query: PostgresQuery = lock
            ? "SELECT \(unescaped: columns) FROM \(unescaped: schema).chat_route_queue WHERE conversation = \(conversation.rawValue) FOR UPDATE"
            : "SELECT \(unescaped: columns) FROM \(unescaped: schema).chat_route_queue WHERE conversation = \(conversation.rawValue)"
        for try await row in try await connection.query(query, logger: logger).decode(Row.self) { return try entry(row) }
        return nil
    }

    /// Locks the operator's row (created with `capacity` if missing); returns (load, long conversations).
    private static func lockOperator(_ connection: PostgresConnection, _ schema: String, _ operatorID: OperatorID, capacity: Int,
                                     logger: Logger) async throws -> (load: Int, longCount: Int) {
        let id = operatorID.rawValue
        try await connection.query("""
            INSERT INTO \(unescaped: schema).chat_route_operators (operator_id, capacity) VALUES (\(id), \(capacity))
            ON CONFLICT (operator_id) DO UPDATE SET capacity = EXCLUDED.capacity
            """, logger: logger)
        for try await (load, longCount) in try await connection.query(
            "SELECT load, long_count FROM \(unescaped: schema).chat_route_operators WHERE operator_id = \(id) FOR UPDATE", logger: logger
        ).decode((Int32, Int32).self) { return (Int(load), Int(longCount)) }
        return (0, 0)
    }

    /// Gives the units of a taken conversation back to its operator (the caller holds the queue row's lock).
    private static func free(_ connection: PostgresConnection, _ schema: String, _ entry: CoordinatedConversation, logger: Logger) async throws {
        guard let operatorID = entry.operatorID else { return }
        let long = entry.requirements.kind == .long ? 1 : 0
        try await connection.query("""
            UPDATE \(unescaped: schema).chat_route_operators
            SET load = GREATEST(0, load - \(entry.cost)), long_count = GREATEST(0, long_count - \(long))
            WHERE operator_id = \(operatorID.rawValue)
            """, logger: logger)
    }

    public func enqueue(_ conversation: ConversationID, requirements: ConversationRequirements, emergency: Bool, at date: Date,
                        by instance: InstanceID) async throws(RoutingCoordinatorError) {
        let kind = emergency ? ConversationKind.short : requirements.kind
        try await call { connection, schema, logger in
            try await connection.query("""
                INSERT INTO \(unescaped: schema).chat_route_queue
                    (conversation, platform, language, kind, role, emergency, arrival, enqueued_at, instance_id)
                VALUES (\(conversation.rawValue), \(requirements.platform.rawValue), \(requirements.language), \(kind.rawValue),
                        \(requirements.role.rawValue), \(emergency), nextval('\(unescaped: schema).chat_route_arrival'),
                        \(date.timeIntervalSince1970), \(instance.rawValue))
                ON CONFLICT (conversation) DO NOTHING
                """, logger: logger)
            try await Self.notify(connection, logger: logger)
        }
    }

    @discardableResult
    public func raiseEmergency(_ conversation: ConversationID) async throws(RoutingCoordinatorError) -> Bool {
        try await call { connection, schema, logger in
            var raised = false
            for try await _ in try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_queue
                SET emergency = true, kind = CASE WHEN operator_id IS NULL THEN 'short' ELSE kind END
                WHERE conversation = \(conversation.rawValue) AND NOT emergency RETURNING conversation
                """, logger: logger).decode(String.self) { raised = true }
            if raised { try await Self.notify(connection, logger: logger) }
            return raised
        }
    }

    public func claim(for filter: ClaimFilter, by instance: InstanceID, at date: Date) async throws(RoutingCoordinatorError) -> CoordinatedConversation? {
        let platforms = filter.platforms.map(\.rawValue).sorted()
        let roles = filter.roles.map(\.rawValue).sorted()
        guard !platforms.isEmpty, !roles.isEmpty else { return nil }
        let languages = filter.languages.map { Array($0).sorted() } ?? []
        let anyLanguage = filter.languages == nil
        return try await call { connection, schema, logger in
            let held = try await Self.lockOperator(connection, schema, filter.operatorID, capacity: filter.capacity, logger: logger)
            guard held.longCount == 0 else { return nil }
            let free = filter.capacity - held.load
            let shortCost = filter.cost(of: .short)
            guard free >= shortCost else { return nil }
            let now = date.timeIntervalSince1970
            let operatorID = filter.operatorID.rawValue
            var found: CoordinatedConversation?
            // First a conversation kept for this operator after a crash (see `reclaim`), then the queue's
            // head, skipping what is kept for someone else.
            for try await row in try await connection.query("""
                SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).chat_route_queue
                WHERE operator_id IS NULL AND reserved_for = \(operatorID) AND reserved_until >= \(now)
                  AND platform = ANY(\(platforms)) AND role = ANY(\(roles))
                  AND (\(anyLanguage) OR language = ANY(\(languages)))
                  AND (CASE WHEN kind = 'long' THEN \(filter.capacity) ELSE \(shortCost) END) <= \(free)
                ORDER BY emergency DESC, arrival
                LIMIT 1 FOR UPDATE SKIP LOCKED
                """, logger: logger).decode(Row.self) { found = try Self.entry(row) }
            if found == nil {
                for try await row in try await connection.query("""
                    SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).chat_route_queue
                    WHERE operator_id IS NULL AND platform = ANY(\(platforms)) AND role = ANY(\(roles))
                      AND (\(anyLanguage) OR language = ANY(\(languages)))
                      AND (CASE WHEN kind = 'long' THEN \(filter.capacity) ELSE \(shortCost) END) <= \(free)
                      AND (reserved_for IS NULL OR reserved_for = \(operatorID) OR reserved_until < \(now))
                    ORDER BY emergency DESC, arrival
                    LIMIT 1 FOR UPDATE SKIP LOCKED
                    """, logger: logger).decode(Row.self) { found = try Self.entry(row) }
            }
            guard var entry = found else { return nil }
            let cost = filter.cost(of: entry.requirements.kind)
            let long = entry.requirements.kind == .long ? 1 : 0
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_queue SET operator_id = \(filter.operatorID.rawValue), instance_id = \(instance.rawValue),
                    cost = \(cost), reserved_for = NULL, reserved_until = NULL WHERE conversation = \(entry.conversation.rawValue)
                """, logger: logger)
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_operators SET load = load + \(cost), long_count = long_count + \(long)
                WHERE operator_id = \(filter.operatorID.rawValue)
                """, logger: logger)
            entry.operatorID = filter.operatorID
            entry.instance = instance
            entry.cost = cost
            return entry
        }
    }

    public func assign(_ conversation: ConversationID, to filter: ClaimFilter, by instance: InstanceID,
                       at date: Date) async throws(RoutingCoordinatorError) -> Bool {
        try await call { connection, schema, logger in
            guard let entry = try await Self.select(connection, schema, conversation, lock: true, logger: logger) else { return false }
            if entry.operatorID == filter.operatorID { return true }
            let held = try await Self.lockOperator(connection, schema, filter.operatorID, capacity: filter.capacity, logger: logger)
            let cost = filter.cost(of: entry.requirements.kind)
            guard held.longCount == 0, held.load + cost <= filter.capacity else { return false }
            try await Self.free(connection, schema, entry, logger: logger)
            let long = entry.requirements.kind == .long ? 1 : 0
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_queue SET operator_id = \(filter.operatorID.rawValue), instance_id = \(instance.rawValue),
                    cost = \(cost), reserved_for = NULL, reserved_until = NULL WHERE conversation = \(conversation.rawValue)
                """, logger: logger)
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_operators SET load = load + \(cost), long_count = long_count + \(long)
                WHERE operator_id = \(filter.operatorID.rawValue)
                """, logger: logger)
            if entry.operatorID != nil { try await Self.notify(connection, logger: logger) }
            return true
        }
    }

    public func requeue(_ conversation: ConversationID, requirements: ConversationRequirements, at date: Date,
                        by instance: InstanceID) async throws(RoutingCoordinatorError) {
        try await call { connection, schema, logger in
            guard let entry = try await Self.select(connection, schema, conversation, lock: true, logger: logger) else { return }
            try await Self.free(connection, schema, entry, logger: logger)
            let kind = entry.emergency ? ConversationKind.short : requirements.kind
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_queue
                SET operator_id = NULL, cost = 0, instance_id = \(instance.rawValue), platform = \(requirements.platform.rawValue),
                    reserved_for = NULL, reserved_until = NULL,
                    language = \(requirements.language), kind = \(kind.rawValue), role = \(requirements.role.rawValue),
                    enqueued_at = \(date.timeIntervalSince1970)
                WHERE conversation = \(conversation.rawValue)
                """, logger: logger)
            try await Self.notify(connection, logger: logger)
        }
    }

    public func convert(_ conversation: ConversationID, to kind: ConversationKind) async throws(RoutingCoordinatorError) {
        try await call { connection, schema, logger in
            guard let entry = try await Self.select(connection, schema, conversation, lock: true, logger: logger) else { return }
            guard let operatorID = entry.operatorID else {
                try await connection.query(
                    "UPDATE \(unescaped: schema).chat_route_queue SET kind = \(kind.rawValue) WHERE conversation = \(conversation.rawValue)",
                    logger: logger)
                return
            }
            var capacity = 0, load = 0
            for try await (c, l) in try await connection.query(
                "SELECT capacity, load FROM \(unescaped: schema).chat_route_operators WHERE operator_id = \(operatorID.rawValue) FOR UPDATE",
                logger: logger
            ).decode((Int32, Int32).self) { (capacity, load) = (Int(c), Int(l)) }
            let others = load - entry.cost
            let newCost = kind == .long ? max(entry.cost, capacity - others) : 1
            let longDelta = (kind == .long ? 1 : 0) - (entry.requirements.kind == .long ? 1 : 0)
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_queue SET kind = \(kind.rawValue), cost = \(newCost) WHERE conversation = \(conversation.rawValue)
                """, logger: logger)
            try await connection.query("""
                UPDATE \(unescaped: schema).chat_route_operators SET load = GREATEST(0, \(others + newCost)),
                    long_count = GREATEST(0, long_count + \(longDelta)) WHERE operator_id = \(operatorID.rawValue)
                """, logger: logger)
            if newCost < entry.cost { try await Self.notify(connection, logger: logger) }
        }
    }

    public func finish(_ conversation: ConversationID) async throws(RoutingCoordinatorError) {
        try await call { connection, schema, logger in
            guard let entry = try await Self.select(connection, schema, conversation, lock: true, logger: logger) else { return }
            try await Self.free(connection, schema, entry, logger: logger)
            try await connection.query(
                "DELETE FROM \(unescaped: schema).chat_route_queue WHERE conversation = \(conversation.rawValue)", logger: logger)
            if entry.operatorID != nil { try await Self.notify(connection, logger: logger) }
        }
    }

    public func entry(of conversation: ConversationID) async throws(RoutingCoordinatorError) -> CoordinatedConversation? {
        try await call { connection, schema, logger in try await Self.select(connection, schema, conversation, lock: false, logger: logger) }
    }

    public func position(of conversation: ConversationID) async throws(RoutingCoordinatorError) -> Int? {
        try await call { connection, schema, logger in
            var position: Int?
            for try await count in try await connection.query("""
                SELECT count(*) FROM \(unescaped: schema).chat_route_queue q
                JOIN \(unescaped: schema).chat_route_queue me ON me.conversation = \(conversation.rawValue) AND me.operator_id IS NULL
                WHERE q.operator_id IS NULL AND q.platform = me.platform
                  AND ((q.emergency AND NOT me.emergency) OR (q.emergency = me.emergency AND q.arrival <= me.arrival))
                """, logger: logger).decode(Int64.self) { position = count > 0 ? Int(count) : nil }
            return position
        }
    }

    public func load(of operatorID: OperatorID) async throws(RoutingCoordinatorError) -> Int {
        try await call { connection, schema, logger in
            for try await load in try await connection.query(
                "SELECT load FROM \(unescaped: schema).chat_route_operators WHERE operator_id = \(operatorID.rawValue)", logger: logger
            ).decode(Int32.self) { return Int(load) }
            return 0
        }
    }

    public func setPresence(_ filter: ClaimFilter, present: Bool, on instance: InstanceID) async throws(RoutingCoordinatorError) {
        let platforms = filter.platforms.map(\.rawValue).sorted()
        let roles = filter.roles.map(\.rawValue).sorted()
        let languages = filter.languages.map { Array($0).sorted() }
        try await call { connection, schema, logger in
            if present {
                try await connection.query("""
                    INSERT INTO \(unescaped: schema).chat_route_presence (operator_id, instance_id, platforms, roles, languages, capacity, short_cost)
                    VALUES (\(filter.operatorID.rawValue), \(instance.rawValue), \(platforms), \(roles), \(languages), \(filter.capacity), \(filter.shortCost))
                    ON CONFLICT (operator_id, instance_id) DO UPDATE SET platforms = EXCLUDED.platforms, roles = EXCLUDED.roles,
                        languages = EXCLUDED.languages, capacity = EXCLUDED.capacity, short_cost = EXCLUDED.short_cost
                    """, logger: logger)
            } else {
                try await connection.query("""
                    DELETE FROM \(unescaped: schema).chat_route_presence WHERE operator_id = \(filter.operatorID.rawValue) AND instance_id = \(instance.rawValue)
                    """, logger: logger)
            }
        }
    }

    public func presentStaff(at date: Date) async throws(RoutingCoordinatorError) -> [ClaimFilter] {
        try await call { connection, schema, logger in
            var staff: [ClaimFilter] = []
            for try await (operatorID, platforms, roles, languages, capacity, shortCost) in try await connection.query("""
                SELECT p.operator_id, p.platforms, p.roles, p.languages, p.capacity, p.short_cost FROM \(unescaped: schema).chat_route_presence p
                LEFT JOIN \(unescaped: schema).chat_route_instances i ON i.instance_id = p.instance_id
                WHERE i.instance_id IS NULL OR (NOT i.reclaimed AND i.expires_at >= \(date.timeIntervalSince1970))
                ORDER BY p.operator_id, p.instance_id
                """, logger: logger).decode((String, [String], [String], [String]?, Int32, Int32).self) {
                staff.append(ClaimFilter(operatorID: OperatorID(operatorID), capacity: Int(capacity),
                                         platforms: Set(platforms.compactMap(Platform.init(rawValue:))),
                                         languages: languages.map(Set.init), roles: Set(roles.compactMap(OperatorRole.init(rawValue:))),
                                         shortCost: Int(shortCost)))
            }
            return staff
        }
    }

    public func renewLease(of instance: InstanceID, for duration: TimeInterval, at date: Date) async throws(RoutingCoordinatorError) -> Bool {
        let now = date.timeIntervalSince1970
        return try await call { connection, schema, logger in
            var lost = false
            for try await (expiresAt, reclaimed) in try await connection.query(
                "SELECT expires_at, reclaimed FROM \(unescaped: schema).chat_route_instances WHERE instance_id = \(instance.rawValue) FOR UPDATE",
                logger: logger
            ).decode((Double, Bool).self) { lost = reclaimed || expiresAt < now }
            // Ran out before anyone reclaimed it: reclaimed now, so its conversations go back all the same.
            if lost { _ = try await Self.reclaim([instance.rawValue], at: now, connection, schema, logger: logger) }
            try await connection.query("""
                INSERT INTO \(unescaped: schema).chat_route_instances (instance_id, expires_at) VALUES (\(instance.rawValue), \(now + duration))
                ON CONFLICT (instance_id) DO UPDATE SET expires_at = EXCLUDED.expires_at, reclaimed = false
                """, logger: logger)
            return !lost
        }
    }

    public func reclaimExpired(at date: Date) async throws(RoutingCoordinatorError) -> [ConversationID] {
        try await call { connection, schema, logger in
            var dead: [String] = []
            for try await name in try await connection.query("""
                SELECT instance_id FROM \(unescaped: schema).chat_route_instances
                WHERE NOT reclaimed AND expires_at < \(date.timeIntervalSince1970) ORDER BY instance_id FOR UPDATE SKIP LOCKED
                """, logger: logger).decode(String.self) { dead.append(name) }
            guard !dead.isEmpty else { return [] }
            let sentBack = try await Self.reclaim(dead, at: date.timeIntervalSince1970, connection, schema, logger: logger)
            try await connection.query(
                "UPDATE \(unescaped: schema).chat_route_instances SET reclaimed = true WHERE instance_id = ANY(\(dead))", logger: logger)
            return sentBack
        }
    }

    /// Sends the conversations taken through `instances` back to the queue at their place and frees
    /// their operators' units; forgets the instances as routers and their operators' presence. A
    /// conversation whose operator is present on a live instance (they reconnected there) is kept for
    /// them until that instance's lease ends. The queue rows are locked before the operators' rows, as
    /// everywhere else.
    private static func reclaim(_ instances: [String], at now: Double, _ connection: PostgresConnection, _ schema: String,
                                logger: Logger) async throws -> [ConversationID] {
        var taken: [CoordinatedConversation] = []
        for try await row in try await connection.query("""
            SELECT \(unescaped: columns) FROM \(unescaped: schema).chat_route_queue
            WHERE instance_id = ANY(\(instances)) ORDER BY conversation FOR UPDATE
            """, logger: logger).decode(Row.self) {
            let entry = try entry(row)
            if entry.operatorID != nil { taken.append(entry) }
        }
        for entry in taken.sorted(by: { ($0.operatorID?.rawValue ?? "") < ($1.operatorID?.rawValue ?? "") }) {
            try await free(connection, schema, entry, logger: logger)
        }
        try await connection.query("""
            UPDATE \(unescaped: schema).chat_route_queue q SET reserved_for = q.operator_id, reserved_until = kept.until
            FROM (SELECT p.operator_id, MAX(i.expires_at) AS until
                  FROM \(unescaped: schema).chat_route_presence p
                  JOIN \(unescaped: schema).chat_route_instances i ON i.instance_id = p.instance_id
                  WHERE NOT i.reclaimed AND i.expires_at >= \(now) AND NOT (p.instance_id = ANY(\(instances)))
                  GROUP BY p.operator_id) kept
            WHERE q.instance_id = ANY(\(instances)) AND q.operator_id = kept.operator_id
            """, logger: logger)
        try await connection.query("""
            UPDATE \(unescaped: schema).chat_route_queue SET operator_id = NULL, cost = 0, instance_id = NULL
            WHERE instance_id = ANY(\(instances))
            """, logger: logger)
        try await connection.query("DELETE FROM \(unescaped: schema).chat_route_presence WHERE instance_id = ANY(\(instances))", logger: logger)
        if !taken.isEmpty { try await notify(connection, logger: logger) }
        return taken.sorted { $0.arrival < $1.arrival }.map(\.conversation)
    }
}
