import Foundation

/// What the instances of a cluster tell each other without storing it as a conversation event:
/// typing notices (ephemeral: never stored, no content) and supervisor alerts (each escalation
/// recorded once for the whole cluster, its alert shown once on every supervisor connection).
///
/// ``ChatService`` sends through it; the transport that carries the relay's messages calls
/// ``ChatService/relayedTyping(_:from:)`` and ``ChatService/relayedAlert(_:from:)`` on every
/// instance when they arrive (an instance ignores what it sent itself: it delivered it already).
/// ``InMemoryClusterRelay`` serves the instances of one process (and the tests); the partner server
/// has one on PostgreSQL (`NOTIFY` for both, an escalation table for the record).
public protocol ClusterRelay: Sendable {
    /// Sends a typing notice (its `by` filled by the service) to the other instances. Never stored;
    /// best effort: a notice lost on the way is not sent again.
    func relayTyping(_ typing: Typing, from instance: InstanceID) async

    /// Records the escalation of `alert.conversation` once for the whole cluster, then sends the alert
    /// to the other instances. Returns `false`, sending nothing, when that conversation's escalation
    /// was recorded already (another instance raised it first).
    func escalate(_ alert: SupervisorAlert, from instance: InstanceID) async throws(RoutingCoordinatorError) -> Bool
}

/// A ``ClusterRelay`` for the ``ChatService`` instances of one process: it hands each typing notice and
/// alert to every attached service, and keeps the escalations it recorded (oldest first).
public actor InMemoryClusterRelay: ClusterRelay {
    private struct Weak {
        weak var service: ChatService?
    }

    private var services: [Weak] = []
    private var escalated: Set<ConversationID> = []
    /// The escalations recorded, oldest first (metadata only).
    public private(set) var escalations: [SupervisorAlert] = []

    /// Creates a relay with no service attached.
    public init() {}

    /// Adds a service to those that receive the cluster's typing notices and alerts (held weakly).
    public func attach(_ service: ChatService) {
        services.removeAll { $0.service == nil }
        services.append(Weak(service: service))
    }

    public func relayTyping(_ typing: Typing, from instance: InstanceID) async {
        for entry in services {
            await entry.service?.relayedTyping(typing, from: instance)
        }
    }

    public func escalate(_ alert: SupervisorAlert, from instance: InstanceID) async throws(RoutingCoordinatorError) -> Bool {
        guard escalated.insert(alert.conversation).inserted else { return false }
        escalations.append(alert)
        for entry in services {
            await entry.service?.relayedAlert(alert, from: instance)
        }
        return true
    }
}
