import Foundation

/// A slot with the number of counters still free.
public struct AvailableSlot: Hashable, Sendable {
    /// The slot.
    public let slot: Slot
    /// Counters still free (≥ 1 in ``AppointmentBook/availableSlots(station:motif:from:days:)``).
    public let remaining: Int

    /// Creates a value.
    public init(slot: Slot, remaining: Int) {
        self.slot = slot
        self.remaining = remaining
    }
}

/// A freed seat offered to the first person of the waiting list. The seat is
/// kept for them until ``expiresAt``: they claim it with
/// ``AppointmentBook/claimOffer(_:contact:idempotencyKey:)`` (nobody else can
/// book it meanwhile), decline it, or let it go to the next in line.
public struct WaitlistOffer: Hashable, Sendable {
    /// The person waiting (removed from the list when offered).
    public let entry: WaitlistEntry
    /// The freed slot's start.
    public let start: Date
    /// The freed slot's end.
    public let end: Date
    /// The id of the kept seat, to claim or decline it; `nil` when the seat is not kept.
    public let holdID: UUID?
    /// Until when the seat is kept; `nil` when it is not kept.
    public let expiresAt: Date?

    /// Creates an offer.
    public init(entry: WaitlistEntry, start: Date, end: Date, holdID: UUID? = nil, expiresAt: Date? = nil) {
        self.entry = entry
        self.start = start
        self.end = end
        self.holdID = holdID
        self.expiresAt = expiresAt
    }

    /// The offer of a kept seat.
    public init(_ hold: SeatHold) {
        self.init(entry: hold.entry, start: hold.start, end: hold.end, holdID: hold.id, expiresAt: hold.expiresAt)
    }
}

/// What a cancellation or a move did: the booking as it now stands, and an
/// offer of the freed slot to the next person waiting, if any.
public struct ChangeOutcome: Hashable, Sendable {
    /// The booking after the change.
    public let booking: Booking
    /// The freed slot offered to the waiting list, if someone was waiting for it.
    public let offer: WaitlistOffer?

    /// Creates an outcome.
    public init(booking: Booking, offer: WaitlistOffer?) {
        self.booking = booking
        self.offer = offer
    }
}

/// Appointments at police and gendarmerie stations: available slots, booking,
/// cancelling and moving by confirmation code, station closures, a waiting
/// list, reminders, calendar export and purge of personal data.
///
/// It checks the rules (schedule, minimum notice, horizon, motif rules) and
/// leaves the one thing that must be atomic — holding a seat if one is left —
/// to the ``BookingStore``.
///
/// ```swift
/// let book = AppointmentBook(store: try SQLiteBookingStore(path: path))
/// let slots = try await book.availableSlots(station: "commissariat_police-33063-01", motif: .plainte,
///                                           from: try LocalDate(iso: "2026-03-30"), days: 7)
/// let booking = try await book.book(station: "commissariat_police-33063-01", motif: .plainte,
///                                   start: slots[0].slot.start, idempotencyKey: requestID)
/// print(booking.code.formatted)
/// ```
public struct AppointmentBook: Sendable {
    /// Where bookings live.
    public let store: any BookingStore
    /// Where schedules come from.
    public let schedules: any ScheduleProvider
    /// Now.
    public let clock: any WallClock
    /// Days after the end of an appointment before its personal data is erased (default 30).
    public let purgeAfterDays: Int
    /// Where the links of video appointments (``Motif/visioPlainte``) come from;
    /// `nil`: remote motifs are not offered.
    public let meetings: (any MeetingProvider)?
    /// How long a freed seat is kept for the person it is offered to, in minutes (default 30).
    public let offerHoldMinutes: Int

    /// Creates the service.
    public init(store: any BookingStore, schedules: any ScheduleProvider = DefaultScheduleProvider(),
                clock: any WallClock = SystemWallClock(), purgeAfterDays: Int = 30,
                meetings: (any MeetingProvider)? = nil, offerHoldMinutes: Int = 30) {
        self.store = store
        self.schedules = schedules
        self.clock = clock
        self.purgeAfterDays = max(0, purgeAfterDays)
        self.meetings = meetings
        self.offerHoldMinutes = max(1, offerHoldMinutes)
    }

