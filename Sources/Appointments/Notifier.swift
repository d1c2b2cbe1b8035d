import Foundation

/// One message to deliver: what a ``Notifier`` receives.
public struct NotificationMessage: Hashable, Sendable {
    /// The outbox job's stable id: the same notification retried after a
    /// crash has the same id, so a gateway can drop the duplicate.
    public let id: String
    /// E-mail or SMS.
    public let channel: NotificationChannel
    /// The address the citizen gave for that channel (read from the booking at sending time).
    public let address: String
    /// What it is about.
    public let kind: NotificationKind
    /// The booking's confirmation code; `nil` for an ``NotificationKind/offer``.
    public let code: ConfirmationCode?
    /// For an ``NotificationKind/offer``: the kept seat (its slot, ``SeatHold/expiresAt``,
    /// and the waiting-list reference ``SeatHold/entry`` `.id` that accepts or declines it).
    public let offer: SeatHold?
    /// A subject line (for e-mail).
    public let subject: String
    /// The text, in French then English.
    public let body: String

    /// Creates a message.
    public init(id: String, channel: NotificationChannel, address: String, kind: NotificationKind, code: ConfirmationCode?,
                offer: SeatHold? = nil, subject: String, body: String) {
        self.id = id
        self.channel = channel
        self.address = address
        self.kind = kind
        self.code = code
        self.offer = offer
        self.subject = subject
        self.body = body
    }
}

/// Delivers notifications: a deployment plugs its e-mail and SMS gateways here.
///
/// `send` returns once the gateway accepted the message, and throws when it
/// did not (the job is retried later with the same ``NotificationMessage/id``).
/// Delivery is at least once: a crash after the gateway accepted a message and
/// before it was marked sent sends it again with the same id.
public protocol Notifier: Sendable {
    /// Delivers `message`.
    func send(_ message: NotificationMessage) async throws
}

/// What one ``AppointmentBook/dispatchNotifications(via:limit:leaseSeconds:)`` pass did.
public struct DispatchReport: Hashable, Sendable {
    /// Jobs delivered and marked sent.
    public var sent: [String] = []
    /// Jobs dropped without sending (a reminder of a booking no longer booked or
    /// already started, an address purged, an offer accepted, declined or run
    /// out before it was sent) and marked sent.
    public var dropped: [String] = []
    /// Jobs whose delivery failed, to be retried.
    public var failed: [String] = []

    /// Creates an empty report.
    public init() {}
}

extension AppointmentBook {
    /// Sends the due notifications of the outbox through `notifier`, once each
    /// (at least once across crashes): each job is leased for `leaseSeconds`,
    /// delivered with its stable id, then marked sent; a failure gives it
    /// back, due again after a delay growing with its attempts (1, 2, 4 … 60 minutes).
    /// Reminders of bookings no longer `booked` or already started (a sender
    /// that was down catches up without sending stale reminders), and jobs
    /// whose address was purged, are dropped (marked sent, nothing delivered).
    /// A cancellation notice offers the next free slots of the same motif at the
    /// station, read when it is sent, and the waiting list. An offer is sent
    /// only while its seat is still kept (not accepted, declined or run out),
    /// to the address the waiting-list entry gave.
    /// Run it periodically (e.g. every minute), from one or several processes.
    public func dispatchNotifications(via notifier: any Notifier, limit: Int = 100,
                                      leaseSeconds: Int = 300) async throws(AppointmentError) -> DispatchReport {
        let store = self.store
        let now = clock.now()
        let jobs = try await outboxCall { try await store.leaseDueNotifications(now: now, leaseSeconds: leaseSeconds, limit: limit) }
        var report = DispatchReport()
        for job in jobs {
            if job.kind == .offer {
                let hold = try await outboxCall { () async throws -> SeatHold? in
                    guard let id = job.hold else { return nil }
                    return try await store.hold(id: id)
                }
                let address: String? = switch job.channel {
                case .email: hold?.entry.contact?.email
                case .sms: hold?.entry.contact?.phone
                }
                guard let hold, let address, hold.expiresAt > now else {
                    try await outboxCall { try await store.markNotificationSent(id: job.id, at: now) }
                    report.dropped.append(job.id)
                    continue
                }
                try await deliver(offerMessage(for: job, hold: hold, address: address), of: job, via: notifier, now: now, into: &report)
                continue
            }
            let booking = try await outboxCall { () async throws -> Booking? in
                guard let code = job.code else { return nil }
                return try await store.booking(code: code)
            }
            let address: String? = switch job.channel {
            case .email: booking?.contact?.email
            case .sms: booking?.contact?.phone
            }
            guard let booking, let address, !(job.kind.isReminder && (booking.status != .booked || booking.start <= now)) else {
                try await outboxCall { try await store.markNotificationSent(id: job.id, at: now) }
                report.dropped.append(job.id)
                continue
            }
            try await deliver(await message(for: job, booking: booking, address: address), of: job, via: notifier, now: now, into: &report)
        }
        return report
    }

