import Foundation
import Testing
@testable import MaSecurite

@Suite("Guichet end to end")
struct GuichetTests {
    @Test("A stolen bike in Bordeaux: plainte en ligne available, nearest Gironde stations, free slots")
    func stolenBikeInBordeaux() async throws {
        let (guichet, clock) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "on m'a volé mon vélo devant la gare",
                                                  at: .postalCode(try PostalCode("33000")))
        #expect(guidance.emergency == nil)
        let orientation = try #require(guidance.orientation)
        #expect(orientation.leafID == "a-veh-velo")
        #expect(guidance.language == .french)

        let online = try #require(guidance.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice)
        #expect(online.available == true)
        #expect(online.verdict != .notEligible)
        #expect(online.url.hasPrefix("https://"))
        // The sentence does not say whether the author is known: the guichet says what is still to ask.
        #expect(online.missing.map(\.name).contains("author_known"))
        #expect(guidance.facts.contains(KnownFact(name: "department", value: "33", origin: .place)))
        #expect(guidance.facts.contains(KnownFact(name: "offence", value: "vol", origin: .orientation)))

        let visit = try #require(guidance.steps.first { $0.kind == "visit" }?.stations)
        #expect(visit.motif == "plainte")
        #expect(visit.stations.count == 3)
        #expect(visit.stations.allSatisfy { $0.departement.rawValue == "33" })
        #expect(visit.stations.map(\.distanceMetres) == visit.stations.map(\.distanceMetres).sorted())
        let nearest = try #require(visit.stations.first)
        #expect(nearest.distanceMetres < 5_000)
        let slot = try #require(nearest.firstSlots.first)
        #expect(slot.stationID == nearest.id)
        #expect(slot.motif == "plainte")
        #expect(slot.start >= clock.now().addingTimeInterval(2 * 3600))
        #expect(slot.remaining >= 1)
        #expect(!guidance.documents.isEmpty)
        #expect(guidance.chat?.platform == .tchat)
    }

    @Test("An emergency sentence gives the emergency block first and no form")
    func emergencySentence() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "au secours mon mari me frappe en ce moment",
                                                  at: .postalCode(try PostalCode("33000")))
        let emergency = try #require(guidance.emergency)
        #expect(emergency.actions.contains("call:17"))
        #expect(emergency.actions.contains("sms:114"))
        #expect(emergency.numbers.count == emergency.actions.count)
        #expect(!guidance.steps.isEmpty)
        #expect(guidance.steps.allSatisfy { $0.kind == "call" || $0.kind == "sms" })
        #expect(guidance.steps.first?.action == emergency.actions.first)
        #expect(guidance.chat == nil)
        #expect(guidance.slots.isEmpty)
    }

    @Test("An emergency leaf reached in the tree also gives only the numbers")
    func emergencyLeaf() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(forLeaf: "a-camb-present", at: .postalCode(try PostalCode("69001")))
        #expect(guidance.emergency?.actions.first == "call:17")
        #expect(guidance.steps.allSatisfy { $0.number != nil })
        #expect(guidance.facts.contains(KnownFact(name: "emergency_now", value: "true", origin: .emergency)))
    }

    @Test("A minor is not offered plainte en ligne, and is sent to the space for minors")
    func minorNoOnlineComplaint() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let place = Place.postalCode(try PostalCode("33000"))
        let spoken = try await guichet.guidance(for: "j'ai 15 ans et on m'a volé mon vélo devant le collège", at: place)
        #expect(spoken.emergency == nil)
        #expect(!spoken.steps.contains { $0.action == "teleservice:plainte-en-ligne" })
        #expect(spoken.facts.contains(KnownFact(name: "victim_is_minor", value: "true", origin: .sentence)))
        #expect(spoken.chat?.platform == .espaceMineurs)
        #expect(spoken.steps.contains { $0.kind == "visit" })

        // Even on the bike-theft orientation, an age under 18 sets plainte en ligne aside with the reason.
        let bike = try await guichet.guidance(forLeaf: "a-veh-velo", at: place, facts: Situation(values: ["age": .number(15)]))
        #expect(!bike.steps.contains { $0.action == "teleservice:plainte-en-ligne" })
        let setAside = try #require(bike.setAside.first { $0.id == "plainte-en-ligne" })
        #expect(setAside.verdict == .notEligible)
        #expect(setAside.alternatives.contains("espace-mineurs"))
        #expect(bike.facts.contains(KnownFact(name: "victim_is_minor", value: "true", origin: .citizen)))
        #expect(bike.chat?.platform == .espaceMineurs)
        // A minor files the complaint in person: the station visit remains.
        #expect(bike.steps.first { $0.kind == "visit" }?.stations?.stations.count == 3)
    }

    @Test("The citizen's own answers win and can make a service eligible")
    func givenFactsWin() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let place = Place.postalCode(try PostalCode("33000"))
        let before = try await guichet.guidance(forLeaf: "a-vol-inconnu", at: place)
        let pending = try #require(before.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice)
        #expect(pending.verdict == .needsInformation)
        #expect(pending.missing.map(\.name).contains("victim_is_minor"))

        var situation = Situation()
        for name in pending.missing.map(\.name) {
            situation = situation.setting(name, to: name == "victim_is_minor" ? .bool(false) : .bool(true))
        }
        let after = try await guichet.guidance(forLeaf: "a-vol-inconnu", at: place, facts: situation)
        let online = try #require(after.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice)
        #expect(online.verdict == .eligible)
        #expect(online.missing.isEmpty)
        #expect(after.facts.contains(KnownFact(name: "victim_is_minor", value: "false", origin: .citizen)))
    }

    @Test("Services are filtered by the citizen's département and the date")
    func availabilityByPlaceAndDate() async throws {
        // January 2024: plainte en ligne was a pilot in Gironde only.
        let january2024 = try Fixtures.date("2024-01-16T10:00:00+01:00")
        let (guichet, _) = try Fixtures.guichet(at: january2024)
        let paris = try await guichet.guidance(forLeaf: "a-vol-inconnu", at: .postalCode(try PostalCode("75011")))
        #expect(!paris.steps.contains { $0.action == "teleservice:plainte-en-ligne" })
        #expect(paris.setAside.first { $0.id == "plainte-en-ligne" }?.available == false)
        let bordeaux = try await guichet.guidance(forLeaf: "a-vol-inconnu", at: .postalCode(try PostalCode("33000")))
        #expect(bordeaux.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice?.available == true)
    }

    @Test("A slot offered can be booked, and a full slot is no longer offered")
    func bookAnOfferedSlot() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let place = Place.postalCode(try PostalCode("33000"))
        let first = try await guichet.guidance(forLeaf: "a-vol-connu", at: place)
        let slot = try #require(first.slots.first)
        for attempt in 0..<slot.remaining {
            let booking = try await guichet.book(slot, idempotencyKey: "attempt-\(attempt)")
            #expect(booking.start == slot.start)
            #expect(booking.station == slot.stationID)
        }
        await #expect(throws: AppointmentError.self) { try await guichet.book(slot) }
        let second = try await guichet.guidance(forLeaf: "a-vol-connu", at: place)
        #expect(second.slots.first { $0.stationID == slot.stationID && $0.start == slot.start } == nil)
    }

    @Test("Without a place, stations are left empty with a note, and services wait for the département")
    func withoutPlace() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(forLeaf: "a-veh-velo")
        #expect(guidance.place == nil)
        #expect(guidance.steps.first { $0.kind == "visit" }?.stations?.stations.isEmpty == true)
        #expect(!guidance.notes.isEmpty)
        #expect(guidance.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice?.available == nil)
    }

    @Test("English sentences get English answers")
    func english() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "someone stole my bike at the station", at: .postalCode(try PostalCode("33000")),
                                                  language: .english)
        #expect(guidance.language == .english)
        let step = try #require(guidance.steps.first { $0.kind == "visit" })
        #expect(step.title.hasPrefix("Go to"))
    }

    @Test("Unknown leaves and empty sentences are clear errors")
    func errors() async throws {
        let (guichet, _) = try Fixtures.guichet()
        await #expect(throws: GuichetError.unknownLeaf("nope")) { try await guichet.guidance(forLeaf: "nope") }
        await #expect(throws: GuichetError.emptySentence) { try await guichet.guidance(for: "   ") }
        #expect(throws: GuichetError.self) { try guichet.resolve(.communeName("zzzzqqqxxw")) }
        await #expect(throws: GuichetError.self) {
            try await guichet.guidance(forLeaf: "a-vol-inconnu", facts: Situation(values: ["author_known": .enumValue("maybe")]))
        }
        await #expect(throws: GuichetError.self) {
            try await guichet.guidance(for: "vol", facts: Situation(values: ["colour": .bool(true)]))
        }
    }

    @Test("A wrong leaf fact in the content (e.g. from an overlay) is refused when the guichet is built, naming leaf and fact")
    func badHint() throws {
        let modules = try Fixtures.modules.get()
        let clock = ManualWallClock(Fixtures.tuesdayMorning)
        var content = modules.orienteur.content
        let index = try #require(content.leaves.firstIndex { $0.id == "a-vol-inconnu" })
        content.leaves[index].facts = ["offence": "stolen-bike"]
        let error = #expect(throws: GuichetError.self) {
            try Guichet(orienteur: Orienteur(content: content), catalog: modules.catalog, stations: modules.stations,
                        appointments: AppointmentBook(store: InMemoryBookingStore(), clock: clock), clock: clock)
        }
        guard case .invalidFact(let leaf, let fact, _)? = error else {
            Issue.record("expected invalidFact, got \(String(describing: error))")
            return
        }
        #expect(leaf == "a-vol-inconnu")
        #expect(fact == "offence")
    }
}

