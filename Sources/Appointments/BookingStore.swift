import Foundation

/// A request to hold one seat of a slot, as a ``BookingStore`` receives it.
/// ``AppointmentBook`` builds it after checking the schedule and the rules.
public struct ReservationRequest: Hashable, Sendable {
    /// The station id.
    public var station: String
    /// The motif.
    public var motif: Motif
    /// Slot start.
    public var start: Date
    /// Slot end.
    public var end: Date
    /// The station's local date of the slot (for day closures).
    public var day: LocalDate
    /// Number of seats (counters) of the slot; the store never holds more.
    public var capacity: Int
    /// The optional contact.
    public var contact: Contact?
    /// The client's idempotency key, if any.
    public var idempotencyKey: String?
    /// The code to give the new booking (drawn by the caller).
    public var code: ConfirmationCode
    /// Now.
    public var at: Date
    /// Notifications to put in the outbox with the booking, in the same atomic step (e.g. its reminders).
    public var notifications: [PlannedNotification]

    /// Creates a request.
    public init(station: String, motif: Motif, start: Date, end: Date, day: LocalDate, capacity: Int,
                contact: Contact? = nil, idempotencyKey: String? = nil, code: ConfirmationCode = .random(), at: Date,
                notifications: [PlannedNotification] = []) {
        self.station = station
        self.motif = motif
        self.start = start
        self.end = end
        self.day = day
        self.capacity = capacity
        self.contact = contact
        self.idempotencyKey = idempotencyKey
        self.code = code
        self.at = at
        self.notifications = notifications
    }

    /// Whether `booking` answers this same request (same station, motif and start).
    public func matches(_ booking: Booking) -> Bool {
        booking.station == station && booking.motif == motif && booking.start == start
    }
}

/// The result of ``BookingStore/reserve(_:)``.
public struct Reservation: Hashable, Sendable {
    /// The booking made, or the original one when the idempotency key was already used.
    public let booking: Booking
    /// `true` when the idempotency key was already used and nothing new was booked.
    public let isReplay: Bool

    /// Creates a result.
    public init(booking: Booking, isReplay: Bool) {
        self.booking = booking
        self.isReplay = isReplay
    }
}

/// A request to move a booking to another slot of the same station and motif.
public struct MoveRequest: Hashable, Sendable {
    /// New start.
    public var start: Date
    /// New end.
    public var end: Date
    /// The station's local date of the new slot.
    public var day: LocalDate
    /// Seats of the new slot.
    public var capacity: Int
    /// Now.
    public var at: Date
    /// The reminders of the new slot: they replace the booking's unsent reminders, in the same atomic step.
    public var notifications: [PlannedNotification]

    /// Creates a move request.
    public init(start: Date, end: Date, day: LocalDate, capacity: Int, at: Date, notifications: [PlannedNotification] = []) {
        self.start = start
        self.end = end
        self.day = day
        self.capacity = capacity
        self.at = at
        self.notifications = notifications
    }
}

/// Someone waiting for a slot to free up.
public struct WaitlistEntry: Hashable, Sendable, Codable {
    /// Identifier.
    public let id: UUID
    /// The station id.
    public let station: String
    /// The motif.
    public let motif: Motif
    /// Earliest acceptable start.
    public let earliest: Date
    /// Latest acceptable start.
    public let latest: Date
    /// How to reach the person with the offer (optional: a host app may notify in-app).
    public let contact: Contact?
    /// When the person joined the list (the list is first come, first served).
    public let createdAt: Date

    /// Creates an entry.
    public init(id: UUID = UUID(), station: String, motif: Motif, earliest: Date, latest: Date, contact: Contact?, createdAt: Date) {
        self.id = id
        self.station = station
        self.motif = motif
        self.earliest = earliest
        self.latest = latest
        self.contact = contact
        self.createdAt = createdAt
    }
}

