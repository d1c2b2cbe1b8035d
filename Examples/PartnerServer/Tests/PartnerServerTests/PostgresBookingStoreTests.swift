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
            // Every check, the notification outbox and the waiting list's held seats included.
            try await BookingStoreConformance.run(makeStore: {
                let store = try PostgresBookingStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            })
        }
    }

    @Test func keepsTheSchedulesStaffPublish() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            try await ScheduleStoreConformance.run(makeStore: {
                let store = try PostgresBookingStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            })
        }
    }

    @Test func movesAndClosuresAcrossTwoClientsLoseNothing() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            // The concurrency checks with their calls spread over two connection pools, as two instances would.
            for name in ["move-race", "close-race"] {
                let schema = freshSchema()
                let first = try PostgresBookingStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
                try await first.migrate()
                let check = try #require(BookingStoreConformance.checks.first { $0.name == name }?.run)
                try await check { TwoPoolStore(a: first, b: try PostgresBookingStore(client: clients[1], schema: schema, logger: TestSupport.quietLogger)) }
            }
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

    @Test func heldSeatsAndOutboxLeasesAcrossTwoClientsGiveEachOnce() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            // Two connection pools on one schema, as two server instances would have.
            let a = try PostgresBookingStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            let b = try PostgresBookingStore(client: clients[1], schema: schema, logger: TestSupport.quietLogger)
            try await a.migrate()
            let stores = [a, b]
            let now = BookingStoreConformance.now
            let slot = BookingStoreConformance.request(slot: 5, capacity: 2)
            _ = try await a.reserve(slot)
            let leaving = try await b.reserve(BookingStoreConformance.request(slot: 5, capacity: 2)).booking
            for index in 0..<10 {
                try await stores[index % 2].enqueue(WaitlistEntry(
                    station: slot.station, motif: slot.motif, earliest: slot.start.addingTimeInterval(-3_600),
                    latest: slot.start.addingTimeInterval(3_600), contact: nil, createdAt: now.addingTimeInterval(TimeInterval(index))))
            }
            _ = try await a.setStatus(code: leaving.code, to: .cancelledByCitizen, at: now)
            let offer = SeatOfferRequest(station: slot.station, motif: slot.motif, start: slot.start, end: slot.end, day: slot.day,
                                         capacity: 2, holdSeconds: 300, at: now)
            // Twenty offers on both instances for one freed seat: one hold, to the first in line.
            let holds = try await withThrowingTaskGroup(of: SeatHold?.self) { group in
                for index in 0..<20 { group.addTask { try await stores[index % 2].offerFreedSeat(offer) } }
                var all: [SeatHold] = []
                for try await hold in group { if let hold { all.append(hold) } }
                return all
            }
            #expect(holds.count == 1)
            #expect(try await b.waitlist(station: slot.station, motif: slot.motif).count == 9)
            let hold = try #require(holds.first)
            // Forty bookings and ten claims on both instances while it is held: one claim wins, nothing else.
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let store = stores[index % 2]
                        do {
                            if index % 5 == 0 {
                                _ = try await store.claimHold(id: hold.id, ClaimRequest(at: now.addingTimeInterval(10)))
                                return "claimed"
                            }
                            var attempt = BookingStoreConformance.request(slot: 5, capacity: 2)
                            attempt.at = now.addingTimeInterval(10)
                            _ = try await store.reserve(attempt)
                            return "booked"
                        } catch let error as BookingStoreError {
                            switch error {
                            case .slotFull, .holdNotFound: return "refused"
                            default: throw error
                            }
                        }
                    }
                }
                var all: [String] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 == "claimed" }.count == 1 && !outcomes.contains("booked"), "\(outcomes)")
            let active = try await a.bookings(station: slot.station, from: slot.start, to: slot.end).filter { $0.status.holdsSeat }
            #expect(active.count == 2 && Set(active.compactMap(\.seat)) == [0, 1])

            // Outbox: twelve due jobs leased by eight senders on both instances: each job once.
            for index in 0..<12 {
                var request = BookingStoreConformance.request(slot: 60 + index, capacity: 1, contact: Contact(email: "o\(index)@example.org"))
                request.notifications = [PlannedNotification(kind: .reminderTwoHoursBefore, channel: .email, dueAt: now.addingTimeInterval(60))]
                _ = try await stores[index % 2].reserve(request)
            }
            let leased = try await withThrowingTaskGroup(of: [OutboxJob].self) { group in
                for index in 0..<8 {
                    group.addTask { try await stores[index % 2].leaseDueNotifications(now: now.addingTimeInterval(120), leaseSeconds: 300, limit: 4) }
                }
                var all: [OutboxJob] = []
                for try await batch in group { all += batch }
                return all
            }
            #expect(leased.count == 12 && Set(leased.map(\.id)).count == 12)
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
            #expect(rows == PostgresBookingStore.schemaVersion, "each migration is recorded once")
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

/// One store over two connection pools: each call goes to one or the other in turn.
struct TwoPoolStore: BookingStore {
    let a: PostgresBookingStore
    let b: PostgresBookingStore
    private let turn = Counter()

    init(a: PostgresBookingStore, b: PostgresBookingStore) {
        self.a = a
        self.b = b
    }

    private var next: PostgresBookingStore { turn.next() % 2 == 0 ? a : b }

    func reserve(_ request: ReservationRequest) async throws -> Reservation { try await next.reserve(request) }
    func booking(code: ConfirmationCode) async throws -> Booking? { try await next.booking(code: code) }
    func bookings(station: String, from: Date, to: Date) async throws -> [Booking] { try await next.bookings(station: station, from: from, to: to) }
    func occupancy(station: String, motif: Motif, from: Date, to: Date) async throws -> [Date: Int] {
        try await next.occupancy(station: station, motif: motif, from: from, to: to)
    }
    func setStatus(code: ConfirmationCode, to status: BookingStatus, at: Date) async throws -> Booking {
        try await next.setStatus(code: code, to: status, at: at)
    }
    func move(code: ConfirmationCode, to request: MoveRequest) async throws -> Booking { try await next.move(code: code, to: request) }
    func closeDay(station: String, day: LocalDate, from: Date, to: Date, at: Date) async throws -> [Booking] {
        try await next.closeDay(station: station, day: day, from: from, to: to, at: at)
    }
    func closedDays(station: String) async throws -> Set<LocalDate> { try await next.closedDays(station: station) }
    func enqueue(_ entry: WaitlistEntry) async throws { try await next.enqueue(entry) }
    func takeNextWaitlistEntry(station: String, motif: Motif, covering start: Date) async throws -> WaitlistEntry? {
        try await next.takeNextWaitlistEntry(station: station, motif: motif, covering: start)
    }
    func waitlist(station: String, motif: Motif) async throws -> [WaitlistEntry] { try await next.waitlist(station: station, motif: motif) }
    func purgePersonalData(endedBefore: Date, at: Date) async throws -> Int { try await next.purgePersonalData(endedBefore: endedBefore, at: at) }
    func notifications(code: ConfirmationCode) async throws -> [OutboxJob] { try await next.notifications(code: code) }
}
