import Foundation
import Testing
@testable import OrienteurKit

/// The module's resources are found through the one `BundledResources` idiom, with a typed error.
@Suite struct BundledResourcesTests {
    @Test func bundledFilesAreFoundAndAMissingOneIsNamed() throws {
        #expect(try !BundledResources.data("content/tree.json").isEmpty)
        #expect(throws: BundledResourceError(module: "OrienteurKit", path: "no-such-file.json", reason: .missing)) {
            try BundledResources.url("no-such-file.json")
        }
        #expect(BundledResourceError(module: "OrienteurKit", path: "x.json", reason: .missing).description
                == "the OrienteurKit resource bundle has no Resources/x.json")
    }
}
