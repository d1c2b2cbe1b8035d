import Foundation

/// How a notification reaches the citizen: only the channels whose address
/// the citizen gave (an e-mail, a phone number) are ever used.
public enum NotificationChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// An e-mail to ``Contact/email``.
    case email
    /// A text message to ``Contact/phone``.
    case sms
}

/// What a notification says.
public enum NotificationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The reminder the day before, at the same wall-clock time (``Reminder/Kind/dayBefore``).
    case reminderDayBefore = "reminder-day-before"
    /// The reminder two hours before (``Reminder/Kind/twoHoursBefore``).
    case reminderTwoHoursBefore = "reminder-two-hours-before"
    /// The station cancelled the appointment (a closed day, a single cancellation).
    case cancelledByStation = "cancelled-by-station"
    /// A freed seat is kept for a person of the waiting list until the hold
    /// expires (see ``SeatHold``): the job names the hold, not a booking, and
    /// is dropped unsent once the hold was accepted, declined or ran out.
    case offer

    /// Whether this is a reminder (dropped when the booking is no longer `booked`).
    public var isReminder: Bool {
        switch self {
        case .reminderDayBefore, .reminderTwoHoursBefore: true
        case .cancelledByStation, .offer: false
        }
    }

    /// The notification kind of a reminder.
    public init(_ reminder: Reminder.Kind) {
        switch reminder {
        case .dayBefore: self = .reminderDayBefore
        case .twoHoursBefore: self = .reminderTwoHoursBefore
        }
    }
}

/// A notification planned with a booking, before the store knows the booking's
/// code: the store turns it into an ``OutboxJob`` in the same atomic step
/// that holds the seat (see ``ReservationRequest/notifications``).
public struct PlannedNotification: Hashable, Sendable {
    /// What it says.
    public var kind: NotificationKind
    /// Where it goes.
    public var channel: NotificationChannel
    /// When it is due.
    public var dueAt: Date

    /// Creates a plan.
    public init(kind: NotificationKind, channel: NotificationChannel, dueAt: Date) {
        self.kind = kind
        self.channel = channel
        self.dueAt = dueAt
    }

    /// The reminders of a booking starting at `start` at a station in
    /// `timeZone`, for the channels `contact` gives (none for an anonymous
    /// booking), leaving out those already due at `now` or before.
    public static func reminders(start: Date, timeZone: TimeZone, contact: Contact?, now: Date) -> [PlannedNotification] {
        let channels = NotificationChannel.channels(of: contact)
        guard !channels.isEmpty else { return [] }
        let probe = Booking(id: UUID(), code: ConfirmationCode.random(), station: "", motif: .plainte, start: start, end: start, seat: nil,
                            status: .booked, contact: nil, idempotencyKey: nil, createdAt: now, updatedAt: now)
        return ReminderPlan.reminders(for: probe, timeZone: timeZone, now: now).flatMap { reminder in
            channels.map { PlannedNotification(kind: NotificationKind(reminder.kind), channel: $0, dueAt: reminder.at) }
        }
    }
}

extension NotificationChannel {
    /// The channels `contact` gives: e-mail when an address is given, SMS when a phone is.
    public static func channels(of contact: Contact?) -> [NotificationChannel] {
        var channels: [NotificationChannel] = []
        if contact?.email != nil { channels.append(.email) }
        if contact?.phone != nil { channels.append(.sms) }
        return channels
    }
}

/// One notification to send, kept in the ``BookingStore``'s outbox so that a
/// crash never loses or doubles it.
///
/// The outbox holds no address: the address is read from the booking when the
/// notification is sent, so nothing is stored that the citizen did not give,
/// and purging the booking's contact (or the booking) leaves nothing to send.
/// Its ``id`` is stable (the booking's id, the kind, the channel and the due time): planning
/// the same notification twice keeps one job, and a gateway can use it to
/// recognise a retry.
///
/// An ``NotificationKind/offer`` job names the ``SeatHold`` instead of a
/// booking (``hold``; ``code`` is `nil`): its address is read from the
/// waiting-list entry the hold keeps, when it is sent.
public struct OutboxJob: Hashable, Sendable, Codable {
    /// Stable identifier: `<booking id>/<kind>/<channel>/<due, Unix seconds>`
    /// (`<hold id>/offer/<channel>/<due>` for an offer).
    public let id: String
    /// The booking it is about; `nil` for an offer.
    public let code: ConfirmationCode?
    /// The held seat an ``NotificationKind/offer`` is about; `nil` otherwise.
    public let hold: UUID?
    /// What it says.
    public let kind: NotificationKind
    /// Where it goes.
    public let channel: NotificationChannel
    /// When it is due.
    public var dueAt: Date
    /// How many times it was leased for sending.
    public var attempts: Int
    /// Until when the current sender holds it; `nil` when nobody does.
    public var leasedUntil: Date?
    /// When it was marked sent (or dropped); `nil` while still to send.
    public var sentAt: Date?
    /// The last failure reported by a sender, if any (no personal data).
    public var lastError: String?

