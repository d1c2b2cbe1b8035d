import Foundation
import StationDirectory
import Testing

/// The README's "StationDirectory" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: StationDirectory")
struct ReadmeStationDirectoryExampleTests {
    @Test("StationDirectory: the nearest commissariat or brigade", .timeLimit(.minutes(2)))
    func stationsExample() throws {
        // README:begin
        let finder = try StationFinder.bundled()                 // 3,659 sites, indexed once
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        for r in finder.nearest(to: bordeaux, count: 3, filter: StationFilter(openAt: Date())) {
            print(r.station.name, Int(r.distanceMetres), "m", r.station.phone?.display ?? "")
        }
        if let commune = try finder.places(matching: "st etiene").first {   // Saint-Étienne (42218)
            let brigades = finder.nearest(to: commune, count: 5, filter: StationFilter(kinds: [.gendarmerie]))
            print(brigades.map(\.station.name))
        }
        // README:end
        let commune = try #require(try finder.places(matching: "st etiene").first)
        let brigades = finder.nearest(to: commune, count: 5, filter: StationFilter(kinds: [.gendarmerie]))
        #expect(brigades.count == 5)
        #expect(brigades.allSatisfy { $0.station.kind == .gendarmerie })
        #expect(bordeaux.latitude > 44)
    }
}
