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
    /// One stored event. Its conversation and sequence number are implied by the log that holds it
    /// (entry `n` is number `n + 1`), so they are not kept a second time for every message.
    private struct Entry {
        var at: Date
        var event: ConversationEvent
    }

    private struct Log {
        var entries: [Entry] = []
        /// Each stored message's client transaction id, with its entry.
        var transactions = TransactionIndex()
        var record: ConversationRecord?

        func event(_ index: Int, of conversation: ConversationID) -> SequencedEvent {
            SequencedEvent(conversation: conversation, sequence: UInt64(index + 1), at: entries[index].at, event: entries[index].event)
        }
    }

    private let logs = Mutex<[ConversationID: Log]>([:])

    /// Creates an empty store.
    public init() {}

    public nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                               at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        // Under the lock, only what needs it: the stored event's sequence number, or the original of a
        // duplicate. The outcome is built once, outside (the events are large: no copy through the lock's result).
        var original: SequencedEvent?
        let sequence = try logs.withLock { logs throws(ConversationStoreError) -> UInt64 in
            // Mutated in place: one hash lookup of the conversation per append.
            try Self.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date,
                            log: &logs[conversation, default: Log()], original: &original)
        }
        if let original { return .duplicate(original) }
        return .appended(SequencedEvent(conversation: conversation, sequence: sequence, at: date, event: event))
    }

    /// Stores `event` and returns its sequence number, or sets `original` to the stored message with the same transaction id.
    private static func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                               at date: Date, log: inout Log, original: inout SequencedEvent?) throws(ConversationStoreError) -> UInt64 {
        let count = log.entries.count
        let last = UInt64(count)
        var vacancy: TransactionIndex.Lookup?
        if let transaction = event.clientTransactionID {
            // A message already stored is a duplicate whatever the expected sequence number.
            let lookup = log.transactions.lookup(transaction, in: log.entries) { $0.event.clientTransactionID }
            if case .found(let entry) = lookup {
                original = log.event(entry, of: conversation)
                return UInt64(entry + 1)
            }
            vacancy = lookup
        }
        guard last == expectedLastSequence else {
            throw .conflict(conversation, expected: expectedLastSequence, actual: last)
        }
        guard count < TransactionIndex.capacity else {
            throw .backend("conversation \(conversation) holds the most events one conversation can hold")
        }
        if let vacancy { log.transactions.insert(entry: count, at: vacancy) }
        log.entries.append(Entry(at: date, event: event))
        return last + 1
    }

    public nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64,
                                               limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        logs.withLock { logs in
            guard let log = logs[conversation], sequence < UInt64(log.entries.count), limit > 0 else { return [] }
            let start = Int(sequence)
            let end = limit >= log.entries.count - start ? log.entries.count : start + limit
            return (start..<end).map { log.event($0, of: conversation) }
        }
    }

    public nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        logs.withLock { UInt64($0[conversation]?.entries.count ?? 0) }
    }

    public nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        logs.withLock { logs in
            let expired = logs.filter { ($0.value.entries.last?.at ?? $0.value.record?.openedAt ?? .distantPast) < cutoff }.map(\.key)
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
