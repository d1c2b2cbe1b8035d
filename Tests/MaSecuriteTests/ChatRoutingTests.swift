import Foundation
import Testing
@testable import MaSecurite

/// The victims' chat (PNAV) is chosen by the catalog's rule on the offence, not by a list in Swift.
@Suite struct ChatRoutingTests {
    /// The bundled catalog files, read from the source tree so that a test can change them.
    static func catalogJSON(editingPNAV edit: (inout [[String: Any]]) -> Void) throws -> (Data, Data) {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Teleservices/Resources")
        let catalogData = try Data(contentsOf: resources.appendingPathComponent("catalog.json"))
        var catalog = try #require(try JSONSerialization.jsonObject(with: catalogData) as? [String: Any])
        var services = try #require(catalog["services"] as? [[String: Any]])
        let index = try #require(services.firstIndex { $0["id"] as? String == "pnav" })
        var rules = try #require(services[index]["rules"] as? [[String: Any]])
        edit(&rules)
        services[index]["rules"] = rules
        // Examples may no longer hold for the edited rules.
        services[index]["examples"] = []
        catalog["services"] = services
        return (try JSONSerialization.data(withJSONObject: catalog), try Data(contentsOf: resources.appendingPathComponent("facts.json")))
    }

    static func guichet(_ catalog: TeleserviceCatalog) throws -> Guichet {
        let modules = try Fixtures.modules.get()
        let clock = ManualWallClock(Fixtures.tuesdayMorning)
        return try Guichet(orienteur: modules.orienteur, catalog: catalog, stations: modules.stations,
                           appointments: AppointmentBook(store: InMemoryBookingStore(), clock: clock), clock: clock)
    }

    @Test func theOffenceRuleOfTheCatalogChoosesTheVictimsChat() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let adult = Situation(values: ["age": .number(30)])
        // a-men-prive: threats; the leaf does not point to PNAV, the offence does.
        #expect(try await guichet.guidance(forLeaf: "a-men-prive", facts: adult).chat?.platform == .pnav)
        #expect(try await guichet.guidance(forLeaf: "a-vol-inconnu", facts: adult).chat?.platform == .tchat)

        // A deployment whose PNAV rule lists only harassment: threats go to the general chat.
        let (catalogJSON, factsJSON) = try Self.catalogJSON { rules in
            rules[1]["in"] = ["offence", ["harcelement"]]
        }
        let narrowed = try Self.guichet(try TeleserviceCatalog(catalogJSON: catalogJSON, factsJSON: factsJSON))
        #expect(try await narrowed.guidance(forLeaf: "a-men-prive", facts: adult).chat?.platform == .tchat)
        #expect(try await narrowed.guidance(forLeaf: "a-har-proche", facts: adult).chat?.platform == .pnav)
    }

    @Test func aPNAVWithoutAnOffenceRuleIsRejected() throws {
        let (catalogJSON, factsJSON) = try Self.catalogJSON { rules in rules.remove(at: 1) }
        let catalog = try TeleserviceCatalog(catalogJSON: catalogJSON, factsJSON: factsJSON)
        #expect {
            _ = try Self.guichet(catalog)
        } throws: { error in
            guard case .loading(_, let message)? = error as? GuichetError else { return false }
            return message.contains("pnav.rules") && message.contains("offence")
        }
    }
}