    /// Refuses `motif` at `station` when the provider does not offer it there
    /// today (``ScheduleProvider/refusal(motif:station:on:)``), or when it is a
    /// remote motif and no ``MeetingProvider`` is configured.
    public func checkOffered(_ motif: Motif, at station: String) async throws(AppointmentError) {
        let zone = try StationID.timeZone(of: station)
        if let refusal = await schedules.refusal(motif: motif, station: station, on: LocalDate(clock.now(), in: zone)) {
            throw refusal
        }
        if motif.isRemote && meetings == nil { throw .motifNotOffered(station: station, motif: motif) }
    }

    /// The video link of `booking` for a remote motif (``Motif/isRemote``); `nil` for a visit.
    /// - Throws: ``AppointmentError/storage(_:)`` when the meeting provider fails.
    public func meetingURL(for booking: Booking) async throws(AppointmentError) -> URL? {
        guard booking.motif.isRemote else { return nil }
        guard let meetings else { throw .motifNotOffered(station: booking.station, motif: booking.motif) }
        do {
            return try await meetings.meetingURL(for: booking)
        } catch let error as AppointmentError {
            throw error
        } catch {
            throw .storage("the meeting provider failed for booking \(booking.code.formatted): \(error)")
        }
    }

    /// The schedule of `station`.
    public func schedule(for station: String) async throws(AppointmentError) -> AppointmentSchedule {
        do {
            return try await schedules.schedule(forStation: station)
        } catch let error as AppointmentError {
            throw error
        } catch {
            throw .storage("cannot read the schedule of \(station): \(error)")
        }
    }

    /// The schedule of an existing booking's station, or `nil` when the
    /// station no longer publishes one: a booking already made stays
    /// readable, cancellable and exportable (with its motif's default rules
    /// and the time zone its id gives).
    private func existingSchedule(for station: String) async throws(AppointmentError) -> AppointmentSchedule? {
        do {
            return try await schedule(for: station)
        } catch {
            if case .hoursNotPublished = error { return nil }
            throw error
        }
    }

    /// The rules of an existing booking's motif at its station (see ``existingSchedule(for:)``).
    private func rules(of booking: Booking) async throws(AppointmentError) -> MotifRules {
        try await existingSchedule(for: booking.station)?.rules(for: booking.motif) ?? booking.motif.defaultRules
    }

    /// The time zone of `station`: its schedule's, else the one its id gives.
    func timeZone(of station: String) async throws(AppointmentError) -> TimeZone {
        if let schedule = try await existingSchedule(for: station) { return schedule.timeZone }
        return try StationID.timeZone(of: station)
    }

