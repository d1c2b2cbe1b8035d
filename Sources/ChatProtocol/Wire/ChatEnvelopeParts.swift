import Foundation

/// `hello`: the first frame of a connection. A visitor without token starts a new
/// conversation; with its token, conversation and last received sequence number it resumes.
public struct Hello: Sendable, Hashable {
    /// Who connects.
    public var role: ParticipantRole
    /// The visitor's token when resuming; `nil` for a new visitor.
    public var token: VisitorToken?
    /// The operator's identifier (the transport authenticates operators).
    public var operatorID: OperatorID?
    /// The conversation to resume.
    public var conversation: ConversationID?
    /// The last sequence number the client received; events after it are replayed in order.
    public var lastSequence: UInt64?
    /// The platform a new visitor chose.
    public var platform: Platform?
    /// The visitor's language (BCP 47, e.g. `fr`, `en`).
    public var language: String?

    /// Creates a hello frame.
    public init(role: ParticipantRole, token: VisitorToken? = nil, operatorID: OperatorID? = nil,
                conversation: ConversationID? = nil, lastSequence: UInt64? = nil,
                platform: Platform? = nil, language: String? = nil) {
        self.role = role
        self.token = token
        self.operatorID = operatorID
        self.conversation = conversation
        self.lastSequence = lastSequence
        self.platform = platform
        self.language = language
    }

    /// A new anonymous visitor on `platform`.
    public static func newVisitor(platform: Platform = .tchat, language: String = "fr") -> Hello {
        Hello(role: .visitor, platform: platform, language: language)
    }
}

/// `welcome`: the server's answer to `hello`, with the visitor's token and conversation
/// and the server's latest sequence number.
public struct Welcome: Sendable, Hashable {
    /// Who is connected.
    public var role: ParticipantRole
    /// The visitor's token (keep it to resume).
    public var token: VisitorToken?
    /// The visitor's conversation.
    public var conversation: ConversationID?
    /// The latest sequence number of the conversation (0 for none yet).
    public var lastSequence: UInt64

    /// Creates a welcome frame.
    public init(role: ParticipantRole, token: VisitorToken?, conversation: ConversationID?, lastSequence: UInt64) {
        self.role = role
        self.token = token
        self.conversation = conversation
        self.lastSequence = lastSequence
    }
}

/// `visitor_message` / `operator_message` sent by a client (no `seq` yet).
public struct SendMessage: Sendable, Hashable {
    /// Who sends (the wire type says it).
    public var role: ParticipantRole
    /// The conversation.
    public var conversation: ConversationID
    /// The client's transaction id: resending with the same id stores the message once.
    public var clientTransactionID: String
    /// The text (at most ``MessageLimits/maximumCharacters`` characters).
    public var text: String

    /// Creates a message frame.
    public init(role: ParticipantRole, conversation: ConversationID, clientTransactionID: String, text: String) {
        self.role = role
        self.conversation = conversation
        self.clientTransactionID = clientTransactionID
        self.text = text
    }
}

/// `typing`: someone is (or stopped) typing. Never stored.
public struct Typing: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// Who types (set by the server when forwarding).
    public var by: ParticipantRole?
    /// Whether they are typing.
    public var active: Bool

    /// Creates a typing frame.
    public init(conversation: ConversationID, by: ParticipantRole? = nil, active: Bool) {
        self.conversation = conversation
        self.by = by
        self.active = active
    }
}

/// `delivered` / `read` sent by a client: everything up to `upTo` was received or read.
public struct Marker: Sendable, Hashable {
    /// Which marker.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Received.
        case delivered
        /// Read.
        case read
    }

    /// Which marker.
    public var kind: Kind
    /// The conversation.
    public var conversation: ConversationID
    /// The highest sequence number covered.
    public var upTo: UInt64

    /// Creates a marker frame.
    public init(kind: Kind, conversation: ConversationID, upTo: UInt64) {
        self.kind = kind
        self.conversation = conversation
        self.upTo = upTo
    }
}

/// An action a client asks for on a conversation.
public enum ConversationAction: Sendable, Hashable {
    /// `emergency`: « je suis en danger » (visitor) or an operator's escalation.
    case emergency(ConversationID)
    /// `leave`: the visitor leaves (abandons if still waiting, closes otherwise).
    case leave(ConversationID)
    /// `hold`: the operator puts the conversation on hold.
    case hold(ConversationID)
    /// `resume`: the operator takes the conversation back from hold.
    case resume(ConversationID)
    /// `close`: the operator closes the conversation.
    case close(ConversationID)
    /// `transfer`: to another platform, operator or role (psychologist), with a note for the next operator.
    case transfer(ConversationID, TransferTarget, note: String?)
    /// `convert`: the conversation becomes short or long (changes its capacity cost).
    case convert(ConversationID, ConversationKind)

