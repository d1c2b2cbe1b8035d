import ChatProtocol
import Foundation
import OrienteurKit

/// The chat's ``EmergencyClassifier`` built on OrienteurKit's danger detection: a visitor's first
/// message that ``EmergencyDetector`` reads as a danger happening now (« il me frappe en ce moment »,
/// « au secours »…) raises an emergency, so the conversation jumps the queue and the supervisors are alerted.
///
/// It uses the detector's language and cues as they are (``EmergencyDetector/detect(_:)``), so it
/// improves with them. Nothing is logged.
public struct OrienteurEmergencyClassifier: EmergencyClassifier {
    private let detector: EmergencyDetector

    /// Creates a classifier over `detector`.
    public init(detector: EmergencyDetector = EmergencyDetector()) {
        self.detector = detector
    }

    /// Whether the detector finds a danger happening now in `text`.
    public func isEmergency(_ text: String) async -> Bool {
        detector.detect(text) != nil
    }
}

extension ChatService {
    /// A chat service with escalation wired in, as the SDK facade recommends: visitors' first messages
    /// go through OrienteurKit's danger detection (``OrienteurEmergencyClassifier``), and each emergency
    /// alerts the connected supervisors and is recorded by `desk` (attached to the new service).
    ///
    /// ```swift
    /// let desk = SupervisorDesk()
    /// let chat = await ChatService.withEscalation(desk: desk)
    /// try await chat.registerOperator(OperatorProfile(id: OperatorID("sup-1"), pseudonym: "Superviseur 1", role: .supervisor))
    /// // … later: await desk.escalations()
    /// ```
    public static func withEscalation(configuration: Configuration = .init(), store: any ConversationStore = InMemoryConversationStore(),
                                      clock: any WallClock = SystemWallClock(), translator: (any Translator)? = nil,
                                      desk: SupervisorDesk = SupervisorDesk(),
                                      classifier: any EmergencyClassifier = OrienteurEmergencyClassifier()) async -> ChatService {
        let service = ChatService(configuration: configuration, store: store, clock: clock, classifier: classifier,
                                  translator: translator, supervisor: desk)
        await desk.attach(to: service)
        return service
    }
}
