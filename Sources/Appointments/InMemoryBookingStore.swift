import Foundation

/// A ``BookingStore`` in memory: an actor, so every call is one atomic step.
/// For tests, previews and hosts that persist elsewhere. Data is lost when
/// the process ends.
public actor InMemoryBookingStore: BookingStore {
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
        let seat = try freeSeat(slot, capacity: request.capacity)
        var code = request.code
        while byCode[code] != nil { code = .random() }
        let booking = Booking(id: UUID(), code: code, station: request.station, motif: request.motif,
                              start: request.start, end: request.end, seat: seat, status: .booked,
                              contact: request.contact.flatMap { $0.isEmpty ? nil : $0 },
                              idempotencyKey: request.idempotencyKey, createdAt: request.at, updatedAt: request.at)
        seats[slot, default: []].insert(seat)
        byCode[code] = booking
        if let key = request.idempotencyKey { byKey[key] = code }
        return Reservation(booking: booking, isReplay: false)
    }

    private func freeSeat(_ slot: SlotKey, capacity: Int) throws -> Int {
        let taken = seats[slot] ?? []
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
        return booking
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
        let seat = try freeSeat(new, capacity: request.capacity)
        if let oldSeat = booking.seat { seats[old]?.remove(oldSeat) }
        seats[new, default: []].insert(seat)
        booking.start = request.start
        booking.end = request.end
        booking.seat = seat
        booking.updatedAt = request.at
        byCode[code] = booking
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

    public func purgePersonalData(endedBefore: Date, at: Date) -> Int {
        var count = 0
        for (code, booking) in byCode where booking.end < endedBefore && !booking.isPurged {
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
        return count
    }
}
