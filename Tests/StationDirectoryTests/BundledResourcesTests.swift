import Foundation
import Testing
import MaSecuriteCore
@testable import StationDirectory

/// The module's resources are found through the one `BundledResources` idiom, with a typed error.
@Suite struct BundledResourcesTests {
    @Test func bundledFilesAreFoundAndAMissingOneIsNamed() throws {
        #expect(try !BundledResources.stationDirectory.data("stations_fr.csv").isEmpty)
        #expect(throws: BundledResourceError(module: "StationDirectory", path: "no-such-file.json", reason: .missing)) {
            try BundledResources.stationDirectory.url("no-such-file.json")
        }
        #expect(BundledResourceError(module: "StationDirectory", path: "x.json", reason: .missing).description
                == "the StationDirectory resource bundle has no Resources/x.json")
    }
}
