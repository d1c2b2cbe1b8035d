import Foundation
import Testing
@testable import MaSecurite

/// A deployment's own station directory: two stations, in memory.
private struct TwoStations: StationSource {
    let version = "test"
    func loadStations() throws -> [Station] {
        [
            Station(id: "gendarmerie-33063-99", kind: .gendarmerie, name: "Brigade de test", address: "1 rue du Test",
                    postalCode: try PostalCode("33000"), commune: "Bordeaux", insee: try INSEECode("33063"),
                    location: try GeoPoint(latitude: 44.84, longitude: -0.58),
                    hours: .known(try OpeningHours.parse("Mo-Fr 08:00-18:00"), osm: "Mo-Fr 08:00-18:00")),
            Station(id: "commissariat_police-75056-99", kind: .police, name: "Commissariat de test", address: nil,
                    postalCode: try PostalCode("75001"), commune: "Paris", insee: try INSEECode("75056"),
                    location: try GeoPoint(latitude: 48.86, longitude: 2.35)),
        ]
    }
}

@Suite("Pluggable storage")
struct CustomStorageTests {
    @Test("Any StationSource, BookingStore and clock plug into the guichet")
    func customStations() async throws {
        let clock = ManualWallClock(Fixtures.tuesdayMorning)
        let communes = try Fixtures.modules.get().stations.communeGazetteer().communes
        let guichet = try Guichet(stationSource: TwoStations(), communes: communes, bookingStore: InMemoryBookingStore(), clock: clock,
                                  options: GuichetOptions(stationCount: 5))
        let guidance = try await guichet.guidance(forLeaf: "a-vol-connu", at: .postalCode(try PostalCode("33000")))
        let stations = try #require(guidance.steps.first { $0.kind == "visit" }?.stations?.stations)
        #expect(stations.map(\.id) == ["gendarmerie-33063-99", "commissariat_police-75056-99"])
        #expect(stations[0].openNow == true)
        #expect(stations[1].openNow == nil)
        #expect(stations[0].firstSlots.count == 3)
    }

    @Test("Bookings go to the store given, e.g. SQLite")
    func sqliteStore() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (guichet, _) = try Fixtures.guichet(store: try SQLiteBookingStore(path: path))
        let guidance = try await guichet.guidance(forLeaf: "a-vol-connu", at: .postalCode(try PostalCode("33000")))
        let slot = try #require(guidance.slots.first)
        let booking = try await guichet.book(slot)
        let reopened = try SQLiteBookingStore(path: path)
        #expect(try await reopened.booking(code: booking.code)?.start == slot.start)
    }
}
