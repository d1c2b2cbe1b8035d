import Foundation
import Testing
@testable import MaSecurite

/// The guichet's « Je signale » answers offer the structured form where the
/// Signalements module has one, and only there.
@Suite struct StructuredSignalementTests {
    @Test func drugDealingAndRodeosOfferTheirForm() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let catalog = try SignalementCatalog.bundled()
        for (sentence, kind) in [("y a des dealers dans ma cage d'escalier tous les soirs", "point-de-deal"),
                                 ("tous les week ends il y a des rodeos de motos cross dans ma rue", "rodeo-urbain")] {
            let guidance = try await guichet.guidance(for: sentence, at: .postalCode(try PostalCode("33000")))
            let step = try #require(guidance.steps.first { $0.signalementKind != nil }, "\(sentence)")
            #expect(step.signalementKind == kind)
            #expect(step.kind == "teleservice")
            #expect(try catalog.kind(kind).id == kind)
            let json = String(decoding: try JSONEncoder().encode(step), as: UTF8.self)
            #expect(json.contains("\"signalement_kind\":\"\(kind)\""))
        }
        let bike = try await guichet.guidance(for: "on m'a volé mon vélo devant la gare", at: .postalCode(try PostalCode("33000")))
        #expect(bike.steps.allSatisfy { $0.signalementKind == nil })
    }

    @Test func everyMappedKindExists() throws {
        let catalog = try SignalementCatalog.bundled()
        let services = try TeleserviceCatalog.bundled()
        for (service, kind) in StructuredSignalement.kindsByTeleservice {
            #expect(services.services.contains { $0.id == service }, "\(service) is not in the teleservices catalog")
            #expect(throws: Never.self) { try catalog.kind(kind) }
        }
    }
}