    /// Sends `message`, then marks `job` sent, or gives it back for a retry
    /// after a delay growing with its attempts; a store failure stops the pass (thrown).
    private func deliver(_ message: NotificationMessage, of job: OutboxJob, via notifier: any Notifier, now: Date,
                         into report: inout DispatchReport) async throws(AppointmentError) {
        let store = self.store
        do {
            try await notifier.send(message)
        } catch {
            let delay = TimeInterval(min(60, 1 << min(max(job.attempts - 1, 0), 6)) * 60)
            try await outboxCall {
                try await store.releaseNotification(id: job.id, retryAt: now.addingTimeInterval(delay), error: "\(type(of: error))")
            }
            report.failed.append(job.id)
            return
        }
        try await outboxCall { try await store.markNotificationSent(id: job.id, at: clock.now()) }
        report.sent.append(job.id)
    }

    /// The text of the offer `job` of `hold`, in French then English, with the times in the station's zone.
    func offerMessage(for job: OutboxJob, hold: SeatHold, address: String) -> NotificationMessage {
        let zone = (try? StationID.timeZone(of: hold.station)) ?? .gmt
        let when = RFC3339.format(hold.start, in: zone)
        let until = RFC3339.format(hold.expiresAt, in: zone)
        let what = hold.motif.name
        let reference = hold.entry.id.uuidString.lowercased()
        let french = "Une place s'est libérée : \(what.text(in: .french)), le \(when). Elle vous est réservée jusqu'au \(until) ; "
            + "acceptez-la ou refusez-la avec votre référence de liste d'attente \(reference). Passé ce délai, elle est proposée à la personne suivante."
        let english = "A seat is free: \(what.text(in: .english)), \(when). It is kept for you until \(until); "
            + "accept or decline it with your waiting-list reference \(reference). After that, it goes to the next person in line."
        return NotificationMessage(id: job.id, channel: job.channel, address: address, kind: .offer, code: nil, offer: hold,
                                   subject: "Une place vous est proposée / A seat is offered to you", body: french + "\n\n" + english)
    }

    private func outboxCall<T: Sendable>(_ body: () async throws -> T) async throws(AppointmentError) -> T {
        do {
            return try await body()
        } catch let error as BookingStoreError {
            throw AppointmentBook.map(error)
        } catch let error as AppointmentError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    /// Up to three free slots of `booking`'s motif at its station in the next
    /// two weeks, read now (none when the station no longer offers the motif online).
    func alternatives(to booking: Booking, in zone: TimeZone) async -> [AvailableSlot] {
        let today = LocalDate(clock.now(), in: zone)
        let slots = (try? await availableSlots(station: booking.station, motif: booking.motif, from: today, days: 14)) ?? []
        return Array(slots.prefix(3))
    }

    /// The text of `job`, in French then English, with the time in the station's zone.
    func message(for job: OutboxJob, booking: Booking, address: String) async -> NotificationMessage {
        let zone = (try? StationID.timeZone(of: booking.station)) ?? .gmt
        let when = RFC3339.format(booking.start, in: zone)
        let link = (try? await meetingURL(for: booking)) ?? nil
        let what = booking.motif.name
        var french: String
        var english: String
        let subject: String
        switch job.kind {
        case .reminderDayBefore, .reminderTwoHoursBefore:
            subject = "Rappel de rendez-vous / Appointment reminder"
            french = "Rappel : \(what.text(in: .french)), le \(when). Code \(booking.code.formatted)."
            english = "Reminder: \(what.text(in: .english)), \(when). Code \(booking.code.formatted)."
            if let link {
                french += " Lien de la visio : \(link.absoluteString)"
                english += " Video link: \(link.absoluteString)"
            }
        case .offer:
            // Offers name a hold, not a booking (see offerMessage); never reached with a booking.
            subject = "Une place vous est proposée / A seat is offered to you"
            french = "Une place vous est proposée : \(what.text(in: .french)), le \(when)."
            english = "A seat is offered to you: \(what.text(in: .english)), \(when)."
        case .cancelledByStation:
            subject = "Rendez-vous annulé / Appointment cancelled"
            french = "Votre rendez-vous (\(what.text(in: .french)), le \(when), code \(booking.code.formatted)) est annulé par le commissariat ou la brigade."
            english = "Your appointment (\(what.text(in: .english)), \(when), code \(booking.code.formatted)) was cancelled by the station."
            let next = await alternatives(to: booking, in: zone)
            if next.isEmpty {
                french += " Aucun autre créneau n'est libre pour le moment : inscrivez-vous sur la liste d'attente, ou appelez la station."
                english += " No other slot is free at the moment: join the waiting list, or call the station."
            } else {
                let list = next.map { RFC3339.format($0.slot.start, in: zone) }.joined(separator: ", ")
                french += " Prochains créneaux libres : \(list). Réservez-en un, inscrivez-vous sur la liste d'attente, ou appelez la station."
                english += " Next free slots: \(list). Book one, join the waiting list, or call the station."
            }
        }
        return NotificationMessage(id: job.id, channel: job.channel, address: address, kind: job.kind, code: booking.code,
                                   subject: subject, body: french + "\n\n" + english)
    }
}
