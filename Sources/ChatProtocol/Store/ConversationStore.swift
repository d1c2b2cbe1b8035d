import Foundation
import Synchronization

/// Why a ``ConversationStore`` refused an operation.
public enum ConversationStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The caller expected the conversation to end at `expected` but it ends at `actual`:
    /// someone else appended first. Re-read and retry.
    case conflict(ConversationID, expected: UInt64, actual: UInt64)
    /// The backend failed (connection lost, disk full…); nothing was stored.
    case backend(String)
    /// ``ConversationRecordStore/register(_:)``: the conversation already has a record.
    case alreadyRegistered(ConversationID)

    public var description: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            "conversation \(id): expected last sequence \(expected), found \(actual)"
        case .backend(let reason): "conversation store failure: \(reason)"
        case .alreadyRegistered(let id): "conversation \(id) is already registered"
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
    ///
    /// The requirements are `nonisolated(nonsending)`: they run on the caller's executor (the
    /// ``ChatService`` actor) without a hop, which keeps the in-memory path fast.
    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                at date: Date) async throws(ConversationStoreError) -> AppendOutcome

    /// The events after `sequence` (exclusive), in order, at most `limit` of them.
    nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) async throws(ConversationStoreError) -> [SequencedEvent]

    /// The last sequence number of the conversation (0 if it has no event).
    nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64

    /// Deletes every conversation whose last event is older than `cutoff`; returns the deleted identifiers.
    nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID]
}

/// A ``ConversationStore`` in memory: for tests, simulations and single-process deployments
/// (several ``ChatService`` values of one process may share it, see ``ChatService/storeDidAppend(to:upTo:)``).
/// Thread-safe (a lock around a small state); calls run on the caller's executor.
public final class InMemoryConversationStore: ConversationRecordStore {
    private struct Log {
        var events: [SequencedEvent] = []
        var transactions: [String: Int] = [:]
        var record: ConversationRecord?
    }

    private let logs = Mutex<[ConversationID: Log]>([:])

    /// Creates an empty store.
    public init() {}

    public nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                               at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        try logs.withLock { logs throws(ConversationStoreError) -> AppendOutcome in
            // Mutated in place: one hash lookup of the conversation per append, and the outcome
            // built once (no intermediate `Result` to copy the event through).
            try Self.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date,
                            log: &logs[conversation, default: Log()])
        }
    }

    private static func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                               at date: Date, log: inout Log) throws(ConversationStoreError) -> AppendOutcome {
        let last = UInt64(log.events.count)
        if let transaction = event.clientTransactionID {
            if last == expectedLastSequence {
                // The common case (a new message in sequence) hashes the transaction id once:
                // register it, and undo if it was already there.
                if let original = log.transactions.updateValue(log.events.count, forKey: transaction) {
                    log.transactions[transaction] = original
                    return .duplicate(log.events[original])
                }
            } else if let original = log.transactions[transaction] {
                return .duplicate(log.events[original])
            }
        }
        guard last == expectedLastSequence else {
            throw .conflict(conversation, expected: expectedLastSequence, actual: last)
        }
        let stored = SequencedEvent(conversation: conversation, sequence: last + 1, at: date, event: event)
        log.events.append(stored)
        return .appended(stored)
    }

    public nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64,
                                               limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        logs.withLock { logs in
            guard let events = logs[conversation]?.events, sequence < UInt64(events.count), limit > 0 else { return [] }
            let start = Int(sequence)
            let end = limit >= events.count - start ? events.count : start + limit
            return Array(events[start..<end])
        }
    }

    public nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        logs.withLock { UInt64($0[conversation]?.events.count ?? 0) }
    }

    public nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        logs.withLock { logs in
            let expired = logs.filter { ($0.value.events.last?.at ?? $0.value.record?.openedAt ?? .distantPast) < cutoff }.map(\.key)
            for id in expired { logs[id] = nil }
            return expired.sorted { $0.rawValue < $1.rawValue }
        }
    }

    public nonisolated(nonsending) func register(_ record: ConversationRecord) async throws(ConversationStoreError) {
        try logs.withLock { logs throws(ConversationStoreError) in
            guard logs[record.conversation]?.record == nil else { throw .alreadyRegistered(record.conversation) }
            logs[record.conversation, default: Log()].record = record
        }
    }

    public nonisolated(nonsending) func record(of conversation: ConversationID) async throws(ConversationStoreError) -> ConversationRecord? {
        logs.withLock { $0[conversation]?.record }
    }
}
