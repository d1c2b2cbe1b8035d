import Appointments
import ChatProtocol
import Foundation
import OrienteurKit
import StationDirectory
import Teleservices

/// The SDK objects the routes use, built once at start-up and shared by every request.
public struct ServerServices: Sendable {
    /// Orientation content, search and sessions.
    public let orienteur: Orienteur
    /// The station directory.
    public let stations: StationFinder
    /// The teleservices catalog.
    public let teleservices: TeleserviceCatalog
    /// Appointments over the configured ``BookingStore``.
    public let appointments: AppointmentBook
    /// The live chat (conversations routed to the configured operators).
    public let chat: ChatService
    /// Now.
    public let clock: any WallClock
    /// Which booking storage is in use (`memory`, `sqlite` or `postgresql`), for readiness.
    public let storageName: String
    /// Checks that the storage answers (readiness).
    public let storageCheck: @Sendable () async -> Bool
    /// Largest accepted request body, in bytes.
    public var maxBodyBytes: Int = 64 * 1024

    /// Creates the services.
    public init(orienteur: Orienteur, stations: StationFinder, teleservices: TeleserviceCatalog, appointments: AppointmentBook,
                chat: ChatService, clock: any WallClock, storageName: String, storageCheck: @escaping @Sendable () async -> Bool) {
        self.orienteur = orienteur
        self.stations = stations
        self.teleservices = teleservices
        self.appointments = appointments
        self.chat = chat
        self.clock = clock
        self.storageName = storageName
        self.storageCheck = storageCheck
    }

    /// Loads the bundled content (orientation tree, station directory, catalog).
    static func loadBundled() throws -> (Orienteur, StationFinder, TeleserviceCatalog) {
        (try Orienteur.bundled(), try StationFinder.bundled(), try TeleserviceCatalog.bundled())
    }
}