    /// Runs a store call, turning its errors into ``AppointmentError``.
    func storeCall<T: Sendable>(_ body: () async throws -> T) async throws(AppointmentError) -> T {
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

    static func map(_ error: BookingStoreError) -> AppointmentError {
        switch error {
        case .slotFull(let station, _, let start, _): return .slotFull(station: station, start: start)
        case .dayClosed(let station, let day): return .dayClosed(station: station, day: day)
        case .notFound(let code): return .notFound(code)
        case .notActive(let code, let status): return .notActive(code: code, status: status)
        case .idempotencyConflict(let key, _): return .idempotencyConflict(key: key)
        case .database, .corruptRow, .foreignDatabase: return .storage(error.description)
        case .holdNotFound(let id): return .offerUnavailable(hold: id, expiredAt: nil)
        case .holdExpired(let id, let expiredAt): return .offerUnavailable(hold: id, expiredAt: expiredAt)
        }
    }

    /// The bookable window now: earliest start (minimum notice) and latest start (horizon).
    private func window(_ schedule: AppointmentSchedule) -> (earliest: Date, latest: Date) {
        let now = clock.now()
        return (now.addingTimeInterval(TimeInterval(schedule.minimumNoticeMinutes * 60)),
                now.addingTimeInterval(TimeInterval(schedule.maximumHorizonDays * 86_400)))
    }

    // MARK: Slots

    /// Slots of `motif` at `station` on the station's local dates `from …
    /// from + days - 1` that can be booked now (notice and horizon respected,
    /// closed days left out) with at least one free counter.
    public func availableSlots(station: String, motif: Motif, from: LocalDate, days: Int) async throws(AppointmentError) -> [AvailableSlot] {
        try await checkOffered(motif, at: station)
        let schedule = try await schedule(for: station)
        guard schedule.offers(motif) else { throw .motifNotOffered(station: station, motif: motif) }
        let (earliest, latest) = window(schedule)
        let slots = schedule.slots(for: motif, from: from, days: days).filter { $0.start >= earliest && $0.start <= latest }
        guard let first = slots.first, let last = slots.last else { return [] }
        let store = self.store
        let closed = try await storeCall { try await store.closedDays(station: station) }
        let taken = try await storeCall {
            try await store.occupancy(station: station, motif: motif, from: first.start, to: last.start.addingTimeInterval(1))
        }
        return slots.compactMap { slot in
            guard !closed.contains(slot.day) else { return nil }
            let remaining = slot.capacity - (taken[slot.start] ?? 0)
            return remaining > 0 ? AvailableSlot(slot: slot, remaining: remaining) : nil
        }
    }

    /// Checks that `start` is a bookable slot of `motif` at `station` now.
    private func bookableSlot(station: String, motif: Motif, start: Date) async throws(AppointmentError) -> (Slot, AppointmentSchedule) {
        try await checkOffered(motif, at: station)
        let schedule = try await schedule(for: station)
        guard schedule.offers(motif) else { throw .motifNotOffered(station: station, motif: motif) }
        guard let slot = schedule.slot(for: motif, startingAt: start) else {
            throw .outsideOpening(station: station, motif: motif, start: start)
        }
        let (earliest, latest) = window(schedule)
        guard start >= earliest else { throw .tooLate(start: start, earliest: earliest) }
        guard start <= latest else { throw .tooFarAhead(start: start, latest: latest) }
        return (slot, schedule)
    }

    // MARK: Booking

    /// Books the slot of `motif` starting at `start` at `station`.
    ///
    /// When the citizen gives an e-mail or a phone number, the reminders (the
    /// day before, two hours before) go into the store's outbox in the same
    /// atomic step, on those channels only; ``dispatchNotifications(via:limit:leaseSeconds:)`` sends them.
    ///
    /// A retried request with the same `idempotencyKey` returns the original
    /// booking and books nothing more.
    /// - Throws: ``AppointmentError`` — `slotFull`, `outsideOpening`, `tooLate`,
    ///   `tooFarAhead`, `motifNotOffered`, `contactRequired`, `dayClosed`, `idempotencyConflict`, `storage`.
    public func book(station: String, motif: Motif, start: Date, contact: Contact? = nil,
                     idempotencyKey: String? = nil) async throws(AppointmentError) -> Booking {
        let (slot, schedule) = try await bookableSlot(station: station, motif: motif, start: start)
        let rules = schedule.rules(for: motif)
        if !rules.anonymousAllowed && (contact?.isEmpty ?? true) { throw .contactRequired(motif) }
        let now = clock.now()
        let request = ReservationRequest(station: station, motif: motif, start: slot.start, end: slot.end, day: slot.day,
                                         capacity: slot.capacity, contact: contact, idempotencyKey: idempotencyKey,
                                         at: now,
                                         notifications: PlannedNotification.reminders(start: slot.start, timeZone: schedule.timeZone,
                                                                                      contact: contact, now: now))
        let store = self.store
        return try await storeCall { try await store.reserve(request) }.booking
    }

    /// The booking with `code`.
    /// - Throws: ``AppointmentError/notFound(_:)``.
    public func booking(code: ConfirmationCode) async throws(AppointmentError) -> Booking {
        let store = self.store
        guard let booking = try await storeCall({ try await store.booking(code: code) }) else { throw .notFound(code) }
        return booking
    }

    private func checkCitizenMayChange(_ booking: Booking) async throws(AppointmentError) {
        guard booking.status == .booked else { throw .notActive(code: booking.code, status: booking.status) }
        let rules = try await rules(of: booking)
        guard rules.citizenMayChange else {
            throw .changeNotAllowed(code: booking.code, reason: "this kind of appointment is changed by calling the station")
        }
        let deadline = booking.start.addingTimeInterval(-TimeInterval(rules.changeNoticeMinutes * 60))
        guard clock.now() <= deadline else {
            throw .changeNotAllowed(code: booking.code,
                                    reason: "changes close \(rules.changeNoticeMinutes) minutes before the start; please call the station")
        }
    }

    /// Offers the freed seat to the first person waiting for it, if the slot can
    /// still be booked: the seat is kept for them ``offerHoldMinutes`` minutes.
    func offer(station: String, motif: Motif, start: Date, end: Date) async throws(AppointmentError) -> WaitlistOffer? {
        guard let schedule = try await existingSchedule(for: station), start >= window(schedule).earliest,
              let slot = schedule.slot(for: motif, startingAt: start) else { return nil }
        let store = self.store
        // A seat on a day the station closed would be kept for nobody: it could not be booked.
        if try await storeCall({ try await store.closedDays(station: station) }).contains(slot.day) { return nil }
        let request = SeatOfferRequest(station: station, motif: motif, start: slot.start, end: slot.end, day: slot.day,
                                       capacity: slot.capacity, holdSeconds: offerHoldMinutes * 60, at: clock.now())
        return try await storeCall { try await store.offerFreedSeat(request) }.map(WaitlistOffer.init)
    }

    /// Books the seat kept for the offer `holdID` (before it expires), with
    /// `contact` or else the one given when joining the list; its reminders
    /// are planned in the same atomic step.
    /// - Throws: ``AppointmentError/offerUnavailable(hold:expiredAt:)`` when the
    ///   offer was claimed, declined or ran out; `dayClosed` when the station closed that day.
    public func claimOffer(_ holdID: UUID, contact: Contact? = nil, idempotencyKey: String? = nil) async throws(AppointmentError) -> Booking {
        let store = self.store
        let now = clock.now()
        guard let hold = try await storeCall({ try await store.hold(id: holdID) }) else {
            // A retried claim finds the booking by its idempotency key.
            if let idempotencyKey, let booking = try await storeCall({ () async throws -> Booking? in
                try await store.claimHold(id: holdID, ClaimRequest(idempotencyKey: idempotencyKey, at: now))
            }) {
                return booking
            }
            throw .offerUnavailable(hold: holdID, expiredAt: nil)
        }
        let zone = try await timeZone(of: hold.station)
        let given = contact.flatMap { $0.isEmpty ? nil : $0 } ?? hold.entry.contact
        let claim = ClaimRequest(contact: given, idempotencyKey: idempotencyKey, at: now,
                                 notifications: PlannedNotification.reminders(start: hold.start, timeZone: zone, contact: given, now: now))
        return try await storeCall { try await store.claimHold(id: holdID, claim) }
    }

    /// The person declines the offer `holdID`: the seat goes to the next in line (returned), if any.
    public func declineOffer(_ holdID: UUID) async throws(AppointmentError) -> WaitlistOffer? {
        let store = self.store
        guard let hold = try await storeCall({ try await store.releaseHold(id: holdID) }) else { return nil }
        return try await offer(station: hold.station, motif: hold.motif, start: hold.start, end: hold.end)
    }

    /// Lets the seats whose offer ran out go to the next in line: returns the
    /// new offers to send. Run it periodically (e.g. every minute).
    public func expireOffers() async throws(AppointmentError) -> [WaitlistOffer] {
        let store = self.store
        let now = clock.now()
        let expired = try await storeCall { try await store.expireHolds(now: now) }
        var offers: [WaitlistOffer] = []
        for hold in expired {
            if let next = try await offer(station: hold.station, motif: hold.motif, start: hold.start, end: hold.end) { offers.append(next) }
        }
        return offers
    }

    /// Cancels a booking for the citizen (rules of the motif enforced, e.g. not in the last hour).
    /// The freed slot is offered to the waiting list.
    public func cancel(code: ConfirmationCode) async throws(AppointmentError) -> ChangeOutcome {
        let booking = try await booking(code: code)
        try await checkCitizenMayChange(booking)
        let store = self.store
        let now = clock.now()
        let cancelled = try await storeCall { try await store.setStatus(code: code, to: .cancelledByCitizen, at: now) }
        let offer = try await offer(station: booking.station, motif: booking.motif, start: booking.start, end: booking.end)
        return ChangeOutcome(booking: cancelled, offer: offer)
    }

    /// Cancels one booking on the station's side (no citizen rule applies).
    /// The freed slot is offered to the waiting list.
    public func cancelByStation(code: ConfirmationCode) async throws(AppointmentError) -> ChangeOutcome {
        let store = self.store
        let now = clock.now()
        let cancelled = try await storeCall { try await store.setStatus(code: code, to: .cancelledByStation, at: now) }
        let offer = try await offer(station: cancelled.station, motif: cancelled.motif, start: cancelled.start, end: cancelled.end)
        return ChangeOutcome(booking: cancelled, offer: offer)
    }

    /// Moves a booking to another slot of the same station and motif (rules
    /// enforced; the old seat is kept if the new slot is refused). The freed
    /// slot is offered to the waiting list.
    public func reschedule(code: ConfirmationCode, to start: Date) async throws(AppointmentError) -> ChangeOutcome {
        let booking = try await booking(code: code)
        try await checkCitizenMayChange(booking)
        let (slot, schedule) = try await bookableSlot(station: booking.station, motif: booking.motif, start: start)
        let now = clock.now()
        let request = MoveRequest(start: slot.start, end: slot.end, day: slot.day, capacity: slot.capacity, at: now,
                                  notifications: PlannedNotification.reminders(start: slot.start, timeZone: schedule.timeZone,
                                                                               contact: booking.contact, now: now))
        let store = self.store
        let moved = try await storeCall { try await store.move(code: code, to: request) }
        guard moved.start != booking.start else { return ChangeOutcome(booking: moved, offer: nil) }
        let offer = try await offer(station: booking.station, motif: booking.motif, start: booking.start, end: booking.end)
        return ChangeOutcome(booking: moved, offer: offer)
    }

    /// Records the station's attendance: `honoured` or `noShow`.
    public func recordAttendance(code: ConfirmationCode, honoured: Bool) async throws(AppointmentError) -> Booking {
        let store = self.store
        let now = clock.now()
        return try await storeCall { try await store.setStatus(code: code, to: honoured ? .honoured : .noShow, at: now) }
    }

    /// Closes `station` on its local `day` (e.g. an unplanned closure): cancels
    /// every booking of that day as the station and returns them; no new
    /// booking is accepted that day. In the same atomic step, each cancelled
    /// booking with a contact gets a cancellation notice in the outbox (on the
    /// channels its contact gives) and loses its unsent reminders.
    public func closeDay(station: String, day: LocalDate) async throws(AppointmentError) -> [Booking] {
        let zone = try await timeZone(of: station)
        let from = day.instant(at: .midnight, in: zone)
        let to = day.adding(days: 1).instant(at: .midnight, in: zone)
        let store = self.store
        let now = clock.now()
        return try await storeCall { try await store.closeDay(station: station, day: day, from: from, to: to, at: now) }
    }

    /// Reopens the local `day` of `station` that ``closeDay(station:day:)``
    /// closed: its slots can be booked again. The bookings the closure
    /// cancelled stay cancelled (their citizens were told and offered other
    /// slots). Returns whether the day was closed.
    public func reopenDay(station: String, day: LocalDate) async throws(AppointmentError) -> Bool {
        _ = try await timeZone(of: station)  // an unknown station is refused, as when closing
        let store = self.store
        return try await storeCall { try await store.reopenDay(station: station, day: day) }
    }

    /// Puts someone on the waiting list for `motif` at `station` on the station's local `day`.
    /// - Throws: `dayClosed` when the station closed that day, and the refusals of the window's form below.
    public func joinWaitlist(station: String, motif: Motif, day: LocalDate, contact: Contact? = nil) async throws(AppointmentError) -> WaitlistEntry {
        let zone = try await timeZone(of: station)
        let store = self.store
        if try await storeCall({ try await store.closedDays(station: station) }).contains(day) { throw .dayClosed(station: station, day: day) }
        return try await joinWaitlist(station: station, motif: motif, earliest: day.instant(at: .midnight, in: zone),
                                      latest: day.adding(days: 1).instant(at: .midnight, in: zone).addingTimeInterval(-1), contact: contact)
    }

    /// Puts someone on the waiting list for `motif` at `station`, for a start between `earliest` and `latest`.
    /// - Throws: `tooLate` when the whole window is past the minimum notice,
    ///   `tooFarAhead` when it starts beyond the booking horizon, and the refusals of ``checkOffered(_:at:)``.
    public func joinWaitlist(station: String, motif: Motif, earliest: Date, latest: Date,
                             contact: Contact? = nil) async throws(AppointmentError) -> WaitlistEntry {
        try await checkOffered(motif, at: station)
        let schedule = try await schedule(for: station)
        guard schedule.offers(motif) else { throw .motifNotOffered(station: station, motif: motif) }
        // A window nothing in it can be booked any more, or not yet, would wait for nothing.
        let (bookableFrom, bookableUntil) = window(schedule)
        guard max(earliest, latest) >= bookableFrom else { throw .tooLate(start: max(earliest, latest), earliest: bookableFrom) }
        guard earliest <= bookableUntil else { throw .tooFarAhead(start: earliest, latest: bookableUntil) }
        let entry = WaitlistEntry(station: station, motif: motif, earliest: earliest, latest: max(earliest, latest),
                                  contact: contact.flatMap { $0.isEmpty ? nil : $0 }, createdAt: clock.now())
        let store = self.store
        try await storeCall { try await store.enqueue(entry) }
        return entry
    }

    // MARK: Reminders, calendar, purge

    /// The reminders still to send for `booking` (see ``ReminderPlan``).
    public func reminders(for booking: Booking) async throws(AppointmentError) -> [Reminder] {
        return ReminderPlan.reminders(for: booking, timeZone: try await timeZone(of: booking.station), now: clock.now())
    }

    /// An iCalendar file for `booking` with the documents to bring (and, for
    /// a video appointment, its meeting link as URL, LOCATION and in the DESCRIPTION).
    /// - Parameters:
    ///   - booking: the booking to export.
    ///   - location: the station's name and address, from the station directory.
    ///   - language: the language of the summary, the description and the documents to bring.
    public func calendarEvent(for booking: Booking, location: String?, language: Language = .french) async throws(AppointmentError) -> String {
        let rules = try await rules(of: booking)
        let link = try await meetingURL(for: booking)
        return ICalendar.event(for: booking, location: location, documents: rules.documents, language: language,
                               meetingURL: link, now: clock.now())
    }

    /// Erases the contact and idempotency key of every appointment that ended
    /// more than ``purgeAfterDays`` days ago. Returns how many were purged.
    public func purgePersonalData() async throws(AppointmentError) -> Int {
        let now = clock.now()
        let cutoff = now.addingTimeInterval(-TimeInterval(purgeAfterDays) * 86_400)
        let store = self.store
        return try await storeCall { try await store.purgePersonalData(endedBefore: cutoff, at: now) }
    }
}