@Suite("Leaf fact hints")
struct LeafFactsTests {
    @Test("Every bundled hint names a leaf of the bundled content and fits the fact vocabulary")
    func hintsMatchContent() throws {
        let modules = try Fixtures.modules.get()
        let withFacts = modules.orienteur.content.leaves.filter { !$0.facts.isEmpty }
        #expect(withFacts.count >= 70)
        for leaf in withFacts {
            for (name, value) in leaf.facts {
                #expect(throws: Never.self, "\(leaf.id).\(name)") { _ = try modules.catalog.facts.answer(for: name, text: value) }
            }
        }
    }

    @Test("A procuration leaf makes Maprocuration fit an adult without asking what for")
    func procuration() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(forLeaf: "c-proc-std", at: .communeName("Lyon"), facts: Situation(values: ["age": .number(40)]))
        let service = try #require(guidance.steps.first { $0.action == "teleservice:maprocuration" }?.teleservice)
        #expect(service.verdict == .eligible)
        let appointment = try #require(guidance.steps.first { $0.kind == "appointment" }?.stations)
        #expect(appointment.motif == "procuration")
        #expect(appointment.stations.allSatisfy { $0.departement.rawValue == "69" })
    }
}

@Suite("Possible emergencies")
struct PossibleEmergencyTests {
    @Test("A danger only the learnt model reads shows the numbers and, under them, the ordinary answer")
    func possibleDangerKeepsTheOrdinaryAnswer() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let set = try EvaluationSet.load(from: try OrientationEvaluationTests.url("development-3"))
        let possible = set.sentences.first { sentence in
            guichet.orienteur.ask(sentence.text, language: sentence.lang).emergency?.isPossible == true
        }
        let sentence = try #require(possible, "no sentence of the third development part raises a possible alert")
        let guidance = try await guichet.guidance(for: sentence.text, language: sentence.lang)
        let block = try #require(guidance.emergency)
        #expect(block.possible)
        #expect(!block.actions.isEmpty)
        #expect(guidance.orientation != nil)
        #expect(!guidance.steps.isEmpty)
    }
}

