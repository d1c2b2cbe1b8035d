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
/// - **Held seats** (schema version 2) are rows of `holds`, `UNIQUE (station,
///   motif, start_ms, seat)`. Offers, claims, reservations and moves of one slot
///   all take the slot's advisory lock and count the bookings and the unexpired
///   holds under it, so a seat is never given twice, whichever instance serves
///   the call; a hold is deleted by the claim that books it, so it is claimed once.
/// - **Outbox** (schema version 2): notifications are written in the same
///   transaction as the booking change they are about. Leasing is one
///   `UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)`: concurrent senders on
///   any number of instances each get different jobs, and a job's id never
///   changes, so it is never sent twice under different ids.
/// - **Closures** lock the day's booked rows (`FOR UPDATE`) before cancelling
///   them: a booking a concurrent move took off the day, or a citizen cancelled,
///   is re-read and left alone.
/// - **Published schedules** (schema version 3, ``ScheduleStore``): one row per
///   station, replaced by one `INSERT … ON CONFLICT DO UPDATE` that gives the next version.
/// - Personal data kept: optional pseudonym, e-mail, phone and idempotency key
///   (bookings, waiting list, holds), erased by ``purgePersonalData(endedBefore:at:)``.
///   The outbox holds no address: it names the booking, the kind and the channel.
public struct PostgresBookingStore: BookingStore, ScheduleStore {
    /// The schema version this code writes.
    public static let schemaVersion = 3

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
        [
            // The notification outbox: no address, only the booking's code, the kind and the channel.
            """
            CREATE TABLE $S.outbox (
                id TEXT PRIMARY KEY,
                code TEXT NOT NULL,
                kind TEXT NOT NULL,
                channel TEXT NOT NULL CHECK (channel IN ('email','sms')),
                due_ms BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                leased_until_ms BIGINT,
                sent_ms BIGINT,
                last_error TEXT
            )
            """,
            "CREATE INDEX outbox_due ON $S.outbox (due_ms) WHERE sent_ms IS NULL",
            "CREATE INDEX outbox_by_code ON $S.outbox (code)",
            // Seats kept for the first person of the waiting list.
            """
            CREATE TABLE $S.holds (
                id UUID PRIMARY KEY,
                station TEXT NOT NULL,
                motif TEXT NOT NULL,
                start_ms BIGINT NOT NULL,
                end_ms BIGINT NOT NULL,
                day TEXT NOT NULL,
                seat INTEGER NOT NULL CHECK (seat >= 0),
                capacity INTEGER NOT NULL,
                expires_ms BIGINT NOT NULL,
                entry_id UUID NOT NULL,
                entry_earliest_ms BIGINT NOT NULL,
                entry_latest_ms BIGINT NOT NULL,
                pseudonym TEXT,
                email TEXT,
                phone TEXT,
                entry_created_ms BIGINT NOT NULL,
                CONSTRAINT holds_one_per_seat UNIQUE (station, motif, start_ms, seat)
            )
            """,
            "CREATE INDEX holds_by_expiry ON $S.holds (expires_ms)",
        ],
        [
            // The schedules staff publish at run time (the server's back office), one per station.
            """
            CREATE TABLE $S.schedules (
                station TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1),
                published_ms BIGINT NOT NULL,
                published_by TEXT
            )
            """,
            // A waiting-list reference finds its kept seat.
            "CREATE INDEX holds_by_entry ON $S.holds (entry_id)",
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
        await PG.answers(client, logger: logger)
    }

    // MARK: Plumbing

