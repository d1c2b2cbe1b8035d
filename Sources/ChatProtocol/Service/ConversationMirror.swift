/// The state of a conversation routed by another instance, as its stored events tell it.
///
/// An instance that follows a conversation it did not open (its visitor resumed here) keeps
/// one, so it refuses what the routing instance would refuse (a message to a closed
/// conversation, a second emergency) without asking it.
struct ConversationMirror {
    var state: ConversationState = .waiting
    var emergency = false

    mutating func apply(_ event: ConversationEvent) {
        if case .closed(let reason) = event {
            state = reason == .abandoned ? .abandoned : .closed
            return
        }
        guard !state.isFinal else { return }
        switch event {
        case .queued, .unstaffed: state = .waiting
        case .assigned, .resumed: state = .assigned
        case .onHold: state = .onHold
        case .transferred(_, let pseudonym, _, _): state = pseudonym == nil ? .waiting : .assigned
        case .emergencyRaised: emergency = true
        default: break
        }
    }
}