@Suite("Understanding the sentence for the teleservices (j'ai compris que…)")
struct UnderstoodFactsTests {
    @Test("Who the author is and where it happened are read, shown, and pre-answer the rules")
    func readsAuthorAndPlace() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "mon voisin m'a insulté et menacé sur facebook", language: .french)
        let understood = Dictionary(uniqueKeysWithValues: guidance.understood.map { ($0.name, $0) })
        #expect(understood["author_known"]?.value == "true")
        #expect(understood["author_known"]?.answer == "oui")
        #expect(understood["happened_online"]?.value == "true")
        #expect(understood["happened_online"]?.question.isEmpty == false)
        #expect(guidance.facts.contains { $0.name == "author_known" && $0.value == "true" && $0.origin == .sentence })
    }

    @Test("The citizen's own answer wins and is no longer shown as understood")
    func citizenCorrects() async throws {
        let (guichet, _) = try Fixtures.guichet()
        let guidance = try await guichet.guidance(for: "mon voisin m'a insulté et menacé sur facebook", language: .french,
                                                  facts: Situation(values: ["author_known": .bool(false)]))
        #expect(!guidance.understood.contains { $0.name == "author_known" })
        #expect(guidance.facts.contains { $0.name == "author_known" && $0.value == "false" && $0.origin == .citizen })
    }

    @Test("Nothing is guessed from a possessive, a topic, or a sentence that says both")
    func noGuessing() {
        #expect(SentenceStatements.read("on a volé la voiture de mon mari").isEmpty)
        #expect(SentenceStatements.read("cambriolage").isEmpty)
        #expect(!SentenceStatements.read("je sais qui c'est mais je ne le connais pas").contains { $0.name == "author_known" })
        #expect(SentenceStatements.read("a stranger stole my card while I was abroad").map(\.name).sorted()
                == ["author_known", "card_in_possession", "happened_in_france"])
    }
}
