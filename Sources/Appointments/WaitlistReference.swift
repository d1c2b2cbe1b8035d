import Foundation

/// Where a waiting-list entry stands, read with its reference (the entry's
/// id, see ``AppointmentBook/waitlistStatus(_:)``).
public enum WaitlistStatus: Hashable, Sendable {
    /// Still waiting, `position` in line (1 = next) among the people waiting
    /// at the same station for the same motif with a window that overlaps this one.
    case waiting(WaitlistEntry, position: Int)
    /// A freed seat is kept for the entry until the hold's ``SeatHold/expiresAt``:
    /// ``AppointmentBook/acceptOffer(_:contact:)`` books it.
    case offered(SeatHold)
    /// The seat kept for the entry ran out at the hold's ``SeatHold/expiresAt``;
    /// the next sweep (``AppointmentBook/expireOffers()``) passes it on.
    case offerExpired(SeatHold)
}

/// What ``AppointmentBook/leaveWaitlist(_:)`` did.
public struct WaitlistDeparture: Hashable, Sendable {
    /// The entry that left.
    public let entry: WaitlistEntry
    /// Whether a seat was kept for the person (they declined it).
    public let declinedOffer: Bool
    /// The declined seat, now kept for the next in line, if someone waits for it.
    public let passedOn: WaitlistOffer?

    /// Creates a value.
    public init(entry: WaitlistEntry, declinedOffer: Bool, passedOn: WaitlistOffer?) {
        self.entry = entry
        self.declinedOffer = declinedOffer
        self.passedOn = passedOn
    }
}

extension AppointmentBook {
    /// The idempotency key of the booking made by accepting the offer of the entry `reference`:
    /// an entry is accepted once, and a retried acceptance finds its booking by it.
    static func acceptanceKey(_ reference: UUID) -> String { "waitlist:" + reference.uuidString.lowercased() }

    /// Where the waiting-list entry `reference` stands: waiting (with its
    /// position), offered a kept seat, or offered a seat whose time ran out.
    /// - Throws: ``AppointmentError/waitlistEntryNotFound(_:)`` when nobody waits with this reference.
    public func waitlistStatus(_ reference: UUID) async throws(AppointmentError) -> WaitlistStatus {
        let store = self.store
        // Twice at most: an offer made between the two reads moves the entry from the list to a hold.
        for _ in 0..<2 {
            if let hold = try await storeCall({ try await store.hold(entry: reference) }) {
                return hold.expiresAt > clock.now() ? .offered(hold) : .offerExpired(hold)
            }
            if let entry = try await storeCall({ try await store.waitlistEntry(id: reference) }) {
                let line = try await storeCall { try await store.waitlist(station: entry.station, motif: entry.motif) }
                return .waiting(entry, position: Self.position(of: entry, in: line))
            }
        }
        throw .waitlistEntryNotFound(reference)
    }

    /// `entry`'s place in `line` (first come, first served): 1 + the people
    /// before it whose window overlaps its own (only they can be offered its seats first).
    static func position(of entry: WaitlistEntry, in line: [WaitlistEntry]) -> Int {
        var position = 1
        for other in line {
            if other.id == entry.id { break }
            if other.earliest <= entry.latest && entry.earliest <= other.latest { position += 1 }
        }
        return position
    }

    /// Books the seat kept for the waiting-list entry `reference`, before the
    /// hold expires, with `contact` or else the one given when joining; its
    /// reminders go into the outbox in the same atomic step. Accepting is
    /// idempotent: a retry (e.g. after a lost answer) returns the same booking.
    /// - Throws: ``AppointmentError/offerNotYetMade(entry:position:)`` while the
    ///   entry still waits; ``AppointmentError/offerUnavailable(hold:expiredAt:)``
    ///   when the kept seat ran out; ``AppointmentError/waitlistEntryNotFound(_:)``;
    ///   `dayClosed` when the station closed that day meanwhile.
    public func acceptOffer(_ reference: UUID, contact: Contact? = nil) async throws(AppointmentError) -> Booking {
        let store = self.store
        let key = Self.acceptanceKey(reference)
        if let hold = try await storeCall({ try await store.hold(entry: reference) }) {
            return try await claimOffer(hold.id, contact: contact, idempotencyKey: key)
        }
        // Accepted already? The claim finds the booking made under the entry's key before looking for a hold.
        do {
            return try await store.claimHold(id: reference, ClaimRequest(idempotencyKey: key, at: clock.now()))
        } catch BookingStoreError.holdNotFound {
            // Not accepted: still waiting, or gone.
        } catch let error as BookingStoreError {
            throw AppointmentBook.map(error)
        } catch {
            throw .storage("\(error)")
        }
        if case .waiting(let entry, let position) = try await waitlistStatus(reference) {
            throw .offerNotYetMade(entry: entry.id, position: position)
        }
        // Offered between the reads above: take it now.
        guard let hold = try await storeCall({ try await store.hold(entry: reference) }) else { throw .waitlistEntryNotFound(reference) }
        return try await claimOffer(hold.id, contact: contact, idempotencyKey: key)
    }

    /// Takes the entry `reference` off the waiting list. When a seat was kept
    /// for it, the seat is declined and kept for the next person in line instead.
    /// - Throws: ``AppointmentError/waitlistEntryNotFound(_:)`` when nobody waits with this reference.
    public func leaveWaitlist(_ reference: UUID) async throws(AppointmentError) -> WaitlistDeparture {
        let store = self.store
        if let entry = try await storeCall({ try await store.leaveWaitlist(id: reference) }) {
            return WaitlistDeparture(entry: entry, declinedOffer: false, passedOn: nil)
        }
        // Offered meanwhile (or before): decline the kept seat.
        if let hold = try await storeCall({ try await store.hold(entry: reference) }),
           let released = try await storeCall({ try await store.releaseHold(id: hold.id) }) {
            let next = try await offer(station: released.station, motif: released.motif, start: released.start, end: released.end)
            return WaitlistDeparture(entry: released.entry, declinedOffer: true, passedOn: next)
        }
        throw .waitlistEntryNotFound(reference)
    }

    /// Every appointment (any status) at `station` on its local `day`, by start:
    /// the day's list for the station's staff.
    public func appointments(station: String, day: LocalDate) async throws(AppointmentError) -> [Booking] {
        let zone = try await timeZone(of: station)
        let from = day.instant(at: .midnight, in: zone)
        let to = day.adding(days: 1).instant(at: .midnight, in: zone)
        let store = self.store
        return try await storeCall { try await store.bookings(station: station, from: from, to: to) }
    }
}
