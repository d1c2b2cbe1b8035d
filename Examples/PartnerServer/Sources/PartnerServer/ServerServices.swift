import Appointments
import ChatProtocol
import Foundation
import LocalInformation
import MaSecurite
import OrienteurKit
import Signalements
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
    /// Which operators are connected here (only they are given new conversations).
    public let presence: OperatorPresence
    /// The escalation log: each emergency alerted to the connected supervisors (metadata only).
    public let escalations: SupervisorDesk
    /// Local information, subscriptions and feeds, « Je donne mon avis », usage events and the team's access.
    public let localInformation: LocalInformationServices
    /// The chat's live figures (fed by the conversation store when ``PartnerServer/makeServices(configuration:clock:logger:)`` built it).
    public let figures: ChatFigures
    /// Signalements: the kinds, the competent unit, and the outbox they are filed in (the same the
    /// chat's operators file into).
    public let signalements: SignalementDesk
    /// Now.
    public let clock: any WallClock
    /// Which booking storage is in use (`memory`, `sqlite` or `postgresql`), for readiness.
    public let storageName: String
    /// Checks that the storage answers (readiness).
    public let storageCheck: @Sendable () async -> Bool
    /// Largest accepted request body, in bytes.
    public var maxBodyBytes: Int = 64 * 1024
    /// The back office's accounts.
    public var staff = StaffDirectory()
    /// Where the schedules staff publish are kept (the booking store, when it is one).
    public let scheduleStore: any ScheduleStore

    /// Creates the services.
    public init(orienteur: Orienteur, stations: StationFinder, teleservices: TeleserviceCatalog, appointments: AppointmentBook,
                chat: ChatService, localInformation: LocalInformationServices, presence: OperatorPresence? = nil,
                escalations: SupervisorDesk? = nil, figures: ChatFigures? = nil, signalements: SignalementDesk,
                clock: any WallClock, storageName: String, storageCheck: @escaping @Sendable () async -> Bool,
                scheduleStore: (any ScheduleStore)? = nil) {
        self.orienteur = orienteur
        self.stations = stations
        self.teleservices = teleservices
        self.appointments = appointments
        self.chat = chat
        self.localInformation = localInformation
        self.presence = presence ?? OperatorPresence()
        self.escalations = escalations ?? SupervisorDesk()
        self.figures = figures ?? ChatFigures(operators: [], since: clock.now())
        self.signalements = signalements
        self.clock = clock
        self.storageName = storageName
        self.storageCheck = storageCheck
        self.scheduleStore = scheduleStore ?? (appointments.store as? any ScheduleStore) ?? InMemoryBookingStore()
    }

    /// Loads the bundled content (orientation tree, station directory, catalog).
    static func loadBundled() throws -> (Orienteur, StationFinder, TeleserviceCatalog) {
        try bundled.get()
    }

    /// The bundled content, loaded once per process (every application built in it shares it). The
    /// orienteur also searches the catalog's services, as the guichet's does, so the chat's emergency
    /// classifier reads a message exactly as the orientation routes do.
    private static let bundled: Result<(Orienteur, StationFinder, TeleserviceCatalog), any Error> = Result {
        let catalog = try TeleserviceCatalog.bundled()
        return (try bundledOrienteur(extraDocuments: Guichet.searchDocuments(for: catalog)), try StationFinder.bundled(), catalog)
    }

    /// The bundled orientation content. When OrienteurKit is used from another
    /// package on Linux, Foundation may already place the bundle's `resourceURL`
    /// inside its `Resources` folder, so `BundledContentProvider.directory` has one
    /// `Resources` too many: the folder next to it is tried then.
    static func bundledOrienteur(extraDocuments: [SearchDocument] = []) throws -> Orienteur {
        do {
            return try Orienteur.bundled(extraDocuments: extraDocuments)
        } catch {
            guard let directory = BundledContentProvider.directory else { throw error }
            let sibling = directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content")
            guard FileManager.default.fileExists(atPath: sibling.appendingPathComponent("tree.json").path) else { throw error }
            return try Orienteur(provider: DirectoryContentProvider(directory: sibling), extraDocuments: extraDocuments)
        }
    }
}
