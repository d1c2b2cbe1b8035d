import Foundation
import Testing
@testable import StationDirectory

@Suite("One place resolver for the guichet, the command line and the server")
struct PlaceResolutionTests {
    @Test("A postal code uses its main commune and lists the others it serves")
    func postalCode() throws {
        let finder = try Bundled.finder()
        let voiron = try finder.resolve(.postalCode(try PostalCode("38500")))
        #expect(voiron.commune == "Voiron")
        #expect(voiron.insee == "38563")
        #expect(voiron.otherCommunes.contains("Coublevie"))
        #expect(!voiron.approximate)
    }

    @Test("Unknown codes and names say which and what to give instead; Monaco is not French")
    func errors() throws {
        let finder = try Bundled.finder()
        #expect(throws: PlaceError.unknownPostalCode(try PostalCode("98000"))) { try finder.resolve(.postalCode(try PostalCode("98000"))) }
        let monaco = PlaceError.unknownPostalCode(try PostalCode("98000")).description
        #expect(monaco.contains("Monaco"))
        #expect(throws: PlaceError.unknownPostalCode(try PostalCode("33999"))) { try finder.resolve(.postalCode(try PostalCode("33999"))) }
        #expect(PlaceError.unknownPostalCode(try PostalCode("33999")).description.contains("CEDEX"))
        #expect(throws: PlaceError.unknownINSEECode(try INSEECode("33999"))) { try finder.resolve(.insee(try INSEECode("33999"))) }
        #expect(throws: PlaceError.noCommuneMatches("zzzzzzzzzzqq")) { try finder.resolve(.communeName("zzzzzzzzzzqq")) }
        let long = String(repeating: "x", count: 100_000)
        let message = PlaceError.noCommuneMatches(long).description
        #expect(message.count < 200, "a 100 KB name is not echoed whole")
        #expect(!PlaceError.noCommuneMatches("a").isInvalidInput)
        #expect(PlaceError.invalid("", reason: "the place is empty").isInvalidInput)
    }

    @Test("A département alone is the centre of its stations, marked approximate, overseas too")
    func departement() throws {
        let finder = try Bundled.finder()
        let reunion = try finder.resolve(.departement(try DepartementCode("974")))
        #expect(reunion.approximate)
        #expect(reunion.commune == nil)
        #expect(finder.nearest(to: reunion.location, count: 1).first?.station.departement.rawValue == "974")
        #expect(reunion.timeZone.identifier == "Indian/Reunion")
    }

    @Test("A point keeps its position and is named by the nearest commune")
    func point() throws {
        let finder = try Bundled.finder()
        let point = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let bordeaux = try finder.resolve(.point(point))
        #expect(bordeaux.location == point)
        #expect(bordeaux.commune == "Bordeaux")
        #expect(bordeaux.departement.rawValue == "33")
    }
}
