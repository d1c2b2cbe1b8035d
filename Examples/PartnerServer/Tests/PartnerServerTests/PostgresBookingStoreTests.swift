import Appointments
import AppointmentsTestSupport
import Foundation
import PostgresBackends
import PostgresNIO
import Synchronization
import Testing

/// The PostgreSQL booking store passes the SDK's conformance suite unchanged,
/// and the database itself refuses a double booking.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresBookingStoreTests {
    @Test func conformsToTheBookingStoreContract() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            // The notification outbox and the waiting list's held seats are not in the PostgreSQL
            // store yet (SQLite and in-memory have them): those checks are left out, not weakened.
            try await BookingStoreConformance.run(makeStore: {
                let store = try PostgresBookingStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            }, skipping: BookingStoreConformance.outboxAndHoldChecks)
        }
    }

    @Test func raceAcrossTwoClientsBooksEachSeatOnce() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let first = try PostgresBookingStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            try await first.migrate()
            let counter = Counter()
            // Two connection pools, as two server instances would have.
            try await BookingStoreConformance.raceCheck(makeStore: {
                try PostgresBookingStore(client: clients[counter.next() % 2], schema: schema, logger: TestSupport.quietLogger)
            }, attempts: 1_000, slots: 10, storesPerRace: 2)
        }
    }

    @Test func migrationsAreIdempotentAndSafeInParallel() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let a = try PostgresBookingStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            let b = try PostgresBookingStore(client: clients[1], schema: schema, logger: TestSupport.quietLogger)
            async let first = a.migrate()
            async let second = b.migrate()
            let versions = try await [first, second]
            #expect(versions == [PostgresBookingStore.schemaVersion, PostgresBookingStore.schemaVersion])
            #expect(try await a.migrate() == PostgresBookingStore.schemaVersion)
            var rows = 0
            for try await count in try await clients[0].query(
                "SELECT COUNT(*) FROM \(unescaped: "\"\(schema)\"").schema_version", logger: TestSupport.quietLogger
            ).decode(Int64.self) { rows = Int(count) }
            #expect(rows == 1, "each migration is recorded once")
        }
    }

    @Test func theDatabaseRefusesASecondBookingOfASeat() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let client = clients[0]
            let schema = freshSchema()
            let store = try PostgresBookingStore(client: client, schema: schema, logger: TestSupport.quietLogger)
            try await store.migrate()
            let booking = try await store.reserve(BookingStoreConformance.request(slot: 0, capacity: 1)).booking
            // Bypass the store: a raw INSERT of the same seat must violate the constraint.
            let table = "\"\(schema)\".bookings"
            await #expect(throws: PSQLError.self) {
                try await client.query("""
                    INSERT INTO \(unescaped: table) (id, code, station, motif, start_ms, end_ms, seat, status, created_ms, updated_ms)
                    SELECT gen_random_uuid(), 'X' || code, station, motif, start_ms, end_ms, seat, 'booked', created_ms, updated_ms
                    FROM \(unescaped: table) WHERE code = \(booking.code.rawValue)
                    """, logger: TestSupport.quietLogger)
            }
        }
    }
}

/// Reading `postgres://` URLs (no database needed).
@Suite struct PostgresURLTests {
    @Test func badURLsAreRefusedAndGoodOnesRead() throws {
        #expect(throws: PostgresURLError.self) { try PostgresURL("mysql://u@h/db") }
        #expect(throws: PostgresURLError.self) { try PostgresURL("postgres://u@h") }
        let url = try PostgresURL("postgres://user:p%40ss@db.example:6543/masecurite")
        #expect(url.host == "db.example" && url.port == 6543 && url.password == "p@ss" && url.database == "masecurite")
    }
}

/// A shared counter.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
