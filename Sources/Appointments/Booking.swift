import Foundation

/// Where a booking stands.
public enum BookingStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Booked and expected.
    case booked
    /// Cancelled by the citizen (the seat is free again).
    case cancelledByCitizen = "cancelled-by-citizen"
    /// Cancelled by the station, e.g. a closure (the seat is free again).
    case cancelledByStation = "cancelled-by-station"
    /// The citizen came.
    case honoured
    /// The citizen did not come.
    case noShow = "no-show"

    /// Whether the booking still holds a seat (booked, honoured or no-show).
    public var holdsSeat: Bool { self == .booked || self == .honoured || self == .noShow }
}

/// The optional, minimal contact a citizen leaves for a reminder. Every field
/// may be absent: a booking can stay anonymous.
public struct Contact: Hashable, Sendable, Codable {
    /// A name or pseudonym to call the citizen at the counter.
    public var pseudonym: String?
    /// An e-mail address for a reminder.
    public var email: String?
    /// A phone number for a reminder.
    public var phone: String?

    /// Creates a contact; empty strings are treated as absent.
    public init(pseudonym: String? = nil, email: String? = nil, phone: String? = nil) {
        func clean(_ value: String?) -> String? {
            guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        self.pseudonym = clean(pseudonym)
        self.email = clean(email)
        self.phone = clean(phone)
    }

    /// Whether no field is given.
    public var isEmpty: Bool { pseudonym == nil && email == nil && phone == nil }

    /// Whether a reminder can be sent (an e-mail or a phone number is given).
    public var isReachable: Bool { email != nil || phone != nil }
}

/// One appointment at a station.
public struct Booking: Hashable, Sendable, Codable {
    /// An opaque identifier (UUID), used as the calendar UID; reveals nothing.
    public let id: UUID
    /// The confirmation code given to the citizen (see ``ConfirmationCode``).
    public let code: ConfirmationCode
    /// The station id (from StationDirectory, e.g. `commissariat_police-33063-01`).
    public let station: String
    /// Why the citizen comes.
    public let motif: Motif
    /// Start of the appointment.
    public var start: Date
    /// End of the appointment.
    public var end: Date
    /// Which counter (0-based) of the slot the booking holds; `nil` once cancelled.
    public var seat: Int?
    /// Where the booking stands.
    public var status: BookingStatus
    /// The citizen's optional contact; `nil` when anonymous or purged.
    public var contact: Contact?
    /// The idempotency key of the request that created the booking; `nil` when none or purged.
    public var idempotencyKey: String?
    /// When the booking was made.
    public let createdAt: Date
    /// When the status last changed (cancellation, move, attendance).
    public var updatedAt: Date
    /// Whether personal data has been purged.
    public var isPurged: Bool

    /// Creates a booking value (stores create bookings; hosts rarely need this).
    public init(id: UUID, code: ConfirmationCode, station: String, motif: Motif, start: Date, end: Date, seat: Int?,
                status: BookingStatus, contact: Contact?, idempotencyKey: String?, createdAt: Date,
                updatedAt: Date, isPurged: Bool = false) {
        self.id = id
        self.code = code
        self.station = station
        self.motif = motif
        self.start = start
        self.end = end
        self.seat = seat
        self.status = status
        self.contact = contact
        self.idempotencyKey = idempotencyKey
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.isPurged = isPurged
    }
}
