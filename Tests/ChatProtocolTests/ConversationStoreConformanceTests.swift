import ChatProtocol
import Foundation
import ChatProtocolTestSupport
import Testing

@Suite struct ConversationStoreConformanceTests {
    @Test(arguments: ConversationStoreConformance.checks.map(\.name))
    func inMemoryStorePasses(_ name: String) async throws {
        let check = try #require(ConversationStoreConformance.checks.first { $0.name == name })
        try await check.run(InMemoryConversationStore())
    }

    @Test func runAllPassesOnFreshStores() async throws {
        try await ConversationStoreConformance.runAll { InMemoryConversationStore() }
    }

    /// The suite must catch a store that breaks the contract.
    @Test func suiteCatchesAStoreThatIgnoresTransactionIDs() async {
        await #expect(throws: ConformanceFailure.self) {
            try await ConversationStoreConformance.resentTransactionIsStoredOnce(ForgetfulStore())
        }
    }
}

/// Appends without checking transaction ids (a broken backend, for the test above).
actor ForgetfulStore: ConversationStore {
    private var events: [ConversationID: [SequencedEvent]] = [:]

    func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                at date: Date) throws(ConversationStoreError) -> AppendOutcome {
        let log = events[conversation] ?? []
        let stored = SequencedEvent(conversation: conversation, sequence: UInt64(log.count + 1), at: date, event: event)
        events[conversation] = log + [stored]
        return .appended(stored)
    }

    func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) -> [SequencedEvent] {
        Array((events[conversation] ?? []).filter { $0.sequence > sequence }.prefix(limit))
    }

    func lastSequence(of conversation: ConversationID) -> UInt64 { UInt64(events[conversation]?.count ?? 0) }

    func purge(lastActivityBefore cutoff: Date) -> [ConversationID] { [] }
}
