import Foundation
import Testing
@testable import MaSecurite

@Suite("Guidance JSON")
struct GuidanceCodingTests {
    @Test("A full guidance round-trips through JSON unchanged")
    func roundTrip() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "on m'a volé mon vélo devant la gare", at: .postalCode(try PostalCode("33000")))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(guidance)
        let decoded = try JSONDecoder().decode(Guidance.self, from: data)
        #expect(decoded == guidance)
        #expect(try encoder.encode(decoded) == data)
    }

    @Test("Keys are snake_case and dates carry the local offset")
    func wireFormat() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(forLeaf: "a-vol-connu", at: .postalCode(try PostalCode("33000")))
        let json = String(decoding: try JSONEncoder().encode(guidance), as: UTF8.self)
        for key in ["\"content_version\"", "\"set_aside\"", "\"distance_m\"", "\"open_now\"", "\"first_slots\"", "\"station_id\"",
                    "\"motif_name\"", "\"postal_code\""] {
            #expect(json.contains(key), "missing \(key)")
        }
        #expect(!json.contains("distanceMetres"))
        #expect(json.contains("+01:00"))
    }

    @Test("An emergency guidance round-trips too")
    func emergencyRoundTrip() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "quelqu'un essaie d'entrer chez moi en ce moment")
        #expect(guidance.emergency != nil)
        let decoded = try JSONDecoder().decode(Guidance.self, from: JSONEncoder().encode(guidance))
        #expect(decoded == guidance)
    }
}
