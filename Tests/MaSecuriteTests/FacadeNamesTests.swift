import Foundation
import MaSecurite
import Testing

/// Names re-exported by the facade are not ambiguous under `import MaSecurite` (this file fails to
/// compile otherwise): a station's `PhoneNumber` and the content's `UsefulNumber` are two types.
@Suite struct FacadeNamesTests {
    @Test func phoneNumberAndUsefulNumberAreDistinct() throws {
        let content = try BundledContentProvider().loadContent()
        let police: UsefulNumber? = content.number("17")
        #expect(police?.emergency == true)
        #expect(String(describing: PhoneNumber.self) == "PhoneNumber")
    }
}
