import Appointments
import Foundation
import Logging
import PostgresNIO

/// A ``BookingStore`` on PostgreSQL, shared safely by any number of server
/// instances (it passes `BookingStoreConformance` unchanged).
///
/// - **No double booking, by the database.** `UNIQUE (station, motif, start_ms, seat)`
///   holds whatever code writes to the table (a cancelled booking has a `NULL`
///   seat, which frees it). Reservations of one slot are also serialised by a
///   transaction-scoped advisory lock on the slot, so concurrent requests from
///   several instances wait their turn instead of failing on the constraint.
/// - **Closures** take an exclusive advisory lock on `(station, day)` that
///   reservations take shared: no booking slips into a day being closed.
/// - **Idempotency keys** are `UNIQUE`; a race between two first uses of one
///   key ends with the second reading the first's booking.
/// - **Migrations** run in ``migrate()`` under an advisory lock, recorded in
///   `schema_version`, so several instances starting at once apply each step once.
/// - Personal data kept: optional pseudonym, e-mail, phone and idempotency key,
///   erased by ``purgePersonalData(endedBefore:at:)``.
public struct PostgresBookingStore: BookingStore {
    /// The schema version this code writes.
    public static let schemaVersion = 1

    private let client: PostgresClient
    private let schema: String
    private let logger: Logger

    /// A store in `schema` (created if missing) of the database behind `client`.
    /// The client must be running (`await client.run()` in a task) before any call.
    /// - Parameter schema: lowercase letters, digits and `_` (default `masecurite`).
    /// - Throws: ``BookingStoreError/database(code:message:operation:)`` for a bad schema name.
    public init(client: PostgresClient, schema: String = "masecurite", logger: Logger = Logger(label: "masecurite.bookings")) throws {
        guard let quoted = PG.identifier(schema) else {
            throw BookingStoreError.database(code: 0, message: "the schema name '\(schema)' must use lowercase letters, digits and _",
                                             operation: "opening the PostgreSQL booking store")
        }
        self.client = client
        self.schema = quoted
        self.logger = logger
    }

    // MARK: Schema

