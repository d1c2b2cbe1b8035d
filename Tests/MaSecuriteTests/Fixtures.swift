import Foundation
@testable import MaSecurite

/// The bundled modules, loaded once for the whole suite; each test builds its
/// own ``Guichet`` with a fresh in-memory booking store and its own clock.
enum Fixtures {
    struct Modules: Sendable {
        let orienteur: Orienteur
        let catalog: TeleserviceCatalog
        let stations: StationFinder
    }

    static let modules: Result<Modules, any Error> = Result {
        let catalog = try TeleserviceCatalog.bundled()
        return Modules(orienteur: try Orienteur.bundled(extraDocuments: Guichet.searchDocuments(for: catalog)), catalog: catalog,
                       stations: try StationFinder.bundled())
    }

    /// Tuesday 10 March 2026, 10:00 in Paris (09:00 UTC).
    static let tuesdayMorning = Date(timeIntervalSince1970: 1_773_133_200)

    static func guichet(at date: Date = tuesdayMorning, store: any BookingStore = InMemoryBookingStore()) throws -> (Guichet, ManualWallClock) {
        let modules = try modules.get()
        let clock = ManualWallClock(date)
        let guichet = try Guichet(orienteur: modules.orienteur, catalog: modules.catalog, stations: modules.stations,
                                  appointments: AppointmentBook(store: store, clock: clock), clock: clock)
        return (guichet, clock)
    }

    static func date(_ iso: String) throws -> Date {
        guard let date = try? Date.ISO8601FormatStyle().parse(iso) else { throw FixtureError.badDate(iso) }
        return date
    }

    enum FixtureError: Error { case badDate(String), missing(String) }
}