    /// Creates a job.
    public init(id: String, code: ConfirmationCode?, hold: UUID? = nil, kind: NotificationKind, channel: NotificationChannel, dueAt: Date,
                attempts: Int = 0, leasedUntil: Date? = nil, sentAt: Date? = nil, lastError: String? = nil) {
        self.id = id
        self.code = code
        self.hold = hold
        self.kind = kind
        self.channel = channel
        self.dueAt = dueAt
        self.attempts = attempts
        self.leasedUntil = leasedUntil
        self.sentAt = sentAt
        self.lastError = lastError
    }

    /// The stable id of `kind` on `channel` due at `dueAt` for the booking `bookingID`.
    public static func id(booking bookingID: UUID, kind: NotificationKind, channel: NotificationChannel, dueAt: Date) -> String {
        "\(bookingID.uuidString.lowercased())/\(kind.rawValue)/\(channel.rawValue)/\(Int64(dueAt.timeIntervalSince1970.rounded(.down)))"
    }

    /// The job of `plan` for `booking`.
    public init(_ plan: PlannedNotification, for booking: Booking) {
        self.init(id: Self.id(booking: booking.id, kind: plan.kind, channel: plan.channel, dueAt: plan.dueAt), code: booking.code,
                  kind: plan.kind, channel: plan.channel, dueAt: plan.dueAt)
    }

    /// The offer notices of `hold`, due at `at`, for the channels the
    /// waiting-list entry's contact gives (none for an entry without one).
    /// Stores add them in the same atomic step that keeps the seat.
    public static func offerNotices(for hold: SeatHold, at: Date) -> [OutboxJob] {
        NotificationChannel.channels(of: hold.entry.contact).map {
            OutboxJob(id: id(booking: hold.id, kind: .offer, channel: $0, dueAt: at), code: nil, hold: hold.id, kind: .offer,
                      channel: $0, dueAt: at)
        }
    }

    /// What the store's `code` column holds: the booking's code, or the hold's id for an offer.
    public var subject: String { hold?.uuidString.lowercased() ?? code?.rawValue ?? "" }

    /// The job read back from a store row whose `code` column holds ``subject``.
    public init?(subject: String, id: String, kind: NotificationKind, channel: NotificationChannel, dueAt: Date, attempts: Int,
                  leasedUntil: Date?, sentAt: Date?, lastError: String?) {
        if kind == .offer {
            guard let hold = UUID(uuidString: subject) else { return nil }
            self.init(id: id, code: nil, hold: hold, kind: kind, channel: channel, dueAt: dueAt, attempts: attempts,
                      leasedUntil: leasedUntil, sentAt: sentAt, lastError: lastError)
        } else {
            guard let code = try? ConfirmationCode(subject) else { return nil }
            self.init(id: id, code: code, kind: kind, channel: channel, dueAt: dueAt, attempts: attempts,
                      leasedUntil: leasedUntil, sentAt: sentAt, lastError: lastError)
        }
    }

    /// The cancellation notices of `booking`, due at `at`, for the channels its contact gives.
    public static func cancellationNotices(for booking: Booking, at: Date) -> [OutboxJob] {
        NotificationChannel.channels(of: booking.contact).map {
            OutboxJob(PlannedNotification(kind: .cancelledByStation, channel: $0, dueAt: at), for: booking)
        }
    }
}

/// Stores without an outbox (e.g. written before it existed) fail its calls
/// explicitly rather than silently dropping notifications, and fail the outbox
/// checks of `BookingStoreConformance`; the SDK's stores and the partner
/// server's PostgreSQL store implement them (as `async` members, which a
/// concrete store's callers then reach before these).
extension BookingStore {
    public func leaseDueNotifications(now: Date, leaseSeconds: Int, limit: Int) async throws -> [OutboxJob] {
        throw BookingStoreError.database(code: 0, message: "this store has no notification outbox", operation: "leasing notifications")
    }

    public func markNotificationSent(id: String, at: Date) async throws {
        throw BookingStoreError.database(code: 0, message: "this store has no notification outbox", operation: "marking a notification sent")
    }

    public func releaseNotification(id: String, retryAt: Date, error: String) async throws {
        throw BookingStoreError.database(code: 0, message: "this store has no notification outbox", operation: "releasing a notification")
    }

    public func notifications(code: ConfirmationCode) async throws -> [OutboxJob] {
        throw BookingStoreError.database(code: 0, message: "this store has no notification outbox", operation: "listing notifications")
    }

    public func notifications(hold: UUID) async throws -> [OutboxJob] {
        throw BookingStoreError.database(code: 0, message: "this store has no notification outbox", operation: "listing an offer's notifications")
    }
}
