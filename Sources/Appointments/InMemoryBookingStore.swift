import Foundation

/// A ``BookingStore`` in memory: an actor, so every call is one atomic step.
/// For tests, previews and hosts that persist elsewhere. Data is lost when
/// the process ends. It also keeps the schedules staff publish (``ScheduleStore``).
public actor InMemoryBookingStore: BookingStore, ScheduleStore {
    private struct SlotKey: Hashable {
        let station: String
        let motif: Motif
        let start: Date
    }

    private var byCode: [ConfirmationCode: Booking] = [:]
    private var byKey: [String: ConfirmationCode] = [:]
    private var seats: [SlotKey: Set<Int>] = [:]
    private var closures: [String: Set<LocalDate>] = [:]
    private var waiting: [WaitlistEntry] = []
    private var outbox: [String: OutboxJob] = [:]
    private var holds: [UUID: SeatHold] = [:]
    private var published: [String: StationSchedulePublication] = [:]
    private var ids = BookingIDGenerator()

    /// An empty store.
    public init() {}

    public func reserve(_ request: ReservationRequest) throws -> Reservation {
        if let key = request.idempotencyKey, let code = byKey[key], let original = byCode[code] {
            guard request.matches(original) else { throw BookingStoreError.idempotencyConflict(key: key, existing: code) }
            return Reservation(booking: original, isReplay: true)
        }
        if closures[request.station]?.contains(request.day) == true {
            throw BookingStoreError.dayClosed(station: request.station, day: request.day)
        }
        let slot = SlotKey(station: request.station, motif: request.motif, start: request.start)
        var code = request.code
        while byCode[code] != nil { code = .random() }
        // One hash of the slot key: find and hold the seat in place (seats kept for the waiting list excluded).
        let held = heldSeats(slot, at: request.at)
        let seat = try Self.holdSeat(in: &seats[slot, default: []], excluding: held, slot: slot, capacity: request.capacity)
        let booking = Booking(id: ids.next(), code: code, station: request.station, motif: request.motif,
                              start: request.start, end: request.end, seat: seat, status: .booked,
                              contact: request.contact.flatMap { $0.isEmpty ? nil : $0 },
                              idempotencyKey: request.idempotencyKey, createdAt: request.at, updatedAt: request.at)
        byCode[code] = booking
        if let key = request.idempotencyKey { byKey[key] = code }
        for plan in request.notifications { add(OutboxJob(plan, for: booking)) }
        return Reservation(booking: booking, isReplay: false)
    }

    private static func holdSeat(in taken: inout Set<Int>, excluding held: Set<Int>, slot: SlotKey, capacity: Int) throws -> Int {
        guard let seat = (0..<max(capacity, 0)).first(where: { !taken.contains($0) && !held.contains($0) }) else {
            throw BookingStoreError.slotFull(station: slot.station, motif: slot.motif, start: slot.start, capacity: capacity)
        }
        taken.insert(seat)
        return seat
    }

    /// Seats of `slot` kept for the waiting list: unexpired at `at`, or every one not yet released when `at` is `nil`.
    private func heldSeats(_ slot: SlotKey, at: Date?) -> Set<Int> {
        Set(holds.values.filter { hold in
            hold.station == slot.station && hold.motif == slot.motif && hold.start == slot.start && (at.map { hold.expiresAt > $0 } ?? true)
        }.map(\.seat))
    }

    private func freeSeat(_ slot: SlotKey, capacity: Int, at: Date) throws -> Int {
        let taken = (seats[slot] ?? []).union(heldSeats(slot, at: at))
        guard let seat = (0..<max(capacity, 0)).first(where: { !taken.contains($0) }) else {
            throw BookingStoreError.slotFull(station: slot.station, motif: slot.motif, start: slot.start, capacity: capacity)
        }
        return seat
    }

    public func booking(code: ConfirmationCode) -> Booking? { byCode[code] }

    public func bookings(station: String, from: Date, to: Date) -> [Booking] {
        byCode.values.filter { $0.station == station && $0.start >= from && $0.start < to }
            .sorted { ($0.start, $0.seat ?? -1, $0.code) < ($1.start, $1.seat ?? -1, $1.code) }
    }

    public func occupancy(station: String, motif: Motif, from: Date, to: Date) -> [Date: Int] {
        var result: [Date: Int] = [:]
        for (slot, taken) in seats where slot.station == station && slot.motif == motif
            && slot.start >= from && slot.start < to && !taken.isEmpty {
            result[slot.start] = taken.count
        }
        for hold in holds.values where hold.station == station && hold.motif == motif && hold.start >= from && hold.start < to {
            result[hold.start, default: 0] += 1
        }
        return result
    }

    public func setStatus(code: ConfirmationCode, to status: BookingStatus, at: Date) throws -> Booking {
        guard var booking = byCode[code] else { throw BookingStoreError.notFound(code) }
        guard booking.status == .booked else { throw BookingStoreError.notActive(code, booking.status) }
        if !status.holdsSeat, let seat = booking.seat {
            seats[SlotKey(station: booking.station, motif: booking.motif, start: booking.start)]?.remove(seat)
            booking.seat = nil
        }
        booking.status = status
        booking.updatedAt = at
        byCode[code] = booking
        dropUnsentReminders(of: code)
        if status == .cancelledByStation {
            for notice in OutboxJob.cancellationNotices(for: booking, at: at) { add(notice) }
        }
        return booking
    }

    private func add(_ job: OutboxJob) {
        if outbox[job.id] == nil { outbox[job.id] = job }
    }

    private func dropUnsentReminders(of code: ConfirmationCode) {
        outbox = outbox.filter { !($0.value.code == code && $0.value.kind.isReminder && $0.value.sentAt == nil) }
    }

    public func move(code: ConfirmationCode, to request: MoveRequest) throws -> Booking {
        guard var booking = byCode[code] else { throw BookingStoreError.notFound(code) }
        guard booking.status == .booked else { throw BookingStoreError.notActive(code, booking.status) }
        if closures[booking.station]?.contains(request.day) == true {
            throw BookingStoreError.dayClosed(station: booking.station, day: request.day)
        }
        let old = SlotKey(station: booking.station, motif: booking.motif, start: booking.start)
        let new = SlotKey(station: booking.station, motif: booking.motif, start: request.start)
        if old == new { return booking }
        let seat = try freeSeat(new, capacity: request.capacity, at: request.at)
        if let oldSeat = booking.seat { seats[old]?.remove(oldSeat) }
        seats[new, default: []].insert(seat)
        booking.start = request.start
        booking.end = request.end
        booking.seat = seat
        booking.updatedAt = request.at
        byCode[code] = booking
        dropUnsentReminders(of: code)
        for plan in request.notifications { add(OutboxJob(plan, for: booking)) }
        return booking
    }

    public func closeDay(station: String, day: LocalDate, from: Date, to: Date, at: Date) throws -> [Booking] {
        closures[station, default: []].insert(day)
        var cancelled: [Booking] = []
        for booking in bookings(station: station, from: from, to: to) where booking.status == .booked {
            cancelled.append(try setStatus(code: booking.code, to: .cancelledByStation, at: at))
        }
        return cancelled
    }

    public func closedDays(station: String) -> Set<LocalDate> { closures[station] ?? [] }

    public func reopenDay(station: String, day: LocalDate) -> Bool { closures[station]?.remove(day) != nil }

    public func enqueue(_ entry: WaitlistEntry) { waiting.append(entry) }

    public func takeNextWaitlistEntry(station: String, motif: Motif, covering start: Date) -> WaitlistEntry? {
        let candidates = waiting.enumerated().filter {
            $0.element.station == station && $0.element.motif == motif && $0.element.earliest <= start && start <= $0.element.latest
        }
        guard let first = candidates.min(by: { ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset) }) else { return nil }
        waiting.remove(at: first.offset)
        return first.element
    }

    public func waitlist(station: String, motif: Motif) -> [WaitlistEntry] {
        waiting.filter { $0.station == station && $0.motif == motif }.sorted { $0.createdAt < $1.createdAt }
    }

    public func waitlistEntry(id: UUID) async -> WaitlistEntry? { waiting.first { $0.id == id } }

    public func leaveWaitlist(id: UUID) async -> WaitlistEntry? {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return nil }
        return waiting.remove(at: index)
    }

    public func hold(entry: UUID) async -> SeatHold? { holds.values.first { $0.entry.id == entry } }

    public func purgePersonalData(endedBefore: Date, at: Date) -> Int {
        var count = 0
        var purgedCodes = Set<ConfirmationCode>()
        for (code, booking) in byCode where booking.end < endedBefore && !booking.isPurged {
            purgedCodes.insert(code)
            var purged = booking
            purged.contact = nil
            if let key = purged.idempotencyKey { byKey[key] = nil }
            purged.idempotencyKey = nil
            purged.isPurged = true
            purged.updatedAt = at
            byCode[code] = purged
            count += 1
        }
        waiting.removeAll { $0.latest < endedBefore }
        holds = holds.filter { $0.value.end >= endedBefore }
        outbox = outbox.filter { job in
            // An offer due before the cutoff ran out long ago (a hold lasts minutes).
            job.value.code.map { !purgedCodes.contains($0) } ?? (job.value.dueAt >= endedBefore)
        }
        return count
    }

    // MARK: Held seats

    public func offerFreedSeat(_ request: SeatOfferRequest) async -> SeatHold? {
        let slot = SlotKey(station: request.station, motif: request.motif, start: request.start)
        let taken = (seats[slot] ?? []).union(heldSeats(slot, at: request.at))
        guard let seat = (0..<max(request.capacity, 0)).first(where: { !taken.contains($0) }),
              let entry = takeNextWaitlistEntry(station: request.station, motif: request.motif, covering: request.start) else { return nil }
        let hold = SeatHold(id: UUID(), entry: entry, station: request.station, motif: request.motif, start: request.start, end: request.end,
                            day: request.day, seat: seat, capacity: request.capacity,
                            expiresAt: request.at.addingTimeInterval(TimeInterval(max(1, request.holdSeconds))))
        holds[hold.id] = hold
        for job in OutboxJob.offerNotices(for: hold, at: request.at) where outbox[job.id] == nil { outbox[job.id] = job }
        return hold
    }

    public func claimHold(id: UUID, _ claim: ClaimRequest) async throws -> Booking {
        if let key = claim.idempotencyKey, let code = byKey[key], let original = byCode[code] { return original }
        guard let hold = holds[id] else { throw BookingStoreError.holdNotFound(id) }
        guard hold.expiresAt > claim.at else { throw BookingStoreError.holdExpired(id, expiredAt: hold.expiresAt) }
        if closures[hold.station]?.contains(hold.day) == true { throw BookingStoreError.dayClosed(station: hold.station, day: hold.day) }
        let slot = SlotKey(station: hold.station, motif: hold.motif, start: hold.start)
        guard !(seats[slot] ?? []).contains(hold.seat) else {
            throw BookingStoreError.slotFull(station: hold.station, motif: hold.motif, start: hold.start, capacity: hold.capacity)
        }
        var code = claim.code
        while byCode[code] != nil { code = .random() }
        let contact = (claim.contact ?? hold.entry.contact).flatMap { $0.isEmpty ? nil : $0 }
        let booking = Booking(id: ids.next(), code: code, station: hold.station, motif: hold.motif, start: hold.start, end: hold.end,
                              seat: hold.seat, status: .booked, contact: contact, idempotencyKey: claim.idempotencyKey,
                              createdAt: claim.at, updatedAt: claim.at)
        seats[slot, default: []].insert(hold.seat)
        holds[id] = nil
        byCode[code] = booking
        if let key = claim.idempotencyKey { byKey[key] = code }
        for plan in claim.notifications { add(OutboxJob(plan, for: booking)) }
        return booking
    }

    public func hold(id: UUID) async -> SeatHold? { holds[id] }

    public func releaseHold(id: UUID) async -> SeatHold? {
        holds.removeValue(forKey: id)
    }

    public func expireHolds(now: Date) async -> [SeatHold] {
        let expired = holds.values.filter { $0.expiresAt <= now }.sorted { ($0.expiresAt, $0.start) < ($1.expiresAt, $1.start) }
        for hold in expired { holds[hold.id] = nil }
        return expired
    }

    public func leaseDueNotifications(now: Date, leaseSeconds: Int, limit: Int) async -> [OutboxJob] {
        let due = outbox.values.filter { $0.sentAt == nil && $0.dueAt <= now && ($0.leasedUntil.map { $0 <= now } ?? true) }
            .sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
            .prefix(max(0, limit))
        var leased: [OutboxJob] = []
        for var job in due {
            job.leasedUntil = now.addingTimeInterval(TimeInterval(max(1, leaseSeconds)))
            job.attempts += 1
            outbox[job.id] = job
            leased.append(job)
        }
        return leased
    }

    public func markNotificationSent(id: String, at: Date) async {
        guard var job = outbox[id], job.sentAt == nil else { return }
        job.sentAt = at
        job.leasedUntil = nil
        outbox[id] = job
    }

    public func releaseNotification(id: String, retryAt: Date, error: String) async {
        guard var job = outbox[id], job.sentAt == nil else { return }
        job.dueAt = retryAt
        job.leasedUntil = nil
        job.lastError = error
        outbox[id] = job
    }

    public func notifications(code: ConfirmationCode) async -> [OutboxJob] {
        outbox.values.filter { $0.code == code }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    public func notifications(hold: UUID) async -> [OutboxJob] {
        outbox.values.filter { $0.hold == hold }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    // MARK: Published schedules

    public func publishedSchedule(station: String) async -> StationSchedulePublication? { published[station] }

    public func publishSchedule(_ schedule: AppointmentSchedule, station: String, by account: String?,
                                at: Date) async throws -> StationSchedulePublication {
        // Kept in its stored form, as the durable stores keep it: what is read back is what they would give.
        let kept = try AppointmentSchedule(storedForm: try schedule.storedForm(), what: "schedule of \(station)")
        let publication = StationSchedulePublication(station: station, schedule: kept, version: (published[station]?.version ?? 0) + 1,
                                                     publishedAt: at, publishedBy: account)
        published[station] = publication
        return publication
    }
}
