import Appointments
import Foundation
import MaSecurite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

/// Schedules and meeting links of the appointments commands.
///
/// Schedules: derived from the bundled directory's published opening hours
/// (stations whose hours are not published get none), plus a deployment's
/// `--schedules FILE` (which wins for a station both give), bookable only
/// where the teleservice catalog says online booking runs
/// (``PublishedScheduleProvider/standard(stations:catalog:published:)``), the
/// same provider the guichet uses.
enum AppointmentsSetup {
    private static let bundledCatalog: Result<TeleserviceCatalog, any Error> = Result { try TeleserviceCatalog.bundled() }
    private static let standardProvider: Result<PublishedScheduleProvider, any Error> = Result {
        PublishedScheduleProvider.standard(stations: try StationsCatalog.finder(), catalog: try bundledCatalog.get())
    }

    /// The provider for `catalog` (the bundled one when `nil`) and a deployment's schedules file.
    /// - Throws: ``OperationError`` when the directory, the catalog or the file cannot be read
    ///   (the file's error names the file, the station and the field).
    static func provider(catalog: TeleserviceCatalog? = nil, schedulesFile: String? = nil) throws -> PublishedScheduleProvider {
        var provider: PublishedScheduleProvider
        if let catalog {
            provider = PublishedScheduleProvider.standard(stations: try StationsCatalog.finder(), catalog: catalog)
        } else {
            do { provider = try standardProvider.get() } catch let error as OperationError { throw error } catch {
                throw OperationError("cannot load the teleservices catalog: \(error)")
            }
        }
        if let schedulesFile {
            do {
                let published = try PublishedSchedules(contentsOf: URL(fileURLWithPath: schedulesFile))
                provider.schedules = provider.schedules.merging(published)
            } catch {
                throw OperationError("invalid schedules file: \(error.description)")
            }
        }
        return provider
    }
}

/// The meeting links of visio-plainte bookings made with the command line:
/// ``DerivedMeetingProvider`` keyed by `$MASECURITE_MEETING_SECRET` when set,
/// else by a random key kept next to the bookings file (`<store>.meeting-key`,
/// created on first use, readable by its owner only), so a link is stable for
/// a booking and cannot be guessed without the key.
struct StoreKeyMeetingProvider: MeetingProvider {
    /// The secret from the environment, if any.
    let environmentSecret: String?
    /// The key file next to the store.
    let keyPath: String

    func meetingURL(for booking: Booking) throws -> URL {
        try DerivedMeetingProvider(secret: try secret()).meetingURL(for: booking)
    }

    private func secret() throws -> [UInt8] {
        if let environmentSecret, !environmentSecret.isEmpty { return Array(environmentSecret.utf8) }
        if let data = FileManager.default.contents(atPath: keyPath), data.count >= 32 { return Array(data) }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // O_EXCL: of two processes creating it at once, one writes and both read its key.
        let descriptor = open(keyPath, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if descriptor >= 0 {
            let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            _ = fsync(descriptor)
            close(descriptor)
            guard written == key.count else { throw OperationError("cannot write the meeting key file \(keyPath)") }
            return key
        }
        if let data = FileManager.default.contents(atPath: keyPath), data.count >= 32 { return Array(data) }
        throw OperationError("cannot create the meeting key file \(keyPath) (or it is shorter than 32 bytes)")
    }
}
