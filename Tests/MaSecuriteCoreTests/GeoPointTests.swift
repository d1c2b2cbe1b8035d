import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct GeoPointTests {
    @Test func acceptsTheBoundsOfTheRanges() throws {
        for (lat, lon) in [(90.0, 180.0), (-90.0, -180.0), (0.0, 0.0), (48.8566, 2.3522)] {
            let point = try GeoPoint(latitude: lat, longitude: lon)
            #expect(point.latitude == lat)
            #expect(point.longitude == lon)
        }
    }

    @Test func rejectsOutOfRangeAndNonFinite() {
        #expect(throws: GeoPointError.latitudeOutOfRange(91)) { try GeoPoint(latitude: 91, longitude: 0) }
        #expect(throws: GeoPointError.latitudeOutOfRange(-90.000001)) { try GeoPoint(latitude: -90.000001, longitude: 0) }
        #expect(throws: GeoPointError.longitudeOutOfRange(-180.5)) { try GeoPoint(latitude: 0, longitude: -180.5) }
        #expect(throws: GeoPointError.longitudeOutOfRange(181)) { try GeoPoint(latitude: 0, longitude: 181) }
        #expect(throws: GeoPointError.self) { try GeoPoint(latitude: .nan, longitude: 0) }
        #expect(throws: GeoPointError.self) { try GeoPoint(latitude: 0, longitude: .infinity) }
        #expect(throws: GeoPointError.self) { try GeoPoint(latitude: -.infinity, longitude: 0) }
    }

    @Test func errorMessagesNameTheCoordinate() {
        #expect(GeoPointError.latitudeOutOfRange(91).description.contains("latitude 91"))
        #expect(GeoPointError.longitudeOutOfRange(200).description.contains("longitude 200"))
    }

    @Test func haversineParisToMarseille() throws {
        let paris = try GeoPoint(latitude: 48.8566, longitude: 2.3522)
        let marseille = try GeoPoint(latitude: 43.2965, longitude: 5.3698)
        // Reference computed separately with the haversine formula, R = 6,371,008.8 m.
        #expect(abs(paris.distance(to: marseille) - 660_479.29) < 1)
        #expect(abs(marseille.distance(to: paris) - paris.distance(to: marseille)) < 1e-6)
    }

    @Test func haversineToOverseasTerritories() throws {
        let paris = try GeoPoint(latitude: 48.8566, longitude: 2.3522)
        let pointeAPitre = try GeoPoint(latitude: 16.2411, longitude: -61.5331)
        #expect(abs(paris.distance(to: pointeAPitre) - 6_754_762.27) < 1)
        let papeete = try GeoPoint(latitude: -17.5350, longitude: -149.5696)
        let noumea = try GeoPoint(latitude: -22.2758, longitude: 166.4580)
        // Crosses the antimeridian: the short way round, not 316° of longitude.
        #expect(abs(papeete.distance(to: noumea) - 4_611_981.09) < 1)
    }

    @Test func distanceToItselfIsZero() throws {
        let point = try GeoPoint(latitude: 43.7, longitude: 7.25)
        #expect(point.distance(to: point) == 0)
    }

    @Test func antimeridianDistanceWraps() throws {
        let east = try GeoPoint(latitude: 0, longitude: 179.5)
        let west = try GeoPoint(latitude: 0, longitude: -179.5)
        // One degree of arc on the equator.
        #expect(abs(east.distance(to: west) - 111_195.08) < 0.01)
        let date180 = try GeoPoint(latitude: -13.28, longitude: 180)
        let dateMinus180 = try GeoPoint(latitude: -13.28, longitude: -180)
        #expect(date180.distance(to: dateMinus180) < 1e-6)
    }

    @Test func polesAndAntipodes() throws {
        let north = try GeoPoint(latitude: 90, longitude: 0)
        let northElsewhere = try GeoPoint(latitude: 90, longitude: 123)
        let south = try GeoPoint(latitude: -90, longitude: 45)
        let halfCircumference = Double.pi * GeoPoint.meanEarthRadiusMetres
        #expect(north.distance(to: northElsewhere) < 1e-6)
        #expect(abs(north.distance(to: south) - halfCircumference) < 0.01)
        let origin = try GeoPoint(latitude: 0, longitude: 0)
        let antipode = try GeoPoint(latitude: 0, longitude: 180)
        #expect(abs(origin.distance(to: antipode) - halfCircumference) < 0.01)
        let quarter = try GeoPoint(latitude: 0, longitude: 90)
        #expect(abs(origin.distance(to: quarter) - halfCircumference / 2) < 0.01)
    }

    @Test func unitVectorIsOnTheUnitSphere() throws {
        let north = try GeoPoint(latitude: 90, longitude: 77).unitVector
        #expect(abs(north.z - 1) < 1e-12)
        let origin = try GeoPoint(latitude: 0, longitude: 0).unitVector
        #expect(abs(origin.x - 1) < 1e-12 && abs(origin.y) < 1e-12 && abs(origin.z) < 1e-12)
        let v = try GeoPoint(latitude: -21.1151, longitude: 55.5364).unitVector
        #expect(abs((v.x * v.x + v.y * v.y + v.z * v.z) - 1) < 1e-12)
    }

    @Test func codableRoundTripUsesLatLon() throws {
        let point = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let json = try encodeJSON(point)
        #expect(json == #"{"lat":44.8378,"lon":-0.5792}"#)
        #expect(try decodeJSON(GeoPoint.self, json) == point)
    }

    @Test func decodingValidates() {
        #expect(throws: DecodingError.self) { try decodeJSON(GeoPoint.self, #"{"lat":95,"lon":2}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(GeoPoint.self, #"{"lat":45,"lon":-200}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(GeoPoint.self, #"{"lat":45}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(GeoPoint.self, #"{"latitude":45,"longitude":2}"#) }
    }

    @Test func descriptionIsLatCommaLon() throws {
        #expect(try GeoPoint(latitude: 45.5, longitude: -1.25).description == "45.5,-1.25")
    }
}