    /// Runs `body`, turning database failures into ``BookingStoreError/database(code:message:operation:)``.
    private func call<T: Sendable>(_ operation: String, _ body: (PostgresClient, Logger) async throws -> T) async throws -> T {
        try await PG.call(client, logger: logger, operation, as: { BookingStoreError.database(code: 0, message: $0, operation: $1) }, body)
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

    /// The lowest seat of the slot neither booked nor kept by a hold unexpired at `at`
    /// (call with the slot's lock held).
    private func freeSeat(_ connection: PostgresConnection, station: String, motif: Motif, start: Date, capacity: Int,
                          at: Date) async throws -> Int {
        let ms = PG.milliseconds(start)
        let rows = try await connection.query("""
            SELECT seat FROM \(unescaped: schema).bookings WHERE station = \(station) AND motif = \(motif.rawValue) AND start_ms = \(ms) AND seat IS NOT NULL
            UNION SELECT seat FROM \(unescaped: schema).holds WHERE station = \(station) AND motif = \(motif.rawValue) AND start_ms = \(ms) AND expires_ms > \(PG.milliseconds(at))
            """, logger: logger)
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
                                                  capacity: request.capacity, at: request.at)
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
                    for plan in request.notifications { try await insert(connection, OutboxJob(plan, for: booking)) }
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
                """
                SELECT start_ms, COUNT(*) FROM (
                    SELECT start_ms FROM \(unescaped: schema).bookings WHERE station = \(station) AND motif = \(motif.rawValue) AND start_ms >= \(PG.milliseconds(from)) AND start_ms < \(PG.milliseconds(to)) AND seat IS NOT NULL
                    UNION ALL
                    SELECT start_ms FROM \(unescaped: schema).holds WHERE station = \(station) AND motif = \(motif.rawValue) AND start_ms >= \(PG.milliseconds(from)) AND start_ms < \(PG.milliseconds(to))
                ) AS taken GROUP BY start_ms
                """,
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
        try await dropUnsentReminders(connection, of: code)
        if status == .cancelledByStation {
            for notice in OutboxJob.cancellationNotices(for: booking, at: at) { try await insert(connection, notice) }
        }
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
                                                  capacity: request.capacity, at: request.at)
                    booking.start = request.start
                    booking.end = request.end
                    booking.seat = seat
                    booking.updatedAt = request.at
                    try await connection.query(
                        "UPDATE \(unescaped: schema).bookings SET start_ms = \(PG.milliseconds(request.start)), end_ms = \(PG.milliseconds(request.end)), seat = \(Int32(seat)), updated_ms = \(PG.milliseconds(request.at)) WHERE code = \(code.rawValue)",
                        logger: logger)
                    try await dropUnsentReminders(connection, of: code)
                    for plan in request.notifications { try await insert(connection, OutboxJob(plan, for: booking)) }
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
                    // FOR UPDATE: a row a concurrent move or cancellation changed is read again and left out if it no longer matches.
                    "SELECT code FROM \(unescaped: schema).bookings WHERE station = \(station) AND start_ms >= \(PG.milliseconds(from)) AND start_ms < \(PG.milliseconds(to)) AND status = 'booked' ORDER BY start_ms, seat FOR UPDATE",
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