    /// The conversation the action is about.
    public var conversation: ConversationID {
        switch self {
        case .emergency(let id), .leave(let id), .hold(let id), .resume(let id), .close(let id),
             .transfer(let id, _, _), .convert(let id, _): id
        }
    }
}

/// Where a transfer goes.
public enum TransferTarget: Sendable, Hashable {
    /// Back to the waiting queue of a platform.
    case platform(Platform)
    /// Directly to one operator (who must have room).
    case `operator`(OperatorID)
    /// To the next available operator with a role, e.g. the psychologist (warm hand-off).
    case role(OperatorRole, Platform)
}

/// `ack`: the server stored a client's message under `sequence`. A resend of the same
/// transaction id gets the original sequence number with `duplicate: true`.
public struct Ack: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The client's transaction id.
    public var clientTransactionID: String
    /// The sequence number of the stored message.
    public var sequence: UInt64
    /// Whether the message had already been stored.
    public var duplicate: Bool

    /// Creates an ack.
    public init(conversation: ConversationID, clientTransactionID: String, sequence: UInt64, duplicate: Bool) {
        self.conversation = conversation
        self.clientTransactionID = clientTransactionID
        self.sequence = sequence
        self.duplicate = duplicate
    }
}

/// `supervisor_alert`: an emergency was raised in a conversation. Sent to the connected
/// supervisors (operators whose role is ``OperatorRole/supervisor``) so that a field
/// intervention can be dispatched. Metadata only: never message contents, never the visitor's token.
public struct SupervisorAlert: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// Its platform.
    public var platform: Platform
    /// Who raised the emergency (the visitor's button, the operator, or the classifier).
    public var source: EmergencySource
    /// When it was raised.
    public var at: Date

    /// Creates an alert.
    public init(conversation: ConversationID, platform: Platform, source: EmergencySource, at: Date) {
        self.conversation = conversation
        self.platform = platform
        self.source = source
        self.at = at
    }

    /// The alert for a notice (its metadata, without the operator's pseudonym).
    public init(_ notice: EmergencyNotice) {
        self.init(conversation: notice.conversation, platform: notice.platform, source: notice.source, at: notice.at)
    }
}

/// `error`: what went wrong, with a stable code. The connection stays open.
public struct ChatErrorFrame: Sendable, Hashable, Error {
    /// A stable machine-readable code.
    public var code: ChatErrorCode
    /// A message for a developer (never contains message contents).
    public var message: String
    /// The conversation concerned, if any.
    public var conversation: ConversationID?
    /// The client transaction id concerned, if any.
    public var clientTransactionID: String?
    /// The field of the frame the error is about, when it is about one (e.g. `fields.when` or
    /// `from_seq` for `invalid_signalement`).
    public var field: String?

    /// Creates an error frame.
    public init(code: ChatErrorCode, message: String, conversation: ConversationID? = nil, clientTransactionID: String? = nil,
                field: String? = nil) {
        self.code = code
        self.message = message
        self.conversation = conversation
        self.clientTransactionID = clientTransactionID
        self.field = field
    }
}

/// The stable codes of `error` frames.
public enum ChatErrorCode: String, Sendable, Codable, CaseIterable, Hashable {
    /// The `v` field is missing or not a supported version.
    case unsupportedVersion = "unsupported_version"
    /// The `type` is not part of the protocol.
    case unknownType = "unknown_type"
    /// The frame is not valid JSON or misses a required field.
    case malformed
    /// The bytes are not valid UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// The text is longer than the limit.
    case messageTooLong = "message_too_long"
    /// The text is empty once control characters are removed.
    case emptyMessage = "empty_message"
    /// Too many messages in a short time; retry later with the same transaction id.
    case rateLimited = "rate_limited"
    /// The first frame must be `hello` (or a second `hello` was sent).
    case helloRequired = "hello_required"
    /// The conversation, token or operator does not exist (or is not yours).
    case notFound = "not_found"
    /// The frame is not allowed for this role.
    case forbidden
    /// The conversation cannot go to that state from its current one.
    case invalidTransition = "invalid_transition"
    /// The operator has no room for this conversation.
    case capacityExceeded = "capacity_exceeded"
    /// The conversation store failed; retry with the same transaction id.
    case storeUnavailable = "store_unavailable"
    /// An operator's signalement was refused: `field` names what is wrong; nothing was asked nor filed.
    case invalidSignalement = "invalid_signalement"
}
