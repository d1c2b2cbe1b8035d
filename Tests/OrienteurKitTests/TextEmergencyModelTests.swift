import Foundation
import Testing
@testable import OrienteurKit

/// The text model: its features, its file format, its training, and how the detector combines it with the rules.
@Suite struct TextEmergencyModelTests {
    static let orienteur: Result<Orienteur, ContentLoadError> = Result { () throws(ContentLoadError) -> Orienteur in try Orienteur.bundled() }

    func ask(_ text: String) throws -> EmergencyAlert? { try Self.orienteur.get().ask(text).emergency }

    @Test func theBundledContentHasATextModel() throws {
        let text = try #require(try Self.orienteur.get().content.emergencyModel?.text)
        #expect(text.weights.count == TextEmergencyModel.bucketCount)
        #expect(text.idf.count == TextEmergencyModel.bucketCount)
        #expect(text.confirm <= text.alert)
    }

    @Test func accentsCaseAndSpacingDoNotChangeTheReading() throws {
        let text = try #require(try Self.orienteur.get().content.emergencyModel?.text)
        let plain = text.probability("il me frappe en ce moment, venez vite")
        #expect(abs(text.probability("IL ME FRAPPE EN CE MOMENT, VENEZ VITE") - plain) < 1e-9)
        #expect(abs(text.probability("il  me frappe   en ce moment, venez vite") - plain) < 1e-9)
        #expect(abs(text.probability("Élodie a été agressée") - text.probability("elodie a ete agressee")) < 1e-9)
        #expect((0...1).contains(text.probability("")))
    }

    @Test func aDangerNowReadsHigherThanTheSameWordsLongAgo() throws {
        let text = try #require(try Self.orienteur.get().content.emergencyModel?.text)
        #expect(text.probability("mon mari me frappe là maintenant, j'ai peur, venez") >= text.alert)
        #expect(text.probability("comment porter plainte pour un vol de vélo le mois dernier") < text.confirm)
        #expect(text.probability("my neighbour is stabbing someone in the stairwell right now") >= text.alert)
        #expect(text.probability("how do I get a copy of my complaint receipt") < text.confirm)
    }

