import Foundation
import Testing
@testable import MaSecurite

@Suite("Places")
struct PlaceTests {
    @Test("What a person types is read as the right kind of place")
    func parsing() throws {
        #expect(try Place(parsing: "33000") == .postalCode(try PostalCode("33000")))
        #expect(try Place(parsing: "2A004") == .insee(try INSEECode("2A004")))
        #expect(try Place(parsing: " 972 ") == .departement(try DepartementCode("972")))
        #expect(try Place(parsing: "44.84, -0.58") == .point(try GeoPoint(latitude: 44.84, longitude: -0.58)))
        #expect(try Place(parsing: "st etienne") == .communeName("st etienne"))
        #expect(throws: PlaceError.invalid("  ", reason: "the place is empty")) { try Place(parsing: "  ") }
        #expect(throws: PlaceError.self) { try Place(parsing: "95.0,10") }
    }

    @Test("Places round-trip through JSON")
    func codable() throws {
        let places: [Place] = [
            .point(try GeoPoint(latitude: -13.28, longitude: -176.17)), .postalCode(try PostalCode("38500")),
            .communeName("Saint-Étienne"), .insee(try INSEECode("97209")), .departement(try DepartementCode("2B")),
        ]
        let data = try JSONEncoder().encode(places)
        #expect(try JSONDecoder().decode([Place].self, from: data) == places)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Place.self, from: Data(#"{"kind":"planet","value":"mars"}"#.utf8))
        }
    }

    @Test("A postal code serving several communes lists the others; a département alone is approximate")
    func resolution() throws {
        let (guichet, _) = try Fixtures.guichet()
        let voiron = try guichet.resolve(.postalCode(try PostalCode("38500")))
        #expect(voiron.commune == "Voiron")
        #expect(voiron.otherCommunes.count >= 3)
        #expect(voiron.departement.rawValue == "38")
        let martinique = try guichet.resolve(.departement(try DepartementCode("972")))
        #expect(martinique.approximate)
        #expect(martinique.timeZone.identifier == "America/Martinique")
        let nearest = guichet.stations.nearest(to: martinique.location, count: 1).first?.station
        #expect(nearest?.departement.rawValue == "972")
        let saintEtienne = try guichet.resolve(.communeName("st etiene"))
        #expect(saintEtienne.commune == "Saint-Étienne")
    }
}
