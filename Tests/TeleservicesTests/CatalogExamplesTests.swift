import Testing
@testable import Teleservices

/// Runs every inline example written in the bundled catalog, and checks the
/// catalog's public contract (ids, URLs, translations, availability facts).
@Suite struct CatalogExamplesTests {
    static let contractIDs = [
        "tchat", "pnav", "espace-mineurs", "plainte-en-ligne", "pre-plainte-en-ligne", "visioplainte", "thesee",
        "perceval", "pharos", "17cyber", "cybermalveillance", "operation-tranquillite-vacances",
        "signalement-stupefiants", "signalement-rodeo", "igpn", "cnapr", "maprocuration", "rendez-vous",
        "annuaire", "ants", "histovec", "sia", "objets-trouves-pp", "info-escroqueries",
    ]

    static func allExamples() throws -> [RuleExample] {
        try TeleserviceCatalog.bundled().services.flatMap(\.examples)
    }

    @Test func bundledCatalogLoads() throws {
        let catalog = try TeleserviceCatalog.bundled()
        #expect(catalog.services.count >= 24)
        #expect(!catalog.version.isEmpty)
    }

    @Test(arguments: try allExamples())
    func inlineExample(_ example: RuleExample) throws {
        let catalog = try TeleserviceCatalog.bundled()
        let serviceID = String(example.path.prefix { $0 != "." })
        let result = try catalog.evaluate(serviceID: serviceID, situation: example.situation, on: example.date)
        #expect(result.verdict == example.verdict, "\(example.path) « \(example.name) »: \(result.reasons(in: .english))")
        #expect(result.missing == example.missing, "\(example.path) « \(example.name) »")
        #expect(result.dontKnow == example.dontKnow, "\(example.path) « \(example.name) »")
        #expect(!result.reasons.isEmpty, "\(example.path): every verdict is explained")
    }

    @Test func everyRuleBearingServiceHasExamplesCoveringEachVerdict() throws {
        for service in try TeleserviceCatalog.bundled().services where !service.rules.isEmpty {
            let verdicts = Set(service.examples.map(\.verdict))
            #expect(verdicts.contains(.eligible), "\(service.id) has no eligible example")
            #expect(verdicts.contains(.notEligible), "\(service.id) has no not-eligible example")
        }
    }

    @Test func everyRuleCanFailInSomeExample() throws {
        // Each rule is exercised: some example makes it the reason of a not-eligible verdict.
        let catalog = try TeleserviceCatalog.bundled()
        for service in catalog.services {
            var sources = Set<String>()
            for example in service.examples {
                let result = try catalog.evaluate(service, situation: example.situation, on: example.date)
                sources.formUnion(result.reasons.map(\.source))
            }
            for rule in service.rules {
                #expect(sources.contains(rule.path), "no example shows \(rule.path) failing")
            }
        }
    }

    @Test func contractIDsArePresent() throws {
        let catalog = try TeleserviceCatalog.bundled()
        for id in Self.contractIDs {
            #expect(catalog.service(id: id) != nil, "missing service \(id)")
        }
        #expect(catalog.serviceIDs.count == Set(catalog.serviceIDs).count)
    }

    @Test func everyTextIsInFrenchAndEnglish() throws {
        let catalog = try TeleserviceCatalog.bundled()
        for service in catalog.services {
            #expect(service.name.hasTranslation(in: .english), "\(service.id).name")
            #expect(service.purpose.hasTranslation(in: .english), "\(service.id).purpose")
            #expect(service.url.scheme == "https", "\(service.id).url")
            for rule in service.rules {
                #expect(rule.reason.hasTranslation(in: .english), "\(rule.path).reason")
            }
        }
        for fact in catalog.facts.facts {
            #expect(fact.question.hasTranslation(in: .english), "facts.\(fact.name)")
            for value in fact.values {
                #expect(value.label.hasTranslation(in: .english), "facts.\(fact.name).\(value.id)")
            }
        }
    }

    @Test func inventoryFacts() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let pel = try #require(catalog.service(id: "plainte-en-ligne"))
        #expect(pel.authentication == [.franceConnect])
        #expect(pel.url.host == "plainte-en-ligne.masecurite.interieur.gouv.fr")
        let legacy = try #require(catalog.service(id: "pre-plainte-en-ligne"))
        #expect(legacy.replacedBy == "plainte-en-ligne")
        #expect(legacy.isRetired)
        let visio = try #require(catalog.service(id: "visioplainte"))
        #expect(visio.channels == [.video])
        #expect(visio.availability.allSatisfy {
            if case .departements(let codes) = $0.scope { return !codes.isEmpty }
            return false
        })
        let pharos = try #require(catalog.service(id: "pharos"))
        #expect(pharos.anonymityPossible)
        #expect(pharos.authentication == [.none])
        let otv = try #require(catalog.service(id: "operation-tranquillite-vacances"))
        #expect(otv.minimumAge == 18)
        let procuration = try #require(catalog.service(id: "maprocuration"))
        #expect(procuration.authentication.contains(.franceIdentite))
    }
}
