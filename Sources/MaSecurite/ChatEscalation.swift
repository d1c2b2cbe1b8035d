import ChatProtocol
import Foundation
import OrienteurKit

/// The chat's ``EmergencyClassifier`` built on OrienteurKit's danger detection: a visitor's first
/// message that ``EmergencyDetector`` reads as a danger happening now (« il me frappe en ce moment »,
/// « au secours »…) raises an emergency, so the conversation jumps the queue and the supervisors are alerted.
///
/// It reads the message exactly as ``Orienteur/ask(_:language:limit:)`` does (the words and the
/// situation of the leaves found, with the content's `danger` marks), so it improves with the content
/// and the detector. Nothing is logged.
public struct OrienteurEmergencyClassifier: EmergencyClassifier {
    private let orienteur: Orienteur

    /// Creates a classifier over `orienteur` (share the guichet's: its search indexes are the costly part).
    public init(orienteur: Orienteur) {
        self.orienteur = orienteur
    }

    /// A classifier over the bundled content.
    public static func bundled() throws(ContentLoadError) -> OrienteurEmergencyClassifier {
        OrienteurEmergencyClassifier(orienteur: try Orienteur.bundled())
    }

    /// Whether the orienteur reads a danger happening now in `text`.
    public func isEmergency(_ text: String) async -> Bool {
        orienteur.ask(text, limit: 3).emergency != nil
    }
}

extension ChatService {
    /// A chat service with escalation wired in, as the SDK facade recommends: visitors' first messages
    /// go through OrienteurKit's danger detection (``OrienteurEmergencyClassifier``), and each emergency
    /// alerts the connected supervisors and is recorded by `desk` (attached to the new service). With a
    /// `coordinator`, the service routes from the cluster's one queue as `instance`; with a `relay`,
    /// typing notices and supervisor alerts reach the other instances (each escalation recorded once),
    /// and with a `rateLimiter` a visitor's messages are counted once over every instance. With
    /// `signalements` (a ``ChatSignalementDesk``), operators turn conversations into signalements.
    ///
    /// ```swift
    /// let desk = SupervisorDesk()
    /// let chat = await ChatService.withEscalation(classifier: try OrienteurEmergencyClassifier.bundled(), desk: desk)
    /// try await chat.registerOperator(OperatorProfile(id: OperatorID("sup-1"), pseudonym: "Superviseur 1", role: .supervisor))
    /// // … later: await desk.escalations()
    /// ```
    public static func withEscalation(configuration: Configuration = .init(), store: any ConversationStore = InMemoryConversationStore(),
                                      clock: any WallClock = SystemWallClock(), translator: (any Translator)? = nil,
                                      classifier: any EmergencyClassifier,
                                      desk: SupervisorDesk = SupervisorDesk(),
                                      coordinator: (any RoutingCoordinator)? = nil, instance: InstanceID = .random(),
                                      relay: (any ClusterRelay)? = nil, rateLimiter: (any VisitorRateLimiter)? = nil,
                                      signalements: (any ChatSignalementFiler)? = nil) async -> ChatService {
        let service = ChatService(configuration: configuration, store: store, clock: clock, classifier: classifier,
                                  translator: translator, supervisor: desk, coordinator: coordinator, instance: instance,
                                  relay: relay, rateLimiter: rateLimiter, signalements: signalements)
        await desk.attach(to: service)
        return service
    }
}
