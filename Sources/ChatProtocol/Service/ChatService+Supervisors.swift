import Foundation

/// Supervisors: the hook told of each emergency, and the `supervisor_alert` frame for the
/// supervisors connected to this instance. Metadata only, never message contents.
extension ChatService {
    /// Tells the ``SupervisorHook`` (if any) that an emergency was raised in a conversation this instance routes.
    func notifySupervisor(_ id: ConversationID, source: EmergencySource, at date: Date) async {
        guard let supervisor, let platform = engine.requirements(of: id)?.platform else { return }
        await supervisor.emergencyRaised(EmergencyNotice(conversation: id, platform: platform, source: source, at: date,
                                                         operatorPseudonym: engine.operatorOf(id)?.pseudonym))
    }

    /// Sends a `supervisor_alert` frame (conversation, platform, source, time) to every connection of
    /// an operator whose role is ``OperatorRole/supervisor``; returns how many connections got it.
    ///
    /// ``SupervisorDesk`` calls it for each emergency; a deployment with its own ``SupervisorHook``
    /// may call it too.
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
}
