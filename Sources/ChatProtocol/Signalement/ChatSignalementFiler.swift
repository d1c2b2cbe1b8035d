import Foundation

/// What an operator's `signalement` frame asks for, as the ``ChatSignalementFiler`` receives it:
/// the draft, who wrote it, and the messages the excerpt would hold.
public struct ChatSignalementDraft: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The operator's request id (`client_txn_id` of the frame).
    public var request: String
    /// The operator who sent it.
    public var operatorID: OperatorID
    /// The INSEE code of the commune, as the operator gave it (unchecked).
    public var insee: String
    /// The operator's fields, as given (unchecked).
    public var fields: [String: String]
    /// The first sequence number of the excerpt's range.
    public var fromSequence: UInt64
    /// The last sequence number of the excerpt's range.
    public var toSequence: UInt64

    /// Creates a draft.
    public init(conversation: ConversationID, request: String, operatorID: OperatorID, insee: String, fields: [String: String],
                fromSequence: UInt64, toSequence: UInt64) {
        self.conversation = conversation
        self.request = request
        self.operatorID = operatorID
        self.insee = insee
        self.fields = fields
        self.fromSequence = fromSequence
        self.toSequence = toSequence
    }
}

/// The messages of a range of a conversation: what is attached to a signalement when, and only
/// when, the visitor agreed. It holds what people wrote: never log it.
public struct ConversationExcerpt: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The first sequence number of the range.
    public var fromSequence: UInt64
    /// The last sequence number of the range.
    public var toSequence: UInt64
    /// The visitor's and operators' messages of the range, in order (other events are left out).
    public var messages: [SequencedEvent]

    /// An excerpt of `events`: the messages whose sequence number is in `fromSequence…toSequence`.
    public init(conversation: ConversationID, fromSequence: UInt64, toSequence: UInt64, events: [SequencedEvent]) {
        self.conversation = conversation
        self.fromSequence = fromSequence
        self.toSequence = toSequence
        messages = events.filter { stored in
            guard (fromSequence...toSequence).contains(stored.sequence) else { return false }
            switch stored.event {
            case .visitorMessage, .operatorMessage: return true
            default: return false
            }
        }
    }

    /// The messages as French plain-text lines for the unit, times in `timeZone`:
    /// `[21:04] Personne : …` for the visitor (with `(traduction : …)` when the chat translated it)
    /// and `[21:05] Agent 4512 : …` for an operator.
    public func plainText(timeZone: TimeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func stamp(_ date: Date) -> String {
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return String(format: "[%02d:%02d]", parts.hour ?? 0, parts.minute ?? 0)
        }
        return messages.compactMap { stored -> String? in
            switch stored.event {
            case .visitorMessage(_, let text, let translation):
                let translated = translation.map { " (traduction : \($0.text))" } ?? ""
                return "\(stamp(stored.at)) Personne : \(text)\(translated)"
            case .operatorMessage(_, let pseudonym, let text, _):
                return "\(stamp(stored.at)) \(pseudonym) : \(text)"
            default:
                return nil
            }
        }.joined(separator: "\n")
    }
}

/// Why a ``ChatSignalementFiler`` refused or failed a draft. The operator gets it as an `error`
/// frame: `invalid_signalement` (with the field) or `store_unavailable` (send the request again).
public enum ChatSignalementRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The draft is wrong: the field (`fields.place`, `insee`, `excerpt`…) when known, and why.
    /// The reason never quotes the excerpt.
    case invalid(field: String?, reason: String)
    /// It could not be filed now (storage); nothing was filed; the same request may be sent again.
    case unavailable(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): field.map { "\($0): \(reason)" } ?? reason
        case .unavailable(let reason): reason
        }
    }
}

/// Files the signalements operators make from chat conversations. ChatProtocol knows nothing of
/// signalements: the SDK facade (`MaSecurite`) provides `ChatSignalementDesk`, over the
/// `Signalements` module's desk, and a deployment passes it to ``ChatService`` (`signalements:`).
///
/// The service calls ``check(_:excerpt:)`` when the operator's frame arrives, before the visitor is
/// asked anything; then, once the visitor answered (or could not), ``file(_:excerpt:consent:)``
/// with the excerpt only when the answer was yes. Implementations must keep nothing of a checked
/// draft or excerpt, and never log them.
public protocol ChatSignalementFiler: Sendable {
    /// Checks the draft, and that the excerpt would be accepted if the visitor agreed.
    /// - Throws: ``ChatSignalementRefusal``; nothing is asked nor filed then.
    func check(_ draft: ChatSignalementDraft, excerpt: ConversationExcerpt?) async throws(ChatSignalementRefusal)

    /// What the visitor is told the excerpt is for (French, and English when available), without
    /// the draft's contents: e.g. « L'agent souhaite joindre ces messages au signalement qu'il
    /// transmet à l'unité de police ou de gendarmerie compétente. »
    func consentPurpose(for draft: ChatSignalementDraft) -> LocalizedText

    /// Files the signalement, with `excerpt` only when `consent` is ``ConsentOutcome/granted``.
    /// - Throws: ``ChatSignalementRefusal``; nothing is filed then.
    func file(_ draft: ChatSignalementDraft, excerpt: ConversationExcerpt?, consent: ConsentOutcome) async throws(ChatSignalementRefusal)
        -> ChatSignalementReceipt
}

/// The life of one consent request: `pending`, then decided once, by the visitor's answer, the
/// timeout, the visitor going away or the conversation ending. The first decision holds: a late
/// answer cannot change it.
public enum ConsentState: Sendable, Hashable {
    /// Waiting for the visitor.
    case pending
    /// Decided; the signalement is filed with this outcome.
    case decided(ConsentOutcome)

    /// What can happen to a pending request.
    public enum Event: Sendable, Hashable {
        /// The visitor answered.
        case answered(ConsentAnswer)
        /// Nobody answered before the deadline.
        case timedOut
        /// The visitor's connection closed.
        case visitorLeft
        /// The conversation ended.
        case conversationEnded
    }

    /// The state after `event`.
    /// - Throws: ``ChatErrorFrame`` with `invalid_transition` when the request is already decided.
    public func applying(_ event: Event) throws(ChatErrorFrame) -> ConsentState {
        guard case .pending = self else {
            throw ChatErrorFrame(code: .invalidTransition, message: "this consent request has already been decided")
        }
        switch event {
        case .answered(.yes): return .decided(.granted)
        case .answered(.no): return .decided(.refused)
        case .timedOut: return .decided(.timeout)
        case .visitorLeft: return .decided(.visitorGone)
        case .conversationEnded: return .decided(.conversationEnded)
        }
    }

    /// The outcome, once decided.
    public var outcome: ConsentOutcome? {
        if case .decided(let outcome) = self { outcome } else { nil }
    }
}
