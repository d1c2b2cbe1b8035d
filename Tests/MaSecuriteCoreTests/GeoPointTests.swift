import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct GeoPointTests {
    @Test func rejectsOutOfRangeAndNonFinite() {
        #expect(throws: GeoPointError.latitudeOutOfRange(91)) { try GeoPoint(latitude: 91, longitude: 0) }
        #expect(throws: GeoPointError.longitudeOutOfRange(-180.5)) { try GeoPoint(latitude: 0, longitude: -180.5) }
        #expect(throws: GeoPointError.self) { try GeoPoint(latitude: .nan, longitude: 0) }
        #expect(throws: GeoPointError.self) { try GeoPoint(latitude: 0, longitude: .infinity) }
    }

    @Test func haversineParisToMarseille() throws {
        let paris = try GeoPoint(latitude: 48.8566, longitude: 2.3522)
        let marseille = try GeoPoint(latitude: 43.2965, longitude: 5.3698)
        // Reference value from the haversine formula with R = 6,371,008.8 m.
        #expect(abs(paris.distance(to: marseille) - 660_971) < 500)
    }

    @Test func antimeridianDistanceWraps() throws {
        let east = try GeoPoint(latitude: -13.28, longitude: 179.9)
        let west = try GeoPoint(latitude: -13.28, longitude: -179.9)
        #expect(east.distance(to: west) < 25_000)
    }
}
