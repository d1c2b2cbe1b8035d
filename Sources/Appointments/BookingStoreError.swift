import Foundation

/// Why a ``BookingStore`` refused or failed an operation.
public enum BookingStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every seat of the slot is held by an active booking.
    case slotFull(station: String, motif: Motif, start: Date, capacity: Int)
    /// The station closed that local day (see ``BookingStore/closeDay(station:day:from:to:at:)``).
    case dayClosed(station: String, day: LocalDate)
    /// No booking has this code.
    case notFound(ConfirmationCode)
    /// The booking is not `booked` any more.
    case notActive(ConfirmationCode, BookingStatus)
    /// The idempotency key was already used for a request with other parameters.
    case idempotencyConflict(key: String, existing: ConfirmationCode)
    /// The underlying database failed: SQLite result code, its message, and what was being done.
    case database(code: Int32, message: String, operation: String)
    /// Stored data could not be read back (column and value named).
    case corruptRow(String)
    /// The file at `path` is an SQLite database of something else (it holds
    /// `tables` but no bookings): the store refuses to add its tables to it.
    case foreignDatabase(path: String, tables: [String])
    /// No seat is held with this id (claimed, released or swept already).
    case holdNotFound(UUID)
    /// The held seat's time ran out before the claim.
    case holdExpired(UUID, expiredAt: Date)

    public var description: String {
        switch self {
        case .slotFull(let station, let motif, let start, let capacity):
            return "slot full: \(motif.rawValue) at \(start.formatted(.iso8601)) at \(station) (\(capacity) counter(s), all taken)"
        case .dayClosed(let station, let day):
            return "station \(station) is closed on \(day)"
        case .notFound(let code):
            return "no booking with code \(code.formatted)"
        case .notActive(let code, let status):
            return "booking \(code.formatted) is \(status.rawValue)"
        case .idempotencyConflict(let key, let existing):
            return "idempotency key '\(key)' already used by booking \(existing.formatted) with other parameters"
        case .database(let code, let message, let operation):
            return "SQLite error \(code) while \(operation): \(message)"
        case .corruptRow(let detail):
            return "unreadable stored row: \(detail)"
        case .foreignDatabase(let path, let tables):
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return "\(path) is not a MaSecurite bookings file (it holds the tables \(shown)); it was left unchanged"
        case .holdNotFound(let id):
            return "no seat is held with id \(id.uuidString.lowercased())"
        case .holdExpired(let id, let expiredAt):
            return "the seat held with id \(id.uuidString.lowercased()) was released at \(expiredAt.formatted(.iso8601))"
        }
    }
}
