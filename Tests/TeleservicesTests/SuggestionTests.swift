import Testing
@testable import Teleservices

/// `suggest` ranks the services that fit, and situations are checked against the vocabulary.
@Suite struct SuggestionTests {
    let day = LocalDate.iso("2026-01-15")

    @Test func stolenBikeSuggestsPlainteEnLigneFirst() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let situation = Situation(values: [
            "emergency_now": .bool(false), "offence": .enumValue("vol"), "author_known": .bool(false),
            "victim_is_minor": .bool(false), "happened_in_france": .bool(true), "need": .enumValue("porter-plainte"),
            "department": .departement(try DepartementCode("75")),
        ])
        let suggestions = try catalog.suggest(situation, on: day)
        let eligible = suggestions.filter { $0.verdict == .eligible }.map(\.serviceID)
        #expect(eligible.first == "plainte-en-ligne")
        #expect(eligible.contains("tchat"))
        #expect(!eligible.contains("thesee"))
        #expect(!suggestions.contains { $0.serviceID == "pre-plainte-en-ligne" })
        #expect(!suggestions.contains { $0.serviceID == "rendez-vous" }, "not offered in Paris")
        // Eligible first, then needs-information with the fewest missing facts first.
        let verdicts = suggestions.map(\.verdict)
        #expect(verdicts == verdicts.sorted { $0 == .eligible && $1 != .eligible })
        let missingCounts = suggestions.filter { $0.verdict == .needsInformation }.map(\.missing.count)
        #expect(missingCounts == missingCounts.sorted())
    }

    @Test func onlineScamSuggestsTheseeNotPlainteEnLigne() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let situation = Situation(values: [
            "emergency_now": .bool(false), "offence": .enumValue("escroquerie"), "happened_online": .bool(true),
            "is_professional": .bool(false), "author_known": .bool(false), "victim_is_minor": .bool(false),
            "happened_in_france": .bool(true),
        ])
        let ids = try catalog.suggest(situation, on: day).filter { $0.verdict == .eligible }.map(\.serviceID)
        #expect(ids.first == "thesee")
        #expect(ids.contains("17cyber") && ids.contains("info-escroqueries"))
        #expect(!ids.contains("plainte-en-ligne"))
        let pel = try catalog.evaluate(serviceID: "plainte-en-ligne", situation: situation, on: day)
        #expect(pel.alternatives == ["thesee"])
    }

    @Test func emergencyLeavesNoFormAndPointsTo17And112() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let situation = Situation(values: ["emergency_now": .bool(true)])
        let suggestions = try catalog.suggest(situation, on: day)
        #expect(suggestions.map(\.serviceID) == ["annuaire"], "only the station finder, which is not a form")
        for service in catalog.services where service.id != "annuaire" {
            let result = try catalog.evaluate(service, situation: situation, on: day)
            #expect(result.verdict == .notEligible, "\(service.id)")
            #expect(result.reasons(in: .french).contains { $0.contains("17") }, "\(service.id) points to 17")
        }
    }

    @Test func knownAuthorExplanationInBothLanguages() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let situation = Situation(values: [
            "emergency_now": .bool(false), "offence": .enumValue("vol"), "author_known": .bool(true),
            "victim_is_minor": .bool(false), "happened_in_france": .bool(true),
        ])
        let result = try catalog.evaluate(serviceID: "plainte-en-ligne", situation: situation, on: day)
        #expect(result.reasons(in: .english) == ["Plainte en ligne is not possible because the author is known to you: book an appointment at a station instead."])
        #expect(result.reasons(in: .french).first?.contains("vous connaissez l'auteur") == true)
        #expect(result.alternatives == ["rendez-vous", "annuaire"])
    }

    @Test func nextQuestionsStartWithTheEmergency() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let questions = try catalog.nextQuestions(Situation(), on: day)
        #expect(questions.first?.name == "emergency_now")
        #expect(questions.map(\.priority) == questions.map(\.priority).sorted())
    }

    @Test func situationsAreCheckedAgainstTheVocabulary() throws {
        let catalog = try TeleserviceCatalog.bundled()
        #expect(throws: SituationError.unknownService("nope", valid: catalog.serviceIDs)) {
            try catalog.evaluate(serviceID: "nope", situation: Situation(), on: day)
        }
        #expect(throws: SituationError.unknownFact("colour", valid: catalog.facts.names)) {
            try catalog.suggest(Situation(values: ["colour": .bool(true)]), on: day)
        }
        do {
            _ = try catalog.evaluate(serviceID: "tchat", situation: Situation(values: ["emergency_now": .number(1)]), on: day)
            Issue.record("a number was accepted for a yes/no fact")
        } catch {
            #expect(error.description.contains("true or false"))
        }
        do {
            _ = try catalog.evaluate(serviceID: "tchat", situation: Situation(values: ["offence": .enumValue("arson")]), on: day)
            Issue.record("an unknown enum value was accepted")
        } catch {
            #expect(error.description.contains("vol"))
        }
    }

    @Test func textAnswersAreParsedByType() throws {
        let facts = try TeleserviceCatalog.bundled().facts
        #expect(try facts.answer(for: "author_known", text: "oui") == .value(.bool(true)))
        #expect(try facts.answer(for: "author_known", text: "false") == .value(.bool(false)))
        #expect(try facts.answer(for: "age", text: "17") == .value(.number(17)))
        #expect(try facts.answer(for: "absence_start", text: "2026-07-01") == .value(.date(.iso("2026-07-01"))))
        #expect(try facts.answer(for: "department", text: "2a") == .value(.departement(try DepartementCode("2A"))))
        #expect(try facts.answer(for: "offence", text: "vol") == .value(.enumValue("vol")))
        #expect(try facts.answer(for: "absence_start", text: "?") == .dontKnow)
        #expect(throws: SituationError.self) { try facts.answer(for: "age", text: "old") }
        #expect(throws: SituationError.self) { try facts.answer(for: "department", text: "20") }
        #expect(throws: SituationError.self) { try facts.answer(for: "who", text: "me") }
    }
}
