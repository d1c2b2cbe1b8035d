import Foundation
import MaSecurite
import Testing

/// The bundled competence source: every answer approximate, Paris and the
/// petite couronne to the Préfecture de police, overseas communes answered.
@Suite struct StationDirectoryCompetenceTests {
    let stations: StationFinder
    let source: StationDirectoryCompetence

    init() throws {
        stations = try Fixtures.modules.get().stations
        source = StationDirectoryCompetence(finder: stations)
    }

    @Test func aCommuneWithACommissariatIsPolice() throws {
        let bordeaux = try source.competence(for: try INSEECode("33063"))
        #expect(bordeaux.approximate && bordeaux.source == "station-directory")
        #expect(bordeaux.institution == .policeNationale)
        #expect(stations.station(id: bordeaux.unit.id)?.insee.rawValue == "33063")
    }

    @Test func parisAndThePetiteCouronneGoToThePrefectureDePolice() throws {
        for insee in ["75056", "75115", "92012", "93066", "94028"] {
            let answer = try source.competence(for: try INSEECode(insee))
            #expect(answer.institution == .prefectureDePolice, "\(insee) → \(answer.institution)")
            #expect(answer.approximate)
            #expect(stations.station(id: answer.unit.id)?.kind == .police)
        }
        // Outside the petite couronne, the Île-de-France police is the police nationale.
        #expect(try source.competence(for: try INSEECode("78646")).institution != .prefectureDePolice)
    }

    @Test func aRuralCommuneGoesToABrigadeOfItsOwnDepartement() throws {
        // L'Abergement-Clémenciat (Ain) has no station of its own.
        let answer = try source.competence(for: try INSEECode("01001"))
        let station = try #require(stations.station(id: answer.unit.id))
        #expect(answer.institution == .gendarmerieNationale && station.departement.rawValue == "01" && answer.approximate)
    }

    @Test func overseasCommunesAreAnswered() throws {
        for insee in ["97209", "97411", "97611", "97302", "97101"] {
            let answer = try source.competence(for: try INSEECode(insee))
            let station = try #require(stations.station(id: answer.unit.id))
            #expect(station.departement == (try INSEECode(insee)).departement, "\(insee) → \(station.id)")
            #expect(answer.approximate)
        }
    }

    @Test func placesAreResolvedLikeEverywhereElse() throws {
        let byPostalCode = try stations.competence(for: .postalCode(try PostalCode("33000")), from: source)
        #expect(byPostalCode.competence.insee == "33063")
        let byName = try stations.competence(for: .communeName("st etienne"), from: source)
        #expect(byName.competence.insee == "42218")
        let byPoint = try stations.competence(for: .point(try GeoPoint(latitude: 14.6161, longitude: -61.0588)), from: source)
        #expect(byPoint.competence.insee.hasPrefix("972"))
        #expect(throws: PlaceError.self) { try stations.competence(for: .postalCode(try PostalCode("98000")), from: source) }
        #expect(throws: CompetenceError.self) { try source.competence(for: try INSEECode("33999")) }
    }
}
