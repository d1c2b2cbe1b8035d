import MaSecurite
import Testing

/// The README's "MaSecurite" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: MaSecurite")
struct ReadmeMaSecuriteExampleTests {
    @Test("MaSecurite: the guichet unique in one call", .timeLimit(.minutes(2)))
    func guichetExample() async throws {
        // README:begin
        let guichet = try Guichet()   // bundled content and directory, bookings in memory
        let guidance = try await guichet.guidance(for: "on m'a volé mon vélo devant la gare",
                                                  at: .postalCode(try PostalCode("33000")))
        if let emergency = guidance.emergency {
            print("Urgence :", emergency.actions.joined(separator: ", "))
        } else {
            for step in guidance.steps { print("-", step.title) }
            if let slot = guidance.slots.first {
                let booking = try await guichet.book(slot)      // anonymous
                print("Rendez-vous réservé :", booking.code.formatted)
            }
        }
        // README:end
        #expect(guidance.emergency == nil)
        #expect(!guidance.steps.isEmpty)
    }
}
