/// The life of a conversation:
/// `waiting → assigned → (onHold ↔ assigned | transferred → waiting) → closed`,
/// plus `abandoned` (the visitor left while waiting).
public enum ConversationState: String, Sendable, Codable, CaseIterable, Hashable {
    /// In a platform queue.
    case waiting
    /// Taken by an operator.
    case assigned
    /// Put on hold by its operator.
    case onHold = "on_hold"
    /// Ended (by the operator, the visitor or inactivity).
    case closed
    /// The visitor left before being taken.
    case abandoned

    /// What can happen to a conversation.
    public enum Transition: String, Sendable, CaseIterable, Hashable {
        /// An operator takes it.
        case assign
        /// Its operator puts it on hold.
        case hold
        /// Its operator takes it back from hold.
        case resume
        /// It goes back to a queue (another platform or role).
        case transferToQueue
        /// It goes directly to another operator.
        case transferToOperator
        /// It ends.
        case close
        /// The visitor leaves while waiting.
        case abandon
    }

    /// Whether the conversation is over.
    public var isFinal: Bool { self == .closed || self == .abandoned }

    /// The state after `transition`, or a typed error if it is not allowed from here.
    public func applying(_ transition: Transition) throws(ChatEngineError) -> ConversationState {
        switch (self, transition) {
        case (.waiting, .assign): return .assigned
        case (.waiting, .abandon): return .abandoned
        case (.waiting, .close): return .closed
        case (.waiting, .transferToQueue): return .waiting
        case (.assigned, .hold): return .onHold
        case (.assigned, .transferToQueue), (.onHold, .transferToQueue): return .waiting
        case (.assigned, .transferToOperator), (.onHold, .transferToOperator): return .assigned
        case (.assigned, .close), (.onHold, .close): return .closed
        case (.onHold, .resume): return .assigned
        default: throw ChatEngineError.invalidTransition(from: self, transition: transition)
        }
    }
}

/// What the engine refuses, with what and where.
public enum ChatEngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The transition is not allowed from the current state.
    case invalidTransition(from: ConversationState, transition: ConversationState.Transition)
    /// No conversation with this identifier.
    case unknownConversation(ConversationID)
    /// No operator with this identifier.
    case unknownOperator(OperatorID)
    /// The identifier is already used.
    case duplicateOperator(OperatorID)
    /// The operator has no room: `needed` units, `free` units free.
    case capacityExceeded(OperatorID, needed: Int, free: Int)
    /// The operator cannot take this conversation (platform, language, minors, VSS training, shift or pause).
    case notEligible(OperatorID, ConversationID)
    /// The conversation is already known.
    case duplicateConversation(ConversationID)
    /// The operator is not the one running the conversation.
    case notYourConversation(OperatorID, ConversationID)
    /// An operator profile is invalid (e.g. capacity below one unit).
    case invalidProfile(OperatorID, String)

    public var description: String {
        switch self {
        case .invalidTransition(let from, let transition):
            "a conversation in state '\(from.rawValue)' cannot '\(transition.rawValue)'"
        case .unknownConversation(let id): "no conversation \(id)"
        case .unknownOperator(let id): "no operator \(id)"
        case .duplicateOperator(let id): "operator \(id) is already registered"
        case .capacityExceeded(let id, let needed, let free):
            "operator \(id) has \(free) free unit(s); this conversation needs \(needed)"
        case .notEligible(let id, let conversation): "operator \(id) cannot take conversation \(conversation) (skills, shift or pause)"
        case .duplicateConversation(let id): "conversation \(id) already exists"
        case .notYourConversation(let id, let conversation): "operator \(id) does not run conversation \(conversation)"
        case .invalidProfile(let id, let reason): "operator \(id): \(reason)"
        }
    }

    /// The wire error code for this error.
    public var code: ChatErrorCode {
        switch self {
        case .invalidTransition: .invalidTransition
        case .unknownConversation, .unknownOperator: .notFound
        case .capacityExceeded, .notEligible: .capacityExceeded
        case .notYourConversation: .forbidden
        case .duplicateOperator, .duplicateConversation, .invalidProfile: .malformed
        }
    }
}
