import Appointments
import Foundation

/// A conformance check that did not hold: which check, and what went wrong.
public struct ConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// The check's name, e.g. `"race"`.
    public let check: String
    /// What was expected and what happened.
    public let message: String

    /// Creates a failure.
    public init(check: String, message: String) {
        self.check = check
        self.message = message
    }

    public var description: String { "BookingStore conformance '\(check)' failed: \(message)" }
}

/// The behaviour every ``BookingStore`` must have (the contract written on
/// the protocol), as plain async checks without any test framework, so any
/// backend — in memory, SQLite, PostgreSQL — runs the same suite:
///
/// ```swift
/// @Test func conforms() async throws {
///     try await BookingStoreConformance.run { try MyStore(url: freshDatabase()) }
/// }
/// ```
///
/// Each check receives a fresh, empty store from `makeStore` and throws a
/// ``ConformanceFailure`` naming what broke.
public enum BookingStoreConformance {
    /// A named check.
    public typealias Check = @Sendable (_ makeStore: @Sendable () async throws -> any BookingStore) async throws -> Void

    /// Every check, by name, in order.
    public static let checks: [(name: String, run: Check)] = [
        ("reserve-and-read", reserveAndRead),
        ("capacity", capacity),
        ("idempotency", idempotency),
        ("cancel-frees-seat", cancelFreesSeat),
        ("attendance-keeps-seat", attendanceKeepsSeat),
        ("move", move),
        ("close-day", closeDay),
        ("waitlist", waitlist),
        ("purge", purge),
        ("race", race),
        ("outbox", outbox),
        ("outbox-lease", outboxLease),
        ("outbox-purge", outboxPurge),
        ("waitlist-hold", waitlistHold),
        ("waitlist-race", waitlistRace),
        ("waitlist-reference", waitlistReference),
        ("waitlist-offer-notice", waitlistOfferNotice),
        ("reopen-day", reopenDay),
        ("move-race", moveRace),
        ("close-race", closeRace),
    ]

    /// The checks of the notification outbox, of the seats held for the waiting list and of
    /// waiting-list references (``BookingStore/leaseDueNotifications(now:leaseSeconds:limit:)``,
    /// ``BookingStore/hold(entry:)`` and the other requirements added with them): a store that
    /// does not implement them yet runs ``run(makeStore:skipping:)`` without these, and says so.
    public static let outboxAndHoldChecks: Set<String> = ["outbox", "outbox-lease", "outbox-purge", "waitlist-hold", "waitlist-race",
                                                          "waitlist-reference", "waitlist-offer-notice", "reopen-day"]

    /// Runs every check, each on a fresh store; throws the first failure.
    public static func run(makeStore: @escaping @Sendable () async throws -> any BookingStore) async throws {
        try await run(makeStore: makeStore, skipping: [])
    }

    /// Runs every check but those named in `skipped`, each on a fresh store; throws the first failure.
    public static func run(makeStore: @escaping @Sendable () async throws -> any BookingStore, skipping skipped: Set<String>) async throws {
        for check in checks where !skipped.contains(check.name) { try await check.run(makeStore) }
    }

    // MARK: Fixtures

    /// The station used by the checks.
    public static let station = "commissariat_police-33063-01"
    /// A fixed "now": 2026-03-02T08:00:00Z.
    public static let now = Date(timeIntervalSince1970: 1_772_438_400)

    /// A request for the slot `index` (30-minute slots from `now` + 1 day).
    public static func request(slot index: Int, capacity: Int, key: String? = nil, contact: Contact? = nil,
                               station: String = station, motif: Motif = .plainte) -> ReservationRequest {
        let start = now.addingTimeInterval(86_400 + TimeInterval(index) * 1_800)
        return ReservationRequest(station: station, motif: motif, start: start, end: start.addingTimeInterval(1_800),
                                  day: LocalDate(start, in: TimeZone(identifier: "Europe/Paris") ?? .gmt),
                                  capacity: capacity, contact: contact, idempotencyKey: key, at: now)
    }