/// Where bookings live. Implementations: ``InMemoryBookingStore`` (an actor),
/// ``SQLiteBookingStore`` (a file shared safely by several processes), and the
/// PostgreSQL store of the partner server.
///
/// ## Contract
///
/// Every implementation must pass `BookingStoreConformance` (product
/// `AppointmentsTestSupport`). Errors are ``BookingStoreError`` values.
///
/// - **Atomic reservation.** ``reserve(_:)`` is one indivisible step: it
///   checks the idempotency key, the day closure, and the number of active
///   seats of `(station, motif, start)`, and holds the lowest free seat
///   `0 ..< capacity`, or throws ``BookingStoreError/slotFull(station:motif:start:capacity:)``.
///   However many callers, tasks, connections or processes reserve at once,
///   a slot never holds more than `capacity` active bookings. Durable
///   stores also enforce it with a uniqueness constraint on
///   `(station, motif, start, seat)`.
/// - **Idempotency.** When `idempotencyKey` was already used, nothing is
///   booked: the original booking is returned with `isReplay == true` if it
///   answers the same station, motif and start, otherwise
///   ``BookingStoreError/idempotencyConflict(key:existing:)`` is thrown.
/// - **Freeing.** Moving to `cancelledByCitizen` or `cancelledByStation`
///   frees the seat at once (`seat` becomes `nil`); `honoured` and `noShow`
///   keep it. Only `booked` bookings change status or move.
/// - **Moves** hold a seat in the new slot and free the old one in one step;
///   on failure the booking is unchanged.
/// - **Durability.** A call that returns has committed its change.
/// - **Held seats.** ``offerFreedSeat(_:)`` keeps a freed seat for the first
///   person of the waiting list until the hold expires: reservations and moves
///   (judged at their `at`) never take a seat held by an unexpired hold, and
///   ``occupancy(station:motif:from:to:)`` counts every hold not yet released
///   or swept by ``expireHolds(now:)``. ``claimHold(id:_:)`` turns an
///   unexpired hold into a booking on its seat, once. However many callers
///   race, a seat is never given twice.
/// - **Outbox.** Notifications live with the bookings, changed in the same
///   atomic step as what they are about: ``reserve(_:)`` adds the request's
///   ``ReservationRequest/notifications`` (not on a replay); a booking leaving
///   `booked` loses its unsent reminders; a cancellation by the station (one
///   booking or a closed day) adds a ``NotificationKind/cancelledByStation``
///   notice per channel the citizen gave; a move replaces the unsent reminders
///   with ``MoveRequest/notifications``; the purge deletes the jobs of purged
///   bookings. A job's id is stable, so a job is never planned twice. Sending
///   is at least once: ``leaseDueNotifications(now:leaseSeconds:limit:)`` hands
///   a job to one sender at a time; a seat kept for the waiting list adds its
///   ``NotificationKind/offer`` jobs in the step that keeps it; a sender that crashes before
///   ``markNotificationSent(id:at:)`` lets its lease expire, and the job (same
///   id) is leased again.
/// - **Waiting-list references.** An entry is found by its id while it waits
///   (``waitlistEntry(id:)``), leaves once (``leaveWaitlist(id:)``), and once
///   offered, its kept seat is found by the entry's id (``hold(entry:)``).
public protocol BookingStore: Sendable {
    /// Holds one seat of a slot atomically (see the contract above).
    func reserve(_ request: ReservationRequest) async throws -> Reservation

    /// The booking with `code`, if any.
    func booking(code: ConfirmationCode) async throws -> Booking?

    /// Every booking (any status) of `station` starting in `from ..< to`, by start.
    func bookings(station: String, from: Date, to: Date) async throws -> [Booking]

    /// Active seats per slot start of `station`/`motif` for starts in `from ..< to`.
    func occupancy(station: String, motif: Motif, from: Date, to: Date) async throws -> [Date: Int]

    /// Changes the status of a `booked` booking; cancellations free the seat.
    func setStatus(code: ConfirmationCode, to status: BookingStatus, at: Date) async throws -> Booking

    /// Moves a `booked` booking to another slot of the same station and motif, atomically.
    func move(code: ConfirmationCode, to request: MoveRequest) async throws -> Booking

    /// Records that `station` is closed on its local `day` and cancels (as the
    /// station) every `booked` booking starting in `from ..< to`, atomically.
    /// Returns the bookings cancelled. Later reservations that day fail with `dayClosed`.
    func closeDay(station: String, day: LocalDate, from: Date, to: Date, at: Date) async throws -> [Booking]

