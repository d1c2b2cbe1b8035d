import Foundation

/// Why a ``ConversationStore`` refused an operation.
public enum ConversationStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The caller expected the conversation to end at `expected` but it ends at `actual`:
    /// someone else appended first. Re-read and retry.
    case conflict(ConversationID, expected: UInt64, actual: UInt64)
    /// The backend failed (connection lost, disk full…); nothing was stored.
    case backend(String)

    public var description: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            "conversation \(id): expected last sequence \(expected), found \(actual)"
        case .backend(let reason): "conversation store failure: \(reason)"
        }
    }
}

/// What ``ConversationStore/append(_:to:expectedLastSequence:at:)`` did.
public enum AppendOutcome: Sendable, Hashable {
    /// The event was stored with the next sequence number.
    case appended(SequencedEvent)
    /// A message with the same client transaction id was already stored: nothing new, here is the original.
    case duplicate(SequencedEvent)

    /// The stored event (new or original).
    public var event: SequencedEvent {
        switch self {
        case .appended(let event), .duplicate(let event): event
        }
    }
}

/// Append-only storage of conversation events.
///
/// Contract (checked by `ChatProtocolTestSupport.ConversationStoreConformance`):
/// - sequence numbers start at 1 and increase by one per conversation, without gaps;
/// - an append of a message whose client transaction id is already stored in that
///   conversation returns ``AppendOutcome/duplicate(_:)`` with the original, whatever the
///   expected sequence number;
/// - otherwise an append succeeds only if the conversation's last sequence number equals
///   `expectedLastSequence` (0 for a new conversation), else it throws
///   ``ConversationStoreError/conflict(_:expected:actual:)`` and stores nothing;
/// - reads return events in sequence order.
public protocol ConversationStore: Sendable {
    /// Appends `event` as number `expectedLastSequence + 1`.
    func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                at date: Date) async throws(ConversationStoreError) -> AppendOutcome

    /// The events after `sequence` (exclusive), in order, at most `limit` of them.
    func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) async throws(ConversationStoreError) -> [SequencedEvent]

    /// The last sequence number of the conversation (0 if it has no event).
    func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64

    /// Deletes every conversation whose last event is older than `cutoff`; returns the deleted identifiers.
    func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID]
}

/// A ``ConversationStore`` in memory: for tests, simulations and single-process deployments.
public actor InMemoryConversationStore: ConversationStore {
    private struct Log {
        var events: [SequencedEvent] = []
        var transactions: [String: Int] = [:]
    }

    private var logs: [ConversationID: Log] = [:]

    /// Creates an empty store.
    public init() {}

    public func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                       at date: Date) throws(ConversationStoreError) -> AppendOutcome {
        var log = logs[conversation] ?? Log()
        let transaction = event.clientTransactionID
        if let transaction, let index = log.transactions[transaction] {
            return .duplicate(log.events[index])
        }
        let last = UInt64(log.events.count)
        guard last == expectedLastSequence else {
            throw .conflict(conversation, expected: expectedLastSequence, actual: last)
        }
        let stored = SequencedEvent(conversation: conversation, sequence: last + 1, at: date, event: event)
        logs[conversation] = nil  // keep the log uniquely referenced while mutating
        if let transaction { log.transactions[transaction] = log.events.count }
        log.events.append(stored)
        logs[conversation] = log
        return .appended(stored)
    }

    public func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) -> [SequencedEvent] {
        guard let events = logs[conversation]?.events, sequence < UInt64(events.count), limit > 0 else { return [] }
        let start = Int(sequence)
        let end = limit >= events.count - start ? events.count : start + limit
        return Array(events[start..<end])
    }

    public func lastSequence(of conversation: ConversationID) -> UInt64 {
        UInt64(logs[conversation]?.events.count ?? 0)
    }

    public func purge(lastActivityBefore cutoff: Date) -> [ConversationID] {
        let expired = logs.filter { ($0.value.events.last?.at ?? .distantPast) < cutoff }.map(\.key)
        for id in expired { logs[id] = nil }
        return expired.sorted { $0.rawValue < $1.rawValue }
    }
}
