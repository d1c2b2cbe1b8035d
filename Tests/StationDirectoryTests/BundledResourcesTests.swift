import Foundation
import Testing
@testable import StationDirectory

/// The module's resources are found through the one `BundledResources` idiom, with a typed error.
@Suite struct BundledResourcesTests {
    @Test func bundledFilesAreFoundAndAMissingOneIsNamed() throws {
        #expect(try !BundledResources.data("stations_fr.csv").isEmpty)
        #expect(throws: BundledResourceError(module: "StationDirectory", path: "no-such-file.json", reason: .missing)) {
            try BundledResources.url("no-such-file.json")
        }
        #expect(BundledResourceError(module: "StationDirectory", path: "x.json", reason: .missing).description
                == "the StationDirectory resource bundle has no Resources/x.json")
    }
}
