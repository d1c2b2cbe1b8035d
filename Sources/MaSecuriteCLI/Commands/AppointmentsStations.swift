import Appointments
import Foundation
import StationDirectory

/// The station of an appointment, read from the bundled station directory
/// (the finder is loaded on first use, without the communes file).
///
/// Its département gives the territory, hence the time zone and the public
/// holidays of the default appointment schedule.
struct AppointmentPlace: Sendable {
    /// The station id as given or stored.
    let id: String
    /// The directory's station; `nil` only for a stored booking whose station
    /// is no longer in the directory.
    let station: Station?
    /// The territory whose time zone and public holidays apply.
    let territory: Territory

    /// The station's time zone.
    var timeZone: TimeZone { territory.timeZone }

    /// The station of the directory with `id`, or `nil` when the directory has none.
    /// - Throws: ``OperationError`` when the bundled directory cannot be loaded.
    static func directory(_ id: String) throws -> AppointmentPlace? {
        guard let station = try StationsCatalog.finder().station(id: id) else { return nil }
        return AppointmentPlace(id: id, station: station, territory: station.departement.territory)
    }

    /// The station of a stored booking: the directory's station, else what
    /// the id itself says (`<kind>-<INSEE>-<nn>`), so a booking whose station
    /// left the directory can still be shown, moved or cancelled.
    /// - Throws: ``OperationError`` when the directory cannot be loaded;
    ///   ``AppointmentError/invalidStation(_:)`` when the id cannot be read either.
    static func stored(_ id: String) throws -> AppointmentPlace {
        if let place = try directory(id) { return place }
        return AppointmentPlace(id: id, station: nil, territory: try StationID.territory(of: id))
    }

    /// The station's display name (its id when it left the directory).
    var name: String { station?.name ?? "station \(id)" }

    /// Name, street address, postal code and commune, e.g.
    /// `Commissariat de police de Bordeaux, 23 rue François-de-Sourdis, 33000 Bordeaux`
    /// (the iCalendar LOCATION).
    var location: String {
        guard let station else { return "Station \(id)" }
        var parts = [station.name]
        if let address = station.address, !address.isEmpty { parts.append(address) }
        parts.append("\(station.postalCode) \(station.commune)")
        return parts.joined(separator: ", ")
    }

    /// The refusal for a station id the directory does not have.
    static func unknownMessage(_ id: String) -> String {
        "no police or gendarmerie station open to the public has the id '\(Echo.truncated(id))'; "
            + "find station ids with 'masecurite stations near --postal-code P' (or --commune NAME, or --lat X --lon Y)"
    }
}

/// Schedules of the appointments commands: the documented default schedule
/// (``AppointmentSchedule/standard(territory:timeZone:)``) in the territory of
/// the station's département, read from the bundled directory.
struct DirectoryScheduleProvider: ScheduleProvider {
    func schedule(forStation station: String) throws -> AppointmentSchedule {
        .standard(territory: try AppointmentPlace.stored(station).territory)
    }
}
