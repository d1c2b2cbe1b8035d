import Foundation
import Testing
@testable import MaSecurite

/// Every leaf of the bundled content, resolved for a few situations (nothing
/// known, everything « je ne sais pas », typical answers): no answer
/// contradicts itself.
@Suite struct GuidanceConsistencyTests {
    /// The situations each leaf is resolved with.
    static func situations(_ catalog: TeleserviceCatalog) -> [(String, Situation)] {
        var unknown = Situation()
        for name in catalog.facts.names { unknown = unknown.settingDontKnow(name) }
        let typical = Situation(values: [
            "emergency_now": .bool(false), "author_known": .bool(false), "victim_is_minor": .bool(false),
            "happened_in_france": .bool(true), "is_professional": .bool(false), "age": .number(35),
        ])
        return [
            ("nothing known", Situation()),
            ("everything « je ne sais pas »", unknown),
            ("typical, author unknown", typical),
            ("typical, author known", typical.setting("author_known", to: .bool(true))),
            ("a minor who does not know the rest", unknown.setting("age", to: .number(15)).setting("victim_is_minor", to: .bool(true))),
        ]
    }

    @Test func noServiceIsBothOfferedAndSetAsideAndStationsAreListed() async throws {
        let (guichet, _) = try Fixtures.guichet()
        // The one is-known rule of the bundled catalog: the request needs the dates of absence.
        let needsAValue: Set = ["operation-tranquillite-vacances"]
        for leaf in guichet.content.leaves {
            for (label, situation) in Self.situations(guichet.catalog) {
                let guidance = try await guichet.guidance(forLeaf: leaf.id, at: .postalCode(try PostalCode("33000")), facts: situation)
                let context = "\(leaf.id), \(label)"
                let offered = guidance.steps.compactMap(\.teleservice)
                let offeredIDs = Set(offered.map(\.id))
                let asideIDs = Set(guidance.setAside.map(\.id))
                #expect(offeredIDs.isDisjoint(with: asideIDs), "\(context): offered and set aside: \(offeredIDs.intersection(asideIDs))")
                // An offered service is never said not to fit, anywhere in the answer.
                for advice in offered {
                    #expect(advice.verdict != .notEligible, "\(context): \(advice.id) offered though not eligible")
                    for note in guidance.notes {
                        #expect(!note.contains(advice.name), "\(context): a note speaks of offered \(advice.id): \(note)")
                    }
                }
                // A set-aside service is not offered by another step's title either (« porter plainte sur THESEE »);
                // fiches, which describe a service, may name it.
                for advice in guidance.setAside {
                    let shortName = String(advice.name.split(separator: " — ").first ?? Substring(advice.name)).lowercased()
                    for step in guidance.steps where step.teleservice == nil && step.fiche == nil {
                        #expect(!step.title.lowercased().contains(shortName), "\(context): step « \(step.title) » offers \(advice.id), set aside")
                    }
                }
                // A set-aside service never sends the citizen to another one set aside in the same answer.
                for advice in guidance.setAside {
                    let bad = Set(advice.alternatives).intersection(asideIDs)
                    #expect(bad.isEmpty, "\(context): \(advice.id) points to \(bad), set aside too")
                }
                // « Je ne sais pas » never sets a service aside by itself: only an answer or the territory does.
                if label == "everything « je ne sais pas »" {
                    for advice in guidance.setAside where advice.available != false && !needsAValue.contains(advice.id) {
                        Issue.record("\(context): \(advice.id) set aside with nothing known: \(advice.reasons)")
                    }
                }
                // Where an online service is set aside and the leaf sends to a station, the stations are listed.
                if !guidance.setAside.isEmpty && guidance.emergency == nil {
                    let stationSteps = guidance.steps.filter { $0.kind == "visit" || $0.kind == "appointment" }
                    let leafHasStation = leaf.actions.contains { $0.kind == "visit" || $0.kind == "appointment" }
                    if leafHasStation {
                        #expect(!stationSteps.isEmpty, "\(context): the leaf's station step is missing")
                    }
                    for step in stationSteps {
                        #expect(step.stations?.stations.isEmpty == false, "\(context): \(step.action) lists no station")
                    }
                }
            }
        }
    }
}
