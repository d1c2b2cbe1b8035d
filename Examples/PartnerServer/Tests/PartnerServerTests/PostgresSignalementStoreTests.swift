import Foundation
import PostgresBackends
import PostgresNIO
import Signalements
import SignalementsTestSupport
import Synchronization
import Testing

/// The PostgreSQL outbox passes the SDK's conformance suite unchanged, and
/// deliverers on two connection pools (two instances) never share a lease.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresSignalementStoreTests {
    @Test func conformsToTheSignalementStoreContract() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            try await SignalementStoreConformance.run {
                let store = try PostgresSignalementStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            }
        }
    }

    @Test func claimsAcrossTwoClientsLeaseEachJobOnce() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let first = try PostgresSignalementStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            try await first.migrate()
            let next = Mutex(0)
            try await SignalementStoreConformance.concurrentClaimsCheck(makeStore: {
                let index = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                return try PostgresSignalementStore(client: clients[index % 2], schema: schema, logger: TestSupport.quietLogger)
            }, jobs: 60, claimers: 12, storesPerRace: 2)
        }
    }

    @Test func migrationsAreIdempotent() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let store = try PostgresSignalementStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
            #expect(try await store.migrate() == PostgresSignalementStore.schemaVersion)
            #expect(try await store.migrate() == PostgresSignalementStore.schemaVersion)
            #expect(throws: SignalementStoreError.self) { try PostgresSignalementStore(client: clients[0], schema: "Bad-Name") }
        }
    }
}
