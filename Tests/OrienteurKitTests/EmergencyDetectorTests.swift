import Testing
@testable import OrienteurKit

@Suite struct EmergencyDetectorTests {
    let detector = EmergencyDetector()

    @Test func violenceNowGivesPoliceNumbersNeverAForm() throws {
        let alert = try #require(detector.detect("Mon mari me frappe en ce moment !"))
        #expect(alert.reason == .violenceNow)
        #expect(alert.actions.map(\.description) == ["call:17", "call:112", "sms:114"])
        #expect(alert.actions.allSatisfy { $0.isEmergencyNumber })
    }

    @Test func suicideIntentGives3114And112() throws {
        let alert = try #require(detector.detect("j'ai envie d'en finir"))
        #expect(alert.reason == .suicide)
        #expect(Array(alert.actions.prefix(2)) == [.call("3114"), .call("112")])
        #expect(detector.detect("I want to kill myself")?.reason == .suicide)
    }

    @Test func injuryAndFireAddTheirNumbers() throws {
        let medical = try #require(detector.detect("il saigne beaucoup, il est inconscient"))
        #expect(medical.actions.first == .call("15"))
        let fire = try #require(detector.detect("au feu, il y a de la fumée partout"))
        #expect(fire.actions.contains(.call("18")))
    }

    @Test(arguments: [
        "on me suit depuis la sortie du métro",
        "il a un couteau",
        "je suis enfermée chez lui",
        "quelqu'un essaie d'entrer chez moi",
        "the burglars are still in the house",
        "a child is alone in a car, child in danger",
    ])
    func dangersHappeningNowAreDetected(_ text: String) {
        #expect(detector.detect(text) != nil)
    }

    @Test(arguments: [
        "mon mari m'a frappée il y a deux ans, je veux porter plainte",
        "on m'a volé mon vélo hier",
        "je me suis fait cambrioler la semaine dernière",
        "comment déclarer une arme héritée",
        "my bike was stolen last week",
        "comment faire une procuration",
    ])
    func pastEventsToldCalmlyAreNot(_ text: String) {
        #expect(detector.detect(text) == nil)
    }

    @Test func aPresentCueOverridesThePast() {
        #expect(detector.detect("il m'a frappée hier et il est encore là, j'ai peur") != nil)
    }
}
