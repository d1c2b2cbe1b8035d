import Foundation

/// A freed seat kept for the first person of the waiting list for a limited
/// time: nobody else can book it until ``expiresAt``; the person claims it
/// (``AppointmentBook/claimOffer(_:contact:idempotencyKey:)``) or lets it go
/// to the next in line.
public struct SeatHold: Hashable, Sendable {
    /// Identifier, given to the person with the offer.
    public let id: UUID
    /// The person the seat is kept for (no longer on the waiting list).
    public let entry: WaitlistEntry
    /// The station id.
    public let station: String
    /// The motif.
    public let motif: Motif
    /// Slot start.
    public let start: Date
    /// Slot end.
    public let end: Date
    /// The station's local date of the slot.
    public let day: LocalDate
    /// The seat kept (0-based counter).
    public let seat: Int
    /// Seats of the slot.
    public let capacity: Int
    /// Until when the seat is kept.
    public let expiresAt: Date

    /// Creates a hold (stores create holds; hosts rarely need this).
    public init(id: UUID, entry: WaitlistEntry, station: String, motif: Motif, start: Date, end: Date, day: LocalDate,
                seat: Int, capacity: Int, expiresAt: Date) {
        self.id = id
        self.entry = entry
        self.station = station
        self.motif = motif
        self.start = start
        self.end = end
        self.day = day
        self.seat = seat
        self.capacity = capacity
        self.expiresAt = expiresAt
    }
}

/// A freed seat to offer to the waiting list, as a ``BookingStore`` receives it.
public struct SeatOfferRequest: Hashable, Sendable {
    /// The station id.
    public var station: String
    /// The motif.
    public var motif: Motif
    /// Slot start.
    public var start: Date
    /// Slot end.
    public var end: Date
    /// The station's local date of the slot.
    public var day: LocalDate
    /// Seats of the slot.
    public var capacity: Int
    /// How long the seat is kept for the person, from `at`.
    public var holdSeconds: Int
    /// Now.
    public var at: Date

    /// Creates a request.
    public init(station: String, motif: Motif, start: Date, end: Date, day: LocalDate, capacity: Int, holdSeconds: Int, at: Date) {
        self.station = station
        self.motif = motif
        self.start = start
        self.end = end
        self.day = day
        self.capacity = capacity
        self.holdSeconds = holdSeconds
        self.at = at
    }
}

/// The booking a claimed hold becomes.
public struct ClaimRequest: Hashable, Sendable {
    /// The contact the person gives now (the waiting-list entry's is used when `nil`).
    public var contact: Contact?
    /// The client's idempotency key, if any.
    public var idempotencyKey: String?
    /// The code to give the new booking.
    public var code: ConfirmationCode
    /// Now (the hold must not have expired).
    public var at: Date
    /// Notifications to plan with the booking (its reminders).
    public var notifications: [PlannedNotification]

    /// Creates a claim.
    public init(contact: Contact? = nil, idempotencyKey: String? = nil, code: ConfirmationCode = .random(), at: Date,
                notifications: [PlannedNotification] = []) {
        self.contact = contact
        self.idempotencyKey = idempotencyKey
        self.code = code
        self.at = at
        self.notifications = notifications
    }
}

/// Stores without seat holds fail these calls explicitly (the SDK's stores implement them).
extension BookingStore {
    public func reopenDay(station: String, day: LocalDate) async throws -> Bool {
        throw BookingStoreError.database(code: 0, message: "this store cannot reopen a closed day", operation: "reopening a day")
    }

    public func offerFreedSeat(_ request: SeatOfferRequest) async throws -> SeatHold? {
        throw BookingStoreError.database(code: 0, message: "this store cannot hold seats for the waiting list", operation: "offering a freed seat")
    }

    public func claimHold(id: UUID, _ claim: ClaimRequest) async throws -> Booking {
        throw BookingStoreError.database(code: 0, message: "this store cannot hold seats for the waiting list", operation: "claiming a held seat")
    }

    public func hold(id: UUID) async throws -> SeatHold? {
        throw BookingStoreError.database(code: 0, message: "this store cannot hold seats for the waiting list", operation: "reading a held seat")
    }

    public func releaseHold(id: UUID) async throws -> SeatHold? {
        throw BookingStoreError.database(code: 0, message: "this store cannot hold seats for the waiting list", operation: "releasing a held seat")
    }

    public func expireHolds(now: Date) async throws -> [SeatHold] {
        throw BookingStoreError.database(code: 0, message: "this store cannot hold seats for the waiting list", operation: "expiring held seats")
    }

    public func waitlistEntry(id: UUID) async throws -> WaitlistEntry? {
        throw BookingStoreError.database(code: 0, message: "this store cannot find waiting-list entries by id", operation: "reading a waiting-list entry")
    }

    public func leaveWaitlist(id: UUID) async throws -> WaitlistEntry? {
        throw BookingStoreError.database(code: 0, message: "this store cannot find waiting-list entries by id", operation: "leaving the waiting list")
    }

    public func hold(entry: UUID) async throws -> SeatHold? {
        throw BookingStoreError.database(code: 0, message: "this store cannot hold seats for the waiting list", operation: "reading the seat held for an entry")
    }
}