    @Test func itLearnsToSeparateASmallSet() {
        let dangers = ["il me frappe en ce moment", "he is hitting me right now", "un homme armé est devant ma porte",
                       "someone is breaking into my house now", "au secours il veut me tuer", "my friend is not breathing"]
        let calm = ["comment porter plainte", "how do I report a stolen bike", "horaires du commissariat",
                    "where is the nearest police station", "j'ai perdu mes papiers", "what documents do I need for a complaint"]
        let examples = dangers.map { ($0, true) } + calm.map { ($0, false) }
        let model = TextEmergencyModel.train(examples, epochs: 30)
        for sentence in dangers { #expect(model.probability(sentence) > 0.5, "\(sentence)") }
        for sentence in calm { #expect(model.probability(sentence) < 0.5, "\(sentence)") }
        // Deterministic: the same sentences give the same model.
        #expect(TextEmergencyModel.train(examples, epochs: 30) == model)
    }

    @Test func theFileRoundTripsAndBadArraysAreRefused() throws {
        let model = TextEmergencyModel.train([("il me frappe", true), ("horaires", false)], epochs: 2)
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(TextEmergencyModel.self, from: data) == model)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["weights"] = Data([1, 2, 3]).base64EncodedString()
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TextEmergencyModel.self, from: try JSONSerialization.data(withJSONObject: object))
        }
        object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["confirm"] = 0.9
        object["alert"] = 0.5
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TextEmergencyModel.self, from: try JSONSerialization.data(withJSONObject: object))
        }
    }

    @Test func aMissingChildStandsUnlessTheTextModelIsAllButSureNothingIsHappening() throws {
        let alert = try #require(try ask("ma fille a disparu, on la trouve pas depuis une heure"))
        #expect(alert.reasons.contains(.missingChild))
        // A website that "has since disappeared": the rules read a missing child, the text model is all but sure of calm.
        let website = "I bought concert tickets for my daughter on a website that has since disappeared, 90 euros gone"
        var content = try Self.orienteur.get().content
        let model = try #require(content.emergencyModel?.text)
        #expect(model.probability(website) < model.dismissMissing)
        #expect(try ask(website) == nil)
        content.emergencyModel?.text?.dismissMissing = 0
        #expect(Orienteur(content: content).ask(website).emergency?.reasons == [.missingChild])
    }

    @Test func aDangerTheRulesHaveWordsForNeedsTheNamedDangerProbabilityFromTheTextModelAlone() throws {
        // A slap and a blow told as over: the text model hesitates (between `alert` and `namedDanger`), the
        // rules read them as past, and no alert is raised; with `namedDanger` at `alert` the text model would raise one.
        let told = ["il m'a giflée devant les enfants puis il est parti chez sa mère",
                    "ce midi un client a frappé la caissière et il s'est enfui, elle va bien"]
        var content = try Self.orienteur.get().content
        let model = try #require(content.emergencyModel?.text)
        for sentence in told {
            #expect((model.alert..<model.namedDanger).contains(model.probability(sentence)), "\(sentence)")
            #expect(try ask(sentence) == nil, "\(sentence)")
        }
        content.emergencyModel?.text?.namedDanger = model.alert
        let loose = Orienteur(content: content)
        for sentence in told {
            let alert = try #require(loose.ask(sentence).emergency, "\(sentence)")
            #expect(alert.reasons.allSatisfy(EmergencyDetector.namedDangers.contains), "\(sentence)")
        }
    }

    @Test func suicidalIntentIsNeverSilenced() throws {
        let alert = try #require(try ask("je vais sauter du pont ce soir, j'ai écrit ma lettre"))
        #expect(alert.reasons.contains(.suicide))
    }

    @Test func aHypothesisRaisesTheTextModelsAlertOnlyFromItsOverrule() throws {
        #expect(try ask("si j'entends encore des cris chez le voisin, j'appelle qui ?") == nil)
        #expect(try ask("qui faut-il prévenir si on sent une odeur de gaz dans la cage d'escalier ?") == nil)
        #expect(try ask("que faire si un jour mon voisin me menace avec un couteau ?") == nil)
        // A threat told inside a danger of now: "si quelqu'un appelle" is no question of the writer's.
        let told = "mon beau-père est rentré ivre, là il frappe ma mère dans la cuisine, elle saigne du nez, "
            + "il a dit que si quelqu'un appelle la police il nous tue, on est enfermés dans la salle de bain"
        let model = try #require(try Self.orienteur.get().content.emergencyModel?.text)
        #expect(model.probability(told) >= model.overrule)
        #expect(try ask(told) != nil)
    }

    @Test func anOverruleUnderTheAlertIsRefusedAndAMissingOneTakesTheDefault() throws {
        let model = TextEmergencyModel.train([("il me frappe", true), ("horaires", false)], epochs: 2)
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(model)) as? [String: Any])
        #expect(object["overrule"] as? Double == TextEmergencyModel.defaultOverrule)
        object["overrule"] = nil
        let older = try JSONDecoder().decode(TextEmergencyModel.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.overrule == TextEmergencyModel.defaultOverrule)
        object["overrule"] = 0.3
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TextEmergencyModel.self, from: try JSONSerialization.data(withJSONObject: object))
        }
    }

    @Test func theNamedDangerAndDismissMissingLevelsTravelInTheFileAndAreChecked() throws {
        let model = TextEmergencyModel.train([("il me frappe", true), ("horaires", false)], epochs: 2, namedDanger: 0.8, dismissMissing: 0.05)
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(model)) as? [String: Any])
        #expect(object["namedDanger"] as? Double == 0.8)
        #expect(object["dismissMissing"] as? Double == 0.05)
        object["namedDanger"] = nil
        object["dismissMissing"] = nil
        let older = try JSONDecoder().decode(TextEmergencyModel.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.namedDanger == TextEmergencyModel.defaultNamedDanger)
        #expect(older.dismissMissing == TextEmergencyModel.defaultDismissMissing)
        for (key, value) in [("namedDanger", 0.3), ("namedDanger", 1.5), ("dismissMissing", 0.5), ("dismissMissing", -0.1)] {
            var bad = object
            bad[key] = value
            #expect(throws: DecodingError.self, "\(key) \(value)") {
                try JSONDecoder().decode(TextEmergencyModel.self, from: try JSONSerialization.data(withJSONObject: bad))
            }
        }
    }

    @Test func theTextModelFindsDangersTheRulesLeaveAlone() throws {
        // Written in other words than any evaluation part: a suicide told through a story, people still in the house.
        let story = try #require(try ask("ma copine vient de mettre une photo de plein de cachets avec écrit adieu, elle répond plus"))
        #expect(story.isPossible || !story.reasons.isEmpty)
        #expect(try ask("ils sont descendus à la cave mais ils sont toujours dans la maison, je suis cachée sous le lit") != nil)
    }

    @Test func aQuestionAboutAnOldComplaintStaysCalm() throws {
        #expect(try ask("je voudrais savoir où en est ma plainte pour le cambriolage de l'an dernier") == nil)
        #expect(try ask("can I still file a report for a phone stolen three weeks ago?") == nil)
    }
}
