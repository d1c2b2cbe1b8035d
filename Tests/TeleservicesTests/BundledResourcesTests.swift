import Foundation
import Testing
@testable import Teleservices

/// The module's resources are found through the one `BundledResources` idiom, with a typed error.
@Suite struct BundledResourcesTests {
    @Test func bundledFilesAreFoundAndAMissingOneIsNamed() throws {
        #expect(try !BundledResources.data("catalog.json").isEmpty)
        #expect(throws: BundledResourceError(module: "Teleservices", path: "no-such-file.json", reason: .missing)) {
            try BundledResources.url("no-such-file.json")
        }
        #expect(BundledResourceError(module: "Teleservices", path: "x.json", reason: .missing).description
                == "the Teleservices resource bundle has no Resources/x.json")
    }
}
