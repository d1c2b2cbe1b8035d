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

/// The in-memory store's transaction index grows with the conversation: every message stays stored once.
@Suite struct InMemoryTransactionIndexTests {
    @Test func everyEarlierTransactionIsStillADuplicateAfterManyMessages() async throws {
        let store = InMemoryConversationStore()
        let id = ConversationID.random()
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        var last: UInt64 = 0
        for n in 0..<3_000 {
            // Markers between messages: entries without a transaction id.
            if n % 10 == 0 {
                last = try await store.append(.read(by: .visitor, upTo: last), to: id, expectedLastSequence: last, at: at).event.sequence
            }
            let outcome = try await store.append(.visitorMessage(clientTransactionID: "txn-\(n)", text: "m\(n)", translation: nil),
                                                 to: id, expectedLastSequence: last, at: at)
            guard case .appended(let stored) = outcome else { Issue.record("txn-\(n) was taken for a duplicate"); return }
            #expect(stored.sequence == last + 1)
            last = stored.sequence
        }
        let events = try await store.events(of: id, after: 0, limit: .max)
        #expect(events.count == Int(last))
        #expect(events.map(\.sequence) == Array(1...last))
        for n in stride(from: 0, to: 3_000, by: 7) {
            let original = try #require(events.first { $0.event.clientTransactionID == "txn-\(n)" })
            // Resent with the current and with a stale expectation: the original both times, nothing stored.
            for expected in [last, 0] {
                let outcome = try await store.append(.visitorMessage(clientTransactionID: "txn-\(n)", text: "again", translation: nil),
                                                     to: id, expectedLastSequence: expected, at: at)
                #expect(outcome == .duplicate(original))
            }
        }
        #expect(try await store.lastSequence(of: id) == last)
        // A new transaction with a stale expectation is a conflict, then stored once in sequence.
        await #expect(throws: ConversationStoreError.conflict(id, expected: last - 1, actual: last)) {
            _ = try await store.append(.visitorMessage(clientTransactionID: "txn-new", text: "x", translation: nil), to: id,
                                       expectedLastSequence: last - 1, at: at)
        }
        let new = try await store.append(.visitorMessage(clientTransactionID: "txn-new", text: "x", translation: nil), to: id,
                                         expectedLastSequence: last, at: at)
        #expect(new.event.sequence == last + 1)
        #expect(try await store.lastSequence(of: id) == last + 1)
    }

    /// Another conversation's transaction ids are its own.
    @Test func transactionIDsArePerConversation() async throws {
        let store = InMemoryConversationStore()
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        let ids = (0..<50).map { _ in ConversationID.random() }
        for round in 0..<40 {
            for id in ids {
                let outcome = try await store.append(.visitorMessage(clientTransactionID: "t\(round)", text: "m", translation: nil),
                                                     to: id, expectedLastSequence: UInt64(round), at: at)
                #expect(outcome.event.sequence == UInt64(round + 1))
                if case .duplicate = outcome { Issue.record("t\(round) of \(id) was taken for a duplicate") }
            }
        }
    }
}
