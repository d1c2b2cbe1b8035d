import Foundation

/// Sequencing: every event is appended to the store with the next sequence number of its
/// conversation (retrying when another writer got there first), then delivered in order.
extension ChatService {
    /// What an append did: the event's sequence number, and whether it was a resent message
    /// already stored (then nothing new was delivered). The event itself stays with the store
    /// and the subscribers: the callers only need these two facts.
    struct Appended {
        let sequence: UInt64
        let duplicate: Bool
    }

    /// Appends `event` to the conversation and delivers it.
    @discardableResult
    func append(_ event: ConversationEvent, to id: ConversationID) async throws -> Appended {
        guard let conversation = conversations[id] else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
        }
        return try await append(event, to: id, conversation)
    }

    /// ``append(_:to:)`` on a conversation already looked up, stamped `date` (now by default).
    @inline(__always) @discardableResult
    func append(_ event: ConversationEvent, to id: ConversationID, _ conversation: ConversationChannel,
                at date: Date? = nil) async throws -> Appended {
        for attempt in 0..<16 {
            let expected = conversation.lastSequence
            do {
                let stamp = attempt == 0 ? date ?? clock.now() : clock.now()
                switch try await store.append(event, to: id, expectedLastSequence: expected, at: stamp) {
                case .appended(let stored):
                    let sequence = stored.sequence
                    if conversation.lastSequence < sequence { conversation.lastSequence = sequence }
                    conversation.deliver(stored, through: clients)
                    return Appended(sequence: sequence, duplicate: false)
                case .duplicate(let original):
                    return Appended(sequence: original.sequence, duplicate: true)
                }
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
