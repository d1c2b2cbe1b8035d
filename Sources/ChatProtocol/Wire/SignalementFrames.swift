import Foundation

/// `signalement`: an operator turns the conversation, or a range of its messages, into a
/// signalement for the territorially competent unit.
///
/// The draft (``insee`` and ``fields``) goes to the deployment's ``ChatSignalementFiler`` only: it
/// is never stored in the conversation nor shown to the visitor. With ``excerpt``, the visitor is
/// first asked whether the messages ``fromSequence`` … ``toSequence`` may be attached
/// (`consent_requested`); without their `yes` (a `no`, no answer in time, the visitor gone) the
/// signalement is filed without them. Everyone then sees `signalement_filed`.
public struct ChatSignalementRequest: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The operator's id for this request (1 to 128 bytes, unique in the conversation): sending the
    /// same request again files it once.
    public var clientTransactionID: String
    /// The INSEE code of the commune where it happens (checked by the filer).
    public var insee: String
    /// The operator's draft: field name → value, as the deployment's kind of chat signalement
    /// defines them (e.g. `place`, `when`, `description`); checked by the filer.
    public var fields: [String: String]
    /// The first message of the excerpt (default: the first event of the conversation).
    public var fromSequence: UInt64?
    /// The last message of the excerpt (default: the last event when the request arrives).
    public var toSequence: UInt64?
    /// Whether to ask the visitor to attach the excerpt (default `true`).
    public var excerpt: Bool

    /// Creates a request.
    public init(conversation: ConversationID, clientTransactionID: String, insee: String, fields: [String: String],
                fromSequence: UInt64? = nil, toSequence: UInt64? = nil, excerpt: Bool = true) {
        self.conversation = conversation
        self.clientTransactionID = clientTransactionID
        self.insee = insee
        self.fields = fields
        self.fromSequence = fromSequence
        self.toSequence = toSequence
        self.excerpt = excerpt
    }
}

/// The visitor's answer to a consent request.
public enum ConsentAnswer: String, Sendable, Codable, CaseIterable, Hashable {
    /// The excerpt may be attached.
    case yes
    /// It may not.
    case no
}

/// `consent`, sent by the visitor: their answer to the `consent_requested` event named ``request``.
public struct ConsentReply: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The request answered (the `request` of `consent_requested`).
    public var request: String
    /// Yes or no.
    public var answer: ConsentAnswer

    /// Creates an answer.
    public init(conversation: ConversationID, request: String, answer: ConsentAnswer) {
        self.conversation = conversation
        self.request = request
        self.answer = answer
    }
}

/// How a consent request ended, as `signalement_filed` says it. Only ``granted`` attaches the excerpt.
public enum ConsentOutcome: String, Sendable, Codable, CaseIterable, Hashable {
    /// The visitor said yes: the excerpt is attached.
    case granted
    /// The visitor said no.
    case refused
    /// The visitor did not answer in time (``ChatService/Configuration/consentTimeout``).
    case timeout
    /// The visitor's last connection (to the instance holding the request) closed while they were
    /// asked, before they answered.
    case visitorGone = "visitor_gone"
    /// The conversation ended (closed or left) before the visitor answered.
    case conversationEnded = "conversation_ended"
    /// The operator did not ask for the excerpt.
    case notRequested = "not_requested"

    /// Whether the excerpt is attached: only after a `yes`.
    public var attachesExcerpt: Bool { self == .granted }
}

/// What the filer answered: the signalement's reference and the unit it goes to. Shown to the
/// conversation's operators in `signalement_filed`, never to the visitor.
public struct ChatSignalementReceipt: Sendable, Hashable, Codable {
    /// The signalement's reference (e.g. `S-K7QM-4XTR-9BWE-2HPA-ZC3N`).
    public var reference: String
    /// The name of the unit it goes to.
    public var unit: String
    /// Whether the unit was only estimated (not the ministry's official assignment).
    public var approximate: Bool

    /// Creates a receipt.
    public init(reference: String, unit: String, approximate: Bool) {
        self.reference = reference
        self.unit = unit
        self.approximate = approximate
    }
}