    /// The local days `station` was closed with ``closeDay(station:day:from:to:at:)``.
    func closedDays(station: String) async throws -> Set<LocalDate>

    /// Reopens the local `day` of `station` closed with ``closeDay(station:day:from:to:at:)``:
    /// reservations are accepted again that day; the bookings the closure
    /// cancelled stay cancelled (their citizens were told). Returns whether the day was closed.
    func reopenDay(station: String, day: LocalDate) async throws -> Bool

    /// Adds someone to the waiting list.
    func enqueue(_ entry: WaitlistEntry) async throws

    /// Removes and returns the earliest-created entry of `station`/`motif`
    /// whose window contains `start`, atomically (an entry is offered once).
    func takeNextWaitlistEntry(station: String, motif: Motif, covering start: Date) async throws -> WaitlistEntry?

    /// The waiting list of `station`/`motif`, first come first.
    func waitlist(station: String, motif: Motif) async throws -> [WaitlistEntry]

    /// Erases the contact and idempotency key of bookings that ended before
    /// `endedBefore`, and waiting-list entries whose window closed before it.
    /// Returns how many bookings were purged. The outbox jobs of the purged bookings are deleted.
    func purgePersonalData(endedBefore: Date, at: Date) async throws -> Int

    /// Leases up to `limit` unsent jobs due at `now` whose lease is free or
    /// expired, earliest due first, atomically: each gets `leasedUntil = now +
    /// leaseSeconds` and one more attempt, and no other caller gets it until then.
    func leaseDueNotifications(now: Date, leaseSeconds: Int, limit: Int) async throws -> [OutboxJob]

    /// Marks the job sent (or deliberately dropped): it is never leased again. Idempotent.
    func markNotificationSent(id: String, at: Date) async throws

    /// Gives back a job whose sending failed: due again at `retryAt`, lease freed, `error` kept.
    func releaseNotification(id: String, retryAt: Date, error: String) async throws

    /// Every job of the booking `code`, sent or not, by due date then id.
    func notifications(code: ConfirmationCode) async throws -> [OutboxJob]

    /// Every ``NotificationKind/offer`` job of the held seat `hold`, sent or not, by due date then id.
    func notifications(hold: UUID) async throws -> [OutboxJob]

    /// Atomically: when the slot has a seat free at `request.at` (not booked,
    /// not held), takes the earliest-created waiting entry of the station and
    /// motif whose window contains the start, removes it from the list, and
    /// keeps the seat for it until `at + holdSeconds`; in the same step, adds
    /// ``OutboxJob/offerNotices(for:at:)`` (one ``NotificationKind/offer`` job
    /// per channel the entry's contact gives, due at `at`). `nil` when nobody waits
    /// for it or no seat is free (the list is unchanged then).
    func offerFreedSeat(_ request: SeatOfferRequest) async throws -> SeatHold?

    /// Atomically turns the hold `id` into a booking on its seat, if it has not
    /// expired at `claim.at`; the hold is gone afterwards. Throws
    /// ``BookingStoreError/holdNotFound(_:)`` or ``BookingStoreError/holdExpired(_:expiredAt:)``;
    /// a retry with the same idempotency key returns the booking.
    func claimHold(id: UUID, _ claim: ClaimRequest) async throws -> Booking

    /// The hold `id`, if it is still kept (expired or not).
    func hold(id: UUID) async throws -> SeatHold?

    /// Releases the hold `id` (the person declined): the seat is free again. Returns it, or `nil` when gone.
    func releaseHold(id: UUID) async throws -> SeatHold?

    /// Removes and returns the holds expired at `now`, so their seats can go to the next in line.
    func expireHolds(now: Date) async throws -> [SeatHold]

    /// The waiting-list entry `id` while it waits (not yet offered a seat, not left).
    func waitlistEntry(id: UUID) async throws -> WaitlistEntry?

    /// Removes the entry `id` from the waiting list, atomically: returns it,
    /// or `nil` when it is not waiting (offered a seat already, or gone).
    func leaveWaitlist(id: UUID) async throws -> WaitlistEntry?

    /// The seat held for the waiting-list entry `entry` (expired or not), if any.
    func hold(entry: UUID) async throws -> SeatHold?
}