    /// Ordered migrations: index 0 brings version 0 to 1, and so on. `$S` is the schema.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE $S.bookings (
                id UUID PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                station TEXT NOT NULL,
                motif TEXT NOT NULL,
                start_ms BIGINT NOT NULL,
                end_ms BIGINT NOT NULL,
                seat INTEGER CHECK (seat IS NULL OR seat >= 0),
                status TEXT NOT NULL CHECK (status IN ('booked','cancelled-by-citizen','cancelled-by-station','honoured','no-show')),
                pseudonym TEXT,
                email TEXT,
                phone TEXT,
                idempotency_key TEXT UNIQUE,
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL,
                purged BOOLEAN NOT NULL DEFAULT FALSE,
                CONSTRAINT bookings_one_per_seat UNIQUE (station, motif, start_ms, seat)
            )
            """,
            "CREATE INDEX bookings_by_station_start ON $S.bookings (station, start_ms)",
            "CREATE INDEX bookings_by_end ON $S.bookings (end_ms) WHERE NOT purged",
            """
            CREATE TABLE $S.closures (
                station TEXT NOT NULL,
                day TEXT NOT NULL,
                closed_ms BIGINT NOT NULL,
                PRIMARY KEY (station, day)
            )
            """,
            """
            CREATE TABLE $S.waitlist (
                seq BIGSERIAL PRIMARY KEY,
                id UUID NOT NULL UNIQUE,
                station TEXT NOT NULL,
                motif TEXT NOT NULL,
                earliest_ms BIGINT NOT NULL,
                latest_ms BIGINT NOT NULL,
                pseudonym TEXT,
                email TEXT,
                phone TEXT,
                created_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX waitlist_by_station_motif ON $S.waitlist (station, motif, created_ms, seq)",
        ],
    ]

    /// Creates the schema and applies every missing migration, once, even when
    /// several instances start together. Safe to call at every start-up.
    /// - Returns: the schema version now in the database.
    @discardableResult
    public func migrate() async throws -> Int {
        let schema = self.schema
        return try await call("migrating the booking schema") { client, logger in
            try await PG.migrate(client, schema: schema, component: "bookings", migrations: Self.migrations, logger: logger) { found, known in
                BookingStoreError.database(code: 0, message: "the database has booking schema version \(found), newer than this server (\(known))", operation: "migrating")
            }
        }
    }

    /// Whether the database answers (for readiness probes).
    public func ping() async -> Bool {
        do {
            try await client.query("SELECT 1", logger: logger)
            return true
        } catch {
            return false
        }
    }

    // MARK: Plumbing

    /// Runs `body`, turning database failures into ``BookingStoreError/database(code:message:operation:)``.
    private func call<T: Sendable>(_ operation: String, _ body: (PostgresClient, Logger) async throws -> T) async throws -> T {
        do {
            return try await body(client, logger)
        } catch let error as BookingStoreError {
            throw error
        } catch {
            throw BookingStoreError.database(code: 0, message: PG.describe(error), operation: operation)
        }
    }

    private static let bookingColumns = "id, code, station, motif, start_ms, end_ms, seat, status, pseudonym, email, phone, idempotency_key, created_ms, updated_ms, purged"

    private typealias BookingRow = (UUID, String, String, String, Int64, Int64, Int32?, String, String?, String?, String?, String?, Int64, Int64, Bool)

    private static func booking(_ row: BookingRow) throws -> Booking {
        let (id, codeText, station, motifText, start, end, seat, statusText, pseudonym, email, phone, key, created, updated, purged) = row
        guard let code = try? ConfirmationCode(codeText) else { throw BookingStoreError.corruptRow("bookings.code of \(id)") }
        guard let motif = Motif(rawValue: motifText) else { throw BookingStoreError.corruptRow("bookings.motif of \(id) = \(motifText)") }
        guard let status = BookingStatus(rawValue: statusText) else { throw BookingStoreError.corruptRow("bookings.status of \(id) = \(statusText)") }
        let contact = Contact(pseudonym: pseudonym, email: email, phone: phone)
        return Booking(id: id, code: code, station: station, motif: motif, start: PG.date(start), end: PG.date(end),
                       seat: seat.map(Int.init), status: status, contact: contact.isEmpty ? nil : contact, idempotencyKey: key,
                       createdAt: PG.date(created), updatedAt: PG.date(updated), isPurged: purged)
    }

    private static func bookings(_ rows: PostgresRowSequence) async throws -> [Booking] {
        var result: [Booking] = []
        for try await row in rows.decode(BookingRow.self) { result.append(try booking(row)) }
        return result
    }

    private func fetch(_ connection: PostgresConnection, code: ConfirmationCode, lock: Bool = false) async throws -> Booking? {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.bookingColumns) FROM \(unescaped: schema).bookings WHERE code = \(code.rawValue)\(unescaped: lock ? " FOR UPDATE" : "")",
            logger: logger)
        return try await Self.bookings(rows).first
    }

    private func fetch(_ connection: PostgresConnection, key: String) async throws -> Booking? {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.bookingColumns) FROM \(unescaped: schema).bookings WHERE idempotency_key = \(key)", logger: logger)
        return try await Self.bookings(rows).first
    }

    /// Serialises reservations of one slot (transaction-scoped advisory lock).
    private func lockSlot(_ connection: PostgresConnection, station: String, motif: Motif, start: Date) async throws {
        let key = "slot|\(station)|\(motif.rawValue)|\(PG.milliseconds(start))"
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
    }

    /// Shared (reservations) or exclusive (closure) lock on a station's local day.
    private func lockDay(_ connection: PostgresConnection, station: String, day: LocalDate, exclusive: Bool) async throws {
        let key = "day|\(station)|\(day.description)"
        if exclusive {
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
        } else {
            try await connection.query("SELECT pg_advisory_xact_lock_shared(hashtext(\(key)))", logger: logger)
        }
    }

    private func isClosed(_ connection: PostgresConnection, station: String, day: LocalDate) async throws -> Bool {
        let rows = try await connection.query(
            "SELECT 1 FROM \(unescaped: schema).closures WHERE station = \(station) AND day = \(day.description)", logger: logger)
        for try await _ in rows { return true }
        return false
    }

    private func freeSeat(_ connection: PostgresConnection, station: String, motif: Motif, start: Date, capacity: Int) async throws -> Int {
        let rows = try await connection.query(
            "SELECT seat FROM \(unescaped: schema).bookings WHERE station = \(station) AND motif = \(motif.rawValue) AND start_ms = \(PG.milliseconds(start)) AND seat IS NOT NULL",
            logger: logger)
        var taken = Set<Int32>()
        for try await seat in rows.decode(Int32.self) { taken.insert(seat) }
        guard let seat = (0..<Int32(max(0, min(capacity, Int(Int32.max))))).first(where: { !taken.contains($0) }) else {
            throw BookingStoreError.slotFull(station: station, motif: motif, start: start, capacity: capacity)
        }
        return Int(seat)
    }

    // MARK: BookingStore

    public func reserve(_ request: ReservationRequest) async throws -> Reservation {
        do {
            return try await call("reserving a seat") { client, logger in
                try await PG.transaction(client, logger: logger) { connection in
                    try await lockDay(connection, station: request.station, day: request.day, exclusive: false)
                    try await lockSlot(connection, station: request.station, motif: request.motif, start: request.start)
                    if let key = request.idempotencyKey, let original = try await fetch(connection, key: key) {
                        guard request.matches(original) else { throw BookingStoreError.idempotencyConflict(key: key, existing: original.code) }
                        return Reservation(booking: original, isReplay: true)
                    }
                    if try await isClosed(connection, station: request.station, day: request.day) {
                        throw BookingStoreError.dayClosed(station: request.station, day: request.day)
                    }
                    let seat = try await freeSeat(connection, station: request.station, motif: request.motif, start: request.start,
                                                  capacity: request.capacity)
                    var code = request.code
                    while try await fetch(connection, code: code) != nil { code = .random() }
                    let contact = request.contact.flatMap { $0.isEmpty ? nil : $0 }
                    let booking = Booking(id: UUID(), code: code, station: request.station, motif: request.motif, start: request.start,
                                          end: request.end, seat: seat, status: .booked, contact: contact,
                                          idempotencyKey: request.idempotencyKey, createdAt: request.at, updatedAt: request.at)
                    let at = PG.milliseconds(request.at)
                    try await connection.query("""
                        INSERT INTO \(unescaped: schema).bookings (\(unescaped: Self.bookingColumns)) VALUES (
                        \(booking.id), \(code.rawValue), \(booking.station), \(booking.motif.rawValue), \(PG.milliseconds(booking.start)),
                        \(PG.milliseconds(booking.end)), \(Int32(seat)), 'booked', \(contact?.pseudonym), \(contact?.email), \(contact?.phone),
                        \(request.idempotencyKey), \(at), \(at), FALSE)
                        """, logger: logger)
                    return Reservation(booking: booking, isReplay: false)
                }
            }
        } catch let error as BookingStoreError {
            guard case .database = error else { throw error }
            // A unique constraint is the last line of defence: decide what it means.
            return try await resolveConflict(request, error: error)
        }
    }

    /// After a failed insert: the idempotency key was taken meanwhile (read the
    /// original), or the seat was (the slot is full as far as this request goes).
    private func resolveConflict(_ request: ReservationRequest, error: BookingStoreError) async throws -> Reservation {
        guard case .database(_, let message, _) = error, message.hasPrefix("SQLSTATE 23505") else { throw error }
        if let key = request.idempotencyKey {
            let original = try await call("reading an idempotent booking") { client, logger in
                try await client.withConnection { connection in try await fetch(connection, key: key) }
            }
            if let original {
                guard request.matches(original) else { throw BookingStoreError.idempotencyConflict(key: key, existing: original.code) }
                return Reservation(booking: original, isReplay: true)
            }
        }
        throw BookingStoreError.slotFull(station: request.station, motif: request.motif, start: request.start, capacity: request.capacity)
    }

    public func booking(code: ConfirmationCode) async throws -> Booking? {
        try await call("reading a booking") { client, _ in
            try await client.withConnection { connection in try await fetch(connection, code: code) }
        }
    }

    public func bookings(station: String, from: Date, to: Date) async throws -> [Booking] {
        try await call("listing bookings") { client, logger in
            try await Self.bookings(try await client.query(
                "SELECT \(unescaped: Self.bookingColumns) FROM \(unescaped: schema).bookings WHERE station = \(station) AND start_ms >= \(PG.milliseconds(from)) AND start_ms < \(PG.milliseconds(to)) ORDER BY start_ms, seat, code",
                logger: logger))
        }
    }

    public func occupancy(station: String, motif: Motif, from: Date, to: Date) async throws -> [Date: Int] {
        try await call("counting occupancy") { client, logger in
            let rows = try await client.query(
                "SELECT start_ms, COUNT(*) FROM \(unescaped: schema).bookings WHERE station = \(station) AND motif = \(motif.rawValue) AND start_ms >= \(PG.milliseconds(from)) AND start_ms < \(PG.milliseconds(to)) AND seat IS NOT NULL GROUP BY start_ms",
                logger: logger)
            var result: [Date: Int] = [:]
            for try await (start, count) in rows.decode((Int64, Int64).self) { result[PG.date(start)] = Int(count) }
            return result
        }
    }

    private func changeStatus(_ connection: PostgresConnection, code: ConfirmationCode, to status: BookingStatus, at: Date) async throws -> Booking {
        guard var booking = try await fetch(connection, code: code, lock: true) else { throw BookingStoreError.notFound(code) }
        guard booking.status == .booked else { throw BookingStoreError.notActive(code, booking.status) }
        booking.status = status
        if !status.holdsSeat { booking.seat = nil }
        booking.updatedAt = at
        try await connection.query(
            "UPDATE \(unescaped: schema).bookings SET status = \(status.rawValue), seat = \(booking.seat.map(Int32.init)), updated_ms = \(PG.milliseconds(at)) WHERE code = \(code.rawValue)",
            logger: logger)
        return booking
    }

    public func setStatus(code: ConfirmationCode, to status: BookingStatus, at: Date) async throws -> Booking {
        try await call("changing a status") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                try await changeStatus(connection, code: code, to: status, at: at)
            }
        }
    }

    public func move(code: ConfirmationCode, to request: MoveRequest) async throws -> Booking {
        do {
            return try await call("moving a booking") { client, logger in
                try await PG.transaction(client, logger: logger) { connection in
                    guard let current = try await fetch(connection, code: code) else { throw BookingStoreError.notFound(code) }
                    try await lockDay(connection, station: current.station, day: request.day, exclusive: false)
                    try await lockSlot(connection, station: current.station, motif: current.motif, start: request.start)
                    guard var booking = try await fetch(connection, code: code, lock: true) else { throw BookingStoreError.notFound(code) }
                    guard booking.status == .booked else { throw BookingStoreError.notActive(code, booking.status) }
                    if booking.start == request.start { return booking }
                    if try await isClosed(connection, station: booking.station, day: request.day) {
                        throw BookingStoreError.dayClosed(station: booking.station, day: request.day)
                    }
                    let seat = try await freeSeat(connection, station: booking.station, motif: booking.motif, start: request.start,
                                                  capacity: request.capacity)
                    booking.start = request.start
                    booking.end = request.end
                    booking.seat = seat
                    booking.updatedAt = request.at
                    try await connection.query(
                        "UPDATE \(unescaped: schema).bookings SET start_ms = \(PG.milliseconds(request.start)), end_ms = \(PG.milliseconds(request.end)), seat = \(Int32(seat)), updated_ms = \(PG.milliseconds(request.at)) WHERE code = \(code.rawValue)",
                        logger: logger)
                    return booking
                }
            }
        } catch let error as BookingStoreError {
            if case .database(_, let message, _) = error, message.hasPrefix("SQLSTATE 23505"),
               let current = try await self.booking(code: code) {
                throw BookingStoreError.slotFull(station: current.station, motif: current.motif, start: request.start, capacity: request.capacity)
            }
            throw error
        }
    }

    public func closeDay(station: String, day: LocalDate, from: Date, to: Date, at: Date) async throws -> [Booking] {
        try await call("closing a day") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                try await lockDay(connection, station: station, day: day, exclusive: true)
                try await connection.query(
                    "INSERT INTO \(unescaped: schema).closures (station, day, closed_ms) VALUES (\(station), \(day.description), \(PG.milliseconds(at))) ON CONFLICT DO NOTHING",
                    logger: logger)
                var codes: [String] = []
                for try await code in try await connection.query(
                    "SELECT code FROM \(unescaped: schema).bookings WHERE station = \(station) AND start_ms >= \(PG.milliseconds(from)) AND start_ms < \(PG.milliseconds(to)) AND status = 'booked' ORDER BY start_ms, seat",
                    logger: logger
                ).decode(String.self) { codes.append(code) }
                var cancelled: [Booking] = []
                for text in codes {
                    guard let code = try? ConfirmationCode(text) else { throw BookingStoreError.corruptRow("bookings.code = \(text)") }
                    cancelled.append(try await changeStatus(connection, code: code, to: .cancelledByStation, at: at))
                }
                return cancelled
            }
        }
    }

    public func closedDays(station: String) async throws -> Set<LocalDate> {
        try await call("listing closures") { client, logger in
            var days = Set<LocalDate>()
            for try await text in try await client.query(
                "SELECT day FROM \(unescaped: schema).closures WHERE station = \(station)", logger: logger
            ).decode(String.self) {
                guard let day = try? LocalDate(iso: text) else { throw BookingStoreError.corruptRow("closures.day = \(text)") }
                days.insert(day)
            }
            return days
        }
    }

    public func enqueue(_ entry: WaitlistEntry) async throws {
        _ = try await call("joining the waiting list") { client, logger in
            try await client.query("""
                INSERT INTO \(unescaped: schema).waitlist (id, station, motif, earliest_ms, latest_ms, pseudonym, email, phone, created_ms)
                VALUES (\(entry.id), \(entry.station), \(entry.motif.rawValue), \(PG.milliseconds(entry.earliest)), \(PG.milliseconds(entry.latest)),
                \(entry.contact?.pseudonym), \(entry.contact?.email), \(entry.contact?.phone), \(PG.milliseconds(entry.createdAt)))
                """, logger: logger)
        }
    }

    private typealias WaitlistRow = (UUID, String, String, Int64, Int64, String?, String?, String?, Int64)
    private static let waitlistColumns = "id, station, motif, earliest_ms, latest_ms, pseudonym, email, phone, created_ms"

    private static func entries(_ rows: PostgresRowSequence) async throws -> [WaitlistEntry] {
        var result: [WaitlistEntry] = []
        for try await (id, station, motifText, earliest, latest, pseudonym, email, phone, created) in rows.decode(WaitlistRow.self) {
            guard let motif = Motif(rawValue: motifText) else { throw BookingStoreError.corruptRow("waitlist.motif of \(id) = \(motifText)") }
            let contact = Contact(pseudonym: pseudonym, email: email, phone: phone)
            result.append(WaitlistEntry(id: id, station: station, motif: motif, earliest: PG.date(earliest), latest: PG.date(latest),
                                        contact: contact.isEmpty ? nil : contact, createdAt: PG.date(created)))
        }
        return result
    }

    public func takeNextWaitlistEntry(station: String, motif: Motif, covering start: Date) async throws -> WaitlistEntry? {
        try await call("offering a freed slot") { client, logger in
            let ms = PG.milliseconds(start)
            return try await Self.entries(try await client.query("""
                DELETE FROM \(unescaped: schema).waitlist WHERE seq = (
                    SELECT seq FROM \(unescaped: schema).waitlist
                    WHERE station = \(station) AND motif = \(motif.rawValue) AND earliest_ms <= \(ms) AND latest_ms >= \(ms)
                    ORDER BY created_ms, seq LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.waitlistColumns)
                """, logger: logger)).first
        }
    }

    public func waitlist(station: String, motif: Motif) async throws -> [WaitlistEntry] {
        try await call("reading the waiting list") { client, logger in
            try await Self.entries(try await client.query(
                "SELECT \(unescaped: Self.waitlistColumns) FROM \(unescaped: schema).waitlist WHERE station = \(station) AND motif = \(motif.rawValue) ORDER BY created_ms, seq",
                logger: logger))
        }
    }

    public func purgePersonalData(endedBefore: Date, at: Date) async throws -> Int {
        try await call("purging personal data") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                let cutoff = PG.milliseconds(endedBefore)
                var count = 0
                for try await value in try await connection.query("""
                    WITH purged AS (
                        UPDATE \(unescaped: schema).bookings SET pseudonym = NULL, email = NULL, phone = NULL, idempotency_key = NULL,
                            purged = TRUE, updated_ms = \(PG.milliseconds(at))
                        WHERE NOT purged AND end_ms < \(cutoff) RETURNING 1)
                    SELECT COUNT(*) FROM purged
                    """, logger: logger).decode(Int64.self) { count = Int(value) }
                try await connection.query("DELETE FROM \(unescaped: schema).waitlist WHERE latest_ms < \(cutoff)", logger: logger)
                return count
            }
        }
    }
}
