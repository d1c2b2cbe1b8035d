import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import PostgresBackends
import PostgresNIO
import Testing

/// The PostgreSQL conversation store passes the SDK's conformance suite unchanged, records included.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresConversationStoreTests {
    @Test func conformsToTheConversationStoreContract() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            try await ConversationStoreConformance.runAll(makeRecordStore: {
                let store = try PostgresConversationStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            })
        }
    }

    /// A database migrated by an earlier release (chat schema 1, with data) moves to the current schema and keeps its events.
    @Test func theRecordMigrationKeepsExistingConversations() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let schema = freshSchema()
            let store = try PostgresConversationStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            try await store.migrate()
            let logger = TestSupport.quietLogger
            // Back to version 1 as the previous release left it.
            try await clients[0].query(PostgresQuery(unsafeSQL: """
                ALTER TABLE "\(schema)".chat_conversations DROP COLUMN visitor_digest, DROP COLUMN platform, DROP COLUMN language, DROP COLUMN opened_at
                """), logger: logger)
            try await clients[0].query(PostgresQuery(unsafeSQL: """
                DROP TABLE "\(schema)".chat_route_queue, "\(schema)".chat_route_operators, "\(schema)".chat_route_instances,
                    "\(schema)".chat_route_presence, "\(schema)".chat_rate_buckets, "\(schema)".chat_escalations
                """), logger: logger)
            try await clients[0].query(PostgresQuery(unsafeSQL: "DROP SEQUENCE \"\(schema)\".chat_route_arrival"), logger: logger)
            try await clients[0].query(PostgresQuery(unsafeSQL: "DELETE FROM \"\(schema)\".schema_version WHERE component = 'chat' AND version >= 2"), logger: logger)
            let old = ConversationID("c_before_records")
            _ = try await store.append(.visitorMessage(clientTransactionID: "t", text: "m", translation: nil), to: old,
                                       expectedLastSequence: 0, at: Date(timeIntervalSince1970: 1_780_000_000))
            #expect(try await store.migrate() == PostgresConversationStore.schemaVersion)
            #expect(try await store.migrate() == PostgresConversationStore.schemaVersion)
            #expect(try await store.lastSequence(of: old) == 1)
            #expect(try await store.record(of: old) == nil)
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
