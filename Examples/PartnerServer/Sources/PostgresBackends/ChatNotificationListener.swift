import ChatProtocol
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Tells a ``ChatService`` about chat events that other instances stored, by listening to the
/// `NOTIFY` that ``PostgresConversationStore`` sends at each commit (`conversation:seq`).
///
/// It runs as a service (ServiceLifecycle) beside the server, on one dedicated connection:
/// - each well-formed payload becomes ``ChatService/storeDidAppend(to:upTo:)``; `route` (sent by
///   ``PostgresRoutingCoordinator`` when the cluster's queue changed) becomes
///   ``ChatService/queueDidChange()``; `typing:…` and `alert:…` (sent by ``PostgresClusterRelay``)
///   become ``ChatService/relayedTyping(_:from:)`` and ``ChatService/relayedAlert(_:from:)``; a
///   malformed one is ignored, and nothing of it is logged;
/// - each time `LISTEN` is in place (at start and after every reconnection) it calls
///   ``ChatService/resynchronize()``, so events announced while nobody listened are read back;
/// - a lost connection (error, or no answer to the periodic health check) is reopened after a
///   growing delay (0.1 s doubling up to 5 s); graceful shutdown stops it.
public struct ChatNotificationListener: Service {
    private let configuration: PostgresConnection.Configuration
    private let chat: ChatService
    private let logger: Logger
    private let healthCheckInterval: Duration
    private let relay: PostgresClusterRelay?

    /// How far back the escalations are read again each time `LISTEN` is in place (their alerts may have
    /// been announced while nobody listened).
    public static let alertReplayWindow: TimeInterval = 300

    /// A listener for `chat`, connecting with `configuration`; the connection is checked every `healthCheckInterval`.
    /// With `relay`, the escalations of the last ``alertReplayWindow`` seconds are read again each time
    /// `LISTEN` is in place, so a supervisor connected here misses no alert (each still alerts once).
    public init(configuration: PostgresConnection.Configuration, chat: ChatService, logger: Logger,
                healthCheckInterval: Duration = .seconds(15), relay: PostgresClusterRelay? = nil) {
        self.relay = relay
        var configuration = configuration
        configuration.options.additionalStartupParameters.append(("application_name", Self.applicationName))
        self.configuration = configuration
        self.chat = chat
        self.logger = logger
        self.healthCheckInterval = healthCheckInterval
    }

    /// The `application_name` of the listening connection (as `pg_stat_activity` shows it).
    public static let applicationName = "masecurite-chat-listener"

    /// Reads `conversation:seq`; `nil` for anything else (empty or oversized identifier, characters
    /// other than letters, digits, `_` and `-`, a sequence that is not a positive decimal number).
    public static func parse(_ payload: String) -> (conversation: ConversationID, sequence: UInt64)? {
        let bytes = payload.utf8
        guard bytes.count <= 160, let colon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = bytes[..<colon], digits = bytes[bytes.index(after: colon)...]
        guard !name.isEmpty, name.count <= 128, !digits.isEmpty, digits.count <= 20,
              name.allSatisfy({ byte in
                  (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
              }),
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let sequence = UInt64(String(decoding: digits, as: UTF8.self)), sequence > 0 else { return nil }
        return (ConversationID(String(decoding: name, as: UTF8.self)), sequence)
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.listenUntilCancelled() }
        } catch is CancellationError {
            return
        }
    }

    private func listenUntilCancelled() async throws {
        var delay = Duration.milliseconds(100)
        var connectionID = 0
        while !Task.isCancelled {
            connectionID += 1
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: connectionID, logger: logger)
                do {
                    try await listen(on: connection) { delay = .milliseconds(100) }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                // The error's type only: a server message could quote data.
                logger.warning("chat notifications interrupted; listening again", metadata: ["error": "\(type(of: error))", "retry": "\(delay)"])
            }
            try await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }

    /// Listens on `connection` until it fails; `listening` runs once `LISTEN` is in place.
    private func listen(on connection: PostgresConnection, listening: () -> Void) async throws {
        let chat = self.chat
        let logger = self.logger
        let interval = healthCheckInterval
        try await connection.listen(on: PostgresConversationStore.notificationChannel) { notifications in
            listening()
            logger.debug("listening for chat notifications")
            // Anything appended while nobody listened was announced in vain: read it back.
            await chat.resynchronize()
            // Alerts too (ChatService alerts each escalation once, however often it is read).
            if let relay = self.relay,
               let recent = try? await relay.escalations(since: Date().addingTimeInterval(-Self.alertReplayWindow)) {
                for (alert, origin) in recent { await chat.relayedAlert(alert, from: origin) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await notification in notifications {
                        if notification.payload.hasPrefix("typing:") || notification.payload.hasPrefix("alert:") {
                            // Another instance's typing notice or supervisor alert (PostgresClusterRelay); ours are ignored there.
                            switch PostgresClusterRelay.parse(notification.payload) {
                            case .typing(let typing, let origin)?: await chat.relayedTyping(typing, from: origin)
                            case .alert(let alert, let origin)?: await chat.relayedAlert(alert, from: origin)
                            case nil: break
                            }
                            continue
                        }
                        if notification.payload == PostgresRoutingCoordinator.routeNotification {
                            // The cluster's queue changed: claim what the operators connected here may now take.
                            await chat.queueDidChange()
                            continue
                        }
                        guard let (conversation, sequence) = Self.parse(notification.payload) else { continue }
                        await chat.storeDidAppend(to: conversation, upTo: sequence)
                    }
                    throw ChatNotificationListenerError.connectionClosed
                }
                group.addTask {
                    // A connection cut without a reset (network partition) would otherwise stay silent forever.
                    while true {
                        try await Task.sleep(for: interval)
                        try await connection.query("SELECT 1", logger: logger)
                    }
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        }
    }
}

/// Why ``ChatNotificationListener`` is listening again.
public enum ChatNotificationListenerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server ended the notification stream (the connection closed).
    case connectionClosed

    public var description: String {
        switch self {
        case .connectionClosed: "the PostgreSQL connection carrying chat notifications closed"
        }
    }
}
