import Foundation

/// Decides whether a visitor's first message reveals an emergency. The SDK facade (`MaSecurite`)
/// provides `OrienteurEmergencyClassifier`, built on OrienteurKit's danger detection, and
/// `ChatService.withEscalation(…)`, which plugs it in; ChatProtocol itself does not depend on it.
public protocol EmergencyClassifier: Sendable {
    /// Whether `text` (the visitor's first message) calls for an emergency.
    func isEmergency(_ text: String) async -> Bool
}

/// Translates messages for a deployment that offers it. Both the original and the translation are kept.
public protocol Translator: Sendable {
    /// `text` translated from `source` (if known) into `target`, or `nil` when no translation is needed or possible.
    func translate(_ text: String, from source: String?, to target: String) async -> String?
}

/// What a supervisor is told when an emergency is raised: metadata only, never message contents.
public struct EmergencyNotice: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// Its platform.
    public var platform: Platform
    /// Who raised it.
    public var source: EmergencySource
    /// When.
    public var at: Date
    /// The operator's pseudonym if the conversation is taken.
    public var operatorPseudonym: String?

    /// Creates a notice.
    public init(conversation: ConversationID, platform: Platform, source: EmergencySource, at: Date, operatorPseudonym: String?) {
        self.conversation = conversation
        self.platform = platform
        self.source = source
        self.at = at
        self.operatorPseudonym = operatorPseudonym
    }
}

/// Receives emergencies (to dispatch a field intervention: 17 / 112 / 114). ``SupervisorDesk`` is
/// the SDK's implementation: alerts to connected supervisors and an escalation log.
public protocol SupervisorHook: Sendable {
    /// Called once per emergency raised.
    func emergencyRaised(_ notice: EmergencyNotice) async
}
