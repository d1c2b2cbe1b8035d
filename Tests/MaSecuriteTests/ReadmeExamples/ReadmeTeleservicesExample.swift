import Teleservices
import Testing

/// The README's "Teleservices" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: Teleservices")
struct ReadmeTeleservicesExampleTests {
    @Test("Teleservices: which online service fits, and why", .timeLimit(.minutes(2)))
    func teleservicesExample() throws {
        // README:begin
        let catalog = try TeleserviceCatalog.bundled()
        let situation = Situation(values: [
            "emergency_now": .bool(false), "offence": .enumValue("vol"),
            "author_known": .bool(true), "victim_is_minor": .bool(false),
            "happened_in_france": .bool(true),
        ])
        let today = try LocalDate(iso: "2026-01-15")
        let result = try catalog.evaluate(serviceID: "plainte-en-ligne", situation: situation, on: today)
        print(result.verdict, result.reasons(in: .english))   // notEligible, "…the author is known to you…"
        let ranked = try catalog.suggest(situation, on: today) // services that fit, then those needing answers
        // README:end
        #expect(result.verdict == .notEligible)
        #expect(!result.reasons(in: .english).isEmpty)
        #expect(!ranked.isEmpty)
    }
}
