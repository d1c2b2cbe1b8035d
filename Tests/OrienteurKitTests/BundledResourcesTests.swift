import Foundation
import Testing
import MaSecuriteCore
@testable import OrienteurKit

/// The module's resources are found through the one `BundledResources` idiom, with a typed error.
@Suite struct BundledResourcesTests {
    @Test func bundledFilesAreFoundAndAMissingOneIsNamed() throws {
        #expect(try !BundledResources.orienteurKit.data("content/tree.json").isEmpty)
        #expect(throws: BundledResourceError(module: "OrienteurKit", path: "no-such-file.json", reason: .missing)) {
            try BundledResources.orienteurKit.url("no-such-file.json")
        }
        #expect(BundledResourceError(module: "OrienteurKit", path: "x.json", reason: .missing).description
                == "the OrienteurKit resource bundle has no Resources/x.json")
    }
}
