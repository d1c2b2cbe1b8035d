import ChatProtocol
import Foundation
import Synchronization
import ChatProtocolTestSupport
import Testing

@Suite struct ConversationStoreConformanceTests {
    @Test(arguments: ConversationStoreConformance.checks.map(\.name))
    func inMemoryStorePasses(_ name: String) async throws {
        let check = try #require(ConversationStoreConformance.checks.first { $0.name == name })
        try await check.run(InMemoryConversationStore())
    }

    @Test(arguments: ConversationStoreConformance.recordChecks.map(\.name))
    func inMemoryStoreKeepsRecords(_ name: String) async throws {
        let check = try #require(ConversationStoreConformance.recordChecks.first { $0.name == name })
        try await check.run(InMemoryConversationStore())
    }

    @Test func runAllPassesOnFreshStores() async throws {
        try await ConversationStoreConformance.runAll { InMemoryConversationStore() }
        try await ConversationStoreConformance.runAll(makeRecordStore: { InMemoryConversationStore() })
    }

    /// The suite must catch a store that breaks the contract.
    @Test func suiteCatchesAStoreThatIgnoresTransactionIDs() async {
        await #expect(throws: ConformanceFailure.self) {
            try await ConversationStoreConformance.resentTransactionIsStoredOnce(ForgetfulStore())
        }
    }
}

/// Appends without checking transaction ids (a broken backend, for the test above).
final class ForgetfulStore: ConversationStore {
    private let log = Mutex<[ConversationID: [SequencedEvent]]>([:])

    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                        at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        log.withLock { log in
            let stored = SequencedEvent(conversation: conversation, sequence: UInt64((log[conversation]?.count ?? 0) + 1), at: date, event: event)
            log[conversation, default: []].append(stored)
            return .appended(stored)
        }
    }

    nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64,
                                        limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        log.withLock { Array(($0[conversation] ?? []).filter { $0.sequence > sequence }.prefix(limit)) }
    }

    nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        log.withLock { UInt64($0[conversation]?.count ?? 0) }
    }

    nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] { [] }
}
