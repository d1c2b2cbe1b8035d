import Foundation

/// Gives the appointment schedule of a station.
public protocol ScheduleProvider: Sendable {
    /// The schedule of `station` (a StationDirectory id).
    /// - Throws: ``AppointmentError`` when the station cannot be served.
    func schedule(forStation station: String) async throws -> AppointmentSchedule

    /// Why `motif` cannot be booked online at `station` on the station's local
    /// `day`, or `nil` when it can (checked before the schedule). The default
    /// is `nil`; ``PublishedScheduleProvider`` refuses motifs outside its ``BookingArea``.
    func refusal(motif: Motif, station: String, on day: LocalDate) async -> AppointmentError?
}

extension ScheduleProvider {
    /// No refusal: every motif of the schedule is offered.
    public func refusal(motif: Motif, station: String, on day: LocalDate) async -> AppointmentError? { nil }
}

/// The schedules a deployment configures, with the documented default
/// (``AppointmentSchedule/standard(territory:timeZone:)``) for every other
/// station, in the station's own time zone (read from its id, see ``StationID``).
///
/// Every station then offers slots, whether or not its hours are published:
/// use it for tests and demonstrations. A deployment serving citizens uses
/// ``PublishedScheduleProvider``, where only stations with a published schedule offer slots.
public struct DefaultScheduleProvider: ScheduleProvider {
    /// Station-specific schedules, keyed by station id.
    public var overrides: [String: AppointmentSchedule]

    /// Creates a provider with per-station overrides.
    public init(overrides: [String: AppointmentSchedule] = [:]) {
        self.overrides = overrides
    }

    public func schedule(forStation station: String) throws -> AppointmentSchedule {
        if let schedule = overrides[station] { return schedule }
        return .standard(territory: try StationID.territory(of: station))
    }
}

/// Reads what a StationDirectory station id says about its place.
///
/// Ids follow `<kind>-<INSEE code>-<nn>`, e.g. `commissariat_police-33063-01`
/// or `gendarmerie-97209-01`: the INSEE commune code gives the département,
/// hence the territory (public holidays) and the time zone.
public enum StationID {
    /// The INSEE code inside `id`.
    /// - Throws: ``AppointmentError/invalidStation(_:)`` when the id does not follow the pattern.
    public static func inseeCode(of id: String) throws(AppointmentError) -> INSEECode {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let number = parts.last, !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }),
              !parts[0].isEmpty, let code = try? INSEECode(String(parts[parts.count - 2])) else {
            throw .invalidStation(id)
        }
        return code
    }

    /// The territory of the station `id` (e.g. `.martinique` for `gendarmerie-97209-01`).
    public static func territory(of id: String) throws(AppointmentError) -> Territory {
        try inseeCode(of: id).departement.territory
    }

    /// The time zone of the station `id` (e.g. America/Martinique for `gendarmerie-97209-01`).
    public static func timeZone(of id: String) throws(AppointmentError) -> TimeZone {
        try territory(of: id).timeZone
    }
}
