import Foundation
import SQLiteSupport

/// A ``BookingStore`` in an SQLite file, safe to share between threads,
/// connections and processes (e.g. several `masecurite` commands at once).
///
/// - WAL journal and `synchronous=FULL`: a returned call is on disk.
/// - Every write runs in `BEGIN IMMEDIATE`, which takes the database write lock
///   before reading, so "count the seats, then insert" cannot interleave with
///   another writer; waiting writers retry for up to the busy timeout.
/// - `UNIQUE (station, motif, start_ms, seat)` makes a double booking
///   impossible even if a writer bypassed this code: cancelled bookings have
///   a `NULL` seat, which frees it.
/// - A `schema_version` table and ordered migrations upgrade older files in place.
/// - Personal data kept: optional pseudonym, e-mail, phone and idempotency key,
///   erased by ``purgePersonalData(endedBefore:at:)``. The notification outbox
///   (schema version 2) holds no address: it names the booking (its `code`
///   column; the held seat's id for an `offer`), the kind and the channel.
/// - The schedules staff publish (``ScheduleStore``, schema version 4) are rows
///   of `schedules`, one per station, replaced in one transaction.
public actor SQLiteBookingStore: BookingStore, ScheduleStore {
    /// The schema version this code writes.
    public static let schemaVersion = 4

    private let connection: SQLiteConnection
    /// The schema version of the open file: the latest once migrated; an older
    /// one for a file opened read-only (queries then skip the tables it lacks).
    private let openVersion: Int
    private var ids = BookingIDGenerator()

    /// The tables every bookings file has: a file holding other tables but not
    /// these is someone else's database, left unchanged.
    static let ownTables: Set<String> = ["schema_version", "bookings"]

    /// Opens or creates the database file at `path` (its directory must exist)
    /// and brings its schema up to date.
    /// - Parameters:
    ///   - path: the database file.
    ///   - busyTimeoutMilliseconds: how long a writer waits for another one.
    /// - Throws: ``BookingStoreError/foreignDatabase(path:tables:)`` when the file
    ///   is another application's database (nothing is written to it);
    ///   ``BookingStoreError/database(code:message:operation:)`` otherwise.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                          requiredTables: Self.ownTables)
        try SQLiteBookingStore.migrate(connection)
        openVersion = Self.schemaVersion
    }

    /// Opens an existing bookings file at `path` to read it only: nothing is
    /// created, migrated or changed (not even the journal mode), and every
    /// write fails. For tools that show bookings.
    /// - Throws: ``BookingStoreError/foreignDatabase(path:tables:)`` when the file
    ///   is not a bookings file; ``BookingStoreError/database(code:message:operation:)``
    ///   when it cannot be opened or has another schema version.
    public init(readingOnly path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, readOnly: true,
                                          requiredTables: Self.ownTables)
        let rows = try connection.query("SELECT MAX(version) FROM schema_version", operation: "reading the schema version")
        // Older versions read fine (a write command migrates them); a newer one is refused.
        guard case .integer(let version)? = rows.first?.first, (1...Int64(Self.schemaVersion)).contains(version) else {
            throw BookingStoreError.foreignDatabase(path: path, tables: ["schema_version (empty or another version)"])
        }
        openVersion = Int(version)
    }

    /// Whether the file has the published-schedules table (schema version 4).
    private var hasSchedules: Bool { openVersion >= 4 }
    /// Whether the file has the seat-hold table (schema version 3).
    private var hasHolds: Bool { openVersion >= 3 }
    /// Whether the file has the outbox table (schema version 2).
    private var hasOutbox: Bool { openVersion >= 2 }

    /// The schema version of the open file.
    public func currentSchemaVersion() throws -> Int {
        let rows = try connection.query("SELECT MAX(version) FROM schema_version", operation: "reading the schema version")
        if case .integer(let version)? = rows.first?.first { return Int(version) }
        return 0
    }

    // MARK: Schema

    /// Ordered migrations: index 0 brings version 0 to 1, and so on.
    static let migrations: [String] = [
        """
        CREATE TABLE bookings (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            station TEXT NOT NULL,
            motif TEXT NOT NULL,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            seat INTEGER CHECK (seat IS NULL OR seat >= 0),
            status TEXT NOT NULL CHECK (status IN ('booked','cancelled-by-citizen','cancelled-by-station','honoured','no-show')),
            pseudonym TEXT,
            email TEXT,
            phone TEXT,
            idempotency_key TEXT UNIQUE,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            purged INTEGER NOT NULL DEFAULT 0,
            UNIQUE (station, motif, start_ms, seat)
        );
        CREATE INDEX bookings_by_station_start ON bookings (station, start_ms);
        CREATE INDEX bookings_by_end ON bookings (end_ms) WHERE purged = 0;
        CREATE TABLE closures (
            station TEXT NOT NULL,
            day TEXT NOT NULL,
            closed_ms INTEGER NOT NULL,
            PRIMARY KEY (station, day)
        );
        CREATE TABLE waitlist (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            station TEXT NOT NULL,
            motif TEXT NOT NULL,
            earliest_ms INTEGER NOT NULL,
            latest_ms INTEGER NOT NULL,
            pseudonym TEXT,
            email TEXT,
            phone TEXT,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX waitlist_by_station_motif ON waitlist (station, motif, created_ms);
        """,
        """
        CREATE TABLE outbox (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            kind TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('email','sms')),
            due_ms INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            leased_until_ms INTEGER,
            sent_ms INTEGER,
            last_error TEXT
        );
        CREATE INDEX outbox_due ON outbox (due_ms) WHERE sent_ms IS NULL;
        CREATE INDEX outbox_by_code ON outbox (code);
        """,
        """
        CREATE TABLE holds (
            id TEXT PRIMARY KEY,
            station TEXT NOT NULL,
            motif TEXT NOT NULL,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            day TEXT NOT NULL,
            seat INTEGER NOT NULL CHECK (seat >= 0),
            capacity INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL,
            entry_id TEXT NOT NULL,
            entry_earliest_ms INTEGER NOT NULL,
            entry_latest_ms INTEGER NOT NULL,
            pseudonym TEXT,
            email TEXT,
            phone TEXT,
            entry_created_ms INTEGER NOT NULL,
            UNIQUE (station, motif, start_ms, seat)
        );
        CREATE INDEX holds_by_expiry ON holds (expires_ms);
        """,
        """
        CREATE TABLE schedules (
            station TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            published_ms INTEGER NOT NULL,
            published_by TEXT
        );
        CREATE INDEX holds_by_entry ON holds (entry_id);
        """,
    ]

    private static func migrate(_ connection: SQLiteConnection) throws(BookingStoreError) {
        try connection.migrate(migrations)
    }

    // MARK: Row mapping

    private static let bookingColumns = "id, code, station, motif, start_ms, end_ms, seat, status, pseudonym, email, phone, idempotency_key, created_ms, updated_ms, purged"

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    private static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(ms) / 1000) }

    private static func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }

    private static func booking(from row: [SQLiteValue]) throws(BookingStoreError) -> Booking {
        guard row.count == 15 else { throw .corruptRow("booking row has \(row.count) columns, expected 15") }
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard let idText = string(0), let id = UUID(uuidString: idText) else { throw .corruptRow("bookings.id = \(row[0])") }
        guard let codeText = string(1), let code = try? ConfirmationCode(codeText) else { throw .corruptRow("bookings.code of \(idText)") }
        guard let station = string(2) else { throw .corruptRow("bookings.station of \(idText)") }
        guard let motifText = string(3), let motif = Motif(rawValue: motifText) else { throw .corruptRow("bookings.motif of \(idText) = \(row[3])") }
        guard let start = integer(4), let end = integer(5) else { throw .corruptRow("bookings.start_ms/end_ms of \(idText)") }
        guard let statusText = string(7), let status = BookingStatus(rawValue: statusText) else { throw .corruptRow("bookings.status of \(idText) = \(row[7])") }
        guard let created = integer(12), let updated = integer(13) else { throw .corruptRow("bookings.created_ms/updated_ms of \(idText)") }
        let contact = Contact(pseudonym: string(8), email: string(9), phone: string(10))
        return Booking(id: id, code: code, station: station, motif: motif, start: date(start), end: date(end),
                       seat: integer(6).map(Int.init), status: status, contact: contact.isEmpty ? nil : contact,
                       idempotencyKey: string(11), createdAt: date(created), updatedAt: date(updated),
                       isPurged: (integer(14) ?? 0) != 0)
    }

    private func fetch(code: ConfirmationCode) throws(BookingStoreError) -> Booking? {
        let rows = try connection.query("SELECT \(Self.bookingColumns) FROM bookings WHERE code = ?", [.text(code.rawValue)],
                                        operation: "reading booking \(code.formatted)")
        guard let row = rows.first else { return nil }
        return try Self.booking(from: row)
    }

    /// The lowest seat of the slot neither booked nor kept for the waiting list by a hold unexpired at `at`.
    private func freeSeat(station: String, motif: Motif, start: Date, capacity: Int, at: Date) throws(BookingStoreError) -> Int {
        let booked = "SELECT seat FROM bookings WHERE station = ? AND motif = ? AND start_ms = ? AND seat IS NOT NULL"
        let bookedBindings: [SQLiteValue] = [.text(station), .text(motif.rawValue), .integer(Self.milliseconds(start))]
        let rows = hasHolds
            ? try connection.query(booked + " UNION SELECT seat FROM holds WHERE station = ? AND motif = ? AND start_ms = ? AND expires_ms > ?",
                                   bookedBindings + bookedBindings + [.integer(Self.milliseconds(at))], operation: "counting seats")
            : try connection.query(booked, bookedBindings, operation: "counting seats")
        var taken = Set<Int64>()
        for row in rows { if case .integer(let seat)? = row.first { taken.insert(seat) } }
        guard let seat = (0..<Int64(max(capacity, 0))).first(where: { !taken.contains($0) }) else {
            throw .slotFull(station: station, motif: motif, start: start, capacity: capacity)
        }
        return Int(seat)
    }

    private func isClosed(station: String, day: LocalDate) throws(BookingStoreError) -> Bool {
        !(try connection.query("SELECT 1 FROM closures WHERE station = ? AND day = ?", [.text(station), .text(day.description)],
                               operation: "checking closures")).isEmpty
    }

    // MARK: BookingStore

    public func reserve(_ request: ReservationRequest) throws -> Reservation {
        let connection = self.connection
        return try connection.immediateTransaction("reserving a seat") { () throws(BookingStoreError) -> Reservation in
            if let key = request.idempotencyKey {
                let rows = try connection.query("SELECT \(Self.bookingColumns) FROM bookings WHERE idempotency_key = ?", [.text(key)],
                                                operation: "checking the idempotency key")
                if let row = rows.first {
                    let original = try Self.booking(from: row)
                    guard request.matches(original) else { throw .idempotencyConflict(key: key, existing: original.code) }
                    return Reservation(booking: original, isReplay: true)
                }
            }
            if try isClosed(station: request.station, day: request.day) {
                throw .dayClosed(station: request.station, day: request.day)
            }
            let seat = try freeSeat(station: request.station, motif: request.motif, start: request.start, capacity: request.capacity,
                                    at: request.at)
            var code = request.code
            while try fetch(code: code) != nil { code = .random() }
            let contact = request.contact.flatMap { $0.isEmpty ? nil : $0 }
            let booking = Booking(id: ids.next(), code: code, station: request.station, motif: request.motif,
                                  start: request.start, end: request.end, seat: seat, status: .booked, contact: contact,
                                  idempotencyKey: request.idempotencyKey, createdAt: request.at, updatedAt: request.at)
            do throws(BookingStoreError) {
                try connection.query(
                    "INSERT INTO bookings (\(Self.bookingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    [.text(booking.id.uuidString), .text(code.rawValue), .text(booking.station), .text(booking.motif.rawValue),
                     .integer(Self.milliseconds(booking.start)), .integer(Self.milliseconds(booking.end)), .integer(Int64(seat)),
                     .text(BookingStatus.booked.rawValue), Self.text(contact?.pseudonym), Self.text(contact?.email),
                     Self.text(contact?.phone), Self.text(request.idempotencyKey),
                     .integer(Self.milliseconds(request.at)), .integer(Self.milliseconds(request.at))],
                    operation: "inserting a booking")
            } catch {
                // The unique constraint on (station, motif, start, seat) is the last line of defence.
                if case .database(let code, _, _) = error, code == SQLiteCodes.constraintUnique {
                    throw .slotFull(station: request.station, motif: request.motif, start: request.start, capacity: request.capacity)
                }
                throw error
            }
            for plan in request.notifications { try insert(OutboxJob(plan, for: booking)) }
            return Reservation(booking: booking, isReplay: false)
        }
    }

    public func booking(code: ConfirmationCode) throws -> Booking? { try fetch(code: code) }

    public func bookings(station: String, from: Date, to: Date) throws -> [Booking] {
        let rows = try connection.query(
            "SELECT \(Self.bookingColumns) FROM bookings WHERE station = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms, seat, code",
            [.text(station), .integer(Self.milliseconds(from)), .integer(Self.milliseconds(to))], operation: "listing bookings")
        var result: [Booking] = []
        for row in rows { result.append(try Self.booking(from: row)) }
        return result
    }

    public func occupancy(station: String, motif: Motif, from: Date, to: Date) throws -> [Date: Int] {
        let bindings: [SQLiteValue] = [.text(station), .text(motif.rawValue), .integer(Self.milliseconds(from)), .integer(Self.milliseconds(to))]
        let booked = "SELECT start_ms FROM bookings WHERE station = ? AND motif = ? AND start_ms >= ? AND start_ms < ? AND seat IS NOT NULL"
        let held = hasHolds ? " UNION ALL SELECT start_ms FROM holds WHERE station = ? AND motif = ? AND start_ms >= ? AND start_ms < ?" : ""
        let rows = try connection.query("SELECT start_ms, COUNT(*) FROM (\(booked)\(held)) GROUP BY start_ms",
                                        hasHolds ? bindings + bindings : bindings, operation: "counting occupancy")
        var result: [Date: Int] = [:]
        for row in rows {
            if case .integer(let start) = row[0], case .integer(let count) = row[1] { result[Self.date(start)] = Int(count) }
        }
        return result
    }

    private func update(_ booking: Booking, operation: String) throws(BookingStoreError) {
        try connection.query(
            "UPDATE bookings SET start_ms = ?, end_ms = ?, seat = ?, status = ?, updated_ms = ? WHERE code = ?",
            [.integer(Self.milliseconds(booking.start)), .integer(Self.milliseconds(booking.end)),
             booking.seat.map { .integer(Int64($0)) } ?? .null, .text(booking.status.rawValue),
             .integer(Self.milliseconds(booking.updatedAt)), .text(booking.code.rawValue)],
            operation: operation)
    }

    private func changeStatus(code: ConfirmationCode, to status: BookingStatus, at: Date) throws(BookingStoreError) -> Booking {
        guard var booking = try fetch(code: code) else { throw .notFound(code) }
        guard booking.status == .booked else { throw .notActive(code, booking.status) }
        booking.status = status
        if !status.holdsSeat { booking.seat = nil }
        booking.updatedAt = at
        try update(booking, operation: "changing the status of \(code.formatted)")
        try dropUnsentReminders(of: code)
        if status == .cancelledByStation {
            for notice in OutboxJob.cancellationNotices(for: booking, at: at) { try insert(notice) }
        }
        return booking
    }

    // MARK: Outbox

    private static let outboxColumns = "id, code, kind, channel, due_ms, attempts, leased_until_ms, sent_ms, last_error"

    private func insert(_ job: OutboxJob) throws(BookingStoreError) {
        try connection.query(
            "INSERT OR IGNORE INTO outbox (\(Self.outboxColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(job.id), .text(job.subject), .text(job.kind.rawValue), .text(job.channel.rawValue),
             .integer(Self.milliseconds(job.dueAt)), .integer(Int64(job.attempts)),
             job.leasedUntil.map { .integer(Self.milliseconds($0)) } ?? .null, job.sentAt.map { .integer(Self.milliseconds($0)) } ?? .null,
             Self.text(job.lastError)],
            operation: "planning a notification")
    }

    private func dropUnsentReminders(of code: ConfirmationCode) throws(BookingStoreError) {
        try connection.query("DELETE FROM outbox WHERE code = ? AND sent_ms IS NULL AND kind <> ?",
                             [.text(code.rawValue), .text(NotificationKind.cancelledByStation.rawValue)],
                             operation: "dropping unsent reminders")
    }

    private static func job(from row: [SQLiteValue]) throws(BookingStoreError) -> OutboxJob {
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard row.count == 9, let id = string(0), let subject = string(1),
              let kindText = string(2), let kind = NotificationKind(rawValue: kindText),
              let channelText = string(3), let channel = NotificationChannel(rawValue: channelText),
              let due = integer(4), let attempts = integer(5),
              let job = OutboxJob(subject: subject, id: id, kind: kind, channel: channel, dueAt: date(due), attempts: Int(attempts),
                                  leasedUntil: integer(6).map(date), sentAt: integer(7).map(date), lastError: string(8)) else {
            throw .corruptRow("outbox row \(row.first.map { "\($0)" } ?? "")")
        }
        return job
    }

    public func leaseDueNotifications(now: Date, leaseSeconds: Int, limit: Int) async throws -> [OutboxJob] {
        try connection.immediateTransaction("leasing notifications") { () throws(BookingStoreError) -> [OutboxJob] in
            let nowMs = Self.milliseconds(now)
            let until = Self.milliseconds(now.addingTimeInterval(TimeInterval(max(1, leaseSeconds))))
            let rows = try connection.query(
                "SELECT \(Self.outboxColumns) FROM outbox WHERE sent_ms IS NULL AND due_ms <= ? AND (leased_until_ms IS NULL OR leased_until_ms <= ?) ORDER BY due_ms, id LIMIT ?",
                [.integer(nowMs), .integer(nowMs), .integer(Int64(max(0, limit)))], operation: "finding due notifications")
            var leased: [OutboxJob] = []
            for row in rows {
                var job = try Self.job(from: row)
                job.attempts += 1
                job.leasedUntil = Self.date(until)
                try connection.query("UPDATE outbox SET attempts = ?, leased_until_ms = ? WHERE id = ?",
                                     [.integer(Int64(job.attempts)), .integer(until), .text(job.id)], operation: "leasing a notification")
                leased.append(job)
            }
            return leased
        }
    }

    public func markNotificationSent(id: String, at: Date) async throws {
        try connection.immediateTransaction("marking a notification sent") { () throws(BookingStoreError) in
            try connection.query("UPDATE outbox SET sent_ms = ?, leased_until_ms = NULL WHERE id = ? AND sent_ms IS NULL",
                                 [.integer(Self.milliseconds(at)), .text(id)], operation: "marking a notification sent")
        }
    }

    public func releaseNotification(id: String, retryAt: Date, error: String) async throws {
        try connection.immediateTransaction("releasing a notification") { () throws(BookingStoreError) in
            try connection.query("UPDATE outbox SET due_ms = ?, leased_until_ms = NULL, last_error = ? WHERE id = ? AND sent_ms IS NULL",
                                 [.integer(Self.milliseconds(retryAt)), .text(String(error.prefix(500))), .text(id)],
                                 operation: "releasing a notification")
        }
    }

    public func notifications(code: ConfirmationCode) async throws -> [OutboxJob] {
        guard hasOutbox else { return [] }
        let rows = try connection.query("SELECT \(Self.outboxColumns) FROM outbox WHERE code = ? ORDER BY due_ms, id",
                                        [.text(code.rawValue)], operation: "listing notifications")
        var jobs: [OutboxJob] = []
        for row in rows { jobs.append(try Self.job(from: row)) }
        return jobs
    }

    public func notifications(hold: UUID) async throws -> [OutboxJob] {
        guard hasOutbox else { return [] }
        let rows = try connection.query("SELECT \(Self.outboxColumns) FROM outbox WHERE code = ? AND kind = ? ORDER BY due_ms, id",
                                        [.text(hold.uuidString.lowercased()), .text(NotificationKind.offer.rawValue)],
                                        operation: "listing an offer's notifications")
        var jobs: [OutboxJob] = []
        for row in rows { jobs.append(try Self.job(from: row)) }
        return jobs
    }

    public func setStatus(code: ConfirmationCode, to status: BookingStatus, at: Date) throws -> Booking {
        try connection.immediateTransaction("changing a status") { () throws(BookingStoreError) -> Booking in
            try changeStatus(code: code, to: status, at: at)
        }
    }

    public func move(code: ConfirmationCode, to request: MoveRequest) throws -> Booking {
        try connection.immediateTransaction("moving a booking") { () throws(BookingStoreError) -> Booking in
            guard var booking = try fetch(code: code) else { throw .notFound(code) }
            guard booking.status == .booked else { throw .notActive(code, booking.status) }
            if booking.start == request.start { return booking }
            if try isClosed(station: booking.station, day: request.day) { throw .dayClosed(station: booking.station, day: request.day) }
            let seat = try freeSeat(station: booking.station, motif: booking.motif, start: request.start, capacity: request.capacity,
                                    at: request.at)
            booking.start = request.start
            booking.end = request.end
            booking.seat = seat
            booking.updatedAt = request.at
            do throws(BookingStoreError) {
                try update(booking, operation: "moving \(code.formatted)")
            } catch {
                if case .database(let sqliteCode, _, _) = error, sqliteCode == SQLiteCodes.constraintUnique {
                    throw .slotFull(station: booking.station, motif: booking.motif, start: request.start, capacity: request.capacity)
                }
                throw error
            }
            try dropUnsentReminders(of: code)
            for plan in request.notifications { try insert(OutboxJob(plan, for: booking)) }
            return booking
        }
    }

    public func closeDay(station: String, day: LocalDate, from: Date, to: Date, at: Date) throws -> [Booking] {
        try connection.immediateTransaction("closing a day") { () throws(BookingStoreError) -> [Booking] in
            try connection.query("INSERT OR IGNORE INTO closures (station, day, closed_ms) VALUES (?, ?, ?)",
                                 [.text(station), .text(day.description), .integer(Self.milliseconds(at))], operation: "recording a closure")
            let rows = try connection.query(
                "SELECT code FROM bookings WHERE station = ? AND start_ms >= ? AND start_ms < ? AND status = 'booked' ORDER BY start_ms, seat",
                [.text(station), .integer(Self.milliseconds(from)), .integer(Self.milliseconds(to))], operation: "finding bookings to cancel")
            var cancelled: [Booking] = []
            for row in rows {
                guard case .text(let text)? = row.first, let code = try? ConfirmationCode(text) else { throw .corruptRow("bookings.code = \(row)") }
                cancelled.append(try changeStatus(code: code, to: .cancelledByStation, at: at))
            }
            return cancelled
        }
    }

    public func reopenDay(station: String, day: LocalDate) throws -> Bool {
        try connection.immediateTransaction("reopening a day") { () throws(BookingStoreError) -> Bool in
            let rows = try connection.query("SELECT 1 FROM closures WHERE station = ? AND day = ?", [.text(station), .text(day.description)],
                                            operation: "reading a closure")
            guard !rows.isEmpty else { return false }
            try connection.query("DELETE FROM closures WHERE station = ? AND day = ?", [.text(station), .text(day.description)],
                                 operation: "reopening a day")
            return true
        }
    }

    public func closedDays(station: String) throws -> Set<LocalDate> {
        let rows = try connection.query("SELECT day FROM closures WHERE station = ?", [.text(station)], operation: "listing closures")
        var days = Set<LocalDate>()
        for row in rows {
            guard case .text(let text)? = row.first, let day = try? LocalDate(iso: text) else { throw BookingStoreError.corruptRow("closures.day = \(row)") }
            days.insert(day)
        }
        return days
    }

    public func enqueue(_ entry: WaitlistEntry) throws {
        try connection.immediateTransaction("joining the waiting list") { () throws(BookingStoreError) in
            try connection.query(
                "INSERT INTO waitlist (id, station, motif, earliest_ms, latest_ms, pseudonym, email, phone, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(entry.id.uuidString), .text(entry.station), .text(entry.motif.rawValue),
                 .integer(Self.milliseconds(entry.earliest)), .integer(Self.milliseconds(entry.latest)),
                 Self.text(entry.contact?.pseudonym), Self.text(entry.contact?.email), Self.text(entry.contact?.phone),
                 .integer(Self.milliseconds(entry.createdAt))], operation: "adding to the waiting list")
        }
    }

    private static let waitlistColumns = "id, station, motif, earliest_ms, latest_ms, pseudonym, email, phone, created_ms"

    private static func entry(from row: [SQLiteValue]) throws(BookingStoreError) -> WaitlistEntry {
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard row.count == 9, let idText = string(0), let id = UUID(uuidString: idText), let station = string(1),
              let motifText = string(2), let motif = Motif(rawValue: motifText),
              let earliest = integer(3), let latest = integer(4), let created = integer(8) else {
            throw .corruptRow("waitlist row \(row.first.map { "\($0)" } ?? "")")
        }
        let contact = Contact(pseudonym: string(5), email: string(6), phone: string(7))
        return WaitlistEntry(id: id, station: station, motif: motif, earliest: date(earliest), latest: date(latest),
                             contact: contact.isEmpty ? nil : contact, createdAt: date(created))
    }

    public func takeNextWaitlistEntry(station: String, motif: Motif, covering start: Date) throws -> WaitlistEntry? {
        try connection.immediateTransaction("offering a freed slot") { () throws(BookingStoreError) -> WaitlistEntry? in
            let ms = Self.milliseconds(start)
            let rows = try connection.query(
                "SELECT \(Self.waitlistColumns) FROM waitlist WHERE station = ? AND motif = ? AND earliest_ms <= ? AND latest_ms >= ? ORDER BY created_ms, seq LIMIT 1",
                [.text(station), .text(motif.rawValue), .integer(ms), .integer(ms)], operation: "reading the waiting list")
            guard let row = rows.first else { return nil }
            let entry = try Self.entry(from: row)
            try connection.query("DELETE FROM waitlist WHERE id = ?", [.text(entry.id.uuidString)], operation: "removing a waiting-list entry")
            return entry
        }
    }

    public func waitlist(station: String, motif: Motif) throws -> [WaitlistEntry] {
        let rows = try connection.query(
            "SELECT \(Self.waitlistColumns) FROM waitlist WHERE station = ? AND motif = ? ORDER BY created_ms, seq",
            [.text(station), .text(motif.rawValue)], operation: "reading the waiting list")
        var result: [WaitlistEntry] = []
        for row in rows { result.append(try Self.entry(from: row)) }
        return result
    }

    public func waitlistEntry(id: UUID) async throws -> WaitlistEntry? {
        let rows = try connection.query("SELECT \(Self.waitlistColumns) FROM waitlist WHERE id = ?", [.text(id.uuidString)],
                                        operation: "reading a waiting-list entry")
        guard let row = rows.first else { return nil }
        return try Self.entry(from: row)
    }

    public func leaveWaitlist(id: UUID) async throws -> WaitlistEntry? {
        let connection = self.connection
        return try connection.immediateTransaction("leaving the waiting list") { () throws(BookingStoreError) -> WaitlistEntry? in
            let rows = try connection.query("SELECT \(Self.waitlistColumns) FROM waitlist WHERE id = ?", [.text(id.uuidString)],
                                            operation: "reading a waiting-list entry")
            guard let row = rows.first else { return nil }
            let entry = try Self.entry(from: row)
            try connection.query("DELETE FROM waitlist WHERE id = ?", [.text(id.uuidString)], operation: "removing a waiting-list entry")
            return entry
        }
    }

    public func purgePersonalData(endedBefore: Date, at: Date) throws -> Int {
        try connection.immediateTransaction("purging personal data") { () throws(BookingStoreError) -> Int in
            let cutoff = Self.milliseconds(endedBefore)
            try connection.query("DELETE FROM outbox WHERE code IN (SELECT code FROM bookings WHERE purged = 0 AND end_ms < ?)",
                                 [.integer(cutoff)], operation: "purging the outbox")
            // An offer due before the cutoff ran out long ago (a hold lasts minutes).
            try connection.query("DELETE FROM outbox WHERE kind = ? AND due_ms < ?", [.text(NotificationKind.offer.rawValue), .integer(cutoff)],
                                 operation: "purging past offers")
            try connection.query(
                "UPDATE bookings SET pseudonym = NULL, email = NULL, phone = NULL, idempotency_key = NULL, purged = 1, updated_ms = ? WHERE purged = 0 AND end_ms < ?",
                [.integer(Self.milliseconds(at)), .integer(cutoff)], operation: "purging bookings")
            let count = connection.changes
            try connection.query("DELETE FROM waitlist WHERE latest_ms < ?", [.integer(cutoff)], operation: "purging the waiting list")
            try connection.query("DELETE FROM holds WHERE end_ms < ?", [.integer(cutoff)], operation: "purging held seats")
            return count
        }
    }

    // MARK: Held seats

    private static let holdColumns = "id, station, motif, start_ms, end_ms, day, seat, capacity, expires_ms, entry_id, entry_earliest_ms, entry_latest_ms, pseudonym, email, phone, entry_created_ms"

    private static func hold(from row: [SQLiteValue]) throws(BookingStoreError) -> SeatHold {
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard row.count == 16, let idText = string(0), let id = UUID(uuidString: idText), let station = string(1),
              let motifText = string(2), let motif = Motif(rawValue: motifText), let start = integer(3), let end = integer(4),
              let dayText = string(5), let day = try? LocalDate(iso: dayText), let seat = integer(6), let capacity = integer(7),
              let expires = integer(8), let entryText = string(9), let entryID = UUID(uuidString: entryText),
              let earliest = integer(10), let latest = integer(11), let created = integer(15) else {
            throw .corruptRow("holds row \(row.first.map { "\($0)" } ?? "")")
        }
        let contact = Contact(pseudonym: string(12), email: string(13), phone: string(14))
        let entry = WaitlistEntry(id: entryID, station: station, motif: motif, earliest: date(earliest), latest: date(latest),
                                  contact: contact.isEmpty ? nil : contact, createdAt: date(created))
        return SeatHold(id: id, entry: entry, station: station, motif: motif, start: date(start), end: date(end), day: day,
                        seat: Int(seat), capacity: Int(capacity), expiresAt: date(expires))
    }

    public func offerFreedSeat(_ request: SeatOfferRequest) async throws -> SeatHold? {
        let connection = self.connection
        return try connection.immediateTransaction("offering a freed seat") { () throws(BookingStoreError) -> SeatHold? in
            // Holds expired on this slot no longer count; the sweep hands them to the next person.
            let seat: Int
            do throws(BookingStoreError) {
                seat = try freeSeat(station: request.station, motif: request.motif, start: request.start, capacity: request.capacity,
                                    at: request.at)
            } catch {
                if case .slotFull = error { return nil }
                throw error
            }
            let ms = Self.milliseconds(request.start)
            let rows = try connection.query(
                "SELECT \(Self.waitlistColumns) FROM waitlist WHERE station = ? AND motif = ? AND earliest_ms <= ? AND latest_ms >= ? ORDER BY created_ms, seq LIMIT 1",
                [.text(request.station), .text(request.motif.rawValue), .integer(ms), .integer(ms)], operation: "reading the waiting list")
            guard let row = rows.first else { return nil }
            let entry = try Self.entry(from: row)
            try connection.query("DELETE FROM waitlist WHERE id = ?", [.text(entry.id.uuidString)], operation: "removing a waiting-list entry")
            // An expired hold may still occupy this seat's row: it is replaced.
            try connection.query("DELETE FROM holds WHERE station = ? AND motif = ? AND start_ms = ? AND seat = ? AND expires_ms <= ?",
                                 [.text(request.station), .text(request.motif.rawValue), .integer(ms), .integer(Int64(seat)),
                                  .integer(Self.milliseconds(request.at))], operation: "replacing an expired hold")
            let hold = SeatHold(id: UUID(), entry: entry, station: request.station, motif: request.motif, start: request.start,
                                end: request.end, day: request.day, seat: seat, capacity: request.capacity,
                                expiresAt: request.at.addingTimeInterval(TimeInterval(max(1, request.holdSeconds))))
            try connection.query(
                "INSERT INTO holds (\(Self.holdColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(hold.id.uuidString), .text(hold.station), .text(hold.motif.rawValue), .integer(ms), .integer(Self.milliseconds(hold.end)),
                 .text(hold.day.description), .integer(Int64(hold.seat)), .integer(Int64(hold.capacity)), .integer(Self.milliseconds(hold.expiresAt)),
                 .text(entry.id.uuidString), .integer(Self.milliseconds(entry.earliest)), .integer(Self.milliseconds(entry.latest)),
                 Self.text(entry.contact?.pseudonym), Self.text(entry.contact?.email), Self.text(entry.contact?.phone),
                 .integer(Self.milliseconds(entry.createdAt))],
                operation: "holding a seat for the waiting list")
            for job in OutboxJob.offerNotices(for: hold, at: request.at) { try insert(job) }
            return hold
        }
    }

    private func fetchHold(id: UUID) throws(BookingStoreError) -> SeatHold? {
        let rows = try connection.query("SELECT \(Self.holdColumns) FROM holds WHERE id = ?", [.text(id.uuidString)], operation: "reading a hold")
        guard let row = rows.first else { return nil }
        return try Self.hold(from: row)
    }

    public func claimHold(id: UUID, _ claim: ClaimRequest) async throws -> Booking {
        let connection = self.connection
        return try connection.immediateTransaction("claiming a held seat") { () throws(BookingStoreError) -> Booking in
            if let key = claim.idempotencyKey {
                let rows = try connection.query("SELECT \(Self.bookingColumns) FROM bookings WHERE idempotency_key = ?", [.text(key)],
                                                operation: "checking the idempotency key")
                if let row = rows.first { return try Self.booking(from: row) }
            }
            guard let hold = try fetchHold(id: id) else { throw .holdNotFound(id) }
            guard hold.expiresAt > claim.at else { throw .holdExpired(id, expiredAt: hold.expiresAt) }
            if try isClosed(station: hold.station, day: hold.day) { throw .dayClosed(station: hold.station, day: hold.day) }
            var code = claim.code
            while try fetch(code: code) != nil { code = .random() }
            let contact = (claim.contact ?? hold.entry.contact).flatMap { $0.isEmpty ? nil : $0 }
            let booking = Booking(id: ids.next(), code: code, station: hold.station, motif: hold.motif, start: hold.start, end: hold.end,
                                  seat: hold.seat, status: .booked, contact: contact, idempotencyKey: claim.idempotencyKey,
                                  createdAt: claim.at, updatedAt: claim.at)
            try connection.query("DELETE FROM holds WHERE id = ?", [.text(id.uuidString)], operation: "removing a claimed hold")
            do throws(BookingStoreError) {
                try connection.query(
                    "INSERT INTO bookings (\(Self.bookingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    [.text(booking.id.uuidString), .text(code.rawValue), .text(booking.station), .text(booking.motif.rawValue),
                     .integer(Self.milliseconds(booking.start)), .integer(Self.milliseconds(booking.end)), .integer(Int64(hold.seat)),
                     .text(BookingStatus.booked.rawValue), Self.text(contact?.pseudonym), Self.text(contact?.email),
                     Self.text(contact?.phone), Self.text(claim.idempotencyKey),
                     .integer(Self.milliseconds(claim.at)), .integer(Self.milliseconds(claim.at))],
                    operation: "booking a held seat")
            } catch {
                if case .database(let sqliteCode, _, _) = error, sqliteCode == SQLiteCodes.constraintUnique {
                    throw .slotFull(station: hold.station, motif: hold.motif, start: hold.start, capacity: hold.capacity)
                }
                throw error
            }
            for plan in claim.notifications { try insert(OutboxJob(plan, for: booking)) }
            return booking
        }
    }

    public func hold(id: UUID) async throws -> SeatHold? { hasHolds ? try fetchHold(id: id) : nil }

    public func hold(entry: UUID) async throws -> SeatHold? {
        guard hasHolds else { return nil }
        let rows = try connection.query("SELECT \(Self.holdColumns) FROM holds WHERE entry_id = ?", [.text(entry.uuidString)],
                                        operation: "reading the seat held for an entry")
        guard let row = rows.first else { return nil }
        return try Self.hold(from: row)
    }

    public func releaseHold(id: UUID) async throws -> SeatHold? {
        let connection = self.connection
        return try connection.immediateTransaction("releasing a held seat") { () throws(BookingStoreError) -> SeatHold? in
            guard let hold = try fetchHold(id: id) else { return nil }
            try connection.query("DELETE FROM holds WHERE id = ?", [.text(id.uuidString)], operation: "releasing a held seat")
            return hold
        }
    }

    public func expireHolds(now: Date) async throws -> [SeatHold] {
        let connection = self.connection
        return try connection.immediateTransaction("expiring held seats") { () throws(BookingStoreError) -> [SeatHold] in
            let rows = try connection.query("SELECT \(Self.holdColumns) FROM holds WHERE expires_ms <= ? ORDER BY expires_ms, start_ms",
                                            [.integer(Self.milliseconds(now))], operation: "finding expired holds")
            var expired: [SeatHold] = []
            for row in rows { expired.append(try Self.hold(from: row)) }
            try connection.query("DELETE FROM holds WHERE expires_ms <= ?", [.integer(Self.milliseconds(now))], operation: "removing expired holds")
            return expired
        }
    }

    // MARK: Published schedules

    private static func publication(from row: [SQLiteValue]) throws(BookingStoreError) -> StationSchedulePublication {
        func string(_ index: Int) -> String? { if case .text(let s) = row[index] { return s }; return nil }
        func integer(_ index: Int) -> Int64? { if case .integer(let n) = row[index] { return n }; return nil }
        guard row.count == 5, let station = string(0), let body = string(1), let version = integer(2), let published = integer(3) else {
            throw .corruptRow("schedules row \(row.first.map { "\($0)" } ?? "")")
        }
        return StationSchedulePublication(station: station, schedule: try AppointmentSchedule(storedForm: body, what: "schedules.body of \(station)"),
                                          version: Int(version), publishedAt: date(published), publishedBy: string(4))
    }

    public func publishedSchedule(station: String) async throws -> StationSchedulePublication? {
        guard hasSchedules else { return nil }
        let rows = try connection.query("SELECT station, body, version, published_ms, published_by FROM schedules WHERE station = ?",
                                        [.text(station)], operation: "reading a published schedule")
        guard let row = rows.first else { return nil }
        return try Self.publication(from: row)
    }

    public func publishSchedule(_ schedule: AppointmentSchedule, station: String, by account: String?,
                                at: Date) async throws -> StationSchedulePublication {
        let body = try schedule.storedForm()
        let connection = self.connection
        return try connection.immediateTransaction("publishing a schedule") { () throws(BookingStoreError) -> StationSchedulePublication in
            try connection.query(
                """
                INSERT INTO schedules (station, body, version, published_ms, published_by) VALUES (?, ?, 1, ?, ?)
                ON CONFLICT (station) DO UPDATE SET body = excluded.body, version = schedules.version + 1,
                    published_ms = excluded.published_ms, published_by = excluded.published_by
                """,
                [.text(station), .text(body), .integer(Self.milliseconds(at)), Self.text(account)], operation: "publishing a schedule")
            let rows = try connection.query("SELECT station, body, version, published_ms, published_by FROM schedules WHERE station = ?",
                                            [.text(station)], operation: "reading a published schedule")
            guard let row = rows.first else { throw .corruptRow("schedules row of \(station) missing after its publication") }
            return try Self.publication(from: row)
        }
    }
}
