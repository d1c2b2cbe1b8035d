import Testing
@testable import OrienteurKit

@Suite struct EmergencyDetectorTests {
    static let orienteur: Result<Orienteur, ContentLoadError> = Result { () throws(ContentLoadError) -> Orienteur in try Orienteur.bundled() }
    var detector: EmergencyDetector { get throws { try Self.orienteur.get().emergencyDetector } }

    /// The alert `ask` gives: words and the situation of the leaves found.
    func ask(_ text: String) throws -> EmergencyAlert? { try Self.orienteur.get().ask(text).emergency }

    @Test func violenceNowGivesPoliceNumbersNeverAForm() throws {
        let alert = try #require(try detector.detect("Mon mari me frappe en ce moment !"))
        #expect(alert.reason == .violenceNow)
        #expect(alert.actions.map(\.description) == ["call:17", "call:112", "sms:114"])
        let content = try Self.orienteur.get().content
        #expect(alert.actions.allSatisfy { $0.isEmergencyNumber(in: content) })
        #expect(alert.cues.contains("me frappe"))
    }

    @Test func suicideIntentGives3114And112() throws {
        let alert = try #require(try detector.detect("j'ai envie d'en finir"))
        #expect(alert.reason == .suicide)
        #expect(Array(alert.actions.prefix(2)) == [.call("3114"), .call("112")])
        #expect(try detector.detect("I want to kill myself")?.reason == .suicide)
    }

    @Test func injuryAndFireAddTheirNumbers() throws {
        let medical = try #require(try detector.detect("il saigne beaucoup, il est inconscient"))
        #expect(medical.actions.first == .call("15"))
        let fire = try #require(try detector.detect("au feu, il y a de la fumée partout"))
        #expect(fire.actions.first == .call("18"))
    }

    @Test(arguments: [
        "on me suit depuis la sortie du métro",
        "il a un couteau",
        "je suis enfermée chez lui",
        "quelqu'un essaie d'entrer chez moi",
        "the burglars are still in the house",
        "a child is alone in a car, child in danger",
    ])
    func dangersHappeningNowAreDetected(_ text: String) throws {
        #expect(try detector.detect(text) != nil)
    }

    @Test(arguments: [
        "mon mari m'a frappée il y a deux ans, je veux porter plainte",
        "on m'a volé mon vélo hier",
        "je me suis fait cambrioler la semaine dernière",
        "comment déclarer une arme héritée",
        "my bike was stolen last week",
        "comment faire une procuration",
    ])
    func pastEventsToldCalmlyAreNot(_ text: String) throws {
        #expect(try ask(text) == nil)
    }

    @Test func aPresentCueOverridesThePast() throws {
        #expect(try detector.detect("il m'a frappée hier et il est encore là, j'ai peur") != nil)
    }

    /// The situations of issue 15 that cue words alone used to miss, with the number that fits first.
    @Test(arguments: [
        ("accident sur la départementale, deux voitures, il y a des blessés", "15"),
        ("mon fils de 9 ans n'est pas rentré de l'école", "17"),
        ("un inconnu essaie d'ouvrir ma porte, il est 2h du matin", "17"),
        ("une voiture roule à contresens sur l'autoroute A7", "17"),
        ("on entend des coups de feu dans la rue", "17"),
        ("je peux pas parler il est à côté de moi", "114"),
        ("there is a fire in my building", "18"),
    ])
    func situationsNamedInTheIssueRaiseTheFittingNumber(_ text: String, _ first: String) throws {
        let alert = try #require(try ask(text), "no alert for: \(text)")
        #expect(alert.actions.first?.value == first, "\(text) → \(alert.actions)")
    }

    @Test func aMissingChildAlsoGets116000() throws {
        let alert = try #require(try ask("ma fille a disparu, on la trouve pas depuis une heure"))
        #expect(alert.reasons.contains(.missingChild))
        #expect(alert.actions.contains(.call("116000")))
    }

    @Test(arguments: [
        "au secours mon compte instagram a été piraté",
        "j'ai besoin d'un passeport en urgence pour partir lundi",
        "il est parti, personne n'est blessé, je voudrais porter plainte",
        "que faire si un jour quelqu'un essaie d'entrer chez moi",
        "ma fille avait fugué il y a deux ans, elle a été retrouvée",
    ])
    func hardNegativesRaiseNothing(_ text: String) throws {
        #expect(try ask(text) == nil, "false alarm on: \(text)")
    }

    @Test func aPastBurglaryLeadsToThePlainteNotTo17() throws {
        let answer = try Self.orienteur.get().ask("cambriolage chez moi le week-end dernier", limit: 3)
        #expect(answer.emergency == nil)
        let top = try #require(answer.results.first)
        #expect(top.id != "a-camb-present")
        #expect(try Self.orienteur.get().content.leaf(top.id)?.emergency != true)
    }

    @Test func theSituationOfALeafWithAPresentCueRaisesItAndSaysWhich() throws {
        let alert = try #require(try ask("des cambrioleurs sont dans la maison du voisin en ce moment"))
        #expect(alert.reason == .intruderNow)
        #expect(!alert.cues.isEmpty)
    }

    @Test func numbersComeFromTheContent() throws {
        var content = try Self.orienteur.get().content
        content.emergencyAnswers = [EmergencyAnswer(reason: .violenceNow, actions: [.call("999")])]
        let alert = try #require(EmergencyDetector(content: content).detect("il me frappe en ce moment"))
        #expect(alert.actions == [.call("999")])
    }
}
