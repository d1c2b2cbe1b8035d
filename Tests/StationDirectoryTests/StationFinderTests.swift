import Foundation
import Testing
@testable import StationDirectory

/// Known answers checked by hand: brute-force haversine over stations_fr.csv in
/// Python (mean Earth radius 6,371,008.8 m), outside the SDK.
@Suite struct StationFinderTests {
    @Test func bundledDirectoryLoadsEveryRow() throws {
        let finder = try Bundled.finder()
        #expect(finder.stations.count == 3_660)
        #expect(finder.stations.filter { $0.kind == .police }.count == 606)
        #expect(finder.stations.filter { $0.kind == .gendarmerie }.count == 3_054)
        #expect(finder.stations.filter { $0.hours != .unknown }.count == 382)
        #expect(!finder.stations.contains { $0.isMotorisedUnit })
        #expect(finder.gazetteer.communes.count == 35_105)
    }

    @Test func motorisedUnitsOnlyOnRequest() throws {
        let stations = try BundledStationSource(includingMotorisedUnits: true).loadStations()
        #expect(stations.count == 3_660 + 426)
        #expect(stations.filter(\.isMotorisedUnit).count == 426)
        #expect(stations.filter(\.isMotorisedUnit).allSatisfy { !$0.receivesPublic })
    }

    @Test func bundledCommunesSkipOnlyMonacoAndClipperton() throws {
        let communes = try BundledStationSource.loadCommunes()
        #expect(communes.problems.count == 2)
        #expect(communes.problems.allSatisfy { $0.field == "insee" })
        #expect(communes.problems.map(\.reason) == [
            .invalidValue("98901", expected: "an INSEE code of a French département or overseas collectivity"),
            .invalidValue("99138", expected: "an INSEE code of a French département or overseas collectivity"),
        ])
    }

    @Test func nearestToBordeauxCentre() throws {
        let finder = try Bundled.finder()
        let results = finder.nearest(to: try GeoPoint(latitude: 44.8378, longitude: -0.5792), count: 5)
        #expect(results.map(\.station.id) == [
            "commissariat_police-33063-01", "commissariat_police-33522-01", "commissariat_police-33069-01",
            "commissariat_police-33039-01", "commissariat_police-33119-01",
        ])
        let expected = [836.9, 2616.1, 3501.8, 4590.6, 5152.4]
        for (result, metres) in zip(results, expected) {
            #expect(abs(result.distanceMetres - metres) < 0.1)
        }
    }

    @Test func nearestToFortDeFranceByPostalCode() throws {
        let finder = try Bundled.finder()
        let place = try #require(finder.places(matching: "97200").first)
        #expect(place.insee.rawValue == "97209")
        let results = finder.nearest(to: place, count: 3)
        #expect(results.map(\.station.id) == [
            "commissariat_police-97209-01", "gendarmerie-97229-01", "gendarmerie-97224-01",
        ])
        #expect(abs(results[0].distanceMetres - 3_948.3) < 0.1)
    }

    @Test func nearestInWallisCrossesTheAntimeridian() throws {
        let finder = try Bundled.finder()
        let results = finder.nearest(to: try GeoPoint(latitude: -13.2825, longitude: -176.1736), count: 3)
        #expect(results.map(\.station.id) == ["gendarmerie-98613-01", "gendarmerie-98612-01", "gendarmerie-98815-01"])
        let expected = [5_517.5, 240_524.0, 1_923_185.5]
        for (result, metres) in zip(results, expected) {
            #expect(abs(result.distanceMetres - metres) < 0.1)
        }
    }

    @Test func filtersByKindDepartementAndDistance() throws {
        let finder = try Bundled.finder()
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let brigades = finder.nearest(to: bordeaux, count: 5, filter: StationFilter(kinds: [.gendarmerie]))
        #expect(brigades.count == 5)
        #expect(brigades.allSatisfy { $0.station.kind == .gendarmerie })
        let allGendarmerie = finder.stations.filter { $0.kind == .gendarmerie }
        let nearestBrigade = allGendarmerie.min { bordeaux.distance(to: $0.location) < bordeaux.distance(to: $1.location) }
        #expect(brigades.first?.station.id == nearestBrigade?.id)

        let landes = try DepartementCode("40")
        let inLandes = finder.nearest(to: bordeaux, count: 3, filter: StationFilter(departement: landes))
        #expect(inLandes.count == 3)
        #expect(inLandes.allSatisfy { $0.station.departement == landes })

        let close = finder.nearest(to: bordeaux, count: 10, filter: StationFilter(maxDistanceMetres: 3_000))
        #expect(close.map(\.station.id) == ["commissariat_police-33063-01", "commissariat_police-33522-01"])
        let within = finder.within(radius: 4_000, of: bordeaux, filter: StationFilter(kinds: [.police]))
        #expect(within.map(\.station.id) == ["commissariat_police-33063-01", "commissariat_police-33522-01", "commissariat_police-33069-01"])
    }

    @Test func lookupByIdDepartementAndCommune() throws {
        let finder = try Bundled.finder()
        #expect(finder.station(id: "gendarmerie-98613-01")?.commune == "Uvea")
        #expect(finder.station(id: "unknown") == nil)
        let wallis = finder.stations(inDepartment: try DepartementCode("986"))
        #expect(Set(wallis.map(\.id)) == ["gendarmerie-98613-01", "gendarmerie-98612-01"])
        let voiron = finder.stations(inCommune: try INSEECode("38563"))
        #expect(Set(voiron.map(\.id)) == ["gendarmerie-38563-01", "commissariat_police-38563-01"])
        #expect(finder.stations(inDepartment: try DepartementCode("33")).allSatisfy { $0.departement.rawValue == "33" })
    }

    @Test func customSourcePlugsIn() throws {
        struct TwoStations: StationSource {
            var version: String { "test" }
            func loadStations() throws -> [Station] {
                try StationCSV.load(StationCSV.text([
                    StationCSV.row(replacing: "id", with: "a", id: "a"),
                    StationCSV.row(replacing: "lat", with: "45.5", id: "b"),
                ])).items
            }
        }
        let finder = try StationFinder(source: TwoStations(), communes: [])
        #expect(finder.version == "test")
        let result = finder.nearest(to: try GeoPoint(latitude: 45.4, longitude: -0.58), count: 1)
        #expect(result.map(\.station.id) == ["b"])
    }
}
