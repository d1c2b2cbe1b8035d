import Foundation

/// Why an appointment operation was refused. Each case has a stable
/// ``code`` (used by the command line's JSON errors) and a message a person can act on.
public enum AppointmentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every counter of the slot is taken.
    case slotFull(station: String, start: Date)
    /// No slot of this motif starts at that instant at that station.
    case outsideOpening(station: String, motif: Motif, start: Date)
    /// The slot starts too soon (minimum notice) or is already past.
    case tooLate(start: Date, earliest: Date)
    /// The slot is beyond the booking horizon.
    case tooFarAhead(start: Date, latest: Date)
    /// The station does not offer this motif.
    case motifNotOffered(station: String, motif: Motif)
    /// This motif needs a contact (e.g. restitution of an object to a named person).
    case contactRequired(Motif)
    /// The station closed that day.
    case dayClosed(station: String, day: LocalDate)
    /// No booking has this code.
    case notFound(ConfirmationCode)
    /// The citizen may no longer cancel or move this booking (too close to the start, or not allowed for the motif).
    case changeNotAllowed(code: ConfirmationCode, reason: String)
    /// The booking is no longer active (already cancelled, honoured or no-show).
    case notActive(code: ConfirmationCode, status: BookingStatus)
    /// The idempotency key was already used for a different request.
    case idempotencyConflict(key: String)
    /// The text is not a confirmation code.
    case invalidCode(String)
    /// The schedule is malformed.
    case invalidSchedule(String)
    /// The station id cannot be read (expected `<kind>-<INSEE>-<nn>`).
    case invalidStation(String)
    /// The storage failed (the message comes from the store).
    case storage(String)
    /// The station publishes no opening hours, so no schedule is published for
    /// it and it offers no online appointment: the citizen should call it.
    case hoursNotPublished(station: String)
    /// Online booking of `motif` does not run in the station's département;
    /// `offeredIn` lists the départements where it runs (empty: nowhere today).
    case notOfferedHere(station: String, motif: Motif, departement: String, offeredIn: [String])
    /// The waiting-list offer is gone: claimed, declined, or its time ran out (`expiredAt` when known).
    case offerUnavailable(hold: UUID, expiredAt: Date?)
    /// Nobody waits with this reference: the entry was offered a seat that was
    /// then booked or passed on, it left the list, or it never existed.
    case waitlistEntryNotFound(UUID)
    /// The entry still waits: no seat is offered to it yet (`position` in line, 1 = next).
    case offerNotYetMade(entry: UUID, position: Int)

    /// A stable, kebab-case identifier of the case, e.g. `"slot-full"`.
    public var code: String {
        switch self {
        case .slotFull: return "slot-full"
        case .outsideOpening: return "outside-opening"
        case .tooLate: return "too-late"
        case .tooFarAhead: return "too-far-ahead"
        case .motifNotOffered: return "motif-not-offered"
        case .contactRequired: return "contact-required"
        case .dayClosed: return "day-closed"
        case .notFound: return "not-found"
        case .changeNotAllowed: return "change-not-allowed"
        case .notActive: return "not-active"
        case .idempotencyConflict: return "idempotency-conflict"
        case .invalidCode: return "invalid-code"
        case .invalidSchedule: return "invalid-schedule"
        case .invalidStation: return "invalid-station"
        case .storage: return "storage"
        case .hoursNotPublished: return "hours-not-published"
        case .notOfferedHere: return "not-offered-here"
        case .offerUnavailable: return "offer-unavailable"
        case .waitlistEntryNotFound: return "waitlist-entry-not-found"
        case .offerNotYetMade: return "offer-not-yet-made"
        }
    }

    /// The message with instants in UTC, e.g. `2026-03-30T07:00:00Z`.
    public var description: String {
        message { $0.formatted(.iso8601) }
    }

    /// The message with instants written in `timeZone` with their RFC 3339
    /// offset, e.g. `2026-03-30T09:00:00+02:00` for a station in Paris: use
    /// the station's own time zone so the citizen reads the time they booked.
    public func message(in timeZone: TimeZone) -> String {
        let style = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone)
        return message { style.format($0) }
    }

    private func message(_ iso: (Date) -> String) -> String {
        switch self {
        case .slotFull(let station, let start):
            return "the slot at \(iso(start)) at station \(station) is full; choose another slot"
        case .outsideOpening(let station, let motif, let start):
            return "station \(station) has no \(motif.rawValue) slot starting at \(iso(start)); list the slots first"
        case .tooLate(let start, let earliest):
            return "the slot at \(iso(start)) is too soon or past; the earliest bookable start is \(iso(earliest))"
        case .tooFarAhead(let start, let latest):
            return "the slot at \(iso(start)) is too far ahead; bookings open until \(iso(latest))"
        case .motifNotOffered(let station, let motif):
            return "station \(station) does not take \(motif.rawValue) appointments"
        case .contactRequired(let motif):
            return "a \(motif.rawValue) appointment needs a name or a way to reach you"
        case .dayClosed(let station, let day):
            return "station \(station) is closed on \(day)"
        case .notFound(let code):
            return "no booking has the code \(code.formatted)"
        case .changeNotAllowed(let code, let reason):
            return "booking \(code.formatted) can no longer be changed: \(reason)"
        case .notActive(let code, let status):
            return "booking \(code.formatted) is \(status.rawValue), not booked"
        case .idempotencyConflict(let key):
            return "the idempotency key '\(Echo.truncated(key))' was already used for a different booking request"
        case .invalidCode(let text):
            return "'\(Echo.truncated(text))' is not a confirmation code (20 characters, e.g. K7QM-4XTR-9BWE-2HPA-ZC3N)"
        case .invalidSchedule(let reason):
            return "invalid schedule: \(reason)"
        case .invalidStation(let id):
            return "cannot read the station id '\(Echo.truncated(id))' (expected <kind>-<INSEE code>-<nn>, e.g. gendarmerie-97209-01)"
        case .storage(let message):
            return "storage error: \(message)"
        case .hoursNotPublished(let station):
            return "station \(station) publishes no opening hours, so it offers no online appointment; call the station to arrange one"
        case .notOfferedHere(let station, let motif, let departement, let offeredIn):
            let what = motif == .visioPlainte ? "the visio-plainte pilot" : "online \(motif.rawValue) appointments"
            let whereText = offeredIn.isEmpty ? "it runs nowhere at the moment"
                : "it runs in département\(offeredIn.count > 1 ? "s" : "") \(offeredIn.joined(separator: ", ")) only"
            return "\(what) do\(motif == .visioPlainte ? "es" : "") not run in département \(departement) (station \(station)); \(whereText)"
        case .offerUnavailable(let hold, let expiredAt):
            let reason = expiredAt.map { "its time ran out at \(iso($0))" } ?? "it was claimed or declined"
            return "the offered seat \(hold.uuidString.lowercased()) is no longer kept for you: \(reason); join the waiting list again or choose another slot"
        case .waitlistEntryNotFound:
            return "nobody waits with this reference: the seat offered was booked or its time ran out, or the entry left the list; join the waiting list again"
        case .offerNotYetMade(_, let position):
            return "no seat is offered to you yet: you are number \(position) in line; a seat is kept for you when one frees"
        }
    }
}

