import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import PostgresBackends
import PostgresNIO
import Testing

/// The PostgreSQL conversation store passes the SDK's conformance suite unchanged.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresConversationStoreTests {
    @Test func conformsToTheConversationStoreContract() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            try await ConversationStoreConformance.runAll {
                let store = try PostgresConversationStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            }
        }
    }

    @Test func twoInstancesNeverShareASequenceNumber() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let a = try PostgresConversationStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            let b = try PostgresConversationStore(client: clients[1], schema: schema, logger: TestSupport.quietLogger)
            try await a.migrate()
            let id = ConversationID("c_two_instances")
            // Each instance appends 50 messages, retrying on conflict as ChatService does.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (name, store) in [("a", a), ("b", b)] {
                    group.addTask {
                        for n in 0..<50 {
                            while true {
                                let last = try await store.lastSequence(of: id)
                                do {
                                    _ = try await store.append(.visitorMessage(clientTransactionID: "\(name)\(n)", text: "m", translation: nil),
                                                               to: id, expectedLastSequence: last, at: Date(timeIntervalSince1970: 1_780_000_000))
                                    break
                                } catch ConversationStoreError.conflict {
                                    continue
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let events = try await b.events(of: id, after: 0, limit: 1_000)
            #expect(events.map(\.sequence) == Array(1...100))
        }
    }
}
