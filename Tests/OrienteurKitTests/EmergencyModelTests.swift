import Testing
@testable import OrienteurKit

@Suite struct EmergencyModelTests {
    @Test func learnsASeparableSetDeterministically() {
        var examples: [(features: [String], emergency: Bool)] = []
        for index in 0..<40 {
            examples.append((["w:frapp", "c:present", "n:\(index % 3)"], true))
            examples.append((["w:passeport", "c:calm", "n:\(index % 3)"], false))
        }
        let model = EmergencyModel.train(examples, trainedOn: "toy")
        #expect(model == EmergencyModel.train(examples, trainedOn: "toy"))
        #expect(model.probability(["w:frapp", "c:present"]) > 0.8)
        #expect(model.probability(["w:passeport", "c:calm"]) < 0.2)
        #expect((model.weights["w:frapp"] ?? 0) > 0)
        #expect((model.weights["w:passeport"] ?? 0) < 0)
    }

    /// `ask` hands the emergency model the terms its search already read instead of analysing
    /// the sentence again: they must be the very terms the model was trained on.
    @Test func theSearchReadsTheSameTermsAsTheModelsAnalyzer() throws {
        let content = try BundledContentProvider().loadContent()
        let orienteur = Orienteur(content: content)
        let sentences = [
            "jsuis enfermée ds la sdb il a un couteau qu'il m'a montré",
            "l'homme est ENCORE là, aujourd'hui, devant l'immeuble !!",
            "zorglub blorf xyzzy quelqu'un d'inconnu",
            "someone's trying to open my door, i'm alone and it's 3am",
            "Vol à l'arraché rue de l'Église à 14h30, 2 individus",
            "help my kid didn't come home from school",
        ]
        for sentence in sentences {
            let language = TextAnalyzer.guessLanguage(sentence)
            let search = orienteur.index(for: language).terms(of: sentence)
            #expect(search == TextAnalyzer(language: language).terms(sentence), "\(sentence)")
            let results = orienteur.index(for: language).search(sentence, limit: 8)
            let detector = EmergencyDetector(content: content)
            #expect(detector.assess(sentence, results: results, terms: search) == detector.assess(sentence, results: results))
        }
    }

    @Test func dropsFeaturesSeenOnce() {
        let model = EmergencyModel.train([(["w:rare", "w:common"], true), (["w:common"], false), (["w:common"], true)],
                                         trainedOn: "toy")
        #expect(model.weights["w:rare"] == nil)
    }

    @Test func aVetoSilencesTheRulesButNeverSuicidalIntent() throws {
        var content = try BundledContentProvider().loadContent()
        content.emergencyModel = nil
        let rulesOnly = Orienteur(content: content)
        #expect(rulesOnly.ask("un homme armé d'un couteau dans la rue").emergency != nil)
        #expect(rulesOnly.ask("il me frappe en ce moment").emergency != nil)
        #expect(rulesOnly.ask("je veux me suicider ce soir").emergency != nil)
        // A model that finds every sentence calm, with a veto: the rules are silenced, suicide is not.
        content.emergencyModel = EmergencyModel(weights: [:], bias: -20, threshold: 0.5, veto: 0.2, trainedOn: "calm")
        let vetoing = Orienteur(content: content)
        #expect(vetoing.ask("un homme armé d'un couteau dans la rue").emergency == nil)
        // Never a sentence that says the danger is there now, nor suicidal intent.
        #expect(vetoing.ask("il me frappe en ce moment").emergency != nil)
        #expect(vetoing.ask("je veux me suicider ce soir").emergency?.reasons.contains(.suicide) == true)
        // Without a veto, the same model never silences the rules.
        content.emergencyModel = EmergencyModel(weights: [:], bias: -20, threshold: 0.5, trainedOn: "calm")
        #expect(Orienteur(content: content).ask("un homme armé d'un couteau dans la rue").emergency != nil)
    }

    @Test func theBundledModelNeverSilencesClearDangersNorAlertsOnAHypothesis() throws {
        let orienteur = try Orienteur.bundled()
        #expect(orienteur.content.emergencyModel != nil)
        var withoutModel = orienteur.content
        withoutModel.emergencyModel = nil
        let rulesOnly = Orienteur(content: withoutModel)
        let sentences = [
            "il me frappe en ce moment", "on m'a volé mon vélo hier", "que faire si un jour quelqu'un me suit",
            "un homme est allongé par terre et ne réagit plus", "comment faire une procuration",
            "ça sent le brûlé chez le voisin et il y a de la fumée noire",
        ]
        for sentence in sentences where rulesOnly.ask(sentence).emergency != nil {
            #expect(orienteur.ask(sentence).emergency != nil, "the model silenced: \(sentence)")
        }
        #expect(orienteur.ask("que faire si un jour quelqu'un me suit").emergency == nil)
    }

    @Test func aModelFromAnOverlayReplacesTheBundledOne() throws {
        let content = try BundledContentProvider().loadContent()
        let overlay = ContentOverlay(emergencyModel: EmergencyModel(weights: [:], bias: -20, threshold: 0.5, trainedOn: "silent"))
        #expect(content.merging(overlay).emergencyModel?.trainedOn == "silent")
    }
}
