import Foundation

/// Sequencing: every event is appended to the store with the next sequence number of its
/// conversation (retrying when another writer got there first), then delivered in order.
extension ChatService {
    /// Appends `event` to the conversation and delivers it.
    func append(_ event: ConversationEvent, to id: ConversationID) async throws -> AppendOutcome {
        guard let conversation = conversations[id] else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
        }
        return try await append(event, to: id, conversation)
    }

    /// ``append(_:to:)`` on a conversation already looked up, stamped `date` (now by default).
    func append(_ event: ConversationEvent, to id: ConversationID, _ conversation: ConversationChannel,
                at date: Date? = nil) async throws -> AppendOutcome {
        for attempt in 0..<16 {
            let expected = conversation.lastSequence
            do {
                let stamp = attempt == 0 ? date ?? clock.now() : clock.now()
                let outcome = try await store.append(event, to: id, expectedLastSequence: expected, at: stamp)
                if case .appended(let stored) = outcome {
                    conversation.lastSequence = max(conversation.lastSequence, stored.sequence)
                    conversation.deliver(stored, through: clients)
                }
                return outcome
            } catch .conflict(_, _, let actual) {
                // Another append got there first: one of this service (it delivers its own event) or of
                // another instance (read back here, in case its announcement is late or lost).
                // An append of this service that finished meanwhile may have moved it further.
                if conversation.lastSequence < actual { conversation.lastSequence = actual }
                scheduleCatchUp(id, upTo: actual)
            } catch {
                throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; retry with the same client_txn_id",
                                     conversation: id, clientTransactionID: event.clientTransactionID)
            }
        }
        throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation is too busy; retry with the same client_txn_id",
                             conversation: id, clientTransactionID: event.clientTransactionID)
    }
}
