import ChatProtocol
import Foundation
import Logging
import PostgresNIO

/// A ``ChatProtocol/ClusterRelay`` on PostgreSQL, for every server instance on the database.
///
/// - **Typing notices** are a `NOTIFY masecurite_chat` and nothing else: the payload
///   `typing:<instance>:<conversation>:<v|o>:<1|0>` (who types, whether they do) is never written to a
///   table and carries no content. ``ChatNotificationListener`` hands it to
///   ``ChatProtocol/ChatService/relayedTyping(_:from:)`` on every instance.
/// - **An escalation** is one row of `chat_escalations` (conversation, platform, source, time, instance:
///   metadata only), inserted with `ON CONFLICT DO NOTHING`: the first instance to raise a conversation's
///   emergency records it, any later try is a no-op and alerts nobody. In the same transaction, a
///   `NOTIFY` `alert:<instance>:<conversation>:<platform>:<source>:<seconds>` reaches every instance's
///   listener at commit (``ChatProtocol/ChatService/relayedAlert(_:from:)``).
///
/// The tables are created by ``PostgresConversationStore/migrate()`` (chat schema version 4).
public struct PostgresClusterRelay: ClusterRelay {
    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A relay in `schema` of the database behind `client` (which must be running).
    /// - Throws: ``ChatProtocol/RoutingCoordinatorError`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite",
                logger: Logger = Logger(label: "masecurite.chat.relay")) throws(RoutingCoordinatorError) {
        guard let quoted = PG.identifier(schema) else {
            throw RoutingCoordinatorError("the schema name '\(schema)' must use lowercase letters, digits and _")
        }
        self.client = client
        self.schema = quoted
        self.logger = logger
    }

    public func relayTyping(_ typing: Typing, from instance: InstanceID) async {
        guard let payload = Self.payload(typing, from: instance) else { return }
        do {
            // Read to the end, so the connection goes back to the pool at once.
            for try await _ in try await client.query("SELECT pg_notify(\(PostgresConversationStore.notificationChannel), \(payload))",
                                                      logger: logger) {}
        } catch {
            // Ephemeral by nature: a lost notice is not worth a retry. The error's type only (no data).
            logger.debug("typing notice not relayed", metadata: ["error": "\(type(of: error))"])
        }
    }

    public func escalate(_ alert: SupervisorAlert, from instance: InstanceID) async throws(RoutingCoordinatorError) -> Bool {
        guard let payload = Self.payload(alert, from: instance) else {
            throw RoutingCoordinatorError("an identifier of the alert cannot travel in a notification")
        }
        let schema = self.schema
        do {
            return try await PG.transaction(client, logger: logger) { connection in
                var recorded = false
                for try await _ in try await connection.query("""
                    INSERT INTO \(unescaped: schema).chat_escalations (conversation, platform, source, at, instance_id)
                    VALUES (\(alert.conversation.rawValue), \(alert.platform.rawValue), \(alert.source.rawValue),
                            \(alert.at.timeIntervalSince1970), \(instance.rawValue))
                    ON CONFLICT (conversation) DO NOTHING RETURNING conversation
                    """, logger: logger).decode(String.self) { recorded = true }
                if recorded {
                    try await connection.query("SELECT pg_notify(\(PostgresConversationStore.notificationChannel), \(payload))", logger: logger)
                }
                return recorded
            }
        } catch {
            throw RoutingCoordinatorError(PG.describe(error))
        }
    }

    /// The escalations recorded since `date` (oldest first), for every instance: metadata only.
    public func escalations(since date: Date) async throws(RoutingCoordinatorError) -> [(alert: SupervisorAlert, instance: InstanceID)] {
        let schema = self.schema
        do {
            var found: [(alert: SupervisorAlert, instance: InstanceID)] = []
            for try await (conversation, platform, source, at, instance) in try await client.query("""
                SELECT conversation, platform, source, at, instance_id FROM \(unescaped: schema).chat_escalations
                WHERE at >= \(date.timeIntervalSince1970) ORDER BY at, conversation
                """, logger: logger).decode((String, String, String, Double, String).self) {
                guard let platform = Platform(rawValue: platform), let source = EmergencySource(rawValue: source) else { continue }
                found.append((SupervisorAlert(conversation: ConversationID(conversation), platform: platform, source: source,
                                              at: Date(timeIntervalSince1970: at)), InstanceID(instance)))
            }
            return found
        } catch {
            throw RoutingCoordinatorError(PG.describe(error))
        }
    }

    // MARK: Payloads

    /// What a relayed notification says.
    public enum Signal: Sendable, Hashable {
        /// A typing notice, from an instance.
        case typing(Typing, from: InstanceID)
        /// A supervisor alert, from the instance that recorded the escalation.
        case alert(SupervisorAlert, from: InstanceID)
    }

    /// `typing:<instance>:<conversation>:<v|o>:<1|0>`; `nil` when an identifier cannot travel (or `by` is missing).
    public static func payload(_ typing: Typing, from instance: InstanceID) -> String? {
        guard let by = typing.by, isToken(instance.rawValue), isToken(typing.conversation.rawValue) else { return nil }
        return "typing:\(instance.rawValue):\(typing.conversation.rawValue):\(by == .visitor ? "v" : "o"):\(typing.active ? "1" : "0")"
    }

    /// `alert:<instance>:<conversation>:<platform>:<source>:<seconds>`; `nil` when an identifier cannot travel.
    public static func payload(_ alert: SupervisorAlert, from instance: InstanceID) -> String? {
        guard isToken(instance.rawValue), isToken(alert.conversation.rawValue) else { return nil }
        let seconds = String(format: "%.3f", alert.at.timeIntervalSince1970)
        return "alert:\(instance.rawValue):\(alert.conversation.rawValue):\(alert.platform.rawValue):\(alert.source.rawValue):\(seconds)"
    }

    /// Reads a `typing:` or `alert:` payload; `nil` for anything else or anything malformed.
    public static func parse(_ payload: String) -> Signal? {
        guard payload.utf8.count <= 512 else { return nil }
        let parts = payload.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "typing":
            guard parts.count == 5, isToken(parts[1]), isToken(parts[2]) else { return nil }
            let by: ParticipantRole
            switch parts[3] {
            case "v": by = .visitor
            case "o": by = .operator
            default: return nil
            }
            guard parts[4] == "1" || parts[4] == "0" else { return nil }
            return .typing(Typing(conversation: ConversationID(parts[2]), by: by, active: parts[4] == "1"), from: InstanceID(parts[1]))
        case "alert":
            guard parts.count == 6, isToken(parts[1]), isToken(parts[2]), let platform = Platform(rawValue: parts[3]),
                  let source = EmergencySource(rawValue: parts[4]), parts[5].utf8.count <= 24,
                  parts[5].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }),
                  let seconds = Double(parts[5]), seconds.isFinite else { return nil }
            return .alert(SupervisorAlert(conversation: ConversationID(parts[2]), platform: platform, source: source,
                                          at: Date(timeIntervalSince1970: seconds)), from: InstanceID(parts[1]))
        default:
            return nil
        }
    }

    /// 1 to 128 ASCII letters, digits, `_`, `-` or `.`.
    static func isToken(_ text: String) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 128 && bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }
}