    static func expect(_ condition: Bool, _ check: String, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(check: check, message: message()) }
    }

    static func expectError(_ check: String, _ what: String, _ body: () async throws -> Void,
                            matching: (BookingStoreError) -> Bool) async throws {
        do {
            try await body()
        } catch let error as BookingStoreError {
            try expect(matching(error), check, "\(what): unexpected error \(error)")
            return
        } catch {
            throw ConformanceFailure(check: check, message: "\(what): expected a BookingStoreError, got \(error)")
        }
        throw ConformanceFailure(check: check, message: "\(what): succeeded but should have been refused")
    }

    static func isSlotFull(_ error: BookingStoreError) -> Bool {
        if case .slotFull = error { return true }
        return false
    }

    // MARK: Checks

    /// A reservation is readable by code and listed; fields round-trip.
    public static let reserveAndRead: Check = { makeStore in
        let name = "reserve-and-read"
        let store = try await makeStore()
        let contact = Contact(pseudonym: "Camille", email: "camille@example.org")
        let request = request(slot: 0, capacity: 2, contact: contact)
        let made = try await store.reserve(request)
        try expect(!made.isReplay, name, "a first reservation must not be a replay")
        let booking = made.booking
        try expect(booking.status == .booked && booking.seat == 0, name, "expected booked on seat 0, got \(booking.status) seat \(String(describing: booking.seat))")
        try expect(booking.start == request.start && booking.end == request.end && booking.motif == .plainte && booking.station == station,
                   name, "stored slot differs from the request")
        guard let read = try await store.booking(code: booking.code) else {
            throw ConformanceFailure(check: name, message: "booking \(booking.code) not found by code")
        }
        try expect(read == booking, name, "read back \(read), stored \(booking)")
        try expect(read.contact == contact, name, "contact not kept")
        let listed = try await store.bookings(station: station, from: request.start, to: request.end)
        try expect(listed.map(\.code) == [booking.code], name, "listing returned \(listed.map(\.code))")
        let other = try await store.bookings(station: "gendarmerie-97209-01", from: request.start, to: request.end)
        try expect(other.isEmpty, name, "another station's listing is not empty")
        let unknown = ConfirmationCode.random()
        try expect(try await store.booking(code: unknown) == nil, name, "an unknown code was found")
    }

    /// A slot holds at most `capacity` bookings; seats are 0 ..< capacity; occupancy counts them.
    public static let capacity: Check = { makeStore in
        let name = "capacity"
        let store = try await makeStore()
        var seats: [Int] = []
        for _ in 0..<3 { seats.append(try await store.reserve(request(slot: 1, capacity: 3)).booking.seat ?? -1) }
        try expect(seats.sorted() == [0, 1, 2], name, "seats \(seats), expected 0, 1, 2")
        try await expectError(name, "a fourth booking on a 3-seat slot", {
            _ = try await store.reserve(request(slot: 1, capacity: 3))
        }, matching: isSlotFull)
        let other = try await store.reserve(request(slot: 1, capacity: 3, motif: .mainCourante))
        try expect(other.booking.seat == 0, name, "another motif at the same time has its own counters")
        let start = request(slot: 1, capacity: 3).start
        let occupancy = try await store.occupancy(station: station, motif: .plainte, from: start, to: start.addingTimeInterval(1))
        try expect(occupancy[start] == 3, name, "occupancy \(occupancy), expected 3 at \(start)")
    }

    /// A reused idempotency key returns the original booking; with other parameters it is a conflict.
    public static let idempotency: Check = { makeStore in
        let name = "idempotency"
        let store = try await makeStore()
        let first = try await store.reserve(request(slot: 2, capacity: 5, key: "req-1"))
        let again = try await store.reserve(request(slot: 2, capacity: 5, key: "req-1"))
        try expect(again.isReplay && again.booking.code == first.booking.code, name, "a retried request booked again")
        let listed = try await store.bookings(station: station, from: first.booking.start, to: first.booking.end)
        try expect(listed.count == 1, name, "\(listed.count) bookings after a retry, expected 1")
        try await expectError(name, "the same key for another slot", {
            _ = try await store.reserve(request(slot: 3, capacity: 5, key: "req-1"))
        }, matching: { if case .idempotencyConflict = $0 { return true }; return false })
        // Concurrent retries of one request book once.
        let codes = try await withThrowingTaskGroup(of: ConfirmationCode.self) { group in
            for _ in 0..<20 { group.addTask { try await store.reserve(request(slot: 4, capacity: 50, key: "req-2")).booking.code } }
            var all = Set<ConfirmationCode>()
            for try await code in group { all.insert(code) }
            return all
        }
        try expect(codes.count == 1, name, "20 concurrent retries made \(codes.count) bookings")
    }

    /// Cancelling frees the seat at once; only booked bookings change.
    public static let cancelFreesSeat: Check = { makeStore in
        let name = "cancel-frees-seat"
        let store = try await makeStore()
        let booking = try await store.reserve(request(slot: 5, capacity: 1)).booking
        let cancelled = try await store.setStatus(code: booking.code, to: .cancelledByCitizen, at: now)
        try expect(cancelled.status == .cancelledByCitizen && cancelled.seat == nil, name, "cancelled booking still holds seat \(String(describing: cancelled.seat))")
        let next = try await store.reserve(request(slot: 5, capacity: 1))
        try expect(next.booking.seat == 0, name, "the freed seat was not reused")
        try await expectError(name, "cancelling twice", {
            _ = try await store.setStatus(code: booking.code, to: .cancelledByCitizen, at: now)
        }, matching: { if case .notActive = $0 { return true }; return false })
        try await expectError(name, "cancelling an unknown code", {
            _ = try await store.setStatus(code: .random(), to: .cancelledByCitizen, at: now)
        }, matching: { if case .notFound = $0 { return true }; return false })
    }

    /// Honoured and no-show keep the seat.
    public static let attendanceKeepsSeat: Check = { makeStore in
        let name = "attendance-keeps-seat"
        let store = try await makeStore()
        let booking = try await store.reserve(request(slot: 6, capacity: 1)).booking
        let honoured = try await store.setStatus(code: booking.code, to: .honoured, at: now)
        try expect(honoured.seat == 0 && honoured.status == .honoured, name, "honoured booking lost its seat")
        try await expectError(name, "booking a slot whose only seat was honoured", {
            _ = try await store.reserve(request(slot: 6, capacity: 1))
        }, matching: isSlotFull)
    }

    /// A move holds the new seat and frees the old one; a refused move changes nothing.
    public static let move: Check = { makeStore in
        let name = "move"
        let store = try await makeStore()
        let booking = try await store.reserve(request(slot: 7, capacity: 1)).booking
        let blocker = try await store.reserve(request(slot: 8, capacity: 1)).booking
        let target = request(slot: 8, capacity: 1)
        try await expectError(name, "moving onto a full slot", {
            _ = try await store.move(code: booking.code, to: MoveRequest(start: target.start, end: target.end, day: target.day, capacity: 1, at: now))
        }, matching: isSlotFull)
        let unchanged = try await store.booking(code: booking.code)
        try expect(unchanged?.start == booking.start && unchanged?.seat == 0, name, "a refused move changed the booking")
        _ = try await store.setStatus(code: blocker.code, to: .cancelledByStation, at: now)
        let moved = try await store.move(code: booking.code, to: MoveRequest(start: target.start, end: target.end, day: target.day, capacity: 1, at: now))
        try expect(moved.start == target.start && moved.seat == 0, name, "moved booking is at \(moved.start) seat \(String(describing: moved.seat))")
        let old = try await store.reserve(request(slot: 7, capacity: 1))
        try expect(old.booking.seat == 0, name, "the old slot was not freed by the move")
    }

    /// Closing a day cancels its bookings, lists them, and refuses new ones that day.
    public static let closeDay: Check = { makeStore in
        let name = "close-day"
        let store = try await makeStore()
        let a = try await store.reserve(request(slot: 9, capacity: 2)).booking
        let b = try await store.reserve(request(slot: 10, capacity: 2)).booking
        let day = request(slot: 9, capacity: 2).day
        let cancelled = try await store.closeDay(station: station, day: day, from: a.start.addingTimeInterval(-3_600),
                                                 to: b.end.addingTimeInterval(3_600), at: now)
        try expect(Set(cancelled.map(\.code)) == [a.code, b.code], name, "closure cancelled \(cancelled.map(\.code)), expected both bookings")
        try expect(cancelled.allSatisfy { $0.status == .cancelledByStation && $0.seat == nil }, name, "closure left a seat held")
        try expect(try await store.closedDays(station: station).contains(day), name, "the closed day is not listed")
        try await expectError(name, "booking on a closed day", {
            _ = try await store.reserve(request(slot: 9, capacity: 2))
        }, matching: { if case .dayClosed = $0 { return true }; return false })
    }

    /// The waiting list is first come, first served, and an entry is offered once.
    public static let waitlist: Check = { makeStore in
        let name = "waitlist"
        let store = try await makeStore()
        let start = request(slot: 11, capacity: 1).start
        let first = WaitlistEntry(station: station, motif: .plainte, earliest: start.addingTimeInterval(-3_600),
                                  latest: start.addingTimeInterval(3_600), contact: Contact(email: "a@example.org"), createdAt: now)
        let second = WaitlistEntry(station: station, motif: .plainte, earliest: start.addingTimeInterval(-7_200),
                                   latest: start.addingTimeInterval(7_200), contact: nil, createdAt: now.addingTimeInterval(60))
        let elsewhere = WaitlistEntry(station: station, motif: .plainte, earliest: start.addingTimeInterval(86_400),
                                      latest: start.addingTimeInterval(90_000), contact: nil, createdAt: now.addingTimeInterval(-60))
        try await store.enqueue(second)
        try await store.enqueue(first)
        try await store.enqueue(elsewhere)
        let list = try await store.waitlist(station: station, motif: .plainte)
        try expect(list.map(\.id) == [elsewhere.id, first.id, second.id], name, "waiting list not in arrival order")
        let offered = try await store.takeNextWaitlistEntry(station: station, motif: .plainte, covering: start)
        try expect(offered == first, name, "offered \(String(describing: offered?.id)), expected the earliest matching entry")
        let next = try await store.takeNextWaitlistEntry(station: station, motif: .plainte, covering: start)
        try expect(next?.id == second.id, name, "second offer went to \(String(describing: next?.id))")
        let none = try await store.takeNextWaitlistEntry(station: station, motif: .plainte, covering: start)
        try expect(none == nil, name, "an entry was offered twice or out of its window")
    }

    /// Purge erases contacts and idempotency keys of past appointments only.
    public static let purge: Check = { makeStore in
        let name = "purge"
        let store = try await makeStore()
        let old = try await store.reserve(request(slot: 12, capacity: 1, key: "old", contact: Contact(phone: "0600000000"))).booking
        let recent = try await store.reserve(request(slot: 40, capacity: 1, key: "new", contact: Contact(pseudonym: "Sam"))).booking
        let count = try await store.purgePersonalData(endedBefore: old.end.addingTimeInterval(60), at: now)
        try expect(count == 1, name, "purged \(count) bookings, expected 1")
        let purged = try await store.booking(code: old.code)
        try expect(purged?.contact == nil && purged?.idempotencyKey == nil && purged?.isPurged == true, name, "personal data left after purge")
        try expect(purged?.start == old.start && purged?.status == .booked, name, "purge changed the appointment itself")
        let kept = try await store.booking(code: recent.code)
        try expect(kept?.contact == Contact(pseudonym: "Sam") && kept?.isPurged == false, name, "a future appointment was purged")
        let again = try await store.purgePersonalData(endedBefore: old.end.addingTimeInterval(60), at: now)
        try expect(again == 0, name, "a second purge counted \(again)")
    }

    /// Reservations, cancellations, closures and moves keep the outbox in step:
    /// reminders only on the channels given, never twice, dropped when the
    /// booking leaves `booked`, a notice per channel on a station's cancellation.
    public static let outbox: Check = { makeStore in
        let name = "outbox"
        let store = try await makeStore()
        let emailOnly = Contact(email: "a@example.org")
        var first = request(slot: 13, capacity: 2, key: "outbox-1", contact: emailOnly)
        first.notifications = PlannedNotification.reminders(start: first.start, timeZone: TimeZone(identifier: "Europe/Paris") ?? .gmt,
                                                            contact: emailOnly, now: now)
        try expect(first.notifications.count == 2 && first.notifications.allSatisfy { $0.channel == .email }, name,
                   "an e-mail contact plans \(first.notifications)")
        let booking = try await store.reserve(first).booking
        let jobs = try await store.notifications(code: booking.code)
        try expect(jobs.count == 2 && Set(jobs.map(\.kind)) == [.reminderDayBefore, .reminderTwoHoursBefore]
                   && jobs.allSatisfy { $0.channel == .email && $0.sentAt == nil && $0.attempts == 0 }, name, "reserve planned \(jobs)")
        // A replay plans nothing more.
        _ = try await store.reserve(first)
        try expect(try await store.notifications(code: booking.code).count == 2, name, "an idempotent replay planned reminders again")
        // An anonymous booking has nothing to send.
        let anonymous = try await store.reserve(request(slot: 13, capacity: 2)).booking
        try expect(try await store.notifications(code: anonymous.code).isEmpty, name, "an anonymous booking has notifications")
        // A move replaces the unsent reminders.
        let target = request(slot: 14, capacity: 2)
        let planned = [PlannedNotification(kind: .reminderTwoHoursBefore, channel: .email, dueAt: target.start.addingTimeInterval(-7_200))]
        let moved = try await store.move(code: booking.code, to: MoveRequest(start: target.start, end: target.end, day: target.day,
                                                                             capacity: 2, at: now, notifications: planned))
        let afterMove = try await store.notifications(code: moved.code)
        try expect(afterMove.count == 1 && afterMove.first?.dueAt == planned[0].dueAt, name, "after a move the outbox holds \(afterMove)")
        // The station cancels: reminders go, one notice per channel given.
        let both = Contact(email: "b@example.org", phone: "0600000000")
        let other = try await store.reserve(request(slot: 15, capacity: 1, contact: both)).booking
        _ = try await store.setStatus(code: moved.code, to: .cancelledByStation, at: now)
        let notices = try await store.notifications(code: moved.code)
        try expect(notices.map(\.kind) == [.cancelledByStation] && notices.first?.channel == .email, name,
                   "a station's cancellation left \(notices)")
        // A day closure notifies each cancelled booking on its channels; a citizen's cancellation notifies nobody.
        let cancelled = try await store.closeDay(station: station, day: request(slot: 15, capacity: 1).day,
                                                 from: other.start, to: other.end, at: now)
        try expect(cancelled.map(\.code) == [other.code], name, "the closure cancelled \(cancelled.map(\.code))")
        let closureNotices = try await store.notifications(code: other.code)
        try expect(Set(closureNotices.map(\.channel)) == [.email, .sms] && closureNotices.allSatisfy { $0.kind == .cancelledByStation },
                   name, "the closure planned \(closureNotices)")
        let mine = try await store.reserve(request(slot: 70, capacity: 1, contact: emailOnly)).booking
        _ = try await store.setStatus(code: mine.code, to: .cancelledByCitizen, at: now)
        try expect(try await store.notifications(code: mine.code).isEmpty, name, "a citizen's cancellation planned a notice")
    }

    /// Leasing hands a due job to one sender at a time; an expired lease gives
    /// the same job (same id) again; a job marked sent is never leased again.
    public static let outboxLease: Check = { makeStore in
        let name = "outbox-lease"
        let store = try await makeStore()
        var codes: [ConfirmationCode] = []
        for slot in 0..<10 {
            var r = request(slot: 50 + slot, capacity: 1, contact: Contact(email: "c\(slot)@example.org"))
            r.notifications = [PlannedNotification(kind: .reminderTwoHoursBefore, channel: .email, dueAt: now.addingTimeInterval(60))]
            codes.append(try await store.reserve(r).booking.code)
        }
        try expect(try await store.leaseDueNotifications(now: now, leaseSeconds: 300, limit: 100).isEmpty, name, "a job was leased before it was due")
        let due = now.addingTimeInterval(120)
        // Eight concurrent senders: every job is leased exactly once.
        let leased = try await withThrowingTaskGroup(of: [OutboxJob].self) { group in
            for _ in 0..<8 { group.addTask { try await store.leaseDueNotifications(now: due, leaseSeconds: 300, limit: 3) } }
            var all: [OutboxJob] = []
            for try await batch in group { all += batch }
            return all
        }
        try expect(leased.count == 10 && Set(leased.map(\.id)).count == 10, name,
                   "concurrent senders leased \(leased.count) jobs, \(Set(leased.map(\.id)).count) distinct (expected 10, once each)")
        try expect(try await store.leaseDueNotifications(now: due, leaseSeconds: 300, limit: 100).isEmpty, name, "a leased job was leased twice")
        // The sender of the first job marks it sent; the others crash: after the lease, the same ids come back.
        let sent = leased[0].id
        try await store.markNotificationSent(id: sent, at: due)
        try await store.markNotificationSent(id: sent, at: due.addingTimeInterval(1))
        let again = try await store.leaseDueNotifications(now: due.addingTimeInterval(301), leaseSeconds: 300, limit: 100)
        try expect(Set(again.map(\.id)) == Set(leased.dropFirst().map(\.id)) && again.allSatisfy { $0.attempts == 2 }, name,
                   "after the lease expired, \(again.count) jobs came back (expected the 9 unsent, second attempt)")
        // A failure gives the job back for later, with its error (the others are still leased until due + 601 s).
        try await store.releaseNotification(id: again[0].id, retryAt: due.addingTimeInterval(500), error: "gateway timeout")
        let released = try await store.notifications(code: try require(again[0].code, name)).first { $0.id == again[0].id }
        try expect(released?.leasedUntil == nil && released?.lastError == "gateway timeout", name, "a released job is \(String(describing: released))")
        let later = try await store.leaseDueNotifications(now: due.addingTimeInterval(550), leaseSeconds: 300, limit: 100)
        try expect(later.map(\.id) == [again[0].id], name, "the released job was not due again at its retry time (got \(later.map(\.id)))")
        let sentJob = try await store.notifications(code: try require(leased[0].code, name)).first { $0.id == sent }
        try expect(sentJob?.sentAt == due, name, "the sent mark moved or is missing: \(String(describing: sentJob?.sentAt))")
    }

    /// The purge deletes the outbox jobs of the bookings it purges, and only theirs.
    public static let outboxPurge: Check = { makeStore in
        let name = "outbox-purge"
        let store = try await makeStore()
        let contact = Contact(email: "d@example.org", phone: "0611111111")
        var old = request(slot: 30, capacity: 1, contact: contact)
        old.notifications = PlannedNotification.reminders(start: old.start, timeZone: .gmt, contact: contact, now: now)
        var recent = request(slot: 90, capacity: 1, contact: contact)
        recent.notifications = PlannedNotification.reminders(start: recent.start, timeZone: .gmt, contact: contact, now: now)
        let a = try await store.reserve(old).booking
        let b = try await store.reserve(recent).booking
        try expect(try await store.notifications(code: a.code).count == 4, name, "two channels × two reminders expected")
        _ = try await store.purgePersonalData(endedBefore: a.end.addingTimeInterval(60), at: now)
        try expect(try await store.notifications(code: a.code).isEmpty, name, "the purged booking's outbox jobs remain")
        try expect(try await store.notifications(code: b.code).count == 4, name, "a future booking's jobs were purged")
    }

    static func entry(_ start: Date, after seconds: TimeInterval, contact: Contact? = nil) -> WaitlistEntry {
        WaitlistEntry(station: station, motif: .plainte, earliest: start.addingTimeInterval(-3_600), latest: start.addingTimeInterval(3_600),
                      contact: contact, createdAt: now.addingTimeInterval(seconds))
    }

    /// A freed seat is kept for the first in line until the hold expires: nobody
    /// else books it, the person claims it once, an expired hold lets it go.
    public static let waitlistHold: Check = { makeStore in
        let name = "waitlist-hold"
        let store = try await makeStore()
        let slot = request(slot: 16, capacity: 1)
        let offer = SeatOfferRequest(station: station, motif: .plainte, start: slot.start, end: slot.end, day: slot.day,
                                     capacity: 1, holdSeconds: 600, at: now)
        let a = try await store.reserve(slot).booking
        let first = entry(slot.start, after: 0, contact: Contact(email: "first@example.org"))
        let second = entry(slot.start, after: 60)
        try await store.enqueue(second)
        try await store.enqueue(first)
        try expect(try await store.offerFreedSeat(offer) == nil, name, "a seat was offered while the slot was full")
        try expect(try await store.waitlist(station: station, motif: .plainte).count == 2, name, "an entry left the list without an offer")
        _ = try await store.setStatus(code: a.code, to: .cancelledByCitizen, at: now)
        let hold = try await store.offerFreedSeat(offer)
        try expect(hold?.entry.id == first.id && hold?.seat == 0 && hold?.expiresAt == now.addingTimeInterval(600), name,
                   "the freed seat was offered as \(String(describing: hold))")
        guard let hold else { return }
        try expect(try await store.hold(id: hold.id) == hold, name, "the hold cannot be read back")
        try expect(try await store.waitlist(station: station, motif: .plainte).map(\.id) == [second.id], name, "the offered entry is still waiting")
        try await expectError(name, "booking a held seat", {
            _ = try await store.reserve(request(slot: 16, capacity: 1))
        }, matching: isSlotFull)
        try expect(try await store.occupancy(station: station, motif: .plainte, from: slot.start, to: slot.end)[slot.start] == 1, name,
                   "occupancy does not count the held seat")
        let claimed = try await store.claimHold(id: hold.id, ClaimRequest(idempotencyKey: "claim-1", at: now.addingTimeInterval(60)))
        try expect(claimed.seat == 0 && claimed.start == slot.start && claimed.contact == first.contact && claimed.status == .booked, name,
                   "the claim booked \(claimed)")
        let replay = try await store.claimHold(id: hold.id, ClaimRequest(idempotencyKey: "claim-1", at: now.addingTimeInterval(61)))
        try expect(replay.code == claimed.code, name, "a retried claim booked again")
        try await expectError(name, "claiming twice", {
            _ = try await store.claimHold(id: hold.id, ClaimRequest(at: now.addingTimeInterval(62)))
        }, matching: { if case .holdNotFound = $0 { return true }; return false })
        // The next freed seat goes to the second in line; their time runs out; the seat is free again.
        _ = try await store.setStatus(code: claimed.code, to: .cancelledByStation, at: now)
        guard let next = try await store.offerFreedSeat(offer) else { throw ConformanceFailure(check: name, message: "no offer to the second in line") }
        try expect(next.entry.id == second.id, name, "the second offer went to \(next.entry.id)")
        let late = now.addingTimeInterval(601)
        try await expectError(name, "claiming after expiry", {
            _ = try await store.claimHold(id: next.id, ClaimRequest(at: late))
        }, matching: { if case .holdExpired = $0 { return true }; return false })
        var afterExpiry = request(slot: 16, capacity: 1)
        afterExpiry.at = late
        let taken = try await store.reserve(afterExpiry).booking
        try expect(taken.seat == 0, name, "an expired hold still kept its seat")
        let swept = try await store.expireHolds(now: late)
        try expect(swept.map(\.id) == [next.id], name, "expireHolds returned \(swept.map(\.id))")
        let released = try await store.releaseHold(id: next.id)
        let remaining = try await store.hold(id: next.id)
        try expect(released == nil && remaining == nil, name, "a swept hold remains")
    }

    /// Many callers at once on one freed seat: exactly one offer is made, and
    /// the seat is given once — to the claim while it is held, to one booking after.
    public static let waitlistRace: Check = { makeStore in
        let name = "waitlist-race"
        let store = try await makeStore()
        let slot = request(slot: 17, capacity: 2)
        let offer = SeatOfferRequest(station: station, motif: .plainte, start: slot.start, end: slot.end, day: slot.day,
                                     capacity: 2, holdSeconds: 300, at: now)
        _ = try await store.reserve(slot)
        let leaving = try await store.reserve(request(slot: 17, capacity: 2)).booking
        for index in 0..<20 { try await store.enqueue(entry(slot.start, after: TimeInterval(index))) }
        _ = try await store.setStatus(code: leaving.code, to: .cancelledByCitizen, at: now)
        // Ten offers at once for one free seat: one hold.
        let holds = try await withThrowingTaskGroup(of: SeatHold?.self) { group in
            for _ in 0..<10 { group.addTask { try await store.offerFreedSeat(offer) } }
            var all: [SeatHold] = []
            for try await hold in group { if let hold { all.append(hold) } }
            return all
        }
        try expect(holds.count == 1, name, "\(holds.count) holds for one freed seat")
        try expect(try await store.waitlist(station: station, motif: .plainte).count == 19, name, "more than one entry was offered")
        guard let hold = holds.first else { return }
        // Thirty bookings and five claims at once while it is held: only one claim wins.
        enum Outcome: Sendable { case booked, claimed, refused }
        func race(_ at: Date) async throws -> [Outcome] {
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        var attempt = request(slot: 17, capacity: 2)
                        attempt.at = at
                        do { _ = try await store.reserve(attempt); return .booked } catch let error as BookingStoreError where isSlotFull(error) { return .refused }
                    }
                }
                for _ in 0..<5 {
                    group.addTask {
                        do { _ = try await store.claimHold(id: hold.id, ClaimRequest(at: at)); return .claimed } catch let error as BookingStoreError {
                            switch error {
                            case .holdNotFound, .holdExpired: return .refused
                            default: throw error
                            }
                        }
                    }
                }
                var all: [Outcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
        }
        let held = try await race(now.addingTimeInterval(10))
        try expect(held.filter { $0 == .claimed }.count == 1 && !held.contains(.booked), name,
                   "while held: \(held.filter { $0 == .claimed }.count) claims and \(held.filter { $0 == .booked }.count) bookings won (expected 1 claim)")
        let active = try await store.bookings(station: station, from: slot.start, to: slot.end).filter { $0.status.holdsSeat }
        try expect(active.count == 2 && Set(active.compactMap(\.seat)) == [0, 1], name, "the slot holds \(active.map(\.seat))")
        // Again after the hold ran out: one booking wins, the late claim loses.
        let winner = try require(active.first { $0.createdAt == now.addingTimeInterval(10) }, name)
        _ = try await store.setStatus(code: winner.code, to: .cancelledByCitizen, at: now)
        guard let second = try await store.offerFreedSeat(offer) else { throw ConformanceFailure(check: name, message: "no second offer") }
        let late = try await { () async throws -> [Outcome] in
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                let at = now.addingTimeInterval(301)
                for _ in 0..<30 {
                    group.addTask {
                        var attempt = request(slot: 17, capacity: 2)
                        attempt.at = at
                        do { _ = try await store.reserve(attempt); return .booked } catch let error as BookingStoreError where isSlotFull(error) { return .refused }
                    }
                }
                group.addTask {
                    do { _ = try await store.claimHold(id: second.id, ClaimRequest(at: at)); return .claimed } catch let error as BookingStoreError {
                        if case .holdExpired = error { return .refused }
                        throw error
                    }
                }
                var all: [Outcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
        }()
        try expect(late.filter { $0 == .booked }.count == 1 && !late.contains(.claimed), name,
                   "after expiry: \(late.filter { $0 == .booked }.count) bookings and \(late.filter { $0 == .claimed }.count) claims won (expected 1 booking)")
        let final = try await store.bookings(station: station, from: slot.start, to: slot.end).filter { $0.status.holdsSeat }
        try expect(final.count == 2 && Set(final.compactMap(\.seat)) == [0, 1], name, "after expiry the slot holds \(final.map(\.seat))")
    }

    static func require<T>(_ value: T?, _ check: String) throws -> T {
        guard let value else { throw ConformanceFailure(check: check, message: "a value expected by the check is missing") }
        return value
    }

    /// 1,000 concurrent attempts on 10 single-seat slots: exactly 10 succeed,
    /// every other attempt is refused with `slotFull`, no slot holds two bookings.
    public static let race: Check = { makeStore in
        try await raceCheck(makeStore: makeStore, attempts: 1_000, slots: 10)
    }

    /// The race with custom sizes; `makeStore` is called once per attempt
    /// batch when `storesPerRace` > 1 (e.g. one connection each), else once.
    public static func raceCheck(makeStore: @Sendable () async throws -> any BookingStore, attempts: Int, slots: Int,
                                 storesPerRace: Int = 1) async throws {
        let name = "race"
        var stores: [any BookingStore] = []
        for _ in 0..<max(1, storesPerRace) { stores.append(try await makeStore()) }
        let pool = stores
        let outcomes = try await withThrowingTaskGroup(of: Result<Booking, BookingStoreError>.self) { group in
            for attempt in 0..<attempts {
                group.addTask {
                    let store = pool[attempt % pool.count]
                    do {
                        return .success(try await store.reserve(request(slot: 20 + attempt % slots, capacity: 1)).booking)
                    } catch let error as BookingStoreError {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<Booking, BookingStoreError>] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        var booked: [Booking] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let booking): booked.append(booking)
            case .failure(let error):
                try expect(isSlotFull(error), name, "a refused attempt failed with \(error) instead of slot full")
            }
        }
        try expect(booked.count == slots, name, "\(booked.count) of \(attempts) attempts succeeded, expected exactly \(slots)")
        let starts = Dictionary(grouping: booked, by: \.start)
        try expect(starts.count == slots && starts.values.allSatisfy { $0.count == 1 }, name, "a slot holds more than one booking")
        let first = request(slot: 20, capacity: 1).start
        let stored = try await pool[0].bookings(station: station, from: first, to: first.addingTimeInterval(TimeInterval(slots) * 1_800))
        try expect(stored.count == slots, name, "the store holds \(stored.count) bookings, expected \(slots)")
        try expect(Set(stored.map(\.code)).count == slots, name, "duplicate confirmation codes")
    }
}
