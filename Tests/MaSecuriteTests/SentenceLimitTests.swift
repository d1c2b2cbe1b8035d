import Testing
@testable import MaSecurite

/// The guichet refuses a sentence beyond the documented bound, with an error naming it.
@Suite struct SentenceLimitTests {
    @Test func aSentenceBeyondTheBoundIsAClearError() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let long = String(repeating: "mot ", count: 3_000) // 12,000 characters
        await #expect(throws: GuichetError.sentenceTooLong(limit: 10_000)) { try await guichet.guidance(for: long) }
        #expect(GuichetError.sentenceTooLong(limit: 10_000).description.contains("10000 characters"))
        // Surrounding blanks do not count; the bound itself is accepted.
        let atBound = "vélo volé " + String(repeating: "a", count: 9_990)
        #expect(atBound.count == 10_000)
        _ = try await guichet.guidance(for: "  \n" + atBound + "\n  ")
    }
}
