import Foundation

/// A text with its optional machine translation: both are kept, the original is authoritative.
public struct Translation: Sendable, Codable, Hashable {
    /// The language of ``text`` (BCP 47, e.g. `fr`).
    public var language: String
    /// The translated text.
    public var text: String

    /// Creates a translation.
    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}

/// One event of a conversation, as stored (append-only) and delivered with its sequence number.
///
/// Typing notices are not conversation events: they are never stored.
public enum ConversationEvent: Sendable, Hashable {
    /// A message from the visitor, with the client's transaction id (idempotent resend).
    case visitorMessage(clientTransactionID: String, text: String, translation: Translation?)
    /// A message from an operator, shown under the operator's pseudonym.
    case operatorMessage(clientTransactionID: String, pseudonym: String, text: String, translation: Translation?)
    /// The visitor or operator received every event up to `upTo`.
    case delivered(by: ParticipantRole, upTo: UInt64)
    /// The visitor or operator read every event up to `upTo`.
    case read(by: ParticipantRole, upTo: UInt64)
    /// The conversation waits in the queue of `platform` at `position` (1 = next).
    case queued(platform: Platform, position: Int, estimatedWaitSeconds: Int)
    /// An operator took the conversation; visitors only ever see the pseudonym.
    case assigned(pseudonym: String, role: OperatorRole)
    /// The conversation moved to another platform, operator or role; the note is for operators only.
    case transferred(platform: Platform, toPseudonym: String?, toRole: OperatorRole?, note: String?)
    /// The operator put the conversation on hold.
    case onHold
    /// The conversation is active again after a hold.
    case resumed
    /// The conversation changed kind (short ↔ long) and so its capacity cost.
    case converted(kind: ConversationKind)
    /// An emergency was raised: the conversation jumps the queue and a supervisor is told.
    case emergencyRaised(source: EmergencySource)
    /// The conversation ended.
    case closed(reason: CloseReason)
    /// Nobody present (connected, on shift, not paused) serves the conversation's platform: it
    /// waits for someone who does, and the visitor is given numbers to call or text meanwhile.
    /// A `queued` event follows when someone who serves it arrives.
    case unstaffed(platform: Platform, helpLines: [HelpLine])
    /// An operator wants to attach the messages `fromSequence…toSequence` to a signalement: the
    /// visitor is asked, in `language`, for what `purpose`, until `expiresAt`. Never the draft itself.
    case consentRequested(request: String, purpose: String, language: String, fromSequence: UInt64, toSequence: UInt64, expiresAt: Date)
    /// The visitor answered the consent request `request`.
    case consentAnswered(request: String, answer: ConsentAnswer)
    /// The signalement of request `request` was filed, with the excerpt only when `consent` is
    /// ``ConsentOutcome/granted``. The receipt (reference and unit) is for operators only: visitors
    /// get the event without it.
    case signalementFiled(request: String, consent: ConsentOutcome, receipt: ChatSignalementReceipt?)

    /// The wire `type` of this event.
    public var typeName: String {
        switch self {
        case .visitorMessage: "visitor_message"
        case .operatorMessage: "operator_message"
        case .delivered: "delivered"
        case .read: "read"
        case .queued: "queued"
        case .assigned: "assigned"
        case .transferred: "transferred"
        case .onHold: "on_hold"
        case .resumed: "resumed"
        case .converted: "converted"
        case .emergencyRaised: "emergency_raised"
        case .closed: "closed"
        case .unstaffed: "unstaffed"
        case .consentRequested: "consent_requested"
        case .consentAnswered: "consent"
        case .signalementFiled: "signalement_filed"
        }
    }

    /// The client transaction id of a message event, if any.
    public var clientTransactionID: String? {
        switch self {
        case .visitorMessage(let id, _, _), .operatorMessage(let id, _, _, _): id
        default: nil
        }
    }
}

/// A stored event with its place in the conversation.
public struct SequencedEvent: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The strictly increasing sequence number (1, 2, 3… per conversation).
    public var sequence: UInt64
    /// When the server stored it.
    public var at: Date
    /// What happened.
    public var event: ConversationEvent

    /// Creates a sequenced event.
    public init(conversation: ConversationID, sequence: UInt64, at: Date, event: ConversationEvent) {
        self.conversation = conversation
        self.sequence = sequence
        self.at = at
        self.event = event
    }
}