    public func reopenDay(station: String, day: LocalDate) async throws -> Bool {
        try await call("reopening a day") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                // The same lock as a closure: a closure and a reopening of the day take turns.
                try await lockDay(connection, station: station, day: day, exclusive: true)
                var reopened = false
                for try await _ in try await connection.query(
                    "DELETE FROM \(unescaped: schema).closures WHERE station = \(station) AND day = \(day.description) RETURNING 1",
                    logger: logger
                ).decode(Int32.self) { reopened = true }
                return reopened
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

    public func waitlistEntry(id: UUID) async throws -> WaitlistEntry? {
        try await call("reading a waiting-list entry") { client, logger in
            try await Self.entries(try await client.query(
                "SELECT \(unescaped: Self.waitlistColumns) FROM \(unescaped: schema).waitlist WHERE id = \(id)", logger: logger)).first
        }
    }

    public func leaveWaitlist(id: UUID) async throws -> WaitlistEntry? {
        try await call("leaving the waiting list") { client, logger in
            // One statement: of concurrent leaves (or a leave and an offer), one gets the row.
            try await Self.entries(try await client.query(
                "DELETE FROM \(unescaped: schema).waitlist WHERE id = \(id) RETURNING \(unescaped: Self.waitlistColumns)", logger: logger)).first
        }
    }

    public func purgePersonalData(endedBefore: Date, at: Date) async throws -> Int {
        try await call("purging personal data") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                let cutoff = PG.milliseconds(endedBefore)
                try await connection.query(
                    "DELETE FROM \(unescaped: schema).outbox WHERE code IN (SELECT code FROM \(unescaped: schema).bookings WHERE NOT purged AND end_ms < \(cutoff))",
                    logger: logger)
                // An offer due before the cutoff ran out long ago (a hold lasts minutes).
                try await connection.query(
                    "DELETE FROM \(unescaped: schema).outbox WHERE kind = \(NotificationKind.offer.rawValue) AND due_ms < \(cutoff)", logger: logger)
                var count = 0
                for try await value in try await connection.query("""
                    WITH purged AS (
                        UPDATE \(unescaped: schema).bookings SET pseudonym = NULL, email = NULL, phone = NULL, idempotency_key = NULL,
                            purged = TRUE, updated_ms = \(PG.milliseconds(at))
                        WHERE NOT purged AND end_ms < \(cutoff) RETURNING 1)
                    SELECT COUNT(*) FROM purged
                    """, logger: logger).decode(Int64.self) { count = Int(value) }
                try await connection.query("DELETE FROM \(unescaped: schema).waitlist WHERE latest_ms < \(cutoff)", logger: logger)
                try await connection.query("DELETE FROM \(unescaped: schema).holds WHERE end_ms < \(cutoff)", logger: logger)
                return count
            }
        }
    }

    // MARK: Outbox

    private static let outboxColumns = "id, code, kind, channel, due_ms, attempts, leased_until_ms, sent_ms, last_error"

    private typealias OutboxRow = (String, String, String, String, Int64, Int32, Int64?, Int64?, String?)

    private static func jobs(_ rows: PostgresRowSequence) async throws -> [OutboxJob] {
        var result: [OutboxJob] = []
        for try await (id, codeText, kindText, channelText, due, attempts, leasedUntil, sent, lastError) in rows.decode(OutboxRow.self) {
            guard let kind = NotificationKind(rawValue: kindText), let channel = NotificationChannel(rawValue: channelText),
                  let job = OutboxJob(subject: codeText, id: id, kind: kind, channel: channel, dueAt: PG.date(due), attempts: Int(attempts),
                                      leasedUntil: leasedUntil.map(PG.date), sentAt: sent.map(PG.date), lastError: lastError) else {
                throw BookingStoreError.corruptRow("outbox row \(id)")
            }
            result.append(job)
        }
        return result
    }

    /// Plans `job` in the caller's transaction; a job already planned (same stable id) is kept as it is.
    private func insert(_ connection: PostgresConnection, _ job: OutboxJob) async throws {
        try await connection.query("""
            INSERT INTO \(unescaped: schema).outbox (\(unescaped: Self.outboxColumns)) VALUES (
            \(job.id), \(job.subject), \(job.kind.rawValue), \(job.channel.rawValue), \(PG.milliseconds(job.dueAt)),
            \(Int32(clamping: job.attempts)), \(job.leasedUntil.map(PG.milliseconds)), \(job.sentAt.map(PG.milliseconds)), \(job.lastError))
            ON CONFLICT (id) DO NOTHING
            """, logger: logger)
    }

    /// Deletes the unsent reminders of `code` (a cancellation notice stays).
    private func dropUnsentReminders(_ connection: PostgresConnection, of code: ConfirmationCode) async throws {
        try await connection.query(
            "DELETE FROM \(unescaped: schema).outbox WHERE code = \(code.rawValue) AND sent_ms IS NULL AND kind <> \(NotificationKind.cancelledByStation.rawValue)",
            logger: logger)
    }

    public func leaseDueNotifications(now: Date, leaseSeconds: Int, limit: Int) async throws -> [OutboxJob] {
        try await call("leasing notifications") { client, logger in
            let nowMs = PG.milliseconds(now)
            let until = PG.milliseconds(now.addingTimeInterval(TimeInterval(max(1, leaseSeconds))))
            // One statement: the rows picked are locked (rows another sender is leasing are skipped,
            // not waited for), and a row leased meanwhile fails the re-check of the lease condition.
            let leased = try await Self.jobs(try await client.query("""
                UPDATE \(unescaped: schema).outbox AS job SET attempts = job.attempts + 1, leased_until_ms = \(until)
                FROM (SELECT id FROM \(unescaped: schema).outbox
                      WHERE sent_ms IS NULL AND due_ms <= \(nowMs) AND (leased_until_ms IS NULL OR leased_until_ms <= \(nowMs))
                      ORDER BY due_ms, id COLLATE "C" LIMIT \(Int64(max(0, limit))) FOR UPDATE SKIP LOCKED) AS due
                WHERE job.id = due.id
                RETURNING job.id, job.code, job.kind, job.channel, job.due_ms, job.attempts, job.leased_until_ms, job.sent_ms, job.last_error
                """, logger: logger))
            return leased.sorted { $0.dueAt != $1.dueAt ? $0.dueAt < $1.dueAt : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        }
    }

    public func markNotificationSent(id: String, at: Date) async throws {
        _ = try await call("marking a notification sent") { client, logger in
            try await client.query(
                "UPDATE \(unescaped: schema).outbox SET sent_ms = \(PG.milliseconds(at)), leased_until_ms = NULL WHERE id = \(id) AND sent_ms IS NULL",
                logger: logger)
        }
    }

    public func releaseNotification(id: String, retryAt: Date, error: String) async throws {
        _ = try await call("releasing a notification") { client, logger in
            try await client.query(
                "UPDATE \(unescaped: schema).outbox SET due_ms = \(PG.milliseconds(retryAt)), leased_until_ms = NULL, last_error = \(String(error.prefix(500))) WHERE id = \(id) AND sent_ms IS NULL",
                logger: logger)
        }
    }

    public func notifications(code: ConfirmationCode) async throws -> [OutboxJob] {
        try await call("listing notifications") { client, logger in
            try await Self.jobs(try await client.query(
                "SELECT \(unescaped: Self.outboxColumns) FROM \(unescaped: schema).outbox WHERE code = \(code.rawValue) ORDER BY due_ms, id COLLATE \"C\"",
                logger: logger))
        }
    }

    public func notifications(hold: UUID) async throws -> [OutboxJob] {
        try await call("listing an offer's notifications") { client, logger in
            try await Self.jobs(try await client.query(
                "SELECT \(unescaped: Self.outboxColumns) FROM \(unescaped: schema).outbox WHERE code = \(hold.uuidString.lowercased()) AND kind = \(NotificationKind.offer.rawValue) ORDER BY due_ms, id COLLATE \"C\"",
                logger: logger))
        }
    }

    // MARK: Held seats

    private static let holdColumns = "id, station, motif, start_ms, end_ms, day, seat, capacity, expires_ms, entry_id, entry_earliest_ms, entry_latest_ms, pseudonym, email, phone, entry_created_ms"

    private typealias HoldRow = (UUID, String, String, Int64, Int64, String, Int32, Int32, Int64, UUID, Int64, Int64, String?, String?, String?, Int64)

    private static func holds(_ rows: PostgresRowSequence) async throws -> [SeatHold] {
        var result: [SeatHold] = []
        for try await row in rows.decode(HoldRow.self) {
            let (id, station, motifText, start, end, dayText, seat, capacity, expires, entryID, earliest, latest, pseudonym, email, phone, created) = row
            guard let motif = Motif(rawValue: motifText), let day = try? LocalDate(iso: dayText) else {
                throw BookingStoreError.corruptRow("holds row \(id)")
            }
            let contact = Contact(pseudonym: pseudonym, email: email, phone: phone)
            let entry = WaitlistEntry(id: entryID, station: station, motif: motif, earliest: PG.date(earliest), latest: PG.date(latest),
                                      contact: contact.isEmpty ? nil : contact, createdAt: PG.date(created))
            result.append(SeatHold(id: id, entry: entry, station: station, motif: motif, start: PG.date(start), end: PG.date(end), day: day,
                                   seat: Int(seat), capacity: Int(capacity), expiresAt: PG.date(expires)))
        }
        return result
    }

    private func fetchHold(_ connection: PostgresConnection, id: UUID, lock: Bool = false) async throws -> SeatHold? {
        try await Self.holds(try await connection.query(
            "SELECT \(unescaped: Self.holdColumns) FROM \(unescaped: schema).holds WHERE id = \(id)\(unescaped: lock ? " FOR UPDATE" : "")",
            logger: logger)).first
    }

    public func offerFreedSeat(_ request: SeatOfferRequest) async throws -> SeatHold? {
        try await call("offering a freed seat") { client, logger in
            try await PG.transaction(client, logger: logger) { connection in
                try await lockSlot(connection, station: request.station, motif: request.motif, start: request.start)
                // Holds expired on this slot no longer count; the sweep hands them to the next person.
                let seat: Int
                do {
                    seat = try await freeSeat(connection, station: request.station, motif: request.motif, start: request.start,
                                              capacity: request.capacity, at: request.at)
                } catch BookingStoreError.slotFull {
                    return nil
                }
                let ms = PG.milliseconds(request.start)
                // The entry leaves the list in this transaction; an entry another offer is taking is skipped, not offered twice.
                guard let entry = try await Self.entries(try await connection.query("""
                    DELETE FROM \(unescaped: schema).waitlist WHERE seq = (
                        SELECT seq FROM \(unescaped: schema).waitlist
                        WHERE station = \(request.station) AND motif = \(request.motif.rawValue) AND earliest_ms <= \(ms) AND latest_ms >= \(ms)
                        ORDER BY created_ms, seq LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING \(unescaped: Self.waitlistColumns)
                    """, logger: logger)).first else { return nil }
                // An expired hold may still occupy this seat's row: it is replaced.
                try await connection.query(
                    "DELETE FROM \(unescaped: schema).holds WHERE station = \(request.station) AND motif = \(request.motif.rawValue) AND start_ms = \(ms) AND seat = \(Int32(seat)) AND expires_ms <= \(PG.milliseconds(request.at))",
                    logger: logger)
                let hold = SeatHold(id: UUID(), entry: entry, station: request.station, motif: request.motif, start: request.start,
                                    end: request.end, day: request.day, seat: seat, capacity: request.capacity,
                                    expiresAt: request.at.addingTimeInterval(TimeInterval(max(1, request.holdSeconds))))
                try await connection.query("""
                    INSERT INTO \(unescaped: schema).holds (\(unescaped: Self.holdColumns)) VALUES (
                    \(hold.id), \(hold.station), \(hold.motif.rawValue), \(ms), \(PG.milliseconds(hold.end)), \(hold.day.description),
                    \(Int32(seat)), \(Int32(clamping: hold.capacity)), \(PG.milliseconds(hold.expiresAt)), \(entry.id),
                    \(PG.milliseconds(entry.earliest)), \(PG.milliseconds(entry.latest)), \(entry.contact?.pseudonym), \(entry.contact?.email),
                    \(entry.contact?.phone), \(PG.milliseconds(entry.createdAt)))
                    """, logger: logger)
                for job in OutboxJob.offerNotices(for: hold, at: request.at) { try await insert(connection, job) }
                return hold
            }
        }
    }

    public func claimHold(id: UUID, _ claim: ClaimRequest) async throws -> Booking {
        do {
            return try await call("claiming a held seat") { client, logger in
                try await PG.transaction(client, logger: logger) { connection in
                    if let key = claim.idempotencyKey, let original = try await fetch(connection, key: key) { return original }
                    guard let unlocked = try await fetchHold(connection, id: id) else { throw BookingStoreError.holdNotFound(id) }
                    // Same lock order as a reservation (day, then slot): claims, offers and bookings of the slot take turns.
                    try await lockDay(connection, station: unlocked.station, day: unlocked.day, exclusive: false)
                    try await lockSlot(connection, station: unlocked.station, motif: unlocked.motif, start: unlocked.start)
                    // Read again under the lock: a claim that went first has booked it (and deleted the hold).
                    if let key = claim.idempotencyKey, let original = try await fetch(connection, key: key) { return original }
                    guard let hold = try await fetchHold(connection, id: id, lock: true) else { throw BookingStoreError.holdNotFound(id) }
                    guard hold.expiresAt > claim.at else { throw BookingStoreError.holdExpired(id, expiredAt: hold.expiresAt) }
                    if try await isClosed(connection, station: hold.station, day: hold.day) {
                        throw BookingStoreError.dayClosed(station: hold.station, day: hold.day)
                    }
                    var code = claim.code
                    while try await fetch(connection, code: code) != nil { code = .random() }
                    let contact = (claim.contact ?? hold.entry.contact).flatMap { $0.isEmpty ? nil : $0 }
                    let booking = Booking(id: UUID(), code: code, station: hold.station, motif: hold.motif, start: hold.start, end: hold.end,
                                          seat: hold.seat, status: .booked, contact: contact, idempotencyKey: claim.idempotencyKey,
                                          createdAt: claim.at, updatedAt: claim.at)
                    try await connection.query("DELETE FROM \(unescaped: schema).holds WHERE id = \(id)", logger: logger)
                    let at = PG.milliseconds(claim.at)
                    try await connection.query("""
                        INSERT INTO \(unescaped: schema).bookings (\(unescaped: Self.bookingColumns)) VALUES (
                        \(booking.id), \(code.rawValue), \(booking.station), \(booking.motif.rawValue), \(PG.milliseconds(booking.start)),
                        \(PG.milliseconds(booking.end)), \(Int32(hold.seat)), 'booked', \(contact?.pseudonym), \(contact?.email), \(contact?.phone),
                        \(claim.idempotencyKey), \(at), \(at), FALSE)
                        """, logger: logger)
                    for plan in claim.notifications { try await insert(connection, OutboxJob(plan, for: booking)) }
                    return booking
                }
            }
        } catch let error as BookingStoreError {
            // A unique constraint failed (the transaction rolled back, the hold is still there): the idempotency
            // key was used meanwhile (its booking is the answer), or a writer outside this code took the seat.
            guard case .database(_, let message, _) = error, message.hasPrefix("SQLSTATE 23505") else { throw error }
            if let key = claim.idempotencyKey,
               let original = try await call("reading an idempotent booking", { client, _ in
                   try await client.withConnection { connection in try await fetch(connection, key: key) }
               }) {
                return original
            }
            guard let hold = try await self.hold(id: id) else { throw BookingStoreError.holdNotFound(id) }
            throw BookingStoreError.slotFull(station: hold.station, motif: hold.motif, start: hold.start, capacity: hold.capacity)
        }
    }

    public func hold(id: UUID) async throws -> SeatHold? {
        try await call("reading a held seat") { client, _ in
            try await client.withConnection { connection in try await fetchHold(connection, id: id) }
        }
    }

    public func hold(entry: UUID) async throws -> SeatHold? {
        try await call("reading the seat held for an entry") { client, logger in
            try await Self.holds(try await client.query(
                "SELECT \(unescaped: Self.holdColumns) FROM \(unescaped: schema).holds WHERE entry_id = \(entry)", logger: logger)).first
        }
    }

    public func releaseHold(id: UUID) async throws -> SeatHold? {
        try await call("releasing a held seat") { client, logger in
            try await Self.holds(try await client.query(
                "DELETE FROM \(unescaped: schema).holds WHERE id = \(id) RETURNING \(unescaped: Self.holdColumns)", logger: logger)).first
        }
    }

    public func expireHolds(now: Date) async throws -> [SeatHold] {
        try await call("expiring held seats") { client, logger in
            // A row two sweepers reach at once is deleted, and returned, by one of them.
            let expired = try await Self.holds(try await client.query(
                "DELETE FROM \(unescaped: schema).holds WHERE expires_ms <= \(PG.milliseconds(now)) RETURNING \(unescaped: Self.holdColumns)",
                logger: logger))
            return expired.sorted { ($0.expiresAt, $0.start) < ($1.expiresAt, $1.start) }
        }
    }

    // MARK: Published schedules

    private typealias ScheduleRow = (String, String, Int64, Int64, String?)

    private static func publications(_ rows: PostgresRowSequence) async throws -> [StationSchedulePublication] {
        var result: [StationSchedulePublication] = []
        for try await (station, body, version, published, by) in rows.decode(ScheduleRow.self) {
            result.append(StationSchedulePublication(station: station, schedule: try AppointmentSchedule(storedForm: body, what: "schedules.body of \(station)"),
                                                     version: Int(version), publishedAt: PG.date(published), publishedBy: by))
        }
        return result
    }

    public func publishedSchedule(station: String) async throws -> StationSchedulePublication? {
        try await call("reading a published schedule") { client, logger in
            try await Self.publications(try await client.query(
                "SELECT station, body, version, published_ms, published_by FROM \(unescaped: schema).schedules WHERE station = \(station)",
                logger: logger)).first
        }
    }

    public func publishSchedule(_ schedule: AppointmentSchedule, station: String, by account: String?,
                                at: Date) async throws -> StationSchedulePublication {
        let body = try schedule.storedForm()
        return try await call("publishing a schedule") { client, logger in
            // Concurrent publications for one station queue on its row: each gets the next version.
            let rows = try await client.query("""
                INSERT INTO \(unescaped: schema).schedules AS existing (station, body, version, published_ms, published_by)
                VALUES (\(station), \(body), 1, \(PG.milliseconds(at)), \(account))
                ON CONFLICT (station) DO UPDATE SET body = EXCLUDED.body, version = existing.version + 1,
                    published_ms = EXCLUDED.published_ms, published_by = EXCLUDED.published_by
                RETURNING station, body, version, published_ms, published_by
                """, logger: logger)
            guard let publication = try await Self.publications(rows).first else {
                throw BookingStoreError.corruptRow("schedules row of \(station) missing after its publication")
            }
            return publication
        }
    }
}
