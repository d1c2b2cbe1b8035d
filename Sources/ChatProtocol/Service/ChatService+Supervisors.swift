import Foundation

/// Supervisors: the hook told of each emergency, and the `supervisor_alert` frame for the
/// supervisors connected to this instance and, through a ``ClusterRelay``, to every other one.
/// Metadata only, never message contents.
extension ChatService {
    /// Tells the ``SupervisorHook`` (if any) that an emergency was raised in a conversation.
    func notifySupervisor(_ id: ConversationID, source: EmergencySource, at date: Date) async {
        guard let supervisor else { return }
        var platform = engine.requirements(of: id)?.platform
        if platform == nil, let recordStore {
            // A conversation another instance routes (or routed: it may be gone).
            platform = try? await recordStore.record(of: id)?.platform
        }
        guard let platform else { return }
        await supervisor.emergencyRaised(EmergencyNotice(conversation: id, platform: platform, source: source, at: date,
                                                         operatorPseudonym: engine.operatorOf(id)?.pseudonym))
    }

    /// Sends a `supervisor_alert` frame (conversation, platform, source, time) to every connection
    /// here of an operator whose role is ``OperatorRole/supervisor``; returns how many connections got it.
    ///
    /// ``SupervisorDesk`` reaches it through ``escalate(_:)``; a deployment with its own
    /// ``SupervisorHook`` may call either.
    @discardableResult
    public func alertSupervisors(_ alert: SupervisorAlert) -> Int {
        var alerted = 0
        for operatorID in engine.operatorIDs where engine.profile(of: operatorID)?.role == .supervisor {
            for connection in clients.connections(of: operatorID) {
                clients.send(.supervisorAlert(alert), to: connection)
                alerted += 1
            }
        }
        return alerted
    }

    /// Escalates an emergency: with a ``ClusterRelay``, records it once for the cluster and alerts the
    /// supervisors connected to the other instances; then alerts those connected here. Returns how many
    /// connections here got the alert, or `nil` (alerting nobody) when another instance escalated
    /// this conversation already. Should the relay fail, the supervisors here are alerted all the same.
    public func escalate(_ alert: SupervisorAlert) async -> Int? {
        if let relay {
            do {
                guard try await relay.escalate(alert, from: instance) else { return nil }
            } catch {
                // The cluster could not be told: an alert here is better than none.
            }
        }
        rememberAlert(alert.conversation)
        return alertSupervisors(alert)
    }

    /// An alert relayed from another instance of the cluster (``ClusterRelay``): the supervisors
    /// connected here get it, once per escalation even when it is read again (a transport may replay
    /// recent escalations after its notifications were interrupted). One this instance relayed itself
    /// is ignored (it alerted here already). Returns how many connections got it.
    @discardableResult
    public func relayedAlert(_ alert: SupervisorAlert, from origin: InstanceID) -> Int {
        guard origin != instance, alertedEscalations[alert.conversation] == nil else { return 0 }
        rememberAlert(alert.conversation)
        return alertSupervisors(alert)
    }

    /// Remembers an alerted escalation; forgets those older than a day once there are many.
    private func rememberAlert(_ conversation: ConversationID) {
        let now = clock.now()
        alertedEscalations[conversation] = now
        if alertedEscalations.count > 4_096 {
            alertedEscalations = alertedEscalations.filter { now.timeIntervalSince($0.value) < 86_400 }
        }
    }
}
